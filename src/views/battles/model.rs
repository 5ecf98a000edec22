//! What the battles view shows, derived from the dataset and the state: the outcomes of
//! a battle, the dated strip, the CSV of every row shown, and the view's choices (which
//! rows are the AI-revenue streak and the capex figures).

use super::state::BattlesState;
use crate::components::table::{CsvTable, PROVENANCE_COLUMNS, provenance_values};
use crate::data::fact;
use crate::i18n::{I18n, Lang};
use leptos::prelude::Get;
use yunce_chart::{TimelineGroup, TimelineMark, TimelineSpec};
use yunce_data::compute::story::day_number;
use yunce_data::records::common::distinct_ids;
use yunce_data::{Battle, Confidence, Dataset, Date, Outcome, Period, Verdict};

/// The first and last day the strips show: the seed's month to the newest outcome.
pub const STRIP_FROM: (i32, u8, u8) = (2024, 1, 1);
/// See [`STRIP_FROM`].
pub const STRIP_TO: (i32, u8, u8) = (2026, 6, 30);

/// The day the seed was published, from the article row.
pub fn seed_date(data: &Dataset) -> Option<Date> {
    data.article
        .iter()
        .find(|a| a.kind == "article")
        .and_then(|a| Date::parse(&a.published))
}

/// The outcomes of a battle that the confidence floor admits, oldest first.
pub fn outcomes_shown<'a>(data: &'a Dataset, state: &BattlesState, b: &Battle) -> Vec<&'a Outcome> {
    data.outcomes_of(&b.id)
        .into_iter()
        .filter(|o| state.floor.admits(o.meta.confidence))
        .collect()
}

/// The palette index of a confidence level, shared by the strip and the cards.
pub fn confidence_color(c: Confidence) -> usize {
    match c {
        Confidence::High => 0,
        Confidence::Medium => 2,
        _ => 5,
    }
}

/// The locale key of a confidence level.
pub fn confidence_key(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "battles.conf_high",
        Confidence::Medium => "battles.conf_medium",
        _ => "battles.conf_low",
    }
}

/// The locale key of a verdict.
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Won => "battles.v_won",
        Verdict::Mixed => "battles.v_mixed",
        Verdict::Lost => "battles.v_lost",
        Verdict::TooEarly => "battles.v_too_early",
    }
}

/// An outcome's date as shown: as written in English (it may carry a qualifier such as
/// "(SOSP 2025)"), the period in Chinese form in 中文.
pub fn date_label(o: &Outcome, lang: Lang) -> String {
    match lang {
        Lang::En => o.date_written.clone(),
        Lang::Zh => crate::format::period(lang, o.period),
    }
}

/// An outcome's figure as shown: the number with thousands separators (ranges and
/// words as written), and its unit in the reader's language.
pub fn figure_parts(data: &Dataset, o: &Outcome, i18n: I18n) -> Option<(String, String)> {
    if !o.has_figure() {
        return None;
    }
    if let Some(text) = crate::format::money(i18n.lang.get(), o.value, &o.unit) {
        return Some((text, String::new()));
    }
    let number = match o.value {
        Some(v) => crate::format::number(v, 3),
        None => o.value_written.clone(),
    };
    let unit = fact(i18n, data, &o.meta.id, "unit", &o.unit).to_owned();
    Some((number, unit))
}

/// [`figure_parts`] as one string.
pub fn figure_text(data: &Dataset, o: &Outcome, i18n: I18n) -> Option<String> {
    figure_parts(data, o, i18n).map(|(n, u)| format!("{n} {u}"))
}

