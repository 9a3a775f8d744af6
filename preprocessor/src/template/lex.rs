//! The lexer: template text into tokens exactly as Go's text/template/parse reads it. Text
//! between actions, `{{`/`}}` with the trim markers `{{- ` and ` -}}` applied to the text
//! beside them, comments `{{/* */}}` dropped, and inside an action the spaces (they separate
//! arguments), literals, fields, variables, identifiers, keywords and punctuation. Every token
//! carries its byte range in the source for error positions.

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

    fn inside_action(&mut self, left: usize) -> Result<(), LexError> {
        let mut depth = 0usize;
        loop {
            if let Some(trim) = self.right_delim() {
                if depth > 0 {
                    return self.error(self.pos, "unclosed left paren");
                }
                let start = self.pos + usize::from(trim) * 2;
                self.pos = start + 2;
                self.emit(Kind::Right, start);
                self.trim_next = trim;
                return Ok(());
            }
            let start = self.pos;
            let Some(c) = self.rest().chars().next() else {
                return self.error(left, "unclosed action");
            };
            match c {
                ' ' | '\t' | '\r' | '\n' => {
                    self.pos += 1;
                    while is_space(self.at(self.pos)) && self.right_delim() != Some(true) {
                        self.pos += 1;
                    }
                    self.emit(Kind::Space, start);
                }
                '=' => self.single(Kind::Assign),
                ':' => {
                    if self.at(self.pos + 1) != b'=' {
                        return self.error(start, "expected :=");
                    }
                    self.pos += 2;
                    self.emit(Kind::Declare, start);
                }
                '|' => self.single(Kind::Pipe),
                ',' => self.single(Kind::Comma),
                '"' => self.quoted(b'"', Kind::String, "unterminated quoted string")?,
                '\'' => self.quoted(b'\'', Kind::Char, "unterminated character constant")?,
                '`' => {
                    let Some(end) = self.src.get(start + 1..).and_then(|s| s.find('`')) else {
                        return self.error(start, "unterminated raw quoted string");
                    };
                    self.pos = start + 1 + end + 1;
                    self.emit(Kind::RawString, start);
                }
                '$' => {
                    self.pos += 1;
                    self.alnum();
                    self.terminated(start)?;
                    self.emit(Kind::Variable, start);
                }
                '.' if self.at(self.pos + 1).is_ascii_digit() => self.number()?,
                '.' => {
                    self.pos += 1;
                    if self.alnum() == 0 {
                        self.emit(Kind::Dot, start);
                    } else {
                        self.terminated(start)?;
                        self.emit(Kind::Field, start);
                    }
                }
                '+' | '-' | '0'..='9' => self.number()?,
                '(' => {
                    depth += 1;
                    self.single(Kind::LeftParen);
                }
                ')' => {
                    if depth == 0 {
                        return self.error(start, "unexpected right paren");
                    }
                    depth -= 1;
                    self.single(Kind::RightParen);
                }
                c if is_alnum(c) => {
                    self.alnum();
                    self.terminated(start)?;
                    let word = self.src.get(start..self.pos).unwrap_or("");
                    let kind = match word {
                        "true" | "false" => Kind::Bool,
                        "nil" => Kind::Nil,
                        "block" => Kind::Keyword(Keyword::Block),
                        "break" => Kind::Keyword(Keyword::Break),
                        "continue" => Kind::Keyword(Keyword::Continue),
                        "define" => Kind::Keyword(Keyword::Define),
                        "else" => Kind::Keyword(Keyword::Else),
                        "end" => Kind::Keyword(Keyword::End),
                        "if" => Kind::Keyword(Keyword::If),
                        "range" => Kind::Keyword(Keyword::Range),
                        "template" => Kind::Keyword(Keyword::Template),
                        "with" => Kind::Keyword(Keyword::With),
                        _ => Kind::Ident,
                    };
                    self.emit(kind, start);
                }
                c if c.is_ascii_graphic() => self.single(Kind::Other),
                c => {
                    return self.error(
                        start,
                        format!("unrecognized character in action: U+{:04X} {c:?}", c as u32),
                    );
                }
            }
        }
    }

    fn single(&mut self, kind: Kind) {
        let start = self.pos;
        self.pos += 1;
        self.emit(kind, start);
    }

    /// Skips letters, digits and `_`; returns how many bytes.
    fn alnum(&mut self) -> usize {
        let start = self.pos;
        let len: usize = self
            .rest()
            .chars()
            .take_while(|&c| is_alnum(c))
            .map(char::len_utf8)
            .sum();
        self.pos += len;
        self.pos - start
    }

    /// Go requires a word to end at a space, a delimiter or punctuation that can follow it.
    fn terminated(&self, start: usize) -> Result<(), LexError> {
        match self.rest().chars().next() {
            None | Some(' ' | '\t' | '\r' | '\n' | '.' | ',' | '|' | ':' | ')' | '(' | '=') => {
                Ok(())
            }
            Some('}') if self.rest().starts_with("}}") => Ok(()),
            Some('-') if self.rest().starts_with("-}}") => Ok(()),
            Some(c) => self.error(start, format!("bad character U+{:04X} {c:?}", c as u32)),
        }
    }

    fn quoted(&mut self, quote: u8, kind: Kind, unterminated: &str) -> Result<(), LexError> {
        let start = self.pos;
        let mut i = start + 1;
        loop {
            match self.bytes.get(i) {
                None | Some(b'\n') => return self.error(start, unterminated),
                Some(b'\\') => {
                    if matches!(self.bytes.get(i + 1), None | Some(b'\n')) {
                        return self.error(start, unterminated);
                    }
                    i += 2;
                }
                Some(&b) if b == quote => break,
                _ => i += 1,
            }
        }
        self.pos = i + 1;
        while !self.src.is_char_boundary(self.pos) {
            self.pos += 1;
        }
        self.emit(kind, start);
        Ok(())
    }

    /// A number as Go scans it: sign, base prefix, digits with `_`, fraction, exponent; a
    /// letter right after it is "bad number syntax".
    fn number(&mut self) -> Result<(), LexError> {
        let start = self.pos;
        if matches!(self.at(self.pos), b'+' | b'-') {
            self.pos += 1;
        }
        let mut digits: &[u8] = b"0123456789_";
        let mut exp: &[u8] = b"eE";
        if self.at(self.pos) == b'0' {
            match self.at(self.pos + 1) {
                b'x' | b'X' => {
                    self.pos += 2;
                    digits = b"0123456789abcdefABCDEF_";
                    exp = b"pP";
                }
                b'o' | b'O' => {
                    self.pos += 2;
                    digits = b"01234567_";
                    exp = b"";
                }
                b'b' | b'B' => {
                    self.pos += 2;
                    digits = b"01_";
                    exp = b"";
                }
                _ => {}
            }
        }
        let run = |lx: &mut Self, set: &[u8]| {
            while set.contains(&lx.at(lx.pos)) && lx.pos < lx.bytes.len() {
                lx.pos += 1;
            }
        };
        run(self, digits);
        if self.at(self.pos) == b'.' {
            self.pos += 1;
            run(self, digits);
        }
        if !exp.is_empty() && exp.contains(&self.at(self.pos)) {
            self.pos += 1;
            if matches!(self.at(self.pos), b'+' | b'-') {
                self.pos += 1;
            }
            run(self, b"0123456789_");
        }
        if self.at(self.pos) == b'i' {
            self.pos += 1;
        }
        if self.rest().chars().next().is_some_and(is_alnum) {
            self.alnum();
            let text = self.src.get(start..self.pos).unwrap_or("");
            return self.error(start, format!("bad number syntax: {text:?}"));
        }
        self.emit(Kind::Number, start);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
