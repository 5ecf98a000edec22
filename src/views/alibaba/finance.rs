//! Financials on one reporting basis: the basis and label switches, the quarterly
//! table with margin and growth, the seed's growth rates reproduced and its
//! "H1 FY2024 > FY2023" claim checked.

use super::model::{self, SEED_QUARTER, figure_ids};
use super::state::{AlibabaAction, AlibabaState};
use crate::components::figure_link::figure_links;
use crate::components::table::{DataTable, Flag, flags, num_cell};
use crate::format;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::checks::ClaimVerdict;
use yunce_data::compute::story::QuarterFigures;
use yunce_data::{BasisFamily, Dataset, Entity, Financial, Growth, GrowthError};

fn value_cell(row: Option<&Financial>, i18n: I18n) -> impl IntoView + use<> {
    match row {
        Some(f) => num_cell(
            f.value.map(|v| format_value(v, 0)).unwrap_or_default(),
            flags(&f.meta, i18n),
        ),
        None => num_cell(String::new(), Vec::new()),
    }
}

fn growth_cell(g: &Result<Growth<'_>, GrowthError<'_>>, i18n: I18n) -> impl IntoView + use<> {
    let derived = Flag {
        class: "derived",
        label: i18n.t("alibaba.flag_derived"),
    };
    match g {
        Ok(g) if g.uses_derived() => {
            num_cell(format!("{}%", format::signed(g.pct, 0)), vec![derived])
        }
        Ok(g) => num_cell(format!("{}%", format::signed(g.pct, 0)), Vec::new()),
        Err(GrowthError::BasisMismatch { .. }) => num_cell(
            String::new(),
            vec![Flag {
                class: "straddle",
                label: i18n.t("alibaba.flag_basis"),
            }],
        ),
        Err(_) => num_cell(String::new(), Vec::new()),
    }
}

fn stated_key(metric: &str) -> &'static str {
    match metric {
        "revenue_yoy_growth" => "alibaba.s_rev_yoy",
        "adjusted_ebita_yoy_growth" => "alibaba.s_ebita_yoy",
        "adjusted_ebita_qoq_growth" => "alibaba.s_ebita_qoq",
        _ => "alibaba.s_margin",
    }
}

/// One table row for a quarter, labelled fiscal-first or calendar-first.
fn quarter_row(q: &QuarterFigures<'static>, calendar: bool, i18n: I18n) -> impl IntoView + use<> {
    let (f, c) = (q.fiscal.to_string(), q.fiscal.to_calendar().to_string());
    let label = if calendar {
        format!("{c} ({f})")
    } else {
        format!("{f} ({c})")
    };
    let margin_flags = q.ebita.map(|e| flags(&e.meta, i18n)).unwrap_or_default();
    let stated: Vec<String> = q
        .reported
        .iter()
        .map(|r| {
            let v = r.value.map(|v| {
                if r.metric.ends_with("margin") {
                    format::number(v, 1)
                } else {
                    format::signed(v, 1)
                }
            });
            format!(
                "{} {}{}",
                i18n.t(stated_key(&r.metric)),
                v.unwrap_or_default(),
                r.unit
            )
        })
        .collect();
    view! {
        <tr id=f class:win=q.fiscal == SEED_QUARTER>
            <th scope="row">{label}</th>
            {value_cell(q.revenue, i18n)}
            {value_cell(q.ebita, i18n)}
            {num_cell(q.margin.map(|m| format!("{}%", format::number(m, 1))).unwrap_or_default(), margin_flags)}
            {growth_cell(&q.revenue_yoy, i18n)}
            {growth_cell(&q.revenue_qoq, i18n)}
            {growth_cell(&q.ebita_yoy, i18n)}
            {growth_cell(&q.ebita_qoq, i18n)}
            <td>{stated.join(" · ")}</td>
            <td>{figure_links(figure_ids(q))}</td>
        </tr>
    }
}

