//! Alibaba financial rows (`alibaba_financials.csv`).

use super::common::{Meta, parse_date};
use crate::csv::Table;
use crate::error::{DataError, ErrorKind};
use crate::period::{Date, FiscalPeriod};

/// Which entity a financial row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// Alibaba Cloud Intelligence Group (the cloud segment).
    CloudSegment,
    /// Alibaba Group, consolidated.
    Group,
}

/// The reporting basis a figure was published on. Growth must never be computed
/// across [`BasisFamily`] boundaries: the 2023 reorganisation moved internal
/// consumption into cloud revenue and restated earlier periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportingBasis {
    /// As first reported, on the pre-2023 segment basis.
    OriginallyReported,
    /// Restated in a later annual filing onto the new segment basis.
    Restated,
    /// As reported under the 2023 reorganisation (includes Alibaba-internal consumption).
    Reorganised2023,
    /// An annual-filing figure on the segment basis current at that filing.
    AnnualFiling,
    /// Computed by the fact base from other (new-basis) figures; the note says how.
    Derived,
    /// Group-level figure as reported.
    GroupAsReported,
    /// A management statement (plans, trailing capex).
    ManagementStatement,
}

/// Groups of bases whose figures may be compared with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasisFamily {
    /// The pre-2023 segment basis.
    Old,
    /// The post-2023 segment basis (restated, reorganised, later filings, derivations from them).
    New,
    /// Group-level figures.
    Group,
    /// Statements that are not a reported series.
    Statement,
}

impl ReportingBasis {
    /// Parses the `reporting_basis` column.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Some(if s.starts_with("as originally reported") {
            Self::OriginallyReported
        } else if s.starts_with("restated") {
            Self::Restated
        } else if s.starts_with("as reported under 2023 reorganisation") {
            Self::Reorganised2023
        } else if s.starts_with("annual filing figure") {
            Self::AnnualFiling
        } else if s.starts_with("derived") {
            Self::Derived
        } else if s == "as reported" {
            Self::GroupAsReported
        } else if s == "management statement" {
            Self::ManagementStatement
        } else {
            return None;
        })
    }

    /// Stable slug.
    pub fn slug(self) -> &'static str {
        match self {
            Self::OriginallyReported => "as-first-reported",
            Self::Restated => "restated",
            Self::Reorganised2023 => "reorganised-2023",
            Self::AnnualFiling => "annual-filing",
            Self::Derived => "derived",
            Self::GroupAsReported => "group",
            Self::ManagementStatement => "statement",
        }
    }

    /// The comparability family.
    pub fn family(self) -> BasisFamily {
        match self {
            Self::OriginallyReported => BasisFamily::Old,
            Self::Restated | Self::Reorganised2023 | Self::AnnualFiling | Self::Derived => {
                BasisFamily::New
            }
            Self::GroupAsReported => BasisFamily::Group,
            Self::ManagementStatement => BasisFamily::Statement,
        }
    }
}

/// A row of `alibaba_financials.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Financial {
    /// Provenance.
    pub meta: Meta,
    /// Fiscal period as written (`FY2024Q2`, `3-year plan`).
    pub fiscal_raw: String,
    /// Parsed fiscal period; `None` for plans and other non-period rows.
    pub fiscal: Option<FiscalPeriod>,
    /// First calendar day covered.
    pub calendar_start: Date,
    /// Last calendar day covered.
    pub calendar_end: Date,
    /// Calendar label as written (`2023Q3`, `Apr 2023 - Mar 2024`).
    pub calendar_label: String,
    /// Entity.
    pub entity: Entity,
    /// Metric slug, e.g. `revenue`, `adjusted_ebita`, `revenue_yoy_growth`.
    pub metric: String,
    /// Value; `None` means not found.
    pub value: Option<f64>,
    /// Unit (`RMB m` or `%`).
    pub unit: String,
    /// Reporting basis.
    pub basis: ReportingBasis,
}

/// Loads `alibaba_financials.csv`.
pub fn load(t: &Table) -> Result<Vec<Financial>, DataError> {
    t.require(&[
        "id",
        "fiscal_period",
        "calendar_start",
        "calendar_end",
        "entity",
        "metric",
        "value",
        "unit",
        "reporting_basis",
    ])?;
    t.iter()
        .map(|row| {
            let fiscal_raw = row.string("fiscal_period");
            let fiscal = FiscalPeriod::parse(&fiscal_raw);
            if fiscal.is_none() && fiscal_raw.starts_with("FY") {
                return Err(row.error("fiscal_period", ErrorKind::BadPeriod(fiscal_raw)));
            }
            let entity_raw = row.str("entity");
            let entity = if entity_raw.starts_with("Alibaba Cloud") {
                Entity::CloudSegment
            } else if entity_raw.starts_with("Alibaba Group") {
                Entity::Group
            } else {
                return Err(row.error("entity", ErrorKind::Unknown(entity_raw.to_owned())));
            };
            let basis_raw = row.str("reporting_basis");
            Ok(Financial {
                meta: Meta::from_row(&row)?,
                fiscal_raw,
                fiscal,
                calendar_start: parse_date(&row, "calendar_start")?,
                calendar_end: parse_date(&row, "calendar_end")?,
                calendar_label: row.string("calendar_label"),
                entity,
                metric: row.required("metric")?.to_owned(),
                value: row.opt_f64("value")?,
                unit: row.string("unit"),
                basis: ReportingBasis::parse(basis_raw).ok_or_else(|| {
                    row.error("reporting_basis", ErrorKind::Unknown(basis_raw.to_owned()))
                })?,
            })
        })
        .collect()
}
