//! Headless state of the Alibaba Cloud view: timeline categories and zoom, the
//! financial reporting basis and the period labels, read from and written to the URL.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_data::{BasisFamily, Dataset, Date, EventCategory, Period};

/// Everything the Alibaba Cloud view shows, as chosen by the user.
#[derive(Clone, Debug, PartialEq)]
pub struct AlibabaState {
    /// Event categories shown, in data order; all by default.
    pub cats: Vec<EventCategory>,
    /// First month of the timeline zoom.
    pub from: Date,
    /// Last day of the timeline zoom.
    pub to: Date,
    /// Reporting basis family of the financials: restated (new) or as first reported (old).
    pub basis: BasisFamily,
    /// Calendar labels instead of Alibaba's fiscal labels.
    pub calendar: bool,
}

/// Every event category present in the data, in first-seen order.
pub fn categories(data: &Dataset) -> Vec<EventCategory> {
    let mut out: Vec<EventCategory> = Vec::new();
    for e in &data.events {
        if !out.contains(&e.category) {
            out.push(e.category);
        }
    }
    out
}

/// The full date span of the timeline: the first to the last event month.
pub fn span(data: &Dataset) -> (Date, Date) {
    let first = data.events.iter().map(|e| e.date.start()).min();
    let last = data.events.iter().map(|e| e.date.end()).max();
    let month = |d: Date| Period::Month(d.year, d.month);
    match (first, last) {
        (Some(a), Some(b)) => (month(a).start(), month(b).end()),
        _ => (Period::Year(2023).start(), Period::Year(2023).end()),
    }
}

/// `2023-06` for a date's month.
pub fn month_slug(d: Date) -> String {
    format!("{:04}-{:02}", d.year, d.month)
}

fn month(s: &str) -> Option<Period> {
    Period::parse(s).filter(|p| matches!(p, Period::Month(..)))
}

impl AlibabaState {
    /// The default view: every category, the full span, restated figures, fiscal labels.
    pub fn defaults(data: &Dataset) -> Self {
        let (from, to) = span(data);
        Self {
            cats: categories(data),
            from,
            to,
            basis: BasisFamily::New,
            calendar: false,
        }
    }

    /// Reads the state from URL params; anything malformed falls back with a notice.
    pub fn from_query(data: &Dataset, map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let mut state = Self::defaults(data);
        let known = categories(data);
        if let Some(list) = q.read("cat", |s| Some(s.to_string())) {
            let mut picked = Vec::new();
            for slug in list.split(',').filter(|s| !s.is_empty()) {
                match known.iter().find(|c| c.slug() == slug) {
                    Some(c) => picked.push(*c),
                    None => q.notices.push(Notice {
                        param: "cat".into(),
                        value: slug.into(),
                    }),
                }
            }
            if !picked.is_empty() {
                state.cats = known.into_iter().filter(|c| picked.contains(c)).collect();
            }
        }
        let from = q.read("from", month).map(|p| p.start());
        let to = q.read("to", month).map(|p| p.end());
        match (from.unwrap_or(state.from), to.unwrap_or(state.to)) {
            (f, t) if f <= t => (state.from, state.to) = (f, t),
            (f, t) => q.notices.push(Notice {
                param: "from,to".into(),
                value: format!("{},{}", month_slug(f), month_slug(t)),
            }),
        }
        state.basis = q
            .read("basis", |s| match s {
                "restated" => Some(BasisFamily::New),
                "reported" => Some(BasisFamily::Old),
                _ => None,
            })
            .unwrap_or(BasisFamily::New);
        state.calendar = q
            .read("lbl", |s| match s {
                "fiscal" => Some(false),
                "calendar" => Some(true),
                _ => None,
            })
            .unwrap_or(false);
        (state, q.finish(&[]))
    }

    /// Writes the state as a query string, leaving out defaults.
    pub fn to_query(&self, data: &Dataset) -> String {
        let d = Self::defaults(data);
        let cats = |c: &[EventCategory]| c.iter().map(|c| c.slug()).collect::<Vec<_>>().join(",");
        let differs = |a: String, b: String| if a == b { String::new() } else { a };
        to_query(&[
            ("cat", differs(cats(&self.cats), cats(&d.cats))),
            ("from", differs(month_slug(self.from), month_slug(d.from))),
            ("to", differs(month_slug(self.to), month_slug(d.to))),
            (
                "basis",
                if self.basis == BasisFamily::Old {
                    "reported".into()
                } else {
                    String::new()
                },
            ),
            (
                "lbl",
                if self.calendar {
                    "calendar".into()
                } else {
                    String::new()
                },
            ),
        ])
    }
}
