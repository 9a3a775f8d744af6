//! Hugo's `urlize`, as the `:slug` of a permalink uses it on a slug or a title, and as taxonomy
//! terms are keyed.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// Hugo's `urlize`, as `:slug` uses it on a slug or title (its `paths.Sanitize`, lowercased):
/// letters, decimal digits, marks, `./\_#+~-@` and `%` before two hex digits kept, a run of
/// whitespace between kept characters becomes one `-`, everything else is dropped. The permalink
/// then decodes the `%XX` escapes and sanitizes again (`100%25` ends as `100`, `%c3%a9` as `é`).
pub fn urlize(title: &str) -> String {
    let once = sanitize(title);
    if once.contains('%') {
        sanitize(&crate::percent::decode(&once))
    } else {
        once
    }
}

fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for (i, c) in text.char_indices() {
        let escape = || {
            let hex = |at: usize| text.as_bytes().get(at).is_some_and(u8::is_ascii_hexdigit);
            hex(i + 1) && hex(i + 2)
        };
        let keep = c != ' '
            && (matches!(
                c.general_category_group(),
                GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
            ) || c.general_category() == GeneralCategory::DecimalNumber
                || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
                || (c == '%' && escape()));
        if keep {
            if pending_dash {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.is_empty() {
            pending_dash = true;
        }
    }
    out
}
