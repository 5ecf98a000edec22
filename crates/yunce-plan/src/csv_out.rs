//! CSV output through `yunce-csv`: RFC 4180 quoting, and formula-safe cells for spreadsheets.

use crate::plan::Plan;

/// The mix as CSV: one row per chip and site, then a total row.
pub fn mix_csv(plan: &Plan) -> String {
    let header = [
        "chip_id",
        "chip",
        "site_id",
        "site",
        "domestic",
        "servers",
        "cards",
        "racks",
        "eflops",
        "it_mw",
        "facility_mw",
        "capex_rmb",
        "opex_rmb_per_year",
        "tco_rmb",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    for l in &plan.lines {
        rows.push(vec![
            l.chip_id.clone(),
            l.chip.clone(),
            l.site_id.clone(),
            l.site.clone(),
            l.domestic.to_string(),
            l.servers.to_string(),
            l.cards.to_string(),
            l.racks.to_string(),
            format!("{:.6}", l.eflops),
            format!("{:.4}", l.it_mw),
            format!("{:.4}", l.facility_mw),
            format!("{:.0}", l.capex_rmb),
            format!("{:.0}", l.opex_rmb_per_year),
            format!("{:.0}", l.tco_rmb),
        ]);
    }
    let t = &plan.totals;
    rows.push(vec![
        "total".to_owned(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        t.servers.to_string(),
        t.cards.to_string(),
        t.racks.to_string(),
        format!("{:.6}", t.eflops),
        format!("{:.4}", t.it_mw),
        format!("{:.4}", t.facility_mw),
        format!("{:.0}", t.capex_rmb),
        format!("{:.0}", t.opex_rmb_per_year),
        format!("{:.0}", t.tco_rmb),
    ]);
    yunce_csv::text(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::mix_csv;
    use crate::presets::Preset;

    #[test]
    fn the_mix_reads_back_cell_for_cell_and_no_cell_is_a_formula() {
        let Ok(plan) = crate::solve(&Preset::AfterOct2023.scenario()) else {
            panic!("the preset solves");
        };
        let text = mix_csv(&plan);
        let Ok(table) = yunce_csv::parse(&text) else {
            panic!("the mix is valid CSV");
        };
        assert_eq!(table.rows.len(), plan.lines.len() + 1);
        for row in &table.rows {
            assert_eq!(row.fields.len(), table.headers.len());
            for cell in &row.fields {
                assert!(!yunce_csv::needs_defusing(cell), "{cell}");
            }
        }
    }
}
