//! The lexer inside an action: spaces (a run of them is one token, stopping before ` -}}`),
//! punctuation, quoted, raw and character literals, numbers as Go scans them (sign, base
//! prefix, `_` separators, fraction, exponent, imaginary `i`; a letter after one is "bad number
//! syntax"), variables, fields, keywords and identifiers, each of which must end where Go lets
//! a word end; parentheses must balance before `}}`.

use super::{Keyword, Kind, LexError, Lexer, is_alnum, is_space};

impl Lexer<'_> {
    pub(super) fn inside_action(&mut self, left: usize) -> Result<(), LexError> {
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
