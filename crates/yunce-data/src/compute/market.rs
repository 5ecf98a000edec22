//! Market views: measures, vendors, periods, gap-aware series and year-on-year
//! changes in share. Nothing here mixes measures, and a missing period stays `None`.

use std::collections::BTreeSet;

use crate::records::market::{MarketBase, MarketShare, MarketSize, Measure, ShareKind, Vendor};
use crate::{Dataset, Granularity, Inconsistency, Period};

/// One period of a series. `value` is `None` when no public figure exists (a gap),
/// never zero or an interpolation.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint<'a, R> {
    /// The period.
    pub period: Period,
    /// The chosen figure, if any.
    pub value: Option<f64>,
    /// The row the figure comes from.
    pub row: Option<&'a R>,
    /// Other rows for the same point (conflicting reports), in file order.
    pub alternatives: Vec<&'a R>,
}

/// A point of a share series.
pub type SharePoint<'a> = SeriesPoint<'a, MarketShare>;
/// A vendor's share series for one measure and granularity, sorted by period.
pub type ShareSeries<'a> = Vec<SharePoint<'a>>;

/// A year-on-year change in share, in percentage points.
#[derive(Debug, Clone, PartialEq)]
pub struct YoyPp<'a> {
    /// Current share minus year-ago share, in points.
    pub pp: f64,
    /// The current row.
    pub current: &'a MarketShare,
    /// The year-ago row (same source and metric definition).
    pub year_ago: &'a MarketShare,
    /// True when the two periods straddle a change in the source's method, so the
    /// change is partly an artefact (Canalys counts Alibaba's internal consumption
    /// from 2023Q2; see IC-003 and IC-007).
    pub crosses_method_change: bool,
}

/// First quarter in which Canalys counted Alibaba's intra-group consumption.
pub const CANALYS_METHOD_CHANGE: Period = Period::Quarter(2023, 2);

/// Picks one row among duplicates: highest confidence, then the later row, since
/// later rows in the fact base record corrections (e.g. MS-021 after MS-019, IC-011).
fn pick<'a, R>(rows: &[&'a R], base: impl Fn(&R) -> &MarketBase) -> Option<&'a R> {
    rows.iter()
        .copied()
        .max_by_key(|r| (base(r).meta.confidence, base(r).meta.line))
}

/// Builds a gap-aware series over every period of `granularity` from the first to
/// the last period the measure has (for any vendor or metric).
fn series<'a, R>(
    all_periods: &BTreeSet<Period>,
    rows: &[&'a R],
    granularity: Granularity,
    base: impl Fn(&R) -> &MarketBase + Copy,
) -> Vec<SeriesPoint<'a, R>> {
    let mut periods = all_periods
        .iter()
        .filter(|p| p.granularity() == granularity);
    let (Some(&first), Some(&last)) = (
        periods.next(),
        all_periods
            .iter()
            .rev()
            .find(|p| p.granularity() == granularity),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut cur = Some(first);
    while let Some(p) = cur.filter(|p| *p <= last) {
        let here: Vec<&R> = rows
            .iter()
            .copied()
            .filter(|r| base(r).period == p)
            .collect();
        let chosen = pick(&here, base);
        out.push(SeriesPoint {
            period: p,
            value: chosen.and_then(|r| base(r).value),
            row: chosen,
            alternatives: here
                .into_iter()
                .filter(|r| !chosen.is_some_and(|c| std::ptr::eq(*r, c)))
                .collect(),
        });
        // Days and ranges have no successor; they are listed as they are.
        cur = p.next();
    }
    out
}

impl MarketShare {
    fn is_level(&self) -> bool {
        matches!(self.kind, ShareKind::Share | ShareKind::CombinedTopN) && !self.base.forecast
    }
}

impl Dataset {
    /// Measures that have share rows, in [`Measure::ALL`] order.
    pub fn share_measures(&self) -> Vec<Measure> {
        let set: BTreeSet<Measure> = self
            .market_shares
            .iter()
            .filter(|r| r.is_level())
            .map(|r| r.base.measure)
            .collect();
        set.into_iter().collect()
    }

    /// Vendors (and top-N rows) with at least one share figure for `measure`, sorted.
    pub fn vendors(&self, measure: Measure) -> Vec<Vendor> {
        let set: BTreeSet<Vendor> = self
            .market_shares
            .iter()
            .filter(|r| r.is_level() && r.base.measure == measure)
            .map(|r| r.vendor)
            .collect();
        set.into_iter().collect()
    }

    /// Periods with at least one share figure for `measure`, sorted.
    pub fn share_periods(&self, measure: Measure) -> Vec<Period> {
        let set: BTreeSet<Period> = self
            .market_shares
            .iter()
            .filter(|r| r.is_level() && r.base.measure == measure)
            .map(|r| r.base.period)
            .collect();
        set.into_iter().collect()
    }

    /// Granularities present in the share periods of `measure` (e.g. quarters and years).
    pub fn share_granularities(&self, measure: Measure) -> Vec<Granularity> {
        let set: BTreeSet<Granularity> = self
            .share_periods(measure)
            .iter()
            .map(Period::granularity)
            .collect();
        set.into_iter().collect()
    }

