//! Strings as `printf` formats them: `%s`/`%v` (cut to the precision in characters), `%q` as
//! Go's `strconv.Quote` (Go escapes for quotes, backslashes and unprintable characters), and
//! `%x`/`%X` byte by byte with the space and `#` flags.

use super::Spec;
use std::fmt::Write as _;

pub fn string(s: &str, verb: char, spec: Spec) -> Option<String> {
    let s = match spec.prec {
        Some(p) if verb != 'q' => s.char_indices().nth(p).map_or(s, |(i, _)| &s[..i]),
        _ => s,
    };
    Some(match verb {
        's' | 'v' => s.to_owned(),
        'q' => quote(s),
        'x' | 'X' => {
            let mut h = String::with_capacity(s.len() * 2);
            for (i, b) in s.bytes().enumerate() {
                if spec.space && i > 0 {
                    h.push(' ');
                }
                if spec.sharp && (spec.space || i == 0) {
                    h.push_str(if verb == 'x' { "0x" } else { "0X" });
                }
                let _ = if verb == 'x' {
                    write!(h, "{b:02x}")
                } else {
                    write!(h, "{b:02X}")
                };
            }
            h
        }
        _ => return None,
    })
}

/// Go's `strconv.Quote`: a double-quoted string with Go escapes for quotes, backslashes and
/// characters that are not printable.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        escape_char(c, '"', &mut out);
    }
    out.push('"');
    out
}

pub fn quote_char(c: char) -> String {
    let mut out = String::from("'");
    escape_char(c, '\'', &mut out);
    out.push('\'');
    out
}

fn escape_char(c: char, quote: char, out: &mut String) {
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c == '\x7f' => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
            if (c as u32) <= 0xFFFF {
                let _ = write!(out, "\\u{:04x}", c as u32);
            } else {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
        c => out.push(c),
    }
}
