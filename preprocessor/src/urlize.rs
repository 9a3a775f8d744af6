//! Hugo's URL path helpers, as hugo 0.111 has them (helpers/path.go, helpers/url.go): the
//! Unicode sanitizer behind `urlize`, term keys and every page path (`UnicodeSanitize`, then
//! lowercased unless `disablePathToLower`), the escaping `url.Parse(..).String()` applies to a
//! finished link, the `url.QueryUnescape` a permalink pattern's expansion goes through (which is
//! why `C++` ends as `c-`: `+` unescapes to a space), and the slug `:slug` makes of a title.
//! Pure string functions.

/// The slug `/p/:slug/` ends with for `title` (or a `slug`), as hugo 0.111 computes it: its
/// `urlize` (sanitized, lowercased, URL-escaped), then the permalink's `url.QueryUnescape` and a
/// second sanitizing: `%XX` escapes are decoded (`%c3%a9` ends as `é`, `100%25` as `100`) and a
/// `+` becomes a space, then a `-` (`C++ Tips` is `c-tips`).
pub fn slug(title: &str) -> String {
    let once = make_path(title, false);
    match query_unescape(&url_escape(&once)) {
        Some(text) => make_path(&text, false),
        None => once,
    }
}

/// Hugo's `UnicodeSanitize`: letters, decimal digits, marks, `./\_#+~-@` and `%` before two
/// hex digits are kept; a run of whitespace between kept characters becomes one `-` (none
/// after a `-`); everything else is dropped.
pub fn sanitize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut prepend_hyphen = false;
    let mut was_hyphen = false;
    for (i, c) in text.char_indices() {
        // `%` and hex digits are ASCII: two bytes on are two characters on.
        let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
        let allowed = matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
            || is_letter_digit_or_mark(c)
            || (c == '%' && hex(i + 1) && hex(i + 2));
        if allowed {
            was_hyphen = c == '-';
            if prepend_hyphen {
                if !was_hyphen {
                    out.push('-');
                }
                prepend_hyphen = false;
            }
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            prepend_hyphen = true;
        }
    }
    out
}

/// Go's `unicode.IsLetter || unicode.IsDigit || unicode.IsMark`.
fn is_letter_digit_or_mark(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
    ) || c.general_category() == GeneralCategory::DecimalNumber
}

/// Hugo's `MakePathSanitized`: [`sanitize`], lowercased unless `keep_case`
/// (`disablePathToLower`).
pub fn make_path(text: &str, keep_case: bool) -> String {
    let path = sanitize(text);
    if keep_case { path } else { path.to_lowercase() }
}

/// Hugo's `URLize`: the sanitized, lowercased text, escaped as a URL path.
pub fn urlize(text: &str, keep_case: bool) -> String {
    url_escape(&make_path(text, keep_case))
}

/// What Go's `url.Parse(s).String()` makes of a path: bytes other than unreserved ones and
/// `$&+,/:;=@` percent-encoded (UTF-8, upper-case hex), valid `%XX` escapes kept, and the
/// query (`?...`) and fragment (`#...`) left as they are.
pub fn url_escape(text: &str) -> String {
    let end = text.find(['?', '#']).unwrap_or(text.len());
    let (path, rest) = text.split_at(end);
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escape_here = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_alphanumeric() || b"-_.~$&+,/:;=@".contains(&b) || escape_here {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        i += 1;
    }
    out.push_str(rest);
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Go's `url.QueryUnescape`: `+` is a space and `%XX` a byte; `None` for a `%` not followed by
/// two hex digits (Go's error). Bytes that do not form UTF-8 become U+FFFD.
pub fn query_unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let digit = |at: usize| bytes.get(at).and_then(|&d| (d as char).to_digit(16));
                let (high, low) = (digit(i + 1)?, digit(i + 2)?);
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}
