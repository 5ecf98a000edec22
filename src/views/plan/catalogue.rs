//! The chip catalogue and the sites as editable tables: every default with its source chips
//! or an "assumption" mark, reported ranges as ranges, and why a chip is left out.

use super::Editor;
use super::edit::{ChipField, SiteField, Target, safe_id};
use super::field::ParamInput;
use super::runner::Runner;
use super::text;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use yunce_plan::{Chip, ExcludedChip, Exclusion, Param, Scenario};

fn exclusion(i18n: I18n, e: &Exclusion) -> String {
    match e {
        Exclusion::NoFigure => i18n.t("plan.ex.no_figure").to_owned(),
        Exclusion::NotYetAvailable(d) => i18n.format("plan.ex.not_yet", &[d]),
        Exclusion::Blocked { rule, from } => {
            i18n.format("plan.ex.blocked", &[rule.as_deref().unwrap_or("—"), from])
        }
        Exclusion::NeverSoldInChina => i18n.t("plan.ex.never_sold").to_owned(),
        Exclusion::UserExcluded => i18n.t("plan.ex.user").to_owned(),
    }
}

/// The scenario's catalogue as the preset gives it (plus imported chips), unedited.
fn base(editor: Editor, runner: Runner) -> Memo<Scenario> {
    Memo::new(move |_| {
        let mut s = super::state::preset_scenario(editor.state.with(|s| s.preset));
        s.chips.extend(runner.user_chips.get());
        s
    })
}

fn cell(editor: Editor, target: Target, default: Option<Param>, testid: String) -> impl IntoView {
    let label = testid.clone();
    view! {
        <td><ParamInput editor target default testid label=Signal::derive(move || label.clone())/></td>
    }
}

/// The allow/deny override of one chip and why the policy leaves it out.
fn status(editor: Editor, excluded: Memo<Vec<ExcludedChip>>, chip: &Chip) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = chip.id.clone();
    let name = chip.name.clone();
    let target = Target::Chip(id.clone(), ChipField::Allow);
    let read = target.clone();
    let current = Memo::new(move |_| {
        editor
            .state
            .with(|s| s.edit(&read))
            .map(|v| if v >= 0.5 { "in" } else { "out" })
            .unwrap_or("policy")
    });
    let reason_id = id.clone();
    let reason = move || {
        excluded.with(|list| {
            list.iter()
                .find(|e| e.chip_id == reason_id)
                .map(|e| exclusion(i18n, &e.reason))
        })
    };
    let on_change = move |ev| {
        let value = match event_target_value(&ev).as_str() {
            "in" => Some(1.0),
            "out" => Some(0.0),
            _ => None,
        };
        editor.update(|s| s.set_edit(target.clone(), value));
    };
    view! {
        <td>
            <select data-testid=format!("chip-{id}-allow") on:change=on_change
                aria-label=move || i18n.format("plan.allow.label", &[&name])
                prop:value=move || current.get()>
                <option value="policy">{move || i18n.t("plan.allow.policy")}</option>
                <option value="in">{move || i18n.t("plan.allow.in")}</option>
                <option value="out">{move || i18n.t("plan.allow.out")}</option>
            </select>
            {move || reason().map(|r| view! { <div class="small muted" data-testid=format!("chip-{id}-why")>{r}</div> })}
        </td>
    }
}

/// The chip catalogue.
#[component]
pub fn ChipsCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let base = base(editor, runner);
    // Why each chip is out under the current inputs (date, overrides, basis).
    let excluded = Memo::new(move |_| {
        let user = runner.user_chips.get();
        editor
            .state
            .with(|st| yunce_plan::solve::excluded(&st.scenario(&user)))
    });
    let rows = move || {
        base.with(|s| {
            s.chips
                .iter()
                .filter(|c| safe_id(&c.id))
                .map(|c| {
                    let id = c.id.clone();
                    let t = |f: ChipField| Target::Chip(id.clone(), f);
                    let tid = |f: &str| format!("chip-{id}-{f}");
                    let name = if c.vendor.is_empty() || c.name.starts_with(&c.vendor) {
                        c.name.clone()
                    } else {
                        format!("{} {}", c.vendor, c.name)
                    };
                    view! {
                        <tr data-chip=id.clone()>
                            <th scope="row">
                                // The product name as the vendor and the fact base give it.
                                <span lang="en">{name}</span>
                                {c.domestic.then(|| view! { " " <span class="flag domestic">{move || i18n.t("plan.domestic_chip")}</span> })}
                            </th>
                            {status(editor, excluded, c)}
                            {cell(editor, t(ChipField::Price), Some(c.unit_price_rmb.clone()), tid("price"))}
                            {cell(editor, t(ChipField::Server), Some(c.server_price_rmb.clone()), tid("server"))}
                            {cell(editor, t(ChipField::Tdp), Some(c.tdp_w.clone()), tid("tdp"))}
                            {cell(editor, t(ChipField::Fp16), c.fp16_tflops.clone(), tid("fp16"))}
                            {cell(editor, t(ChipField::Int8), c.int8_tops.clone(), tid("int8"))}
                            {cell(editor, t(ChipField::Cards), Some(c.cards_per_server.clone()), tid("cards"))}
                            {cell(editor, t(ChipField::Cap), c.supply_cap_cards.clone(), tid("cap"))}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let headers = [
        "plan.col.chip",
        "plan.col.status",
        "plan.col.price",
        "plan.col.server",
        "plan.col.tdp",
        "plan.col.fp16",
        "plan.col.int8",
        "plan.col.cards",
        "plan.col.cap",
    ]
    .map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> });
    view! {
        <section class="card plan-inputs">
            <h2>{move || i18n.t("plan.chips")}</h2>
            <p class="small muted">{move || i18n.t("plan.chips_note")}</p>
            <div class="table-wrap">
                <table class="data" data-testid="chips">
                    <thead><tr>{headers.into_iter().collect_view()}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The sites.
#[component]
pub fn SitesCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let base = base(editor, runner);
    let rows = move || {
        base.with(|s| {
            s.sites
                .iter()
                .map(|x| {
                    let id = x.id.clone();
                    let t = |f: SiteField| Target::Site(id.clone(), f);
                    let tid = |f: &str| format!("site-{id}-{f}");
                    view! {
                        <tr>
                            <th scope="row">{text::site_label(i18n, &x.id, &x.name)}</th>
                            {cell(editor, t(SiteField::Pue), Some(x.pue.clone()), tid("pue"))}
                            {cell(editor, t(SiteField::Elec), Some(x.electricity_rmb_kwh.clone()), tid("elec"))}
                            {cell(editor, t(SiteField::Capex), Some(x.capex_rmb_per_mw.clone()), tid("capex"))}
                            {cell(editor, t(SiteField::Mw), Some(x.mw_available.clone()), tid("mw"))}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let headers = [
        "plan.col.site",
        "plan.col.pue",
        "plan.col.elec",
        "plan.col.capex_mw",
        "plan.col.mw",
    ]
    .map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> });
    view! {
        <section class="card plan-inputs">
            <h2>{move || i18n.t("plan.sites")}</h2>
            <div class="table-wrap">
                <table class="data" data-testid="sites">
                    <thead><tr>{headers.into_iter().collect_view()}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
