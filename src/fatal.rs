//! The last line of defence: a panic is logged and shown as an error panel.
//!
//! After a panic the wasm instance cannot run Leptos again, so the panel is built
//! with plain DOM calls and `textContent`, never with HTML strings.

use std::panic::PanicHookInfo;

/// Installs a hook that logs the panic and shows a visible error panel.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn show_panel(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("fatal-error");
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    // Locale files are not reachable here without risking a second panic; both languages are given.
    let lines = [
        "Yunce hit an internal error. Reload the page; your view is kept in the URL.",
        "云策遇到内部错误。请刷新页面;当前视图保存在网址中。",
        detail,
    ];
    for (i, line) in lines.iter().enumerate() {
        if let Ok(p) = document.create_element(if i == 2 { "pre" } else { "p" }) {
            p.set_text_content(Some(line));
            let _ = panel.append_child(&p);
        }
    }
    let _ = body.append_child(&panel);
}
