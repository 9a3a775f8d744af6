//! The lexer: template text into tokens exactly as Go's text/template/parse reads it. Text
//! between actions, `{{`/`}}` with the trim markers `{{- ` and ` -}}` applied to the text
//! beside them, comments `{{/* */}}` dropped, and inside an action the spaces (they separate
//! arguments), literals, fields, variables, identifiers, keywords and punctuation. Every token
//! carries its byte range in the source for error positions.

mod action;

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Template text; `range` is what remains after trim markers.
    Text,
    /// `{{`.
    Left,
    /// `}}`.
    Right,
    Space,
    /// A function name: `len`, `strings`.
    Ident,
    /// `.Name` (the range includes the dot).
    Field,
    /// `$name` or `$`.
    Variable,
    Dot,
    Nil,
    Bool,
    Number,
    /// `"..."` with Go escapes.
    String,
    /// `` `...` ``.
    RawString,
    /// `'x'`.
    Char,
    Pipe,
    LeftParen,
    RightParen,
    /// `=`.
    Assign,
    /// `:=`.
    Declare,
    Comma,
    /// Any other printable character inside an action; the parser rejects it in context.
    Other,
    Keyword(Keyword),
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Block,
    Break,
    Continue,
    Define,
    Else,
    End,
    If,
    Range,
    Template,
    With,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// A lexing error: what, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub at: usize,
    pub message: String,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// All tokens of `src`, ending with `Eof`.
pub fn lex(src: &str) -> Result<Vec<Token>, LexError> {
    let mut lexer = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        tokens: Vec::with_capacity(src.len() / 4 + 4),
        trim_next: false,
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
    /// The last action ended with ` -}}`: the next text loses its leading spaces.
    trim_next: bool,
}

impl Lexer<'_> {
    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn emit(&mut self, kind: Kind, start: usize) {
        self.tokens.push(Token {
            kind,
            range: start..self.pos,
        });
    }

    fn error<T>(&self, at: usize, message: impl Into<String>) -> Result<T, LexError> {
        Err(LexError {
            at,
            message: message.into(),
        })
    }

    fn run(&mut self) -> Result<(), LexError> {
        loop {
            let found = self.rest().find("{{").map(|i| i + self.pos);
            let text_end = found.unwrap_or(self.bytes.len());
            let mut start = self.pos;
            if std::mem::take(&mut self.trim_next) {
                while start < text_end && is_space(self.at(start)) {
                    start += 1;
                }
            }
            let Some(left) = found else {
                self.push_text(start, text_end);
                self.pos = self.bytes.len();
                self.emit(Kind::Eof, self.pos);
                return Ok(());
            };
            let trim = self.at(left + 2) == b'-' && is_space(self.at(left + 3));
            let mut end = text_end;
            if trim {
                while end > start && is_space(self.at(end - 1)) {
                    end -= 1;
                }
            }
            self.push_text(start, end);
            self.pos = left + if trim { 4 } else { 2 };
            if self.rest().starts_with("/*") {
                self.comment(left)?;
                continue;
            }
            self.pos = left + 2;
            self.emit(Kind::Left, left);
            if trim {
                self.pos = left + 4;
            }
            self.inside_action(left)?;
        }
    }

    fn push_text(&mut self, start: usize, end: usize) {
        if start < end {
            self.tokens.push(Token {
                kind: Kind::Text,
                range: start..end,
            });
        }
    }

    /// `{{/* ... */}}`: nothing is emitted; the closing delimiter must follow the comment.
    fn comment(&mut self, left: usize) -> Result<(), LexError> {
        let Some(end) = self.rest().find("*/") else {
            return self.error(left, "unclosed comment");
        };
        self.pos += end + 2;
        if let Some(trim) = self.right_delim() {
            self.pos += if trim { 4 } else { 2 };
            self.trim_next = trim;
            Ok(())
        } else {
            self.error(left, "comment ends before closing delimiter")
        }
    }

    /// Whether the right delimiter starts here: `Some(true)` for ` -}}`, `Some(false)` for `}}`.
    fn right_delim(&self) -> Option<bool> {
        let p = self.pos;
        if is_space(self.at(p)) && self.at(p + 1) == b'-' && self.rest().get(2..4) == Some("}}") {
            Some(true)
        } else if self.rest().starts_with("}}") {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
