//! Inside a shortcode tag: Hugo's `lexInsideShortcode` and the states it goes to (parameters,
//! quoted, raw and bare values, the name, the end of a closing tag), from the character after
//! `{{<` up to and including `>}}`, with Hugo's rules for which characters go where.

use super::{Error, Kind, Lexer, Lexing, Val};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

impl Lexer<'_> {
    /// Hugo's `lexInsideShortcode`, up to and including the right delimiter.
    pub(super) fn inside(&mut self) -> Lexing {
        loop {
            if self.at_right() {
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
                '{' => {
                    return Err(Error {
                        at: self.tag_start,
                        message: format!(
                            "shortcode tag has no {} before the next `{{{{`",
                            self.right()
                        ),
                        hint: Some(format!("end the tag with {}", self.right())),
                        resume: at,
                    });
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
            if self.at_right() {
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
