//! The overview's choices: which rows are headlines (their values come from
//! `Dataset::headline`), and where each headline and battle can be explored.

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
