//! The browser lab's work, kept here so it is pure and tested natively: build the cluster and
//! the workload from a [`LabRequest`], run every (policy, seed) in chunks, and hand each
//! [`WorkerMsg`] to a callback. The worker binary only decodes the request, reads the files
//! and posts each message as [`crate::encode`] bytes, so the browser's results are the CLI's.

use crate::capability::CapabilityTable;
use crate::cluster::Cluster;
use crate::fleet::fleet_nodes;
use crate::inflation::{RunConfig, Simulation};
use crate::model::{NodeSpec, PodSpec};
use crate::parse::{parse_nodes, parse_pods, workload_name};
use crate::preset::expand_groups;
use crate::replay::{ReplayConfig, ReplaySimulation};
use crate::scale::{scale_nodes, scale_pods};
use crate::synth::generate;
use crate::wire::{LabMode, LabOp, LabRequest, RunReport, WorkerMsg};

/// Pods (inflation) or event times (replay) per progress message.
const CHUNK: usize = 1000;

/// The largest fleet-size factor the lab accepts (×100 of openb is 121,300 nodes).
pub const MAX_LAB_SCALE: u32 = 100;

/// The most nodes a lab run may have after replication: ×100 of openb and a little more.
pub const MAX_LAB_NODES: usize = 130_000;

/// The most pods a lab run may have after replication (×100 of the default workload is
/// 815,200), so a worker's memory stays well under a tab's limit.
pub const MAX_LAB_PODS: usize = 1_000_000;

/// A dropped file: its name and text.
pub type LabFile<'a> = (&'a str, &'a str);

fn check_scale(req: &LabRequest) -> Result<u32, String> {
    if (1..=MAX_LAB_SCALE).contains(&req.scale) {
        Ok(req.scale)
    } else {
        Err(format!(
            "the fleet size must be ×1 to ×{MAX_LAB_SCALE}, not ×{}",
            req.scale
        ))
    }
}

/// The unreplicated node list: a synthetic fleet, the node file or the groups.
fn base_nodes(req: &LabRequest, nodes: Option<LabFile>) -> Result<Vec<NodeSpec>, String> {
    match (req.fleet_gpus, nodes) {
        (Some(gpus), _) => fleet_nodes(gpus, req.synth.seed),
        (None, Some((_, text))) => parse_nodes(text).map_err(|e| e.to_string()),
        (None, None) => expand_groups(&req.groups).map_err(|e| e.to_string()),
    }
}

fn cluster(req: &LabRequest, nodes: Option<LabFile>) -> Result<Cluster, String> {
    let specs = base_nodes(req, nodes)?;
    let k = check_scale(req)?;
    let total = specs.len().saturating_mul(k as usize);
    if total > MAX_LAB_NODES {
        return Err(format!(
            "×{k} of {} nodes is {total} nodes; the lab runs at most {MAX_LAB_NODES}",
            specs.len()
        ));
    }
    // Replicated exactly as `yunce-sched run --scale K`, so the CSV stays the CLI's.
    let specs = if k > 1 { scale_nodes(&specs, k) } else { specs };
    Cluster::new(&specs, true).map_err(|e| e.to_string())
}

fn workload(
    req: &LabRequest,
    c: &Cluster,
    pods: Option<LabFile>,
) -> Result<(Vec<PodSpec>, String), String> {
    let (list, name) = match pods {
        Some((name, text)) => (
            parse_pods(text).map_err(|e| e.to_string())?,
            workload_name(name),
        ),
        None => (
            generate(&req.synth, c.models()).map_err(|e| e.to_string())?,
            "synthetic".to_owned(),
        ),
    };
    let k = check_scale(req)?;
    let total = list.len().saturating_mul(k as usize);
    if total > MAX_LAB_PODS {
        return Err(format!(
            "×{k} of {} pods is {total} pods; the lab runs at most {MAX_LAB_PODS}",
            list.len()
        ));
    }
    Ok(match k {
        1 => (list, name),
        k => (scale_pods(&list, k), format!("{name}-x{k}")),
    })
}

