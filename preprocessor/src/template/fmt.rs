//! Go's `fmt` as templates use it: `print`, `println`, `printf` (the verbs `%v %s %q %d %f %e
//! %g %x %X %o %b %c %t %T %U %%` with flags, width and precision, and Go's `%!d(string=x)`
//! marks for a verb that does not fit its argument), and the `%v` text of a float.

use super::value::Value;
use std::fmt::Write as _;

/// `fmt.Sprint`: operands printed with `%v`, a space between two operands when neither is a
/// string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, v) in args.iter().enumerate() {
        let is_str = |v: &Value| v.as_str().is_some();
        if i > 0 && !is_str(v) && args.get(i - 1).is_some_and(|p| !is_str(p)) {
            out.push(' ');
        }
        v.write_go(&mut out);
    }
    out
}

/// `fmt.Sprintln`: operands with `%v`, always a space between, a newline at the end.
pub fn sprintln(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, v) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        v.write_go(&mut out);
    }
    out.push('\n');
    out
}

/// One directive's flags, width and precision.
#[derive(Default, Clone, Copy)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// The widest padding or precision honoured; past it the directive is printed as Go prints a
/// bad width (`%!(BADWIDTH)`), so a template cannot ask for a gigabyte of spaces.
const MAX_WIDTH: usize = 1 << 16;

/// `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    let mut next = 0;
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let mut chars = rest.get(at + 1..).unwrap_or("").char_indices().peekable();
        let mut spec = Spec::default();
        let mut consumed = 0;
        while let Some(&(i, c)) = chars.peek() {
            match c {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
                '0' => spec.zero = true,
                _ => break,
            }
            consumed = i + 1;
            chars.next();
        }
        let mut bad_width = false;
        let mut number = |chars: &mut std::iter::Peekable<std::str::CharIndices>,
                          consumed: &mut usize,
                          next: &mut usize|
         -> Option<usize> {
            if let Some(&(i, '*')) = chars.peek() {
                chars.next();
                *consumed = i + 1;
                let v = args.get(*next);
                *next += 1;
                return match v {
                    Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
                    _ => {
                        bad_width = true;
                        None
                    }
                };
            }
            let mut n: Option<usize> = None;
            while let Some(&(i, c)) = chars.peek() {
                let Some(d) = c.to_digit(10) else { break };
                n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d as usize));
                *consumed = i + 1;
                chars.next();
            }
            n
        };
        spec.width = number(&mut chars, &mut consumed, &mut next);
        if let Some(&(i, '.')) = chars.peek() {
            chars.next();
            consumed = i + 1;
            spec.prec = Some(number(&mut chars, &mut consumed, &mut next).unwrap_or(0));
        }
        if spec.width.is_some_and(|w| w > MAX_WIDTH) || spec.prec.is_some_and(|p| p > MAX_WIDTH) {
            bad_width = true;
            spec.width = None;
            spec.prec = None;
        }
        if spec.minus {
            spec.zero = false;
        }
        let Some(&(i, verb)) = chars.peek() else {
            out.push_str("%!(NOVERB)");
            rest = "";
            break;
        };
        consumed = i + verb.len_utf8();
        rest = rest.get(at + 1 + consumed..).unwrap_or("");
        if bad_width {
            out.push_str("%!(BADWIDTH)");
        }
        if verb == '%' {
            out.push('%');
            continue;
        }
        match args.get(next) {
            None => {
                let _ = write!(out, "%!{verb}(MISSING)");
            }
            Some(v) => {
                format_one(&mut out, v, verb, spec);
            }
        }
        next += 1;
    }
    out.push_str(rest);
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        for (i, v) in args.iter().skip(next).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{}=", v.go_type());
            v.write_go(&mut out);
        }
        out.push(')');
    }
    out
}

/// Formats one argument with one verb.
fn format_one(out: &mut String, v: &Value, verb: char, spec: Spec) {
    if verb == 'T' {
        pad(out, v.go_type(), spec, false);
        return;
    }
    let text = match (v, verb) {
        (Value::Bool(b), 't' | 'v') => Some(b.to_string()),
        (Value::Int(i), _) => int(*i, verb, spec),
        (Value::Float(x), _) => float(*x, verb, spec),
        (Value::String(s) | Value::Safe(_, s), _) => string(s, verb, spec),
        (Value::Nil, 'v') => Some("<nil>".to_owned()),
        (Value::Object(o), 'v' | 's') => Some(o.display()),
        (Value::List(l), _) => {
            let mut s = String::from("[");
            for (i, e) in l.iter().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                format_one(&mut s, e, verb, Spec::default());
            }
            s.push(']');
            Some(s)
        }
        (Value::Map(m), _) => {
            let mut s = String::from("map[");
            for (i, (k, e)) in m.iter().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                format_one(&mut s, &Value::from(k.as_str()), verb, Spec::default());
                s.push(':');
                format_one(&mut s, e, verb, Spec::default());
            }
            s.push(']');
            Some(s)
        }
        _ => None,
    };
    match text {
        Some(text) => {
            let numeric = matches!(v, Value::Int(_) | Value::Float(_));
            pad(out, &text, spec, numeric);
        }
        None => match v {
            Value::Nil => {
                let _ = write!(out, "%!{verb}(<nil>)");
            }
            _ => {
                let _ = write!(out, "%!{verb}({}=", v.go_type());
                v.write_go(out);
                out.push(')');
            }
        },
    }
}

