//! Stateless render pieces of the battles view: the seed's claim, the verdict with its
//! evidence, the "try it" links, headline figures and the outcome cards. Their text is
//! plain; the view rebuilds them on a language or state change.

use super::model::{
    confidence_color, confidence_key, date_label, figure_parts, figure_text, outcomes_shown,
    verdict_key,
};
use super::state::BattlesState;
use crate::components::figure_link::FigureLink;
use crate::components::source_chip::{follow, source_chips};
use crate::data::fact;
use crate::i18n::{I18n, Lang};
use leptos::prelude::*;
use yunce_data::{Battle, Dataset, Outcome};

/// The in-page anchor of an outcome card.
pub fn anchor(row_id: &str) -> String {
    format!("row-{row_id}")
}

/// The seed's claim: its own Chinese words, and the English summary.
pub fn claim(data: &'static Dataset, b: &'static Battle, i18n: I18n) -> impl IntoView {
    let zh = i18n.lang.get() == Lang::Zh;
    view! {
        <div class="claim" data-testid=format!("claim-{}", b.n)>
            <div class="muted small">{i18n.t("battles.claim")}</div>
            <p class="claim-zh" lang="zh-CN"><strong>{b.title_zh.clone()}</strong></p>
            {(!zh).then(|| view! { <p><em>{b.title_en.clone()}</em></p> })}
            <p>{fact(i18n, data, &b.id, "summary_en", &b.summary_en).to_owned()}</p>
            <p class="muted small">
                {i18n.t("battles.claim_source")} " " {source_chips(&b.source_ids)}
            </p>
        </div>
    }
}

/// The verdict, marked as our reading, with the button that opens its evidence and,
/// when open, the rows that support it.
pub fn verdict(
    data: &'static Dataset,
    b: &'static Battle,
    state: &BattlesState,
    i18n: I18n,
    toggle: Callback<u8>,
) -> Option<impl IntoView + use<>> {
    let v = data.verdict_of(&b.id)?;
    let open = state.evidence == Some(b.n);
    let n = b.n;
    let list_id = format!("evidence-{n}");
    let items = open.then(|| {
        v.evidence
            .iter()
            .map(|id| match data.outcome(id) {
                Some(o) => {
                    let what = fact(i18n, data, id, "metric", &o.metric).to_owned();
                    let conf = i18n.t(confidence_key(o.meta.confidence));
                    view! {
                        <li>
                            <a href=format!("#{}", anchor(id)) data-testid="evidence-link">{id.clone()}</a>
                            {format!(" · {} · {what} · {conf}", date_label(o, i18n.lang.get()))}
                        </li>
                    }
                    .into_any()
                }
                None => view! { <li><FigureLink id=id.clone()/></li> }.into_any(),
            })
            .collect_view()
    });
    Some(view! {
        <div class=format!("verdict verdict-{}", v.verdict.slug()) data-testid=format!("verdict-{n}")>
            <div class="muted small">{i18n.t("battles.our_reading")}</div>
            <p class="verdict-word"><strong>{i18n.t(verdict_key(v.verdict))}</strong></p>
            <p>{fact(i18n, data, &v.id, "reading", &v.reading).to_owned()}</p>
            <button
                type="button"
                data-testid=format!("evidence-toggle-{n}")
                aria-expanded=open.to_string()
                aria-controls=list_id.clone()
                on:click=move |_| toggle.run(n)
            >
                {i18n.format("battles.evidence", &[&v.evidence.len().to_string()])}
            </button>
            <ul id=list_id class="small evidence" data-testid=format!("evidence-list-{n}") hidden=!open>
                {items}
            </ul>
        </div>
    })
}

