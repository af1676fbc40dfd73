//! Demo mode's outbox panel: what the in-page tenant "sent" (codes by text, call and email;
//! push requests to approve or reject), clearly marked as not real.
//!
//! This module draws it into an element the page hands over, so the page carries no code for
//! a panel only demo mode shows. The page passes its texts, in its language; what to show is
//! worked out by [`message_views`] (plain data, tested natively) and drawn with the DOM.

use mfa_emulator::model::outbox::{Channel, OutboxMessage};

/// The panel's texts, in the page's language. `to` names `{what}` and `{to}`; `code` names
/// `{code}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PanelTexts {
    /// Panel heading ("Demo mode").
    pub title: String,
    /// What demo mode is.
    pub intro: String,
    /// Shown while nothing was sent.
    pub empty: String,
    /// Name of a text message.
    pub sms: String,
    /// Name of a phone call.
    pub voice: String,
    /// Name of an email.
    pub email: String,
    /// Name of a push request.
    pub push: String,
    /// A message and where it went: `{what} to {to}`.
    pub to: String,
    /// The code a message carried: `: code {code}`.
    pub code: String,
    /// Label of the button approving a push request.
    pub approve: String,
    /// Label of the button rejecting a push request.
    pub reject: String,
}

/// The code of a message with the text around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLine {
    /// Text before the code.
    pub before: String,
    /// The code, shown in bold.
    pub code: String,
    /// Text after the code.
    pub after: String,
}

/// One outbox message as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageView {
    /// Outbox id, passed back when a push request is answered.
    pub id: u64,
    /// `sms`, `voice`, `email` or `push` (the item's `data-channel`).
    pub channel: &'static str,
    /// What it is and where it went ("Text message to +14155550100").
    pub heading: String,
    /// The code it carried.
    pub code: Option<CodeLine>,
    /// A push request still waiting for an answer: approve and reject buttons.
    pub pending_push: bool,
}

