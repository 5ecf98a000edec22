//! Scenario presets: the export regimes side by side, and the seed's own numbers.

use serde::{Deserialize, Serialize};

use crate::catalogue::{default_chips, default_finance, default_sites};
use crate::facts::{Facts, iso};
use crate::param::Param;
use crate::scenario::{Basis, Mode, Policy, Scenario};

/// A named starting point for a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Preset {
    /// The day before the Oct-2023 rule (EC-002): A800 and H800 still on sale.
    BeforeOct2023,
    /// Mid-2024, after the Oct-2023 rule: H20 and L20 in volume, A800/H800 blocked.
    AfterOct2023,
    /// After the Apr-2025 H20 licence requirement (EC-004), as of Oct 2025 when the
    /// T-Head PPU cluster was shown: domestic chips and L20 only.
    AfterApr2025,
    /// The seed's intelligent-compute increment for 2025 (PT-006, about 56 EFLOPS),
    /// under the rules in force in mid-2024.
    SeedIncrement,
}

impl Preset {
    /// Every preset, in display order.
    pub const ALL: [Self; 4] = [
        Self::BeforeOct2023,
        Self::AfterOct2023,
        Self::AfterApr2025,
        Self::SeedIncrement,
    ];

    /// A stable slug for URLs and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Self::BeforeOct2023 => "before-oct-2023",
            Self::AfterOct2023 => "after-oct-2023",
            Self::AfterApr2025 => "after-apr-2025",
            Self::SeedIncrement => "seed-increment",
        }
    }

    /// The preset from its slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The compute target of a preset, with provenance: 10 EFLOPS (an assumption) for the
    /// regime presets, so they compare like with like; the seed's increment for its own.
    pub fn target(self) -> Param {
        let facts = Facts::embedded();
        match self {
            Self::SeedIncrement => facts.target("PT-006", 56.0),
            _ => Param::assumed(
                10.0,
                "A round 10 EFLOPS build, so the regimes compare like with like.",
            ),
        }
    }

    /// The policy date of the preset (ISO), taken from `export_controls.csv`.
    pub fn as_of(self) -> String {
        let facts = Facts::embedded();
        let day_before = |id: &str, fallback: &str| {
            facts
                .control_date(id)
                .and_then(|d| {
                    // No rule in the file starts on the 1st; if one does, use the fallback.
                    let prev = yunce_data::Date::new(d.year, d.month, d.day.checked_sub(1)?)?;
                    Some(iso(prev))
                })
                .unwrap_or_else(|| fallback.to_owned())
        };
        match self {
            Self::BeforeOct2023 => day_before("EC-002", "2023-10-16"),
            // H20 volume shipments began in Q2 2024 (AC-005), so mid-2024 sees it on sale.
            Self::AfterOct2023 | Self::SeedIncrement => "2024-06-30".to_owned(),
            // The PPU deployment (PP-026) is dated 2025-09-16.
            Self::AfterApr2025 => "2025-10-01".to_owned(),
        }
    }

    /// The scenario: fact-base catalogue and sites, the preset's date, target and caps.
    pub fn scenario(self) -> Scenario {
        let facts = Facts::embedded();
        let mut chips = default_chips();
        // Supply caps follow the preset's year: 2024 output for the 910B before 2025.
        if matches!(
            self,
            Self::AfterOct2023 | Self::SeedIncrement | Self::BeforeOct2023
        ) {
            for c in chips.iter_mut().filter(|c| c.id == "AC-008") {
                c.supply_cap_cards = Some(facts.param("PP-051", 200_000.0));
            }
        }
        Scenario {
            name: self.slug().to_owned(),
            mode: Mode::MinTco {
                target_eflops: self.target().value,
            },
            basis: Basis::Fp16,
            chips,
            sites: default_sites(),
            policy: Policy {
                as_of: self.as_of(),
                min_domestic_share: None,
                min_memory_tb: None,
            },
            finance: default_finance(),
        }
    }
}

impl Default for Scenario {
    /// The fact-base catalogue and sites, today's regime, a 10 EFLOPS TCO problem.
    fn default() -> Self {
        Preset::AfterApr2025.scenario()
    }
}
