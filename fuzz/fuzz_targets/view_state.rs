//! Every view's URL state (the app's `views::check::url_states`): any query string parses
//! without panicking, and what a view writes reads back to the same state with no notice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|search: &str| {
    let Ok(data) = yunce_app::data::dataset() else {
        panic!("the embedded fact base does not parse");
    };
    if let Err(e) = yunce_app::views::check::url_states(data, search) {
        panic!("{e}");
    }
});
