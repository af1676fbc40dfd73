//! The error and result types every harness step and journey returns: any failure, carried
//! with its message up to the test that reports it.

/// Error type of the harness and the tests: any failure, with its message.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// Result of a test or harness step.
pub type TestResult<T = ()> = Result<T, Error>;
