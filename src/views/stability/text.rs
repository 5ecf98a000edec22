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

/// The presets' modelling notes (the engine's English) and their locale keys.
const NOTES: [(&str, &str); 8] = [
    (
        "Two zones of the region are modelled; each hosts a service on 3 hosts that needs 2.",
        "stability.note.zones",
    ),
    (
        "The zone's power and cooling is a shared dependency in series with its hosts.",
        "stability.note.zone_power",
    ),
    (
        "OUT-005 has no published end; RP-051 gives at least 7 days for key services.",
        "stability.note.sg_end",
    ),
    (
        "Each region's console depends on its control plane and on the access-key service.",
        "stability.note.ak_console",
    ),
    (
        "Alibaba announced gray verification of whitelist updates afterwards (RP-056).",
        "stability.note.ak_gray",
    ),
    (
        "The what-if stops the gray release at detection, after the first region.",
        "stability.note.ak_whatif",
    ),
    (
        "The cause was not disclosed; it is modelled as a bad change (about 70 % of outages follow changes, RP-035).",
        "stability.note.db_cause",
    ),
    (
        "Running database instances were unaffected; the segments are management operations only.",
        "stability.note.db_running",
    ),
];

/// A preset's modelling note in the reader's language; a note without a key (a changed
/// engine text, which the test below catches) is shown as the engine gives it.
pub fn note(i18n: I18n, engine_text: &str) -> String {
    NOTES
        .iter()
        .find(|(en, _)| *en == engine_text)
        .map_or_else(|| engine_text.to_owned(), |(_, key)| i18n.t(key).to_owned())
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

#[cfg(test)]
mod note_tests {
    use super::NOTES;
    use crate::i18n::LAB_FILES;
    use crate::locale_table::parse;

    /// Every preset's description (its modelling notes) has its English and Chinese
    /// text, and the English locale line is the engine's note word for word.
    #[test]
    fn every_preset_note_has_both_languages() {
        let en = parse(LAB_FILES.en);
        let zh = parse(LAB_FILES.zh);
        fn get(t: &[(&'static str, &'static str)], key: &str) -> Option<&'static str> {
            t.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        }
        let presets = yunce_reliab::presets::all().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            presets.len(),
            4,
            "the incident presets (the region has no notes)"
        );
        let mut used = Vec::new();
        for p in &presets {
            for note in &p.notes {
                let key = NOTES
                    .iter()
                    .find(|(text, _)| text == note)
                    .map(|(_, k)| *k)
                    .unwrap_or_else(|| panic!("{}: no locale key for {note:?}", p.id));
                assert_eq!(get(&en, key), Some(*note), "{key}");
                let chinese = get(&zh, key).unwrap_or_else(|| panic!("{key}: no Chinese"));
                assert!(!chinese.is_empty() && chinese != *note, "{key}");
                used.push(key);
            }
        }
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), NOTES.len(), "a note key no preset uses");
    }
}
