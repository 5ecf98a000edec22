//! Financials on one reporting basis, the seed's growth rates reproduced, the
//! "H1 FY2024 > FY2023" claim checked, and the context figures.

use crate::i18n::I18n;
use crate::views::alibaba::state::AlibabaState;
use crate::views::sources::dom::{Act, act, attr, close, leaf, leaf_c, open, open_c, testid, text};
use crate::views::sources::kit::{
    Flag, chips, flags, row, table_end, table_start, td, td_num, td_provenance,
};
use yunce_chart::format_value;
use yunce_data::checks::ClaimVerdict;
use yunce_data::{
    BasisFamily, Dataset, Entity, Financial, FiscalPart, FiscalPeriod, Growth, GrowthError,
};

/// The seed's quarter: FY2024Q2, calendar 2023Q3.
const SEED_QUARTER: FiscalPeriod = FiscalPeriod {
    year: 2024,
    part: FiscalPart::Quarter(2),
};

fn signed(v: f64, decimals: usize) -> String {
    let t = format_value(v, decimals);
    if v > 0.0 { format!("+{t}") } else { t }
}

fn value_cell(row: Option<&Financial>, i18n: I18n) {
    match row {
        Some(f) => td_num(
            &f.value.map(|v| format_value(v, 0)).unwrap_or_default(),
            &flags(&f.meta, i18n),
        ),
        None => td_num("", &[]),
    }
}

