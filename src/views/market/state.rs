//! Headless state of the market view: what is selected, read from and written to
//! the URL. It knows data, not layout.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_data::{Dataset, Granularity, Measure, Period, Vendor};

/// Which tab is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The chart.
    Chart,
    /// The table of values.
    Table,
    /// Provenance of every figure shown.
    Sources,
}

impl Tab {
    /// Every tab in order.
    pub const ALL: [Tab; 3] = [Tab::Chart, Tab::Table, Tab::Sources];

    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Chart => "chart",
            Tab::Table => "table",
            Tab::Sources => "sources",
        }
    }
}

/// Chart marks: lines over time, or bars for one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marks {
    /// Lines over time.
    Lines,
    /// Bars for one period.
    Bars,
}

/// Granularity slugs used in the URL.
pub fn granularity_slug(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "y",
        Granularity::Half => "h",
        Granularity::Quarter => "q",
        Granularity::Month => "m",
        Granularity::Day => "d",
        Granularity::Range => "r",
    }
}

fn granularity_from_slug(s: &str) -> Option<Granularity> {
    [Granularity::Year, Granularity::Half, Granularity::Quarter]
        .into_iter()
        .find(|g| granularity_slug(*g) == s)
}

/// Everything the market view shows, as chosen by the user.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketState {
    /// The measure: never mixed with another on one axis.
    pub measure: Measure,
    /// Quarters, halves or years (a measure may publish several).
    pub granularity: Granularity,
    /// Selected vendors, in the dataset's vendor order.
    pub vendors: Vec<Vendor>,
    /// First period shown.
    pub from: Period,
    /// Last period shown.
    pub to: Period,
    /// Open tab.
    pub tab: Tab,
    /// Chart marks.
    pub marks: Marks,
    /// The period for bars and for the year-on-year change.
    pub at: Period,
}

/// Params owned by other parts of the app, which pass silently.
const SHARED_PARAMS: [&str; 0] = [];

impl MarketState {
    /// The default view of a measure.
    pub fn defaults(data: &Dataset, measure: Measure) -> Option<Self> {
        let granularity = data.share_granularities(measure).into_iter().max()?;
        Self::with_granularity(data, measure, granularity)
    }

    /// The default view of a measure at one granularity.
    pub fn with_granularity(
        data: &Dataset,
        measure: Measure,
        granularity: Granularity,
    ) -> Option<Self> {
        let periods = periods(data, measure, granularity);
        let (first, last) = (*periods.first()?, *periods.last()?);
        let vendors = data
            .vendors(measure)
            .into_iter()
            .filter(|v| !v.is_combined())
            .collect::<Vec<_>>();
        let at = latest_with_data(data, measure, &vendors, &periods).unwrap_or(last);
        Some(Self {
            measure,
            granularity,
            vendors,
            from: first,
            to: last,
            tab: Tab::Chart,
            marks: Marks::Lines,
            at,
        })
    }

    /// Reads the state from URL params; anything malformed falls back with a notice.
    pub fn from_query(data: &Dataset, map: &QueryMap) -> Option<(Self, Vec<Notice>)> {
        let mut q = Query::new(map);
        let available = data.share_measures();
        let measure = q
            .read("m", |s| {
                Measure::from_slug(s).filter(|m| available.contains(m))
            })
            .unwrap_or(Measure::CanalysSpend);
        let grains = data.share_granularities(measure);
        let granularity = q
            .read("g", |s| {
                granularity_from_slug(s).filter(|g| grains.contains(g))
            })
            .or_else(|| grains.iter().max().copied())?;
        let mut state = Self::with_granularity(data, measure, granularity)?;
        let periods = periods(data, measure, granularity);
        let vendors_known = data.vendors(measure);
        if let Some(list) = q.read("v", |s| Some(s.to_string())) {
            let mut picked = Vec::new();
            for slug in list.split(',').filter(|s| !s.is_empty()) {
                match Vendor::from_slug(slug).filter(|v| vendors_known.contains(v)) {
                    Some(v) if !picked.contains(&v) => picked.push(v),
                    Some(_) => {}
                    None => q.notices.push(Notice {
                        param: "v".into(),
                        value: slug.into(),
                    }),
                }
            }
            if !picked.is_empty() {
                state.vendors = vendors_known
                    .into_iter()
                    .filter(|v| picked.contains(v))
                    .collect();
            }
        }
        let in_list = |s: &str| Period::parse(s).filter(|p| periods.contains(p));
        let from = q.read("from", in_list);
        let to = q.read("to", in_list);
        match (from.unwrap_or(state.from), to.unwrap_or(state.to)) {
            (f, t) if f <= t => (state.from, state.to) = (f, t),
            (f, t) => q.notices.push(Notice {
                param: "from,to".into(),
                value: format!("{f},{t}"),
            }),
        }
        state.tab = q
            .read("tab", |s| Tab::ALL.into_iter().find(|t| t.slug() == s))
            .unwrap_or(Tab::Chart);
        state.marks = q
            .read("k", |s| match s {
                "line" => Some(Marks::Lines),
                "bar" => Some(Marks::Bars),
                _ => None,
            })
            .unwrap_or(Marks::Lines);
        let shown = state.periods(data);
        let fallback_at =
            latest_with_data(data, measure, &state.vendors, &shown).unwrap_or(state.to);
        state.at = q
            .read("at", |s| Period::parse(s).filter(|p| shown.contains(p)))
            .unwrap_or(fallback_at);
        Some((state, q.finish(&SHARED_PARAMS)))
    }

