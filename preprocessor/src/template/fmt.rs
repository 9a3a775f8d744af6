//! Go's `fmt` as templates use it: `print`, `println`, `printf` (the verbs `%v %s %q %d %f %e
//! %g %x %X %o %b %c %t %T %U %%` with flags, width and precision, and Go's `%!d(string=x)`
//! marks for a verb that does not fit its argument), and the `%v` text of a float.

mod number;
mod quote;

pub use number::float_v;

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
        (Value::Int(i), _) => number::int(*i, verb, spec),
        (Value::Float(x), _) => number::float(*x, verb, spec),
        (Value::String(s) | Value::Safe(_, s), _) => quote::string(s, verb, spec),
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

#[cfg(test)]
mod tests;