/// The dated strip of one battle: a mark per outcome shown, coloured by confidence,
/// with the seed's publication day as a band.
pub fn strip_spec(
    data: &Dataset,
    b: &Battle,
    rows: &[&Outcome],
    i18n: I18n,
    width: f64,
) -> TimelineSpec {
    let levels = [Confidence::High, Confidence::Medium, Confidence::Low];
    let groups = levels
        .iter()
        .map(|c| TimelineGroup {
            key: c.slug().to_owned(),
            label: i18n.t(confidence_key(*c)).to_owned(),
            color: confidence_color(*c),
        })
        .collect();
    let marks = rows
        .iter()
        .map(|o| {
            let level = levels
                .iter()
                .position(|c| *c == o.meta.confidence)
                .unwrap_or(2);
            let what = fact(i18n, data, &o.meta.id, "metric", &o.metric);
            let text = match figure_text(data, o, i18n) {
                Some(f) => format!("{what}: {f}"),
                None => what.to_owned(),
            };
            TimelineMark {
                start: day_number(o.period.start()),
                end: day_number(o.period.end()),
                group: level,
                date_label: date_label(o, i18n.lang.get()),
                text,
                note: Some(o.meta.id.clone()),
            }
        })
        .collect();
    let sources = distinct_ids(
        rows.iter()
            .flat_map(|o| o.meta.source_ids.iter().map(String::as_str)),
    );
    let day = |(y, m, d): (i32, u8, u8)| Date::new(y, m, d).map_or(0, day_number);
    let ticks = (2024..=2026)
        .flat_map(|y| [(y, 1u8), (y, 7u8)])
        .filter_map(|(y, m)| {
            let label = crate::format::period(i18n.lang.get(), Period::Month(y, m));
            Date::new(y, m, 1).map(|d| (day_number(d), label))
        })
        .collect();
    let band = seed_date(data).map(|d| yunce_chart::TimelineBand {
        start: day_number(d),
        end: day_number(d) + 6,
        label: i18n.format("battles.seed_band", &[&d.to_string()]),
    });
    TimelineSpec {
        title: i18n.format("battles.strip_title", &[&b.n.to_string()]),
        subtitle: i18n.format("battles.strip_subtitle", &[&rows.len().to_string()]),
        source: i18n.format("chart.source", &[&sources.join(", ")]),
        from: day(STRIP_FROM),
        to: day(STRIP_TO),
        ticks,
        band,
        groups,
        marks,
        width,
    }
}

/// The CSV of every outcome shown, with its battle's verdict and whether the verdict
/// cites it. Values are the fact base's, the same in every language.
pub fn outcomes_csv(data: &Dataset, state: &BattlesState) -> CsvTable {
    let mut columns = vec![
        "battle",
        "row_id",
        "date",
        "subject",
        "metric",
        "value",
        "unit",
        "claim_2024",
        "outcome",
        "verdict",
        "cited_by_verdict",
        "note",
    ];
    columns.extend(PROVENANCE_COLUMNS);
    let mut rows = Vec::new();
    for b in data.battles.iter().filter(|b| state.shows(b.n)) {
        let verdict = data.verdict_of(&b.id);
        for o in outcomes_shown(data, state, b) {
            let cited = verdict.is_some_and(|v| v.evidence.contains(&o.meta.id));
            let mut row = vec![
                b.id.clone(),
                o.meta.id.clone(),
                o.date_written.clone(),
                o.subject.clone(),
                o.metric.clone(),
                o.value_written.clone(),
                o.unit.clone(),
                o.claim_2024.clone(),
                o.outcome.clone(),
                verdict
                    .map(|v| v.verdict.slug().to_owned())
                    .unwrap_or_default(),
                if cited { "yes" } else { "no" }.to_owned(),
                o.meta.note.clone(),
            ];
            row.extend(provenance_values(&o.meta));
            rows.push(row);
        }
    }
    CsvTable { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::router::QueryMap;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_csv_holds_every_outcome_once_and_only_admitted_ones_under_a_floor() {
        let all = outcomes_csv(data(), &BattlesState::default());
        assert_eq!(all.rows.len(), data().outcomes.len());
        let mut ids: Vec<&str> = all.rows.iter().map(|r| r[1].as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), data().outcomes.len());
        let (high, _) = BattlesState::from_query(data(), &QueryMap::parse("?conf=high"));
        let firm = outcomes_csv(data(), &high);
        let expected = data()
            .outcomes
            .iter()
            .filter(|o| o.meta.confidence == Confidence::High)
            .count();
        assert_eq!(firm.rows.len(), expected);
    }

    #[test]
    fn every_battle_has_a_verdict_citing_its_own_rows() {
        for b in &data().battles {
            let v = data()
                .verdict_of(&b.id)
                .unwrap_or_else(|| panic!("{} has no verdict", b.id));
            assert!(
                v.evidence
                    .iter()
                    .any(|id| data().outcome(id).is_some_and(|o| o.battle == b.id)),
                "{} cites none of its outcomes",
                b.id
            );
        }
    }
}
