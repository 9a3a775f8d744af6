//! The shortcode tag lexer: Hugo 0.111's page lexer (`parser/pageparser/pagelexer*.go`) as far
//! as shortcodes go. It finds every `{{<`/`{{%` tag of a body and splits it into Hugo's items
//! (delimiters, `/`, name, parameters and values), turns escaped `{{</* */>}}` tags into literal
//! items, and marks the page's summary divider, which Hugo's lexer takes as an item of its own.
//! Hugo stops the page at the first lexing error; here a tag in error is a problem and plain text,
//! and lexing goes on after the point it failed at, so every position is read once.

use super::Problem;
use memchr::memmem;
use std::collections::HashSet;
use std::ops::Range;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

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
        items: Vec::new(),
        problems: Vec::new(),
        inline: false,
        markdown: false,
        name: None,
        seen: HashSet::new(),
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
    seen: HashSet<&'a str>,
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
        let tags = memmem::Finder::new("{{");
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
                let Some(i) = memmem::find(rest.as_bytes(), DIVIDER.as_bytes()) else {
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

    /// Hugo's `lexInsideShortcode`, up to and including the right delimiter.
    fn inside(&mut self) -> Lexing {
        loop {
            if self.rest().starts_with(self.right()) {
                return self.right_delim();
            }
            let at = self.pos;
            let Some(c) = self.next() else {
                return Err(Error {
                    at: self.tag_start,
                    message: format!("shortcode tag has no {} before the end", self.right()),
                    hint: Some(format!("end the tag with {}", self.right())),
                    resume: self.body.len(),
                });
            };
            match c {
                ' ' | '\t' | '\r' | '\n' => {}
                '=' => {
                    self.skip_space();
                    let at = self.pos;
                    match self.peek() {
                        Some('"') => self.quoted(true, true, at)?,
                        Some('\\') => self.quoted(true, false, at)?,
                        Some('`') => self.raw(true, at)?,
                        _ => self.bare(),
                    }
                }
                '/' => {
                    if self.name.is_none() {
                        return Err(self.error(
                            self.tag_start,
                            "closing tag with no shortcode open before it".into(),
                            "remove it, or open the shortcode before it".into(),
                        ));
                    }
                    self.closing += 1;
                    self.inline = false;
                    self.push(Kind::Close, at);
                }
                '\\' => {
                    if matches!(self.peek(), Some('"' | '`')) {
                        self.param(true, at)?;
                    }
                }
                c if self.step > 0 && (alnum_hyphen(c) || c == '"' || c == '`') => {
                    self.pos = at;
                    self.param(false, at)?;
                }
                c if alnum(c) => {
                    self.pos = at;
                    if self.identifier()? {
                        return self.end_of_closing_tag();
                    }
                }
                c => {
                    return Err(Error {
                        at,
                        message: format!(
                            "unrecognized character {} in shortcode tag",
                            go_unicode(c)
                        ),
                        hint: Some(format!(
                            "quote parameters that are not plain words or numbers (\"a/b\"), \
                             or write {}/* ... */{} to show the tag as text",
                            self.left(),
                            self.right()
                        )),
                        resume: at,
                    });
                }
            }
        }
    }

    fn right_delim(&mut self) -> Lexing {
        self.closing = 0;
        let at = self.pos;
        self.pos += 3;
        self.push(Kind::Right, at);
        Ok(())
    }

    /// Hugo's `lexShortcodeParam`: a positional parameter or a named one's name.
    fn param(&mut self, escaped: bool, written: usize) -> Lexing {
        let start = self.pos;
        match self.next() {
            Some('`') if escaped => {
                return Err(self.error(
                    written,
                    "unrecognized escape character `\\`` in shortcode parameter".into(),
                    "a backslash escapes only a double quote (\\\")".into(),
                ));
            }
            Some(q @ ('"' | '`')) => {
                if self.elements == 2 {
                    return Err(self.error(
                        start,
                        "got quoted positional parameter. Cannot mix named and positional \
                         parameters"
                            .into(),
                        "write every parameter as name=value, or none".into(),
                    ));
                }
                self.elements = 1;
                self.pos = start;
                return if q == '"' {
                    self.quoted(false, !escaped, written)
                } else {
                    self.raw(false, written)
                };
            }
            _ => {}
        }
        let mut named = false;
        loop {
            let at = self.pos;
            match self.next() {
                Some('=') => {
                    self.pos = at;
                    named = true;
                    break;
                }
                Some(c) if alnum_hyphen(c) || c == '.' => {}
                _ => {
                    self.pos = at;
                    break;
                }
            }
        }
        let text = self.body.get(start..self.pos).unwrap_or_default();
        let mixed = match (self.elements, named) {
            (0, _) => {
                self.elements = if named { 2 } else { 1 };
                None
            }
            (1, true) => Some("named"),
            (2, false) => Some("positional"),
            _ => None,
        };
        if let Some(kind) = mixed {
            return Err(self.error(
                start,
                format!(
                    "got {kind} parameter '{text}'. Cannot mix named and positional parameters"
                ),
                "write every parameter as name=value, or none".into(),
            ));
        }
        let val = Val {
            text: start..self.pos,
            quoted: false,
            strip: false,
        };
        self.push(Kind::Param(val), written);
        Ok(())
    }

    /// Hugo's `lexShortcodeQuotedParamVal`, from the opening quote (or the backslash before it,
    /// where `escapes` is false: the `\"value\"` form, ended by the next `\"`).
    fn quoted(&mut self, value: bool, escapes: bool, written: usize) -> Lexing {
        let mut start = self.pos;
        let (mut open, mut escaped_inner, mut escaped_quote) = (false, false, false);
        loop {
            let at = self.pos;
            match self.next() {
                Some('\\') => match self.peek() {
                    Some('"') if open && !escapes => {
                        self.pos = at;
                        break;
                    }
                    Some('"') if open => (escaped_inner, escaped_quote) = (true, true),
                    Some('`') => {
                        return Err(self.error(
                            at,
                            "unrecognized escape character `\\`` in shortcode parameter".into(),
                            "a backslash escapes only a double quote (\\\")".into(),
                        ));
                    }
                    _ => {}
                },
                None | Some('\n') => {
                    let text = self.body.get(start..at).unwrap_or_default();
                    return Err(Error {
                        at: written,
                        message: format!(
                            "unterminated quoted string in shortcode parameter: \"{text}"
                        ),
                        hint: Some(
                            "close the quote on the same line; a value of several lines is \
                             written in backticks"
                                .into(),
                        ),
                        resume: self.pos,
                    });
                }
                Some('"') if escaped_quote => escaped_quote = false,
                Some('"') if open => {
                    self.pos = at;
                    break;
                }
                Some('"') => {
                    open = true;
                    start = self.pos;
                }
                _ => {}
            }
        }
        let text = start..self.pos;
        let at = self.pos;
        match self.next() {
            Some('\\') if self.peek() == Some('"') => self.pos += 1,
            Some('"' | '\\') => {}
            _ => self.pos = at,
        }
        let val = Val {
            text,
            quoted: true,
            strip: escaped_inner,
        };
        self.push(
            if value {
                Kind::ParamVal(val)
            } else {
                Kind::Param(val)
            },
            written,
        );
        Ok(())
    }

    /// Hugo's `lexShortCodeParamRawStringVal`: a backtick string, over lines if need be.
    fn raw(&mut self, value: bool, written: usize) -> Lexing {
        let mut start = self.pos;
        let mut open = false;
        loop {
            let at = self.pos;
            match self.next() {
                Some('`') if open => {
                    self.pos = at;
                    break;
                }
                Some('`') => {
                    open = true;
                    start = self.pos;
                }
                Some(_) => {}
                None => {
                    return Err(Error {
                        at: written,
                        message: "unterminated raw string (`) in shortcode parameter".into(),
                        hint: Some("close it with a backtick".into()),
                        resume: self.body.len(),
                    });
                }
            }
        }
        let val = Val {
            text: start..self.pos,
            quoted: true,
            strip: false,
        };
        self.pos += 1;
        self.push(
            if value {
                Kind::ParamVal(val)
            } else {
                Kind::Param(val)
            },
            written,
        );
        Ok(())
    }

    /// An unquoted value after `=`: up to the next whitespace, whatever it holds.
    fn bare(&mut self) {
        let start = self.pos;
        while let Some(c) = self.peek().filter(|c| !c.is_whitespace()) {
            self.pos += c.len_utf8();
        }
        let val = Val {
            text: start..self.pos,
            quoted: false,
            strip: false,
        };
        self.push(Kind::ParamVal(val), start);
    }

    /// Hugo's `lexIdentifierInShortcode`; true for a closing tag's name.
    fn identifier(&mut self) -> Lexing<bool> {
        let start = self.pos;
        loop {
            let at = self.pos;
            match self.next() {
                Some(c) if alnum_hyphen(c) || c == '/' => {}
                Some('.') => {
                    self.inline = self.rest().starts_with("inline ");
                    if !self.inline {
                        return Err(self.error(
                            self.tag_start,
                            "a period in a shortcode name is only allowed in an inline \
                             shortcode's `.inline`"
                                .into(),
                            "rename the shortcode".into(),
                        ));
                    }
                }
                _ => {
                    self.pos = at;
                    break;
                }
            }
        }
        let word = self.body.get(start..self.pos).unwrap_or_default();
        let closing = self.closing > 0;
        if closing && !self.seen.contains(word) {
            return Err(self.error(
                self.tag_start,
                format!("closing tag for shortcode `{word}` does not match any opening tag"),
                format!(
                    "open it with {} {word} {} before, or fix the name",
                    self.left(),
                    self.right()
                ),
            ));
        }
        self.closing = 0;
        self.name = Some(word);
        self.seen.insert(word);
        self.step += 1;
        let inline = self.inline;
        self.push(Kind::Name { inline, closing }, start);
        Ok(closing)
    }

    /// Hugo's `lexEndOfShortcode`: after a closing tag's name, only spaces and the delimiter.
    fn end_of_closing_tag(&mut self) -> Lexing {
        self.inline = false;
        loop {
            if self.rest().starts_with(self.right()) {
                return self.right_delim();
            }
            let at = self.pos;
            match self.next() {
                Some(' ' | '\t') => {}
                _ => {
                    return Err(Error {
                        at,
                        message: "a closing tag holds only the shortcode's name".into(),
                        hint: Some(format!(
                            "end it with {} right after the name, on the same line",
                            self.right()
                        )),
                        resume: at,
                    });
                }
            }
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
        self.rest().chars().next()
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

/// Go's `unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_'`.
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.general_category_group() == GeneralCategoryGroup::Letter
            || c.general_category() == GeneralCategory::DecimalNumber
    }
}

fn alnum_hyphen(c: char) -> bool {
    alnum(c) || c == '-'
}

/// A character as Go's `%#U` prints it: `U+002D '-'`, or `U+00A0` for one that is not printable.
fn go_unicode(c: char) -> String {
    let printable = c == ' '
        || matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter
                | GeneralCategoryGroup::Mark
                | GeneralCategoryGroup::Number
                | GeneralCategoryGroup::Punctuation
                | GeneralCategoryGroup::Symbol
        );
    if printable {
        format!("U+{:04X} '{c}'", c as u32)
    } else {
        format!("U+{:04X}", c as u32)
    }
}
