//! A fast reader for the plain YAML front matter nearly every post has: `key: value` lines, lists
//! of values (`- a` lines or `[a, b]`), lists of flat maps (`links:` cards), plain or simply
//! quoted scalars. It gives exactly the value `serde_yaml` gives, or `None` at the first thing
//! it is not sure of (escapes, block scalars, anchors, tags, multi-line scalars, comments after
//! values, tabs, CRs, unusual characters, ...), and the caller asks `serde_yaml`. A fuzz target
//! (`fuzz/fuzz_targets/yaml.rs`) checks that the two agree whenever this one answers.
//!
//! Profiling the benchmark's 10,000 posts put a fifth of the preprocessor's time in
//! `serde_yaml`, most of it setting up and driving libyaml's event machinery for a dozen lines.

use serde_json::{Map, Number, Value};

/// The front matter `text` as `serde_yaml` reads it, when it is plain enough to be sure.
pub fn simple(text: &str) -> Option<Value> {
    let plain_ascii =
        text.is_ascii() && !text.bytes().any(|b| (b < b' ' && b != b'\n') || b == 0x7F);
    if !plain_ascii && text.chars().any(unusual) {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut map = Map::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if skip(line) {
            i += 1;
            continue;
        }
        if line.starts_with(' ') {
            return None;
        }
        let (key, rest) = key_value(line)?;
        if map.contains_key(key) {
            return None;
        }
        i += 1;
        let value = if rest.trim_matches(' ').is_empty() {
            let (value, next) = block(&lines, i)?;
            i = next;
            value
        } else {
            inline(rest.trim_matches(' '), false)?
        };
        map.insert(key.to_owned(), value);
    }
    (!map.is_empty()).then_some(Value::Object(map))
}

/// Characters this reader leaves to libyaml: line breaks other than `\n` (YAML 1.1 has several),
/// tabs, control characters, BOMs and non-characters.
fn unusual(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// Blank and comment-only lines carry nothing.
fn skip(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    t.is_empty() || t.starts_with('#')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `key: rest` or `key:` with a plain word of a key.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let (key, rest) = (&line[..colon], &line[colon + 1..]);
    let mut chars = key.chars();
    let first = chars.next()?;
    let word = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !word || keyword(key).is_some() || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, rest))
}

/// What follows a `key:` line: a block list (at the key's column or deeper), or nothing (null).
/// Returns the value and the line after it.
fn block(lines: &[&str], start: usize) -> Option<(Value, usize)> {
    let Some(first) = (start..lines.len()).find(|&j| !skip(lines[j])) else {
        return Some((Value::Null, lines.len()));
    };
    let column = indent(lines[first]);
    if !lines[first][column..].starts_with('-') {
        // A nested map or a continued scalar: libyaml's business. A key at column 0: null.
        return (column == 0).then_some((Value::Null, first));
    }
    let mut items = Vec::new();
    let mut j = first;
    while j < lines.len() {
        let line = lines[j];
        if skip(line) {
            j += 1;
            continue;
        }
        let at = indent(line);
        if at < column || (at == column && !line[at..].starts_with('-')) {
            break;
        }
        let item = line[at..].strip_prefix("- ")?;
        if at != column || item.starts_with(' ') || item.trim_matches(' ').is_empty() {
            return None;
        }
        j += 1;
        match key_value(item) {
            Some((key, rest)) => {
                // A flat map: its first key on the `- ` line, the others two columns in.
                let mut card = Map::new();
                card.insert(key.to_owned(), inline(nonempty(rest)?, false)?);
                while j < lines.len() {
                    if skip(lines[j]) {
                        j += 1;
                        continue;
                    }
                    let at = indent(lines[j]);
                    if at <= column {
                        break;
                    }
                    if at != column + 2 {
                        return None;
                    }
                    let (key, rest) = key_value(&lines[j][at..])?;
                    if card.contains_key(key) {
                        return None;
                    }
                    card.insert(key.to_owned(), inline(nonempty(rest)?, false)?);
                    j += 1;
                }
                items.push(Value::Object(card));
            }
            None => {
                items.push(scalar(item.trim_end_matches(' '), false)?);
                // A deeper line would continue the item: not ours.
                if let Some(&next) = lines[j..].iter().find(|l| !skip(l))
                    && indent(next) > column
                {
                    return None;
                }
            }
        }
    }
    Some((Value::Array(items), j))
}

