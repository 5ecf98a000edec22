//! Exponential deviates by the ziggurat method (Marsaglia and Tsang 2000): 256 strips of
//! equal area, so about 99 % of draws cost two random words, a multiply and a compare, and
//! no logarithm. The tables are built once from `portable::ln` and `portable::exp`, so
//! they are the same bit for bit on every target.

use crate::portable::{exp, ln};
use std::sync::LazyLock;

/// Strips of the ziggurat.
const STRIPS: usize = 256;
/// Where the tail starts: the rightmost strip edge for 256 strips of an exponential.
const R: f64 = 7.697_117_470_131_05;
/// Area of each strip (the tail included in the base strip).
const V: f64 = 0.003_949_659_822_581_557;

/// Strip edges `x[0..=256]` (x[0] the base strip's width, x[1] = R, x[256] = 0) and the
/// density at each edge.
#[derive(Debug)]
pub struct Tables {
    x: [f64; STRIPS + 1],
    f: [f64; STRIPS + 1],
}

/// The tables, built on first use.
pub static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut x = [0.0; STRIPS + 1];
    x[0] = V / exp(-R);
    x[1] = R;
    for i in 1..STRIPS - 1 {
        x[i + 1] = -ln(exp(-x[i]) + V / x[i]);
    }
    x[STRIPS] = 0.0;
    let f = x.map(|v| exp(-v));
    Tables { x, f }
});

impl Tables {
    /// A standard exponential deviate from 64-bit random words drawn by `next`.
    pub fn exponential(&self, mut next: impl FnMut() -> u64) -> f64 {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        let mut tail = 0.0;
        loop {
            let bits = next();
            let i = (bits & 0xff) as usize;
            // 53 bits for the position; the low 8 chose the strip.
            let u = (bits >> 11) as f64 * SCALE;
            let x = u * self.x[i];
            if x < self.x[i + 1] {
                return tail + x;
            }
            if i == 0 {
                // Beyond R the density is R plus a fresh exponential (memoryless).
                tail += R;
                continue;
            }
            let v = (next() >> 11) as f64 * SCALE;
            let (lo, hi) = (self.f[i], self.f[i + 1]);
            let y = hi + v * (lo - hi);
            // e^−x is convex: above the tangent at the strip's right edge, below the chord.
            // Either bound, with a margin far above rounding, settles most points without
            // `exp`, and always as the exact test would.
            let tangent = lo * (1.0 + (self.x[i] - x));
            if y < tangent * (1.0 - 1e-12) {
                return tail + x;
            }
            let chord = hi + (lo - hi) * (x - self.x[i + 1]) / (self.x[i] - self.x[i + 1]);
            if y > chord * (1.0 + 1e-12) {
                continue;
            }
            if y < exp(-x) {
                return tail + x;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_close_at_zero() {
        let t = &*TABLES;
        // When R and V are consistent the recursion leaves a top strip of area V under
        // the line y = 1: x (1 − e^−x) = V, so x ≈ √V.
        let x = t.x[STRIPS - 1];
        assert!((x - V.sqrt()).abs() < 0.005, "{x}");
        let top = x * (1.0 - t.f[STRIPS - 1]);
        assert!((top - V).abs() < 1e-9, "{top}");
    }

    #[test]
    fn moments_and_tail() {
        let mut s: u64 = 1;
        let mut next = || {
            // SplitMix64, enough for a moment check.
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let n = 2_000_000;
        let (mut sum, mut sq, mut beyond) = (0.0, 0.0, 0u32);
        for _ in 0..n {
            let x = TABLES.exponential(&mut next);
            sum += x;
            sq += x * x;
            if x > 8.0 {
                beyond += 1;
            }
        }
        let mean = sum / f64::from(n);
        let var = sq / f64::from(n) - mean * mean;
        assert!((mean - 1.0).abs() < 0.003, "{mean}");
        assert!((var - 1.0).abs() < 0.01, "{var}");
        // P(X > 8) = e^-8 = 3.35e-4: about 671 of 2 million.
        assert!((560..790).contains(&beyond), "{beyond}");
    }
}
