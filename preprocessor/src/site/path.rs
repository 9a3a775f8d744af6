//! Hugo's URL path helpers, as hugo 0.111 has them (helpers/path.go, helpers/url.go): the
//! Unicode sanitizer behind `urlize`, term keys and every page path (`UnicodeSanitize`, then
//! lowercased unless `disablePathToLower`), the escaping `url.Parse(..).String()` applies to a
//! finished link, and the `url.QueryUnescape` a permalink pattern's expansion goes through
//! (which is why `C++` ends as `c-`: `+` unescapes to a space). Pure string functions.

pub use crate::urlize::{make_path, query_unescape, sanitize, url_escape, urlize};

/// Go's `path.Join` for slash paths: the non-empty elements joined with `/`, then cleaned
/// (`.` and `..` resolved, repeated slashes collapsed, no trailing slash); `""` when all are empty.
pub fn join(elements: &[&str]) -> String {
    let mut joined = String::with_capacity(elements.iter().map(|e| e.len() + 1).sum());
    for e in elements.iter().filter(|e| !e.is_empty()) {
        if !joined.is_empty() {
            joined.push('/');
        }
        joined.push_str(e);
    }
    if joined.is_empty() {
        String::new()
    } else {
        clean(&joined)
    }
}

/// Go's `path.Clean`.
pub fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    // Most paths are clean already: no empty, `.` or `..` segment, no trailing slash.
    let body = if rooted { &path[1..] } else { path };
    if !body.is_empty()
        && body
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
    {
        return path.to_owned();
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            _ => parts.push(part),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_owned(),
        (false, false) => body,
    }
}

/// Hugo's `pjoin`: [`join`], keeping one trailing slash when the last element had one.
pub fn pjoin(elements: &[&str]) -> String {
    let had_slash = elements.last().is_some_and(|e| e.ends_with('/'));
    let mut joined = join(elements);
    if had_slash && !joined.ends_with('/') {
        joined.push('/');
    }
    joined
}

#[cfg(test)]
mod tests;
