//! The escapers html/template appends to every printing action, chosen by the context the
//! action prints in, and run on its value: HTML text and RCDATA, quoted and unquoted attribute
//! values, attribute and tag names, URLs (unsafe schemes filtered to `#ZgotmplZ`, the rest
//! normalized or query-escaped), `srcset`, JavaScript values, strings and regexps, CSS values
//! and strings, and comments (whose content is dropped). Trusted types pass where Go lets them.
//! The tables are the ones of the html/template fork Hugo 0.111 ships (`\u0022` in JS strings).
//! Also Go's `html` and `urlquery` builtins and the attribute-kind table.

use super::context::{self, Ctx, Delim, State};
use super::value::{Safe, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

/// One escaping function, as html/template names them (`_html_template_htmlescaper`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escaper {
    Html,
    Attr,
    Rcdata,
    NoSpace,
    UrlFilter,
    UrlNormalizer,
    UrlEscape,
    Srcset,
    JsVal,
    JsStr,
    JsRegexp,
    Css,
    CssValue,
    HtmlName,
    Comment,
    /// Stands where the pipeline already ends in the equivalent `html` or `urlquery`.
    Noop,
}

/// The content type of a value, html/template's `contentType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Plain,
    Css,
    Html,
    HtmlAttr,
    Js,
    Url,
    Srcset,
    Unsafe,
}

const FAILSAFE: &str = "ZgotmplZ";

/// The text of a value and its content type; nil prints as nothing.
fn stringify(v: &Value) -> (Cow<'_, str>, Content) {
    match v {
        Value::String(s) => (Cow::Borrowed(s), Content::Plain),
        Value::Safe(k, s) => (
            Cow::Borrowed(s),
            match k {
                Safe::Html => Content::Html,
                Safe::HtmlAttr => Content::HtmlAttr,
                Safe::Url => Content::Url,
                Safe::Js => Content::Js,
                Safe::Css => Content::Css,
            },
        ),
        Value::Nil => (Cow::Borrowed(""), Content::Plain),
        v => (Cow::Owned(v.to_go_string()), Content::Plain),
    }
}

/// Runs the chain on `v` and appends the result to `out`.
pub fn apply(chain: &[Escaper], v: &Value, out: &mut String) {
    let Some((first, rest)) = chain.split_first() else {
        let (s, _) = stringify(v);
        out.push_str(&s);
        return;
    };
    if rest.is_empty() {
        run(*first, v, out);
        return;
    }
    let mut cur = String::new();
    run(*first, v, &mut cur);
    for (i, e) in rest.iter().enumerate() {
        let v = Value::String(std::mem::take(&mut cur).into());
        if i + 1 == rest.len() {
            run(*e, &v, out);
        } else {
            run(*e, &v, &mut cur);
        }
    }
}

fn run(e: Escaper, v: &Value, out: &mut String) {
    if e == Escaper::JsVal {
        return js_val(v, out);
    }
    let (s, t) = stringify(v);
    match e {
        Escaper::Html if t == Content::Html => out.push_str(&s),
        Escaper::Html => replace_html(&s, HTML, true, out),
        Escaper::Attr if t == Content::Html => replace_html(&strip_tags(&s), HTML_NORM, true, out),
        Escaper::Attr => replace_html(&s, HTML, true, out),
        Escaper::Rcdata if t == Content::Html => replace_html(&s, HTML_NORM, true, out),
        Escaper::Rcdata => replace_html(&s, HTML, true, out),
        Escaper::NoSpace if t == Content::Html => {
            replace_html(&strip_tags(&s), NOSPACE_NORM, false, out)
        }
        Escaper::NoSpace => replace_html(&s, NOSPACE, false, out),
        Escaper::UrlFilter if t == Content::Url || is_safe_url(&s) => out.push_str(&s),
        Escaper::UrlFilter => {
            out.push('#');
            out.push_str(FAILSAFE);
        }
        Escaper::UrlNormalizer => process_url(&s, true, out),
        Escaper::UrlEscape => process_url(&s, t == Content::Url, out),
        Escaper::Srcset => srcset(&s, t, out),
        Escaper::JsStr => replace_js(&s, JS_STR, t == Content::Js, out),
        Escaper::JsRegexp => {
            let start = out.len();
            replace_js(&s, JS_REGEXP, false, out);
            if out.len() == start {
                out.push_str("(?:)");
            }
        }
        Escaper::Css => css_escape(&s, out),
        Escaper::CssValue => css_value(&s, t, out),
        Escaper::HtmlName => html_name(&s, t, out),
        Escaper::Comment => {}
        Escaper::Noop | Escaper::JsVal => out.push_str(&s),
    }
}

