//! The escapers html/template appends to every printing action, chosen by the context the
//! action prints in, and run on its value: HTML text and RCDATA, quoted and unquoted attribute
//! values, attribute and tag names, URLs (unsafe schemes filtered to `#ZgotmplZ`, the rest
//! normalized or query-escaped), `srcset`, JavaScript values, strings and regexps, CSS values
//! and strings, and comments (whose content is dropped). Trusted types pass where Go lets them.
//! The tables are the ones of the html/template fork Hugo 0.111 ships (`\u0022` in JS strings).
//! Also Go's `html` and `urlquery` builtins and the attribute-kind table.

mod css;
mod html;
mod js;
mod url;

pub use css::{decode_css, is_css_nmchar};
pub use html::{attr_type, escape_string, go_html, strip_tags};
pub use url::{is_safe_url, query_escape};

use super::value::{Safe, Value};
use std::borrow::Cow;

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
        return js::js_val(v, out);
    }
    let (s, t) = stringify(v);
    match e {
        Escaper::Html if t == Content::Html => out.push_str(&s),
        Escaper::Html => html::replace_html(&s, html::HTML, true, out),
        Escaper::Attr if t == Content::Html => {
            html::replace_html(&strip_tags(&s), html::HTML_NORM, true, out)
        }
        Escaper::Attr => html::replace_html(&s, html::HTML, true, out),
        Escaper::Rcdata if t == Content::Html => html::replace_html(&s, html::HTML_NORM, true, out),
        Escaper::Rcdata => html::replace_html(&s, html::HTML, true, out),
        Escaper::NoSpace if t == Content::Html => {
            html::replace_html(&strip_tags(&s), html::NOSPACE_NORM, false, out)
        }
        Escaper::NoSpace => html::replace_html(&s, html::NOSPACE, false, out),
        Escaper::UrlFilter if t == Content::Url || is_safe_url(&s) => out.push_str(&s),
        Escaper::UrlFilter => {
            out.push('#');
            out.push_str(FAILSAFE);
        }
        Escaper::UrlNormalizer => url::process_url(&s, true, out),
        Escaper::UrlEscape => url::process_url(&s, t == Content::Url, out),
        Escaper::Srcset => url::srcset(&s, t, out),
        Escaper::JsStr => js::replace_js(&s, js::JS_STR, t == Content::Js, out),
        Escaper::JsRegexp => {
            let start = out.len();
            js::replace_js(&s, js::JS_REGEXP, false, out);
            if out.len() == start {
                out.push_str("(?:)");
            }
        }
        Escaper::Css => css::css_escape(&s, out),
        Escaper::CssValue => css::css_value(&s, t, out),
        Escaper::HtmlName => html::html_name(&s, t, out),
        Escaper::Comment => {}
        Escaper::Noop | Escaper::JsVal => out.push_str(&s),
    }
}

type Table = &'static [(char, &'static str)];

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

#[cfg(test)]
mod tests;
