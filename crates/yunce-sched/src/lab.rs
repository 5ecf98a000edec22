//! The browser lab's work, kept here so it is pure and tested natively: build the cluster and
//! the workload from a [`LabRequest`], run every (policy, seed) in chunks, and hand each
//! [`WorkerMsg`] to a callback. The worker binary only decodes the request, reads the files
//! and posts each message as [`crate::encode`] bytes, so the browser's results are the CLI's.

use crate::capability::CapabilityTable;
use crate::cluster::Cluster;
use crate::inflation::{RunConfig, Simulation};
use crate::model::PodSpec;
use crate::parse::{parse_nodes, parse_pods, workload_name};
use crate::preset::expand_groups;
use crate::replay::{ReplayConfig, ReplaySimulation};
use crate::synth::generate;
use crate::wire::{LabMode, LabOp, LabRequest, RunReport, WorkerMsg};

/// Pods (inflation) or event times (replay) per progress message.
const CHUNK: usize = 1000;

/// A dropped file: its name and text.
pub type LabFile<'a> = (&'a str, &'a str);

fn cluster(req: &LabRequest, nodes: Option<LabFile>) -> Result<Cluster, String> {
    let specs = match nodes {
        Some((_, text)) => parse_nodes(text).map_err(|e| e.to_string())?,
        None => expand_groups(&req.groups).map_err(|e| e.to_string())?,
    };
    Cluster::new(&specs, true).map_err(|e| e.to_string())
}

fn workload(
    req: &LabRequest,
    c: &Cluster,
    pods: Option<LabFile>,
) -> Result<(Vec<PodSpec>, String), String> {
    match pods {
        Some((name, text)) => Ok((
            parse_pods(text).map_err(|e| e.to_string())?,
            workload_name(name),
        )),
        None => Ok((
            generate(&req.synth, c.models()).map_err(|e| e.to_string())?,
            "synthetic".to_owned(),
        )),
    }
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
        let what = match req.op {
            LabOp::CheckNodes => "nodes",
            LabOp::CheckPods => "pods",
            LabOp::Run => "run",
        };
        post(WorkerMsg::Failed(what.to_owned(), e));
    }
}

fn run_inner(
    req: &LabRequest,
    nodes: Option<LabFile>,
    pods: Option<LabFile>,
    post: &mut dyn FnMut(WorkerMsg),
) -> Result<(), String> {
    match req.op {
        LabOp::CheckNodes => {
            let c = cluster(req, nodes)?;
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
            let (p, _) = workload(req, &cluster(req, None)?, pods)?;
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
    let c = cluster(req, nodes)?;
    let (p, name) = workload(req, &c, pods)?;
    let caps = capabilities(req)?;
    let mut run = 0;
    for &policy in &req.policies {
        for (k, &seed) in req.seeds.iter().enumerate() {
            match req.mode {
                LabMode::Inflation => {
                    let config = RunConfig {
                        tune: req.tune,
                        capabilities: caps.clone(),
                        workload: name.clone(),
                        ..RunConfig::new(policy, seed)
                    };
                    let mut sim = Simulation::new(&c, &p, &config).map_err(|e| e.to_string())?;
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
                        ReplaySimulation::new(&c, &p, &config).map_err(|e| e.to_string())?;
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
