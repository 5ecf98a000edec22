//! Edits of the planner's inputs: one chip, site or finance figure set by the user, written
//! in the URL as `id.field:value` (`AC-005.price:90000`, `gansu.pue:1.3`, `fin.years:5`).
//! No browser API here, so parsing and applying are tested natively.

use yunce_plan::{Param, Scenario};

/// A chip figure the user can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChipField {
    /// Price per card, RMB.
    Price,
    /// Server price besides the cards, RMB.
    Server,
    /// Power per card, W.
    Tdp,
    /// Dense FP16 TFLOPS per card.
    Fp16,
    /// Dense INT8 TOPS per card.
    Int8,
    /// Cards per server.
    Cards,
    /// Supply cap, cards.
    Cap,
    /// 1 forces the chip in, 0 out (overrides the export regime).
    Allow,
}

/// A site figure the user can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteField {
    /// Power usage effectiveness.
    Pue,
    /// Electricity, RMB per kWh.
    Elec,
    /// Facility capex, RMB per MW of IT.
    Capex,
    /// Facility MW available.
    Mw,
}

/// A finance figure the user can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinField {
    /// Years of opex.
    Years,
    /// Discount rate, 0–1.
    Rate,
    /// Average load, 0–1.
    Load,
    /// RMB per USD.
    Fx,
}

/// Which figure an edit sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A chip's figure, by chip id.
    Chip(String, ChipField),
    /// A site's figure, by site id.
    Site(String, SiteField),
    /// A finance figure.
    Finance(FinField),
}

/// One user value.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// The figure.
    pub target: Target,
    /// The value typed (it may be bad; the engine names a bad field before any solve).
    pub value: f64,
}

const CHIP_FIELDS: [(&str, ChipField); 8] = [
    ("price", ChipField::Price),
    ("server", ChipField::Server),
    ("tdp", ChipField::Tdp),
    ("fp16", ChipField::Fp16),
    ("int8", ChipField::Int8),
    ("cards", ChipField::Cards),
    ("cap", ChipField::Cap),
    ("allow", ChipField::Allow),
];
const SITE_FIELDS: [(&str, SiteField); 4] = [
    ("pue", SiteField::Pue),
    ("elec", SiteField::Elec),
    ("capex", SiteField::Capex),
    ("mw", SiteField::Mw),
];
const FIN_FIELDS: [(&str, FinField); 4] = [
    ("years", FinField::Years),
    ("rate", FinField::Rate),
    ("load", FinField::Load),
    ("fx", FinField::Fx),
];

