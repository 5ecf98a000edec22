//! The one-line description of a deep-linked fact row, in the reader's language. English
//! is the fact base's own (`Dataset::describe`); Chinese uses the project's translations
//! and the formatting module (dates, 亿元, 同比, 个百分点).

use crate::format;
use crate::i18n::{I18n, Lang};
use crate::labels::vendor_key;
use leptos::prelude::Get;
use yunce_data::{Dataset, ReportingBasis};

/// A fact-base metric slug in Chinese; an unknown one is shown as it is.
fn metric_zh(metric: &str) -> &str {
    match metric {
        "adjusted_ebita" => "经调整EBITA",
        "adjusted_ebita_margin" => "经调整EBITA利润率",
        "adjusted_ebita_qoq_growth" => "经调整EBITA环比增速",
        "adjusted_ebita_yoy_growth" => "经调整EBITA同比增速",
        "ai_and_cloud_capex_trailing_4q" => "AI与云资本开支（近四个季度）",
        "ai_cloud_infrastructure_capex_plan_3y" => "AI与云基础设施三年投资计划",
        "revenue" => "收入",
        "revenue_after_intersegment_elimination" => "收入（分部间抵销后）",
        "revenue_before_intersegment_elimination" => "收入（分部间抵销前）",
        "revenue_yoy_growth" => "收入同比增速",
        "channel_partner_share_of_revenue" => "渠道伙伴收入占比",
        "cloud_market_total" => "云市场总规模",
        "cloud_market_total_forecast" => "云市场总规模（预测）",
        "iaas" => "IaaS",
        "paas" => "PaaS",
        "saas" => "SaaS",
        "paas_share_of_market_expected" => "PaaS预计市场占比",
        "public_cloud" => "公有云",
        "share_of_global_spend" => "占全球支出比例",
        "spend" => "支出",
        "spend_forecast" => "支出（预测）",
        "yoy_growth" => "同比增速",
        "yoy_growth_forecast" => "同比增速（预测）",
        other => other,
    }
}

/// A reporting basis in Chinese.
fn basis_zh(b: ReportingBasis) -> &'static str {
    match b {
        ReportingBasis::OriginallyReported => "首次报告口径",
        ReportingBasis::Restated => "重述口径",
        ReportingBasis::Reorganised2023 => "2023年重组后口径",
        ReportingBasis::AnnualFiling => "年报口径",
        ReportingBasis::Derived => "推算",
        ReportingBasis::GroupAsReported => "集团口径",
        ReportingBasis::ManagementStatement => "管理层表述",
    }
}

/// What the row `id` is, in one line; empty when no fact row has that id.
pub fn describe(data: &Dataset, id: &str, i18n: I18n) -> String {
    let lang = i18n.lang.get();
    if lang == Lang::En {
        return data.describe(id).unwrap_or_default();
    }
    let zh = |field: &str, en: &str| data.zh(id, field).unwrap_or(en).to_owned();
    if let Some(r) = data.market_shares.iter().find(|r| r.base.meta.id == id) {
        let b = &r.base;
        let value = b.value.map(|v| format::number(v, 2)).unwrap_or_default();
        return format!(
            "{} · {} · {} · {value} {}",
            b.period_raw,
            b.source_org,
            i18n.t(vendor_key(r.vendor)),
            zh("unit", &b.unit)
        );
    }
    if let Some(r) = data.market_sizes.iter().find(|r| r.base.meta.id == id) {
        let b = &r.base;
        let value = b
            .value
            .map(|v| format::amount(lang, v, &b.unit))
            .unwrap_or_default();
        return format!(
            "{} · {} · {} · {value}",
            b.period_raw,
            b.source_org,
            metric_zh(&r.metric)
        );
    }
    if let Some(r) = data.financials.iter().find(|r| r.meta.id == id) {
        let value = r
            .value
            .map(|v| format::amount(lang, v, &r.unit))
            .unwrap_or_default();
        return format!(
            "{}（{}）· {} · {value} · {}",
            r.fiscal_raw,
            r.calendar_label,
            metric_zh(&r.metric),
            basis_zh(r.basis)
        );
    }
    if let Some(r) = data.events.iter().find(|r| r.meta.id == id) {
        return format!(
            "{} · {} · {}",
            format::date(lang, &r.date.to_string()),
            zh("actor", &r.actor),
            zh("event", &r.event)
        );
    }
    if let Some(r) = data.market_context.iter().find(|r| r.meta.id == id) {
        return format!(
            "{} · {} · {}：{} {}",
            zh("period", &r.period_raw),
            zh("topic", &r.topic),
            zh("metric", &r.metric),
            r.value_raw,
            zh("unit", &r.unit)
        );
    }
    if let Some(r) = data.compute_capacity.iter().find(|r| r.meta.id == id) {
        let value = r.value.map(|v| format::number(v, 2)).unwrap_or_default();
        return format!(
            "{} · {} · {value} {} · {}",
            format::date(lang, &r.as_of.to_string()),
            zh("metric", &r.metric),
            zh("unit", &r.unit),
            zh("precision_basis", &r.precision_basis)
        );
    }
    if let Some(r) = data.plan_targets.iter().find(|r| r.meta.id == id) {
        let year = r.target_year.map(|y| format!("{y}年")).unwrap_or_default();
        let value = r.value.map(|v| format::number(v, 2)).unwrap_or_default();
        return format!(
            "{year} · {} {} {value} {}",
            zh("indicator", &r.indicator),
            r.comparator,
            zh("unit", &r.unit)
        );
    }
    if let Some(r) = data.accelerators.iter().find(|r| r.meta.id == id) {
        return format!(
            "{} {} · 稠密FP16/BF16算力 {} TFLOPS",
            zh("vendor", &r.vendor),
            zh("model", &r.model),
            zh("dense_fp16_bf16_tflops", &r.dense_fp16_bf16_tflops_raw)
        );
    }
    if let Some(r) = data.export_controls.iter().find(|r| r.meta.id == id) {
        return format!(
            "{} · {} · {}",
            format::date(lang, &r.date.to_string()),
            zh("authority", &r.authority),
            zh("action", &r.action)
        );
    }
    if let Some(r) = data.outages.iter().find(|r| r.meta.id == id) {
        let start = r.start_local.split_whitespace().collect::<Vec<_>>();
        let when = match start.as_slice() {
            [day, time] => format!("{} {time}", format::date(lang, day)),
            _ => r.start_local.clone(),
        };
        return format!(
            "{when} · {} · {} · {}",
            zh("provider", &r.provider),
            zh("region_scope", &r.region_scope),
            zh("services_affected", &r.services_affected)
        );
    }
    if let Some(r) = data.outcome(id) {
        let value = format::money(lang, r.value, &r.unit)
            .unwrap_or_else(|| format!("{} {}", r.value_written, zh("unit", &r.unit)));
        return format!(
            "{} · {} · {}：{}",
            format::period(lang, r.period),
            zh("subject", &r.subject),
            zh("metric", &r.metric),
            value.trim()
        );
    }
    data.describe(id).unwrap_or_default()
}
