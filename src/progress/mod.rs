//! Build progress: BuildKit status messages → tty, plain, rawjson or quiet
//! output, and a final summary.
