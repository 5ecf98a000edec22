//! The first bundle: the app shell and the story views. The labs load on demand from
//! the `labs_lazy` bundle (see `yunce_app::lazy`).

fn main() {
    yunce_app::fatal::install_panic_hook();
    yunce_app::i18n::install(yunce_app::i18n::SHELL_FILES);
    leptos::mount::mount_to_body(yunce_app::app::App);
}