    /// Writes the state as a query string, leaving out values equal to the defaults.
    pub fn to_query(&self, data: &Dataset) -> String {
        let Some(base) = Self::with_granularity(data, self.measure, self.granularity) else {
            return String::new();
        };
        let measure_default = Self::defaults(data, self.measure);
        let differs = |a: String, b: String| if a == b { String::new() } else { a };
        let vendors = |v: &[Vendor]| v.iter().map(|v| v.slug()).collect::<Vec<_>>().join(",");
        let shown = self.periods(data);
        let at_default = latest_with_data(data, self.measure, &self.vendors, &shown);
        to_query(&[
            (
                "m",
                differs(
                    self.measure.slug().into(),
                    Measure::CanalysSpend.slug().into(),
                ),
            ),
            (
                "g",
                differs(
                    granularity_slug(self.granularity).into(),
                    measure_default
                        .map(|d| granularity_slug(d.granularity))
                        .unwrap_or("")
                        .into(),
                ),
            ),
            ("v", differs(vendors(&self.vendors), vendors(&base.vendors))),
            (
                "from",
                differs(self.from.to_string(), base.from.to_string()),
            ),
            ("to", differs(self.to.to_string(), base.to.to_string())),
            (
                "tab",
                differs(self.tab.slug().into(), Tab::Chart.slug().into()),
            ),
            (
                "k",
                if self.marks == Marks::Bars {
                    "bar".into()
                } else {
                    String::new()
                },
            ),
            (
                "at",
                differs(
                    self.at.to_string(),
                    at_default.map(|p| p.to_string()).unwrap_or_default(),
                ),
            ),
        ])
    }

    /// The periods shown, in order, gaps included.
    pub fn periods(&self, data: &Dataset) -> Vec<Period> {
        periods(data, self.measure, self.granularity)
            .into_iter()
            .filter(|p| *p >= self.from && *p <= self.to)
            .collect()
    }
}

/// Every period of a measure at one granularity, from its first to its last figure.
pub fn periods(data: &Dataset, measure: Measure, granularity: Granularity) -> Vec<Period> {
    let Some(vendor) = data.vendors(measure).into_iter().next() else {
        return Vec::new();
    };
    // Any vendor's series spans the measure's full period range, gaps included.
    data.share_series(measure, vendor, granularity)
        .into_iter()
        .map(|p| p.period)
        .collect()
}

/// The latest period in `periods` where any of `vendors` has a figure.
fn latest_with_data(
    data: &Dataset,
    measure: Measure,
    vendors: &[Vendor],
    periods: &[Period],
) -> Option<Period> {
    periods
        .iter()
        .rev()
        .find(|p| {
            vendors.iter().any(|v| {
                data.share(measure, *v, **p)
                    .and_then(|r| r.base.value)
                    .is_some()
            })
        })
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(query: &str) -> (MarketState, Vec<Notice>) {
        MarketState::from_query(data(), &QueryMap::parse(query))
            .unwrap_or_else(|| panic!("no share measure"))
    }

    fn round_trip(state: &MarketState) {
        let query = state.to_query(data());
        let (back, notices) = parse(&query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(&back, state, "{query}");
    }

    #[test]
    fn defaults_write_no_params() {
        let d = data();
        let state = MarketState::defaults(d, Measure::CanalysSpend).unwrap_or_else(|| panic!());
        assert_eq!(state.to_query(d), "");
        assert_eq!(parse("").0, state);
    }

    #[test]
    fn every_param_round_trips() {
        let d = data();
        for measure in d.share_measures() {
            for g in d.share_granularities(measure) {
                let Some(mut state) = MarketState::with_granularity(d, measure, g) else {
                    continue;
                };
                round_trip(&state);
                let all = periods(d, measure, g);
                if all.len() > 2 {
                    state.from = all[1];
                    state.to = all[all.len() - 2];
                }
                if state.vendors.len() > 1 {
                    state.vendors.truncate(1);
                }
                state.tab = Tab::Sources;
                state.marks = Marks::Bars;
                state.at = state.from;
                round_trip(&state);
            }
        }
    }

    #[test]
    fn bad_params_give_notices_and_fall_back() {
        let (state, notices) = parse("m=bogus&g=x&v=alibaba,nobody&tab=no&k=pie&zz=1");
        assert_eq!(state.measure, Measure::CanalysSpend);
        assert_eq!(state.vendors, [Vendor::Alibaba]);
        assert_eq!((state.tab, state.marks), (Tab::Chart, Marks::Lines));
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["m", "g", "v", "tab", "k", "zz"]);
        let (_, notices) = parse("from=2023Q3&to=2021Q1");
        assert_eq!(notices[0].param, "from,to");
    }
}
