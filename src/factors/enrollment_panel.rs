//! The frame of an enrollment that starts as soon as its panel opens (authenticator app, push):
//! ask the tenant for the enrollment, then show its steps.

use super::api_error::ApiErrorView;
use super::context::{Factors, Panel};
use super::try_again::try_again;
use crate::api::{Associate, Enrollment};
use crate::reactive::Load;
use leptos::prelude::*;

/// A panel that requests an enrollment of `kind` when it opens and shows `steps` once the
/// tenant answered: a progress line meanwhile, and if the request failed, the error with
/// "Try again" (keyboard focus moves to the heading, as the answer replaces the button).
/// "Cancel", at the bottom, closes the panel at any point.
#[component]
pub fn EnrollmentPanel<S>(
    /// What to enroll.
    kind: Associate,
    /// `id` of the panel's heading, which names the panel.
    title_id: &'static str,
    /// The heading.
    title: &'static str,
    /// The progress line while the tenant prepares the enrollment.
    preparing: &'static str,
    /// `id` of the Cancel button.
    cancel_id: &'static str,
    /// The steps for an enrollment; the callback requests a fresh one.
    steps: S,
) -> impl IntoView
where
    S: Fn(Enrollment, Callback<()>) -> AnyView + Send + Sync + 'static,
{
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let enrollment = Load::new(move || {
        let api = factors.api();
        let kind = kind.clone();
        async move { api.0.associate(kind).await }
    });
    let again = Callback::new(move |()| try_again(&format!("#{title_id}"), || enrollment.reload()));
    view! {
        <section class="mfa-card" aria-labelledby=title_id>
            <h2 id=title_id class="mfa-panel-title" tabindex="-1">{title}</h2>
            {move || match enrollment.get() {
                None => view! { <p class="mfa-status" role="status">{preparing}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ApiErrorView error />
                    <div class="mfa-actions">
                        <button type="button" class="mfa-button" on:click=move |_| again.run(())>{t.try_again}</button>
                    </div>
                }.into_any(),
                Some(Ok(enrollment)) => steps(enrollment, again),
            }}
            <button type="button" class="mfa-button" id=cancel_id on:click=move |_| factors.panel.set(Panel::List)>{t.cancel}</button>
        </section>
    }
}
