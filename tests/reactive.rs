//! The page's reactive helpers (headless Chromium): a load keeps what it shows while it
//! reloads and never lets an older answer overwrite a newer one; a submission says whether
//! it is under way and reports every answer, even an equal one.
#![cfg(target_arch = "wasm32")]

use futures_channel::oneshot;
use leptos::prelude::*;
use mfa_manager::reactive::{effect, Load, Submit};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use support::{container, let_pending_tasks_run, settle_until};
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// Answers still to give, in the order they were asked for.
type Pending = Rc<RefCell<Vec<Option<oneshot::Sender<u32>>>>>;

/// A future answered later through `pending`.
fn asked(pending: &Pending) -> impl std::future::Future<Output = u32> {
    let (answer, answered) = oneshot::channel();
    pending.borrow_mut().push(Some(answer));
    async move { answered.await.unwrap_or(0) }
}

fn answer(pending: &Pending, run: usize, value: u32) {
    let sender = pending.borrow_mut()[run].take().expect("answered once");
    let _ = sender.send(value);
}

/// Runs `make` as a component would, inside a mounted (empty) view; dropping the returned
/// handle unmounts it and disposes what `make` created.
fn in_component<T: Copy + 'static>(make: impl FnOnce() -> T + 'static) -> (T, impl Sized) {
    let made = Rc::new(Cell::new(None));
    let slot = Rc::clone(&made);
    let handle = leptos::mount::mount_to(container(), move || {
        slot.set(Some(make()));
    });
    (made.get().expect("made while mounting"), handle)
}

#[wasm_bindgen_test]
async fn a_load_keeps_its_value_while_reloading_and_drops_overtaken_runs() {
    let pending = Pending::default();
    // Outlives the load's component, to show that a disposed load no longer runs.
    let (source, _keep) = in_component(|| RwSignal::new(0u32));
    let asks = Rc::clone(&pending);
    let (load, component) = in_component(move || {
        Load::new(move || {
            source.track();
            asked(&asks)
        })
    });
    let shown = move || untrack(|| load.get());
    settle_until("the first run", || pending.borrow().len() == 1).await;
    assert_eq!(pending.borrow().len(), 1, "it starts when created");
    assert_eq!(shown(), None);

    answer(&pending, 0, 1);
    settle_until("the first answer", || shown() == Some(1)).await;
    assert_eq!(shown(), Some(1));

    load.reload();
    settle_until("the second run", || pending.borrow().len() == 2).await;
    assert_eq!(pending.borrow().len(), 2, "reload runs it again");
    assert_eq!(shown(), Some(1), "the last answer stays while reloading");

    source.set(5);
    settle_until("the third run", || pending.borrow().len() == 3).await;
    assert_eq!(
        pending.borrow().len(),
        3,
        "a change of what it reads runs it again"
    );
    answer(&pending, 2, 3);
    settle_until("the third run's answer", || shown() == Some(3)).await;
    assert_eq!(shown(), Some(3));
    answer(&pending, 1, 2);
    let_pending_tasks_run().await;
    assert_eq!(shown(), Some(3), "an overtaken run's answer is dropped");

    drop(component);
    source.set(6);
    let_pending_tasks_run().await;
    assert_eq!(
        pending.borrow().len(),
        3,
        "nothing runs after its owner is gone"
    );
}

#[wasm_bindgen_test]
async fn a_submission_is_pending_until_answered_and_reports_every_answer() {
    let pending = Pending::default();
    let inputs = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::new(RefCell::new(Vec::new()));
    let (asks, sent, shown) = (Rc::clone(&pending), Rc::clone(&inputs), Rc::clone(&seen));
    let (submit, component) = in_component(move || {
        let submit = Submit::new(move |input: &String| {
            sent.borrow_mut().push(input.clone());
            asked(&asks)
        });
        effect(move || shown.borrow_mut().push(submit.value().get()));
        submit
    });
    let busy = move || untrack(|| submit.pending().get());
    settle_until("the effect's first run", || !seen.borrow().is_empty()).await;
    assert_eq!(*seen.borrow(), [None]);
    assert!(!busy());

    submit.dispatch("123456".into());
    assert!(busy(), "pending as soon as it is sent");
    answer(&pending, 0, 7);
    settle_until("the first answer reported", || {
        !busy() && seen.borrow().len() == 2
    })
    .await;
    assert!(!busy());
    assert_eq!(*seen.borrow(), [None, Some(7)]);

    // The same answer again (a second wrong code) is reported again.
    submit.dispatch("654321".into());
    answer(&pending, 1, 7);
    settle_until("the equal answer reported", || seen.borrow().len() == 3).await;
    assert_eq!(*seen.borrow(), [None, Some(7), Some(7)]);
    assert_eq!(*inputs.borrow(), ["123456", "654321"]);

    drop(component);
    submit.dispatch("111111".into());
    assert_eq!(
        inputs.borrow().len(),
        2,
        "nothing is sent after its owner is gone"
    );
}
