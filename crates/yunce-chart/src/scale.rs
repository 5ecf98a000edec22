//! Linear scales and "nice" tick values.

/// Maps a data domain onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Smallest data value.
    pub domain_min: f64,
    /// Largest data value.
    pub domain_max: f64,
    /// Pixel position of `domain_min`.
    pub range_start: f64,
    /// Pixel position of `domain_max`.
    pub range_end: f64,
}

impl LinearScale {
    /// Pixel position of a data value.
    pub fn apply(&self, value: f64) -> f64 {
        let span = self.domain_max - self.domain_min;
        // A flat domain would divide by zero; centre it instead.
        if span.abs() < f64::EPSILON {
            return (self.range_start + self.range_end) / 2.0;
        }
        let t = (value - self.domain_min) / span;
        self.range_start + t * (self.range_end - self.range_start)
    }
}

/// Round tick values covering `[min, max]`, about `count` of them.
///
/// The first tick is at or below `min` and the last at or above `max`, so the
/// returned ticks also give the padded domain.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let (min, max) = if (max - min).abs() < f64::EPSILON {
        (min - 1.0, max + 1.0)
    } else {
        (min.min(max), max.max(min))
    };
    let raw_step = (max - min) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let residual = raw_step / magnitude;
    let step = magnitude
        * if residual <= 1.0 {
            1.0
        } else if residual <= 2.0 {
            2.0
        } else if residual <= 2.5 {
            2.5
        } else if residual <= 5.0 {
            5.0
        } else {
            10.0
        };
    let first = (min / step).floor() as i64;
    let last = (max / step).ceil() as i64;
    (first..=last).map(|i| clean(i as f64 * step)).collect()
}

/// Removes floating-point noise such as `0.30000000000000004`.
fn clean(value: f64) -> f64 {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// Formats a number with at most `decimals` places and no trailing zeros.
pub fn format_value(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" { "0".to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_domain_with_round_steps() {
        assert_eq!(
            nice_ticks(0.0, 40.3, 5),
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
        );
        assert_eq!(nice_ticks(7.2, 19.7, 4), vec![5.0, 10.0, 15.0, 20.0]);
    }

    #[test]
    fn flat_and_negative_domains_still_give_ticks() {
        let flat = nice_ticks(5.0, 5.0, 4);
        assert!(flat.first().copied().unwrap_or(f64::NAN) <= 4.0);
        assert!(flat.last().copied().unwrap_or(f64::NAN) >= 6.0);
        let negative = nice_ticks(-5.8, 2.3, 4);
        assert!(negative[0] <= -5.8 && *negative.last().unwrap() >= 2.3);
    }

    #[test]
    fn values_format_without_noise() {
        assert_eq!(format_value(26.70, 1), "26.7");
        assert_eq!(format_value(39.0, 1), "39");
        assert_eq!(format_value(-0.04, 1), "0");
        assert_eq!(format_value(0.1 + 0.2, 2), "0.3");
    }

    #[test]
    fn scale_maps_ends_and_flat_domains() {
        let scale = LinearScale {
            domain_min: 0.0,
            domain_max: 50.0,
            range_start: 300.0,
            range_end: 20.0,
        };
        assert_eq!(scale.apply(0.0), 300.0);
        assert_eq!(scale.apply(50.0), 20.0);
        let flat = LinearScale {
            domain_max: 0.0,
            ..scale
        };
        assert_eq!(flat.apply(3.0), 160.0);
    }
}
