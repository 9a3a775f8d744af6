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

mod html;
mod script;

#[cfg(test)]
use html::index_tag_end;
pub use html::{attr_start, t_special_tag_end, t_url};
use html::{t_after_name, t_attr_name, t_before_value, t_tag, t_text};
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

#[cfg(test)]
mod tests;
