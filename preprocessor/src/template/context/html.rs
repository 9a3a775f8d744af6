//! The HTML transitions: text (a tag or a comment may start), a tag's name (noting `script`,
//! `style`, `textarea` and `title`, whose content is special), attribute names (their kind
//! decides what their value is: URL, script, style, srcset or plain), the `=` and the
//! delimiter of a value, the end of a special element's content, and the part of a URL a
//! point is in.

use super::{Attr, Ctx, Delim, Element, State, Step, UrlPart, eat_space, find};
use crate::template::escaper;

pub fn t_text(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let mut k = 0;
    loop {
        let Some(off) = s.get(k..).and_then(|r| r.iter().position(|&b| b == b'<')) else {
            return (c, s.len());
        };
        let mut i = k + off;
        if i + 1 == s.len() {
            return (c, s.len());
        }
        if s.get(i..i + 4) == Some(b"<!--") {
            return (Ctx::with_state(State::HtmlCmt), i + 4);
        }
        i += 1;
        let mut end = false;
        if s.get(i) == Some(&b'/') {
            if i + 1 == s.len() {
                return (c, s.len());
            }
            end = true;
            i += 1;
        }
        let (j, e) = eat_tag_name(s, i);
        if j != i {
            return (Ctx::tag(if end { Element::None } else { e }), j);
        }
        k = j;
    }
}

fn eat_tag_name(s: &[u8], i: usize) -> (usize, Element) {
    if !s.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return (i, Element::None);
    }
    let mut j = i + 1;
    while let Some(&x) = s.get(j) {
        if x.is_ascii_alphanumeric() {
            j += 1;
            continue;
        }
        if (x == b':' || x == b'-') && s.get(j + 1).is_some_and(u8::is_ascii_alphanumeric) {
            j += 2;
            continue;
        }
        break;
    }
    let name = s.get(i..j).unwrap_or(&[]).to_ascii_lowercase();
    let e = match name.as_slice() {
        b"script" => Element::Script,
        b"style" => Element::Style,
        b"textarea" => Element::Textarea,
        b"title" => Element::Title,
        _ => Element::None,
    };
    (j, e)
}

fn content_state(e: Element) -> State {
    match e {
        Element::None => State::Text,
        Element::Script => State::Js,
        Element::Style => State::Css,
        Element::Textarea | Element::Title => State::Rcdata,
    }
}

fn eat_attr_name(s: &[u8], i: usize) -> Result<usize, String> {
    for j in i..s.len() {
        match s.get(j).copied().unwrap_or(0) {
            b' ' | b'\t' | b'\n' | b'\x0c' | b'\r' | b'=' | b'>' => return Ok(j),
            b @ (b'\'' | b'"' | b'<') => {
                return Err(format!(
                    "{:?} in attribute name: {:.32?}",
                    char::from(b),
                    String::from_utf8_lossy(s)
                ));
            }
            _ => {}
        }
    }
    Ok(s.len())
}

pub fn t_tag(c: Ctx, s: &[u8]) -> Step {
    let i = eat_space(s, 0);
    if i == s.len() {
        return Ok((c, s.len()));
    }
    if s.get(i) == Some(&b'>') {
        return Ok((
            Ctx {
                state: content_state(c.element),
                element: c.element,
                ..Ctx::TEXT
            },
            i + 1,
        ));
    }
    let j = eat_attr_name(s, i)?;
    if i == j {
        return Err(format!(
            "expected space, attr name, or end of tag, but got {:?}",
            String::from_utf8_lossy(s.get(i..).unwrap_or(&[]))
        ));
    }
    let name = String::from_utf8_lossy(s.get(i..j).unwrap_or(&[])).to_lowercase();
    let attr = if c.element == Element::Script && name == "type" {
        Attr::ScriptType
    } else {
        match escaper::attr_type(&name) {
            escaper::Content::Url => Attr::Url,
            escaper::Content::Css => Attr::Style,
            escaper::Content::Js => Attr::Script,
            escaper::Content::Srcset => Attr::Srcset,
            _ => Attr::None,
        }
    };
    let state = if j == s.len() {
        State::AttrName
    } else {
        State::AfterName
    };
    Ok((
        Ctx {
            state,
            element: c.element,
            attr,
            ..Ctx::TEXT
        },
        j,
    ))
}

pub fn t_attr_name(c: Ctx, s: &[u8]) -> Step {
    let i = eat_attr_name(s, 0)?;
    let mut c = c;
    if i != s.len() {
        c.state = State::AfterName;
    }
    Ok((c, i))
}

pub fn t_after_name(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let i = eat_space(s, 0);
    let mut c = c;
    if i == s.len() {
        return (c, s.len());
    }
    if s.get(i) != Some(&b'=') {
        c.state = State::Tag;
        return (c, i);
    }
    c.state = State::BeforeValue;
    (c, i + 1)
}

/// The state a value of the attribute kind starts in.
pub fn attr_start(a: Attr) -> State {
    match a {
        Attr::None | Attr::ScriptType => State::Attr,
        Attr::Script => State::Js,
        Attr::Style => State::Css,
        Attr::Url => State::Url,
        Attr::Srcset => State::Srcset,
    }
}

pub fn t_before_value(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let mut i = eat_space(s, 0);
    if i == s.len() {
        return (c, s.len());
    }
    let mut delim = Delim::SpaceOrTagEnd;
    match s.get(i) {
        Some(b'\'') => {
            delim = Delim::SingleQuote;
            i += 1;
        }
        Some(b'"') => {
            delim = Delim::DoubleQuote;
            i += 1;
        }
        _ => {}
    }
    let mut c = c;
    c.state = attr_start(c.attr);
    c.delim = delim;
    (c, i)
}

/// The position of `</tag` followed by a separator, case-insensitively.
pub fn index_tag_end(s: &[u8], tag: &[u8]) -> Option<usize> {
    let mut res = 0;
    let mut s = s;
    while !s.is_empty() {
        let i = find(s, b"</")?;
        s = s.get(i + 2..).unwrap_or(&[]);
        if tag.len() <= s.len()
            && s.get(..tag.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(tag))
        {
            s = s.get(tag.len()..).unwrap_or(&[]);
            if s.first().is_some_and(|b| b"> \t\n\x0c/".contains(b)) {
                return Some(res + i);
            }
            res += tag.len();
        }
        res += i + 2;
    }
    None
}

pub fn t_special_tag_end(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let tag: &[u8] = match c.element {
        Element::None => return (c, s.len()),
        Element::Script => b"script",
        Element::Style => b"style",
        Element::Textarea => b"textarea",
        Element::Title => b"title",
    };
    match index_tag_end(s, tag) {
        Some(i) => (Ctx::TEXT, i),
        None => (c, s.len()),
    }
}

pub fn t_url(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let mut c = c;
    if s.iter().any(|&b| b == b'#' || b == b'?') {
        c.url = UrlPart::QueryOrFrag;
    } else if s.len() != eat_space(s, 0) && c.url == UrlPart::None {
        c.url = UrlPart::PreQuery;
    }
    (c, s.len())
}