/// The lab presets that let a reader try the battle's question.
pub fn try_links(data: &'static Dataset, b: &'static Battle, i18n: I18n) -> impl IntoView {
    let links = data.try_links_of(&b.id);
    (!links.is_empty()).then(|| {
        view! {
            <div class="try" data-testid=format!("try-{}", b.n)>
                <strong>{i18n.t("battles.try_it")}</strong>
                <ul>
                    {links
                        .into_iter()
                        .map(|t| {
                            view! {
                                <li>
                                    <a href=t.href.clone() data-testid=format!("try-link-{}", t.id) on:click=follow>
                                        {fact(i18n, data, &t.id, "what", &t.what).to_owned()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The figures of the rows the verdict cites, as headline numbers with their sources.
pub fn headlines(
    data: &'static Dataset,
    b: &'static Battle,
    state: &BattlesState,
    i18n: I18n,
) -> impl IntoView + use<> {
    let cited = data
        .verdict_of(&b.id)
        .map(|v| v.evidence.clone())
        .unwrap_or_default();
    let cards: Vec<&Outcome> = cited
        .iter()
        .filter_map(|id| data.outcome(id))
        .filter(|o| o.value.is_some() && state.floor.admits(o.meta.confidence))
        .take(4)
        .collect();
    (!cards.is_empty()).then(|| {
        view! {
            <div class="headlines">
                {cards
                    .into_iter()
                    .map(|o| {
                        view! {
                            <div class="card" data-testid=format!("headline-{}", o.meta.id)>
                                {figure_parts(data, o, i18n).map(|(n, u)| view! {
                                    <div class="figure-value">{n} " " <span class="unit">{u}</span></div>
                                })}
                                <div class="small">{fact(i18n, data, &o.meta.id, "metric", &o.metric).to_owned()}</div>
                                <div class="small muted">
                                    {date_label(o, i18n.lang.get())} " · "
                                    {confidence_badge(o, i18n)} " "
                                    {source_chips(&o.meta.source_ids)}
                                </div>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        }
    })
}

/// A confidence badge in the reader's language, coloured like the strip's marks.
pub fn confidence_badge(o: &Outcome, i18n: I18n) -> impl IntoView + use<> {
    let c = o.meta.confidence;
    view! {
        <span class=format!("badge conf-{} c{}", c.slug(), confidence_color(c)) data-testid="confidence">
            {i18n.t(confidence_key(c))}
        </span>
    }
}

/// One outcome as a card: date, confidence, subject, figure, what happened, the 2024
/// expectation it speaks to, the caveat, its sources and its row link.
pub fn outcome_card(
    data: &'static Dataset,
    o: &'static Outcome,
    state: &BattlesState,
    i18n: I18n,
) -> impl IntoView + use<> {
    let id = &o.meta.id;
    let f = |field: &'static str, en: &'static str| fact(i18n, data, id, field, en).to_owned();
    let cited = data
        .verdict_of(&o.battle)
        .is_some_and(|v| v.evidence.contains(id));
    let highlighted = state.row.as_deref() == Some(id.as_str())
        || (cited && state.evidence.is_some_and(|n| o.battle == format!("B-{n}")));
    let figure = figure_text(data, o, i18n);
    let note = (!o.meta.note.trim().is_empty()).then(|| f("note", &o.meta.note));
    view! {
        <article
            id=anchor(id)
            class="card outcome"
            class:cited=cited
            class:highlight=highlighted
            data-testid=format!("outcome-{id}")
        >
            <div class="small">
                <span data-testid="outcome-date">{date_label(o, i18n.lang.get())}</span> " · "
                {confidence_badge(o, i18n)}
                {cited.then(|| view! { " · " <span class="badge cited">{i18n.t("battles.cited")}</span> })}
            </div>
            <h3>{f("subject", &o.subject)}</h3>
            <p>
                {f("metric", &o.metric)}
                {figure.map(|t| view! { ": " <strong data-testid="outcome-figure">{t}</strong> })}
            </p>
            <p>{f("outcome", &o.outcome)}</p>
            <p class="small">{i18n.t("battles.speaks_to")} " " <em>{f("claim_2024", &o.claim_2024)}</em></p>
            {note.map(|n| view! { <p class="small muted">{n}</p> })}
            <p class="small" data-testid="outcome-sources">
                {i18n.t("battles.sources")} " " {source_chips(&o.meta.source_ids)} " " <FigureLink id=id.clone()/>
            </p>
        </article>
    }
}

/// Every outcome card of a battle that the floor admits, and how many it hides.
pub fn outcome_list(
    data: &'static Dataset,
    b: &'static Battle,
    state: &BattlesState,
    i18n: I18n,
) -> impl IntoView + use<> {
    let rows = outcomes_shown(data, state, b);
    let hidden = data.outcomes_of(&b.id).len() - rows.len();
    view! {
        <div class="outcomes" data-testid=format!("outcomes-{}", b.n)>
            {rows.into_iter().map(|o| outcome_card(data, o, state, i18n)).collect_view()}
        </div>
        {(hidden > 0).then(|| view! {
            <p class="muted small" data-testid=format!("hidden-{}", b.n)>
                {i18n.format("battles.hidden", &[&hidden.to_string()])}
            </p>
        })}
    }
}
