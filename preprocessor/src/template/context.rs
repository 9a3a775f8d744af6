//! Where in an HTML document a point of template text is, as html/template tracks it: the
//! state (text, inside a tag, an attribute value, a URL, a script, a style, a comment, ...),
//! the attribute's delimiter, the part of a URL, whether a `/` in a script starts a regexp, the
//! kind of attribute and the special element around. The transition functions move a context
//! over template text exactly as Go's (the fork Hugo 0.111 ships: JS template literals are not
//! strings there, so a backtick is plain script).

/// The state of a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Text,
    Tag,
    AttrName,
    AfterName,
    BeforeValue,
    HtmlCmt,
    Rcdata,
    Attr,
    Url,
    Srcset,
    Js,
    JsDqStr,
    JsSqStr,
    JsRegexp,
    JsBlockCmt,
    JsLineCmt,
    Css,
    CssDqStr,
    CssSqStr,
    CssDqUrl,
    CssSqUrl,
    CssUrl,
    CssBlockCmt,
    CssLineCmt,
    /// After `{{break}}` or `{{continue}}`: nothing more runs in this branch.
    Dead,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delim {
    None,
    DoubleQuote,
    SingleQuote,
    SpaceOrTagEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlPart {
    None,
    PreQuery,
    QueryOrFrag,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsCtx {
    Regexp,
    DivOp,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Attr {
    None,
    Script,
    ScriptType,
    Style,
    Url,
    Srcset,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    None,
    Script,
    Style,
    Textarea,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ctx {
    pub state: State,
    pub delim: Delim,
    pub url: UrlPart,
    pub js: JsCtx,
    pub attr: Attr,
    pub element: Element,
}

impl Ctx {
    /// HTML text, where every template starts.
    pub const TEXT: Ctx = Ctx {
        state: State::Text,
        delim: Delim::None,
        url: UrlPart::None,
        js: JsCtx::Regexp,
        attr: Attr::None,
        element: Element::None,
    };

    fn with_state(state: State) -> Ctx {
        Ctx { state, ..Ctx::TEXT }
    }

    fn tag(element: Element) -> Ctx {
        Ctx {
            state: State::Tag,
            element,
            ..Ctx::TEXT
        }
    }

    pub fn is_comment(&self) -> bool {
        matches!(
            self.state,
            State::HtmlCmt
                | State::JsBlockCmt
                | State::JsLineCmt
                | State::CssBlockCmt
                | State::CssLineCmt
        )
    }

    pub fn is_in_tag(&self) -> bool {
        matches!(
            self.state,
            State::Tag | State::AttrName | State::AfterName | State::BeforeValue | State::Attr
        )
    }
}

mod script;

pub use script::is_js_ident_part;
#[cfg(test)]
use script::next_js_ctx;
use script::{t_css, t_css_str, t_js, t_js_delimited, t_line_cmt};

/// The result of a transition: the new context and the bytes consumed, or why the text is
/// not HTML html/template accepts.
pub type Step = Result<(Ctx, usize), String>;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

fn eat_space(s: &[u8], i: usize) -> usize {
    let mut j = i;
    while s.get(j).is_some_and(|&b| is_space(b)) {
        j += 1;
    }
    j
}

fn find(s: &[u8], pat: &[u8]) -> Option<usize> {
    s.windows(pat.len().max(1)).position(|w| w == pat)
}

fn find_any(s: &[u8], set: &[u8]) -> Option<usize> {
    s.iter().position(|b| set.contains(b))
}

/// One step of the transition for the context's state over `s`.
pub fn transition(c: Ctx, s: &[u8]) -> Step {
    match c.state {
        State::Text => Ok(t_text(c, s)),
        State::Tag => t_tag(c, s),
        State::AttrName => t_attr_name(c, s),
        State::AfterName => Ok(t_after_name(c, s)),
        State::BeforeValue => Ok(t_before_value(c, s)),
        State::HtmlCmt => Ok(match find(s, b"-->") {
            Some(i) => (Ctx::TEXT, i + 3),
            None => (c, s.len()),
        }),
        State::Rcdata => Ok(t_special_tag_end(c, s)),
        State::Attr | State::Dead => Ok((c, s.len())),
        State::Url | State::Srcset => Ok(t_url(c, s)),
        State::Js => t_js(c, s),
        State::JsDqStr | State::JsSqStr | State::JsRegexp => t_js_delimited(c, s),
        State::JsBlockCmt | State::CssBlockCmt => Ok(match find(s, b"*/") {
            Some(i) => {
                let mut c = c;
                c.state = if c.state == State::JsBlockCmt {
                    State::Js
                } else {
                    State::Css
                };
                (c, i + 2)
            }
            None => (c, s.len()),
        }),
        State::JsLineCmt | State::CssLineCmt => Ok(t_line_cmt(c, s)),
        State::Css => Ok(t_css(c, s)),
        State::CssDqStr | State::CssSqStr | State::CssDqUrl | State::CssSqUrl | State::CssUrl => {
            t_css_str(c, s)
        }
    }
}

fn t_text(c: Ctx, s: &[u8]) -> (Ctx, usize) {
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

fn t_tag(c: Ctx, s: &[u8]) -> Step {
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
        match super::escaper::attr_type(&name) {
            super::escaper::Content::Url => Attr::Url,
            super::escaper::Content::Css => Attr::Style,
            super::escaper::Content::Js => Attr::Script,
            super::escaper::Content::Srcset => Attr::Srcset,
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

fn t_attr_name(c: Ctx, s: &[u8]) -> Step {
    let i = eat_attr_name(s, 0)?;
    let mut c = c;
    if i != s.len() {
        c.state = State::AfterName;
    }
    Ok((c, i))
}

fn t_after_name(c: Ctx, s: &[u8]) -> (Ctx, usize) {
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

fn t_before_value(c: Ctx, s: &[u8]) -> (Ctx, usize) {
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

#[cfg(test)]
mod tests;
