//! Arabic for a few keys, enough to check the right-to-left layout; every other key falls back
//! to English.

use super::en::EN;
use super::Texts;

/// The Arabic texts (partial; English for the rest).
pub const AR: Texts = Texts {
    heading: "إعدادات الأمان",
    loading: "جارٍ التحميل…",
    signed_out_title: "سجّل الدخول لإدارة إعدادات الأمان",
    sign_in_at: "ستسجّل الدخول في {host}.",
    sign_in: "تسجيل الدخول",
    signed_in_title: "طرق تسجيل الدخول",
    done: "تم",
    cancel: "إلغاء",
    remove: "إزالة",
    ..EN
};
