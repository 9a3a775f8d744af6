//! Hugo's text transformations: `htmlEscape`/`htmlUnescape` (Go's `html` package; every HTML5
//! character reference is decoded, by `htmlize`), `plainify`, `jsonify` (and the JSON
//! encoding html/template uses in scripts: Go's `encoding/json` with `<`, `>`, `&` escaped),
//! `urlize`, `anchorize` (Goldmark's GitHub-style ids), `humanize` and `title` (Hugo's default
//! AP style). `emojify` passes its text through unchanged, marked as HTML: the book has no
//! emoji table.

use super::numbers::to_string;
use super::{Fail, Func, Result, want, want_between};
use crate::template::value::Value;
use std::fmt::Write as _;

pub fn call(func: Func, name: &str, args: &[Value]) -> Result<Value> {
    use Func::*;
    let s = |i: usize| to_string(args.get(i).unwrap_or(&Value::Nil));
    Ok(match func {
        HtmlEscape => {
            want(name, args, 1)?;
            Value::from(crate::template::escaper::escape_string(&s(0)?))
        }
        HtmlUnescape => {
            want(name, args, 1)?;
            Value::from(unescape_html(&s(0)?))
        }
        Plainify => {
            want(name, args, 1)?;
            Value::from(strip_html(&s(0)?))
        }
        Emojify => {
            want(name, args, 1)?;
            Value::html(s(0)?)
        }
        Jsonify => {
            want_between(name, args, 1, 2)?;
            let mut out = String::new();
            json(args.last().unwrap_or(&Value::Nil), &mut out).map_err(Fail::Error)?;
            Value::html(out)
        }
        Urlize => {
            want(name, args, 1)?;
            Value::from(urlize(&s(0)?))
        }
        Anchorize => {
            want(name, args, 1)?;
            Value::from(anchorize(&s(0)?))
        }
        Humanize => {
            want(name, args, 1)?;
            Value::from(humanize(args.first().unwrap_or(&Value::Nil))?)
        }
        _ => {
            want(name, args, 1)?;
            Value::from(title(&s(0)?))
        }
    })
}

/// Go's `html.UnescapeString`: every HTML5 named character reference (the legacy ones also
/// without their `;`), and numeric ones with the HTML5 fixes (U+FFFD for NUL, surrogates and
/// values past U+10FFFF; Windows-1252 for 0x80 to 0x9F), as a browser decodes text.
pub fn unescape_html(s: &str) -> String {
    htmlize::unescape(s).into_owned()
}

/// Hugo's `StripHTML`: paragraph ends and line breaks become newlines, tags are dropped.
pub fn strip_html(s: &str) -> String {
    if !s.contains(['<', '>']) {
        return s.to_owned();
    }
    let s = s
        .replace('\n', " ")
        .replace("</p>", "\n")
        .replace("<br>", "\n")
        .replace("<br />", "\n")
        .replace("<br/>", "\n");
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Hugo's `urlize`: the path sanitized and lowercased as for a permalink, escaped as a URL.
pub fn urlize(s: &str) -> String {
    crate::urlize::urlize(s, false)
}

/// Goldmark's GitHub-style heading id, as `anchorize` makes it.
pub fn anchorize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c == '-' || c == ' ' {
            out.push('-');
        } else if c == '_' || c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Hugo's `humanize`: an ordinal for integers (`3rd`), else words from dashes, underscores
/// and camel case with the first letter capitalized (`my-first_post` -> `My first post`).
pub fn humanize(v: &Value) -> Result<String> {
    let int = match v {
        Value::Int(i) => Some(*i),
        Value::String(s) => s.parse::<i64>().ok(),
        _ => None,
    };
    if let Some(i) = int {
        let suffix = match (i.rem_euclid(100), i.rem_euclid(10)) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        return Ok(format!("{i}{suffix}"));
    }
    let text = to_string(v)?;
    let mut words = String::with_capacity(text.len() + 4);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '-' || c == '_' || c.is_whitespace() {
            words.push(' ');
        } else if c.is_uppercase() {
            if prev.is_some_and(|p| p.is_lowercase() || p.is_numeric()) {
                words.push(' ');
            }
            words.extend(c.to_lowercase());
        } else {
            words.push(c);
        }
        prev = Some(c);
    }
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    Ok(match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    })
}

/// Words AP style keeps lowercase inside a title.
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "v", "vs", "via", "yet",
];

/// Hugo's default `title` (AP style): words capitalized except short articles, conjunctions
/// and prepositions that are neither first, last, nor after a colon.
pub fn title(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len());
    let mut after_colon = true;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let last = i + 1 == words.len();
        let small = SMALL.contains(&w.to_lowercase().as_str());
        if small && !after_colon && !last {
            out.push_str(&w.to_lowercase());
        } else {
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
        if !w.is_empty() {
            after_colon = w.ends_with(':');
        }
    }
    out
}

/// Go's `json.Marshal` of a value (maps in key order, `<`, `>`, `&`, U+2028 and U+2029
/// escaped), appended to `out`.
pub fn json(v: &Value, out: &mut String) -> std::result::Result<(), String> {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(x) => {
            if !x.is_finite() {
                return Err(format!("json: unsupported value: {}", v.to_go_string()));
            }
            let a = x.abs();
            if a != 0.0 && !(1e-6..1e21).contains(&a) {
                let text = format!("{x:e}");
                let (m, e) = text.split_once('e').unwrap_or((&text, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                let _ = write!(out, "{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
            } else {
                let _ = write!(out, "{x}");
            }
        }
        Value::String(s) | Value::Safe(_, s) => json_string(s, out),
        Value::List(l) => {
            out.push('[');
            for (i, e) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json(e, out)?;
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, e)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(k, out);
                out.push(':');
                json(e, out)?;
            }
            out.push('}');
        }
        Value::Object(o) => json_string(&o.display(), out),
    }
    Ok(())
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
