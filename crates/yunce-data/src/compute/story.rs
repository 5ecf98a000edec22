//! Figures for the story views: the seed's "200 days" window, the Alibaba Cloud
//! quarterly table on one basis, and the compute plan's targets against the
//! measured capacity on a comparable precision basis.

use crate::compute::finance::{Growth, GrowthError};
use crate::records::finance::{BasisFamily, Entity, Financial};
use crate::{ComputeCapacity, Dataset, Date, Event, FiscalPeriod, PlanTarget};

/// Days from 1970-01-01 to `date` (negative before), for date arithmetic and
/// timeline positions.
pub fn day_number(date: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(date.year) - i64::from(date.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(date.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// True when an event's date (a day, month, year or range) overlaps `from..=to`.
pub fn event_overlaps(event: &Event, from: Date, to: Date) -> bool {
    event.date.start() <= to && event.date.end() >= from
}

/// The seed's "200多天" (more than 200 days) of change, as dated events.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedWindow<'a> {
    /// The first cut: Zhang Yong's June 2023 announcement (the seed's "第一刀").
    pub start: &'a Event,
    /// The latest dated change the seed reports (a VP's departure, 2024-01-08).
    pub end: &'a Event,
    /// The claim row (MC-024), if present.
    pub claim: Option<&'a crate::MarketContext>,
    /// Days from start to end.
    pub days: i64,
}

/// Row ids bounding the window: the seed names June 2023 as the first cut and
/// 2024-01-08 as the latest change "就在近期"; the fact base dates both.
const WINDOW_IDS: (&str, &str, &str) = ("EV-019", "EV-036", "MC-024");

impl Dataset {
    /// The seed's "200 days" window, with its length computed from the two dated events.
    pub fn seed_window(&self) -> Option<SeedWindow<'_>> {
        let find = |id: &str| self.events.iter().find(|e| e.meta.id == id);
        let (start, end) = (find(WINDOW_IDS.0)?, find(WINDOW_IDS.1)?);
        Some(SeedWindow {
            start,
            end,
            claim: self
                .market_context
                .iter()
                .find(|m| m.meta.id == WINDOW_IDS.2),
            days: day_number(end.date.start()) - day_number(start.date.start()),
        })
    }
}

/// One fiscal quarter of Alibaba Cloud figures on one reporting basis family.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterFigures<'a> {
    /// The fiscal quarter.
    pub fiscal: FiscalPeriod,
    /// Revenue on the basis, `None` = no figure (a gap, never zero).
    pub revenue: Option<&'a Financial>,
    /// Adjusted EBITA on the basis.
    pub ebita: Option<&'a Financial>,
    /// Adjusted EBITA margin in percent, when both figures exist.
    pub margin: Option<f64>,
    /// Revenue growth year on year, computed (or why not).
    pub revenue_yoy: Result<Growth<'a>, GrowthError<'a>>,
    /// Revenue growth quarter on quarter, computed.
    pub revenue_qoq: Result<Growth<'a>, GrowthError<'a>>,
    /// Adjusted EBITA growth year on year, computed.
    pub ebita_yoy: Result<Growth<'a>, GrowthError<'a>>,
    /// Adjusted EBITA growth quarter on quarter, computed.
    pub ebita_qoq: Result<Growth<'a>, GrowthError<'a>>,
    /// Growth rates and margins the company (or the seed) stated for the quarter,
    /// on this basis family.
    pub reported: Vec<&'a Financial>,
}

impl QuarterFigures<'_> {
    /// True when no figure at all exists for the quarter on this basis.
    pub fn is_empty(&self) -> bool {
        self.revenue.is_none() && self.ebita.is_none() && self.reported.is_empty()
    }
}

const REPORTED_METRICS: [&str; 4] = [
    "revenue_yoy_growth",
    "adjusted_ebita_yoy_growth",
    "adjusted_ebita_qoq_growth",
    "adjusted_ebita_margin",
];

