//! Market share and market size rows, and the measures they belong to.

use super::common::{Meta, parse_date, parse_enum};
use crate::csv::{Row, Table};
use crate::error::{DataError, ErrorKind};
use crate::period::{Date, Period};

/// What a share or size figure measures. Different measures must never share an
/// axis or a series: Canalys counts spend incl. hosted private cloud, IDC counts
/// public-cloud revenue, CAICT uses a broader market again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// Canalys: cloud infrastructure services spend, mainland China (quarterly/yearly).
    CanalysSpend,
    /// Canalys: cloud infrastructure services spend, worldwide (comparator).
    CanalysWorldSpend,
    /// IDC: public cloud IaaS revenue, China (semiannual tracker).
    IdcIaas,
    /// IDC: public cloud IaaS revenue, a quarterly figure quoted in later coverage.
    IdcIaasQuarterly,
    /// IDC: public cloud IaaS+PaaS revenue, China (semiannual).
    IdcIaasPaas,
    /// IDC: public cloud IaaS+PaaS revenue, the quarterly figure cited by the seed.
    IdcIaasPaasQuarterly,
    /// IDC: public cloud PaaS revenue, China.
    IdcPaas,
    /// IDC: all public cloud services (IaaS+PaaS+SaaS), China.
    IdcPublicCloud,
    /// CAICT (中国信通院) cloud industry white paper totals.
    Caict,
    /// Omdia: China AI cloud market.
    OmdiaAiCloud,
}

impl Measure {
    /// Every measure, in display order.
    pub const ALL: [Self; 10] = [
        Self::CanalysSpend,
        Self::CanalysWorldSpend,
        Self::IdcIaas,
        Self::IdcIaasQuarterly,
        Self::IdcIaasPaas,
        Self::IdcIaasPaasQuarterly,
        Self::IdcPaas,
        Self::IdcPublicCloud,
        Self::Caict,
        Self::OmdiaAiCloud,
    ];

    /// Classifies a row by `source_org` and `metric_definition`.
    pub fn classify(source_org: &str, definition: &str) -> Option<Self> {
        let quarterly = definition.contains("(quarterly");
        Some(match source_org.trim() {
            "Canalys" if definition.contains("worldwide") => Self::CanalysWorldSpend,
            "Canalys" => Self::CanalysSpend,
            "CAICT" => Self::Caict,
            "Omdia" => Self::OmdiaAiCloud,
            "IDC" if definition.contains("IaaS+PaaS+SaaS") => Self::IdcPublicCloud,
            "IDC" if definition.contains("IaaS+PaaS") && quarterly => Self::IdcIaasPaasQuarterly,
            "IDC" if definition.contains("IaaS+PaaS") => Self::IdcIaasPaas,
            "IDC" if definition.contains("IaaS") && quarterly => Self::IdcIaasQuarterly,
            "IDC" if definition.contains("IaaS") => Self::IdcIaas,
            "IDC" if definition.contains("PaaS") => Self::IdcPaas,
            _ => return None,
        })
    }

    /// Stable slug for URLs and locale keys.
    pub fn slug(self) -> &'static str {
        match self {
            Self::CanalysSpend => "canalys",
            Self::CanalysWorldSpend => "canalys-world",
            Self::IdcIaas => "idc-iaas",
            Self::IdcIaasQuarterly => "idc-iaas-q",
            Self::IdcIaasPaas => "idc-iaas-paas",
            Self::IdcIaasPaasQuarterly => "idc-iaas-paas-q",
            Self::IdcPaas => "idc-paas",
            Self::IdcPublicCloud => "idc-public-cloud",
            Self::Caict => "caict",
            Self::OmdiaAiCloud => "omdia-ai-cloud",
        }
    }

    /// Parses a slug from [`Measure::slug`].
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.slug() == s)
    }

    /// The organisation that publishes the measure.
    pub fn org(self) -> &'static str {
        match self {
            Self::CanalysSpend | Self::CanalysWorldSpend => "Canalys",
            Self::Caict => "CAICT",
            Self::OmdiaAiCloud => "Omdia",
            _ => "IDC",
        }
    }

    /// English fallback name of the market measured; the app localises by slug.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::CanalysSpend => "Canalys · cloud infrastructure services spend, mainland China",
            Self::CanalysWorldSpend => "Canalys · cloud infrastructure services spend, worldwide",
            Self::IdcIaas => "IDC · public cloud IaaS revenue (half-yearly)",
            Self::IdcIaasQuarterly => "IDC · public cloud IaaS revenue (quarterly)",
            Self::IdcIaasPaas => "IDC · public cloud IaaS+PaaS revenue (half-yearly)",
            Self::IdcIaasPaasQuarterly => {
                "IDC · public cloud IaaS+PaaS revenue (quarterly, per seed)"
            }
            Self::IdcPaas => "IDC · public cloud PaaS revenue",
            Self::IdcPublicCloud => "IDC · public cloud services (IaaS+PaaS+SaaS)",
            Self::Caict => "CAICT · cloud market (white paper)",
            Self::OmdiaAiCloud => "Omdia · China AI cloud market",
        }
    }
}

