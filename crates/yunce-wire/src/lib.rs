//! What crosses the boundary between the page and a Web Worker, shared by the three
//! engines and their workers:
//!
//! - [`encode`] and [`decode`]: serde values as postcard bytes, strictly read back;
//! - [`set_job`] and [`panic_report`]: the job a worker is doing, in words, and the text it
//!   posts as its failure if the engine panics, so the page can say what stopped.
//!
//! It has no web dependency: the engines' native tests and CLIs use it as the workers do.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;

/// Writes a value as postcard bytes.
///
/// Postcard fails only for sequences of unknown length or a `Serialize` impl that reports
/// an error; no wire type has either (each engine's round-trip tests cover its types).
/// Should it happen anyway, the result is empty, which [`decode`] rejects: never a silent
/// default.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// Reads a value written by [`encode`]. Truncated input, trailing bytes, an unknown
/// variant, invalid UTF-8 or a number out of range is an error.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        Ok((_, rest)) => Err(format!(
            "bad message: {} bytes left over after {} bytes",
            rest.len(),
            bytes.len() - rest.len()
        )),
        Err(e) => Err(format!("bad message ({} bytes): {e}", bytes.len())),
    }
}

thread_local! {
    static JOB: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records the job this thread is doing, in words that name its input and setting
/// ("replay of pods.csv on the cluster groups with compress 2000"), for [`panic_report`].
pub fn set_job(label: String) {
    JOB.with(|j| {
        if let Ok(mut job) = j.try_borrow_mut() {
            *job = label;
        }
    });
}

/// The text a worker posts as its failure when the engine panics: the job set by
/// [`set_job`], the panic's message and where it happened.
pub fn panic_report(info: &std::panic::PanicHookInfo<'_>) -> String {
    let job = JOB.with(|j| j.try_borrow().map(|s| s.clone()).unwrap_or_default());
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned());
    let place = info.location().map(|l| (l.file(), l.line()));
    panic_text(&job, message.as_deref(), place)
}

/// [`panic_report`]'s wording, apart from the hook so that it can be tested.
fn panic_text(job: &str, message: Option<&str>, place: Option<(&str, u32)>) -> String {
    let job = if job.is_empty() { "the worker" } else { job };
    let message = message.unwrap_or("no message");
    let place = place
        .map(|(file, line)| format!(" at {file}:{line}"))
        .unwrap_or_default();
    format!("{job}: internal error ({message}{place}); the worker stopped")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Msg {
        Progress(u32, f64),
        Failed(String),
    }

    #[test]
    fn a_message_round_trips_and_damage_is_an_error() {
        let msg = Msg::Failed("pods.csv: line 3".into());
        let bytes = encode(&msg);
        assert_eq!(decode::<Msg>(&bytes), Ok(msg));
        let mut longer = bytes.clone();
        longer.push(0);
        let err = decode::<Msg>(&longer).unwrap_err();
        assert!(err.contains("1 bytes left over"), "{err}");
        assert!(decode::<Msg>(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode::<Msg>(&[]).is_err());
        assert!(decode::<Msg>(&[9]).is_err(), "an unknown variant");
    }

    #[test]
    fn the_panic_text_names_the_job_the_message_and_the_place() {
        let text = panic_text(
            "replay of pods.csv",
            Some("index out of bounds"),
            Some(("src/x.rs", 7)),
        );
        assert_eq!(
            text,
            "replay of pods.csv: internal error (index out of bounds at src/x.rs:7); the worker stopped"
        );
        assert_eq!(
            panic_text("", None, None),
            "the worker: internal error (no message); the worker stopped"
        );
    }

    #[test]
    fn a_panic_in_a_job_is_reported_with_its_words() {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let out = seen.clone();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut s) = out.lock() {
                *s = panic_report(info);
            }
        }));
        set_job("sweep of 50 points".into());
        let caught = std::panic::catch_unwind(|| {
            let cells: Vec<u8> = Vec::new();
            cells[usize::from(cells.is_empty())]
        });
        std::panic::set_hook(previous);
        assert!(caught.is_err());
        let text = seen.lock().map(|s| s.clone()).unwrap_or_default();
        assert!(
            text.starts_with("sweep of 50 points: internal error (index out of bounds"),
            "{text}"
        );
        assert!(text.contains("src/lib.rs:"), "{text}");
    }

    proptest! {
        #[test]
        fn any_bytes_decode_to_a_value_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode::<Msg>(&bytes);
        }

        #[test]
        fn any_message_round_trips(n in any::<u32>(), x in any::<f64>().prop_filter("NaN is not equal to itself", |x| !x.is_nan()), s in ".{0,40}") {
            for msg in [Msg::Progress(n, x), Msg::Failed(s.clone())] {
                let bytes = encode(&msg);
                prop_assert_eq!(decode::<Msg>(&bytes), Ok(msg));
            }
        }
    }
}
