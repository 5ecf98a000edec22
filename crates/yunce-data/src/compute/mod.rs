//! Computations over the dataset: market series and share changes, financial growth,
//! the story views' figures (the seed's window, quarter tables, plan progress) and the
//! overview's headline figures.

pub mod battles;
pub mod finance;
pub mod headline;
pub mod market;
pub mod story;