fn slug<T: Copy + PartialEq>(table: &[(&'static str, T)], field: T) -> &'static str {
    table
        .iter()
        .find(|(_, f)| *f == field)
        .map(|(s, _)| *s)
        .unwrap_or("")
}

impl Target {
    /// The URL key, `id.field`.
    pub fn key(&self) -> String {
        match self {
            Target::Chip(id, f) => format!("{id}.{}", slug(&CHIP_FIELDS, *f)),
            Target::Site(id, f) => format!("{id}.{}", slug(&SITE_FIELDS, *f)),
            Target::Finance(f) => format!("fin.{}", slug(&FIN_FIELDS, *f)),
        }
    }

    /// Parses `id.field`; the field name says whether it is a chip, site or finance figure.
    pub fn parse(key: &str) -> Option<Target> {
        let (id, field) = key.rsplit_once('.')?;
        if id.is_empty() || !safe_id(id) {
            return None;
        }
        let find = |name: &str| {
            if let Some((_, f)) = CHIP_FIELDS.iter().find(|(s, _)| *s == name) {
                return Some(Target::Chip(id.to_owned(), *f));
            }
            if let Some((_, f)) = SITE_FIELDS.iter().find(|(s, _)| *s == name) {
                return Some(Target::Site(id.to_owned(), *f));
            }
            FIN_FIELDS
                .iter()
                .find(|(s, _)| *s == name && id == "fin")
                .map(|(_, f)| Target::Finance(*f))
        };
        find(field)
    }
}

/// An id that fits in the edit list (no separators of the list).
pub fn safe_id(id: &str) -> bool {
    !id.is_empty() && !id.contains([',', ':', '&', '=', '#', ' '])
}

/// Parses `id.field:value,...`. Any bad entry rejects the whole list (the caller gives a
/// notice and keeps the defaults), so a half-read list never changes a plan silently.
pub fn parse_edits(s: &str) -> Option<Vec<Edit>> {
    let mut out: Vec<Edit> = Vec::new();
    for item in s.split(',').filter(|x| !x.is_empty()) {
        let (key, value) = item.rsplit_once(':')?;
        let target = Target::parse(key)?;
        let value = value.parse::<f64>().ok()?;
        out.retain(|e| e.target != target);
        out.push(Edit { target, value });
    }
    Some(out)
}

/// Writes edits as `id.field:value,...` (the value in Rust's shortest round-trip form).
pub fn format_edits(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| format!("{}:{}", e.target.key(), e.value))
        .collect::<Vec<_>>()
        .join(",")
}

fn set(p: &mut Param, v: f64) {
    *p = Param::user(v);
}

fn set_opt(p: &mut Option<Param>, v: f64) {
    *p = Some(Param::user(v));
}

/// Applies edits to a scenario; returns the keys of edits whose chip or site is not there.
pub fn apply(s: &mut Scenario, edits: &[Edit]) -> Vec<String> {
    let mut unmatched = Vec::new();
    for e in edits {
        let v = e.value;
        let found = match &e.target {
            Target::Chip(id, field) => match s.chips.iter_mut().find(|c| &c.id == id) {
                Some(c) => {
                    match field {
                        ChipField::Price => set(&mut c.unit_price_rmb, v),
                        ChipField::Server => set(&mut c.server_price_rmb, v),
                        ChipField::Tdp => set(&mut c.tdp_w, v),
                        ChipField::Fp16 => set_opt(&mut c.fp16_tflops, v),
                        ChipField::Int8 => set_opt(&mut c.int8_tops, v),
                        ChipField::Cards => set(&mut c.cards_per_server, v),
                        ChipField::Cap => set_opt(&mut c.supply_cap_cards, v),
                        ChipField::Allow => c.allowed_override = Some(v >= 0.5),
                    }
                    true
                }
                None => false,
            },
            Target::Site(id, field) => match s.sites.iter_mut().find(|x| &x.id == id) {
                Some(x) => {
                    match field {
                        SiteField::Pue => set(&mut x.pue, v),
                        SiteField::Elec => set(&mut x.electricity_rmb_kwh, v),
                        SiteField::Capex => set(&mut x.capex_rmb_per_mw, v),
                        SiteField::Mw => set(&mut x.mw_available, v),
                    }
                    true
                }
                None => false,
            },
            Target::Finance(field) => {
                let f = &mut s.finance;
                match field {
                    FinField::Years => set(&mut f.years, v),
                    FinField::Rate => set(&mut f.discount_rate, v),
                    FinField::Load => set(&mut f.average_load, v),
                    FinField::Fx => set(&mut f.rmb_per_usd, v),
                }
                true
            }
        };
        if !found {
            unmatched.push(e.target.key());
        }
    }
    unmatched
}

#[cfg(test)]
mod tests {
    use super::*;
    use yunce_plan::{Origin, Preset};

    #[test]
    fn edits_round_trip_and_apply() {
        let text = "AC-005.price:90000,gansu.pue:1.3,fin.years:5,AC-010.allow:0";
        let edits = parse_edits(text).unwrap_or_default();
        assert_eq!(edits.len(), 4);
        assert_eq!(format_edits(&edits), text);
        let mut s = Preset::AfterOct2023.scenario();
        let site = s.sites[0].id.clone();
        let mut edits = edits;
        edits[1].target = Target::Site(site.clone(), SiteField::Pue);
        assert!(apply(&mut s, &edits).is_empty());
        let chip = s.chips.iter().find(|c| c.id == "AC-005");
        assert_eq!(chip.map(|c| c.unit_price_rmb.value), Some(90000.0));
        assert_eq!(
            chip.map(|c| c.unit_price_rmb.provenance.origin.clone()),
            Some(Origin::User)
        );
        assert_eq!(s.sites[0].pue.value, 1.3);
        assert_eq!(s.finance.years.value, 5.0);
    }

    #[test]
    fn bad_lists_are_rejected_whole_and_bad_numbers_are_kept() {
        assert_eq!(parse_edits("AC-005.price:abc"), None);
        assert_eq!(parse_edits("AC-005.nope:1"), None);
        assert_eq!(parse_edits("x.years:1"), None);
        assert_eq!(parse_edits("price:1"), None);
        // A negative or NaN value is the user's: the engine names it before any solve.
        let kept = parse_edits("AC-005.price:-5,AC-006.tdp:NaN").unwrap_or_default();
        assert_eq!(kept.len(), 2);
        assert!(kept[1].value.is_nan());
        // The last value of a repeated key wins.
        let twice = parse_edits("AC-005.price:1,AC-005.price:2").unwrap_or_default();
        assert_eq!(twice.len(), 1);
        assert_eq!(twice[0].value, 2.0);
    }

    #[test]
    fn an_edit_of_a_missing_chip_is_reported() {
        let mut s = Preset::AfterOct2023.scenario();
        let edits = parse_edits("ZZ-1.price:1").unwrap_or_default();
        assert_eq!(apply(&mut s, &edits), vec!["ZZ-1.price".to_owned()]);
    }
}
