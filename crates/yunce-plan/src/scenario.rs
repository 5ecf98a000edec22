//! The planner's input: a catalogue of chips, the sites, the policy, finance and the mode.
//! One serde type, so a view's export and the CLI's `--scenario` file are the same JSON.

use serde::{Deserialize, Serialize};

use crate::param::Param;

/// One accelerator type as the planner sees it. Money is RMB, power W, compute per card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chip {
    /// Stable id: the fact-base row (`AC-005`) or a user id.
    pub id: String,
    /// Display name, e.g. `NVIDIA H20`.
    pub name: String,
    /// Vendor, e.g. `Huawei`.
    pub vendor: String,
    /// Made in China (counts toward the minimum domestic share).
    pub domestic: bool,
    /// Dense FP16/BF16 TFLOPS per card; `None` when no figure exists.
    pub fp16_tflops: Option<Param>,
    /// Dense INT8 TOPS per card: the second basis, never mixed with FP16.
    pub int8_tops: Option<Param>,
    /// Memory per card, GB.
    pub memory_gb: Option<Param>,
    /// Power per card, W (TDP, or all-in per card where the source is a system figure).
    pub tdp_w: Param,
    /// Cards per server.
    pub cards_per_server: Param,
    /// Server power besides the cards (CPUs, NICs, fans, PSU losses), W.
    pub server_overhead_w: Param,
    /// Server price besides the cards, RMB.
    pub server_price_rmb: Param,
    /// Price per card, RMB.
    pub unit_price_rmb: Param,
    /// Most cards that can be bought in the planning window; `None` = no cap.
    pub supply_cap_cards: Option<Param>,
    /// First day the chip can be bought (ISO `YYYY-MM-DD`); `None` = always.
    pub available_from: Option<String>,
    /// First day an export rule blocks it for China (ISO); `None` = never.
    pub blocked_from: Option<String>,
    /// Rule id that blocks it (`EC-002`), for the view's explanation.
    pub blocked_by: Option<String>,
    /// Never sold in mainland China at all (e.g. a cloud-only TPU).
    pub never_sold_in_china: bool,
    /// User override: `Some(true)` forces the chip in, `Some(false)` out, `None` follows policy.
    pub allowed_override: Option<bool>,
}

/// A data-centre site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// Stable id, e.g. `gansu`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Power usage effectiveness: facility power over IT power (≥ 1).
    pub pue: Param,
    /// Electricity price, RMB per kWh.
    pub electricity_rmb_kwh: Param,
    /// Electricity price for servers with domestic chips where a subsidy applies.
    pub electricity_domestic_rmb_kwh: Option<Param>,
    /// Facility capex per MW of IT load, RMB.
    pub capex_rmb_per_mw: Param,
    /// Facility power available, MW (grid connection, so IT × PUE).
    pub mw_available: Param,
    /// Rack power density, kW per rack (to count racks; not a constraint).
    pub rack_kw: Param,
}

/// Which compute figure the target and the results count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Basis {
    /// Dense FP16/BF16 FLOPS.
    #[default]
    Fp16,
    /// Dense INT8 OPS (reported as "EOPS").
    Int8,
}

/// What the solver optimises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Mode {
    /// Minimise N-year TCO (capex plus discounted opex) for at least `target` EFLOPS.
    MinTco {
        /// Compute to build, EFLOPS on the scenario's basis.
        target_eflops: f64,
    },
    /// Maximise EFLOPS within a capex budget and/or a facility-MW budget.
    MaxEflops {
        /// Capex budget, RMB.
        capex_budget_rmb: Option<f64>,
        /// Facility power budget, MW (all sites together).
        mw_budget: Option<f64>,
    },
    /// Minimise facility MW for at least `target` EFLOPS.
    MinMw {
        /// Compute to build, EFLOPS.
        target_eflops: f64,
    },
}

/// Policy: the export regime date, a minimum domestic share, a memory floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// The date whose export rules apply (ISO `YYYY-MM-DD`).
    pub as_of: String,
    /// Minimum share of the built compute on domestic chips, 0–1.
    pub min_domestic_share: Option<f64>,
    /// Minimum total accelerator memory, TB.
    pub min_memory_tb: Option<f64>,
}

/// Money over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finance {
    /// Years of opex in the TCO.
    pub years: Param,
    /// Yearly discount rate, e.g. 0.08.
    pub discount_rate: Param,
    /// Average power draw as a share of nameplate (TDP plus overhead).
    pub average_load: Param,
    /// RMB per USD, for sources that quote dollars.
    pub rmb_per_usd: Param,
}

/// Everything one solve needs. Missing fields in JSON take the fact-base defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// A short label for tables and files.
    pub name: String,
    /// What to optimise.
    pub mode: Mode,
    /// FP16 or INT8.
    pub basis: Basis,
    /// The chip catalogue.
    pub chips: Vec<Chip>,
    /// The sites.
    pub sites: Vec<Site>,
    /// Export regime and shares.
    pub policy: Policy,
    /// Money over time.
    pub finance: Finance,
}

impl Chip {
    /// Compute per card on `basis` (TFLOPS or TOPS), when the catalogue has a figure.
    pub fn compute(&self, basis: Basis) -> Option<&Param> {
        match basis {
            Basis::Fp16 => self.fp16_tflops.as_ref(),
            Basis::Int8 => self.int8_tops.as_ref(),
        }
    }
}