impl Dataset {
    /// Alibaba Cloud's quarters on one basis family, oldest first, with the margin and
    /// the growth rates computed by [`Dataset::financial_yoy`] and
    /// [`Dataset::financial_qoq`] (which refuse to straddle bases). Quarters with no
    /// figure on the basis are left out.
    pub fn cloud_quarter_table(&self, family: BasisFamily) -> Vec<QuarterFigures<'_>> {
        let revenue = self.cloud_quarterly("revenue", family);
        let ebita = self.cloud_quarterly("adjusted_ebita", family);
        let quarters: std::collections::BTreeSet<FiscalPeriod> =
            revenue.iter().chain(&ebita).map(|x| x.0).collect();
        let entity = Entity::CloudSegment;
        quarters
            .into_iter()
            .map(|q| {
                let rev = self.financial(entity, "revenue", q, family);
                let ebi = self.financial(entity, "adjusted_ebita", q, family);
                QuarterFigures {
                    fiscal: q,
                    revenue: rev,
                    ebita: ebi,
                    margin: match (ebi, rev) {
                        (Some(e), Some(r)) => crate::compute::finance::margin(e, r),
                        _ => None,
                    },
                    revenue_yoy: self.financial_yoy(entity, "revenue", q, family),
                    revenue_qoq: self.financial_qoq(entity, "revenue", q, family),
                    ebita_yoy: self.financial_yoy(entity, "adjusted_ebita", q, family),
                    ebita_qoq: self.financial_qoq(entity, "adjusted_ebita", q, family),
                    reported: REPORTED_METRICS
                        .iter()
                        .filter_map(|m| self.financial(entity, m, q, family))
                        .collect(),
                }
            })
            .filter(|row| !row.is_empty())
            .collect()
    }
}

/// The precision basis of a compute figure. Figures on different bases are never
/// compared, charted on one axis or divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// The source does not say (most official totals, and the plan itself).
    NotStated,
    /// Stated as FP16.
    Fp16,
    /// Not a FLOPS figure (storage, racks, counts).
    NotApplicable,
}

impl Precision {
    /// Reads the `precision_basis` column (`not stated`, `FP16 (stated)`, `n/a`, ...).
    pub fn parse(basis: &str) -> Self {
        let b = basis.to_ascii_lowercase();
        if b.contains("fp16") {
            Self::Fp16
        } else if b.contains("not stated") {
            Self::NotStated
        } else {
            Self::NotApplicable
        }
    }

    /// Stable slug.
    pub fn slug(self) -> &'static str {
        match self {
            Self::NotStated => "not-stated",
            Self::Fp16 => "fp16",
            Self::NotApplicable => "n-a",
        }
    }
}

/// A plan target with the measured figures of the same metric.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetProgress<'a> {
    /// The target row.
    pub target: &'a PlanTarget,
    /// The capacity metric measured against it.
    pub metric: &'static str,
    /// The precision basis of the target (the plan states none for compute).
    pub precision: Precision,
    /// Measured figures on the target's basis, oldest first: these may be compared.
    pub comparable: Vec<&'a ComputeCapacity>,
    /// Measured figures on another basis: shown apart, never compared.
    pub other_basis: Vec<&'a ComputeCapacity>,
    /// The latest comparable figure as a percentage of the target.
    pub latest_pct_of_target: Option<f64>,
}

/// Plan targets that have a measured series, with the capacity metric behind each.
/// The plan sets compute in EFLOPS without a precision; the 35% share applies to
/// the same unstated basis; storage is in EB, where precision does not apply.
const TARGET_METRICS: [(&str, &str, Precision); 4] = [
    ("PT-001", "total_compute", Precision::NotStated),
    ("PT-002", "intelligent_compute_share", Precision::NotStated),
    ("PT-004", "intelligent_compute", Precision::NotStated),
    ("PT-011", "storage_capacity", Precision::NotApplicable),
];

impl Dataset {
    /// Each measurable plan target against the measured capacity, split by precision
    /// basis so that FP16 and unstated figures are never compared.
    pub fn plan_progress(&self) -> Vec<TargetProgress<'_>> {
        TARGET_METRICS
            .iter()
            .filter_map(|&(id, metric, precision)| {
                let target = self.plan_targets.iter().find(|t| t.meta.id == id)?;
                let mut rows: Vec<&ComputeCapacity> = self
                    .compute_capacity
                    .iter()
                    .filter(|c| c.metric == metric && c.value.is_some())
                    .collect();
                // Oldest first; an insertion sort keeps a generic sort out of the wasm.
                for i in 1..rows.len() {
                    let mut j = i;
                    while j > 0 && rows[j - 1].as_of.start() > rows[j].as_of.start() {
                        rows.swap(j - 1, j);
                        j -= 1;
                    }
                }
                let (comparable, other_basis): (Vec<_>, Vec<_>) = rows
                    .into_iter()
                    .partition(|c| Precision::parse(&c.precision_basis) == precision);
                let latest_pct_of_target =
                    match (comparable.last().and_then(|c| c.value), target.value) {
                        (Some(v), Some(t)) if t > 0.0 => Some(v / t * 100.0),
                        _ => None,
                    };
                Some(TargetProgress {
                    target,
                    metric,
                    precision,
                    comparable,
                    other_basis,
                    latest_pct_of_target,
                })
            })
            .collect()
    }
}

