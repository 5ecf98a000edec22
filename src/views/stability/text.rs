//! Locale keys and words for the engine's enums and reasons.

use super::state::Param;
use crate::i18n::I18n;
use yunce_reliab::setup::SetupError;
use yunce_reliab::{Method, Problem};

/// The label key of an editable parameter.
pub fn param_key(p: Param) -> &'static str {
    match p {
        Param::NodeMtbf => "stability.param.node_mtbf",
        Param::NodeRepair => "stability.param.node_repair",
        Param::PowerRate => "stability.param.power_rate",
        Param::PowerMedian => "stability.param.power_median",
        Param::PowerSigma => "stability.param.power_sigma",
        Param::ControlPlaneRate => "stability.param.control_plane",
        Param::ServiceRate => "stability.param.service",
        Param::DnsRate => "stability.param.dns",
        Param::Deploys => "stability.param.deploys",
        Param::ChangeFailure => "stability.param.change_failure",
        Param::Bake => "stability.param.bake",
        Param::Detect => "stability.param.detect",
        Param::Locate => "stability.param.locate",
        Param::Recover => "stability.param.recover",
    }
}

/// The label key of a preset or what-if id.
pub fn preset_key(id: &str) -> &'static str {
    match id {
        "hk-zone-c" => "stability.preset.hk-zone-c",
        "ak-whitelist" => "stability.preset.ak-whitelist",
        "db-consoles" => "stability.preset.db-consoles",
        "sg-zone-c" => "stability.preset.sg-zone-c",
        "region" => "stability.preset.region",
        "multi-zone" => "stability.whatif.multi-zone",
        "regional-gray" => "stability.whatif.regional-gray",
        "response-1-5-10" => "stability.whatif.response-1-5-10",
        _ => "stability.whatif.other",
    }
}

/// How an estimate was obtained.
pub fn method_key(m: Method) -> &'static str {
    match m {
        Method::MonteCarloMean => "stability.method.mean",
        Method::MonteCarloProportion => "stability.method.proportion",
        Method::MonteCarloPercentile => "stability.method.percentile",
        Method::Exact => "stability.method.exact",
    }
}

/// The engine's reason for refusing a setup, in the UI language, with the field path.
pub fn rejection(i18n: I18n, e: &SetupError) -> String {
    let (side, error) = match e {
        SetupError::Setup(m) => return m.clone(),
        SetupError::Rejected { side, error } => (*side, error),
    };
    let side = if side == 0 {
        i18n.t("stability.side.incident")
    } else {
        i18n.t("stability.side.what_if")
    };
    let n = |v: f64| format!("{v}");
    let why = match &error.problem {
        Problem::NotFinite => i18n.t("stability.problem.not_finite").to_owned(),
        Problem::NotPositive(v) => i18n.format("stability.problem.not_positive", &[&n(*v)]),
        Problem::Negative(v) => i18n.format("stability.problem.negative", &[&n(*v)]),
        Problem::ZeroRepairTime => i18n.t("stability.problem.zero_repair").to_owned(),
        Problem::MtbfNotAboveMttr {
            mtbf_hours,
            mttr_hours,
        } => i18n.format(
            "stability.problem.mtbf_mttr",
            &[&n(*mtbf_hours), &format!("{mttr_hours:.3}")],
        ),
        Problem::KAboveN { k, n: count } => i18n.format(
            "stability.problem.k_above_n",
            &[&k.to_string(), &count.to_string()],
        ),
        Problem::KZero => i18n.t("stability.problem.k_zero").to_owned(),
        Problem::ProbabilityOutOfRange(v) => {
            i18n.format("stability.problem.probability", &[&n(*v)])
        }
        Problem::SigmaTooLarge(v) => i18n.format("stability.problem.sigma", &[&n(*v)]),
        Problem::SharesAboveOne(v) => i18n.format("stability.problem.shares", &[&n(*v)]),
        Problem::TooLarge { found, limit } => i18n.format(
            "stability.problem.too_large",
            &[&found.to_string(), &limit.to_string()],
        ),
        other => other.to_string(),
    };
    i18n.format("stability.rejected", &[side, &error.path, &why])
}

/// A number for the page: up to `decimals` places, trailing zeros dropped.
pub fn num(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A reactive text for `key`: one closure type for every static label, so the renderer is
/// compiled once for all of them (each `move ||` closure would be its own type).
pub fn tr(
    i18n: I18n,
    key: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || i18n.t(key)
}
