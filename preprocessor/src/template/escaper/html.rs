//! The HTML escapers: text and RCDATA, quoted and unquoted attribute values (the unquoted ones
//! lose every space, quote, `=` and backtick), element and attribute names, and the text
//! content html/template keeps of trusted HTML in an attribute (`stripTags`). Also Go's `html`
//! builtin and html/template's table of attribute kinds by name.

use super::{Content, FAILSAFE, Index, index, lookup, replace_ascii};
use crate::template::context::{self, Ctx, Delim, State};
use std::borrow::Cow;
use std::fmt::Write as _;

pub const HTML: &Index = &index(&[
    ('\0', "\u{FFFD}"),
    ('"', "&#34;"),
    ('&', "&amp;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);
pub const HTML_NORM: &Index = &index(&[
    ('\0', "\u{FFFD}"),
    ('"', "&#34;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);
pub const NOSPACE: &Index = &index(&[
    ('\0', "&#xfffd;"),
    ('\t', "&#9;"),
    ('\n', "&#10;"),
    ('\x0b', "&#11;"),
    ('\x0c', "&#12;"),
    ('\r', "&#13;"),
    (' ', "&#32;"),
    ('"', "&#34;"),
    ('&', "&amp;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('=', "&#61;"),
    ('>', "&gt;"),
    ('`', "&#96;"),
]);
pub const NOSPACE_NORM: &Index = &index(&[
    ('\0', "&#xfffd;"),
    ('\t', "&#9;"),
    ('\n', "&#10;"),
    ('\x0b', "&#11;"),
    ('\x0c', "&#12;"),
    ('\r', "&#13;"),
    (' ', "&#32;"),
    ('"', "&#34;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('=', "&#61;"),
    ('>', "&gt;"),
    ('`', "&#96;"),
]);

pub fn replace_html(s: &str, table: &Index, bad_runes: bool, out: &mut String) {
    out.reserve(s.len());
    let noncharacter =
        |c: char| ('\u{fdd0}'..='\u{fdef}').contains(&c) || ('\u{fff0}'..='\u{ffff}').contains(&c);
    if bad_runes || !s.contains(noncharacter) {
        return replace_ascii(s, table, out);
    }
    for c in s.chars() {
        if let Some(r) = lookup(table, c) {
            out.push_str(r);
        } else if noncharacter(c) {
            let _ = write!(out, "&#x{:x};", c as u32);
        } else {
            out.push(c);
        }
    }
}

pub fn html_name(s: &str, t: Content, out: &mut String) {
    if t == Content::HtmlAttr {
        return out.push_str(s);
    }
    let lower = s.to_lowercase();
    if s.is_empty()
        || attr_type(&lower) != Content::Plain
        || !lower
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return out.push_str(FAILSAFE);
    }
    out.push_str(&lower);
}

/// html/template's `stripTags`: the text content of an HTML snippet.
pub fn strip_tags(html: &str) -> Cow<'_, str> {
    let s = html.as_bytes();
    let mut b = Vec::with_capacity(s.len());
    let mut c = Ctx::TEXT;
    let mut i = 0;
    let mut all_text = true;
    while i < s.len() {
        if c.delim == Delim::None {
            let mut st = c;
            if c.element != context::Element::None && !c.is_in_tag() {
                st.state = State::Rcdata;
            }
            let Ok((d, nread)) = context::transition(st, s.get(i..).unwrap_or(&[])) else {
                break;
            };
            let i1 = i + nread;
            if c.state == State::Text || c.state == State::Rcdata {
                let mut j = i1;
                if d.state != c.state
                    && let Some(k) = (i..j).rev().find(|&k| s.get(k) == Some(&b'<'))
                {
                    j = k;
                }
                b.extend_from_slice(s.get(i..j).unwrap_or(&[]));
            } else {
                all_text = false;
            }
            if i1 == i && d == c {
                break;
            }
            c = d;
            i = i1;
            continue;
        }
        let ends: &[u8] = match c.delim {
            Delim::DoubleQuote => b"\"",
            Delim::SingleQuote => b"'",
            _ => b" \t\n\x0c\r>",
        };
        let Some(off) = s
            .get(i..)
            .and_then(|r| r.iter().position(|x| ends.contains(x)))
        else {
            break;
        };
        let mut i1 = i + off;
        if c.delim != Delim::SpaceOrTagEnd {
            i1 += 1;
        }
        c = Ctx {
            state: State::Tag,
            element: c.element,
            ..Ctx::TEXT
        };
        i = i1;
    }
    if all_text {
        return Cow::Borrowed(html);
    }
    if c.state == State::Text || c.state == State::Rcdata {
        b.extend_from_slice(s.get(i..).unwrap_or(&[]));
    }
    Cow::Owned(String::from_utf8_lossy(&b).into_owned())
}

const GO_HTML: &Index = &index(&[
    ('\0', "\u{FFFD}"),
    ('"', "&#34;"),
    ('&', "&amp;"),
    ('\'', "&#39;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);
const ESCAPE_STRING: &Index = &index(&[
    ('"', "&#34;"),
    ('&', "&amp;"),
    ('\'', "&#39;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);

/// Go's `html` builtin (`template.HTMLEscapeString`): NUL becomes U+FFFD.
pub fn go_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    replace_ascii(s, GO_HTML, &mut out);
    out
}

/// Go's `html.EscapeString`, Hugo's `htmlEscape`: NUL stays.
pub fn escape_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    replace_ascii(s, ESCAPE_STRING, &mut out);
    out
}

/// html/template's guess at what an attribute's value is, by its lowercase name.
pub fn attr_type(name: &str) -> Content {
    let name = if let Some(rest) = name.strip_prefix("data-") {
        rest
    } else if let Some((prefix, rest)) = name.split_once(':') {
        if prefix == "xmlns" {
            return Content::Url;
        }
        rest
    } else {
        name
    };
    let known = match name {
        "accept" | "alt" | "autocomplete" | "autofocus" | "autoplay" | "border" | "checked"
        | "class" | "cols" | "colspan" | "contenteditable" | "contextmenu" | "controls"
        | "coords" | "datetime" | "default" | "dir" | "dirname" | "disabled" | "draggable"
        | "dropzone" | "for" | "formtarget" | "headers" | "height" | "hidden" | "high"
        | "hreflang" | "id" | "ismap" | "kind" | "label" | "lang" | "list" | "loop" | "low"
        | "max" | "maxlength" | "media" | "mediagroup" | "min" | "multiple" | "name" | "open"
        | "optimum" | "placeholder" | "preload" | "pubdate" | "radiogroup" | "readonly"
        | "required" | "reversed" | "rows" | "rowspan" | "spellcheck" | "scope" | "scoped"
        | "seamless" | "selected" | "shape" | "size" | "sizes" | "span" | "srclang" | "start"
        | "step" | "tabindex" | "target" | "title" | "width" | "wrap" => Some(Content::Plain),
        "accept-charset" | "async" | "challenge" | "charset" | "content" | "crossorigin"
        | "defer" | "enctype" | "form" | "formenctype" | "formmethod" | "formnovalidate"
        | "http-equiv" | "keytype" | "language" | "method" | "novalidate" | "pattern" | "rel"
        | "sandbox" | "type" | "value" => Some(Content::Unsafe),
        "action" | "archive" | "background" | "cite" | "classid" | "codebase" | "data"
        | "formaction" | "href" | "icon" | "longdesc" | "manifest" | "poster" | "profile"
        | "src" | "usemap" | "xmlns" => Some(Content::Url),
        "srcdoc" => Some(Content::Html),
        "srcset" => Some(Content::Srcset),
        "style" => Some(Content::Css),
        _ => None,
    };
    if let Some(t) = known {
        return t;
    }
    if name.starts_with("on") {
        return Content::Js;
    }
    if name.contains("src") || name.contains("uri") || name.contains("url") {
        return Content::Url;
    }
    Content::Plain
}
