//! `ln` and `exp` from basic IEEE arithmetic only, so native and wasm builds draw the
//! same numbers bit for bit (the platform `ln` comes from glibc natively and from Rust's
//! libm port on wasm, and the two may differ in the last bit).

// ln 2 split so that k · LN2_HI is exact for |k| < 2^21 (Cody and Waite).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);

// 1/1, 1/3, …, 1/21: the atanh series' coefficients, divided once at compile time.
const INV_ODD: [f64; 11] = [
    1.0,
    1.0 / 3.0,
    1.0 / 5.0,
    1.0 / 7.0,
    1.0 / 9.0,
    1.0 / 11.0,
    1.0 / 13.0,
    1.0 / 15.0,
    1.0 / 17.0,
    1.0 / 19.0,
    1.0 / 21.0,
];

/// Natural logarithm of a positive, finite `x` (relative error below 1e-15).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    // x = m · 2^e with m in [√½, √2), from the bits; subnormals are scaled up first.
    let (mut x, mut e) = (x, 0i64);
    if x < f64::MIN_POSITIVE {
        x *= 2f64.powi(54);
        e -= 54;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2·atanh(s) with s = (m − 1)/(m + 1), |s| < 0.172: eleven odd terms suffice.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut sum = 0.0;
    for c in INV_ODD.iter().rev() {
        sum = sum * s2 + c;
    }
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + 2.0 * s * sum)
}

/// e^x (relative error below 1e-15; overflows to infinity, underflows to 0).
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x > 709.7 {
        return f64::INFINITY;
    }
    if x < -745.0 {
        return 0.0;
    }
    // x = k·ln 2 + r with |r| ≤ ½ ln 2; e^r by its Taylor series to the 17th power.
    let k = (x / std::f64::consts::LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut sum = 1.0;
    for n in (1..=17).rev() {
        sum = 1.0 + sum * r / f64::from(n);
    }
    // Scale in two steps so 2^k never overflows on the way to a finite result.
    let half = (k / 2.0).floor();
    sum * 2f64.powi(half as i32) * 2f64.powi((k - half) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_platform_closely() {
        let mut x = 1e-300;
        while x < 1e300 {
            let rel = (ln(x) - x.ln()).abs() / x.ln().abs().max(1.0);
            assert!(rel < 1e-15, "ln {x}: {} vs {}", ln(x), x.ln());
            x *= 1.37;
        }
        for i in 0..2000 {
            let u = (f64::from(i) + 0.5) / 2000.0;
            assert!(
                (ln(u) - u.ln()).abs() < 1e-15 * u.ln().abs().max(1.0),
                "{u}"
            );
            let y = -700.0 + 1400.0 * u;
            assert!((exp(y) - y.exp()).abs() <= 2e-15 * y.exp(), "exp {y}");
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
        assert!(ln(-1.0).is_nan());
    }
}
