//! Integration tests of the stability engine, in one binary so the release build links once.

mod agreement;
mod common;
mod determinism;
mod presets;
mod properties;
mod validation;
