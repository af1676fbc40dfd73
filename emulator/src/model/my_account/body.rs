//! Reading the members of a My Account request body, with the problem each mistake gets.

use serde_json::{Map, Value};

use crate::model::my_account::problem::Problem;

/// The JSON object of a body (`None` or another JSON type is a 400).
pub fn object(body: Option<&Value>) -> Result<&Map<String, Value>, Problem> {
    body.and_then(Value::as_object)
        .ok_or(Problem::MalformedBody)
}

/// An optional string member.
pub fn optional_text<'a>(
    body: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, Problem> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(Problem::invalid(
            field,
            format!("{field} must be a string."),
        )),
    }
}

/// A required, non-empty string member.
pub fn text<'a>(body: &'a Map<String, Value>, field: &str) -> Result<&'a str, Problem> {
    optional_text(body, field)?
        .filter(|text| !text.is_empty())
        .ok_or_else(|| Problem::invalid(field, format!("{field} is required.")))
}
