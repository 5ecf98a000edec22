//! The `run` and `summary` subcommands.

use super::args::Args;
use super::parallel::parallel;
use std::sync::Mutex;
use std::time::Instant;
use yunce_sched::{
    CURVE_CSV_HEADER, Cluster, LabMode, Policy, RunConfig, RunResult, parse_nodes, parse_pods,
    render_summary, scale_nodes, scale_pods, summarize, summarize_csv, workload_name,
    write_curve_csv,
};

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn write(path: &str, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))
}

pub fn run(a: &Args) -> Result<(), String> {
    let nodes = parse_nodes(&read(&a.nodes)?).map_err(|e| format!("{}: {e}", a.nodes))?;
    let pods = parse_pods(&read(&a.pods)?).map_err(|e| format!("{}: {e}", a.pods))?;
    let (nodes, pods) = if a.scale > 1 {
        (scale_nodes(&nodes, a.scale), scale_pods(&pods, a.scale))
    } else {
        (nodes, pods)
    };
    let cluster = Cluster::new(&nodes, true).map_err(|e| e.to_string())?;
    let workload = match a.scale {
        1 => workload_name(&a.pods),
        k => format!("{}-x{k}", workload_name(&a.pods)),
    };
    eprintln!(
        "cluster: {} GPU nodes, {} GPUs; workload {workload}: {} pods",
        cluster.len(),
        cluster.total_gpus(),
        pods.len()
    );
    match a.mode {
        LabMode::Inflation => run_inflation(a, &cluster, &pods, &workload),
        LabMode::Replay => super::run_replay::run(a, &cluster, &pods, &workload),
    }
}

fn run_inflation(
    a: &Args,
    cluster: &Cluster,
    pods: &[yunce_sched::PodSpec],
    workload: &str,
) -> Result<(), String> {
    let jobs: Vec<(Policy, u64)> = a
        .policies
        .iter()
        .flat_map(|&p| a.seeds.iter().map(move |&s| (p, s)))
        .collect();
    let total = jobs.len();
    let done = Mutex::new(0usize);
    let started = Instant::now();
    let results: Vec<Result<RunResult, String>> = parallel(&jobs, a.threads, |&(policy, seed)| {
        let t = Instant::now();
        let cfg = RunConfig {
            policy,
            seed,
            tune: a.tune,
            capabilities: a.capabilities.clone(),
            workload: workload.to_owned(),
        };
        let r = yunce_sched::run_inflation(cluster, pods, &cfg).map_err(|e| e.to_string());
        if let (Ok(r), Ok(mut d)) = (&r, done.lock()) {
            *d += 1;
            let alloc = r
                .at(100)
                .and_then(|p| p.gpu_alloc_pct)
                .map_or("-".to_owned(), |v| format!("{v:.2}"));
            eprintln!(
                "[{:>3}/{total}] {:<10} seed {seed}: alloc@100% {alloc}, failed pods {} ({:.2} s)",
                *d,
                policy.name(),
                r.pods_failed,
                t.elapsed().as_secs_f64()
            );
        }
        r
    });
    let results: Vec<RunResult> = results.into_iter().collect::<Result<_, _>>()?;
    let mut csv = String::from(CURVE_CSV_HEADER);
    csv.push('\n');
    for r in &results {
        write_curve_csv(&mut csv, r);
    }
    write(&a.out, &csv)?;
    eprintln!(
        "wrote {} ({} runs in {:.2} s)",
        a.out,
        results.len(),
        started.elapsed().as_secs_f64()
    );
    print!("{}", render_summary(&summarize(&results)));
    println!();
    print!("{}", yunce_sched::render_details(&results));
    Ok(())
}

pub fn summary(path: &str) -> Result<(), String> {
    let rows = summarize_csv(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
    print!("{}", render_summary(&rows));
    Ok(())
}
