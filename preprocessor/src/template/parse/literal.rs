//! Literals as Go reads them: `strconv.Unquote` for interpreted ("\n", "\x41", "\u00e9") and
//! raw strings, character constants, and numbers (base prefixes, `_` separators, floats),
//! typed as text/template hands constants to functions: a float when the text has `.`, `e` or
//! `p` (not in a hex integer), an int otherwise.

use crate::template::value::Value;

/// The string a quoted literal (`"..."` or `` `...` ``) stands for.
pub fn unquote(text: &str) -> Result<String, String> {
    if let Some(raw) = text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        return Ok(raw.replace('\r', ""));
    }
    let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
        return Err(format!("invalid syntax: {text}"));
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        escape(&mut chars, '"', &mut out).map_err(|()| format!("invalid syntax: {text}"))?;
    }
    Ok(out)
}

/// One escape after a backslash; `quote` is the only quote that may be escaped.
fn escape(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    quote: char,
    out: &mut String,
) -> Result<(), ()> {
    let c = chars.next().ok_or(())?;
    let hex = |chars: &mut std::iter::Peekable<std::str::Chars>, n: usize| -> Result<u32, ()> {
        let mut v = 0u32;
        for _ in 0..n {
            let d = chars.next().and_then(|c| c.to_digit(16)).ok_or(())?;
            v = v * 16 + d;
        }
        Ok(v)
    };
    match c {
        'a' => out.push('\x07'),
        'b' => out.push('\x08'),
        'f' => out.push('\x0c'),
        'n' => out.push('\n'),
        'r' => out.push('\r'),
        't' => out.push('\t'),
        'v' => out.push('\x0b'),
        '\\' => out.push('\\'),
        c if c == quote => out.push(c),
        'x' => {
            // A byte: Go strings may hold any bytes; ours are UTF-8, so a byte past ASCII
            // stands for the replacement character.
            let v = hex(chars, 2)?;
            out.push(char::from_u32(v).filter(|_| v < 0x80).unwrap_or('\u{FFFD}'));
        }
        'u' => out.push(char::from_u32(hex(chars, 4)?).ok_or(())?),
        'U' => out.push(char::from_u32(hex(chars, 8)?).ok_or(())?),
        '0'..='7' => {
            let mut v = c.to_digit(8).ok_or(())?;
            for _ in 0..2 {
                v = v * 8 + chars.next().and_then(|c| c.to_digit(8)).ok_or(())?;
            }
            if v > 255 {
                return Err(());
            }
            out.push(char::from_u32(v).filter(|_| v < 0x80).unwrap_or('\u{FFFD}'));
        }
        _ => return Err(()),
    }
    Ok(())
}

/// A number or character constant.
pub fn number(text: &str, char_constant: bool) -> Result<Value, String> {
    if char_constant {
        let inner = text
            .strip_prefix('\'')
            .and_then(|t| t.strip_suffix('\''))
            .unwrap_or("");
        let mut chars = inner.chars().peekable();
        let mut out = String::new();
        match chars.next() {
            Some('\\') => escape(&mut chars, '\'', &mut out)
                .map_err(|()| format!("malformed character constant: {text}"))?,
            Some(c) => out.push(c),
            None => return Err(format!("malformed character constant: {text}")),
        }
        let mut got = out.chars();
        return match (got.next(), got.next(), chars.next()) {
            (Some(c), None, None) => Ok(Value::Int(i64::from(u32::from(c)))),
            _ => Err(format!("malformed character constant: {text}")),
        };
    }
    let illegal = || format!("illegal number syntax: {text:?}");
    if text.ends_with('i') {
        return Err(format!("complex number {text} is not supported"));
    }
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let (negative, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, clean.get(1..).unwrap_or("")),
        Some(b'+') => (false, clean.get(1..).unwrap_or("")),
        _ => (false, clean.as_str()),
    };
    let lower = body.to_ascii_lowercase();
    let hex = lower.starts_with("0x");
    if hex && lower.contains('p') || !hex && lower.contains(['.', 'e']) {
        if hex {
            return Err(format!("hexadecimal float {text} is not supported"));
        }
        let x: f64 = body.parse().map_err(|_| illegal())?;
        if x.is_infinite() {
            return Err(illegal());
        }
        return Ok(Value::Float(if negative { -x } else { x }));
    }
    let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
        (h, 16)
    } else if let Some(o) = lower.strip_prefix("0o") {
        (o, 8)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (b, 2)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower.get(1..).unwrap_or(""), 8)
    } else {
        (lower.as_str(), 10)
    };
    if digits.is_empty() {
        return Err(illegal());
    }
    let magnitude = u64::from_str_radix(digits, radix).map_err(|_| illegal())?;
    let value = if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    };
    value
        .map(Value::Int)
        .ok_or_else(|| format!("{text} overflows int"))
}