/// Pads `text` to the width: spaces, or zeros after the sign for numbers with the `0` flag.
fn pad(out: &mut String, text: &str, spec: Spec, numeric: bool) {
    let width = spec.width.unwrap_or(0);
    let len = text.chars().count();
    if len >= width {
        out.push_str(text);
        return;
    }
    let fill = width - len;
    if spec.minus {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero && !(numeric && text.ends_with(['f', 'N'])) {
        let (sign, digits) = match text.as_bytes().first() {
            Some(b'+' | b'-' | b' ') if numeric => text.split_at(1),
            _ => ("", text),
        };
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(text);
    }
}

fn sign(negative: bool, spec: Spec) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

fn int(i: i64, verb: char, spec: Spec) -> Option<String> {
    let n = i.unsigned_abs();
    let (digits, prefix) = match verb {
        'd' | 'v' => (n.to_string(), ""),
        'x' => (format!("{n:x}"), "0x"),
        'X' => (format!("{n:X}"), "0X"),
        'o' => (format!("{n:o}"), "0"),
        'O' => (format!("{n:o}"), "0o"),
        'b' => (format!("{n:b}"), "0b"),
        'c' => return Some(char::from_u32(i as u32).unwrap_or('\u{FFFD}').to_string()),
        'q' => return Some(quote_char(char::from_u32(i as u32).unwrap_or('\u{FFFD}'))),
        'U' => return Some(format!("U+{n:04X}")),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return None,
        _ => return None,
    };
    let mut digits = digits;
    if let Some(p) = spec.prec {
        if p == 0 && n == 0 {
            digits.clear();
        } else if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if spec.sharp && verb != 'd' && verb != 'v' {
        prefix
    } else if verb == 'O' {
        "0o"
    } else {
        ""
    };
    Some(format!("{}{prefix}{digits}", sign(i < 0, spec)))
}

fn float(x: f64, verb: char, spec: Spec) -> Option<String> {
    if x.is_nan() {
        return Some(if spec.plus { "+NaN" } else { "NaN" }.to_owned());
    }
    if x.is_infinite() {
        return Some(format!("{}Inf", if x < 0.0 { "-" } else { "+" }));
    }
    let s = sign(x.is_sign_negative(), spec);
    let a = x.abs();
    let body = match verb {
        'v' | 'g' | 'G' => {
            let mut b = String::new();
            g(a, spec.prec, &mut b);
            if verb == 'G' {
                b = b.to_uppercase();
            }
            b
        }
        'f' | 'F' => format!("{a:.*}", spec.prec.unwrap_or(6)),
        'e' | 'E' => {
            let b = e(a, spec.prec.unwrap_or(6));
            if verb == 'E' { b.to_uppercase() } else { b }
        }
        _ => return None,
    };
    Some(format!("{s}{body}"))
}

/// The `%v` text of a float, as `fmt.Sprint` prints it: the shortest digits that read back as
/// the same float, in `%e` form for exponents below -4 or from 6 up (`1e+06`).
pub fn float_v(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("NaN");
    } else if x.is_infinite() {
        out.push_str(if x < 0.0 { "-Inf" } else { "+Inf" });
    } else {
        if x.is_sign_negative() {
            out.push('-');
        }
        g(x.abs(), None, out);
    }
}

/// The decimal digits of `a` (no trailing zeros) and the position of the decimal point:
/// `a = 0.DIGITS × 10^dp`. `sig` rounds to that many significant digits; `None` is shortest.
fn digits(a: f64, sig: Option<usize>) -> (Vec<u8>, i32) {
    let text = match sig {
        None => format!("{a:e}"),
        Some(n) => format!("{a:.*e}", n.max(1) - 1),
    };
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    if d == [b'0'] {
        return (d, 1);
    }
    (d, exp + 1)
}

/// strconv's `%g`: `%e` when the exponent is < -4 or >= the precision (6 for shortest).
fn g(a: f64, prec: Option<usize>, out: &mut String) {
    let prec = prec.map(|p| p.max(1));
    let (d, dp) = digits(a, prec);
    let nd = d.len() as i32;
    let mut eprec = match prec {
        None => 6,
        Some(p) => p as i32,
    };
    if prec.is_some() && eprec > nd && nd >= dp {
        eprec = nd;
    }
    let exp = dp - 1;
    if exp < -4 || exp >= eprec {
        let p = match prec {
            Some(p) => (p as i32).min(nd),
            None => nd,
        };
        write_e(&d, dp, (p - 1).max(0) as usize, out);
    } else {
        let p = match prec {
            Some(p) if (p as i32) <= dp => p as i32,
            _ => nd,
        };
        write_f(&d, dp, (p - dp).max(0) as usize, out);
    }
}

/// `%e` with `prec` digits after the point.
fn e(a: f64, prec: usize) -> String {
    let text = format!("{a:.prec$e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!(
        "{mantissa}e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn write_e(d: &[u8], dp: i32, prec: usize, out: &mut String) {
    out.push(char::from(d.first().copied().unwrap_or(b'0')));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(char::from(d.get(i).copied().unwrap_or(b'0')));
        }
    }
    let exp = if d == [b'0'] { 0 } else { dp - 1 };
    let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
}

fn write_f(d: &[u8], dp: i32, prec: usize, out: &mut String) {
    if dp > 0 {
        for i in 0..dp as usize {
            out.push(char::from(d.get(i).copied().unwrap_or(b'0')));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec as i32 {
            let at = dp + i;
            let c = if at < 0 {
                b'0'
            } else {
                d.get(at as usize).copied().unwrap_or(b'0')
            };
            out.push(char::from(c));
        }
    }
}

fn string(s: &str, verb: char, spec: Spec) -> Option<String> {
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
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        escape_char(c, '"', &mut out);
    }
    out.push('"');
    out
}

fn quote_char(c: char) -> String {
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

#[cfg(test)]
mod tests;