    /// A vendor's share series for one measure and granularity, with `None` gaps for
    /// every period between the measure's first and last that has no figure.
    pub fn share_series(
        &self,
        measure: Measure,
        vendor: Vendor,
        granularity: Granularity,
    ) -> ShareSeries<'_> {
        let all: BTreeSet<Period> = self.share_periods(measure).into_iter().collect();
        let rows: Vec<&MarketShare> = self
            .market_shares
            .iter()
            .filter(|r| r.is_level() && r.base.measure == measure && r.vendor == vendor)
            .collect::<Vec<_>>();
        series(&all, &rows, granularity, |r: &MarketShare| &r.base)
    }

    /// The chosen share row for a vendor, measure and period.
    pub fn share(&self, measure: Measure, vendor: Vendor, period: Period) -> Option<&MarketShare> {
        let here: Vec<&MarketShare> = self
            .market_shares
            .iter()
            .filter(|r| {
                r.is_level()
                    && r.base.measure == measure
                    && r.vendor == vendor
                    && r.base.period == period
            })
            .collect();
        pick(&here, |r: &MarketShare| &r.base)
    }

    /// Year-on-year change in points: the share in `period` minus the share in the
    /// same period a year earlier, from the same source organisation and metric
    /// definition. `None` when either figure is missing.
    pub fn share_yoy_pp(
        &self,
        measure: Measure,
        vendor: Vendor,
        period: Period,
    ) -> Option<YoyPp<'_>> {
        let current = self.share(measure, vendor, period)?;
        let year_ago = self.share(measure, vendor, period.shift_years(-1))?;
        if current.base.metric_definition != year_ago.base.metric_definition
            || current.base.source_org != year_ago.base.source_org
        {
            return None;
        }
        let crosses_method_change = measure == Measure::CanalysSpend
            && year_ago.base.period_start < CANALYS_METHOD_CHANGE.start()
            && current.base.period_end >= CANALYS_METHOD_CHANGE.end();
        Some(YoyPp {
            pp: current.base.value? - year_ago.base.value?,
            current,
            year_ago,
            crosses_method_change,
        })
    }

    /// Share changes as reported by the source (not computed), for a vendor and measure.
    pub fn reported_share_changes(&self, measure: Measure, vendor: Vendor) -> Vec<&MarketShare> {
        let mut v: Vec<&MarketShare> = self
            .market_shares
            .iter()
            .filter(|r| {
                r.kind == ShareKind::ShareChangePp
                    && r.base.measure == measure
                    && r.vendor == vendor
            })
            .collect();
        v.sort_by_key(|r| (r.base.period, r.base.meta.line));
        v
    }

    /// The seed's "近5.8%" share loss (a share change quoted from the article) and
    /// the inconsistency that explains its ambiguity (IC-002).
    pub fn seed_share_loss(&self) -> Option<(&MarketShare, Option<&Inconsistency>)> {
        let row = self.market_shares.iter().find(|r| {
            r.kind == ShareKind::ShareChangePp && r.base.meta.quote_zh.contains("5.8%")
        })?;
        Some((
            row,
            self.inconsistencies_for(&row.base.meta.id)
                .into_iter()
                .next(),
        ))
    }

    /// Measures that have market-size rows, in [`Measure::ALL`] order.
    pub fn size_measures(&self) -> Vec<Measure> {
        let set: BTreeSet<Measure> = self.market_sizes.iter().map(|r| r.base.measure).collect();
        set.into_iter().collect()
    }

    /// Size metrics (`spend`, `revenue`, `yoy_growth`, ...) available for `measure`, sorted.
    pub fn size_metrics(&self, measure: Measure) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .market_sizes
            .iter()
            .filter(|r| r.base.measure == measure)
            .map(|r| r.metric.as_str())
            .collect();
        set.into_iter().collect()
    }

    /// A gap-aware market-size series for one measure, metric and granularity.
    /// Forecast rows are excluded; list them with [`Dataset::size_forecasts`].
    pub fn size_series(
        &self,
        measure: Measure,
        metric: &str,
        granularity: Granularity,
    ) -> Vec<SeriesPoint<'_, MarketSize>> {
        let rows: Vec<&MarketSize> = self
            .market_sizes
            .iter()
            .filter(|r| r.base.measure == measure && !r.base.forecast && r.metric == metric)
            .collect();
        let all: BTreeSet<Period> = rows.iter().map(|r| r.base.period).collect();
        series(&all, &rows, granularity, |r: &MarketSize| &r.base)
    }

    /// Forecast rows for a measure, sorted by period.
    pub fn size_forecasts(&self, measure: Measure) -> Vec<&MarketSize> {
        let mut v: Vec<&MarketSize> = self
            .market_sizes
            .iter()
            .filter(|r| r.base.measure == measure && r.base.forecast)
            .collect();
        v.sort_by_key(|r| r.base.period);
        v
    }
}
