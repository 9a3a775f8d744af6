//! Where a link destination is in the author's source: pulldown-cmark gives the parsed
//! destination and the range of the whole link or definition; these find the destination's own
//! bytes inside it, as written (escapes, `<>` and all), so it can be replaced alone.

use std::ops::Range;

/// The destination of an inline link `[text](dest "title")` whose text ends at `inner_end` and
/// whole link ends at `end`; `None` when the source is not shaped as expected.
pub fn inline_destination(body: &str, inner_end: usize, end: usize) -> Option<Range<usize>> {
    let tail = body.get(inner_end..end)?;
    let open = tail.find("](")? + 2;
    // Only the closing bracket of the text may stand between the text and `](`.
    if !tail[..open - 2].trim().is_empty() {
        return None;
    }
    destination_at(body, inner_end + open, end)
}

/// The destination of a reference definition `[label]: dest "title"` spanning `span`.
pub fn definition_destination(body: &str, span: Range<usize>) -> Option<Range<usize>> {
    let text = body.get(span.clone())?;
    let colon = text.find("]:")? + 2;
    destination_at(body, span.start + colon, span.end)
}

/// A destination as written, without the `<>` that may enclose it (only those: a bare
/// destination may end in `>`).
pub fn unbracketed(raw: &str) -> &str {
    raw.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(raw)
}

/// A destination starting after optional whitespace (one line break at most) at `from`.
pub fn destination_at(body: &str, from: usize, limit: usize) -> Option<Range<usize>> {
    let text = body.get(from..limit)?;
    let start = from + (text.len() - text.trim_start().len());
    let rest = body.get(start..limit)?;
    if rest.starts_with('<') {
        // Up to the first `>` not escaped; a line break or `<` first makes it no destination.
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '>' => return Some(start..start + i + 1),
                '<' | '\n' => return None,
                _ => {}
            }
        }
        return None;
    }
    let mut depth = 0i32;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(start..start + i),
            ')' => depth -= 1,
            c if c.is_whitespace() || c.is_control() => return Some(start..start + i),
            _ => {}
        }
    }
    Some(start..limit)
}
