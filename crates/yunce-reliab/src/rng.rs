//! A small seeded PRNG (PCG-XSH-RR 64/32) so runs are reproducible on every target.

/// Purposes that each get their own random stream, so changing one sampler
/// never shifts the numbers another one sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Component up-times and repair times.
    Components = 1,
    /// Correlated-group shocks and their durations.
    Groups = 2,
    /// Change failures and the response to them.
    Changes = 3,
    /// Response times of scripted incidents.
    Scripted = 4,
}

/// PCG32 generator (O'Neill 2014), seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Pcg32 {
    state: u64,
    inc: u64,
    // A second normal deviate from Box-Muller, kept so no draw is wasted.
    spare_normal: Option<f64>,
    zig: &'static crate::ziggurat::Tables,
}

const MULT: u64 = 6_364_136_223_846_793_005;

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Pcg32 {
    /// A generator for one seed and one purpose.
    pub fn new(seed: u64, stream: Stream) -> Self {
        let mut sm = seed ^ ((stream as u64) << 56);
        let init_state = splitmix64(&mut sm);
        let init_seq = splitmix64(&mut sm);
        let mut rng = Self {
            state: 0,
            inc: (init_seq << 1) | 1,
            spare_normal: None,
            zig: &*crate::ziggurat::TABLES,
        };
        rng.next_u32();
        rng.state = rng.state.wrapping_add(init_state);
        rng.next_u32();
        rng
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old.wrapping_mul(MULT).wrapping_add(self.inc);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// A uniform float in `(0, 1]`, never zero so its logarithm is finite.
    pub fn unit_open(&mut self) -> f64 {
        let hi = u64::from(self.next_u32()) << 21;
        let lo = u64::from(self.next_u32()) >> 11;
        ((hi | lo) as f64 + 1.0) / ((1u64 << 53) as f64)
    }

    /// The next 64 random bits (two 32-bit outputs).
    pub fn next_u64(&mut self) -> u64 {
        let hi = u64::from(self.next_u32()) << 32;
        hi | u64::from(self.next_u32())
    }

    /// An exponential deviate with the given mean, by the ziggurat method (no logarithm
    /// in about 99 % of draws).
    pub fn exponential(&mut self, mean: f64) -> f64 {
        if mean.is_infinite() {
            return f64::INFINITY;
        }
        let zig = self.zig;
        mean * zig.exponential(|| self.next_u64())
    }

    /// A standard normal deviate (Marsaglia's polar method, both halves used; no
    /// trigonometry, so it is the same on every target).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.unit_open() - 1.0;
            let v = 2.0 * self.unit_open() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * crate::portable::ln(s) / s).sqrt();
                self.spare_normal = Some(v * f);
                return u * f;
            }
        }
    }

    /// A lognormal deviate with the given median and log-space standard deviation.
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * crate::portable::exp(sigma * self.normal())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_and_repeat() {
        let draw = |s| {
            let mut r = Pcg32::new(42, s);
            (0..4).map(|_| r.next_u32()).collect::<Vec<_>>()
        };
        assert_eq!(draw(Stream::Components), draw(Stream::Components));
        assert_ne!(draw(Stream::Components), draw(Stream::Changes));
    }

    #[test]
    fn sample_means() {
        let mut r = Pcg32::new(7, Stream::Groups);
        let n = 200_000;
        let exp: f64 = (0..n).map(|_| r.exponential(3.0)).sum::<f64>() / n as f64;
        assert!((exp - 3.0).abs() < 0.05, "{exp}");
        let ln: f64 = (0..n).map(|_| r.lognormal(2.0, 0.5)).sum::<f64>() / n as f64;
        let want = 2.0 * (0.125f64).exp();
        assert!((ln - want).abs() < 0.03, "{ln} vs {want}");
    }
}
