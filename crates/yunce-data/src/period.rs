//! Calendar periods (`2023Q3`, `2023H2`, `2023`, `2023-11`, `2023-10-08`, ranges) and
//! Alibaba's fiscal periods (`FY2024Q2`), whose year ends on 31 March.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date (proleptic Gregorian, no time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Builds a date, or `None` if the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The last day of `month` in `year`.
    fn month_end(year: i32, month: u8) -> Self {
        Self {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar period.
///
/// Ordered by start date, then by end date descending, so series sort
/// chronologically and a half sorts just before the quarter it starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year, `2023`.
    Year(i32),
    /// A half year, `2023H2` (half is 1 or 2).
    Half(i32, u8),
    /// A calendar quarter, `2023Q3` (quarter is 1–4).
    Quarter(i32, u8),
    /// A month, `2023-11`.
    Month(i32, u8),
    /// One day, `2023-10-08`.
    Day(Date),
    /// An inclusive date range, written `2023-04-01/2023-09-30` (or `2023-2024` for years).
    Range(Date, Date),
}

impl Period {
    /// Parses any of the forms listed on [`Period`].
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let (start, end) = (Self::parse(a)?.start(), Self::parse(b)?.end());
            return (start <= end).then_some(Self::Range(start, end));
        }
        if let Some(d) = Date::parse(s) {
            return Some(Self::Day(d));
        }
        let year = |t: &str| (t.len() == 4).then(|| t.parse::<i32>().ok()).flatten();
        if let Some((y, rest)) = s.split_once(['Q', 'H']) {
            let y = year(y)?;
            let n: u8 = rest.parse().ok()?;
            return if s.as_bytes().get(4) == Some(&b'Q') {
                (1..=4).contains(&n).then_some(Self::Quarter(y, n))
            } else {
                (1..=2).contains(&n).then_some(Self::Half(y, n))
            };
        }
        if let Some((a, b)) = s.split_once('-') {
            let y = year(a)?;
            if b.len() == 2 {
                let m: u8 = b.parse().ok()?;
                return (1..=12).contains(&m).then_some(Self::Month(y, m));
            }
            let y2 = year(b)?;
            return (y < y2).then(|| Self::Range(Self::Year(y).start(), Self::Year(y2).end()));
        }
        year(s).map(Self::Year)
    }

    /// First day of the period.
    pub fn start(&self) -> Date {
        let d = |y, m| Date {
            year: y,
            month: m,
            day: 1,
        };
        match *self {
            Self::Year(y) => d(y, 1),
            Self::Half(y, h) => d(y, 1 + 6 * (h - 1)),
            Self::Quarter(y, q) => d(y, 1 + 3 * (q - 1)),
            Self::Month(y, m) => d(y, m),
            Self::Day(x) => x,
            Self::Range(a, _) => a,
        }
    }

    /// Last day of the period.
    pub fn end(&self) -> Date {
        match *self {
            Self::Year(y) => Date::month_end(y, 12),
            Self::Half(y, h) => Date::month_end(y, 6 * h),
            Self::Quarter(y, q) => Date::month_end(y, 3 * q),
            Self::Month(y, m) => Date::month_end(y, m),
            Self::Day(x) => x,
            Self::Range(_, b) => b,
        }
    }

    /// The same period `years` years later (negative for earlier); used for
    /// year-on-year comparisons, which must compare like with like.
    pub fn shift_years(&self, years: i32) -> Self {
        let shift = |d: Date| {
            Date::new(d.year + years, d.month, d.day)
                .unwrap_or(Date::month_end(d.year + years, d.month))
        };
        match *self {
            Self::Year(y) => Self::Year(y + years),
            Self::Half(y, h) => Self::Half(y + years, h),
            Self::Quarter(y, q) => Self::Quarter(y + years, q),
            Self::Month(y, m) => Self::Month(y + years, m),
            Self::Day(d) => Self::Day(shift(d)),
            Self::Range(a, b) => Self::Range(shift(a), shift(b)),
        }
    }

    /// The previous quarter, for quarter-on-quarter growth; `None` for other kinds.
    pub fn previous_quarter(&self) -> Option<Self> {
        match *self {
            Self::Quarter(y, 1) => Some(Self::Quarter(y - 1, 4)),
            Self::Quarter(y, q) => Some(Self::Quarter(y, q - 1)),
            _ => None,
        }
    }

    /// The next period of the same kind (quarter, half, year or month); `None` for
    /// days and ranges. Used to enumerate gaps in a series.
    pub fn next(&self) -> Option<Self> {
        match *self {
            Self::Year(y) => Some(Self::Year(y + 1)),
            Self::Half(y, 2) => Some(Self::Half(y + 1, 1)),
            Self::Half(y, h) => Some(Self::Half(y, h + 1)),
            Self::Quarter(y, 4) => Some(Self::Quarter(y + 1, 1)),
            Self::Quarter(y, q) => Some(Self::Quarter(y, q + 1)),
            Self::Month(y, 12) => Some(Self::Month(y + 1, 1)),
            Self::Month(y, m) => Some(Self::Month(y, m + 1)),
            Self::Day(_) | Self::Range(..) => None,
        }
    }

    /// This period and every later one of its kind up to `last`, inclusive; just this one
    /// for days and ranges, and none when `last` comes before it.
    pub fn through(self, last: Period) -> impl Iterator<Item = Period> {
        std::iter::successors(Some(self), Period::next).take_while(move |p| *p <= last)
    }

    /// The quarter, half, year, month or day of `granularity` that holds `date`; `None` for
    /// a range, which no single date names.
    pub fn containing(granularity: Granularity, date: Date) -> Option<Period> {
        let (y, m) = (date.year, date.month);
        match granularity {
            Granularity::Year => Some(Self::Year(y)),
            Granularity::Half => Some(Self::Half(y, if m <= 6 { 1 } else { 2 })),
            Granularity::Quarter => Some(Self::Quarter(y, (m - 1) / 3 + 1)),
            Granularity::Month => Some(Self::Month(y, m)),
            Granularity::Day => Some(Self::Day(date)),
            Granularity::Range => None,
        }
    }

    /// A short name of the period's kind, e.g. for grouping series by granularity.
    pub fn granularity(&self) -> Granularity {
        match self {
            Self::Year(_) => Granularity::Year,
            Self::Half(..) => Granularity::Half,
            Self::Quarter(..) => Granularity::Quarter,
            Self::Month(..) => Granularity::Month,
            Self::Day(_) => Granularity::Day,
            Self::Range(..) => Granularity::Range,
        }
    }
}

