//! Financials on one reporting basis, the seed's growth rates reproduced, the
//! "H1 FY2024 > FY2023" claim checked, and the context figures.

use super::state::AlibabaState;
use crate::i18n::I18n;
use crate::views::sources::dom::{Act, N, h, ht};
use crate::views::sources::kit::{Cell, Flag, Row, chips, confidence, table};
use yunce_chart::format_value;
use yunce_data::checks::ClaimVerdict;
use yunce_data::{
    BasisFamily, Confidence, Dataset, Entity, Financial, FiscalPart, FiscalPeriod, Growth,
    GrowthError, Meta, Origin,
};

/// The seed's quarter: FY2024Q2, calendar 2023Q3.
const SEED_QUARTER: FiscalPeriod = FiscalPeriod {
    year: 2024,
    part: FiscalPart::Quarter(2),
};

fn flags(meta: &Meta, i18n: I18n) -> Vec<Flag> {
    let mut out = Vec::new();
    if meta.origin == Origin::Derived {
        out.push(Flag {
            class: "derived",
            label: i18n.t("alibaba.flag_derived"),
        });
    }
    if meta.confidence <= Confidence::Low {
        out.push(Flag {
            class: "low",
            label: meta.confidence.slug(),
        });
    }
    out
}

fn value_cell(row: Option<&Financial>, i18n: I18n) -> Cell {
    match row {
        Some(f) => Cell::Num(
            f.value.map(|v| format_value(v, 0)).unwrap_or_default(),
            flags(&f.meta, i18n),
        ),
        None => Cell::Num(String::new(), Vec::new()),
    }
}

fn signed(v: f64, decimals: usize) -> String {
    let t = format_value(v, decimals);
    if v > 0.0 { format!("+{t}") } else { t }
}

