//! Cross-row and cross-file checks on a parsed [`Dataset`].
//!
//! Loading already rejects malformed cells; this module checks what a single cell
//! cannot show: references resolve, ids are unique, units are known, shares are in
//! range, and period labels agree with their dates.

use std::collections::BTreeSet;

use crate::error::{ErrorKind, ValidationError};
use crate::records::common::Meta;
use crate::records::market::{MarketBase, ShareKind};
use crate::{Dataset, Period};

/// Units the app knows how to label. A new unit must be added here (and to the
/// locale files) before it can ship.
pub const KNOWN_UNITS: &[&str] = &[
    "",
    "%",
    "% (about)",
    "% (claim)",
    "% of AI cloud market",
    "% of IaaS revenue",
    "% of IaaS+PaaS revenue",
    "% of PaaS revenue",
    "% of spend",
    "% of total",
    "% per year (about)",
    "% yoy revenue growth",
    "100m units (seed prints 亿美元; almost certainly 亿元 RMB)",
    "EB",
    "EB (more than)",
    "EFLOPS",
    "EFLOPS (approx.)",
    "EFLOPS (more than)",
    "RMB bn",
    "RMB m",
    "RMB tn",
    "USD bn",
    "USD bn (about)",
    "USD bn (more than)",
    "USD bn (nearly)",
    "USD tn",
    "cases per sector",
    "centres",
    "days (more than)",
    "million (more than)",
    "million standard racks (more than)",
    "people (more than)",
    "percentage points",
    "percentage points vs 2021H2",
    "percentage points vs 2022H2",
    "percentage points vs 2023H1",
    "percentage points yoy",
    "qualitative",
    "qualitative: sharply reduced",
    "quote",
    "share change vs year-ago (unit ambiguous)",
    "tasks",
    "x theoretical latency",
];

/// Every fact row's provenance with its file name and expected id prefix.
fn tagged(d: &Dataset) -> Vec<(&'static str, &'static str, &Meta)> {
    let shares = d
        .market_shares
        .iter()
        .map(|r| ("market_share.csv", "MS-", &r.base.meta));
    let sizes = d
        .market_sizes
        .iter()
        .map(|r| ("market_size.csv", "SZ-", &r.base.meta));
    shares
        .chain(sizes)
        .chain(
            d.financials
                .iter()
                .map(|r| ("alibaba_financials.csv", "FIN-", &r.meta)),
        )
        .chain(d.events.iter().map(|r| ("events.csv", "EV-", &r.meta)))
        .chain(
            d.market_context
                .iter()
                .map(|r| ("market_context.csv", "MC-", &r.meta)),
        )
        .chain(
            d.compute_capacity
                .iter()
                .map(|r| ("compute_capacity.csv", "CC-", &r.meta)),
        )
        .chain(
            d.plan_targets
                .iter()
                .map(|r| ("compute_plan_targets.csv", "PT-", &r.meta)),
        )
        .chain(
            d.accelerators
                .iter()
                .map(|r| ("ai_accelerators.csv", "AC-", &r.meta)),
        )
        .chain(
            d.export_controls
                .iter()
                .map(|r| ("export_controls.csv", "EC-", &r.meta)),
        )
        .chain(d.outages.iter().map(|r| ("outages.csv", "OUT-", &r.meta)))
        .chain(d.outcomes.iter().map(|r| ("outcomes.csv", "OC-", &r.meta)))
        .collect()
}

impl Dataset {
    /// Runs every check and returns the findings in a stable order (file order
    /// within each check). An empty vector means the data is consistent.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errs = Vec::new();
        let err = |file, line, col: &str, kind| ValidationError::new(file, line, Some(col), kind);
        let source_ids: BTreeSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let rows = tagged(self);

