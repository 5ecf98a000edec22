//! A scenario JSON (the CLI's `--scenario` format) taken back into the URL state: the preset
//! it names, its mode, basis, date and share, every figure that differs from the preset as
//! an edit, and chips the catalogue lacks as imported chips. Headless, tested natively.

use super::edit::{ChipField, FinField, SiteField, Target, safe_id};
use super::state::{ModeKind, PlanState, preset_scenario};
use yunce_plan::{Chip, Mode, Param, Preset, Scenario};

fn differs(a: Option<&Param>, b: Option<&Param>) -> Option<f64> {
    match (a, b) {
        // Any difference, provenance included, is an edit, so the state gives back `a`.
        (Some(a), Some(b)) if a == b => None,
        (Some(a), _) => Some(a.value),
        (None, _) => None,
    }
}

/// The state (starting from `current`) and the extra chips that reproduce `s`.
pub fn absorb(current: &PlanState, s: &Scenario) -> (PlanState, Vec<Chip>) {
    let preset = Preset::from_slug(&s.name).unwrap_or(current.preset);
    let base = preset_scenario(preset);
    let mut st = PlanState::of(preset);
    st.compare = current.compare.clone();
    st.points = current.points;
    match &s.mode {
        Mode::MinTco { target_eflops } => {
            st.mode = ModeKind::Tco;
            st.target = *target_eflops;
        }
        Mode::MinMw { target_eflops } => {
            st.mode = ModeKind::Mw;
            st.target = *target_eflops;
        }
        Mode::MaxEflops {
            capex_budget_rmb,
            mw_budget,
        } => {
            st.mode = ModeKind::Max;
            st.capex_bn = capex_budget_rmb.map(|b| b / 1e9);
            st.mw_budget = *mw_budget;
        }
    }
    st.basis = s.basis;
    st.as_of = s.policy.as_of.clone();
    st.domestic_pct = s.policy.min_domestic_share.map(|v| v * 100.0);
    let mut extra = Vec::new();
    for c in &s.chips {
        let Some(b) = base.chips.iter().find(|b| b.id == c.id) else {
            extra.push(c.clone());
            continue;
        };
        if !safe_id(&c.id) {
            continue;
        }
        let fields = [
            (
                ChipField::Price,
                Some(&c.unit_price_rmb),
                Some(&b.unit_price_rmb),
            ),
            (
                ChipField::Server,
                Some(&c.server_price_rmb),
                Some(&b.server_price_rmb),
            ),
            (ChipField::Tdp, Some(&c.tdp_w), Some(&b.tdp_w)),
            (
                ChipField::Fp16,
                c.fp16_tflops.as_ref(),
                b.fp16_tflops.as_ref(),
            ),
            (ChipField::Int8, c.int8_tops.as_ref(), b.int8_tops.as_ref()),
            (
                ChipField::Cards,
                Some(&c.cards_per_server),
                Some(&b.cards_per_server),
            ),
            (
                ChipField::Cap,
                c.supply_cap_cards.as_ref(),
                b.supply_cap_cards.as_ref(),
            ),
        ];
        for (field, mine, theirs) in fields {
            let value = differs(mine, theirs);
            if value.is_some() {
                st.set_edit(Target::Chip(c.id.clone(), field), value);
            }
        }
        if let Some(allow) = c.allowed_override {
            let v = if allow { 1.0 } else { 0.0 };
            st.set_edit(Target::Chip(c.id.clone(), ChipField::Allow), Some(v));
        }
    }
    for x in &s.sites {
        let Some(b) = base.sites.iter().find(|b| b.id == x.id) else {
            continue;
        };
        let fields = [
            (SiteField::Pue, &x.pue, &b.pue),
            (
                SiteField::Elec,
                &x.electricity_rmb_kwh,
                &b.electricity_rmb_kwh,
            ),
            (SiteField::Capex, &x.capex_rmb_per_mw, &b.capex_rmb_per_mw),
            (SiteField::Mw, &x.mw_available, &b.mw_available),
        ];
        for (field, mine, theirs) in fields {
            let value = differs(Some(mine), Some(theirs));
            if value.is_some() {
                st.set_edit(Target::Site(x.id.clone(), field), value);
            }
        }
    }
    let (f, b) = (&s.finance, &base.finance);
    let fields = [
        (FinField::Years, &f.years, &b.years),
        (FinField::Rate, &f.discount_rate, &b.discount_rate),
        (FinField::Load, &f.average_load, &b.average_load),
        (FinField::Fx, &f.rmb_per_usd, &b.rmb_per_usd),
    ];
    for (field, mine, theirs) in fields {
        let value = differs(Some(mine), Some(theirs));
        if value.is_some() {
            st.set_edit(Target::Finance(field), value);
        }
    }
    (st, extra)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::router::QueryMap;

    #[test]
    fn an_exported_scenario_comes_back_as_the_same_state() {
        let (mut st, _) = PlanState::from_query(&QueryMap::parse(
            "p=seed-increment&m=max&cb=20&mb=90&b=int8&d=2025-01-02&ds=30&e=AC-005.price:90000,qingyang.pue:1.3,fin.years:4,AC-010.allow:0",
        ));
        st.compare = vec![Preset::AfterOct2023];
        let extra = yunce_plan::Chip {
            id: "MY-1".into(),
            ..preset_scenario(Preset::SeedIncrement).chips[0].clone()
        };
        let s = st.scenario(std::slice::from_ref(&extra));
        let (back, chips) = absorb(&PlanState::of(Preset::AfterApr2025), &s);
        assert_eq!(chips, vec![extra]);
        assert_eq!(back.preset, Preset::SeedIncrement);
        assert_eq!(back.edits.len(), st.edits.len());
        assert_eq!(back.scenario(&chips), s);
    }
}
