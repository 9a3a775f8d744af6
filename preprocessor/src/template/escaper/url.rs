//! The URL escapers: the scheme filter (anything but a relative URL or http, https and mailto
//! becomes `#ZgotmplZ`), normalization and query escaping (html/template's `processURLOnto`),
//! `srcset` lists checked URL by URL, and Go's `urlquery` builtin.

use super::{Content, FAILSAFE};
use std::fmt::Write as _;

/// Whether a URL is relative or uses http, https or mailto.
pub fn is_safe_url(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            scheme.eq_ignore_ascii_case("http")
                || scheme.eq_ignore_ascii_case("https")
                || scheme.eq_ignore_ascii_case("mailto")
        }
        _ => true,
    }
}

/// html/template's `processURLOnto`: percent-encodes what a URL may not hold; `norm` keeps
/// the reserved characters and valid escapes (normalizing rather than escaping).
pub fn process_url(s: &str, norm: bool, out: &mut String) {
    let b = s.as_bytes();
    let mut written = 0;
    for (i, &c) in b.iter().enumerate() {
        let keep = match c {
            b'!' | b'#' | b'$' | b'&' | b'*' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?'
            | b'@' | b'[' | b']' => norm,
            b'-' | b'.' | b'_' | b'~' => true,
            b'%' => {
                norm && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
            }
            c => c.is_ascii_alphanumeric(),
        };
        if keep {
            continue;
        }
        out.push_str(s.get(written..i).unwrap_or(""));
        let _ = write!(out, "%{c:02x}");
        written = i + 1;
    }
    out.push_str(s.get(written..).unwrap_or(""));
}

pub fn srcset(s: &str, t: Content, out: &mut String) {
    match t {
        Content::Srcset => return out.push_str(s),
        Content::Url => {
            let mut n = String::new();
            process_url(s, true, &mut n);
            return out.push_str(&n.replace(',', "%2c"));
        }
        _ => {}
    }
    for (i, part) in s.split(',').enumerate() {
        if i > 0 {
            out.push(',');
        }
        srcset_element(part, out);
    }
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn srcset_element(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !is_html_space(c)).unwrap_or(b.len());
    let end = b
        .get(start..)
        .and_then(|r| r.iter().position(|&c| is_html_space(c)))
        .map_or(b.len(), |p| start + p);
    let url = s.get(start..end).unwrap_or("");
    let metadata = b.get(end..).unwrap_or(&[]);
    if is_safe_url(url)
        && metadata
            .iter()
            .all(|&c| is_html_space(c) || c.is_ascii_alphanumeric())
    {
        out.push_str(s.get(..start).unwrap_or(""));
        process_url(url, true, out);
        out.push_str(s.get(end..).unwrap_or(""));
    } else {
        out.push('#');
        out.push_str(FAILSAFE);
    }
}

/// Go's `urlquery` builtin (`url.QueryEscape`).
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() => out.push(char::from(b)),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}
