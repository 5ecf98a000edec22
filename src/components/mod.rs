//! Shared front-end pieces, one file per thing, named for what it is.

pub mod chart;
pub mod chart_data;
pub mod download;
pub mod error;
pub mod figure_link;
pub mod notices;
pub mod paint;
pub mod progress;
pub mod source_chip;
pub mod table;
pub mod worker;
