//! Events, market context, compute capacity and targets, accelerators, export
//! controls and outages.

use super::common::{Meta, parse_enum, parse_period};
use crate::csv::Table;
use crate::error::DataError;
use crate::period::Period;

/// Timeline category of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventCategory {
    /// Leadership changes.
    Leadership,
    /// Organisation changes.
    Organization,
    /// Strategy.
    Strategy,
    /// AI product launches.
    AiProduct,
    /// People (departures, hires).
    People,
    /// Policy and regulation.
    Policy,
    /// Stability incidents.
    Stability,
    /// Market events.
    Market,
    /// Market data releases.
    MarketData,
    /// Financial milestones.
    Financial,
    /// Publications (the seed itself).
    Publication,
}

impl EventCategory {
    /// Parses the `category` column.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "leadership" => Self::Leadership,
            "organization" => Self::Organization,
            "strategy" => Self::Strategy,
            "AI product" => Self::AiProduct,
            "people" => Self::People,
            "policy" => Self::Policy,
            "stability" => Self::Stability,
            "market" => Self::Market,
            "market data" => Self::MarketData,
            "financial" => Self::Financial,
            "publication" => Self::Publication,
            _ => return None,
        })
    }

    /// Stable slug.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Leadership => "leadership",
            Self::Organization => "organization",
            Self::Strategy => "strategy",
            Self::AiProduct => "ai-product",
            Self::People => "people",
            Self::Policy => "policy",
            Self::Stability => "stability",
            Self::Market => "market",
            Self::MarketData => "market-data",
            Self::Financial => "financial",
            Self::Publication => "publication",
        }
    }
}

/// A row of `events.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Provenance.
    pub meta: Meta,
    /// The date as a period (day, month, year or range).
    pub date: Period,
    /// Precision as written (`day`, `month`, `year`, `range`).
    pub date_precision: String,
    /// Who acted.
    pub actor: String,
    /// What happened.
    pub event: String,
    /// Category.
    pub category: EventCategory,
}

/// A row of `market_context.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketContext {
    /// Provenance.
    pub meta: Meta,
    /// Topic.
    pub topic: String,
    /// Period as written (free text, e.g. `2023 (spin-off fundraising)`).
    pub period_raw: String,
    /// The period's leading token parsed, when it parses.
    pub period: Option<Period>,
    /// Metric.
    pub metric: String,
    /// Value as written (may be a range such as `12-15`).
    pub value_raw: String,
    /// Numeric value when the cell is a plain number; `None` when empty or a range.
    pub value: Option<f64>,
    /// Unit.
    pub unit: String,
    /// Geography.
    pub geography: String,
    /// Who the figure is attributed to.
    pub source_attributed: String,
}

/// A row of `compute_capacity.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputeCapacity {
    /// Provenance.
    pub meta: Meta,
    /// As-of date.
    pub as_of: Period,
    /// Metric, e.g. `total_compute`, `intelligent_compute`.
    pub metric: String,
    /// Value.
    pub value: Option<f64>,
    /// Unit, possibly qualified (`EFLOPS (more than)`).
    pub unit: String,
    /// Precision basis (`not stated`, `FP16 (stated)`); bases are not comparable.
    pub precision_basis: String,
    /// Who the figure is attributed to.
    pub source_attributed: String,
}

/// A row of `compute_plan_targets.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTarget {
    /// Provenance.
    pub meta: Meta,
    /// Plan name.
    pub plan: String,
    /// Issue date as written.
    pub issued: String,
    /// Target year.
    pub target_year: Option<i32>,
    /// Dimension (compute, transport, storage, ...).
    pub dimension: String,
    /// Indicator.
    pub indicator: String,
    /// Comparator (`>`, `>=`, `qualitative`, ...).
    pub comparator: String,
    /// Value; `None` for qualitative targets.
    pub value: Option<f64>,
    /// Unit.
    pub unit: String,
}