        // Ids: unique within the whole fact base, with the file's prefix.
        let mut seen = BTreeSet::new();
        for (file, prefix, m) in &rows {
            let ok_prefix =
                m.id.strip_prefix(prefix)
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if !ok_prefix || !seen.insert(m.id.as_str()) {
                errs.push(err(file, m.line, "id", ErrorKind::BadId(m.id.clone())));
            }
        }
        let mut check_ids = |file: &'static str, prefix: &str, items: Vec<(&str, usize)>| {
            let mut local = BTreeSet::new();
            for (id, line) in items {
                if !id.starts_with(prefix) || !local.insert(id.to_owned()) {
                    errs.push(err(file, line, "id", ErrorKind::BadId(id.to_owned())));
                }
            }
        };
        check_ids(
            "sources.csv",
            "S",
            self.sources
                .iter()
                .map(|s| (s.id.as_str(), s.line))
                .collect(),
        );
        check_ids(
            "inconsistencies.csv",
            "IC-",
            self.inconsistencies
                .iter()
                .map(|s| (s.id.as_str(), s.line))
                .collect(),
        );
        check_ids(
            "seed_facts_index.csv",
            "SF-",
            self.seed_facts
                .iter()
                .map(|s| (s.id.as_str(), s.line))
                .collect(),
        );
        check_ids(
            "battles.csv",
            "B-",
            self.battles
                .iter()
                .map(|s| (s.id.as_str(), s.line))
                .collect(),
        );

        // Every source id resolves; every fact row has at least one.
        for (file, _, m) in &rows {
            if m.source_ids.is_empty() {
                errs.push(err(file, m.line, "source_id", ErrorKind::Empty));
            }
            for s in &m.source_ids {
                if !source_ids.contains(s.as_str()) {
                    errs.push(err(
                        file,
                        m.line,
                        "source_id",
                        ErrorKind::UnknownSource(s.clone()),
                    ));
                }
            }
        }
        let extra = self
            .inconsistencies
            .iter()
            .map(|i| ("inconsistencies.csv", i.line, &i.source_ids))
            .chain(
                self.battles
                    .iter()
                    .map(|b| ("battles.csv", b.line, &b.source_ids)),
            );
        for (file, line, ids) in extra {
            for s in ids {
                if !source_ids.contains(s.as_str()) {
                    errs.push(err(
                        file,
                        line,
                        "source_id",
                        ErrorKind::UnknownSource(s.clone()),
                    ));
                }
            }
        }

        // Units are from the known set.
        let units = self
            .market_shares
            .iter()
            .map(|r| ("market_share.csv", r.base.meta.line, &r.base.unit))
            .chain(
                self.market_sizes
                    .iter()
                    .map(|r| ("market_size.csv", r.base.meta.line, &r.base.unit)),
            )
            .chain(
                self.financials
                    .iter()
                    .map(|r| ("alibaba_financials.csv", r.meta.line, &r.unit)),
            )
            .chain(
                self.market_context
                    .iter()
                    .map(|r| ("market_context.csv", r.meta.line, &r.unit)),
            )
            .chain(
                self.compute_capacity
                    .iter()
                    .map(|r| ("compute_capacity.csv", r.meta.line, &r.unit)),
            )
            .chain(
                self.plan_targets
                    .iter()
                    .map(|r| ("compute_plan_targets.csv", r.meta.line, &r.unit)),
            )
            .chain(
                self.seed_facts
                    .iter()
                    .map(|r| ("seed_facts_index.csv", r.line, &r.unit)),
            );
        for (file, line, unit) in units {
            if !KNOWN_UNITS.contains(&unit.as_str()) {
                errs.push(err(file, line, "unit", ErrorKind::Unknown(unit.clone())));
            }
        }

        // Shares lie in 0-100 and carry a share unit; period labels match their dates.
        for r in &self.market_shares {
            let line = r.base.meta.line;
            if matches!(r.kind, ShareKind::Share | ShareKind::CombinedTopN) {
                if let Some(v) = r.base.value.filter(|v| !(0.0..=100.0).contains(v)) {
                    errs.push(err(
                        "market_share.csv",
                        line,
                        "value",
                        ErrorKind::OutOfRange(v),
                    ));
                }
                if !r.base.unit.starts_with("% of") {
                    errs.push(err(
                        "market_share.csv",
                        line,
                        "unit",
                        ErrorKind::Unknown(r.base.unit.clone()),
                    ));
                }
            }
            errs.extend(period_dates("market_share.csv", &r.base));
        }
        for r in &self.market_sizes {
            errs.extend(period_dates("market_size.csv", &r.base));
        }
        for f in &self.financials {
            if let Some(fp) = f.fiscal {
                let cal = fp.to_calendar();
                if (cal.start(), cal.end()) != (f.calendar_start, f.calendar_end) {
                    let msg = format!(
                        "{fp} is {cal}, row says {}..{}",
                        f.calendar_start, f.calendar_end
                    );
                    errs.push(err(
                        "alibaba_financials.csv",
                        f.meta.line,
                        "calendar_start",
                        ErrorKind::Mismatch(msg),
                    ));
                }
                if matches!(cal, Period::Quarter(..)) && f.calendar_label != cal.to_string() {
                    let msg = format!("{fp} is {cal}, label says {}", f.calendar_label);
                    errs.push(err(
                        "alibaba_financials.csv",
                        f.meta.line,
                        "calendar_label",
                        ErrorKind::Mismatch(msg),
                    ));
                }
            }
        }

        // Row references resolve.
        let mut row_ids: BTreeSet<&str> = rows.iter().map(|(_, _, m)| m.id.as_str()).collect();
        row_ids.extend(self.battles.iter().map(|b| b.id.as_str()));
        for i in &self.inconsistencies {
            for a in &i.affected_ids {
                if !row_ids.contains(a.as_str()) {
                    errs.push(err(
                        "inconsistencies.csv",
                        i.line,
                        "affected_ids",
                        ErrorKind::UnknownRow(a.clone()),
                    ));
                }
            }
        }
        for s in &self.seed_facts {
            let in_file = rows
                .iter()
                .find(|(_, _, m)| m.id == s.row_id)
                .map(|(file, _, _)| *file)
                .or_else(|| {
                    self.battles
                        .iter()
                        .any(|b| b.id == s.row_id)
                        .then_some("five_battles.json")
                });
            match in_file {
                None => errs.push(err(
                    "seed_facts_index.csv",
                    s.line,
                    "row_id",
                    ErrorKind::UnknownRow(s.row_id.clone()),
                )),
                Some(file) if file != s.topic_file => errs.push(err(
                    "seed_facts_index.csv",
                    s.line,
                    "topic_file",
                    ErrorKind::Mismatch(format!("{} is in {file}", s.row_id)),
                )),
                Some(_) => {}
            }
        }
        errs.extend(self.battle_checks(&row_ids));
        errs
    }
}

/// A quarter/half/year label must cover exactly its start and end dates.
fn period_dates(file: &'static str, b: &MarketBase) -> Option<ValidationError> {
    ((b.period.start(), b.period.end()) != (b.period_start, b.period_end)).then(|| {
        let msg = format!(
            "{} is {}..{}, row says {}..{}",
            b.period,
            b.period.start(),
            b.period.end(),
            b.period_start,
            b.period_end
        );
        ValidationError::new(
            file,
            b.meta.line,
            Some("period_start"),
            ErrorKind::Mismatch(msg),
        )
    })
}
