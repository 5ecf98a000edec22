//! Shared front-end pieces, one file per thing, named for what it is.

pub mod chart;
pub mod download;
pub mod error;
pub mod figure_link;
pub mod notices;
pub mod source_chip;
pub mod table;
// The lab's Leptos rewrite (another branch) spawns its worker through this; until it
// lands nothing in the main bundle calls it.
#[allow(dead_code)]
pub mod worker;
