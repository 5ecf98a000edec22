//! Headless state of the Alibaba Cloud view: timeline categories and zoom, the
//! financial reporting basis and the period labels, read from and written to the URL,
//! and the actions that change them.

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

/// A month written as `2023-06`; anything else is not a month.
pub fn month(s: &str) -> Option<Period> {
    Period::parse(s).filter(|p| matches!(p, Period::Month(..)))
}

/// A change the user makes in the Alibaba Cloud view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlibabaAction {
    /// Shows (`true`) or hides an event category; the last category shown stays.
    Category(EventCategory, bool),
    /// Starts the zoom at a month; the end moves when it would come first.
    ZoomFrom(Period),
    /// Ends the zoom at a month; the start moves when it would come after.
    ZoomTo(Period),
    /// Zooms to a span of days, widened to whole months.
    Zoom(Date, Date),
    /// Picks the reporting basis family of the financials.
    Basis(BasisFamily),
    /// Calendar labels (`true`) or Alibaba's fiscal labels.
    CalendarLabels(bool),
}

fn month_of(d: Date) -> Period {
    Period::Month(d.year, d.month)
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

    /// Applies an action; categories keep the data's order.
    pub fn apply(&mut self, data: &Dataset, action: AlibabaAction) {
        match action {
            AlibabaAction::Category(c, true) => {
                let order = categories(data);
                self.cats = order
                    .into_iter()
                    .filter(|x| *x == c || self.cats.contains(x))
                    .collect();
            }
            AlibabaAction::Category(c, false) => {
                if self.cats.len() > 1 {
                    self.cats.retain(|x| *x != c);
                }
            }
            AlibabaAction::ZoomFrom(p) => {
                self.from = p.start();
                self.to = self.to.max(p.end());
            }
            AlibabaAction::ZoomTo(p) => {
                self.to = p.end();
                self.from = self.from.min(p.start());
            }
            AlibabaAction::Zoom(a, b) => {
                self.from = month_of(a.min(b)).start();
                self.to = month_of(a.max(b)).end();
            }
            AlibabaAction::Basis(b) => self.basis = b,
            AlibabaAction::CalendarLabels(on) => self.calendar = on,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(query: &str) -> (AlibabaState, Vec<Notice>) {
        AlibabaState::from_query(data(), &QueryMap::parse(query))
    }

    fn round_trip(state: &AlibabaState) {
        let query = state.to_query(data());
        let (back, notices) = parse(&query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(&back, state, "{query}");
    }

    #[test]
    fn defaults_write_no_params() {
        let state = AlibabaState::defaults(data());
        assert_eq!(state.to_query(data()), "");
        assert_eq!(parse(""), (state, Vec::new()));
    }

    #[test]
    fn every_param_round_trips() {
        let d = data();
        let mut state = AlibabaState::defaults(d);
        state.cats = vec![EventCategory::Organization, EventCategory::People];
        round_trip(&state);
        state.apply(d, AlibabaAction::ZoomFrom(Period::Month(2023, 6)));
        state.apply(d, AlibabaAction::ZoomTo(Period::Month(2024, 1)));
        assert_eq!(
            state.to_query(d),
            "?cat=organization,people&from=2023-06&to=2024-01"
        );
        round_trip(&state);
        state.apply(d, AlibabaAction::Basis(BasisFamily::Old));
        state.apply(d, AlibabaAction::CalendarLabels(true));
        assert!(state.to_query(d).ends_with("&basis=reported&lbl=calendar"));
        round_trip(&state);
    }

    #[test]
    fn bad_params_give_notices_and_fall_back() {
        let (state, notices) = parse("cat=nope&from=2023-13&basis=x&lbl=y&extra=1");
        assert_eq!(state, AlibabaState::defaults(data()));
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["cat", "from", "basis", "lbl", "extra"]);
        let (state, notices) = parse("from=2024-01&to=2023-06");
        assert_eq!(state.from, AlibabaState::defaults(data()).from);
        assert_eq!(notices[0].param, "from,to");
    }

    #[test]
    fn actions_keep_one_category_and_the_data_order() {
        let d = data();
        let mut state = AlibabaState::defaults(d);
        let all = categories(d);
        for c in &all {
            state.apply(d, AlibabaAction::Category(*c, false));
        }
        assert_eq!(state.cats.len(), 1, "the last category stays");
        for c in all.iter().rev() {
            state.apply(d, AlibabaAction::Category(*c, true));
        }
        assert_eq!(state.cats, all);
        let day = |y, m, dd| Date::new(y, m, dd).unwrap_or_else(|| panic!("date"));
        state.apply(d, AlibabaAction::Zoom(day(2024, 1, 8), day(2023, 6, 20)));
        assert_eq!(
            (month_slug(state.from), state.to),
            ("2023-06".to_string(), day(2024, 1, 31))
        );
        state.apply(d, AlibabaAction::ZoomFrom(Period::Month(2024, 3)));
        assert_eq!(state.to, day(2024, 3, 31), "the end follows a later start");
    }
}
