//! Integration tests of the stability engine, in one binary so the release build links once.

// Test helpers fail loudly on a broken preset or scenario rather than skip.
#![allow(clippy::panic)]

mod agreement;
mod common;
mod determinism;
mod presets;
mod properties;
mod validation;
