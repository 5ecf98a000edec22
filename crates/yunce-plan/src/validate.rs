//! Checks a scenario before any solve: every number finite and in range, dates that
//! parse, unique ids, a mode that makes sense. All problems are reported at once.

use yunce_data::Date;

use crate::error::InputError;
use crate::param::Param;
use crate::scenario::{Mode, Scenario};

struct Checker {
    errors: Vec<InputError>,
}

impl Checker {
    fn push(&mut self, field: String, message: impl Into<String>) {
        self.errors.push(InputError {
            field,
            message: message.into(),
        });
    }

    /// A finite number at least `min` (and at most `max` when given).
    fn number(&mut self, field: String, v: f64, min: f64, max: Option<f64>) {
        if !v.is_finite() {
            self.push(field, format!("must be a number, got {v}"));
        } else if v < min {
            self.push(field, format!("must be at least {min}, got {v}"));
        } else if let Some(max) = max.filter(|m| v > *m) {
            self.push(field, format!("must be at most {max}, got {v}"));
        }
    }

    fn param(&mut self, field: String, p: &Param, min: f64, max: Option<f64>) {
        self.number(field.clone(), p.value, min, max);
        if let Some((lo, hi)) = p.reported_range() {
            let ok = lo.is_finite() && hi.is_finite() && lo >= min && lo <= hi;
            if !ok {
                self.push(
                    field,
                    format!("range {lo}-{hi} must be finite, at least {min}, low before high"),
                );
            }
        }
    }

    fn date(&mut self, field: String, d: &str) {
        if Date::parse(d).is_none() || d.len() != 10 {
            self.push(field, format!("must be a date YYYY-MM-DD, got {d:?}"));
        }
    }
}

/// Every problem with the scenario's fields; empty when it can be solved.
pub fn validate(s: &Scenario) -> Vec<InputError> {
    let mut c = Checker { errors: Vec::new() };
    if s.chips.is_empty() {
        c.push("chips".into(), "the catalogue has no chip");
    }
    if s.sites.is_empty() {
        c.push("sites".into(), "there is no site");
    }
    for (i, chip) in s.chips.iter().enumerate() {
        let f = |name: &str| format!("chips[{i}].{name}");
        if chip.id.trim().is_empty() {
            c.push(f("id"), "must not be empty");
        } else if s.chips[..i].iter().any(|o| o.id == chip.id) {
            c.push(f("id"), format!("duplicate id {:?}", chip.id));
        }
        for (name, p) in [
            ("fp16_tflops", &chip.fp16_tflops),
            ("int8_tops", &chip.int8_tops),
            ("memory_gb", &chip.memory_gb),
            ("supply_cap_cards", &chip.supply_cap_cards),
        ] {
            if let Some(p) = p {
                c.param(f(name), p, 0.0, None);
            }
        }
        c.param(f("tdp_w"), &chip.tdp_w, 0.0, None);
        c.param(
            f("cards_per_server"),
            &chip.cards_per_server,
            1.0,
            Some(1024.0),
        );
        if chip.cards_per_server.value.fract() != 0.0 {
            c.push(f("cards_per_server"), "must be a whole number");
        }
        c.param(f("server_overhead_w"), &chip.server_overhead_w, 0.0, None);
        c.param(f("server_price_rmb"), &chip.server_price_rmb, 0.0, None);
        c.param(f("unit_price_rmb"), &chip.unit_price_rmb, 0.0, None);
        if let Some(d) = &chip.available_from {
            c.date(f("available_from"), d);
        }
        if let Some(d) = &chip.blocked_from {
            c.date(f("blocked_from"), d);
        }
    }
    for (i, site) in s.sites.iter().enumerate() {
        let f = |name: &str| format!("sites[{i}].{name}");
        if site.id.trim().is_empty() {
            c.push(f("id"), "must not be empty");
        } else if s.sites[..i].iter().any(|o| o.id == site.id) {
            c.push(f("id"), format!("duplicate id {:?}", site.id));
        }
        c.param(f("pue"), &site.pue, 1.0, Some(5.0));
        c.param(
            f("electricity_rmb_kwh"),
            &site.electricity_rmb_kwh,
            0.0,
            None,
        );
        if let Some(p) = &site.electricity_domestic_rmb_kwh {
            c.param(f("electricity_domestic_rmb_kwh"), p, 0.0, None);
        }
        c.param(f("capex_rmb_per_mw"), &site.capex_rmb_per_mw, 0.0, None);
        c.param(f("mw_available"), &site.mw_available, 0.0, None);
        c.param(f("rack_kw"), &site.rack_kw, 0.1, None);
    }
    c.date("policy.as_of".into(), &s.policy.as_of);
    if let Some(v) = s.policy.min_domestic_share {
        c.number("policy.min_domestic_share".into(), v, 0.0, Some(1.0));
    }
    if let Some(v) = s.policy.min_memory_tb {
        c.number("policy.min_memory_tb".into(), v, 0.0, None);
    }
    c.param("finance.years".into(), &s.finance.years, 0.1, Some(50.0));
    c.param(
        "finance.discount_rate".into(),
        &s.finance.discount_rate,
        0.0,
        Some(1.0),
    );
    c.param(
        "finance.average_load".into(),
        &s.finance.average_load,
        0.01,
        Some(1.0),
    );
    c.param(
        "finance.rmb_per_usd".into(),
        &s.finance.rmb_per_usd,
        0.01,
        None,
    );
    match &s.mode {
        Mode::MinTco { target_eflops } | Mode::MinMw { target_eflops } => {
            c.number("mode.target_eflops".into(), *target_eflops, 0.0, Some(1e6));
        }
        Mode::MaxEflops {
            capex_budget_rmb,
            mw_budget,
        } => {
            if let Some(b) = capex_budget_rmb {
                c.number("mode.capex_budget_rmb".into(), *b, 0.0, Some(1e15));
            }
            if let Some(m) = mw_budget {
                c.number("mode.mw_budget".into(), *m, 0.0, Some(1e6));
            }
        }
    }
    let has_figure = s
        .chips
        .iter()
        .any(|ch| ch.compute(s.basis).is_some_and(|p| p.value > 0.0));
    if !s.chips.is_empty() && !has_figure {
        c.push(
            "chips".into(),
            format!("no chip has a compute figure on the {:?} basis", s.basis),
        );
    }
    c.errors
}
