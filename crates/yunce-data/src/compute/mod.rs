//! Computations over the dataset: market series and share changes, financial growth.

pub mod finance;
pub mod market;