/// `rest` without its surrounding spaces (only spaces: YAML's whitespace), unless empty.
fn nonempty(rest: &str) -> Option<&str> {
    let t = rest.trim_matches(' ');
    (!t.is_empty()).then_some(t)
}

/// A value on the key's line: a scalar or a flow list of scalars.
fn inline(text: &str, in_flow: bool) -> Option<Value> {
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if in_flow {
            return None;
        }
        if inner.trim_matches(' ').is_empty() {
            return Some(Value::Array(Vec::new()));
        }
        return inner
            .split(',')
            .map(|item| scalar(nonempty(item)?, true))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array);
    }
    scalar(text, in_flow)
}

/// One scalar, trimmed: quoted without escapes, or plain.
fn scalar(text: &str, in_flow: bool) -> Option<Value> {
    for quote in ['"', '\''] {
        if let Some(rest) = text.strip_prefix(quote) {
            let inner = rest.strip_suffix(quote)?;
            let special = if quote == '"' {
                &['"', '\\'][..]
            } else {
                &['\''][..]
            };
            if inner.contains(special) || (in_flow && inner.contains([',', '[', ']', '{', '}'])) {
                return None;
            }
            return Some(Value::String(inner.to_owned()));
        }
    }
    plain(text, in_flow)
}

/// A plain scalar, typed as serde_yaml types it: null and booleans by keyword, numbers as Rust
/// and YAML 1.2 read them, the rest text.
fn plain(text: &str, in_flow: bool) -> Option<Value> {
    let first = text.chars().next()?;
    // Indicators that start something else, and characters that would end or split the scalar:
    // `: `, ` #`, a final `:`, brackets and braces (and in a flow list `,` and `:`), in one pass
    // over the bytes (all ASCII, so never part of a longer character).
    let mut previous = 0u8;
    for &b in text.as_bytes() {
        let splits = match b {
            b'[' | b']' | b'{' | b'}' => true,
            b',' | b':' => in_flow,
            b' ' => previous == b':',
            b'#' => previous == b' ',
            _ => false,
        };
        if splits {
            return None;
        }
        previous = b;
    }
    if "?:,[]{}#&*!|>'\"%@`".contains(first)
        || previous == b':'
        || text.starts_with("---")
        || text.starts_with("...")
        || text.starts_with("- ")
        || text == "-"
    {
        return None;
    }
    if let Some(value) = keyword(text) {
        return Some(value);
    }
    if first.is_ascii_alphabetic() {
        // Neither an integer (no radix prefix starts with a letter) nor a finite float.
        return Some(Value::String(text.to_owned()));
    }
    if first.is_ascii_digit() {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        match text[digits..].chars().next() {
            None if text == "0" || (!text.starts_with('0') && digits <= 18) => {
                return text
                    .parse::<u64>()
                    .ok()
                    .map(|n| Value::Number(Number::from(n)));
            }
            // After the leading digits only `.`, `e`, `E` continue a float and only `x`, `o`, `b`
            // (after a lone `0`) an integer: anything else makes it text (dates, times, versions).
            Some(c) if !matches!(c, '.' | 'e' | 'E' | 'x' | 'o' | 'b' | '_') => {
                return Some(Value::String(text.to_owned()));
            }
            _ => {}
        }
    }
    // Signs, dots, radix prefixes, exponents: let serde_yaml type the scalar alone, which it does
    // as it would inside the map, the text being one plain scalar of one line.
    match serde_yaml::from_str::<Value>(text).ok()? {
        v @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_)) => Some(v),
        _ => None,
    }
}

/// The null and boolean keywords of YAML 1.2's core schema, as serde_yaml reads them.
fn keyword(text: &str) -> Option<Value> {
    match text {
        "null" | "Null" | "NULL" | "~" => Some(Value::Null),
        "true" | "True" | "TRUE" => Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => Some(Value::Bool(false)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
