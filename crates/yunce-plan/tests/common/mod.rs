//! Small hand-made scenarios for the tests.
#![allow(dead_code)]

use yunce_plan::{Basis, Chip, Finance, Mode, Param, Policy, Scenario, Site};

/// A chip with plain numbers and no overhead, server price, caps or dates.
pub fn chip(id: &str, tflops: f64, cards: f64, tdp_w: f64, price: f64) -> Chip {
    Chip {
        id: id.to_owned(),
        name: id.to_owned(),
        vendor: "Test".to_owned(),
        domestic: false,
        fp16_tflops: Some(Param::user(tflops)),
        int8_tops: None,
        memory_gb: None,
        tdp_w: Param::user(tdp_w),
        cards_per_server: Param::user(cards),
        server_overhead_w: Param::user(0.0),
        server_price_rmb: Param::user(0.0),
        unit_price_rmb: Param::user(price),
        supply_cap_cards: None,
        available_from: None,
        blocked_from: None,
        blocked_by: None,
        never_sold_in_china: false,
        allowed_override: None,
    }
}

/// A site with the given PUE, electricity price, capex per MW and MW available.
pub fn site(id: &str, pue: f64, rmb_kwh: f64, capex_per_mw: f64, mw: f64) -> Site {
    Site {
        id: id.to_owned(),
        name: id.to_owned(),
        pue: Param::user(pue),
        electricity_rmb_kwh: Param::user(rmb_kwh),
        electricity_domestic_rmb_kwh: None,
        capex_rmb_per_mw: Param::user(capex_per_mw),
        mw_available: Param::user(mw),
        rack_kw: Param::user(20.0),
    }
}

/// One year, no discounting, full load: TCO = capex + one year of electricity.
pub fn scenario(chips: Vec<Chip>, sites: Vec<Site>, mode: Mode) -> Scenario {
    Scenario {
        name: "test".to_owned(),
        mode,
        basis: Basis::Fp16,
        chips,
        sites,
        policy: Policy {
            as_of: "2024-06-30".to_owned(),
            min_domestic_share: None,
            min_memory_tb: None,
        },
        finance: Finance {
            years: Param::user(1.0),
            discount_rate: Param::user(0.0),
            average_load: Param::user(1.0),
            rmb_per_usd: Param::user(7.2),
        },
    }
}

/// Relative closeness.
pub fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-9)
}