/// A row of `ai_accelerators.csv`. Numeric specs are `None` when empty or a range;
/// the raw strings are kept for ranges and estimates.
#[derive(Debug, Clone, PartialEq)]
pub struct Accelerator {
    /// Provenance (origin added by the build script from the source ids).
    pub meta: Meta,
    /// Vendor.
    pub vendor: String,
    /// Model.
    pub model: String,
    /// Form factor.
    pub form_factor: String,
    /// Architecture and process.
    pub architecture_process: String,
    /// Announced or launched, as written.
    pub announced_or_launched: String,
    /// Dense FP16/BF16 TFLOPS (no sparsity), raw.
    pub dense_fp16_bf16_tflops_raw: String,
    /// Dense FP16/BF16 TFLOPS when a plain number.
    pub dense_fp16_bf16_tflops: Option<f64>,
    /// Sparse FP16 TFLOPS, raw.
    pub sparse_fp16_tflops_raw: String,
    /// INT8 TOPS, raw.
    pub int8_tops_raw: String,
    /// Memory in GB, raw.
    pub memory_gb_raw: String,
    /// Memory type.
    pub memory_type: String,
    /// Memory bandwidth in GB/s, raw.
    pub memory_bw_gbs_raw: String,
    /// Scale-up interconnect in GB/s, raw.
    pub scaleup_interconnect_gbs_raw: String,
    /// TDP in watts, raw.
    pub tdp_w_raw: String,
    /// Role in China.
    pub china_role: String,
    /// Status under the Oct-2022 rule.
    pub export_status_oct2022_rule: String,
    /// Status under the Oct-2023 rule.
    pub export_status_oct2023_rule: String,
    /// Later status.
    pub later_status: String,
    /// How the values were obtained.
    pub value_status: String,
}

/// A row of `export_controls.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportControl {
    /// Provenance.
    pub meta: Meta,
    /// Date (day or month).
    pub date: Period,
    /// Authority.
    pub authority: String,
    /// Action.
    pub action: String,
    /// Thresholds as reported.
    pub thresholds_as_reported: String,
    /// Products affected as reported.
    pub products_affected_as_reported: String,
    /// Effective-date note.
    pub effective_note: String,
}

/// A row of `outages.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outage {
    /// Provenance.
    pub meta: Meta,
    /// Provider.
    pub provider: String,
    /// Local start time as written (`2022-12-18 08:56`).
    pub start_local: String,
    /// Local end time as written.
    pub end_local: String,
    /// Time zone (`UTC+8`).
    pub timezone: String,
    /// Duration in minutes; `None` if not found.
    pub duration_minutes: Option<f64>,
    /// Duration note.
    pub duration_note: String,
    /// Region scope.
    pub region_scope: String,
    /// Services affected.
    pub services_affected: String,
    /// Customer impact.
    pub customer_impact: String,
    /// Root cause.
    pub root_cause: String,
    /// Follow-ups.
    pub followups: String,
}

/// Loads `events.csv`.
pub fn load_events(t: &Table) -> Result<Vec<Event>, DataError> {
    t.require(&["id", "date", "date_precision", "actor", "event", "category"])?;
    t.iter()
        .map(|r| {
            Ok(Event {
                meta: Meta::from_row(&r)?,
                date: parse_period(&r, "date")?,
                date_precision: r.string("date_precision"),
                actor: r.string("actor"),
                event: r.string("event"),
                category: parse_enum(&r, "category", EventCategory::parse)?,
            })
        })
        .collect()
}

/// Loads `market_context.csv`.
pub fn load_context(t: &Table) -> Result<Vec<MarketContext>, DataError> {
    t.require(&["id", "topic", "period", "metric", "value", "unit"])?;
    t.iter()
        .map(|r| {
            let period_raw = r.string("period");
            let lead = period_raw.split_whitespace().next().unwrap_or("");
            Ok(MarketContext {
                meta: Meta::from_row(&r)?,
                topic: r.string("topic"),
                period: Period::parse(lead),
                period_raw,
                metric: r.string("metric"),
                value_raw: r.string("value"),
                value: r.lenient_f64("value"),
                unit: r.string("unit"),
                geography: r.string("geography"),
                source_attributed: r.string("source_attributed"),
            })
        })
        .collect()
}

