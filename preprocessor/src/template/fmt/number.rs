//! Numbers as `printf` formats them: integers in decimal, hex, octal, binary, as a character or
//! a quoted one and as `U+XXXX`, with sign flags and precision as minimum digits; floats in
//! `%f`, `%e` and strconv's `%g` (the shortest digits that read back as the same float when no
//! precision is given), and the `%v` text `fmt.Sprint` gives a float.

use super::Spec;
use super::quote::quote_char;
use std::fmt::Write as _;

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

pub fn int(i: i64, verb: char, spec: Spec) -> Option<String> {
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

pub fn float(x: f64, verb: char, spec: Spec) -> Option<String> {
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
