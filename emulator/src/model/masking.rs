//! Display names of phone and email authenticators, masked as Auth0 lists them (§7.3).

/// Every character but the last four replaced by `X`, length kept: `+14155552046` ⇒ `XXXXXXXX2046`.
pub fn mask_phone(phone: &str) -> String {
    let count = phone.chars().count();
    phone
        .chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < count { 'X' } else { c })
        .collect()
}

/// Keeps the first ⌊0.55·n⌋ characters of the local part and of the domain and stars the rest
/// (reproduces the one live sample `example******@gmai*****`). [inferred]
pub fn mask_email(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain)) => format!("{}@{}", mask_part(local), mask_part(domain)),
        None => mask_part(email),
    }
}

fn mask_part(part: &str) -> String {
    let count = part.chars().count();
    let keep = count * 55 / 100;
    part.chars()
        .enumerate()
        .map(|(i, c)| if i < keep { c } else { '*' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_keeps_last_four() {
        assert_eq!(mask_phone("+14155552046"), "XXXXXXXX2046");
        assert_eq!(mask_phone("+914155550368"), "XXXXXXXXX0368");
    }

    #[test]
    fn email_matches_the_live_sample() {
        assert_eq!(mask_email("jane@example.com"), "ja**@exampl*****");
        assert_eq!(
            mask_email("examplexxxxxx@gmail.com"),
            "example******@gmai*****"
        );
    }
}
