//! Hugo's `enableEmoji`: `:smile:` in a page's body becomes 😄, as hugo 0.111's page lexer
//! finds it and by the table it looks names up in (kyokomi/emoji's): in the body's source,
//! before it is rendered (code and link destinations included), outside shortcode calls; a
//! name is letters, digits, `_`, `-` and `+` between two colons; a name the table lacks is kept
//! as written, and the scan goes on after it.

mod codemap;

use std::borrow::Cow;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// `body` emojified as hugo 0.111 emojifies a page's content.
pub fn emojify(body: &str) -> Cow<'_, str> {
    let bytes = body.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(k) = memchr::memchr2(b':', b'{', &bytes[at..]) {
        let i = at + k;
        if bytes[i] == b'{' {
            // A shortcode call's name and parameters are not the body's text.
            at = match shortcode_end(body, i) {
                Some(end) => end,
                None => i + 1,
            };
            continue;
        }
        let Some(end) = name_end(body, i) else {
            at = i + 1;
            continue;
        };
        if let Some(emoji) = lookup(&bytes[i + 1..end]) {
            out.push_str(&body[copied..i]);
            out.push_str(emoji);
            copied = end + 1;
        }
        at = end + 1;
    }
    if copied == 0 {
        return Cow::Borrowed(body);
    }
    out.push_str(&body[copied..]);
    Cow::Owned(out)
}

/// Where the colon closing a name opened at `colon` is: hugo's `lexEmoji`.
fn name_end(body: &str, colon: usize) -> Option<usize> {
    for (off, c) in body[colon + 1..].char_indices() {
        if off > 0 && c == ':' {
            return Some(colon + 1 + off);
        }
        let letter_or_digit = c.is_ascii_alphanumeric()
            || (!c.is_ascii()
                && (c.general_category_group() == GeneralCategoryGroup::Letter
                    || c.general_category() == GeneralCategory::DecimalNumber));
        if !(letter_or_digit || matches!(c, '_' | '-' | '+')) {
            return None;
        }
    }
    None
}

/// The end of a shortcode call's delimiters opening at `at` (`{{<` or `{{%`), if it is one.
fn shortcode_end(body: &str, at: usize) -> Option<usize> {
    let rest = &body[at..];
    let close = if rest.starts_with("{{<") {
        ">}}"
    } else if rest.starts_with("{{%") {
        "%}}"
    } else {
        return None;
    };
    rest[3..].find(close).map(|e| at + 3 + e + close.len())
}

/// The emoji named `name` (without its colons).
fn lookup(name: &[u8]) -> Option<&'static str> {
    codemap::CODES
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
        .ok()
        .map(|i| codemap::CODES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_emoji_as_hugo_0111_makes_them() {
        // What hugo 0.111 wrote for this text with enableEmoji.
        assert_eq!(
            emojify(
                "Hi :smile: and :flag-pl: and :wink:, `code :smile:`, :not_an_emoji: and a:smile:b and :+1: :thumbsup:"
            ),
            "Hi 😄 and 🇵🇱 and 😉, `code 😄`, :not_an_emoji: and a😄b and 👍 👍"
        );
        assert_eq!(
            emojify(
                ":pensive_face: :aws: :flag-pl: :flag-us: :poland: :heavy_check_mark: :man_technologist:"
            ),
            "😔 :aws: 🇵🇱 :flag-us: 🇵🇱 ✔️ 👨\u{200d}💻"
        );
        // Hugo wrote the destination's emoji percent-encoded: it was there before rendering.
        assert_eq!(
            emojify("[link :tada:](https://x.org/:tada:)"),
            "[link 🎉](https://x.org/🎉)"
        );
        // Not in a shortcode call; in what it encloses, yes.
        assert_eq!(
            emojify("{{< x \":smile:\" >}}:smile:{{< /x >}} {{% y a=:tada: %}}"),
            "{{< x \":smile:\" >}}😄{{< /x >}} {{% y a=:tada: %}}"
        );
        assert!(matches!(emojify("no colons here"), Cow::Borrowed(_)));
        assert!(matches!(emojify("time 10:30, a: b"), Cow::Borrowed(_)));
        for odd in [
            ":",
            "::",
            ":::",
            "a:",
            ":é:",
            ": smile:",
            ":smile",
            "é:smile:é",
        ] {
            let _ = emojify(odd);
        }
        assert_eq!(emojify("é:smile:é"), "é😄é");
    }

    #[test]
    fn the_table_is_sorted_for_its_search() {
        assert!(
            codemap::CODES
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes())
        );
        assert!(
            codemap::CODES
                .iter()
                .all(|(n, e)| !n.is_empty() && !e.is_empty())
        );
    }
}
