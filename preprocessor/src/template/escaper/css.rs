//! The CSS escapers: CSS strings (each special character as a hex escape, a space after it
//! where the next character would extend it), and CSS values, which are decoded and refused as
//! `ZgotmplZ` when they could break out of the value or call `expression`/`-moz-binding`.
//! Also the CSS decoding and identifier rules the style context transitions use.

use super::{Content, FAILSAFE, Index, index, lookup};

const CSS: &Index = &index(&[
    ('\0', "\\0"),
    ('\t', "\\9"),
    ('\n', "\\a"),
    ('\x0c', "\\c"),
    ('\r', "\\d"),
    ('"', "\\22"),
    ('&', "\\26"),
    ('\'', "\\27"),
    ('(', "\\28"),
    (')', "\\29"),
    ('+', "\\2b"),
    ('/', "\\2f"),
    (':', "\\3a"),
    (';', "\\3b"),
    ('<', "\\3c"),
    ('>', "\\3e"),
    ('\\', "\\\\"),
    ('{', "\\7b"),
    ('}', "\\7d"),
]);

pub fn css_escape(s: &str, out: &mut String) {
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match lookup(CSS, c) {
            Some(r) => {
                out.push_str(r);
                let next = chars.peek().map(|&(_, n)| n);
                if r != "\\\\"
                    && next.is_none_or(|n| {
                        n.is_ascii_hexdigit() || matches!(n, '\t' | '\n' | '\x0c' | '\r' | ' ')
                    })
                {
                    out.push(' ');
                }
            }
            None => out.push(c),
        }
    }
}

pub fn css_value(s: &str, t: Content, out: &mut String) {
    if t == Content::Css {
        return out.push_str(s);
    }
    let decoded = decode_css(s.as_bytes());
    let mut id = Vec::with_capacity(decoded.len());
    for (i, &c) in decoded.iter().enumerate() {
        match c {
            0 | b'"' | b'\'' | b'(' | b')' | b'/' | b';' | b'@' | b'[' | b'\\' | b']' | b'`'
            | b'{' | b'}' => return out.push_str(FAILSAFE),
            b'-' if i != 0 && decoded.get(i - 1) == Some(&b'-') => return out.push_str(FAILSAFE),
            c if c < 0x80 && is_css_nmchar(char::from(c)) => id.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    let id = String::from_utf8_lossy(&id);
    if id.contains("expression") || id.contains("mozbinding") {
        return out.push_str(FAILSAFE);
    }
    out.push_str(&String::from_utf8_lossy(&decoded));
}

/// Whether `c` may appear in a CSS identifier.
pub fn is_css_nmchar(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '_'
        || ('\u{80}'..='\u{d7ff}').contains(&c)
        || ('\u{e000}'..='\u{fffd}').contains(&c)
        || ('\u{10000}'..='\u{10ffff}').contains(&c)
}

/// CSS3 escapes (`\22`, `\"`) decoded.
pub fn decode_css(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&n) = s.get(i + 1) else { break };
        if n.is_ascii_hexdigit() {
            let mut j = i + 1;
            let mut v: u32 = 0;
            while j < i + 7 && s.get(j).is_some_and(u8::is_ascii_hexdigit) {
                v = v * 16
                    + char::from(s.get(j).copied().unwrap_or(b'0'))
                        .to_digit(16)
                        .unwrap_or(0);
                j += 1;
            }
            if v > 0x10ffff {
                v /= 16;
                j -= 1;
            }
            let ch = char::from_u32(v).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            match s.get(j) {
                Some(b'\t' | b'\n' | b'\x0c' | b' ') => j += 1,
                Some(b'\r') => j += if s.get(j + 1) == Some(&b'\n') { 2 } else { 1 },
                _ => {}
            }
            i = j;
        } else {
            let len = std::str::from_utf8(s.get(i + 1..).unwrap_or(&[]))
                .ok()
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            out.extend_from_slice(s.get(i + 1..i + 1 + len).unwrap_or(&[]));
            i += 1 + len;
        }
    }
    out
}
