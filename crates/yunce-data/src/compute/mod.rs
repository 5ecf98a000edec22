//! Computations over the dataset: market series and share changes, financial growth,
//! and the story views' figures (the seed's window, quarter tables, plan progress).

pub mod finance;
pub mod market;
pub mod story;
