//! The QR code as inline SVG: dark modules on a light background with a quiet zone, so it
//! scans in dark mode too. Built from the module matrix, never from markup text.

use super::qr::qr_svg;
use crate::i18n::{fill, texts};
use leptos::prelude::*;

/// Renders `data` (an `otpauth://` URI) as a QR code with an accessible name.
#[component]
pub fn QrCode(
    /// Content of the code.
    data: String,
    /// Accessible description.
    label: &'static str,
) -> impl IntoView {
    match qr_svg(&data) {
        Ok(qr) => view! {
            <svg
                class="mfa-qr"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {0} {0}", qr.size)
                shape-rendering="crispEdges"
            >
                <rect width="100%" height="100%" fill="#ffffff" />
                <path d=qr.path fill="#000000" />
            </svg>
        }
        .into_any(),
        Err(e) => view! { <p class="mfa-error" role="alert">{fill(texts().qr_failed, &[("error", &e.to_string())])}</p> }.into_any(),
    }
}