/// What a figure is, for basis labels: a share, a change in share, or a size metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// A vendor's (or top-N's) share of the measure, in %.
    Share,
    /// A change in share, in percentage points.
    ShareChangePp,
    /// A vendor's own revenue growth as reported with the measure, in %.
    VendorGrowth,
    /// The market's total (spend or revenue).
    Size,
    /// The market's growth, in %.
    Growth,
}

/// A basis label: which measure and which quantity. The app localises `slug()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Basis {
    /// The measure.
    pub measure: Measure,
    /// The quantity.
    pub quantity: Quantity,
}

impl Basis {
    /// Stable slug such as `canalys.share`.
    pub fn slug(&self) -> String {
        let q = match self.quantity {
            Quantity::Share => "share",
            Quantity::ShareChangePp => "share-change-pp",
            Quantity::VendorGrowth => "vendor-growth",
            Quantity::Size => "size",
            Quantity::Growth => "growth",
        };
        format!("{}.{q}", self.measure.slug())
    }

    /// English fallback label such as "Canalys · share of cloud infrastructure spend".
    pub fn label_en(&self) -> String {
        let market = match self.measure {
            Measure::CanalysSpend | Measure::CanalysWorldSpend => "cloud infrastructure spend",
            Measure::IdcIaas | Measure::IdcIaasQuarterly => "public-cloud IaaS revenue",
            Measure::IdcIaasPaas | Measure::IdcIaasPaasQuarterly => {
                "public-cloud IaaS+PaaS revenue"
            }
            Measure::IdcPaas => "public-cloud PaaS revenue",
            Measure::IdcPublicCloud => "public-cloud services revenue",
            Measure::Caict => "cloud market",
            Measure::OmdiaAiCloud => "AI cloud market",
        };
        let what = match self.quantity {
            Quantity::Share => format!("share of {market}"),
            Quantity::ShareChangePp => format!("change in share of {market} (points)"),
            Quantity::VendorGrowth => "vendor revenue growth".to_owned(),
            Quantity::Size => market.to_owned(),
            Quantity::Growth => format!("{market} growth"),
        };
        format!("{} · {what}", self.measure.org())
    }
}

/// A vendor, or a combined top-N row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vendor {
    /// Alibaba Cloud.
    Alibaba,
    /// Huawei Cloud.
    Huawei,
    /// Tencent Cloud.
    Tencent,
    /// China Telecom (Tianyi Cloud).
    Tianyi,
    /// China Mobile (Mobile Cloud).
    ChinaMobile,
    /// Baidu AI Cloud.
    Baidu,
    /// Amazon Web Services.
    Aws,
    /// Microsoft.
    Microsoft,
    /// Google.
    Google,
    /// Kingsoft Cloud.
    Kingsoft,
    /// Everyone else.
    Others,
    /// The combined share of the top N vendors (3, 4 or 5).
    TopN(u8),
}

impl Vendor {
    /// Parses the `vendor_slug` column written by the build script.
    pub fn from_slug(s: &str) -> Option<Self> {
        Some(match s {
            "alibaba" => Self::Alibaba,
            "huawei" => Self::Huawei,
            "tencent" => Self::Tencent,
            "tianyi" => Self::Tianyi,
            "china-mobile" => Self::ChinaMobile,
            "baidu" => Self::Baidu,
            "aws" => Self::Aws,
            "microsoft" => Self::Microsoft,
            "google" => Self::Google,
            "kingsoft" => Self::Kingsoft,
            "others" => Self::Others,
            "top3" => Self::TopN(3),
            "top4" => Self::TopN(4),
            "top5" => Self::TopN(5),
            _ => return None,
        })
    }

    /// Stable slug for URLs and locale keys.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Alibaba => "alibaba",
            Self::Huawei => "huawei",
            Self::Tencent => "tencent",
            Self::Tianyi => "tianyi",
            Self::ChinaMobile => "china-mobile",
            Self::Baidu => "baidu",
            Self::Aws => "aws",
            Self::Microsoft => "microsoft",
            Self::Google => "google",
            Self::Kingsoft => "kingsoft",
            Self::Others => "others",
            Self::TopN(3) => "top3",
            Self::TopN(4) => "top4",
            Self::TopN(5) => "top5",
            // Only 3, 4 and 5 occur (from_slug accepts nothing else).
            Self::TopN(_) => "top-n",
        }
    }

    /// True for combined top-N rows, which are not a vendor.
    pub fn is_combined(self) -> bool {
        matches!(self, Self::TopN(_))
    }
}

/// The `value_type` of a market-share row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShareKind {
    /// A vendor's share, in %.
    Share,
    /// Combined share of the top N, in %.
    CombinedTopN,
    /// A reported change in share (percentage points, unless the unit says otherwise).
    ShareChangePp,
    /// The vendor's own year-on-year growth, in %.
    VendorGrowthYoy,
}