/// A run's cluster and workload.
struct Built {
    cluster: Cluster,
    pods: Vec<PodSpec>,
    name: String,
}

/// What a run's cluster and workload depend on: the request without its jobs, and the files.
#[derive(PartialEq)]
struct BuildKey {
    req: LabRequest,
    nodes: Option<(String, String)>,
    pods: Option<(String, String)>,
}

thread_local! {
    /// The last cluster and workload built. A worker takes job after job of one comparison,
    /// and rebuilding them for each (policy, seed) cost as much as a short run.
    static BUILT: std::cell::RefCell<Option<(BuildKey, std::rc::Rc<Built>)>> =
        const { std::cell::RefCell::new(None) };
}

fn built(
    req: &LabRequest,
    nodes: Option<LabFile>,
    pods: Option<LabFile>,
) -> Result<std::rc::Rc<Built>, String> {
    let owned = |f: Option<LabFile>| f.map(|(n, t)| (n.to_owned(), t.to_owned()));
    let key = BuildKey {
        req: LabRequest {
            policies: Vec::new(),
            seeds: Vec::new(),
            runs: Vec::new(),
            capabilities: Vec::new(),
            ..req.clone()
        },
        nodes: owned(nodes),
        pods: owned(pods),
    };
    let hit = BUILT.with(|b| {
        b.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, built)| built.clone())
    });
    if let Some(built) = hit {
        return Ok(built);
    }
    let cluster = cluster(req, nodes)?;
    let (pods, name) = workload(req, &cluster, pods)?;
    let built = std::rc::Rc::new(Built {
        cluster,
        pods,
        name,
    });
    BUILT.with(|b| *b.borrow_mut() = Some((key, built.clone())));
    Ok(built)
}

fn capabilities(req: &LabRequest) -> Result<CapabilityTable, String> {
    let mut t = CapabilityTable::default();
    for (m, f) in &req.capabilities {
        t.set(m, *f)?;
    }
    Ok(t)
}

/// Handles one request; every message goes to `post`, in order. The last one is
/// [`WorkerMsg::Done`] after a run, [`WorkerMsg::Checked`] after a file check, or
/// [`WorkerMsg::Failed`] (what: `nodes`, `pods` or `run`) when anything went wrong; a failure
/// names the file's line and column when the input was at fault.
pub fn run_lab(
    req: &LabRequest,
    nodes: Option<LabFile>,
    pods: Option<LabFile>,
    post: &mut dyn FnMut(WorkerMsg),
) {
    if let Err(e) = run_inner(req, nodes, pods, post) {
        let (what, e) = match req.op {
            LabOp::CheckNodes => ("nodes", e),
            LabOp::CheckPods => ("pods", e),
            LabOp::Run => (
                "run",
                format!(
                    "{}: {e}",
                    job_label(req, nodes.map(|f| f.0), pods.map(|f| f.0))
                ),
            ),
        };
        post(WorkerMsg::Failed(what.to_owned(), e));
    }
}

/// The job in words, naming its input and its setting, for an error message: "replay of
/// pods.csv on the cluster groups with compress 2000", "reading nodes.csv".
pub fn job_label(req: &LabRequest, nodes: Option<&str>, pods: Option<&str>) -> String {
    let workload = pods.unwrap_or("the generated workload");
    let fleet = match (req.fleet_gpus, nodes) {
        (Some(gpus), _) => format!("a synthetic fleet of {gpus} GPUs"),
        (None, Some(name)) => name.to_owned(),
        (None, None) => "the cluster groups".to_owned(),
    };
    let scale = if req.scale == 1 {
        String::new()
    } else {
        format!(" at fleet size ×{}", req.scale)
    };
    match req.op {
        LabOp::CheckNodes => format!("reading {}", nodes.unwrap_or("the node list")),
        LabOp::CheckPods => format!("reading {}", pods.unwrap_or("the pod list")),
        LabOp::Run => match req.mode {
            LabMode::Inflation => format!(
                "inflation of {workload} on {fleet}{scale} with tune {}",
                req.tune
            ),
            LabMode::Replay => format!(
                "replay of {workload} on {fleet}{scale} with compress {}",
                req.compress
            ),
        },
    }
}