/// A two-way switch whose buttons report `pressed` from the state.
fn switch(
    legend: &'static str,
    name: &'static str,
    options: [(&'static str, &'static str, AlibabaAction); 2],
    state: Memo<AlibabaState>,
    act: Callback<AlibabaAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pressed = move |a: AlibabaAction| {
        state.with(|s| match a {
            AlibabaAction::Basis(b) => s.basis == b,
            AlibabaAction::CalendarLabels(on) => s.calendar == on,
            _ => false,
        })
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t(legend)}</legend>
            <div class="segmented" role="group">
                {options
                    .into_iter()
                    .map(|(value, key, action)| {
                        view! {
                            <button
                                type="button"
                                data-testid=format!("{name}-{value}")
                                aria-pressed=move || pressed(action).to_string()
                                on:click=move |_| act.run(action)
                            >
                                {move || i18n.t(key)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// The financials section.
#[component]
pub fn Financials(
    data: &'static Dataset,
    state: Memo<AlibabaState>,
    act: Callback<AlibabaAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let basis = Memo::new(move |_| state.with(|s| s.basis));
    let calendar = Memo::new(move |_| state.with(|s| s.calendar));
    let rows = Memo::new(move |_| data.cloud_quarter_table(basis.get()));
    let headers = Signal::derive(move || {
        vec![
            if calendar.get() {
                "alibaba.col_calendar"
            } else {
                "alibaba.col_fiscal"
            },
            "alibaba.col_revenue",
            "alibaba.col_ebita",
            "alibaba.col_margin",
            "alibaba.col_rev_yoy",
            "alibaba.col_rev_qoq",
            "alibaba.col_ebita_yoy",
            "alibaba.col_ebita_qoq",
            "alibaba.col_stated",
            "alibaba.col_figure",
        ]
    });
    let csv = Callback::new(move |()| {
        rows.with_untracked(|r| model::financials_csv(r, basis.get_untracked()))
    });
    let note = move || {
        i18n.t(if basis.get() == BasisFamily::New {
            "alibaba.basis_note_restated"
        } else {
            "alibaba.basis_note_reported"
        })
    };
    view! {
        <section data-testid="financials">
            <h2>{move || i18n.t("alibaba.financials")}</h2>
            <div class="controls">
                {switch(
                    "alibaba.basis",
                    "basis",
                    [
                        ("restated", "alibaba.basis_restated", AlibabaAction::Basis(BasisFamily::New)),
                        ("reported", "alibaba.basis_reported", AlibabaAction::Basis(BasisFamily::Old)),
                    ],
                    state,
                    act,
                )}
                {switch(
                    "alibaba.labels",
                    "lbl",
                    [
                        ("fiscal", "alibaba.labels_fiscal", AlibabaAction::CalendarLabels(false)),
                        ("calendar", "alibaba.labels_calendar", AlibabaAction::CalendarLabels(true)),
                    ],
                    state,
                    act,
                )}
            </div>
            <p class="notice" data-testid="basis-note">{note}</p>
            <p class="muted small">
                {move || format!("{} {}", i18n.t("alibaba.fiscal_note"), i18n.t("alibaba.flags_note"))}
            </p>
            <DataTable testid="fin-table" headers csv>
                {move || {
                    let cal = calendar.get();
                    rows.with(|rows| {
                        rows.iter().map(|q| quarter_row(q, cal, i18n)).collect_view()
                    })
                }}
            </DataTable>
            {move || seed_growth(data, i18n)}
            {move || h1_claim(data, i18n)}
        </section>
    }
}

fn claim_item(testid: &'static str, text: String, ids: Vec<&'static str>) -> impl IntoView {
    view! { <li data-testid=testid>{text} " " {figure_links(ids)}</li> }
}

/// The seed's +2% / +44% / +264%, reproduced on the restated basis, with the
/// as-first-reported alternative. Rebuilt on a language change only.
fn seed_growth(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let c = Entity::CloudSegment;
    let fam = BasisFamily::New;
    let straddles = data.check_straddled_growth();
    let straddle = |m: &str| straddles.iter().find(|x| x.current.metric == m).cloned();
    let lang = i18n.lang.get();
    let v = |f: &Financial| {
        f.value
            .map(|v| format::amount(lang, v, &f.unit))
            .unwrap_or_default()
    };
    let revenue = data
        .reported_growth(c, "revenue_yoy_growth", SEED_QUARTER)
        .zip(straddle("revenue"))
        .map(|(stated, st)| {
            let pct = stated
                .value
                .map(|x| format::signed(x, 0))
                .unwrap_or_default();
            let text = i18n.format(
                "alibaba.seed_rev",
                &[
                    &pct,
                    &v(st.old_base),
                    &v(st.current),
                    &format::signed(st.straddled_pct, 0),
                ],
            );
            let ids = vec![
                stated.meta.id.as_str(),
                st.current.meta.id.as_str(),
                st.old_base.meta.id.as_str(),
            ];
            claim_item("seed-rev", text, ids)
        });
    let ebita_yoy = data
        .financial_yoy(c, "adjusted_ebita", SEED_QUARTER, fam)
        .ok()
        .zip(straddle("adjusted_ebita"))
        .map(|(g, st)| {
            let text = i18n.format(
                "alibaba.seed_ebita_yoy",
                &[
                    &format::signed(g.pct, 0),
                    &v(g.current),
                    &v(g.base),
                    &v(st.old_base),
                    &format::signed(st.straddled_pct, 0),
                ],
            );
            let ids = vec![
                g.current.meta.id.as_str(),
                g.base.meta.id.as_str(),
                st.old_base.meta.id.as_str(),
            ];
            claim_item("seed-ebita-yoy", text, ids)
        });
    let ebita_qoq = data
        .financial_qoq(c, "adjusted_ebita", SEED_QUARTER, fam)
        .ok()
        .map(|g| {
            let text = i18n.format(
                "alibaba.seed_ebita_qoq",
                &[&format::signed(g.pct, 0), &v(g.current), &v(g.base)],
            );
            let ids = vec![g.current.meta.id.as_str(), g.base.meta.id.as_str()];
            claim_item("seed-ebita-qoq", text, ids)
        });
    view! {
        <div class="card" data-testid="seed-growth">
            <h3>{i18n.t("alibaba.seed_title")}</h3>
            <ul>{revenue}{ebita_yoy}{ebita_qoq}</ul>
            <p class="small muted">{i18n.t("alibaba.seed_note")} " " {figure_links(["IC-005"])}</p>
        </div>
    }
}

/// "H1 FY2024 利润 exceeded all of FY2023", checked against the data.
fn h1_claim(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    data.check_h1_fy2024_claim().map(|c| {
        let verdict = match c.verdict {
            ClaimVerdict::Holds => "alibaba.verdict_holds",
            ClaimVerdict::False => "alibaba.verdict_false",
            ClaimVerdict::Unverifiable => "alibaba.verdict_unknown",
        };
        let lang = i18n.lang.get();
        let v = |f: Option<&Financial>| {
            f.and_then(|f| f.value.map(|v| format::amount(lang, v, &f.unit)))
                .unwrap_or_else(|| "—".into())
        };
        let detail = i18n.format(
            "alibaba.h1_detail",
            &[&v(Some(c.h1_fy2024)), &v(c.fy2023_new_basis)],
        );
        let ids: Vec<&'static str> = [c.h1_fy2024.meta.id.as_str()]
            .into_iter()
            .chain(c.fy2023_new_basis.map(|f| f.meta.id.as_str()))
            .chain(["IC-004"])
            .collect();
        let labels: Vec<&'static str> = data
            .check_profit_label()
            .iter()
            .map(|p| p.row.meta.id.as_str())
            .collect();
        view! {
            <div class="card" data-testid="h1-claim">
                <h3>{i18n.t("alibaba.h1_title")}</h3>
                <blockquote lang="zh-CN">"“"{c.h1_fy2024.meta.quote_zh.clone()}"”"</blockquote>
                <p>
                    <strong data-testid="h1-verdict">{i18n.t(verdict)}</strong>
                    " " {detail} " " {figure_links(ids)}
                </p>
                <p class="small">{i18n.t("alibaba.profit_label")} " " {figure_links(labels)}</p>
            </div>
        }
    })
}
