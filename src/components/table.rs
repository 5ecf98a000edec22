//! The data table: a header from locale keys, rows from the caller, and a CSV
//! download built from the caller's model rows (never read back from the page), with
//! stable column ids and plain values that do not change with the UI language.

use super::download::{csv_text, save_text};
use super::figure_link::FigureLink;
use super::source_chip::source_chips;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use yunce_data::{Confidence, Meta, Origin};

/// A CSV from model rows: column ids and one row of plain values per record. An
/// absent value is an empty cell; flags are columns of their own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvTable {
    /// Stable column ids (`row_id`, `revenue_rmb_m`, ...), the same in every language.
    pub columns: Vec<&'static str>,
    /// One row per record, aligned with `columns`.
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// The CSV text: quoted where needed and safe against formula injection.
    pub fn text(&self) -> String {
        csv_text(&self.columns, &self.rows)
    }
}

/// The CSV columns every fact row ends with, and their values.
pub const PROVENANCE_COLUMNS: [&str; 3] = ["confidence", "origin", "source_ids"];

/// Values for [`PROVENANCE_COLUMNS`].
pub fn provenance_values(meta: &Meta) -> [String; 3] {
    [
        meta.confidence.slug().to_string(),
        meta.origin.slug().to_string(),
        meta.source_ids.join(";"),
    ]
}

/// A table with its CSV button (`{testid}-csv`). `headers` are locale keys; `rows`
/// renders the `<tbody>` content; `csv` builds the download from the model.
#[component]
pub fn DataTable(
    testid: &'static str,
    #[prop(into)] headers: Signal<Vec<&'static str>>,
    csv: Callback<(), CsvTable>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = move |_| {
        let text = csv.run(()).text();
        save_text(
            &format!("yunce-{testid}.csv"),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    view! {
        <div class="row toolbar">
            <button type="button" data-testid=format!("{testid}-csv") on:click=save>
                {move || i18n.t("download.csv")}
            </button>
        </div>
        <div class="table-wrap">
            <table data-testid=testid class="data">
                <thead>
                    <tr>
                        {move || {
                            headers
                                .get()
                                .into_iter()
                                .map(|key| view! { <th scope="col">{i18n.t(key)}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// A mark on a figure: its CSS class and visible label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag {
    /// `derived`, `low`, `straddle`.
    pub class: &'static str,
    /// The text shown.
    pub label: &'static str,
}

/// Marks for a row: derived figures, and low-confidence or seed-only ones.
pub fn flags(meta: &Meta, i18n: I18n) -> Vec<Flag> {
    let mut out = Vec::new();
    if meta.origin == Origin::Derived {
        out.push(Flag {
            class: "derived",
            label: i18n.t("alibaba.flag_derived"),
        });
    }
    if meta.confidence <= Confidence::Low {
        out.push(Flag {
            class: "low",
            label: badge_key(meta.confidence.slug()).map_or("low", |k| i18n.t(k)),
        });
    }
    out
}

/// A number cell with its marks; an empty value is a gap, shown as a dash.
pub fn num_cell(text: String, marks: Vec<Flag>) -> impl IntoView {
    let gap = text.is_empty();
    view! {
        <td class="num" class:gap=gap>
            {if gap { "—".to_string() } else { text }}
            {marks
                .into_iter()
                .map(|f| view! { " " <span class=format!("flag {}", f.class)>{f.label}</span> })
                .collect_view()}
        </td>
    }
}

/// The locale key of a badge's word; the slug stays the CSS class and the CSV value.
fn badge_key(slug: &str) -> Option<&'static str> {
    Some(match slug {
        "high" => "badge.high",
        "medium" => "badge.medium",
        "low" => "badge.low",
        "unverified" => "badge.unverified",
        "medium-unverified" => "badge.medium-unverified",
        "check-passed" => "badge.check-passed",
        "seed" => "badge.seed",
        "external" => "badge.external",
        _ => return None,
    })
}

/// A confidence (or severity, or origin) badge, its word in the reader's language.
pub fn badge(slug: &'static str) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let word = move || badge_key(slug).map_or(slug, |k| i18n.t(k));
    view! { <span class=format!("badge {slug}")>{word}</span> }
}

/// The confidence, sources and row-id cells every fact row ends with.
pub fn provenance_cells(meta: &Meta) -> impl IntoView + use<> {
    view! {
        <td>{badge(meta.confidence.slug())}</td>
        <td>{source_chips(&meta.source_ids)}</td>
        <td><FigureLink id=meta.id.clone()/></td>
    }
}
