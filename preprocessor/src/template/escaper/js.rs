//! The JavaScript escapers: a value as a JS expression (JSON for plain values, padded so it
//! cannot join a neighbouring token), and the contents of JS strings and regexps, with the
//! table of the html/template fork Hugo 0.111 ships (`"` as `\u0022`).

use super::{Index, index, lookup};
use crate::template::context;
use crate::template::value::{Safe, Value};
use std::fmt::Write as _;

pub const JS_STR: &Index = &index(&[
    ('\0', "\\0"),
    ('\t', "\\t"),
    ('\n', "\\n"),
    ('\x0b', "\\u000b"),
    ('\x0c', "\\f"),
    ('\r', "\\r"),
    ('"', "\\u0022"),
    ('&', "\\u0026"),
    ('\'', "\\u0027"),
    ('+', "\\u002b"),
    ('/', "\\/"),
    ('<', "\\u003c"),
    ('>', "\\u003e"),
    ('\\', "\\\\"),
]);
pub const JS_REGEXP: &Index = &index(&[
    ('\0', "\\0"),
    ('\t', "\\t"),
    ('\n', "\\n"),
    ('\x0b', "\\u000b"),
    ('\x0c', "\\f"),
    ('\r', "\\r"),
    ('"', "\\u0022"),
    ('$', "\\$"),
    ('&', "\\u0026"),
    ('\'', "\\u0027"),
    ('(', "\\("),
    (')', "\\)"),
    ('*', "\\*"),
    ('+', "\\u002b"),
    ('-', "\\-"),
    ('.', "\\."),
    ('/', "\\/"),
    ('<', "\\u003c"),
    ('>', "\\u003e"),
    ('?', "\\?"),
    ('[', "\\["),
    ('\\', "\\\\"),
    (']', "\\]"),
    ('^', "\\^"),
    ('{', "\\{"),
    ('|', "\\|"),
    ('}', "\\}"),
]);

/// JS string/regexp escaping; `keep_backslash` for a trusted `template.JS` value, whose
/// escapes are already right.
pub fn replace_js(s: &str, table: &Index, keep_backslash: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' if keep_backslash => out.push('\\'),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => match lookup(table, c) {
                Some(r) => out.push_str(r),
                None => out.push(c),
            },
        }
    }
}

/// html/template's `jsValEscaper`: a JS expression, JSON for plain values.
pub fn js_val(v: &Value, out: &mut String) {
    match v {
        Value::Safe(Safe::Js, s) => return out.push_str(s),
        Value::Nil => return out.push_str(" null "),
        _ => {}
    }
    let mut json = String::new();
    if let Err(e) = crate::template::funcs::json(v, &mut json) {
        let _ = write!(out, " /* {} */null ", e.replace("*/", "* /"));
        return;
    }
    let pad =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii() && context::is_js_ident_part(c as u8));
    let padded = pad(json.chars().next()) || pad(json.chars().next_back());
    if padded {
        out.push(' ');
    }
    out.push_str(&json);
    if padded {
        out.push(' ');
    }
}
