//! Percent-decoding, as a browser decodes a URL's fragment before matching it to an id and as
//! Hugo decodes a permalink: `%XX` escapes to bytes, then UTF-8 with U+FFFD for what does not
//! decode.

use std::borrow::Cow;

/// `s` with its `%XX` escapes decoded; bytes that do not form UTF-8 become U+FFFD.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let digit = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (digit(i + 1), digit(i + 2))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode_and_the_rest_stays() {
        assert_eq!(decode("no-escapes"), "no-escapes");
        assert_eq!(decode("a%20b%2fc"), "a b/c");
        assert_eq!(decode("%C3%A9t%C3%A9"), "été");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