fn growth_cell(g: &Result<Growth<'_>, GrowthError<'_>>, i18n: I18n) -> Cell {
    match g {
        Ok(g) => {
            let mut f = Vec::new();
            if g.uses_derived() {
                f.push(Flag {
                    class: "derived",
                    label: i18n.t("alibaba.flag_derived"),
                });
            }
            Cell::Num(format!("{}%", signed(g.pct, 0)), f)
        }
        Err(GrowthError::BasisMismatch { .. }) => Cell::Num(
            String::new(),
            vec![Flag {
                class: "straddle",
                label: i18n.t("alibaba.flag_basis"),
            }],
        ),
        Err(_) => Cell::Num(String::new(), Vec::new()),
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

fn figs(ids: &[&str]) -> Vec<N> {
    chips(
        "fig",
        &ids.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
    )
}

/// Applies a financials control to the state; false when the action is not ours.
pub fn apply(st: &mut AlibabaState, a: &Act) -> bool {
    match (a.act.as_str(), a.value.as_str()) {
        ("basis", "reported") => st.basis = BasisFamily::Old,
        ("basis", _) => st.basis = BasisFamily::New,
        ("lbl", v) => st.calendar = v == "calendar",
        _ => return false,
    }
    true
}

/// The financials section: basis and label switches, the quarterly table, the seed's
/// growth rates and the H1 claim.
pub fn section(data: &Dataset, i18n: I18n, state: &AlibabaState) -> N {
    let cal = state.calendar;
    let rows: Vec<Row> = data
        .cloud_quarter_table(state.basis)
        .into_iter()
        .map(|q| {
            let label = if cal {
                q.fiscal.to_calendar().to_string()
            } else {
                q.fiscal.to_string()
            };
            let other = if cal {
                q.fiscal.to_string()
            } else {
                q.fiscal.to_calendar().to_string()
            };
            let margin_flags = q.ebita.map(|e| flags(&e.meta, i18n)).unwrap_or_default();
            let stated = q
                .reported
                .iter()
                .map(|r| {
                    let v = r.value.map(|v| {
                        if r.metric.ends_with("margin") {
                            format_value(v, 1)
                        } else {
                            signed(v, 1)
                        }
                    });
                    format!(
                        "{} {}{}",
                        i18n.t(stated_key(&r.metric)),
                        v.unwrap_or_default(),
                        r.unit
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let ids = q
                .revenue
                .iter()
                .chain(q.ebita.iter())
                .chain(q.reported.iter())
                .map(|f| f.meta.id.clone())
                .collect();
            Row {
                key: q.fiscal.to_string(),
                class: if q.fiscal == SEED_QUARTER { "win" } else { "" },
                cells: vec![
                    Cell::Text(format!("{label} ({other})")),
                    value_cell(q.revenue, i18n),
                    value_cell(q.ebita, i18n),
                    Cell::Num(
                        q.margin
                            .map(|m| format!("{}%", format_value(m, 1)))
                            .unwrap_or_default(),
                        margin_flags,
                    ),
                    growth_cell(&q.revenue_yoy, i18n),
                    growth_cell(&q.revenue_qoq, i18n),
                    growth_cell(&q.ebita_yoy, i18n),
                    growth_cell(&q.ebita_qoq, i18n),
                    Cell::Text(stated),
                    Cell::Fig(ids),
                ],
            }
        })
        .collect();
    let restated = state.basis == BasisFamily::New;
    let seg = |testid: &str, key: &'static str, act: &str, value: &str, on: bool| {
        ht("button", i18n.t(key))
            .a("type", "button")
            .id(testid)
            .a("aria-pressed", if on { "true" } else { "false" })
            .act(act, value)
    };
    let group = |legend: &'static str, buttons: [N; 2]| {
        h("fieldset")
            .ch(ht("legend", i18n.t(legend)))
            .ch(h("div").c("segmented").a("role", "group").all(buttons))
    };
    h("section").id("financials").all([
        ht("h2", i18n.t("alibaba.financials")),
        h("div").c("controls").all([
            group(
                "alibaba.basis",
                [
                    seg(
                        "basis-restated",
                        "alibaba.basis_restated",
                        "basis",
                        "restated",
                        restated,
                    ),
                    seg(
                        "basis-reported",
                        "alibaba.basis_reported",
                        "basis",
                        "reported",
                        !restated,
                    ),
                ],
            ),
            group(
                "alibaba.labels",
                [
                    seg("lbl-fiscal", "alibaba.labels_fiscal", "lbl", "fiscal", !cal),
                    seg(
                        "lbl-calendar",
                        "alibaba.labels_calendar",
                        "lbl",
                        "calendar",
                        cal,
                    ),
                ],
            ),
        ]),
        ht(
            "p",
            i18n.t(if restated {
                "alibaba.basis_note_restated"
            } else {
                "alibaba.basis_note_reported"
            }),
        )
        .c("notice")
        .id("basis-note"),
        ht(
            "p",
            &format!(
                "{} {}",
                i18n.t("alibaba.fiscal_note"),
                i18n.t("alibaba.flags_note")
            ),
        )
        .c("muted small"),
        table(
            i18n,
            "fin-table",
            &[
                if cal {
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
            ],
            rows,
        ),
        seed_growth(data, i18n),
        h1_claim(data, i18n).unwrap_or_else(|| h("span")),
    ])
}

/// The seed's +2% / +44% / +264%, reproduced on the restated basis, with the
/// as-first-reported alternative.
fn seed_growth(data: &Dataset, i18n: I18n) -> N {
    let c = Entity::CloudSegment;
    let fam = BasisFamily::New;
    let straddles = data.check_straddled_growth();
    let straddle = |m: &str| straddles.iter().find(|x| x.current.metric == m);
    let v = |f: &Financial| f.value.map(|v| format_value(v, 0)).unwrap_or_default();
    let item = |testid: &str, text: String, ids: &[&str]| {
        h("li").id(testid).t(&text).t(" ").all(figs(ids))
    };
    let rev = data
        .reported_growth(c, "revenue_yoy_growth", SEED_QUARTER)
        .zip(straddle("revenue"))
        .map(|(stated, st)| {
            let pct = stated.value.map(|x| signed(x, 0)).unwrap_or_default();
            let text = i18n.format(
                "alibaba.seed_rev",
                &[
                    &pct,
                    &v(st.old_base),
                    &v(st.current),
                    &signed(st.straddled_pct, 0),
                ],
            );
            item(
                "seed-rev",
                text,
                &[&stated.meta.id, &st.current.meta.id, &st.old_base.meta.id],
            )
        });
    let yoy = data
        .financial_yoy(c, "adjusted_ebita", SEED_QUARTER, fam)
        .ok()
        .zip(straddle("adjusted_ebita"))
        .map(|(g, st)| {
            let text = i18n.format(
                "alibaba.seed_ebita_yoy",
                &[
                    &signed(g.pct, 0),
                    &v(g.current),
                    &v(g.base),
                    &v(st.old_base),
                    &signed(st.straddled_pct, 0),
                ],
            );
            item(
                "seed-ebita-yoy",
                text,
                &[&g.current.meta.id, &g.base.meta.id, &st.old_base.meta.id],
            )
        });
    let qoq = data
        .financial_qoq(c, "adjusted_ebita", SEED_QUARTER, fam)
        .ok()
        .map(|g| {
            let text = i18n.format(
                "alibaba.seed_ebita_qoq",
                &[&signed(g.pct, 0), &v(g.current), &v(g.base)],
            );
            item(
                "seed-ebita-qoq",
                text,
                &[&g.current.meta.id, &g.base.meta.id],
            )
        });
    h("div").c("card").id("seed-growth").all([
        ht("h3", i18n.t("alibaba.seed_title")),
        h("ul").opt(rev).opt(yoy).opt(qoq),
        ht("p", i18n.t("alibaba.seed_note"))
            .c("small muted")
            .t(" ")
            .all(figs(&["IC-005"])),
    ])
}

/// "H1 FY2024 利润 exceeded all of FY2023", checked against the data.
fn h1_claim(data: &Dataset, i18n: I18n) -> Option<N> {
    let labels: Vec<String> = data
        .check_profit_label()
        .iter()
        .map(|p| p.row.meta.id.clone())
        .collect();
    let c = data.check_h1_fy2024_claim()?;
    let verdict = match c.verdict {
        ClaimVerdict::Holds => "alibaba.verdict_holds",
        ClaimVerdict::False => "alibaba.verdict_false",
        ClaimVerdict::Unverifiable => "alibaba.verdict_unknown",
    };
    let v = |f: Option<&Financial>| {
        f.and_then(|f| f.value)
            .map(|v| format_value(v, 0))
            .unwrap_or_else(|| "—".into())
    };
    let mut ids = vec![c.h1_fy2024.meta.id.as_str()];
    ids.extend(c.fy2023_new_basis.map(|f| f.meta.id.as_str()));
    ids.push("IC-004");
    Some(
        h("div").c("card").id("h1-claim").all([
            ht("h3", i18n.t("alibaba.h1_title")),
            ht("blockquote", &format!("“{}”", c.h1_fy2024.meta.quote_zh)).a("lang", "zh-CN"),
            h("p")
                .ch(ht("strong", i18n.t(verdict)).id("h1-verdict"))
                .t(" ")
                .t(&i18n.format(
                    "alibaba.h1_detail",
                    &[&v(Some(c.h1_fy2024)), &v(c.fy2023_new_basis)],
                ))
                .t(" ")
                .all(figs(&ids)),
            ht("p", i18n.t("alibaba.profit_label"))
                .c("small")
                .t(" ")
                .all(chips("fig", &labels)),
        ]),
    )
}

/// Context rows shown: valuation, layoffs, headwinds, GenAI spending.
const CONTEXT: [&str; 11] = [
    "MC-009", "MC-010", "MC-011", "MC-012", "MC-013", "MC-003", "MC-002", "MC-001", "MC-005",
    "MC-006", "MC-024",
];

/// The context table, with the seed's currency slip flagged.
pub fn context(data: &Dataset, i18n: I18n) -> N {
    let slip = data.check_currency_slip();
    let slip_id = slip
        .as_ref()
        .map(|s| s.printed_row.meta.id.clone())
        .unwrap_or_default();
    let rows: Vec<Row> = CONTEXT
        .iter()
        .filter_map(|id| data.market_context.iter().find(|m| m.meta.id == *id))
        .map(|m| {
            let mut f = flags(&m.meta, i18n);
            if m.meta.id == slip_id {
                f.push(Flag {
                    class: "straddle",
                    label: i18n.t("alibaba.flag_slip"),
                });
            }
            Row {
                key: m.meta.id.clone(),
                class: "",
                cells: vec![
                    Cell::Text(m.topic.clone()),
                    Cell::Text(m.period_raw.clone()),
                    Cell::Text(m.metric.clone()),
                    Cell::Num(m.value_raw.clone(), f),
                    Cell::Text(m.unit.clone()),
                    confidence(&m.meta),
                    Cell::Src(m.meta.source_ids.clone()),
                    Cell::Fig(vec![m.meta.id.clone()]),
                ],
            }
        })
        .collect();
    let slip_note = slip.map(|s| {
        let mut ids = vec![s.usd_row.meta.id.as_str(), s.printed_row.meta.id.as_str()];
        ids.extend(s.inconsistency.map(|ic| ic.id.as_str()));
        h("p")
            .c("notice")
            .id("currency-slip")
            .ch(ht("strong", i18n.t("alibaba.slip_title")))
            .t(" ")
            .t(&i18n.format("alibaba.slip", &[&format_value(s.check.implied_rate, 2)]))
            .t(" ")
            .all(figs(&ids))
    });
    h("section").id("context").all([
        ht("h2", i18n.t("alibaba.context")),
        ht("p", i18n.t("alibaba.context_note")).c("muted small"),
        slip_note.unwrap_or_else(|| h("span")),
        table(
            i18n,
            "context-table",
            &[
                "alibaba.col_topic",
                "alibaba.col_period",
                "alibaba.col_metric",
                "alibaba.col_value",
                "alibaba.col_unit",
                "sources.confidence",
                "sources.source",
                "alibaba.col_figure",
            ],
            rows,
        ),
    ])
}
