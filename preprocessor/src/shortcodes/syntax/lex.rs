//! The shortcode tag lexer: Hugo 0.111's page lexer (`parser/pageparser/pagelexer*.go`) as far
//! as shortcodes go. It finds every `{{<`/`{{%` tag of a body and splits it into Hugo's items
//! (delimiters, `/`, name, parameters and values), turns escaped `{{</* */>}}` tags into literal
//! items, and marks the page's summary divider, which Hugo's lexer takes as an item of its own.
//! Hugo stops the page at the first lexing error; here a tag in error is a problem and plain text,
//! and lexing goes on from the point it failed at, never from before it: linear time.

use super::Problem;
use memchr::memmem::{self, Finder};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

mod tag;

/// One of Hugo's items, positioned in the body (not yet offset by the body's base).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    pub kind: Kind,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// `{{<` or `{{%`, with the indentation before it.
    Left {
        markdown: bool,
        indent: Range<usize>,
    },
    /// `>}}` or `%}}`.
    Right,
    /// `/`, in a closing tag or a self-closing one.
    Close,
    /// The shortcode's name; `closing` in a closing tag.
    Name { inline: bool, closing: bool },
    /// A positional parameter, or a named one's name when a value follows.
    Param(Val),
    /// A named parameter's value (after `=`).
    ParamVal(Val),
    /// `{{</* middle */>}}`, which Hugo prints as `{{<middle>}}`.
    Literal {
        markdown: bool,
        middle: Range<usize>,
    },
    /// The summary divider and the whitespace after it.
    Divider,
}

/// A parameter's text: `text` is what Hugo reads (inside the quotes); `quoted` values are always
/// strings; `strip` says Hugo drops every backslash from it (a quoted value with a `\"` in it).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Val {
    pub text: Range<usize>,
    pub quoted: bool,
    pub strip: bool,
}

const DIVIDER: &str = "<!--more-->";

/// The searchers, built once: building one costs as much as searching a page.
static TAGS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("{{"));
static DIVIDERS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(DIVIDER));

/// A lexing error: where, what, and where lexing resumes.
struct Error {
    at: usize,
    message: String,
    hint: Option<String>,
    resume: usize,
}

type Lexing<T = ()> = Result<T, Error>;

/// Every item of `body`, and the tags in error as problems (at `base` + the body offset).
pub(super) fn lex(body: &str, base: usize) -> (Vec<Item>, Vec<Problem>) {
    let mut lexer = Lexer {
        body,
        base,
        pos: 0,
        // A typical post's two or three calls, without growing.
        items: Vec::with_capacity(16),
        problems: Vec::new(),
        inline: false,
        markdown: false,
        name: None,
        seen: Names::default(),
        closing: 0,
        step: 0,
        elements: 0,
        divider: Divider::Unknown,
        no_comment_end: [None; 2],
        text_start: 0,
        tag_start: 0,
    };
    lexer.run();
    (lexer.items, lexer.problems)
}

/// Where the first summary divider in text is, as far as known.
#[derive(Clone, Copy)]
enum Divider {
    Unknown,
    At(usize),
    Done,
}

/// Hugo's `pageLexer` with its `lexerShortcodeState`: page-wide state, as Hugo keeps it.
struct Lexer<'a> {
    body: &'a str,
    base: usize,
    pos: usize,
    items: Vec<Item>,
    problems: Vec<Problem>,
    /// Inside an inline shortcode: only its closing tag may follow.
    inline: bool,
    /// The current tag's delimiters are `{{% %}}`.
    markdown: bool,
    /// The last name lexed (Hugo's `currShortcodeName`).
    name: Option<&'a str>,
    /// Every name lexed so far (Hugo's `openShortcodes`, which it never empties).
    seen: Names<'a>,
    closing: u32,
    step: u32,
    /// 0: no parameter yet, 1: positional, 2: named.
    elements: u8,
    divider: Divider,
    /// For `*/>}}` and `*/%}}`: a position from which it is known not to occur.
    no_comment_end: [Option<usize>; 2],
    /// Where the text before the next tag starts (the end of the previous item).
    text_start: usize,
    tag_start: usize,
}

impl<'a> Lexer<'a> {
    fn run(&mut self) {
        let tags = &*TAGS;
        loop {
            let rest = self.body.as_bytes().get(self.pos..).unwrap_or_default();
            let open = tags.find(rest).map(|i| self.pos + i);
            if let Some(at) = self.divider_before(open) {
                self.take_divider(at);
                continue;
            }
            let Some(open) = open else { break };
            match self.body.as_bytes().get(open + 2) {
                Some(b'<' | b'%') => self.tag(open),
                _ => self.pos = open + 1,
            }
        }
    }

    /// The first divider at or after the position, when it comes before `limit`.
    fn divider_before(&mut self, limit: Option<usize>) -> Option<usize> {
        let at = match self.divider {
            Divider::Done => return None,
            Divider::At(at) if at >= self.pos => at,
            _ => {
                let rest = self.body.get(self.pos..).unwrap_or_default();
                let Some(i) = DIVIDERS.find(rest.as_bytes()) else {
                    self.divider = Divider::Done;
                    return None;
                };
                self.divider = Divider::At(self.pos + i);
                self.pos + i
            }
        };
        limit.is_none_or(|limit| at < limit).then_some(at)
    }

    /// Hugo's divider item: the first `<!--more-->` in text, with all whitespace after it.
    fn take_divider(&mut self, at: usize) {
        self.pos = at + DIVIDER.len();
        self.skip_space();
        self.items.push(Item {
            kind: Kind::Divider,
            range: at..self.pos,
        });
        self.text_start = self.pos;
        self.divider = Divider::Done;
    }