fn growth_cell(g: &Result<Growth<'_>, GrowthError<'_>>, i18n: I18n) {
    let derived: Flag = ("derived", i18n.t("alibaba.flag_derived"));
    match g {
        Ok(g) if g.uses_derived() => td_num(&format!("{}%", signed(g.pct, 0)), &[derived]),
        Ok(g) => td_num(&format!("{}%", signed(g.pct, 0)), &[]),
        Err(GrowthError::BasisMismatch { .. }) => {
            td_num("", &[("straddle", i18n.t("alibaba.flag_basis"))])
        }
        Err(_) => td_num("", &[]),
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

fn segmented(
    i18n: I18n,
    legend: &'static str,
    act_name: &str,
    options: [(&str, &'static str, bool); 2],
) {
    open("fieldset");
    leaf("legend", i18n.t(legend));
    open_c("div", "segmented");
    attr("role", "group");
    for (value, key, on) in options {
        open("button");
        attr("type", "button");
        testid(&format!("{act_name}-{value}"));
        attr("aria-pressed", if on { "true" } else { "false" });
        act(act_name, value);
        text(i18n.t(key));
        close();
    }
    close();
    close();
}

/// The financials section: basis and label switches, the quarterly table, the seed's
/// growth rates and the H1 claim.
pub fn section(data: &Dataset, i18n: I18n, state: &AlibabaState) {
    let cal = state.calendar;
    let restated = state.basis == BasisFamily::New;
    open("section");
    testid("financials");
    leaf("h2", i18n.t("alibaba.financials"));
    open_c("div", "controls");
    segmented(
        i18n,
        "alibaba.basis",
        "basis",
        [
            ("restated", "alibaba.basis_restated", restated),
            ("reported", "alibaba.basis_reported", !restated),
        ],
    );
    segmented(
        i18n,
        "alibaba.labels",
        "lbl",
        [
            ("fiscal", "alibaba.labels_fiscal", !cal),
            ("calendar", "alibaba.labels_calendar", cal),
        ],
    );
    close();
    open_c("p", "notice");
    testid("basis-note");
    text(i18n.t(if restated {
        "alibaba.basis_note_restated"
    } else {
        "alibaba.basis_note_reported"
    }));
    close();
    leaf_c(
        "p",
        "muted small",
        &format!(
            "{} {}",
            i18n.t("alibaba.fiscal_note"),
            i18n.t("alibaba.flags_note")
        ),
    );
    table_start(
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
    );
    for q in data.cloud_quarter_table(state.basis) {
        let (f, c) = (q.fiscal.to_string(), q.fiscal.to_calendar().to_string());
        let label = if cal {
            format!("{c} ({f})")
        } else {
            format!("{f} ({c})")
        };
        row(
            &f,
            if q.fiscal == SEED_QUARTER { "win" } else { "" },
            &label,
        );
        value_cell(q.revenue, i18n);
        value_cell(q.ebita, i18n);
        let margin_flags = q.ebita.map(|e| flags(&e.meta, i18n)).unwrap_or_default();
        td_num(
            &q.margin
                .map(|m| format!("{}%", format_value(m, 1)))
                .unwrap_or_default(),
            &margin_flags,
        );
        for g in [&q.revenue_yoy, &q.revenue_qoq, &q.ebita_yoy, &q.ebita_qoq] {
            growth_cell(g, i18n);
        }
        let stated: Vec<String> = q
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
            .collect();
        td(&stated.join(" · "));
        open("td");
        chips(
            "fig",
            q.revenue
                .iter()
                .chain(q.ebita.iter())
                .chain(q.reported.iter())
                .map(|f| f.meta.id.as_str()),
        );
        close();
        close();
    }
    table_end();
    seed_growth(data, i18n);
    h1_claim(data, i18n);
    close();
}

fn item(id: &str, t: &str, ids: &[&str]) {
    open("li");
    testid(id);
    text(t);
    text(" ");
    chips("fig", ids.iter().copied());
    close();
}

/// The seed's +2% / +44% / +264%, reproduced on the restated basis, with the
/// as-first-reported alternative.
fn seed_growth(data: &Dataset, i18n: I18n) {
    let c = Entity::CloudSegment;
    let fam = BasisFamily::New;
    let straddles = data.check_straddled_growth();
    let straddle = |m: &str| straddles.iter().find(|x| x.current.metric == m);
    let v = |f: &Financial| f.value.map(|v| format_value(v, 0)).unwrap_or_default();
    open_c("div", "card");
    testid("seed-growth");
    leaf("h3", i18n.t("alibaba.seed_title"));
    open("ul");
    if let (Some(stated), Some(st)) = (
        data.reported_growth(c, "revenue_yoy_growth", SEED_QUARTER),
        straddle("revenue"),
    ) {
        let pct = stated.value.map(|x| signed(x, 0)).unwrap_or_default();
        let t = i18n.format(
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
            &t,
            &[&stated.meta.id, &st.current.meta.id, &st.old_base.meta.id],
        );
    }
    if let (Ok(g), Some(st)) = (
        data.financial_yoy(c, "adjusted_ebita", SEED_QUARTER, fam),
        straddle("adjusted_ebita"),
    ) {
        let t = i18n.format(
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
            &t,
            &[&g.current.meta.id, &g.base.meta.id, &st.old_base.meta.id],
        );
    }
    if let Ok(g) = data.financial_qoq(c, "adjusted_ebita", SEED_QUARTER, fam) {
        let t = i18n.format(
            "alibaba.seed_ebita_qoq",
            &[&signed(g.pct, 0), &v(g.current), &v(g.base)],
        );
        item("seed-ebita-qoq", &t, &[&g.current.meta.id, &g.base.meta.id]);
    }
    close();
    open_c("p", "small muted");
    text(i18n.t("alibaba.seed_note"));
    text(" ");
    chips("fig", ["IC-005"]);
    close();
    close();
}

/// "H1 FY2024 利润 exceeded all of FY2023", checked against the data.
fn h1_claim(data: &Dataset, i18n: I18n) {
    let Some(c) = data.check_h1_fy2024_claim() else {
        return;
    };
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
    open_c("div", "card");
    testid("h1-claim");
    leaf("h3", i18n.t("alibaba.h1_title"));
    open("blockquote");
    attr("lang", "zh-CN");
    text(&format!("“{}”", c.h1_fy2024.meta.quote_zh));
    close();
    open("p");
    open("strong");
    testid("h1-verdict");
    text(i18n.t(verdict));
    close();
    text(" ");
    text(&i18n.format(
        "alibaba.h1_detail",
        &[&v(Some(c.h1_fy2024)), &v(c.fy2023_new_basis)],
    ));
    text(" ");
    chips("fig", [c.h1_fy2024.meta.id.as_str()]);
    chips("fig", c.fy2023_new_basis.map(|f| f.meta.id.as_str()));
    chips("fig", ["IC-004"]);
    close();
    open_c("p", "small");
    text(i18n.t("alibaba.profit_label"));
    text(" ");
    let labels = data.check_profit_label();
    chips("fig", labels.iter().map(|p| p.row.meta.id.as_str()));
    close();
    close();
}

/// Context rows shown: valuation, layoffs, headwinds, GenAI spending.
const CONTEXT: [&str; 11] = [
    "MC-009", "MC-010", "MC-011", "MC-012", "MC-013", "MC-003", "MC-002", "MC-001", "MC-005",
    "MC-006", "MC-024",
];

/// The context table, with the seed's currency slip flagged.
pub fn context(data: &Dataset, i18n: I18n) {
    let slip = data.check_currency_slip();
    open("section");
    testid("context");
    leaf("h2", i18n.t("alibaba.context"));
    leaf_c("p", "muted small", i18n.t("alibaba.context_note"));
    if let Some(s) = &slip {
        open_c("p", "notice");
        testid("currency-slip");
        leaf("strong", i18n.t("alibaba.slip_title"));
        text(" ");
        text(&i18n.format("alibaba.slip", &[&format_value(s.check.implied_rate, 2)]));
        text(" ");
        chips(
            "fig",
            [s.usd_row.meta.id.as_str(), s.printed_row.meta.id.as_str()],
        );
        chips("fig", s.inconsistency.map(|ic| ic.id.as_str()));
        close();
    }
    table_start(
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
    );
    for m in CONTEXT
        .iter()
        .filter_map(|id| data.market_context.iter().find(|m| m.meta.id == *id))
    {
        let mut f = flags(&m.meta, i18n);
        if slip
            .as_ref()
            .is_some_and(|s| s.printed_row.meta.id == m.meta.id)
        {
            f.push(("straddle", i18n.t("alibaba.flag_slip")));
        }
        row(&m.meta.id, "", &m.topic);
        td(&m.period_raw);
        td(&m.metric);
        td_num(&m.value_raw, &f);
        td(&m.unit);
        td_provenance(&m.meta);
        close();
    }
    table_end();
    close();
}
