//! Heading ids as mdBook 0.5 makes them, the anchors links may target.

use std::collections::HashSet;

/// mdBook 0.5's heading id: lowercased, alphanumerics `_` and `-` kept, whitespace to `-`.
pub fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// mdBook 0.5's de-duplication: `id`, then `id-1`, `id-2`, ...
pub fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| used.insert(c.clone()))
        .unwrap_or_default()
}