fn run_inner(
    req: &LabRequest,
    nodes: Option<LabFile>,
    pods: Option<LabFile>,
    post: &mut dyn FnMut(WorkerMsg),
) -> Result<(), String> {
    // A file check describes the file itself: no fleet, no replication.
    let plain = LabRequest {
        scale: 1,
        fleet_gpus: None,
        ..req.clone()
    };
    match req.op {
        LabOp::CheckNodes => {
            let c = cluster(&plain, nodes)?;
            let detail: Vec<String> = c
                .models()
                .iter()
                .map(|m| {
                    let gpus: u32 = c
                        .node_specs()
                        .iter()
                        .filter(|n| &n.model == m)
                        .map(|n| n.gpus)
                        .sum();
                    format!("{m}:{gpus}")
                })
                .collect();
            post(WorkerMsg::Checked(
                "nodes".to_owned(),
                c.len() as u64,
                c.capacity_milli(),
                detail.join(","),
            ));
            return Ok(());
        }
        LabOp::CheckPods => {
            let (p, _) = workload(&plain, &cluster(&plain, None)?, pods)?;
            let milli: u64 = p.iter().map(PodSpec::total_gpu_milli).sum();
            let timed = p
                .iter()
                .all(|x| x.creation_time.is_some() && x.deletion_time.is_some());
            post(WorkerMsg::Checked(
                "pods".to_owned(),
                p.len() as u64,
                milli,
                if timed { "timed" } else { "untimed" }.to_owned(),
            ));
            return Ok(());
        }
        LabOp::Run => {}
    }
    let built = built(req, nodes, pods)?;
    let (c, p, name) = (&built.cluster, &built.pods, &built.name);
    let caps = capabilities(req)?;
    let mut run = 0;
    for &policy in &req.policies {
        for (k, &seed) in req.seeds.iter().enumerate() {
            if !req.runs.is_empty() && !req.runs.contains(&(run as u32)) {
                run += 1;
                continue;
            }
            match req.mode {
                LabMode::Inflation => {
                    let config = RunConfig {
                        tune: req.tune,
                        capabilities: caps.clone(),
                        workload: name.clone(),
                        ..RunConfig::new(policy, seed)
                    };
                    let mut sim = Simulation::new(c, p, &config).map_err(|e| e.to_string())?;
                    loop {
                        let pr = sim.step(CHUNK);
                        post(WorkerMsg::Progress {
                            run,
                            done: pr.done as u64,
                            total: pr.total as u64,
                        });
                        if pr.is_finished() {
                            break;
                        }
                    }
                    post(WorkerMsg::Run(Box::new(RunReport::inflation(
                        run,
                        &sim.result(),
                    ))));
                    if k == 0 {
                        post(WorkerMsg::heat(policy, &sim.node_usage()));
                    }
                }
                LabMode::Replay => {
                    let config = ReplayConfig {
                        queue: req.queue,
                        capabilities: caps.clone(),
                        workload: name.clone(),
                        time_compression: req.compress,
                        ..ReplayConfig::new(policy, seed)
                    };
                    let mut sim =
                        ReplaySimulation::new(c, p, &config).map_err(|e| e.to_string())?;
                    while !sim.is_done() {
                        let pr = sim.step(CHUNK);
                        post(WorkerMsg::Progress {
                            run,
                            done: pr.done as u64,
                            total: pr.total as u64,
                        });
                    }
                    post(WorkerMsg::Run(Box::new(RunReport::replay(
                        run,
                        &sim.result(),
                    ))));
                    if k == 0 {
                        post(WorkerMsg::heat(policy, &sim.node_usage()));
                    }
                }
            }
            run += 1;
        }
    }
    post(WorkerMsg::Done);
    Ok(())
}
