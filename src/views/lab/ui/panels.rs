//! The lab's body: cluster, workload and run cards, progress, then the results
//! (`results.rs`) and the explanations, rebuilt from the lab's state on every render.

use super::dom::{self, Scope};
use super::edit::{Action, Field};
use super::{Lab, render};
use crate::i18n::{Lang, text};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yunce_sched::{LabMode, Policy, QueueKind};

/// `text` with `{0}`, `{1}`, … replaced.
pub fn fill(lang: Lang, key: &'static str, args: &[&str]) -> String {
    crate::locale_table::fill(text(lang, key), args)
}

pub fn action_buttons(
    scope: &mut Scope,
    parent: &Element,
    lab: &Lab,
    list: Vec<(Action, String, String)>,
) {
    let st = lab.ui.borrow().state.clone();
    for (a, label, testid) in list {
        let l = lab.clone();
        dom::button(scope, parent, &label, &testid, st.pressed(a), move |_| {
            l.go(|s| {
                s.apply(a);
                true
            })
        });
    }
}

fn field(scope: &mut Scope, parent: &Element, lab: &Lab, lang: Lang, key: &'static str, f: Field) {
    let value = lab.ui.borrow().state.field(f);
    let l = lab.clone();
    dom::input(
        scope,
        parent,
        text(lang, key),
        &f.testid(),
        &value,
        move |t| l.go(|s| s.set(f, &t)),
    );
}

fn file_input(scope: &mut Scope, parent: &Element, lab: &Lab, lang: Lang, nodes: bool) {
    let (testid, key) = if nodes {
        ("nodes-file", "lab.drop_nodes")
    } else {
        ("pods-file", "lab.drop_pods")
    };
    let zone = dom::el(parent, "label", "dropzone", "");
    dom::el(&zone, "span", "", text(lang, key));
    let input = dom::el(&zone, "input", "", "");
    dom::attrs(
        &input,
        &[
            ("type", "file"),
            ("accept", ".csv,text/csv"),
            ("data-testid", testid),
        ],
    );
    let l = lab.clone();
    scope.on(&input, "change", move |ev| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(f) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            l.import(f, nodes);
        }
    });
    scope.on(&zone, "dragover", |ev| ev.prevent_default());
    let l = lab.clone();
    scope.on(&zone, "drop", move |ev| {
        ev.prevent_default();
        let files = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|d| d.files());
        if let Some(f) = files.and_then(|f| f.get(0)) {
            l.import(f, nodes);
        }
    });
}

fn accepted(scope: &mut Scope, parent: &Element, lab: &Lab, lang: Lang, nodes: bool) -> bool {
    let summary = {
        let u = lab.ui.borrow();
        let a = if nodes { &u.nodes } else { &u.pods };
        a.as_ref().map(|a| a.summary.clone())
    };
    let Some(summary) = summary else {
        return false;
    };
    let testid = if nodes { "nodes-ok" } else { "pods-ok" };
    let p = dom::el(parent, "p", "file-ok", &summary);
    dom::attrs(&p, &[("data-testid", testid)]);
    let l = lab.clone();
    dom::button(
        scope,
        &p,
        text(lang, "lab.use_builtin"),
        &format!("{testid}-clear"),
        None,
        move |_| {
            let mut u = l.ui.borrow_mut();
            if nodes {
                u.nodes = None;
            } else {
                u.pods = None;
            }
            drop(u);
            l.refresh();
        },
    );
    true
}

pub fn note(parent: &Element, class: &str, testid: &str, body: &str) {
    let p = dom::el(parent, "p", class, body);
    dom::attrs(&p, &[("data-testid", testid), ("role", "alert")]);
}

