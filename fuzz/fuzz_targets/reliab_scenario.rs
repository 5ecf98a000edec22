//! The stability lab's scenario JSON: any text is rejected, or validates and runs a short
//! simulation without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(mut s) = serde_json::from_str::<yunce_reliab::Scenario>(text) else {
        return;
    };
    if yunce_reliab::exact(&s).is_err() {
        return;
    }
    // Years are the one knob whose cost is expected to grow; keep runs short.
    s.years = s.years.min(3);
    let _ = yunce_reliab::simulate(&s);
});
