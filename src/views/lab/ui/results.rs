//! The results part of the lab: the summary, the CSV download, the result tabs with their
//! charts and tables, and the heat map.

use super::dom::{self, Scope};
use super::edit::Action;
use super::model::{self, CLASSES, Results};
use super::panels::{action_buttons, fill, note};
use super::state::{LabState, Tab};
use super::{Lab, render};
use crate::download::save_text;
use crate::i18n::{Lang, text};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yunce_chart::ChartSpec;
use yunce_sched::Policy;

/// Renders the last results, if any, under `parent`.
pub fn results_panel(scope: &mut Scope, parent: &Element, lab: &Lab, lang: Lang, st: &LabState) {
    let u = lab.ui.borrow();
    let Some(r) = u.results.as_ref() else {
        return;
    };
    let t = |k: &'static str| text(lang, k).to_string();
    let label = move |p: Policy| text(lang, render::policy_key(p)).to_string();
    let width = parent.client_width().max(300) as f64;
    let w = width.clamp(300.0, 1060.0);
    dom::el(parent, "h2", "", text(lang, "lab.results"));
    if r.key != u.key(st) {
        note(parent, "notice", "stale", text(lang, "lab.stale"));
    }
    let el = dom::el(
        parent,
        "p",
        "small",
        &fill(
            lang,
            "lab.elapsed",
            &[
                &format!("{:.2}", r.elapsed_ms / 1000.0),
                &r.reports.len().to_string(),
            ],
        ),
    );
    dom::attrs(
        &el,
        &[
            ("data-testid", "elapsed"),
            ("data-ms", &format!("{:.0}", r.elapsed_ms)),
        ],
    );
    let head: Vec<String> = model::summary_head(r.mode).iter().map(|k| t(k)).collect();
    dom::table(
        parent,
        "lab-summary",
        &head,
        &model::summary_rows(r, &label),
    );
    let row = dom::el(parent, "div", "row toolbar", "");
    let csv = r.csv();
    let stem = format!("yunce-lab-{}", r.mode.name());
    dom::button(
        scope,
        &row,
        text(lang, "download.csv"),
        "download-csv",
        None,
        move |_| save_text(&format!("{stem}.csv"), "text/csv;charset=utf-8", &csv),
    );
    let tab = if st.tab.fits(r.mode) {
        st.tab
    } else {
        st.default_tab()
    };
    let row = dom::el(parent, "div", "row segmented", "");
    let tabs = Tab::ALL
        .into_iter()
        .filter(|x| x.fits(r.mode))
        .map(|x| (Action::Tab(x), t(tab_key(x)), format!("tab-{}", x.slug())))
        .collect();
    action_buttons(scope, &row, lab, tabs);
    let mut charts: Vec<(ChartSpec, &'static str)> = Vec::new();
    match tab {
        Tab::Alloc => {
            charts.push((
                model::curve_chart(
                    r,
                    t("lab.chart.alloc"),
                    Some(t("lab.ideal")),
                    |c| c.gpu_alloc_pct,
                    &label,
                    w,
                ),
                "alloc",
            ));
            charts.push((
                model::unallocated_chart(
                    r,
                    t("lab.chart.unalloc"),
                    t("lab.metric.unalloc"),
                    (t("lab.seed_best"), t("lab.seed_worst")),
                    &label,
                    w,
                ),
                "unallocated",
            ));
        }
        Tab::Frag => {
            charts.push((
                model::curve_chart(
                    r,
                    t("lab.chart.frag"),
                    None,
                    |c| c.frag_amount_pct,
                    &label,
                    w,
                ),
                "frag",
            ));
            charts.push((
                model::curve_chart(
                    r,
                    t("lab.chart.frag_rate"),
                    None,
                    |c| c.frag_rate_pct,
                    &label,
                    w,
                ),
                "frag-rate",
            ));
        }
        Tab::Fail => {
            let cats = CLASSES.iter().map(|c| t(class_key(*c))).collect();
            charts.push((
                model::grouped_chart(
                    r,
                    t("lab.chart.fail"),
                    cats,
                    &|x, i| x.failed_by_class[CLASSES[i].index()] as f64,
                    "",
                    &label,
                    w,
                ),
                "failed",
            ));
        }
        Tab::Model => {
            let cats: Vec<String> = r.models().into_iter().map(|m| m.0).collect();
            charts.push((
                model::grouped_chart(
                    r,
                    t("lab.chart.model"),
                    cats,
                    &|x, i| x.models.get(i).map(|m| m.alloc_pct()).unwrap_or(0.0),
                    "%",
                    &label,
                    w,
                ),
                "models",
            ));
        }
        Tab::Queue => {
            charts.push((
                model::replay_chart(
                    r,
                    t("lab.chart.replay_alloc"),
                    |s| s.gpu_alloc_pct,
                    "%",
                    &label,
                    w,
                ),
                "replay-alloc",
            ));
            charts.push((
                model::replay_chart(
                    r,
                    t("lab.chart.pending"),
                    |s| s.pending as f64,
                    "",
                    &label,
                    w,
                ),
                "replay-pending",
            ));
        }
        Tab::Heat => {}
    }
    for (spec, name) in charts {
        render::chart_box(scope, parent, spec, name, lang);
    }
    if tab == Tab::Model {
        let mut head = vec![t("lab.col.model"), t("lab.col.gpus"), t("lab.col.cap")];
        for p in r.policies() {
            head.push(format!("{} %", label(p)));
            head.push(format!("{} ×", label(p)));
        }
        dom::table(parent, "lab-models", &head, &model::model_rows(r));
        dom::el(parent, "p", "muted small", text(lang, "lab.model_note"));
    }
    if tab == Tab::Heat {
        heat_panel(scope, parent, lab, lang, r, u.heat_pick);
    }
}

fn heat_panel(
    scope: &mut Scope,
    parent: &Element,
    lab: &Lab,
    lang: Lang,
    r: &Results,
    pick: Option<Policy>,
) {
    let row = dom::el(parent, "div", "row segmented", "");
    for (p, _) in &r.heat {
        let (p, l) = (*p, lab.clone());
        dom::button(
            scope,
            &row,
            text(lang, render::policy_key(p)),
            &format!("heat-{}", p.name()),
            Some(pick == Some(p)),
            move |_| {
                l.ui.borrow_mut().heat_pick = Some(p);
                l.refresh();
            },
        );
    }
    let canvas = dom::el(parent, "canvas", "heat", "");
    dom::attrs(
        &canvas,
        &[
            ("data-testid", "heat"),
            ("aria-label", text(lang, "lab.heat_label")),
        ],
    );
    let data = r
        .heat
        .iter()
        .find(|(p, _)| Some(*p) == pick)
        .or(r.heat.first());
    let ms = match (canvas.dyn_ref::<web_sys::HtmlCanvasElement>(), data) {
        (Some(c), Some((_, h))) => render::draw_heat(c, h),
        _ => None,
    };
    let ms = ms.map(|m| format!("{m:.1}")).unwrap_or_default();
    let p = dom::el(parent, "p", "muted small", text(lang, "lab.heat_legend"));
    dom::attrs(&p, &[("data-testid", "heat-ms"), ("data-ms", &ms)]);
    if !ms.is_empty() {
        dom::el(
            &p,
            "span",
            "",
            &format!(" {}", fill(lang, "lab.heat_time", &[&ms])),
        );
    }
}

fn tab_key(t: Tab) -> &'static str {
    match t {
        Tab::Alloc => "lab.tab.alloc",
        Tab::Frag => "lab.tab.frag",
        Tab::Fail => "lab.tab.fail",
        Tab::Model => "lab.tab.model",
        Tab::Queue => "lab.tab.queue",
        Tab::Heat => "lab.tab.heat",
    }
}

fn class_key(c: yunce_sched::PodClass) -> &'static str {
    use yunce_sched::PodClass as C;
    match c {
        C::Cpu => "lab.class.cpu",
        C::ShareGpu => "lab.class.share",
        C::OneGpu => "lab.class.one",
        C::TwoGpu => "lab.class.two",
        C::FourGpu => "lab.class.four",
        C::EightGpu | C::Other => "lab.class.eight",
    }
}
