//! The context after template text, html/template's `escapeText` and `contextAfterText`: the
//! text is walked transition by transition; HTML, JS and CSS comments are cut out of it (a JS
//! block comment leaves a space or a newline), a `<` that starts no tag becomes `&lt;`, an
//! unquoted attribute may not hold a quote, `<`, `=` or backtick, and a `<script type>` that is
//! not JavaScript makes the script's body plain text.

use super::Escape;
use crate::template::Error;
use crate::template::context::{self, Attr, Ctx, Delim, State};

impl Escape<'_> {
    /// html/template's `escapeText`: the context after `text`, and the text rewritten when it
    /// changes (comments removed, a stray `<` escaped).
    pub(super) fn text(
        &self,
        mut c: Ctx,
        pos: usize,
        text: &str,
    ) -> Result<(Ctx, Option<String>), Error> {
        let s = text.as_bytes();
        let mut b: Vec<u8> = Vec::new();
        let mut written = 0;
        let mut i = 0;
        while i < s.len() {
            let (c1, nread) =
                after_text(c, s.get(i..).unwrap_or(&[])).map_err(|m| self.error(pos + i, m))?;
            let i1 = i + nread;
            if c.state == State::Text || c.state == State::Rcdata {
                let mut end = i1;
                if c1.state != c.state
                    && let Some(j) = (i..end).rev().find(|&j| s.get(j) == Some(&b'<'))
                {
                    end = j;
                }
                for j in i..end {
                    let doctype = s
                        .get(j..j + 9)
                        .is_some_and(|d| d.eq_ignore_ascii_case(b"<!DOCTYPE"));
                    if s.get(j) == Some(&b'<') && !doctype {
                        b.extend_from_slice(s.get(written..j).unwrap_or(&[]));
                        b.extend_from_slice(b"&lt;");
                        written = j + 1;
                    }
                }
            } else if c.is_comment() && c.delim == Delim::None {
                match c.state {
                    State::JsBlockCmt => {
                        let part = s.get(written..i1).unwrap_or(&[]);
                        let newline = part.iter().any(|&x| x == b'\n' || x == b'\r')
                            || String::from_utf8_lossy(part).contains(['\u{2028}', '\u{2029}']);
                        b.push(if newline { b'\n' } else { b' ' });
                    }
                    State::CssBlockCmt => b.push(b' '),
                    _ => {}
                }
                written = i1;
            }
            if c.state != c1.state && c1.is_comment() && c1.delim == Delim::None {
                let opener = if c1.state == State::HtmlCmt { 4 } else { 2 };
                let cs = i1.saturating_sub(opener).max(written);
                b.extend_from_slice(s.get(written..cs).unwrap_or(&[]));
                written = i1;
            }
            if i == i1 && c == c1 {
                // No progress: Go would loop forever here; the text is not HTML it can read.
                return Err(self.error(
                    pos + i,
                    format!("cannot read the HTML at {:?}", text.get(i..).unwrap_or("")),
                ));
            }
            c = c1;
            i = i1;
        }
        if written == 0 {
            return Ok((c, None));
        }
        if !c.is_comment() || c.delim != Delim::None {
            b.extend_from_slice(s.get(written..).unwrap_or(&[]));
        }
        Ok((c, Some(String::from_utf8_lossy(&b).into_owned())))
    }
}

/// html/template's `contextAfterText`.
fn after_text(c: Ctx, s: &[u8]) -> context::Step {
    if c.delim == Delim::None {
        let (c1, i) = context::t_special_tag_end(c, s);
        if i == 0 {
            return Ok((c1, 0));
        }
        return context::transition(c, s.get(..i).unwrap_or(&[]));
    }
    let ends: &[u8] = match c.delim {
        Delim::DoubleQuote => b"\"",
        Delim::SingleQuote => b"'",
        _ => b" \t\n\x0c\r>",
    };
    let i = s.iter().position(|b| ends.contains(b)).unwrap_or(s.len());
    let value = s.get(..i).unwrap_or(&[]);
    if c.delim == Delim::SpaceOrTagEnd
        && let Some(j) = value.iter().position(|b| b"\"'<=`".contains(b))
    {
        return Err(format!(
            "{:?} in unquoted attr: {:?}",
            char::from(value.get(j).copied().unwrap_or(b'?')),
            String::from_utf8_lossy(value)
        ));
    }
    if i == s.len() {
        let decoded = crate::template::funcs::unescape_html(&String::from_utf8_lossy(s));
        let mut u = decoded.as_bytes();
        let mut c = c;
        while !u.is_empty() {
            let (c1, n) = context::transition(c, u)?;
            if n == 0 && c1 == c {
                break;
            }
            c = c1;
            u = u.get(n..).unwrap_or(&[]);
        }
        return Ok((c, s.len()));
    }
    let mut element = c.element;
    if c.state == State::Attr
        && c.element == context::Element::Script
        && c.attr == Attr::ScriptType
        && !is_js_type(&String::from_utf8_lossy(value))
    {
        element = context::Element::None;
    }
    let consumed = if c.delim == Delim::SpaceOrTagEnd {
        i
    } else {
        i + 1
    };
    Ok((
        Ctx {
            state: State::Tag,
            element,
            ..Ctx::TEXT
        },
        consumed,
    ))
}

fn is_js_type(mime: &str) -> bool {
    let mime = mime.to_lowercase();
    let mime = mime.split(';').next().unwrap_or("").trim();
    matches!(
        mime,
        "application/ecmascript"
            | "application/javascript"
            | "application/json"
            | "application/ld+json"
            | "application/x-ecmascript"
            | "application/x-javascript"
            | "module"
            | "text/ecmascript"
            | "text/javascript"
            | "text/javascript1.0"
            | "text/javascript1.1"
            | "text/javascript1.2"
            | "text/javascript1.3"
            | "text/javascript1.4"
            | "text/javascript1.5"
            | "text/jscript"
            | "text/livescript"
            | "text/x-ecmascript"
            | "text/x-javascript"
    )
}