/// The kind of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    /// Calendar year.
    Year,
    /// Half year.
    Half,
    /// Quarter.
    Quarter,
    /// Month.
    Month,
    /// Single day.
    Day,
    /// Arbitrary date range.
    Range,
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        // Same start: the longer (containing) period first.
        (
            self.start(),
            std::cmp::Reverse(self.end()),
            self.granularity(),
        )
            .cmp(&(
                other.start(),
                std::cmp::Reverse(other.end()),
                other.granularity(),
            ))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y}"),
            Self::Half(y, h) => write!(f, "{y}H{h}"),
            Self::Quarter(y, q) => write!(f, "{y}Q{q}"),
            Self::Month(y, m) => write!(f, "{y}-{m:02}"),
            Self::Day(d) => write!(f, "{d}"),
            Self::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// Part of an Alibaba fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FiscalPart {
    /// The whole fiscal year (April to March).
    Year,
    /// Fiscal half 1 (Apr–Sep) or 2 (Oct–Mar).
    Half(u8),
    /// Fiscal quarter 1 (Apr–Jun) to 4 (Jan–Mar).
    Quarter(u8),
}

/// An Alibaba fiscal period. FY*n* runs from 1 April of *n*−1 to 31 March of *n*,
/// so FY2024Q2 is July–September 2023 (calendar 2023Q3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalPeriod {
    /// The fiscal year number (the calendar year in which it ends).
    pub year: i32,
    /// Which part of the year.
    pub part: FiscalPart,
}

impl FiscalPeriod {
    /// Parses `FY2024`, `FY2024H1` or `FY2024Q2`.
    pub fn parse(s: &str) -> Option<Self> {
        let rest = s.trim().strip_prefix("FY")?;
        let year: i32 = rest.get(..4)?.parse().ok()?;
        let tail = rest.get(4..)?;
        let part = match tail.as_bytes() {
            [] => FiscalPart::Year,
            [b'Q', n @ b'1'..=b'4'] => FiscalPart::Quarter(n - b'0'),
            [b'H', n @ b'1'..=b'2'] => FiscalPart::Half(n - b'0'),
            _ => return None,
        };
        Some(Self { year, part })
    }

    /// The calendar period this fiscal period covers: a quarter for fiscal quarters,
    /// a date range for halves and years.
    pub fn to_calendar(&self) -> Period {
        // Fiscal month k (0-based from April) of FYn.
        let month = |k: u8| -> (i32, u8) {
            if k < 9 {
                (self.year - 1, 4 + k)
            } else {
                (self.year, k - 8)
            }
        };
        let range = |first: u8, last: u8| {
            let (ys, ms) = month(first);
            let (ye, me) = month(last);
            Period::Range(
                Date {
                    year: ys,
                    month: ms,
                    day: 1,
                },
                Date::month_end(ye, me),
            )
        };
        match self.part {
            FiscalPart::Quarter(q) => {
                let (y, m) = month(3 * (q - 1));
                Period::Quarter(y, m.div_ceil(3))
            }
            FiscalPart::Half(h) => range(6 * (h - 1), 6 * h - 1),
            FiscalPart::Year => range(0, 11),
        }
    }

