//! Properties of the exact formulas and of the Monte Carlo on random inputs.

use crate::common::{c, scenario, unit};
use proptest::prelude::*;
use yunce_reliab::analytic::{k_of_n, markov_k_of_n, parallel, series, unit_availability};
use yunce_reliab::{Block, simulate};

fn avail() -> impl Strategy<Value = f64> {
    0.0..=1.0f64
}

proptest! {
    #[test]
    fn availability_in_unit_interval(a in prop::collection::vec(avail(), 1..8), k in 1u32..8) {
        let k = k.min(a.len() as u32);
        let v = k_of_n(k, &a);
        prop_assert!((0.0..=1.0).contains(&v));
    }

    #[test]
    fn series_is_product_and_parallel_is_one_of_n(a in prop::collection::vec(avail(), 1..8)) {
        prop_assert!((k_of_n(a.len() as u32, &a) - series(&a)).abs() < 1e-12);
        prop_assert!((series(&a) - a.iter().product::<f64>()).abs() < 1e-12);
        prop_assert!((k_of_n(1, &a) - parallel(&a)).abs() < 1e-12);
    }

    #[test]
    fn redundancy_never_lowers_availability(a in prop::collection::vec(avail(), 1..8), extra in avail(), k in 1u32..8) {
        let k = k.min(a.len() as u32);
        let mut more = a.clone();
        more.push(extra);
        prop_assert!(k_of_n(k, &more) >= k_of_n(k, &a) - 1e-12);
        // Needing fewer blocks never hurts either.
        if k > 1 {
            prop_assert!(k_of_n(k - 1, &a) >= k_of_n(k, &a) - 1e-12);
        }
    }

    #[test]
    fn markov_with_n_crews_is_binomial(n in 1u32..7, k in 1u32..7, mtbf in 10.0..1e4f64, mttr in 0.1..9.0f64) {
        let k = k.min(n);
        let m = markov_k_of_n(k, n, 1.0 / mtbf, 1.0 / mttr, n).map(|m| m.availability).unwrap_or(-1.0);
        let b = k_of_n(k, &vec![unit_availability(mtbf, mttr); n as usize]);
        prop_assert!((m - b).abs() < 1e-9);
        // Fewer crews never help.
        let one = markov_k_of_n(k, n, 1.0 / mtbf, 1.0 / mttr, 1).map(|m| m.availability).unwrap_or(2.0);
        prop_assert!(one <= m + 1e-12);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn monte_carlo_stays_in_range(mtbf in prop::collection::vec(2.0..500.0f64, 2..6), mttr in 1.0..100.0f64, k in 1u32..6, seed in 0u64..1000) {
        let n = mtbf.len();
        let units: Vec<_> = mtbf.iter().enumerate().map(|(i, m)| unit(&format!("u{i}"), *m, mttr)).collect();
        let names: Vec<_> = (0..n).map(|i| c(&format!("u{i}"))).collect();
        let mut s = scenario(units, Block::KOfN { k: k.min(n as u32), of: names }, 50);
        s.seed = seed;
        // Units whose MTBF does not exceed MTTR are rejected, never simulated.
        if let Ok(r) = simulate(&s) {
            let seg = &r.segments[0];
            prop_assert!((0.0..=1.0).contains(&seg.availability.value));
            prop_assert!(seg.downtime_minutes.max <= yunce_reliab::model::MINUTES_PER_YEAR + 1e-6);
            for b in &seg.sla {
                prop_assert!((0.0..=1.0).contains(&b.probability.value));
            }
        }
    }
}
