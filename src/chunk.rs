//! Parts of the page that load on demand: with the `split` feature (the release page build),
//! each [`lazy_part!`] function lives in a separate wasm chunk that is fetched the first time
//! it is called (or prefetched); without it (tests, `trunk serve`) it is an ordinary function
//! behind the same `async` signature, so callers do not know the difference.
//!
//! A chunk that cannot be fetched (network gone, a redeploy removed it) is a [`LoadError`],
//! which each part's own error type takes in (`From`), so the screen that needed it says so
//! and offers to try again; a failed load is not remembered, so trying again fetches anew.

/// A chunk could not be loaded.
#[cfg(feature = "split")]
pub use leptos::wasm_split::SplitLoaderError as LoadError;

/// A chunk could not be loaded (never happens without the `split` feature).
#[cfg(not(feature = "split"))]
#[derive(Debug, Clone)]
pub struct LoadError;

/// Defines `async fn $name(args) -> Result<T, E>` whose body lives in chunk `$chunk`: the
/// first call fetches the chunk (any function of a chunk loads all of it, so a chunk's cheapest
/// function serves as its prefetch). `E` must implement `From<LoadError>`. Arguments are owned
/// values and the body is synchronous: to work asynchronously in the chunk, return a boxed
/// future.
macro_rules! lazy_part {
    (
        chunk $chunk:ident;
        $(#[$meta:meta])*
        $vis:vis fn $name:ident ( $( $arg:ident : $ty:ty ),* $(,)? ) -> Result<$ok:ty, $err:ty>
        $body:block
    ) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$meta])*
        $vis fn $name( $( $arg : $ty ),* ) -> Result<$ok, $err> $body

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name( $( $arg : $ty ),* ) -> Result<$ok, $err> $body
    };
}

pub(crate) use lazy_part;
