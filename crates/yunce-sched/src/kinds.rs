//! The small enums that both the experiment defaults and the engines name. They live
//! apart so that `defaults` depends on no engine module and no module cycle forms.

use serde::{Deserialize, Serialize};

/// How the waiting queue is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QueueKind {
    /// Strict first-in first-out: a blocked head blocks everyone behind it.
    Fifo,
    /// FIFO order, but a later pod that fits may start while the head waits.
    Backfill,
}

impl QueueKind {
    /// Name used in output.
    pub fn name(self) -> &'static str {
        match self {
            QueueKind::Fifo => "fifo",
            QueueKind::Backfill => "backfill",
        }
    }
}

/// Experiment kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabMode {
    /// The paper's inflation experiment.
    Inflation,
    /// Time-driven replay with a queue.
    Replay,
}

impl LabMode {
    /// Name in the URL and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            LabMode::Inflation => "inflation",
            LabMode::Replay => "replay",
        }
    }

    /// Parses [`LabMode::name`].
    pub fn from_name(s: &str) -> Option<Self> {
        [LabMode::Inflation, LabMode::Replay]
            .into_iter()
            .find(|m| m.name() == s)
    }
}
