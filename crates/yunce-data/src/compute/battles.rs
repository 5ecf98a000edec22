//! The five battles two years on: each battle's outcomes in date order, its verdict and
//! its lab presets, the checks that keep the three files in step, and the verdict rule.

use std::collections::BTreeSet;

use crate::error::{ErrorKind, ValidationError};
use crate::records::outcomes::{BattleVerdict, Outcome, TryLink, Verdict};
use crate::{BasisFamily, Confidence, Dataset, Financial, Period};

/// Whether a verdict follows the documented rule, given the confidence of the outcome
/// rows of its own battle that it cites:
/// - *won*, *mixed* and *lost* need at least one cited row of medium or high confidence;
/// - *too early* is the only verdict open to a battle whose cited rows are all low.
pub fn rule_holds(verdict: Verdict, cited: &[Confidence]) -> bool {
    let firm = cited.iter().any(|c| *c >= Confidence::Medium);
    match verdict {
        Verdict::TooEarly => !cited.is_empty(),
        Verdict::Won | Verdict::Mixed | Verdict::Lost => firm,
    }
}

impl Dataset {
    /// The outcomes of a battle (`B-3`), oldest first; rows with the same start keep
    /// file order.
    pub fn outcomes_of(&self, battle: &str) -> Vec<&Outcome> {
        let mut rows: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| o.battle == battle)
            .collect();
        rows.sort_by_key(|o| (o.period.start(), o.meta.line));
        rows
    }

    /// An outcome by id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.meta.id == id)
    }

    /// The verdict on a battle.
    pub fn verdict_of(&self, battle: &str) -> Option<&BattleVerdict> {
        self.verdicts.iter().find(|v| v.battle == battle)
    }

    /// The lab presets that speak to a battle, in file order.
    pub fn try_links_of(&self, battle: &str) -> Vec<&TryLink> {
        self.try_links
            .iter()
            .filter(|t| t.battle == battle)
            .collect()
    }

    /// The cloud segment's reported year-on-year revenue growth for each calendar quarter
    /// from `from` to `to`, on one basis family (`None` where no figure is on it).
    pub fn cloud_growth_by_quarter(
        &self,
        from: Period,
        to: Period,
        family: BasisFamily,
    ) -> Vec<(Period, Option<&Financial>)> {
        from.through(to)
            .map(|p| {
                let row = crate::FiscalPeriod::from_calendar_quarter(p).and_then(|f| {
                    self.financial(crate::Entity::CloudSegment, "revenue_yoy_growth", f, family)
                });
                (p, row)
            })
            .collect()
    }

    /// Cross-file checks of the battles' files: every outcome names a battle, every battle
    /// has one verdict that follows [`rule_holds`], and every cited row exists.
    pub(crate) fn battle_checks(&self, row_ids: &BTreeSet<&str>) -> Vec<ValidationError> {
        let mut errs = Vec::new();
        let err = |file, line, col: &str, kind| ValidationError::new(file, line, Some(col), kind);
        let battles: BTreeSet<&str> = self.battles.iter().map(|b| b.id.as_str()).collect();
        for o in &self.outcomes {
            if !battles.contains(o.battle.as_str()) {
                errs.push(err(
                    "outcomes.csv",
                    o.meta.line,
                    "battle",
                    ErrorKind::UnknownRow(o.battle.clone()),
                ));
            }
        }
        let mut judged = BTreeSet::new();
        for v in &self.verdicts {
            if !battles.contains(v.battle.as_str()) || !judged.insert(v.battle.as_str()) {
                errs.push(err(
                    "verdicts.csv",
                    v.line,
                    "battle",
                    ErrorKind::BadId(v.battle.clone()),
                ));
            }
            for id in v
                .evidence
                .iter()
                .filter(|id| !row_ids.contains(id.as_str()))
            {
                errs.push(err(
                    "verdicts.csv",
                    v.line,
                    "evidence",
                    ErrorKind::UnknownRow(id.clone()),
                ));
            }
            let cited: Vec<Confidence> = v
                .evidence
                .iter()
                .filter_map(|id| self.outcome(id))
                .filter(|o| o.battle == v.battle)
                .map(|o| o.meta.confidence)
                .collect();
            if !rule_holds(v.verdict, &cited) {
                let why = format!(
                    "{} on {} needs a cited outcome of medium or high confidence",
                    v.verdict.slug(),
                    v.battle
                );
                errs.push(err(
                    "verdicts.csv",
                    v.line,
                    "verdict",
                    ErrorKind::Mismatch(why),
                ));
            }
        }
        for b in battles.iter().filter(|b| !judged.contains(*b)) {
            errs.push(err(
                "verdicts.csv",
                1,
                "battle",
                ErrorKind::Mismatch(format!("{b} has no verdict")),
            ));
        }
        for t in &self.try_links {
            if !battles.contains(t.battle.as_str()) {
                errs.push(err(
                    "try_links.csv",
                    t.line,
                    "battle",
                    ErrorKind::UnknownRow(t.battle.clone()),
                ));
            }
            for id in t.rows.iter().filter(|id| !row_ids.contains(id.as_str())) {
                errs.push(err(
                    "try_links.csv",
                    t.line,
                    "rows",
                    ErrorKind::UnknownRow(id.clone()),
                ));
            }
        }
        errs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_needs_firm_rows_for_a_firm_verdict() {
        use Confidence::{High, Low, Medium};
        assert!(rule_holds(Verdict::Won, &[Low, Medium]));
        assert!(rule_holds(Verdict::Lost, &[High]));
        assert!(!rule_holds(Verdict::Mixed, &[Low, Low]));
        assert!(rule_holds(Verdict::TooEarly, &[Low]));
        assert!(!rule_holds(Verdict::TooEarly, &[]));
    }
}