/// Loads `compute_capacity.csv`.
pub fn load_capacity(t: &Table) -> Result<Vec<ComputeCapacity>, DataError> {
    t.require(&["id", "as_of", "metric", "value", "unit", "precision_basis"])?;
    t.iter()
        .map(|r| {
            Ok(ComputeCapacity {
                meta: Meta::from_row(&r)?,
                as_of: parse_period(&r, "as_of")?,
                metric: r.string("metric"),
                value: r.opt_f64("value")?,
                unit: r.string("unit"),
                precision_basis: r.string("precision_basis"),
                source_attributed: r.string("source_attributed"),
            })
        })
        .collect()
}

/// Loads `compute_plan_targets.csv`.
pub fn load_targets(t: &Table) -> Result<Vec<PlanTarget>, DataError> {
    t.require(&[
        "id",
        "plan",
        "issued",
        "target_year",
        "indicator",
        "comparator",
        "value",
        "unit",
    ])?;
    t.iter()
        .map(|r| {
            Ok(PlanTarget {
                meta: Meta::from_row(&r)?,
                plan: r.string("plan"),
                issued: r.string("issued"),
                target_year: r.opt_f64("target_year")?.map(|y| y as i32),
                dimension: r.string("dimension"),
                indicator: r.string("indicator"),
                comparator: r.string("comparator"),
                value: r.opt_f64("value")?,
                unit: r.string("unit"),
            })
        })
        .collect()
}

/// Loads `ai_accelerators.csv`.
pub fn load_accelerators(t: &Table) -> Result<Vec<Accelerator>, DataError> {
    t.require(&[
        "id",
        "vendor",
        "model",
        "dense_fp16_bf16_tflops",
        "source_id",
        "confidence",
    ])?;
    t.iter()
        .map(|r| {
            Ok(Accelerator {
                meta: Meta::from_row(&r)?,
                vendor: r.string("vendor"),
                model: r.string("model"),
                form_factor: r.string("form_factor"),
                architecture_process: r.string("architecture_process"),
                announced_or_launched: r.string("announced_or_launched"),
                dense_fp16_bf16_tflops_raw: r.string("dense_fp16_bf16_tflops"),
                dense_fp16_bf16_tflops: r.lenient_f64("dense_fp16_bf16_tflops"),
                sparse_fp16_tflops_raw: r.string("sparse_fp16_tflops"),
                int8_tops_raw: r.string("int8_tops"),
                memory_gb_raw: r.string("memory_gb"),
                memory_type: r.string("memory_type"),
                memory_bw_gbs_raw: r.string("memory_bw_gbs"),
                scaleup_interconnect_gbs_raw: r.string("scaleup_interconnect_gbs"),
                tdp_w_raw: r.string("tdp_w"),
                china_role: r.string("china_role"),
                export_status_oct2022_rule: r.string("export_status_oct2022_rule"),
                export_status_oct2023_rule: r.string("export_status_oct2023_rule"),
                later_status: r.string("later_status"),
                value_status: r.string("value_status"),
            })
        })
        .collect()
}

/// Loads `export_controls.csv`.
pub fn load_export_controls(t: &Table) -> Result<Vec<ExportControl>, DataError> {
    t.require(&["id", "date", "authority", "action"])?;
    t.iter()
        .map(|r| {
            Ok(ExportControl {
                meta: Meta::from_row(&r)?,
                date: parse_period(&r, "date")?,
                authority: r.string("authority"),
                action: r.string("action"),
                thresholds_as_reported: r.string("thresholds_as_reported"),
                products_affected_as_reported: r.string("products_affected_as_reported"),
                effective_note: r.string("effective_note"),
            })
        })
        .collect()
}

/// Loads `outages.csv`.
pub fn load_outages(t: &Table) -> Result<Vec<Outage>, DataError> {
    t.require(&[
        "id",
        "provider",
        "start_local",
        "end_local",
        "duration_minutes",
    ])?;
    t.iter()
        .map(|r| {
            Ok(Outage {
                meta: Meta::from_row(&r)?,
                provider: r.string("provider"),
                start_local: r.string("start_local"),
                end_local: r.string("end_local"),
                timezone: r.string("timezone"),
                duration_minutes: r.opt_f64("duration_minutes")?,
                duration_note: r.string("duration_note"),
                region_scope: r.string("region_scope"),
                services_affected: r.string("services_affected"),
                customer_impact: r.string("customer_impact"),
                root_cause: r.string("root_cause"),
                followups: r.string("followups"),
            })
        })
        .collect()
}
