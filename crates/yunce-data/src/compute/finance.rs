//! Financial computations: YoY and QoQ growth that refuse to straddle reporting
//! bases, margins, and fiscal/calendar lookups.

use crate::records::finance::{BasisFamily, Entity, Financial};
use crate::{Dataset, FiscalPeriod, Origin};

/// A growth rate computed from two rows on the same reporting basis.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth<'a> {
    /// Growth in percent: (current / base − 1) × 100.
    pub pct: f64,
    /// The later row.
    pub current: &'a Financial,
    /// The earlier row.
    pub base: &'a Financial,
}

impl Growth<'_> {
    /// True when either input is a derived figure, which the app must mark.
    pub fn uses_derived(&self) -> bool {
        self.current.meta.origin == Origin::Derived || self.base.meta.origin == Origin::Derived
    }
}

/// Why a growth rate was not computed.
#[derive(Debug, Clone, PartialEq)]
pub enum GrowthError<'a> {
    /// No row for the current period on the requested basis.
    MissingCurrent,
    /// No comparison row on any basis.
    MissingBase,
    /// A comparison row exists only on another basis; computing would straddle bases.
    BasisMismatch {
        /// The current row.
        current: &'a Financial,
        /// The comparison row on a different basis.
        base: &'a Financial,
    },
    /// The rows differ in entity, metric or unit, or the base is zero or negative.
    NotComparable,
}

/// Growth from `base` to `current`, refusing different bases, entities, metrics or units.
pub fn growth<'a>(
    current: &'a Financial,
    base: &'a Financial,
) -> Result<Growth<'a>, GrowthError<'a>> {
    if current.basis.family() != base.basis.family() {
        return Err(GrowthError::BasisMismatch { current, base });
    }
    if current.entity != base.entity || current.metric != base.metric || current.unit != base.unit {
        return Err(GrowthError::NotComparable);
    }
    match (current.value, base.value) {
        (Some(c), Some(b)) if b > 0.0 => Ok(Growth {
            pct: (c / b - 1.0) * 100.0,
            current,
            base,
        }),
        (None, _) => Err(GrowthError::MissingCurrent),
        (_, None) => Err(GrowthError::MissingBase),
        _ => Err(GrowthError::NotComparable),
    }
}

/// Growth computed without the basis check. Used only to show what the straddled
/// (not like-for-like) comparison would give, next to a warning.
pub fn straddled_growth(current: &Financial, base: &Financial) -> Option<f64> {
    match (current.value, base.value) {
        (Some(c), Some(b)) if b > 0.0 => Some((c / b - 1.0) * 100.0),
        _ => None,
    }
}

/// Margin in percent: numerator / denominator × 100, for rows of the same period,
/// entity and basis family; `None` otherwise.
pub fn margin(numerator: &Financial, denominator: &Financial) -> Option<f64> {
    let same = numerator.fiscal == denominator.fiscal
        && numerator.entity == denominator.entity
        && numerator.basis.family() == denominator.basis.family()
        && numerator.unit == denominator.unit;
    match (same, numerator.value, denominator.value) {
        (true, Some(n), Some(d)) if d != 0.0 => Some(n / d * 100.0),
        _ => None,
    }
}

impl Dataset {
    /// Every row for an entity, metric and fiscal period (several bases may exist), in file order.
    pub fn financial_rows(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
    ) -> Vec<&Financial> {
        self.financials
            .iter()
            .filter(|f| f.entity == entity && f.metric == metric && f.fiscal == Some(fiscal))
            .collect()
    }

    /// The row for an entity, metric and fiscal period on a basis family.
    pub fn financial(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
        family: BasisFamily,
    ) -> Option<&Financial> {
        self.financial_rows(entity, metric, fiscal)
            .into_iter()
            .find(|f| f.basis.family() == family)
    }

    fn growth_vs(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
        earlier: Option<FiscalPeriod>,
        family: BasisFamily,
    ) -> Result<Growth<'_>, GrowthError<'_>> {
        let current = self
            .financial(entity, metric, fiscal, family)
            .ok_or(GrowthError::MissingCurrent)?;
        let earlier = earlier.ok_or(GrowthError::NotComparable)?;
        if let Some(base) = self.financial(entity, metric, earlier, family) {
            return growth(current, base);
        }
        match self.financial_rows(entity, metric, earlier).first() {
            Some(base) => Err(GrowthError::BasisMismatch { current, base }),
            None => Err(GrowthError::MissingBase),
        }
    }

    /// Year-on-year growth of a metric on one basis family. Refuses (with
    /// [`GrowthError::BasisMismatch`]) when the year-ago figure exists only on another basis.
    pub fn financial_yoy(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
        family: BasisFamily,
    ) -> Result<Growth<'_>, GrowthError<'_>> {
        self.growth_vs(entity, metric, fiscal, Some(fiscal.year_ago()), family)
    }

    /// Quarter-on-quarter growth of a metric on one basis family.
    pub fn financial_qoq(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
        family: BasisFamily,
    ) -> Result<Growth<'_>, GrowthError<'_>> {
        self.growth_vs(entity, metric, fiscal, fiscal.previous_quarter(), family)
    }

    /// Adjusted EBITA margin of the cloud segment for a period and basis family, in percent.
    pub fn cloud_ebita_margin(&self, fiscal: FiscalPeriod, family: BasisFamily) -> Option<f64> {
        let e = self.financial(Entity::CloudSegment, "adjusted_ebita", fiscal, family)?;
        let r = self.financial(Entity::CloudSegment, "revenue", fiscal, family)?;
        margin(e, r)
    }

    /// The growth rate as reported by the company (a `*_yoy_growth` / `*_qoq_growth`
    /// row), for comparison with computed growth.
    pub fn reported_growth(
        &self,
        entity: Entity,
        metric: &str,
        fiscal: FiscalPeriod,
    ) -> Option<&Financial> {
        self.financial_rows(entity, metric, fiscal)
            .into_iter()
            .next()
    }

    /// Fiscal quarters with cloud-segment rows for `metric`, sorted, with the
    /// rows on the requested basis family (`None` = gap).
    pub fn cloud_quarterly(
        &self,
        metric: &str,
        family: BasisFamily,
    ) -> Vec<(FiscalPeriod, Option<&Financial>)> {
        let quarters: std::collections::BTreeSet<FiscalPeriod> = self
            .financials
            .iter()
            .filter(|f| f.entity == Entity::CloudSegment && f.metric == metric)
            .filter_map(|f| f.fiscal)
            .filter(|p| matches!(p.part, crate::FiscalPart::Quarter(_)))
            .collect();
        let (Some(&first), Some(&last)) = (quarters.first(), quarters.last()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut q = first;
        while q <= last {
            out.push((q, self.financial(Entity::CloudSegment, metric, q, family)));
            let cal = q.to_calendar().next();
            match cal.and_then(FiscalPeriod::from_calendar_quarter) {
                Some(n) => q = n,
                None => break,
            }
        }
        out
    }
}
