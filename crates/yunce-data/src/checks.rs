//! Checks that recompute the seed article's claims from the data and flag its
//! known errors (see `inconsistencies.csv`).

use crate::compute::finance::straddled_growth;
use crate::records::finance::{BasisFamily, Entity, Financial};
use crate::{Dataset, FiscalPart, FiscalPeriod, Inconsistency, MarketContext};

/// Plausible CNY per USD range; a printed conversion factor inside it means the
/// converted figure is in RMB.
pub const USD_CNY_RANGE: (f64, f64) = (6.0, 7.5);

/// Result of recomputing a currency conversion printed in the seed.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversionCheck {
    /// The original amount (e.g. 194, in 亿美元).
    pub amount: f64,
    /// The converted amount as printed (e.g. 1392).
    pub printed: f64,
    /// printed / amount, the implied exchange rate.
    pub implied_rate: f64,
    /// True when the implied rate is a USD→CNY rate, so the printed unit must be RMB.
    pub unit_should_be_rmb: bool,
}

/// Recomputes `amount × rate` for a printed conversion and says which unit it implies.
pub fn check_conversion(amount: f64, printed: f64) -> ConversionCheck {
    let implied_rate = printed / amount;
    let (lo, hi) = USD_CNY_RANGE;
    ConversionCheck {
        amount,
        printed,
        implied_rate,
        unit_should_be_rmb: (lo..=hi).contains(&implied_rate),
    }
}

/// The currency slip (IC-001) found in the data.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrencySlip<'a> {
    /// The USD figure (MC-005, 19.4 USD bn).
    pub usd_row: &'a MarketContext,
    /// The printed "1392 亿美元" row (MC-006).
    pub printed_row: &'a MarketContext,
    /// The recomputation.
    pub check: ConversionCheck,
    /// The inconsistency that records it.
    pub inconsistency: Option<&'a Inconsistency>,
}

/// A seed growth rate checked for a straddled basis (IC-005).
#[derive(Debug, Clone, PartialEq)]
pub struct StraddleCheck<'a> {
    /// The growth the seed states (a reported `*_yoy_growth` row).
    pub stated: &'a Financial,
    /// The new-basis current figure.
    pub current: &'a Financial,
    /// The year-ago figure as first reported (old basis).
    pub old_base: &'a Financial,
    /// What the straddled comparison would give, in percent.
    pub straddled_pct: f64,
}

/// A figure the seed calls 利润 (profit) that is adjusted EBITA.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfitLabel<'a> {
    /// The row.
    pub row: &'a Financial,
}

/// Verdict of the claim "H1 FY2024 profit exceeded all of FY2023".
#[derive(Debug, Clone, PartialEq)]
pub struct H1ClaimCheck<'a> {
    /// H1 FY2024 cloud adjusted EBITA (RMB m).
    pub h1_fy2024: &'a Financial,
    /// FY2023 cloud adjusted EBITA on the new (restated) basis, if present.
    pub fy2023_new_basis: Option<&'a Financial>,
    /// FY2023 cloud adjusted EBITA as first reported, if present.
    pub fy2023_old_basis: Option<&'a Financial>,
    /// The verdict.
    pub verdict: ClaimVerdict,
}

/// Outcome of checking a claim against the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimVerdict {
    /// The data supports the claim.
    Holds,
    /// The data contradicts the claim.
    False,
    /// The data lacks the figures to decide.
    Unverifiable,
}

const H1_FY2024: FiscalPeriod = FiscalPeriod {
    year: 2024,
    part: FiscalPart::Half(1),
};
const FY2023: FiscalPeriod = FiscalPeriod {
    year: 2023,
    part: FiscalPart::Year,
};

impl Dataset {
    /// Finds the seed's "194亿美元(约合1392亿美元)" and recomputes 194 × rate.
    pub fn check_currency_slip(&self) -> Option<CurrencySlip<'_>> {
        let printed_row = self
            .market_context
            .iter()
            .find(|r| r.meta.quote_zh.starts_with("约合") && r.meta.quote_zh.contains("亿美元"))?;
        let usd_row = self.market_context.iter().find(|r| {
            r.topic == printed_row.topic
                && r.unit.starts_with("USD")
                && r.meta.quote_zh.contains(&printed_row.meta.quote_zh)
        })?;
        // The seed writes 194亿 (hundreds of millions); the row stores 19.4 (billions).
        let check = check_conversion(usd_row.value? * 10.0, printed_row.value?);
        let inconsistency = self
            .inconsistencies_for(&printed_row.meta.id)
            .into_iter()
            .next();
        Some(CurrencySlip {
            usd_row,
            printed_row,
            check,
            inconsistency,
        })
    }

    /// Seed growth rates whose year-ago base exists only on the old basis: the
    /// stated rate is new-basis, while the naive comparison would straddle bases.
    pub fn check_straddled_growth(&self) -> Vec<StraddleCheck<'_>> {
        let mut out = Vec::new();
        for stated in self
            .financials
            .iter()
            .filter(|f| f.metric.ends_with("_yoy_growth") && !f.meta.quote_zh.is_empty())
        {
            let (Some(fiscal), Some(metric)) =
                (stated.fiscal, stated.metric.strip_suffix("_yoy_growth"))
            else {
                continue;
            };
            let Some(current) = self.financial(stated.entity, metric, fiscal, BasisFamily::New)
            else {
                continue;
            };
            let Some(old_base) =
                self.financial(stated.entity, metric, fiscal.year_ago(), BasisFamily::Old)
            else {
                continue;
            };
            if let Some(straddled_pct) = straddled_growth(current, old_base) {
                out.push(StraddleCheck {
                    stated,
                    current,
                    old_base,
                    straddled_pct,
                });
            }
        }
        out
    }

    /// Rows the seed calls 利润 (profit) that are adjusted EBITA, a non-GAAP segment measure.
    pub fn check_profit_label(&self) -> Vec<ProfitLabel<'_>> {
        self.financials
            .iter()
            .filter(|f| f.metric.starts_with("adjusted_ebita") && f.meta.quote_zh.contains("利润"))
            .map(|row| ProfitLabel { row })
            .collect()
    }

    /// Checks "H1 FY2024 利润 exceeded all of FY2023" (IC-004) and returns the numbers.
    pub fn check_h1_fy2024_claim(&self) -> Option<H1ClaimCheck<'_>> {
        let h1_fy2024 = self.financial(
            Entity::CloudSegment,
            "adjusted_ebita",
            H1_FY2024,
            BasisFamily::New,
        )?;
        let fy2023_new_basis = self.financial(
            Entity::CloudSegment,
            "adjusted_ebita",
            FY2023,
            BasisFamily::New,
        );
        let fy2023_old_basis = self.financial(
            Entity::CloudSegment,
            "adjusted_ebita",
            FY2023,
            BasisFamily::Old,
        );
        let h1 = h1_fy2024.value?;
        let verdict = match fy2023_new_basis.and_then(|f| f.value) {
            Some(fy) if h1 > fy => ClaimVerdict::Holds,
            Some(_) => ClaimVerdict::False,
            None => ClaimVerdict::Unverifiable,
        };
        Some(H1ClaimCheck {
            h1_fy2024,
            fy2023_new_basis,
            fy2023_old_basis,
            verdict,
        })
    }
}