impl ShareKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "share" => Self::Share,
            "combined_share_topN" => Self::CombinedTopN,
            "share_change_pp" => Self::ShareChangePp,
            "vendor_growth_yoy" => Self::VendorGrowthYoy,
            _ => return None,
        })
    }

    /// The quantity this kind reports.
    pub fn quantity(self) -> Quantity {
        match self {
            Self::Share | Self::CombinedTopN => Quantity::Share,
            Self::ShareChangePp => Quantity::ShareChangePp,
            Self::VendorGrowthYoy => Quantity::VendorGrowth,
        }
    }
}

/// Fields shared by share and size rows.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketBase {
    /// Provenance.
    pub meta: Meta,
    /// Measure derived from `source_org` and `metric_definition`.
    pub measure: Measure,
    /// Who the number is attributed to (IDC, Canalys, ...).
    pub source_org: String,
    /// The metric definition, verbatim.
    pub metric_definition: String,
    /// Geographic scope, e.g. `mainland China`.
    pub scope: String,
    /// The period as written (`2023Q3`, `2026F`).
    pub period_raw: String,
    /// The calendar period.
    pub period: Period,
    /// True for forecasts (`2026F`).
    pub forecast: bool,
    /// First day covered.
    pub period_start: Date,
    /// Last day covered.
    pub period_end: Date,
    /// The value; `None` means not found, never zero.
    pub value: Option<f64>,
    /// Unit as written, e.g. `% of spend`.
    pub unit: String,
}

impl MarketBase {
    fn from_row(row: &Row<'_>) -> Result<Self, DataError> {
        let source_org = row.string("source_org");
        let metric_definition = row.string("metric_definition");
        let measure = Measure::classify(&source_org, &metric_definition).ok_or_else(|| {
            row.error(
                "metric_definition",
                ErrorKind::Unknown(metric_definition.clone()),
            )
        })?;
        let period_raw = row.string("period");
        let (bare, forecast) = match period_raw.strip_suffix('F') {
            Some(b) => (b, true),
            None => (period_raw.as_str(), false),
        };
        let period = Period::parse(bare)
            .ok_or_else(|| row.error("period", ErrorKind::BadPeriod(period_raw.clone())))?;
        Ok(Self {
            meta: Meta::from_row(row)?,
            measure,
            source_org,
            metric_definition,
            scope: row.string("scope"),
            forecast,
            period,
            period_raw,
            period_start: parse_date(row, "period_start")?,
            period_end: parse_date(row, "period_end")?,
            value: row.opt_f64("value")?,
            unit: row.string("unit"),
        })
    }
}

/// A row of `market_share.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketShare {
    /// Shared fields.
    pub base: MarketBase,
    /// Vendor as written, e.g. `China Telecom (Tianyi Cloud)`.
    pub vendor_name: String,
    /// Vendor slug.
    pub vendor: Vendor,
    /// What the value is.
    pub kind: ShareKind,
}

impl MarketShare {
    /// Basis label for this row.
    pub fn basis(&self) -> Basis {
        Basis {
            measure: self.base.measure,
            quantity: self.kind.quantity(),
        }
    }
}

/// A row of `market_size.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketSize {
    /// Shared fields.
    pub base: MarketBase,
    /// Metric slug, e.g. `spend`, `revenue`, `yoy_growth`, `spend_forecast`.
    pub metric: String,
}

impl MarketSize {
    /// Basis label for this row.
    pub fn basis(&self) -> Basis {
        let quantity = if self.base.unit == "%" {
            Quantity::Growth
        } else {
            Quantity::Size
        };
        Basis {
            measure: self.base.measure,
            quantity,
        }
    }
}

/// Loads `market_share.csv`.
pub fn load_shares(t: &Table) -> Result<Vec<MarketShare>, DataError> {
    t.require(&[
        "id",
        "source_org",
        "metric_definition",
        "period",
        "vendor",
        "vendor_slug",
        "value",
        "unit",
        "value_type",
    ])?;
    t.iter()
        .map(|row| {
            Ok(MarketShare {
                base: MarketBase::from_row(&row)?,
                vendor_name: row.string("vendor"),
                vendor: parse_enum(&row, "vendor_slug", Vendor::from_slug)?,
                kind: parse_enum(&row, "value_type", ShareKind::parse)?,
            })
        })
        .collect()
}

/// Loads `market_size.csv`.
pub fn load_sizes(t: &Table) -> Result<Vec<MarketSize>, DataError> {
    t.require(&[
        "id",
        "source_org",
        "metric_definition",
        "period",
        "metric",
        "value",
        "unit",
    ])?;
    t.iter()
        .map(|row| {
            Ok(MarketSize {
                base: MarketBase::from_row(&row)?,
                metric: row.required("metric")?.to_owned(),
            })
        })
        .collect()
}
