//! The outbox: SMS/voice/email codes and push requests the tenant "sent" (no real delivery).

use serde::{Deserialize, Serialize};

/// How a message was delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// Text message.
    Sms,
    /// Phone call reading the code.
    Voice,
    /// Email with the code.
    Email,
    /// Push notification to the Guardian app.
    Push,
}

/// Delivery state; push requests move from `pending` to `approved` or `rejected`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeliveryStatus {
    /// A code was sent.
    Sent,
    /// A push request waits for an answer.
    Pending,
    /// The push request was approved.
    Approved,
    /// The push request was rejected.
    Rejected,
}

/// One sent message, as `GET /__emulator/outbox` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// Sequence number, from 1.
    pub id: u64,
    /// Delivery channel.
    pub channel: Channel,
    /// Phone number or email address; `null` for push.
    pub to: Option<String>,
    /// The 6-digit code; `null` for push.
    pub code: Option<String>,
    /// The authenticator it was sent for.
    pub authenticator_id: String,
    /// Delivery state.
    pub status: DeliveryStatus,
    /// Unix time of sending.
    pub sent_at: u64,
}

impl OutboxMessage {
    /// A push request still waiting to be approved or rejected.
    pub fn awaits_answer(&self) -> bool {
        self.channel == Channel::Push && self.status == DeliveryStatus::Pending
    }
}

/// Why a push could not be answered from the test harness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushAnswerError {
    /// No outbox message with that id.
    NotFound,
    /// The message is not a pending push request.
    NotPending,
}
