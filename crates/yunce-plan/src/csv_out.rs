//! CSV output: RFC 4180 quoting, and formula-safe cells for spreadsheets.

use crate::plan::Plan;

/// Quotes a cell when it holds a comma, quote or line break, and puts an apostrophe
/// before text that starts with `=`, `+`, `-` or `@` and is not a number, so a
/// spreadsheet never runs it as a formula.
pub fn cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err();
    let safe = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// Writes rows of cells as CSV text with CRLF line ends (RFC 4180).
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

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
    let mut rows = vec![header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
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
    write(&rows)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn quoting_and_formulas() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("-2.5"), "-2.5");
        assert_eq!(cell("+1"), "+1");
        assert_eq!(cell("-x,y"), "\"'-x,y\"");
    }
}
