//! The five default sites, from the PUE, electricity and capex rows of the fact base.

use crate::facts::{Facts, derived, noted};
use crate::param::Param;
use crate::scenario::Site;

/// Three western hubs, Ningxia and the Yangtze River Delta; `fx` converts USD prices.
pub(crate) fn sites(f: &Facts, fx: &Param) -> Vec<Site> {
    let national = noted(
        f.param("PP-039", 0.088).scaled(fx.value),
        "USD converted at the FX assumption.",
    );
    let west_discount = f.param("PP-037", 30.0);
    let west = derived(
        national.value * (1.0 - west_discount.value / 100.0),
        &[&national, &west_discount],
        "National industrial rate, 30% cheaper in the west.",
    );
    let horinger_cut = f.param("PP-038", 67.0);
    let horinger = derived(
        national.value * (1.0 - horinger_cut.value / 100.0),
        &[&national, &horinger_cut],
        "Two-thirds below Beijing; the national rate stands in for Beijing.",
    );
    let capex = f.param("PP-032", 19.5).scaled(1e6);
    let capex = noted(
        capex,
        "May include IT equipment, which the planner prices separately.",
    );
    let racks = f.param("PP-028", 15.0);
    let mw = || Param::assumed(100.0, "Power available at the site; no source.");
    let site = |id: &str, name: &str, pue: Param, power: Param, domestic: Option<Param>| Site {
        id: id.to_owned(),
        name: name.to_owned(),
        pue,
        electricity_rmb_kwh: power,
        electricity_domestic_rmb_kwh: domestic,
        capex_rmb_per_mw: capex.clone(),
        mw_available: mw(),
        rack_kw: racks.clone(),
    };
    vec![
        site(
            "qingyang",
            "Qingyang, Gansu (western hub)",
            f.param("PP-043", 1.2),
            west.clone(),
            Some(f.param("PP-036", 0.4)),
        ),
        site(
            "guizhou",
            "Guizhou (western hub)",
            f.param("PP-040", 1.25),
            f.param("PP-035", 0.34),
            None,
        ),
        site(
            "horinger",
            "Horinger, Inner Mongolia (western hub)",
            f.param("PP-040", 1.25),
            horinger,
            None,
        ),
        site(
            "zhongwei",
            "Zhongwei, Ningxia (western hub)",
            f.param("PP-040", 1.25),
            west,
            None,
        ),
        site(
            "yangtze",
            "Yangtze River Delta (eastern hub)",
            f.param("PP-044", 1.25),
            national,
            None,
        ),
    ]
}
