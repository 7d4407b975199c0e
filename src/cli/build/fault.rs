//! Test-only fault injection for the in-process frontend.
//!
//! The end-to-end tests must be able to make the client-side frontend fail
//! in ways a correct engine never causes on its own (a panic, a Return the
//! engine refuses) to prove `strata build` does not hang then. The hook is
//! `STRATA_FAULT=frontend-panic|frontend-return-error`, read only in debug
//! builds (`cfg(debug_assertions)`, which is what `cargo test` builds); a
//! release binary ignores the variable and has no fault paths at all.

/// A failure to inject into the in-process frontend (never constructed in
/// release builds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub(super) enum Fault {
    /// Panic after the frontend built its result, before Return.
    FrontendPanic,
    /// Return a result naming a ref the engine does not know, so the engine
    /// refuses the Return call and never gets a result.
    FrontendReturnError,
}

/// The ref id a [`Fault::FrontendReturnError`] returns.
pub(super) const MISSING_REF: &str = "strata-fault-injected-missing-ref";

/// The fault `STRATA_FAULT` asks for (debug builds only).
#[cfg(debug_assertions)]
pub(super) fn injected() -> Option<Fault> {
    match std::env::var("STRATA_FAULT").ok()?.as_str() {
        "frontend-panic" => Some(Fault::FrontendPanic),
        "frontend-return-error" => Some(Fault::FrontendReturnError),
        _ => None,
    }
}

/// Release builds never inject faults.
#[cfg(not(debug_assertions))]
pub(super) fn injected() -> Option<Fault> {
    None
}
