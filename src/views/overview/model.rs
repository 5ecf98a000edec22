//! The overview's figures: which rows are headlines, their values looked up by row
//! id, and where each headline and battle can be explored.

use yunce_data::Dataset;

/// A headline figure: a fact-base row id, its label and where to explore it.
pub struct Headline {
    /// The fact-base row.
    pub row_id: &'static str,
    /// The locale key of its label.
    pub label_key: &'static str,
    /// The view that explores it.
    pub link: Option<&'static str>,
}

/// The headline figures, in reading order.
pub const HEADLINES: [Headline; 10] = [
    Headline {
        row_id: "MS-087",
        label_key: "overview.idc_share",
        link: Some("/market?m=idc-iaas-paas-q"),
    },
    Headline {
        row_id: "SZ-072",
        label_key: "overview.idc_market",
        link: Some("/market?m=idc-iaas-paas-q"),
    },
    Headline {
        row_id: "MS-061",
        label_key: "overview.canalys_alibaba",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "MS-062",
        label_key: "overview.canalys_huawei",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "MS-063",
        label_key: "overview.canalys_tencent",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "FIN-023",
        label_key: "overview.revenue_growth",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "FIN-025",
        label_key: "overview.ebita_yoy",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "FIN-026",
        label_key: "overview.ebita_qoq",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "PT-001",
        label_key: "overview.compute_target",
        link: Some("/compute"),
    },
    Headline {
        row_id: "PT-002",
        label_key: "overview.intelligent_share",
        link: Some("/compute"),
    },
];

/// A figure's value, unit and period, looked up by row id across the files that hold numbers.
pub fn figure(data: &Dataset, id: &str) -> Option<(f64, String, String)> {
    if let Some(r) = data.market_shares.iter().find(|r| r.base.meta.id == id) {
        return Some((
            r.base.value?,
            r.base.unit.clone(),
            r.base.period.to_string(),
        ));
    }
    if let Some(r) = data.market_sizes.iter().find(|r| r.base.meta.id == id) {
        return Some((
            r.base.value?,
            r.base.unit.clone(),
            r.base.period.to_string(),
        ));
    }
    if let Some(r) = data.financials.iter().find(|r| r.meta.id == id) {
        return Some((
            r.value?,
            r.unit.clone(),
            format!("{} ({})", r.fiscal_raw, r.calendar_label),
        ));
    }
    if let Some(r) = data.plan_targets.iter().find(|r| r.meta.id == id) {
        let year = r.target_year.map(|y| y.to_string()).unwrap_or_default();
        return Some((r.value?, format!("{} {}", r.comparator, r.unit), year));
    }
    None
}

/// The locale key of a headline's "explore" link, by the view it opens.
pub fn explore_key(href: &str) -> &'static str {
    if href.starts_with("/alibaba") {
        "overview.explore_alibaba"
    } else if href.starts_with("/compute") {
        "overview.explore_compute"
    } else {
        "overview.explore"
    }
}

/// Where a battle can be explored, among the views that exist.
pub fn battle_link(n: u8) -> Option<(&'static str, &'static str)> {
    match n {
        1 => Some(("/compute", "overview.explore_compute")),
        2 | 3 => Some(("/compute", "overview.explore_chips")),
        4 => Some(("/alibaba?cat=stability", "overview.explore_stability")),
        5 => Some(("/alibaba?cat=organization,people", "overview.explore_org")),
        _ => None,
    }
}
