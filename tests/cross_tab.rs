//! The cross-tab channel in a real browser: a notice reaches the other ends of the channel,
//! not the sender, and a closed end hears nothing.
#![cfg(target_arch = "wasm32")]

use mfa_manager::app::cross_tab::CrossTab;
use std::cell::Cell;
use std::rc::Rc;
use support::settle_until;
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

fn counting() -> (Rc<Cell<u32>>, impl Fn() + 'static) {
    let count = Rc::new(Cell::new(0));
    let counted = Rc::clone(&count);
    (count, move || counted.set(counted.get() + 1))
}

#[wasm_bindgen_test]
async fn a_change_notice_reaches_the_others_until_they_close() {
    let (first_heard, on_first) = counting();
    let (second_heard, on_second) = counting();
    let first = CrossTab::open(on_first).expect("BroadcastChannel is available");
    let second = CrossTab::open(on_second).expect("BroadcastChannel is available");

    first.notify_changed();
    settle_until("the notice at the other end", || second_heard.get() == 1).await;
    assert_eq!(second_heard.get(), 1, "the other end heard the notice");
    assert_eq!(first_heard.get(), 0, "the sender does not hear itself");

    second.close();
    // A third end, still open, shows when the notice has been delivered.
    let (witness_heard, on_witness) = counting();
    let _witness = CrossTab::open(on_witness).expect("BroadcastChannel is available");
    first.notify_changed();
    settle_until("the notice at the open end", || witness_heard.get() == 1).await;
    assert_eq!(second_heard.get(), 1, "a closed end hears nothing more");
}