type Table = &'static [(char, &'static str)];

const HTML: &Index = &index(&[
    ('\0', "\u{FFFD}"),
    ('"', "&#34;"),
    ('&', "&amp;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);
const HTML_NORM: &Index = &index(&[
    ('\0', "\u{FFFD}"),
    ('"', "&#34;"),
    ('\'', "&#39;"),
    ('+', "&#43;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
]);
const NOSPACE: &Index = &index(&[
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
const NOSPACE_NORM: &Index = &index(&[
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

/// A table as an array over ASCII, built at compile time: one lookup per byte.
type Index = [&'static str; 128];

const fn index(table: Table) -> Index {
    let mut out = [""; 128];
    let mut i = 0;
    while i < table.len() {
        let (c, r) = table[i];
        out[c as usize] = r;
        i += 1;
    }
    out
}

fn lookup(table: &Index, c: char) -> Option<&'static str> {
    table.get(c as usize).copied().filter(|r| !r.is_empty())
}

/// Replaces the ASCII characters of `table` in `s`, copying the runs between them whole.
fn replace_ascii(s: &str, table: &Index, out: &mut String) {
    let mut written = 0;
    for (i, b) in s.bytes().enumerate() {
        if let Some(r) = table.get(usize::from(b)).filter(|r| !r.is_empty()) {
            out.push_str(s.get(written..i).unwrap_or(""));
            out.push_str(r);
            written = i + 1;
        }
    }
    out.push_str(s.get(written..).unwrap_or(""));
}

fn replace_html(s: &str, table: &Index, bad_runes: bool, out: &mut String) {
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

const JS_STR: &Index = &index(&[
    ('\0', "\\0"),
    ('\t', "\\t"),
    ('\n', "\\n"),
    ('\x0b', "\\u000b"),
    ('\x0c', "\\f"),
    ('\r', "\\r"),
    ('"', "\\u0022"),
    ('&', "\\u0026"),
    ('\'', "\\u0027"),
    ('+', "\\u002b"),
    ('/', "\\/"),
    ('<', "\\u003c"),
    ('>', "\\u003e"),
    ('\\', "\\\\"),
]);
const JS_REGEXP: &Index = &index(&[
    ('\0', "\\0"),
    ('\t', "\\t"),
    ('\n', "\\n"),
    ('\x0b', "\\u000b"),
    ('\x0c', "\\f"),
    ('\r', "\\r"),
    ('"', "\\u0022"),
    ('$', "\\$"),
    ('&', "\\u0026"),
    ('\'', "\\u0027"),
    ('(', "\\("),
    (')', "\\)"),
    ('*', "\\*"),
    ('+', "\\u002b"),
    ('-', "\\-"),
    ('.', "\\."),
    ('/', "\\/"),
    ('<', "\\u003c"),
    ('>', "\\u003e"),
    ('?', "\\?"),
    ('[', "\\["),
    ('\\', "\\\\"),
    (']', "\\]"),
    ('^', "\\^"),
    ('{', "\\{"),
    ('|', "\\|"),
    ('}', "\\}"),
]);

/// JS string/regexp escaping; `keep_backslash` for a trusted `template.JS` value, whose
/// escapes are already right.
fn replace_js(s: &str, table: &Index, keep_backslash: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' if keep_backslash => out.push('\\'),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => match lookup(table, c) {
                Some(r) => out.push_str(r),
                None => out.push(c),
            },
        }
    }
}

/// html/template's `jsValEscaper`: a JS expression, JSON for plain values.
fn js_val(v: &Value, out: &mut String) {
    match v {
        Value::Safe(Safe::Js, s) => return out.push_str(s),
        Value::Nil => return out.push_str(" null "),
        _ => {}
    }
    let mut json = String::new();
    if let Err(e) = super::funcs::json(v, &mut json) {
        let _ = write!(out, " /* {} */null ", e.replace("*/", "* /"));
        return;
    }
    let pad =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii() && context::is_js_ident_part(c as u8));
    let padded = pad(json.chars().next()) || pad(json.chars().next_back());
    if padded {
        out.push(' ');
    }
    out.push_str(&json);
    if padded {
        out.push(' ');
    }
}

/// Whether a URL is relative or uses http, https or mailto.
pub fn is_safe_url(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            scheme.eq_ignore_ascii_case("http")
                || scheme.eq_ignore_ascii_case("https")
                || scheme.eq_ignore_ascii_case("mailto")
        }
        _ => true,
    }
}

/// html/template's `processURLOnto`: percent-encodes what a URL may not hold; `norm` keeps
/// the reserved characters and valid escapes (normalizing rather than escaping).
fn process_url(s: &str, norm: bool, out: &mut String) {
    let b = s.as_bytes();
    let mut written = 0;
    for (i, &c) in b.iter().enumerate() {
        let keep = match c {
            b'!' | b'#' | b'$' | b'&' | b'*' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?'
            | b'@' | b'[' | b']' => norm,
            b'-' | b'.' | b'_' | b'~' => true,
            b'%' => {
                norm && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
            }
            c => c.is_ascii_alphanumeric(),
        };
        if keep {
            continue;
        }
        out.push_str(s.get(written..i).unwrap_or(""));
        let _ = write!(out, "%{c:02x}");
        written = i + 1;
    }
    out.push_str(s.get(written..).unwrap_or(""));
}

fn srcset(s: &str, t: Content, out: &mut String) {
    match t {
        Content::Srcset => return out.push_str(s),
        Content::Url => {
            let mut n = String::new();
            process_url(s, true, &mut n);
            return out.push_str(&n.replace(',', "%2c"));
        }
        _ => {}
    }
    for (i, part) in s.split(',').enumerate() {
        if i > 0 {
            out.push(',');
        }
        srcset_element(part, out);
    }
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn srcset_element(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !is_html_space(c)).unwrap_or(b.len());
    let end = b
        .get(start..)
        .and_then(|r| r.iter().position(|&c| is_html_space(c)))
        .map_or(b.len(), |p| start + p);
    let url = s.get(start..end).unwrap_or("");
    let metadata = b.get(end..).unwrap_or(&[]);
    if is_safe_url(url)
        && metadata
            .iter()
            .all(|&c| is_html_space(c) || c.is_ascii_alphanumeric())
    {
        out.push_str(s.get(..start).unwrap_or(""));
        process_url(url, true, out);
        out.push_str(s.get(end..).unwrap_or(""));
    } else {
        out.push('#');
        out.push_str(FAILSAFE);
    }
}

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

fn css_escape(s: &str, out: &mut String) {
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

fn css_value(s: &str, t: Content, out: &mut String) {
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

fn html_name(s: &str, t: Content, out: &mut String) {
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

/// Go's `html` builtin (`template.HTMLEscapeString`).
pub fn go_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Go's `urlquery` builtin (`url.QueryEscape`).
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() => out.push(char::from(b)),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
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

#[cfg(test)]
mod tests;
