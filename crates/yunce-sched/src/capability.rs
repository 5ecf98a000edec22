//! Relative throughput per GPU model (一云多芯: one cloud, many chips).
//!
//! The trace counts 1000 milli on every model the same. The capability table weighs each model by
//! an assumed relative throughput so that a capability-weighted allocation can sit beside the raw
//! one. The default values are assumptions, documented in the crate README; edit them with
//! [`CapabilityTable::set`] or the CLI's `--capability` option.

/// The largest capability factor accepted: 100 V100s' worth in one GPU, several times any
/// chip sold today. Larger values are typing errors, and huge ones (1e308) overflow the
/// weighted sums to infinity and the weighted figures to NaN.
pub const MAX_CAPABILITY: f64 = 100.0;

/// Checks one factor: a finite number from 0 to [`MAX_CAPABILITY`].
pub fn check_capability(model: &str, factor: f64) -> Result<(), String> {
    if factor.is_finite() && (0.0..=MAX_CAPABILITY).contains(&factor) {
        Ok(())
    } else {
        Err(format!(
            "capability of {model} must be a number from 0 to {MAX_CAPABILITY}, got {factor}"
        ))
    }
}

/// Relative throughput per GPU model, V100 = 1.0.
#[derive(Clone, Debug, PartialEq)]
pub struct CapabilityTable {
    entries: Vec<(String, f64)>,
    default_factor: f64,
}

/// The assumed defaults (see README "Capability table").
pub const DEFAULT_CAPABILITIES: [(&str, f64); 8] = [
    ("A10", 1.0),
    ("G1", 0.5),
    ("G2", 1.0),
    ("G3", 1.5),
    ("P100", 0.5),
    ("T4", 0.5),
    ("V100M16", 1.0),
    ("V100M32", 1.0),
];

impl Default for CapabilityTable {
    fn default() -> Self {
        Self {
            entries: DEFAULT_CAPABILITIES
                .iter()
                .map(|(m, f)| ((*m).to_owned(), *f))
                .collect(),
            default_factor: 1.0,
        }
    }
}

impl CapabilityTable {
    /// Factor of a model; models not in the table count 1.0.
    pub fn factor(&self, model: &str) -> f64 {
        self.entries
            .iter()
            .find(|(m, _)| m == model)
            .map_or(self.default_factor, |(_, f)| *f)
    }

    /// Sets or adds a model's factor. Values that [`check_capability`] refuses are rejected.
    pub fn set(&mut self, model: &str, factor: f64) -> Result<(), String> {
        check_capability(model, factor)?;
        match self.entries.iter_mut().find(|(m, _)| m == model) {
            Some(e) => e.1 = factor,
            None => {
                self.entries.push((model.to_owned(), factor));
                self.entries.sort_by(|a, b| a.0.cmp(&b.0));
            }
        }
        Ok(())
    }

    /// Parses `MODEL=FACTOR,MODEL=FACTOR` on top of the defaults.
    pub fn with_overrides(spec: &str) -> Result<Self, String> {
        let mut t = Self::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((m, f)) = part.split_once('=') else {
                return Err(format!("expected MODEL=FACTOR, found {part:?}"));
            };
            let f: f64 = f
                .trim()
                .parse()
                .map_err(|_| format!("capability {f:?} of {m} is not a number"))?;
            t.set(m.trim(), f)?;
        }
        Ok(t)
    }

    /// All entries, sorted by model.
    pub fn entries(&self) -> &[(String, f64)] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides() {
        let t = CapabilityTable::with_overrides("T4=0.3, X9=2").unwrap();
        assert_eq!(t.factor("T4"), 0.3);
        assert_eq!(t.factor("X9"), 2.0);
        assert_eq!(t.factor("unknown"), 1.0);
        assert!(CapabilityTable::with_overrides("T4").is_err());
        assert!(CapabilityTable::with_overrides("T4=-1").is_err());
        let e = CapabilityTable::with_overrides("T4=1e308").unwrap_err();
        assert!(e.contains("from 0 to 100"), "{e}");
        assert!(CapabilityTable::with_overrides("T4=100").is_ok());
    }
}
