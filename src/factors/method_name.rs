//! The name a user gives a sign-in method, checked before anything is sent (the tenant takes
//! 1 to 100 characters, and free tenants allow two writes a minute).

/// The most characters a name may have.
pub const MAX_NAME_CHARS: usize = 100;

/// What is wrong with a typed name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`]; carries the count.
    TooLong(usize),
}

/// The name to send for what the user typed: trimmed, 1 to [`MAX_NAME_CHARS`] characters.
pub fn check_name(typed: &str) -> Result<String, NameError> {
    let name = typed.trim();
    let count = name.chars().count();
    if count == 0 {
        Err(NameError::Empty)
    } else if count > MAX_NAME_CHARS {
        Err(NameError::TooLong(count))
    } else {
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_counted_in_characters() {
        assert_eq!(check_name("  Work laptop "), Ok("Work laptop".into()));
        assert_eq!(check_name("   "), Err(NameError::Empty));
        assert_eq!(check_name(&"é".repeat(100)), Ok("é".repeat(100)));
        assert_eq!(check_name(&"é".repeat(101)), Err(NameError::TooLong(101)));
    }
}
