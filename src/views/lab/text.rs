//! Locale keys of the engine's enums as the lab shows them.

use super::state::Tab;
use yunce_sched::{PodClass, Policy};

/// Locale key of a policy's name.
pub fn policy_key(p: Policy) -> &'static str {
    match p {
        Policy::Random => "lab.policy.random",
        Policy::DotProd => "lab.policy.dotprod",
        Policy::Clustering => "lab.policy.clustering",
        Policy::Packing => "lab.policy.packing",
        Policy::BestFit => "lab.policy.bestfit",
        Policy::Fgd => "lab.policy.fgd",
    }
}

/// Locale key of how a policy works.
pub fn policy_note_key(p: Policy) -> &'static str {
    match p {
        Policy::Random => "lab.explain.random",
        Policy::DotProd => "lab.explain.dotprod",
        Policy::Clustering => "lab.explain.clustering",
        Policy::Packing => "lab.explain.packing",
        Policy::BestFit => "lab.explain.bestfit",
        Policy::Fgd => "lab.explain.fgd",
    }
}

/// Locale key of a result tab.
pub fn tab_key(t: Tab) -> &'static str {
    match t {
        Tab::Alloc => "lab.tab.alloc",
        Tab::Frag => "lab.tab.frag",
        Tab::Fail => "lab.tab.fail",
        Tab::Model => "lab.tab.model",
        Tab::Queue => "lab.tab.queue",
        Tab::Heat => "lab.tab.heat",
    }
}

/// Locale key of a pod's request shape.
pub fn class_key(c: PodClass) -> &'static str {
    match c {
        PodClass::Cpu => "lab.class.cpu",
        PodClass::ShareGpu => "lab.class.share",
        PodClass::OneGpu => "lab.class.one",
        PodClass::TwoGpu => "lab.class.two",
        PodClass::FourGpu => "lab.class.four",
        PodClass::EightGpu | PodClass::Other => "lab.class.eight",
    }
}
