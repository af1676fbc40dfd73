//! Where a change to the user's sign-in methods is told — the embedding page gets a
//! `mfa-manager:change` event, and the page's other open tabs refresh their list — and where
//! an error the factor screens show reaches the embedding page (`mfa-manager:error`).

use super::cross_tab::CrossTab;
use super::events::{dispatch_change, dispatch_error};
use crate::browser::use_timeout_fn;
use crate::factors::context::{FactorEvent, Factors};
use leptos::prelude::*;
use std::time::Duration;

/// How long notices from other tabs are gathered into one list refresh: a burst of them (many
/// tabs, or a misbehaving one) costs one request, not one each.
pub const GATHER_NOTICES: Duration = Duration::from_millis(300);

/// Wires `factors` to the host element's events and to the other tabs, until the screens are
/// unmounted. Demo mode keeps its tenant inside one tab, so it has no other tabs to tell.
pub fn announce_changes(factors: Factors, host: NodeRef<leptos::html::Main>, demo: bool) {
    let refresh = use_timeout_fn(move || factors.changed_elsewhere(), GATHER_NOTICES);
    let tabs = if demo {
        None
    } else {
        CrossTab::open(move || {
            if !refresh.is_pending.get_untracked() {
                refresh.start();
            }
        })
    };
    let tabs = StoredValue::new_local(tabs);
    factors.set_on_event(move |event| {
        let host = host.get_untracked();
        match event {
            FactorEvent::Changed(change) => {
                if let Some(host) = host {
                    dispatch_change(&host, change);
                }
                tabs.try_with_value(|tabs| {
                    if let Some(tabs) = tabs {
                        tabs.notify_changed();
                    }
                });
            }
            FactorEvent::ErrorShown(message) => {
                if let Some(host) = host {
                    dispatch_error(&host, message);
                }
            }
        }
    });
    on_cleanup(move || {
        if let Some(tabs) = tabs.try_update_value(Option::take).flatten() {
            tabs.close();
        }
    });
}
