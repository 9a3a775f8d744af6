//! The book's items written as JSON exactly as `serde_json` writes them, byte for byte, with the
//! one difference that matters for speed: a string is scanned eight bytes at a time for what
//! must be escaped, where `serde_json` looks each byte up in a table. Chapter contents are nearly
//! all of mdBook's JSON, and escaping them was the largest single cost of writing it.

use mdbook_preprocessor::book::BookItem;
use std::io::{self, Write};

/// Writes `item` as `serde_json::to_writer` does.
pub fn write_item(out: &mut impl Write, item: &BookItem) -> io::Result<()> {
    let BookItem::Chapter(ch) = item else {
        return serde_json::to_writer(out, item).map_err(io::Error::from);
    };
    // The fields of mdBook's `Chapter`, in its order (a test holds this to serde's output).
    out.write_all(b"{\"Chapter\":{\"name\":")?;
    write_str(out, &ch.name)?;
    out.write_all(b",\"content\":")?;
    write_str(out, &ch.content)?;
    out.write_all(b",\"number\":")?;
    serde_json::to_writer(&mut *out, &ch.number)?;
    out.write_all(b",\"sub_items\":[")?;
    for (i, sub) in ch.sub_items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_item(out, sub)?;
    }
    out.write_all(b"],\"path\":")?;
    serde_json::to_writer(&mut *out, &ch.path)?;
    out.write_all(b",\"source_path\":")?;
    serde_json::to_writer(&mut *out, &ch.source_path)?;
    out.write_all(b",\"parent_names\":")?;
    serde_json::to_writer(&mut *out, &ch.parent_names)?;
    out.write_all(b"}}")
}

/// `s` as a JSON string, quotes included, escaped as `serde_json` escapes it: `"` and `\`, the
/// short escapes `\b \t \n \f \r`, any other control character as `\u00xx`; nothing else.
pub fn write_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    let bytes = s.as_bytes();
    out.write_all(b"\"")?;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The next byte to escape: found a word at a time, then byte by byte in the last few.
        let at = match bytes.get(i..i + 8) {
            Some(word) => {
                let hits = escapes(u64::from_le_bytes(word.try_into().expect("eight bytes")));
                if hits == 0 {
                    i += 8;
                    continue;
                }
                i + (hits.trailing_zeros() / 8) as usize
            }
            None => match bytes[i..]
                .iter()
                .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
            {
                Some(k) => i + k,
                None => break,
            },
        };
        out.write_all(&bytes[run..at])?;
        let b = bytes[at];
        match b {
            b'"' => out.write_all(b"\\\"")?,
            b'\\' => out.write_all(b"\\\\")?,
            b'\n' => out.write_all(b"\\n")?,
            b'\r' => out.write_all(b"\\r")?,
            b'\t' => out.write_all(b"\\t")?,
            0x08 => out.write_all(b"\\b")?,
            0x0C => out.write_all(b"\\f")?,
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let (hi, lo) = (HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]);
                out.write_all(&[b'\\', b'u', b'0', b'0', hi, lo])?;
            }
        }
        run = at + 1;
        i = at + 1;
    }
    out.write_all(&bytes[run..])?;
    out.write_all(b"\"")
}

/// The high bit of each byte of `w` (little-endian) that JSON must escape: below 0x20, `"`, `\`.
fn escapes(w: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    // The high bit of each zero byte of `v`, exactly (no carries between bytes).
    let zeros = |v: u64| !(((v & (ONES * 0x7F)) + ONES * 0x7F) | v | (ONES * 0x7F));
    zeros(w & (ONES * 0xE0))
        | zeros(w ^ (ONES * u64::from(b'"')))
        | zeros(w ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_preprocessor::book::{Chapter, SectionNumber};

    fn same_as_serde(item: &BookItem) {
        let mut ours = Vec::new();
        write_item(&mut ours, item).unwrap();
        let theirs = serde_json::to_vec(item).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_escape_as_serde_escapes_them() {
        let mut every: String = (0u8..0x80).map(char::from).collect();
        every.push_str("é — 日本 🦀 \u{2028}\u{85}\u{7f}");
        let samples = [
            String::new(),
            "a".into(),
            "\"".into(),
            "12345678".into(),
            "1234567\n".into(),
            "\n1234567".into(),
            "12345678\\".into(),
            "a\u{1}b\u{1f}c\u{0}".into(),
            "line one\nline \"two\"\t\\end\r\n".repeat(9),
            every.clone(),
            every.chars().rev().collect(),
            "x".repeat(1000) + "\u{8}" + &"y".repeat(7),
        ];
        for s in samples {
            let mut ours = Vec::new();
            write_str(&mut ours, &s).unwrap();
            assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
            // Every offset, so each byte is met at each place of an eight-byte word.
            for cut in 1..s.len().min(24) {
                if let Some(tail) = s.get(cut..) {
                    let mut ours = Vec::new();
                    write_str(&mut ours, tail).unwrap();
                    assert_eq!(ours, serde_json::to_vec(tail).unwrap(), "{tail:?}");
                }
            }
        }
    }

    #[test]
    fn items_are_written_as_serde_writes_them() {
        let mut inner = Chapter::new(
            "Inner \"quoted\"",
            "body\n".into(),
            "a/b.md",
            vec!["Outer".into()],
        );
        inner.number = Some(SectionNumber::new(vec![1, 2]));
        let mut outer = Chapter::new("Outer", "# Outer\n\ttext\u{1}".into(), "a.md", vec![]);
        outer.number = Some(SectionNumber::new(vec![1]));
        outer.sub_items = vec![
            BookItem::Chapter(inner),
            BookItem::Separator,
            BookItem::PartTitle("Part \\ two".into()),
        ];
        let draft = Chapter::new_draft("Draft", vec!["Outer".into()]);
        for item in [
            BookItem::Chapter(outer),
            BookItem::Chapter(draft),
            BookItem::Separator,
            BookItem::PartTitle("Part".into()),
        ] {
            same_as_serde(&item);
        }
    }
}
