//! A headline figure looked up by row id: its value, unit and period, whichever file
//! holds it, for the overview's cards.

use crate::Dataset;

/// One figure ready to show: a value with its unit and period as the row states them.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The value; rows without one have no headline.
    pub value: f64,
    /// The unit, with a plan target's comparator in front (`≥ 300 EFLOPS`).
    pub unit: String,
    /// The period: a calendar period, a fiscal label with its calendar twin, or a year.
    pub period: String,
}

impl Dataset {
    /// The headline figure of a market share, market size, financial or plan-target row;
    /// `None` for other rows, unknown ids and rows without a value.
    pub fn headline(&self, row_id: &str) -> Option<Headline> {
        let id = row_id;
        let row = |value: Option<f64>, unit: String, period: String| {
            Some(Headline {
                value: value?,
                unit,
                period,
            })
        };
        if let Some(r) = self.market_shares.iter().find(|r| r.base.meta.id == id) {
            return row(r.base.value, r.base.unit.clone(), r.base.period.to_string());
        }
        if let Some(r) = self.market_sizes.iter().find(|r| r.base.meta.id == id) {
            return row(r.base.value, r.base.unit.clone(), r.base.period.to_string());
        }
        if let Some(r) = self.financials.iter().find(|r| r.meta.id == id) {
            let period = format!("{} ({})", r.fiscal_raw, r.calendar_label);
            return row(r.value, r.unit.clone(), period);
        }
        let r = self.plan_targets.iter().find(|r| r.meta.id == id)?;
        let year = r.target_year.map(|y| y.to_string()).unwrap_or_default();
        row(r.value, format!("{} {}", r.comparator, r.unit), year)
    }
}

#[cfg(test)]
mod tests {
    use crate::Dataset;

    #[test]
    fn headlines_come_from_every_file_that_holds_numbers() {
        let d = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let fin = d.headline("FIN-024").unwrap_or_else(|| panic!("FIN-024"));
        assert_eq!(fin.value, 1409.0);
        assert!(fin.period.contains("2023Q3"), "{}", fin.period);
        for id in ["MS-087", "SZ-072", "MS-061", "PT-001"] {
            assert!(d.headline(id).is_some(), "{id}");
        }
        assert_eq!(d.headline("EV-019"), None);
        assert_eq!(d.headline("NO-1"), None);
    }
}