fn num(value: Option<f64>, raw: &str) -> String {
    value
        .map(|v| v.to_string())
        .unwrap_or_else(|| raw.to_string())
}

impl Dataset {
    /// A one-line, plain-text description of any fact row (period, subject, value and
    /// unit as recorded), for the sources view and figure links. `None` for unknown ids.
    pub fn describe(&self, row_id: &str) -> Option<String> {
        let id = row_id;
        if let Some(r) = self.market_shares.iter().find(|r| r.base.meta.id == id) {
            let b = &r.base;
            return Some(format!(
                "{} · {} · {} · {} {}",
                b.period_raw,
                b.source_org,
                r.vendor_name,
                num(b.value, ""),
                b.unit
            ));
        }
        if let Some(r) = self.market_sizes.iter().find(|r| r.base.meta.id == id) {
            let b = &r.base;
            return Some(format!(
                "{} · {} · {} · {} {}",
                b.period_raw,
                b.source_org,
                r.metric,
                num(b.value, ""),
                b.unit
            ));
        }
        if let Some(r) = self.financials.iter().find(|r| r.meta.id == id) {
            return Some(format!(
                "{} ({}) · {} · {} {} · {}",
                r.fiscal_raw,
                r.calendar_label,
                r.metric,
                num(r.value, ""),
                r.unit,
                r.basis.slug()
            ));
        }
        if let Some(r) = self.events.iter().find(|r| r.meta.id == id) {
            return Some(format!("{} · {} · {}", r.date, r.actor, r.event));
        }
        if let Some(r) = self.market_context.iter().find(|r| r.meta.id == id) {
            return Some(format!(
                "{} · {} · {}: {} {}",
                r.period_raw, r.topic, r.metric, r.value_raw, r.unit
            ));
        }
        if let Some(r) = self.compute_capacity.iter().find(|r| r.meta.id == id) {
            return Some(format!(
                "{} · {} · {} {} · {}",
                r.as_of,
                r.metric,
                num(r.value, ""),
                r.unit,
                r.precision_basis
            ));
        }
        if let Some(r) = self.plan_targets.iter().find(|r| r.meta.id == id) {
            let year = r.target_year.map(|y| y.to_string()).unwrap_or_default();
            return Some(format!(
                "{year} · {} {} {} {}",
                r.indicator,
                r.comparator,
                num(r.value, ""),
                r.unit
            ));
        }
        if let Some(r) = self.accelerators.iter().find(|r| r.meta.id == id) {
            return Some(format!(
                "{} {} · {} dense FP16/BF16 TFLOPS",
                r.vendor, r.model, r.dense_fp16_bf16_tflops_raw
            ));
        }
        if let Some(r) = self.export_controls.iter().find(|r| r.meta.id == id) {
            return Some(format!("{} · {} · {}", r.date, r.authority, r.action));
        }
        if let Some(r) = self.outcomes.iter().find(|r| r.meta.id == id) {
            return Some(format!(
                "{} · {} · {}: {} {}",
                r.date_written, r.subject, r.metric, r.value_written, r.unit
            ));
        }
        self.outages.iter().find(|r| r.meta.id == id).map(|r| {
            format!(
                "{} · {} · {}",
                r.start_local, r.provider, r.services_affected
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FiscalPart;

    fn data() -> Dataset {
        Dataset::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_fact_row_is_described() {
        let d = data();
        for m in d.all_meta() {
            assert!(d.describe(&m.id).is_some_and(|s| !s.is_empty()), "{}", m.id);
        }
        assert_eq!(
            d.describe("FIN-024").as_deref(),
            Some("FY2024Q2 (2023Q3) · adjusted_ebita · 1409 RMB m · reorganised-2023")
        );
        assert_eq!(d.describe("NO-1"), None);
    }

    #[test]
    fn day_numbers() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap_or_else(|| panic!("date"));
        assert_eq!(day_number(d(1970, 1, 1)), 0);
        assert_eq!(day_number(d(2000, 3, 1)) - day_number(d(2000, 2, 28)), 2);
        assert_eq!(day_number(d(2024, 1, 1)) - day_number(d(2023, 1, 1)), 365);
    }

    #[test]
    fn seed_window_is_about_200_days() {
        let d = data();
        let w = d.seed_window().unwrap_or_else(|| panic!("window"));
        assert_eq!(w.start.date.to_string(), "2023-06-20");
        assert_eq!(w.end.date.to_string(), "2024-01-08");
        assert_eq!(w.days, 202);
        assert_eq!(w.claim.and_then(|c| c.value), Some(200.0));
        let (from, to) = (w.start.date.start(), w.end.date.end());
        let inside: Vec<&str> = d
            .events
            .iter()
            .filter(|e| event_overlaps(e, from, to))
            .map(|e| e.meta.id.as_str())
            .collect();
        assert!(
            inside.contains(&"EV-031"),
            "the spin-off is called off inside it"
        );
        assert!(
            inside.contains(&"EV-010"),
            "a 2023 year-dated event overlaps"
        );
        assert!(
            !inside.contains(&"EV-017"),
            "May 2023 is before the first cut"
        );
    }

    #[test]
    fn quarter_table_restated_reproduces_the_seed() {
        let d = data();
        let rows = d.cloud_quarter_table(BasisFamily::New);
        let q = rows
            .iter()
            .find(|r| {
                r.fiscal
                    == FiscalPeriod {
                        year: 2024,
                        part: FiscalPart::Quarter(2),
                    }
            })
            .unwrap_or_else(|| panic!("FY2024Q2"));
        let pct = |g: &Result<Growth<'_>, GrowthError<'_>>| g.as_ref().map(|g| g.pct.round()).ok();
        assert_eq!(pct(&q.ebita_qoq), Some(264.0));
        assert_eq!(pct(&q.ebita_yoy), Some(44.0));
        assert!(matches!(
            q.revenue_yoy,
            Err(GrowthError::BasisMismatch { .. })
        ));
        let m = q.margin.unwrap_or_default();
        assert!((m - 1409.0 / 27648.0 * 100.0).abs() < 1e-9);
        let stated: Vec<&str> = q.reported.iter().map(|r| r.meta.id.as_str()).collect();
        assert_eq!(stated, ["FIN-023", "FIN-025", "FIN-026"]);
        assert!(rows.windows(2).all(|w| w[0].fiscal < w[1].fiscal));
        assert!(rows.iter().all(|r| !r.is_empty()));
    }

    #[test]
    fn quarter_table_as_first_reported_never_uses_new_rows() {
        let d = data();
        let rows = d.cloud_quarter_table(BasisFamily::Old);
        assert!(!rows.is_empty());
        for r in &rows {
            for f in r
                .revenue
                .iter()
                .chain(r.ebita.iter())
                .chain(r.reported.iter())
            {
                assert_eq!(f.basis.family(), BasisFamily::Old, "{}", f.meta.id);
            }
        }
        let q = rows
            .iter()
            .find(|r| {
                r.fiscal
                    == FiscalPeriod {
                        year: 2022,
                        part: FiscalPart::Quarter(4),
                    }
            })
            .unwrap_or_else(|| panic!("FY2022Q4"));
        // 18,971 vs 16,761 as first reported.
        let g = q.revenue_yoy.as_ref().map(|g| g.pct).unwrap_or_default();
        assert!((g - (18971.0 / 16761.0 - 1.0) * 100.0).abs() < 1e-9);
    }

    #[test]
    fn precision_bases_are_never_mixed() {
        assert_eq!(Precision::parse("FP16 (stated)"), Precision::Fp16);
        assert_eq!(Precision::parse("not stated"), Precision::NotStated);
        assert_eq!(
            Precision::parse("mixed-precision basis not stated"),
            Precision::NotStated
        );
        assert_eq!(Precision::parse("n/a"), Precision::NotApplicable);
        let d = data();
        let p = d.plan_progress();
        let by = |id: &str| {
            p.iter()
                .find(|x| x.target.meta.id == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        let total = by("PT-001");
        assert_eq!(
            total.comparable.last().map(|c| c.meta.id.as_str()),
            Some("CC-017")
        );
        assert!((total.latest_pct_of_target.unwrap_or_default() - 82.0).abs() < 1e-9);
        let intelligent = by("PT-004");
        let ids: Vec<&str> = intelligent
            .other_basis
            .iter()
            .map(|c| c.meta.id.as_str())
            .collect();
        assert_eq!(ids, ["CC-018"], "788 EFLOPS FP16 is kept apart");
        assert!(
            intelligent
                .comparable
                .iter()
                .all(|c| Precision::parse(&c.precision_basis) == Precision::NotStated)
        );
        assert_eq!(by("PT-002").comparable.len(), 1);
        assert_eq!(by("PT-011").comparable.len(), 2);
    }
}