    /// Lexes the tag whose `{{` is at `open`; a tag in error is left out and becomes a problem.
    fn tag(&mut self, open: usize) {
        let (items, inline) = (self.items.len(), self.inline);
        self.tag_start = open;
        match self.lex_tag(open) {
            Ok(()) => self.text_start = self.pos,
            Err(e) => {
                self.items.truncate(items);
                self.inline = inline;
                self.closing = 0;
                self.problems.push(Problem {
                    at: self.base + e.at,
                    message: e.message,
                    hint: e.hint,
                });
                self.pos = e.resume.max(open + 1);
            }
        }
    }

    fn lex_tag(&mut self, open: usize) -> Lexing {
        self.markdown = self.body.as_bytes().get(open + 2) == Some(&b'%');
        if self.inline {
            self.check_inline_closes(open)?;
        }
        self.pos = open + 3;
        if self.rest().starts_with("/*") {
            return self.comment(open);
        }
        let indent = self.indent(open);
        self.push(
            Kind::Left {
                markdown: self.markdown,
                indent,
            },
            open,
        );
        let first = self.items.len();
        self.step = 0;
        self.elements = 0;
        self.inside()?;
        match self.items.get(first).map(|i| &i.kind) {
            Some(Kind::Name { .. } | Kind::Close) => Ok(()),
            _ => Err(self.error(
                open,
                "shortcode has no name".into(),
                format!(
                    "name it after {}, or write {{{{</* ... */>}}}} to show the tag as text",
                    self.left()
                ),
            )),
        }
    }

    /// Inside an inline shortcode, Hugo lets only its own closing tag (`{{< /name ` with a space
    /// after the name) start.
    fn check_inline_closes(&self, open: usize) -> Lexing {
        let name = self.name.unwrap_or_default();
        let after = self.body.get(open + 3..).unwrap_or_default().trim_start();
        let closes = after.strip_prefix('/').is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.strip_prefix(name)
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| !r.trim_start().is_empty())
        });
        if closes {
            return Ok(());
        }
        Err(Error {
            at: open,
            message: format!(
                "inline shortcode `{name}` is still open: inline shortcodes do not support nesting"
            ),
            hint: Some(format!(
                "close it with {l} /{name} {r} before this tag, or self-close it: {l} {name} /{r}",
                l = self.left(),
                r = self.right(),
            )),
            resume: open + 3,
        })
    }

    /// `{{</* ... */>}}`: literal text up to the first `*/>}}` (`*/%}}` for `{{%/*`).
    fn comment(&mut self, open: usize) -> Lexing {
        let (close, slot) = if self.markdown {
            ("*/%}}", 1)
        } else {
            ("*/>}}", 0)
        };
        let from = self.pos;
        let found = match self.no_comment_end[slot] {
            Some(none_after) if none_after <= from => None,
            _ => memmem::find(self.rest().as_bytes(), close.as_bytes()),
        };
        if found.is_none() {
            self.no_comment_end[slot] = Some(from);
        }
        match found {
            Some(i) if i > 1 => {
                self.pos = from + i + close.len();
                self.push(
                    Kind::Literal {
                        markdown: self.markdown,
                        middle: from + 2..from + i,
                    },
                    open,
                );
                Ok(())
            }
            _ => Err(self.error(
                open,
                format!("escaped shortcode {}/* is not closed", self.left()),
                format!("end it with {close}"),
            )),
        }
    }

    /// The indentation before a tag at `open`: the spaces, tabs and `\r` after the last newline
    /// of the text before it, or all that text when it holds nothing else (Hugo's `emit`).
    fn indent(&self, open: usize) -> Range<usize> {
        let bytes = self.body.as_bytes();
        let mut from = open;
        while from > self.text_start && matches!(bytes.get(from - 1), Some(b' ' | b'\t' | b'\r')) {
            from -= 1;
        }
        if from < open && (from == self.text_start || bytes.get(from - 1) == Some(&b'\n')) {
            from..open
        } else {
            open..open
        }
    }

    fn push(&mut self, kind: Kind, start: usize) {
        self.items.push(Item {
            kind,
            range: start..self.pos,
        });
    }

    fn error(&self, at: usize, message: String, hint: String) -> Error {
        Error {
            at,
            message,
            hint: Some(hint),
            resume: self.pos,
        }
    }

    fn left(&self) -> &'static str {
        if self.markdown { "{{%" } else { "{{<" }
    }

    fn right(&self) -> &'static str {
        if self.markdown { "%}}" } else { ">}}" }
    }

    fn rest(&self) -> &'a str {
        self.body.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        match self.body.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.rest().chars().next(),
        }
    }

    /// The tag's right delimiter comes next.
    fn at_right(&self) -> bool {
        self.body.as_bytes().get(self.pos..self.pos + 3) == Some(self.right().as_bytes())
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Hugo's `consumeSpace`: any Unicode whitespace, newlines included.
    fn skip_space(&mut self) {
        while let Some(c) = self.peek().filter(|c| c.is_whitespace()) {
            self.pos += c.len_utf8();
        }
    }
}

/// A set of names, searched in order while it is small (most pages use a few), hashed past
/// [`Names::FEW`] so that a page of many names stays linear.
#[derive(Default)]
struct Names<'a> {
    few: Vec<&'a str>,
    many: HashSet<&'a str>,
}

impl<'a> Names<'a> {
    const FEW: usize = 16;

    fn contains(&self, name: &str) -> bool {
        if self.many.is_empty() {
            self.few.contains(&name)
        } else {
            self.many.contains(name)
        }
    }

    fn insert(&mut self, name: &'a str) {
        if self.contains(name) {
            return;
        }
        if self.few.len() < Self::FEW {
            self.few.push(name);
        } else {
            self.many.extend(self.few.drain(..));
            self.many.insert(name);
        }
    }
}
