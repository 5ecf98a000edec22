//! Stateless pieces shared by the views.

pub mod chart;
pub mod download;
pub mod error;
pub mod focus;
pub mod notices;
pub mod worker;
