//! The fast YAML reader (`mdbook_hugo::yaml::simple`) against serde_yaml: whenever the fast one
//! answers, serde_yaml reads the same text to the same value.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(fast) = mdbook_hugo::yaml::simple(text) {
        let slow = serde_yaml::from_str::<serde_json::Value>(text);
        assert!(
            slow.as_ref().is_ok_and(|slow| *slow == fast),
            "{text:?}\nfast: {fast:?}\nserde_yaml: {slow:?}"
        );
    }
});