/// The outbox as the panel shows it: newest first.
pub fn message_views(outbox: &[OutboxMessage], texts: &PanelTexts) -> Vec<MessageView> {
    outbox
        .iter()
        .rev()
        .map(|message| {
            let (channel, what) = match message.channel {
                Channel::Sms => ("sms", &texts.sms),
                Channel::Voice => ("voice", &texts.voice),
                Channel::Email => ("email", &texts.email),
                Channel::Push => ("push", &texts.push),
            };
            let heading = match &message.to {
                Some(to) => texts.to.replace("{what}", what).replace("{to}", to),
                None => what.clone(),
            };
            let code = message.code.as_ref().map(|code| {
                let (before, after) = texts.code.split_once("{code}").unwrap_or((&texts.code, ""));
                CodeLine {
                    before: before.to_owned(),
                    code: code.clone(),
                    after: after.to_owned(),
                }
            });
            MessageView {
                id: message.id,
                channel,
                heading,
                code,
                pending_push: message.awaits_answer(),
            }
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
pub use dom::show;

/// Drawing the panel with the DOM, and keeping it current.
#[cfg(target_arch = "wasm32")]
mod dom {
    use super::{message_views, MessageView, PanelTexts};
    use mfa_emulator::model::Tenant;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, Event};

    /// How often the panel looks for new messages besides the redraw after each call (and
    /// whether it is still in the document).
    const REFRESH_MS: i32 = 1000;

    /// The panel's click handler, kept while the panel is on screen.
    type ClickHandler = RefCell<Option<Closure<dyn FnMut(Event)>>>;

    /// A panel on screen: where it draws, what it shows now, and its click handler.
    struct Panel {
        tenant: Rc<RefCell<Tenant>>,
        texts: PanelTexts,
        document: Document,
        root: Element,
        messages: Element,
        shown: RefCell<Option<Vec<MessageView>>>,
        on_click: ClickHandler,
    }

    /// Fills `root` with the panel and keeps it current until `root` leaves the document.
    /// Returns a function that redraws it at once (the tenant calls it after every call, so a
    /// "sent" code shows as soon as the page says it was sent); it does nothing once the
    /// panel is gone.
    pub fn show(
        tenant: Rc<RefCell<Tenant>>,
        root: Element,
        texts: PanelTexts,
    ) -> Option<Box<dyn Fn()>> {
        let document = root.owner_document()?;
        root.set_text_content(None);
        let messages = build_frame(&document, &root, &texts)?;
        let panel = Rc::new(Panel {
            tenant,
            texts,
            document,
            root,
            messages,
            shown: RefCell::new(None),
            on_click: RefCell::new(None),
        });
        let target = Rc::clone(&panel);
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| target.clicked(&event));
        let _ = panel
            .root
            .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        *panel.on_click.borrow_mut() = Some(on_click);
        panel.refresh();
        let redraw = Rc::downgrade(&panel);
        tick_later(panel);
        Some(Box::new(move || {
            if let Some(panel) = redraw.upgrade().filter(|p| p.root.is_connected()) {
                panel.refresh();
            }
        }))
    }

    /// The heading and introduction; returns the element the messages go in.
    fn build_frame(document: &Document, root: &Element, texts: &PanelTexts) -> Option<Element> {
        let heading = child(document, root, "h3", None, &texts.title)?;
        heading.set_id("mfa-demo-title");
        child(document, root, "p", Some("mfa-hint"), &texts.intro)?;
        child(document, root, "div", None, "")
    }

    /// Appends a `tag` element with `class` and `text` to `parent`.
    fn child(
        document: &Document,
        parent: &Element,
        tag: &str,
        class: Option<&str>,
        text: &str,
    ) -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        if let Some(class) = class {
            element.set_class_name(class);
        }
        if !text.is_empty() {
            element.set_text_content(Some(text));
        }
        parent.append_child(&element).ok()?;
        Some(element)
    }

    /// Looks again in a second, unless the panel has left the document (then it stops and
    /// lets go of the tenant).
    fn tick_later(panel: Rc<Panel>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let tick = Closure::once_into_js(move || {
            if panel.root.is_connected() {
                panel.refresh();
                tick_later(panel);
            } else {
                panel.on_click.borrow_mut().take();
            }
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            tick.unchecked_ref(),
            REFRESH_MS,
        );
    }

    impl Panel {
        /// Redraws the messages if the outbox changed (so focus stays where it is otherwise).
        fn refresh(&self) {
            let views = message_views(self.tenant.borrow().outbox(), &self.texts);
            if self.shown.borrow().as_ref() == Some(&views) {
                return;
            }
            self.messages.set_text_content(None);
            if views.is_empty() {
                child(
                    &self.document,
                    &self.messages,
                    "p",
                    Some("mfa-hint"),
                    &self.texts.empty,
                );
            } else if let Some(list) = child(
                &self.document,
                &self.messages,
                "ul",
                Some("mfa-demo-outbox"),
                "",
            ) {
                for view in &views {
                    self.draw(&list, view);
                }
            }
            *self.shown.borrow_mut() = Some(views);
        }

        /// One message as a list item.
        fn draw(&self, list: &Element, view: &MessageView) -> Option<()> {
            let document = &self.document;
            let item = child(document, list, "li", Some("mfa-demo-message"), "")?;
            item.set_attribute("data-channel", view.channel).ok()?;
            child(document, &item, "span", None, &view.heading)?;
            if let Some(line) = &view.code {
                let span = child(document, &item, "span", None, "")?;
                span.append_with_str_1(&line.before).ok()?;
                child(document, &span, "strong", Some("mfa-demo-code"), &line.code)?;
                span.append_with_str_1(&line.after).ok()?;
            }
            if view.pending_push {
                for (answer, label) in [
                    ("approve", &self.texts.approve),
                    ("reject", &self.texts.reject),
                ] {
                    let class = format!("mfa-button mfa-demo-{answer}");
                    let button = child(document, &item, "button", Some(&class), label)?;
                    button.set_attribute("type", "button").ok()?;
                    button.set_attribute("data-answer", answer).ok()?;
                    button.set_attribute("data-id", &view.id.to_string()).ok()?;
                }
            }
            Some(())
        }

        /// Answers a push request when one of its buttons is clicked.
        fn clicked(&self, event: &Event) {
            let button = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button[data-answer]").ok().flatten());
            let Some(button) = button else {
                return;
            };
            let id = button
                .get_attribute("data-id")
                .and_then(|id| id.parse().ok());
            let approve = button.get_attribute("data-answer").as_deref() == Some("approve");
            if let Some(id) = id {
                // A request answered meanwhile (it timed out) simply leaves the list.
                let _ = self.tenant.borrow_mut().answer_push(id, approve);
                self.refresh();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfa_emulator::model::outbox::DeliveryStatus;

    fn texts() -> PanelTexts {
        PanelTexts {
            sms: "Text message".into(),
            voice: "Phone call".into(),
            email: "Email".into(),
            push: "Push request".into(),
            to: "{what} to {to}".into(),
            code: ": code {code}".into(),
            ..PanelTexts::default()
        }
    }

    fn message(id: u64, channel: Channel, status: DeliveryStatus) -> OutboxMessage {
        let push = channel == Channel::Push;
        OutboxMessage {
            id,
            channel,
            to: (!push).then(|| "+14155550100".to_owned()),
            code: (!push).then(|| "123456".to_owned()),
            authenticator_id: "sms|dev_1".into(),
            status,
            sent_at: 0,
        }
    }

    #[test]
    fn messages_show_newest_first_with_where_they_went_and_their_code() {
        let outbox = [
            message(1, Channel::Sms, DeliveryStatus::Sent),
            message(2, Channel::Push, DeliveryStatus::Pending),
        ];
        let views = message_views(&outbox, &texts());
        assert_eq!(
            views,
            [
                MessageView {
                    id: 2,
                    channel: "push",
                    heading: "Push request".into(),
                    code: None,
                    pending_push: true,
                },
                MessageView {
                    id: 1,
                    channel: "sms",
                    heading: "Text message to +14155550100".into(),
                    code: Some(CodeLine {
                        before: ": code ".into(),
                        code: "123456".into(),
                        after: String::new(),
                    }),
                    pending_push: false,
                },
            ]
        );
    }

    #[test]
    fn only_a_push_request_still_waiting_can_be_answered() {
        let outbox = [
            message(1, Channel::Push, DeliveryStatus::Approved),
            message(2, Channel::Push, DeliveryStatus::Rejected),
            message(3, Channel::Email, DeliveryStatus::Sent),
            message(4, Channel::Voice, DeliveryStatus::Sent),
        ];
        let views = message_views(&outbox, &texts());
        assert!(views.iter().all(|v| !v.pending_push), "{views:?}");
        assert_eq!(
            views.iter().map(|v| v.channel).collect::<Vec<_>>(),
            ["voice", "email", "push", "push"]
        );
    }

    #[test]
    fn a_code_text_without_its_placeholder_still_shows_the_code() {
        let texts = PanelTexts {
            code: "Code:".into(),
            ..texts()
        };
        let views = message_views(&[message(1, Channel::Email, DeliveryStatus::Sent)], &texts);
        let line = views[0].code.clone().unwrap();
        assert_eq!(
            (line.before.as_str(), line.code.as_str()),
            ("Code:", "123456")
        );
    }
}
