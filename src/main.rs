//! Yunce 云策: the Leptos single-page app. It wires signals to the engines in
//! `crates/` and renders; it computes nothing an engine could compute.

mod app;
mod components;
mod data;
mod fatal;
mod i18n;
mod labels;
mod locale_table;
mod query;
mod router;
mod storage;
mod theme;
mod url_state;
mod views;

fn main() {
    fatal::install_panic_hook();
    leptos::mount::mount_to_body(app::App);
}