    /// The fiscal quarter containing a calendar quarter; `None` for other periods.
    pub fn from_calendar_quarter(p: Period) -> Option<Self> {
        match p {
            Period::Quarter(y, 1) => Some(Self {
                year: y,
                part: FiscalPart::Quarter(4),
            }),
            Period::Quarter(y, q) => Some(Self {
                year: y + 1,
                part: FiscalPart::Quarter(q - 1),
            }),
            _ => None,
        }
    }

    /// The same part of the previous fiscal year.
    pub fn year_ago(&self) -> Self {
        Self {
            year: self.year - 1,
            part: self.part,
        }
    }

    /// The previous fiscal quarter; `None` unless this is a quarter.
    pub fn previous_quarter(&self) -> Option<Self> {
        match self.part {
            FiscalPart::Quarter(1) => Some(Self {
                year: self.year - 1,
                part: FiscalPart::Quarter(4),
            }),
            FiscalPart::Quarter(q) => Some(Self {
                year: self.year,
                part: FiscalPart::Quarter(q - 1),
            }),
            _ => None,
        }
    }
}

impl fmt::Display for FiscalPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            FiscalPart::Year => write!(f, "FY{}", self.year),
            FiscalPart::Half(h) => write!(f, "FY{}H{h}", self.year),
            FiscalPart::Quarter(q) => write!(f, "FY{}Q{q}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for s in [
            "2023Q3",
            "2023H2",
            "2023",
            "2023-11",
            "2023-10-08",
            "2023-04-01/2023-09-30",
        ] {
            assert_eq!(Period::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            Period::parse("2023-2024").unwrap().to_string(),
            "2023-01-01/2024-12-31"
        );
        for bad in [
            "2023Q5",
            "2023H3",
            "23Q1",
            "2023-13",
            "2023-02-30",
            "FY2024",
            "",
            "n/a",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordering_is_chronological() {
        let mut v: Vec<Period> = ["2024Q1", "2023H2", "2023Q3", "2023", "2023Q4"]
            .iter()
            .filter_map(|s| Period::parse(s))
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["2023", "2023H2", "2023Q3", "2023Q4", "2024Q1"]);
    }

    #[test]
    fn bounds_and_steps() {
        let q = Period::Quarter(2024, 1);
        assert_eq!(q.start(), Date::new(2024, 1, 1).unwrap());
        assert_eq!(Period::Half(2024, 1).end(), Date::new(2024, 6, 30).unwrap());
        assert_eq!(
            Period::Month(2024, 2).end(),
            Date::new(2024, 2, 29).unwrap()
        );
        assert_eq!(q.previous_quarter(), Some(Period::Quarter(2023, 4)));
        assert_eq!(q.shift_years(-1), Period::Quarter(2023, 1));
        assert_eq!(Period::Half(2023, 2).next(), Some(Period::Half(2024, 1)));
    }

    #[test]
    fn through_lists_each_period_once_in_order() {
        let q: Vec<String> = Period::Quarter(2023, 3)
            .through(Period::Quarter(2024, 2))
            .map(|p| p.to_string())
            .collect();
        assert_eq!(q, ["2023Q3", "2023Q4", "2024Q1", "2024Q2"]);
        assert_eq!(Period::Year(2025).through(Period::Year(2024)).count(), 0);
        let day = Period::Day(Date::new(2024, 1, 2).unwrap());
        assert_eq!(day.through(Period::Year(2030)).count(), 1);
    }

    #[test]
    fn containing_finds_the_period_of_a_date() {
        let d = Date::new(2024, 1, 23).unwrap();
        let got = |g| Period::containing(g, d);
        assert_eq!(got(Granularity::Quarter), Some(Period::Quarter(2024, 1)));
        assert_eq!(got(Granularity::Half), Some(Period::Half(2024, 1)));
        assert_eq!(got(Granularity::Year), Some(Period::Year(2024)));
        assert_eq!(got(Granularity::Month), Some(Period::Month(2024, 1)));
        assert_eq!(got(Granularity::Day), Some(Period::Day(d)));
        assert_eq!(got(Granularity::Range), None);
        for month in 1..=12 {
            let date = Date::new(2025, month, 1).unwrap();
            for g in [Granularity::Quarter, Granularity::Half, Granularity::Year] {
                let p = Period::containing(g, date).unwrap();
                assert!(p.start() <= date && date <= p.end(), "{p} holds {date}");
            }
        }
    }
}
