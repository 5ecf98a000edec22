//! What can go wrong, in words a planner understands.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Constraint;

/// One bad field of a scenario, named by its path (`chips[3].unit_price_rmb`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    /// Path of the field, e.g. `sites[1].pue`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// Why the planner returned no plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanError {
    /// The scenario has bad fields; every one is listed.
    Input(Vec<InputError>),
    /// The capex budget cannot buy one server of any allowed chip at any site.
    BudgetBelowOneServer {
        /// The budget, RMB.
        budget_rmb: f64,
        /// The cheapest allowed server, RMB (capex including its facility share).
        cheapest_rmb: f64,
        /// Its chip and site names.
        server: String,
    },
    /// The MW budget cannot power one server of any allowed chip at any site.
    MwBudgetBelowOneServer {
        /// The budget, MW.
        budget_mw: f64,
        /// The lowest facility power of one allowed server, MW.
        smallest_mw: f64,
        /// Its chip and site names.
        server: String,
    },
    /// No plan meets every constraint; `conflict` is a smallest set of constraint groups
    /// that cannot hold together (removing any one of them makes the rest feasible).
    Infeasible {
        /// The conflicting groups, in model order.
        conflict: Vec<Constraint>,
    },
    /// The objective has no limit (for example no budget and no site limit).
    Unbounded,
    /// The solver failed; the message is the solver's.
    Solver(String),
    /// The solver's answer broke a constraint when re-checked (a bug, reported honestly).
    CheckFailed(String),
    /// The caller stopped the run.
    Cancelled,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ExportRegime => write!(f, "export regime at the policy date"),
            Self::Target => write!(f, "compute target"),
            Self::CapexBudget => write!(f, "capex budget"),
            Self::MwBudget => write!(f, "MW budget"),
            Self::SiteMw(s) => write!(f, "power available at site {s}"),
            Self::SupplyCap(c) => write!(f, "supply cap of {c}"),
            Self::DomesticShare => write!(f, "minimum domestic share"),
            Self::MinMemory => write!(f, "minimum accelerator memory"),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(errors) => {
                write!(f, "bad input: ")?;
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            Self::BudgetBelowOneServer {
                budget_rmb,
                cheapest_rmb,
                server,
            } => write!(
                f,
                "the capex budget of RMB {budget_rmb:.0} is below one server: the cheapest allowed is {server} at RMB {cheapest_rmb:.0}"
            ),
            Self::MwBudgetBelowOneServer {
                budget_mw,
                smallest_mw,
                server,
            } => write!(
                f,
                "the MW budget of {budget_mw} MW is below one server: the smallest allowed is {server} at {smallest_mw:.4} MW"
            ),
            Self::Infeasible { conflict } => {
                write!(f, "no plan meets these constraints together: ")?;
                for (i, c) in conflict.iter().enumerate() {
                    if i > 0 {
                        write!(f, " + ")?;
                    }
                    write!(f, "{c}")?;
                }
                write!(f, " (relax any one of them)")
            }
            Self::Unbounded => write!(
                f,
                "the objective has no limit: add a budget or a site limit"
            ),
            Self::Solver(m) => write!(f, "solver error: {m}"),
            Self::CheckFailed(m) => write!(f, "the solver's plan failed its re-check: {m}"),
            Self::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::error::Error for PlanError {}