/// Rebuilds the whole lab under `root`.
pub fn render(lab: &Lab, root: &Element) {
    let mut scope = Scope::default();
    dom::clear(root);
    let (lang, st, notices) = {
        let u = lab.ui.borrow();
        (
            u.lang.unwrap_or(Lang::En),
            u.state.clone(),
            u.notices.clone(),
        )
    };
    let t = |k: &'static str| text(lang, k).to_string();
    dom::el(root, "h1", "", text(lang, "lab.title"));
    dom::el(root, "p", "muted", text(lang, "lab.lede"));
    if !notices.is_empty() {
        let n = dom::el(root, "div", "notice", "");
        dom::attrs(&n, &[("data-testid", "url-notice"), ("role", "status")]);
        dom::el(&n, "p", "", text(lang, "url.notice"));
        let ul = dom::el(&n, "ul", "", "");
        for x in &notices {
            dom::el(
                &dom::el(&ul, "li", "", ""),
                "code",
                "",
                &format!("{}={}", x.param, x.value),
            );
        }
    }
    let cite = dom::el(root, "p", "small cite", text(lang, "lab.cite"));
    dom::attrs(&cite, &[("data-testid", "lab-cite")]);

    let grid = dom::el(root, "div", "grid-2", "");
    let card = dom::el(&grid, "section", "card", "");
    dom::el(&card, "h2", "", text(lang, "lab.cluster"));
    if !accepted(&mut scope, &card, lab, lang, true) {
        for i in 0..st.groups.len() {
            let row = dom::el(&card, "div", "lab-group", "");
            dom::attrs(&row, &[("data-testid", &format!("group-{i}"))]);
            for (k, f) in [
                ("lab.col.model", Field::Model(i)),
                ("lab.col.gpus_node", Field::Gpus(i)),
                ("lab.col.vcpu", Field::Vcpu(i)),
                ("lab.col.gib", Field::Mem(i)),
                ("lab.col.nodes", Field::Count(i)),
                ("lab.col.cap", Field::Cap(i)),
            ] {
                field(&mut scope, &row, lab, lang, k, f);
            }
            action_buttons(
                &mut scope,
                &row,
                lab,
                vec![(Action::Remove(i), "×".into(), format!("remove-{i}"))],
            );
        }
        let gpus: u64 = st
            .groups
            .iter()
            .map(|g| u64::from(g.gpus) * u64::from(g.count))
            .sum();
        let nodes: u64 = st.groups.iter().map(|g| u64::from(g.count)).sum();
        let total = dom::el(
            &card,
            "p",
            "small",
            &fill(
                lang,
                "lab.cluster_total",
                &[&nodes.to_string(), &gpus.to_string()],
            ),
        );
        dom::attrs(&total, &[("data-testid", "cluster-total")]);
        let row = dom::el(&card, "div", "row", "");
        action_buttons(
            &mut scope,
            &row,
            lab,
            vec![
                (Action::AddChip, t("lab.add_chip"), "add-chip".into()),
                (
                    Action::ReplaceV100,
                    t("lab.replace_v100"),
                    "replace-v100".into(),
                ),
                (
                    Action::ResetCluster,
                    t("lab.reset_cluster"),
                    "reset-cluster".into(),
                ),
            ],
        );
    }
    file_input(&mut scope, &card, lab, lang, true);

    let card = dom::el(&grid, "section", "card", "");
    dom::el(&card, "h2", "", text(lang, "lab.workload"));
    if !accepted(&mut scope, &card, lab, lang, false) {
        let knobs = dom::el(&card, "div", "knobs", "");
        for (f, k) in Field::KNOBS {
            field(&mut scope, &knobs, lab, lang, k, f);
        }
    }
    file_input(&mut scope, &card, lab, lang, false);
    dom::el(&card, "p", "muted small", text(lang, "lab.workload_note"));
    if let Some(e) = lab.ui.borrow().file_error.clone() {
        note(root, "notice bad", "file-error", &e);
    }

    let card = dom::el(root, "section", "card", "");
    dom::el(&card, "h2", "", text(lang, "lab.run"));
    let row = dom::el(&card, "div", "row checks", "");
    dom::attrs(
        &row,
        &[
            ("role", "group"),
            ("aria-label", text(lang, "lab.policies")),
        ],
    );
    action_buttons(
        &mut scope,
        &row,
        lab,
        Policy::ALL
            .into_iter()
            .map(|p| {
                (
                    Action::Toggle(p),
                    t(render::policy_key(p)),
                    format!("policy-{}", p.name()),
                )
            })
            .collect(),
    );
    let row = dom::el(&card, "div", "row segmented", "");
    let mut modes = vec![
        (
            Action::Mode(LabMode::Inflation),
            t("lab.mode.inflation"),
            "mode-inflation".to_string(),
        ),
        (
            Action::Mode(LabMode::Replay),
            t("lab.mode.replay"),
            "mode-replay".to_string(),
        ),
    ];
    if st.mode == LabMode::Replay {
        modes.push((
            Action::Queue(QueueKind::Fifo),
            t("lab.queue.fifo"),
            "queue-fifo".into(),
        ));
        modes.push((
            Action::Queue(QueueKind::Backfill),
            t("lab.queue.backfill"),
            "queue-backfill".into(),
        ));
    }
    action_buttons(&mut scope, &row, lab, modes);
    let knobs = dom::el(&card, "div", "knobs", "");
    field(&mut scope, &knobs, lab, lang, "lab.seeds", Field::Seeds);
    match st.mode {
        LabMode::Inflation => field(&mut scope, &knobs, lab, lang, "lab.tune", Field::Tune),
        LabMode::Replay => field(
            &mut scope,
            &knobs,
            lab,
            lang,
            "lab.compress",
            Field::Compress,
        ),
    }
    let mode_note = if st.mode == LabMode::Inflation {
        "lab.mode.inflation_note"
    } else {
        "lab.mode.replay_note"
    };
    dom::el(&card, "p", "muted small", text(lang, mode_note));
    let row = dom::el(&card, "div", "row toolbar", "");
    let l = lab.clone();
    dom::button(
        &mut scope,
        &row,
        text(lang, "lab.run_button"),
        "run",
        None,
        move |_| l.run(),
    );
    let l = lab.clone();
    let (running, status, runs, run_error) = {
        let u = lab.ui.borrow();
        (u.running, u.status, u.runs.clone(), u.run_error.clone())
    };
    let cancel = dom::button(
        &mut scope,
        &row,
        text(lang, "lab.cancel"),
        "cancel",
        None,
        move |_| l.cancel("lab.cancelled"),
    );
    if !running {
        dom::attrs(&cancel, &[("disabled", "")]);
    }
    if let Some(k) = status {
        dom::attrs(
            &dom::el(&row, "span", "muted", text(lang, k)),
            &[("data-testid", "run-status")],
        );
    }
    let mut bars = Vec::new();
    if !runs.is_empty() {
        let ul = dom::el(&card, "ul", "lab-progress", "");
        dom::attrs(
            &ul,
            &[
                ("data-testid", "progress"),
                ("data-running", if running { "true" } else { "false" }),
            ],
        );
        for (i, (p, seed)) in runs.iter().enumerate() {
            let li = dom::el(&ul, "li", "", "");
            dom::el(
                &li,
                "span",
                "",
                &format!("{} · {seed}", text(lang, render::policy_key(*p))),
            );
            let bar = dom::el(&li, "progress", "", "");
            // A finished or stopped run keeps its bars where they were.
            let old = lab
                .ui
                .borrow()
                .progress_el
                .get(i)
                .and_then(|b| b.get_attribute("value"));
            dom::attrs(
                &bar,
                &[
                    ("max", "1"),
                    ("value", old.as_deref().unwrap_or("0")),
                    ("data-testid", &format!("progress-{i}")),
                ],
            );
            bars.push(bar);
        }
    }
    if let Some(e) = run_error {
        note(&card, "notice bad", "run-error", &e);
    }
    let results = dom::el(root, "div", "lab-results", "");
    super::results::results_panel(&mut scope, &results, lab, lang, &st);
    render::explanations(root, lang);
    let mut u = lab.ui.borrow_mut();
    u.progress_el = bars;
    // The old scope's listeners and charts go now, after their elements left the page.
    u.scope = scope;
}
