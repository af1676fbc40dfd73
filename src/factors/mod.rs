//! The user's sign-in methods: the authenticator list turned into rows (twins merged, what may
//! be removed), and the pieces of an enrollment — phone numbers in E.164 form, the
//! authenticator-app secret, its `otpauth://` link and QR code, and the codes the user types.

pub mod change;
pub mod device;
pub mod passkey_provider;
pub mod phone;
pub mod qr;
pub mod row;
pub mod secret;

pub mod add_app;
pub mod add_oob;
pub mod add_passkey;
pub mod add_push;
pub mod add_recovery;
pub mod api_error;
pub mod button_text;
pub mod code_field;
pub mod context;
pub mod demo_banner;
pub mod describe;
pub mod enrollment_panel;
pub mod list;
pub mod manager;
pub mod method_name;
pub mod pending;
pub mod qr_view;
pub mod recovery;
pub mod remove;
pub mod rename;
pub mod resume;
pub mod try_again;
