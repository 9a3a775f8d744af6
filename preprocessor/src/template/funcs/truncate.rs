//! Hugo's `truncate LENGTH [ELLIPSIS] TEXT` (`strings.Truncate`), as Hugo 0.111 does it: text of
//! at most LENGTH characters is returned whole; longer text is cut at the last word boundary
//! before the limit (or mid-word when the first word is already too long; CJK characters are
//! each a word) and the ellipsis, `" …"` by default, is added. Plain text is HTML-escaped and
//! the result is HTML. Trusted HTML keeps its tags, which do not count towards the length,
//! and the tags left open at the cut are closed, innermost first.

use super::numbers::{to_int, to_string};
use super::{Fail, Result};
use crate::template::escaper::escape_string;
use crate::template::value::{Safe, Value};
use regex::Regex;
use std::sync::OnceLock;

/// Elements with no end tag: never left open.
const SINGLETS: &[&str] = &[
    "br", "col", "link", "base", "img", "param", "area", "hr", "input",
];

/// A tag of the text: where it starts, and whether it opens an element.
struct Tag<'a> {
    name: &'a str,
    pos: usize,
    open: bool,
}

/// Hugo's `tagRE`, with Go's ASCII `\s`; `None` only if the constant pattern did not compile.
fn tag_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^<(/)?([^ ]+?)(?:([\t\n\x0c\r ]*/)| .*?)?>").ok())
        .as_ref()
}

/// Go's `unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)`.
fn is_cjk(c: char) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let mut buf = [0u8; 4];
    RE.get_or_init(|| Regex::new(r"^[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]$").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

pub fn truncate(args: &[Value]) -> Result<Value> {
    let (length, ellipsis, text) = match args {
        [length, text] => (length, None, text),
        [length, ellipsis, text] => (length, Some(ellipsis), text),
        [] | [_] => return Err("truncate requires a length and a string".into()),
        _ => return Err("too many arguments passed to truncate".into()),
    };
    let length = to_int(length)?;
    let ellipsis = match ellipsis {
        None => " …".to_owned(),
        Some(Value::Safe(Safe::Html, e)) => e.to_string(),
        Some(e) => {
            escape_string(&to_string(e).map_err(|_| Fail::from("ellipsis must be a string"))?)
        }
    };
    let is_html = matches!(text, Value::Safe(Safe::Html, _));
    let text = to_string(text).map_err(|_| Fail::from("text must be a string"))?;
    let whole = |text: &str| {
        Value::html(if is_html {
            text.to_owned()
        } else {
            escape_string(text)
        })
    };
    if i64::try_from(text.chars().count()).unwrap_or(i64::MAX) <= length {
        return Ok(whole(&text));
    }
    let mut tags: Vec<Tag> = Vec::new();
    let (mut last_word, mut last_non_space, mut count, mut next_tag) = (0, 0, 0i64, 0);
    for (i, c) in text.char_indices() {
        if i < next_tag {
            continue;
        }
        let rest = text.get(i..).unwrap_or("");
        if is_html && let Some(m) = tag_re().and_then(|re| re.captures(rest)) {
            let end = m.get(0).map_or(0, |m| m.end());
            next_tag = i + end;
            let name = m.get(2).map_or("", |g| g.as_str());
            let name = name.split_whitespace().next().unwrap_or(name);
            last_word = last_non_space;
            if !SINGLETS.contains(&name) && m.get(3).is_none() {
                tags.push(Tag {
                    name,
                    pos: i,
                    open: m.get(1).is_none(),
                });
            }
            continue;
        }
        count += 1;
        if c.is_whitespace() {
            last_word = last_non_space;
        } else if is_cjk(c) {
            last_word = i;
        } else {
            last_non_space = i + c.len_utf8();
        }
        if count > length {
            let end = if last_word == 0 { i } else { last_word };
            let cut = text.get(..end).unwrap_or("");
            if !is_html {
                return Ok(Value::html(escape_string(cut) + &ellipsis));
            }
            let mut out = String::with_capacity(end + ellipsis.len() + 16);
            out.push_str(cut);
            out.push_str(&ellipsis);
            close_open_tags(&tags, end, &mut out);
            return Ok(Value::html(out));
        }
    }
    Ok(whole(&text))
}

/// Hugo's closing of the tags open at `end`: walking back from the last tag, an end tag hides
/// the element it closes; every other open tag before `end` gets its end tag.
fn close_open_tags(tags: &[Tag], end: usize, out: &mut String) {
    let mut closed: Option<&str> = None;
    for tag in tags.iter().rev() {
        if tag.pos >= end || closed.is_some() {
            if closed == Some(tag.name) {
                closed = None;
            }
            continue;
        }
        if tag.open {
            out.push_str("</");
            out.push_str(tag.name);
            out.push('>');
        } else {
            closed = Some(tag.name);
        }
    }
}
