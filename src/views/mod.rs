//! One module per view. The [`View`] enum drives the nav, the routes, the page
//! titles and the end-to-end test that visits every view.

pub mod alibaba;
pub mod battles;
#[doc(hidden)]
pub mod check;
pub mod compute;
pub mod lab;
pub mod market;
pub mod overview;
pub mod plan;
pub mod sources;
pub mod stability;

use leptos::prelude::*;

/// Every built view. A view that is not built is not listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The thesis on one screen.
    Overview,
    /// The five battles two years on: claims, outcomes and verdicts.
    Battles,
    /// Market shares and market size, by measure.
    Market,
    /// Alibaba Cloud: timeline, financials and context.
    Alibaba,
    /// The compute plan's targets, measured capacity and accelerators.
    Compute,
    /// Every source and every known inconsistency.
    Sources,
    /// The scheduler lab: policies compared live in a Web Worker.
    Lab,
    /// The compute procurement planner, solving in a Web Worker.
    Plan,
    /// The stability simulator: outages as scenarios beside their what-ifs.
    Stability,
}

impl View {
    /// Every view in nav order.
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Battles,
        View::Market,
        View::Alibaba,
        View::Compute,
        View::Sources,
        View::Lab,
        View::Plan,
        View::Stability,
    ];

    /// The route path.
    pub fn path(self) -> &'static str {
        match self {
            View::Overview => "/",
            View::Battles => "/battles",
            View::Market => "/market",
            View::Alibaba => "/alibaba",
            View::Compute => "/compute",
            View::Sources => "/sources",
            View::Lab => "/lab",
            View::Plan => "/plan",
            View::Stability => "/stability",
        }
    }

    /// The locale key of the nav label and page title.
    pub fn title_key(self) -> &'static str {
        match self {
            View::Overview => "view.overview",
            View::Battles => "view.battles",
            View::Market => "view.market",
            View::Alibaba => "view.alibaba",
            View::Compute => "view.compute",
            View::Sources => "view.sources",
            View::Lab => "view.lab",
            View::Plan => "view.plan",
            View::Stability => "view.stability",
        }
    }

    /// The view at a path; trailing slashes are ignored, and `/index.html` (what some hosts
    /// and bookmarks use) is the overview.
    pub fn from_path(path: &str) -> Option<View> {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() || trimmed == "/index.html" {
            "/"
        } else {
            trimmed
        };
        Self::ALL.into_iter().find(|v| v.path() == trimmed)
    }

    /// Whether the view is one of the labs, which live in the bundle loaded on demand.
    pub fn is_lab(self) -> bool {
        matches!(self, View::Lab | View::Plan | View::Stability)
    }

    /// Whether the view has a Run button (`id="run"`), which the shell's second skip link
    /// focuses: the labs' runs and the planner's frontier sweep.
    pub fn has_run(self) -> bool {
        self.is_lab()
    }

    /// Renders the view in the shell: a story view directly, a lab through the labs
    /// bundle. Only this bundle's views are linked into it.
    pub fn render(self) -> AnyView {
        match self {
            View::Overview => overview::OverviewView().into_any(),
            View::Battles => battles::BattlesView().into_any(),
            View::Market => market::MarketView().into_any(),
            View::Alibaba => alibaba::AlibabaView().into_any(),
            View::Compute => compute::ComputeView().into_any(),
            View::Sources => sources::SourcesView().into_any(),
            View::Lab | View::Plan | View::Stability => {
                view! { <crate::lazy::LabHost path=self.path()/> }.into_any()
            }
        }
    }

    /// Renders a lab; only the labs bundle calls this (a story view renders nothing here).
    pub fn render_lab(self) -> AnyView {
        match self {
            View::Lab => lab::LabView().into_any(),
            View::Plan => plan::PlanView().into_any(),
            View::Stability => stability::StabilityView().into_any(),
            _ => ().into_any(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn paths_round_trip_and_index_html_is_the_overview() {
        for v in View::ALL {
            assert_eq!(View::from_path(v.path()), Some(v));
            assert_eq!(View::from_path(&format!("{}/", v.path())), Some(v));
        }
        assert_eq!(View::from_path("/index.html"), Some(View::Overview));
        assert_eq!(View::from_path("/nowhere"), None);
    }
}
