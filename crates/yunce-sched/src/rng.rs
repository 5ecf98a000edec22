//! A small seeded PRNG (PCG-XSH-RR 64/32) so runs are reproducible on every target.

/// Purposes that each get their own random stream, so changing one sampler
/// never shifts the numbers another one sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Shuffles the trace pods.
    PodOrder = 1,
    /// Samples pods (with replacement) when the workload is inflated.
    Inflation = 2,
    /// Orders the nodes; the order breaks score ties.
    NodeOrder = 3,
    /// Random-fit node and GPU choices.
    Policy = 4,
    /// Synthetic workload generation.
    Synthetic = 5,
    /// Synthetic fleet generation (node shapes).
    Fleet = 6,
}

/// PCG32 generator (O'Neill 2014), seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Pcg32 {
    state: u64,
    inc: u64,
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
        Self::from_state_and_sequence(init_state, init_seq)
    }

    /// `pcg32_srandom_r(initstate, initseq)` of the reference C implementation.
    fn from_state_and_sequence(init_state: u64, init_seq: u64) -> Self {
        let mut rng = Self {
            state: 0,
            inc: (init_seq << 1) | 1,
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

    /// A uniform integer in `0..n` (Lemire's unbiased method); 0 when `n` is 0.
    pub fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let mut m = u64::from(self.next_u32()) * u64::from(n);
        let mut low = m as u32;
        if low < n {
            let threshold = n.wrapping_neg() % n;
            while low < threshold {
                m = u64::from(self.next_u32()) * u64::from(n);
                low = m as u32;
            }
        }
        (m >> 32) as u32
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        let hi = u64::from(self.next_u32()) << 21;
        let lo = u64::from(self.next_u32()) >> 11;
        ((hi | lo) as f64) / ((1u64 << 53) as f64)
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below((i + 1) as u32) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Taken from this implementation (see `known_answers_for_fixed_seeds`).
    const KA_POD_ORDER: [u32; 4] = [1012728963, 4144644572, 1123664484, 3624020841];
    const KA_NODE_ORDER: [u32; 4] = [2420058868, 2295076589, 1293299367, 3378360267];
    const KA_SYNTHETIC: [u32; 4] = [2181051787, 3092142170, 1960200631, 1443689147];
    const KA_BELOW: [u32; 6] = [491, 690, 38, 800, 33, 29];
    const KA_UNIT_BITS: u64 = 0x3fd2_d2ca_2a43_4b68;

    #[test]
    fn streams_differ_and_repeat() {
        let a: Vec<u32> = (0..4)
            .map({
                let mut r = Pcg32::new(42, Stream::PodOrder);
                move |_| r.next_u32()
            })
            .collect();
        let b: Vec<u32> = (0..4)
            .map({
                let mut r = Pcg32::new(42, Stream::PodOrder);
                move |_| r.next_u32()
            })
            .collect();
        let c: Vec<u32> = (0..4)
            .map({
                let mut r = Pcg32::new(42, Stream::NodeOrder);
                move |_| r.next_u32()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    fn first(mut r: Pcg32, n: usize) -> Vec<u32> {
        (0..n).map(|_| r.next_u32()).collect()
    }

    /// The reference PCG32 (pcg-random.org, `pcg32-demo.c`: PCG-XSH-RR 64/32, multiplier
    /// 6364136223846793005, increment `(initseq << 1) | 1`) seeded with
    /// `pcg32_srandom_r(42, 54)` prints these six numbers first. Our seeding goes through
    /// SplitMix64 before the same `srandom` step, so this pins the generator core.
    #[test]
    fn core_matches_the_reference_pcg32() {
        let r = Pcg32::from_state_and_sequence(42, 54);
        assert_eq!(
            first(r, 6),
            [
                0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e
            ]
        );
    }

    /// Known answers of this implementation (SplitMix64 seeding, one stream per purpose):
    /// every seeded result in the project depends on them, so a change here changes every
    /// per-seed figure and must be deliberate.
    #[test]
    fn known_answers_for_fixed_seeds() {
        assert_eq!(first(Pcg32::new(42, Stream::PodOrder), 4), KA_POD_ORDER);
        assert_eq!(first(Pcg32::new(42, Stream::NodeOrder), 4), KA_NODE_ORDER);
        assert_eq!(first(Pcg32::new(0, Stream::Synthetic), 4), KA_SYNTHETIC);
        let mut r = Pcg32::new(7, Stream::Policy);
        let below: Vec<u32> = (0..6).map(|_| r.below(1000)).collect();
        assert_eq!(below, KA_BELOW);
        assert_eq!(r.unit().to_bits(), KA_UNIT_BITS);
    }

    #[test]
    fn below_is_in_range() {
        let mut r = Pcg32::new(7, Stream::Policy);
        for n in 1..200 {
            assert!(r.below(n) < n);
        }
        assert_eq!(r.below(0), 0);
        let u = r.unit();
        assert!((0.0..1.0).contains(&u));
    }
}
