//! `run --mode replay`: the time-driven replay for every policy, queue and seed.

use super::args::Args;
use std::fmt::Write as _;
use std::time::Instant;
use yunce_sched::{
    Cluster, PodSpec, REPLAY_CSV_HEADER, ReplayConfig, ReplayResult, write_replay_csv,
};

pub fn run(a: &Args, cluster: &Cluster, pods: &[PodSpec], workload: &str) -> Result<(), String> {
    let jobs: Vec<_> = a
        .policies
        .iter()
        .flat_map(|&p| {
            a.queues
                .iter()
                .flat_map(move |&q| a.seeds.iter().map(move |&s| (p, q, s)))
        })
        .collect();
    let started = Instant::now();
    let results: Vec<Result<ReplayResult, String>> = super::parallel::parallel(
        &jobs,
        a.threads,
        |&(policy, queue, seed)| {
            let t = Instant::now();
            let cfg = ReplayConfig {
                policy,
                queue,
                seed,
                capabilities: a.capabilities.clone(),
                workload: workload.to_owned(),
                sample_secs: a.sample_secs,
                time_compression: a.compress,
            };
            let r = yunce_sched::run_replay(cluster, pods, &cfg).map_err(|e| e.to_string());
            if let Ok(r) = &r {
                eprintln!(
                    "{:<10} {:<8} seed {seed}: delay p50 {} s, p99 {} s, never started {} ({:.2} s)",
                    policy.name(),
                    queue.name(),
                    r.delays.p50,
                    r.delays.p99,
                    r.pods_never_started,
                    t.elapsed().as_secs_f64()
                );
            }
            r
        },
    );
    let results: Vec<ReplayResult> = results.into_iter().collect::<Result<_, _>>()?;
    let mut csv = String::from(REPLAY_CSV_HEADER);
    csv.push('\n');
    for r in &results {
        write_replay_csv(&mut csv, r);
    }
    std::fs::write(&a.out, csv).map_err(|e| format!("cannot write {}: {e}", a.out))?;
    eprintln!(
        "wrote {} ({} runs in {:.2} s)",
        a.out,
        results.len(),
        started.elapsed().as_secs_f64()
    );
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<11} {:<9} {:>5} {:>10} {:>9} {:>9} {:>9} {:>9} {:>10} {:>14} {:>15}",
        "policy",
        "queue",
        "seed",
        "started",
        "waited%",
        "p50_s",
        "p90_s",
        "p99_s",
        "max_s",
        "never_started",
        "peak_alloc%"
    );
    for r in &results {
        let d = &r.delays;
        let _ = writeln!(
            table,
            "{:<11} {:<9} {:>5} {:>10} {:>9.2} {:>9} {:>9} {:>9} {:>10} {:>14} {:>15.2}",
            r.policy.name(),
            r.queue.name(),
            r.seed,
            d.started,
            d.waited_pct,
            d.p50,
            d.p90,
            d.p99,
            d.max,
            r.pods_never_started + r.pods_unschedulable,
            r.peak_alloc_pct
        );
    }
    print!("{table}");
    Ok(())
}
