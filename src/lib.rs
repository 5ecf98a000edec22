//! Yunce 云策: the Leptos single-page app. It wires signals to the engines in
//! `crates/` and renders; it computes nothing an engine could compute.
//!
//! The app ships as two bundles built from this library: `src/main.rs` (the shell and
//! the story views, loaded first) and `src/bin/labs_lazy.rs` (the three labs, loaded when
//! a lab is opened). Each bin links only the views it renders.

pub mod app;
pub mod components;
pub mod data;
pub mod fatal;
pub mod format;
pub mod i18n;
pub mod labels;
pub mod lazy;
pub mod locale_table;
pub mod offline;
pub mod query;
pub mod router;
pub mod storage;
pub mod theme;
pub mod url_state;
pub mod views;
