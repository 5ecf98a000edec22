//! The planner's words and numbers: constraint names, errors and shadow prices in the UI
//! language, and the number formats its tables use.

use crate::i18n::I18n;
use yunce_plan::{Constraint, ConstraintReport, Factor, Mode, Plan, PlanError, Preset, Scenario};

/// RMB as `RMB 7.23 bn`, `RMB 1.02 m` or `RMB 520,000`.
pub fn rmb(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("RMB {:.2} bn", v / 1e9)
    } else if a >= 1e6 {
        format!("RMB {:.2} m", v / 1e6)
    } else {
        format!("RMB {}", grouped(v))
    }
}

/// A whole number with thousands separators.
pub fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let n = v.round() as i128;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A figure with up to `d` decimals, trailing zeros dropped.
pub fn num(v: f64, d: usize) -> String {
    let s = format!("{v:.d$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A site's name in the reader's language: the default sites have locale keys, an
/// imported site keeps the name its file gives.
pub fn site_label(i18n: I18n, id: &str, name: &str) -> String {
    let key = match id {
        "qingyang" => "plan.site.qingyang",
        "guizhou" => "plan.site.guizhou",
        "horinger" => "plan.site.horinger",
        "zhongwei" => "plan.site.zhongwei",
        "yangtze" => "plan.site.yangtze",
        _ => return name.to_owned(),
    };
    i18n.t(key).to_owned()
}

/// The locale key of a preset's name.
pub fn preset_key(p: Preset) -> &'static str {
    match p {
        Preset::BeforeOct2023 => "plan.preset.before",
        Preset::AfterOct2023 => "plan.preset.after",
        Preset::AfterApr2025 => "plan.preset.apr2025",
        Preset::SeedIncrement => "plan.preset.seed",
    }
}

fn chip_name(s: &Scenario, id: &str) -> String {
    s.chips
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_owned(), |c| c.name.clone())
}

fn site_name(i18n: I18n, s: &Scenario, id: &str) -> String {
    s.sites
        .iter()
        .find(|x| x.id == id)
        .map_or_else(|| id.to_owned(), |x| site_label(i18n, &x.id, &x.name))
}

/// A constraint group in words.
pub fn constraint(i18n: I18n, s: &Scenario, c: &Constraint) -> String {
    match c {
        Constraint::ExportRegime => i18n.t("plan.c.regime").to_owned(),
        Constraint::Target => i18n.t("plan.c.target").to_owned(),
        Constraint::CapexBudget => i18n.t("plan.c.capex").to_owned(),
        Constraint::MwBudget => i18n.t("plan.c.mw").to_owned(),
        Constraint::SiteMw(id) => i18n.format("plan.c.site", &[&site_name(i18n, s, id)]),
        Constraint::SupplyCap(id) => i18n.format("plan.c.supply", &[&chip_name(s, id)]),
        Constraint::DomesticShare => i18n.t("plan.c.share").to_owned(),
        Constraint::MinMemory => i18n.t("plan.c.memory").to_owned(),
    }
}

/// Why there is no plan, in words; input errors list every bad field.
pub fn error(i18n: I18n, s: &Scenario, e: &PlanError) -> String {
    match e {
        PlanError::Input(errors) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            i18n.format("plan.err.input", &[&list.join("; ")])
        }
        PlanError::BudgetBelowOneServer {
            budget_rmb,
            cheapest_rmb,
            server,
        } => i18n.format(
            "plan.err.budget",
            &[&rmb(*budget_rmb), server, &rmb(*cheapest_rmb)],
        ),
        PlanError::MwBudgetBelowOneServer {
            budget_mw,
            smallest_mw,
            server,
        } => i18n.format(
            "plan.err.mw_budget",
            &[&num(*budget_mw, 4), server, &num(*smallest_mw, 4)],
        ),
        PlanError::Infeasible { conflict } => {
            let names: Vec<String> = conflict.iter().map(|c| constraint(i18n, s, c)).collect();
            i18n.format("plan.err.infeasible", &[&names.join(" + ")])
        }
        PlanError::Unbounded => i18n.t("plan.err.unbounded").to_owned(),
        PlanError::Solver(m) | PlanError::CheckFailed(m) => {
            i18n.format("plan.err.solver", &[m.as_str()])
        }
        PlanError::Cancelled => i18n.t("plan.cancelled").to_owned(),
    }
}

/// A binding constraint's shadow price in words: "One more MW at Guizhou saves RMB 1.02 m".
pub fn shadow(i18n: I18n, s: &Scenario, plan: &Plan, r: &ConstraintReport) -> Option<String> {
    let price = r.shadow_price?;
    let step = match &r.constraint {
        Constraint::ExportRegime => return None,
        Constraint::Target => i18n.t("plan.step.target").to_owned(),
        Constraint::CapexBudget => i18n.t("plan.step.capex").to_owned(),
        Constraint::MwBudget => i18n.t("plan.step.mw").to_owned(),
        Constraint::SiteMw(id) => i18n.format("plan.step.site", &[&site_name(i18n, s, id)]),
        Constraint::SupplyCap(id) => i18n.format("plan.step.supply", &[&chip_name(s, id)]),
        Constraint::DomesticShare => i18n.t("plan.step.share").to_owned(),
        Constraint::MinMemory => i18n.t("plan.step.memory").to_owned(),
    };
    let gain = match plan.mode {
        Mode::MinTco { .. } => i18n.format("plan.gain.rmb", &[&rmb(price)]),
        Mode::MaxEflops { .. } => i18n.format("plan.gain.eflops", &[&num(price, 4)]),
        Mode::MinMw { .. } => i18n.format("plan.gain.mw", &[&num(price, 3)]),
    };
    Some(format!("{step} {gain}"))
}

/// A tornado bar's factor in the UI language (the engine labels bars in English).
pub fn factor(i18n: I18n, label: &str) -> String {
    for f in Factor::ALL {
        if f.label() == label {
            return i18n
                .t(match f {
                    Factor::ChipPrices => "plan.fx.chip_prices",
                    Factor::ServerPrices => "plan.fx.server_prices",
                    Factor::PowerPerServer => "plan.fx.power_per_server",
                    Factor::Pue => "plan.fx.pue",
                    Factor::ElectricityPrice => "plan.fx.electricity",
                    Factor::FacilityCapex => "plan.fx.facility_capex",
                })
                .to_owned();
        }
    }
    let ranged = [
        (" unit price", "plan.fx.price"),
        (" power", "plan.fx.power"),
        (" compute", "plan.fx.compute"),
        (" supply cap", "plan.fx.supply"),
    ];
    for (suffix, key) in ranged {
        if let Some(chip) = label.strip_suffix(suffix) {
            return i18n.format(key, &[chip]);
        }
    }
    if label == "Years of opex" {
        return i18n.t("plan.fx.years").to_owned();
    }
    label.to_owned()
}

/// The objective in words with its unit.
pub fn objective(plan: &Plan, v: f64) -> String {
    match plan.mode {
        Mode::MinTco { .. } => rmb(v),
        Mode::MaxEflops { .. } => format!("{} EFLOPS", num(v, 3)),
        Mode::MinMw { .. } => format!("{} MW", num(v, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(rmb(7.2282e9), "RMB 7.23 bn");
        assert_eq!(rmb(1.02e6), "RMB 1.02 m");
        assert_eq!(rmb(520_000.0), "RMB 520,000");
        assert_eq!(grouped(-1234567.0), "-1,234,567");
        assert_eq!(num(1.50, 2), "1.5");
        assert_eq!(num(10.0, 2), "10");
    }
}
