//! Typed records, one module per group of fact files.

pub mod common;
pub mod finance;
pub mod market;
pub mod other;
pub mod outcomes;
pub mod sources;
