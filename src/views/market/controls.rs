//! The market view's controls: measure, granularity, vendors and time range. They are
//! built once per measure (the choices differ by measure) and read the state through
//! reactive attributes, so a change elsewhere never rebuilds them and focus stays put.

use super::state::{MarketState, granularity_slug};
use crate::i18n::use_i18n;
use crate::labels::{measure_key, measure_note_key, vendor_key};
use leptos::prelude::*;
use yunce_data::{Dataset, Granularity, Measure, Period};

fn granularity_key(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "grain.year",
        Granularity::Half => "grain.half",
        Granularity::Quarter => "grain.quarter",
        _ => "grain.other",
    }
}

/// Every control above the tabs; `update` writes the next state to the URL.
#[component]
pub fn Controls(
    data: &'static Dataset,
    state: Memo<MarketState>,
    update: Callback<MarketState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let measure = Memo::new(move |_| state.with(|s| s.measure));
    let grain = Memo::new(move |_| state.with(|s| (s.measure, s.granularity)));
    let edit = move |f: &dyn Fn(&mut MarketState)| {
        let mut next = state.get_untracked();
        f(&mut next);
        update.run(next);
    };
    let pick_measure = move |ev: leptos::ev::Event| {
        let slug = event_target_value(&ev);
        if let Some(next) = Measure::from_slug(&slug).and_then(|m| MarketState::defaults(data, m)) {
            update.run(MarketState {
                tab: state.get_untracked().tab,
                ..next
            });
        }
    };
    let pick_grain = move |g: Granularity| {
        let st = state.get_untracked();
        if let Some(fresh) = MarketState::with_granularity(data, st.measure, g) {
            update.run(MarketState {
                vendors: st.vendors,
                tab: st.tab,
                ..fresh
            });
        }
    };
    let grains = move || {
        let grains = data.share_granularities(measure.get());
        (grains.len() > 1).then(|| {
            view! {
                <fieldset>
                    <legend>{move || i18n.t("market.granularity")}</legend>
                    <div class="segmented" role="group">
                        {grains
                            .into_iter()
                            .map(|g| {
                                view! {
                                    <button
                                        type="button"
                                        aria-pressed=move || state.with(|s| s.granularity == g).to_string()
                                        data-testid=format!("grain-{}", granularity_slug(g))
                                        on:click=move |_| pick_grain(g)
                                    >
                                        {move || i18n.t(granularity_key(g))}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
        })
    };
    let vendors = move || {
        data.vendors(measure.get())
            .into_iter()
            .map(|v| {
                view! {
                    <label>
                        <input
                            type="checkbox"
                            data-testid=format!("vendor-{}", v.slug())
                            prop:checked=move || state.with(|s| s.vendors.contains(&v))
                            on:change=move |ev| {
                                if state.with_untracked(|s| s.vendors == [v]) {
                                    // The last vendor stays: undo the click on the box.
                                    event_target::<web_sys::HtmlInputElement>(&ev).set_checked(true);
                                }
                                edit(&|st| {
                                    if st.vendors.contains(&v) {
                                        if st.vendors.len() > 1 {
                                            st.vendors.retain(|x| *x != v);
                                        }
                                    } else {
                                        st.vendors.push(v);
                                        let order = data.vendors(st.measure);
                                        st.vendors.sort_by_key(|x| order.iter().position(|o| o == x));
                                    }
                                })
                            }
                        />
                        {move || i18n.t(vendor_key(v))}
                    </label>
                }
            })
            .collect_view()
    };
    let period_select = move |testid: &'static str, key: &'static str, to: bool| {
        let options = move || {
            let (m, g) = grain.get();
            super::state::periods(data, m, g)
                .into_iter()
                .map(|p| {
                    let selected = move || state.with(|s| if to { s.to == p } else { s.from == p });
                    view! { <option value=p.to_string() prop:selected=selected>{p.to_string()}</option> }
                })
                .collect_view()
        };
        view! {
            <label>
                {move || i18n.t(key)} " "
                <select
                    data-testid=testid
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|st| {
                            if let Some(p) = Period::parse(&v) {
                                if to {
                                    st.to = p;
                                    st.from = st.from.min(p);
                                } else {
                                    st.from = p;
                                    st.to = st.to.max(p);
                                }
                            }
                        })
                    }
                >
                    {options}
                </select>
            </label>
        }
    };
    view! {
        <div class="controls">
            <fieldset>
                <legend>{move || i18n.t("market.measure")}</legend>
                <select data-testid="measure" aria-label=move || i18n.t("market.measure") on:change=pick_measure>
                    {data
                        .share_measures()
                        .into_iter()
                        .map(|m| {
                            view! {
                                <option value=m.slug() prop:selected=move || measure.get() == m>
                                    {move || i18n.t(measure_key(m))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="muted small" data-testid="measure-note">
                    {move || i18n.t(measure_note_key(measure.get()))}
                </p>
            </fieldset>
            {grains}
            <fieldset>
                <legend>{move || i18n.t("market.vendors")}</legend>
                <div class="checks">{vendors}</div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t("market.range")}</legend>
                <div class="row">
                    {period_select("from", "market.from", false)}
                    {period_select("to", "market.to", true)}
                </div>
            </fieldset>
        </div>
    }
}
