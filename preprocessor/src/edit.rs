//! Edits: replacements of byte ranges of the author's source, applied in one pass into a fresh
//! buffer. Everything outside the edited ranges is copied byte for byte.

use std::ops::Range;

/// Replace `range` of the source with `text` (an empty range inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, text: impl Into<String>) -> Edit {
        Edit {
            range,
            text: text.into(),
        }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit {
            range: at..at,
            text: text.into(),
        }
    }
}

/// Applies `edits` to `source`. Edits are sorted by position (insertions at one offset keep
/// their order); an edit overlapping an earlier one, or out of bounds, is skipped rather than
/// corrupting the text.
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let extra: usize = edits.iter().map(|e| e.text.len()).sum();
    let mut out = String::with_capacity(source.len() + extra);
    let mut copied = 0;
    for edit in edits {
        let Range { start, end } = edit.range;
        if start < copied
            || end > source.len()
            || start > end
            || !source.is_char_boundary(start)
            || !source.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&source[copied..start]);
        out.push_str(&edit.text);
        copied = end;
    }
    out.push_str(&source[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splices_in_order_and_keeps_the_rest() {
        let src = "a [x](/p/y) b";
        let edits = vec![
            Edit::insert(11, "!"),
            Edit::replace(6..10, "y.md"),
            Edit::replace(0..1, "A"),
            Edit::insert(11, "?"),
        ];
        assert_eq!(apply(src, edits), "A [x](y.md)!? b");
    }

    #[test]
    fn overlapping_and_out_of_range_edits_are_skipped() {
        let src = "héllo";
        let edits = vec![
            Edit::replace(0..3, "X"),
            Edit::replace(1..4, "Y"),
            Edit::replace(2..3, "Z"),
            Edit::insert(99, "W"),
        ];
        assert_eq!(apply(src, edits), "Xllo");
    }
}
