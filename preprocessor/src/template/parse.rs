//! The parser: tokens into the tree Go's text/template/parse builds, with Go's rules and
//! wording ("function "x" not defined", "undefined variable "$x"", "{{break}} outside
//! {{range}}", "missing value for if", ...). Variables resolve to frame slots as they are
//! declared, functions to their implementation, `else if`/`else with` to nested branches,
//! `block` to a define and a call. Nesting is bounded so deep input cannot overflow the stack.

mod control;
mod literal;
mod pipeline;
mod ret;

use super::ast::{List, Node, Parsed, Tree};
use super::lex::{self, Keyword, Kind, Token};
use super::{Error, ErrorKind};

/// The deepest nesting of control structures and parentheses accepted.
pub const MAX_DEPTH: usize = 100;

/// A number as a template literal reads it (`12`, `0x1F`, `1.5`), for casts of strings.
pub fn number(text: &str) -> Option<super::value::Value> {
    literal::number(text, false).ok()
}

/// Parses the template `name` from `src`.
pub fn parse(name: &str, src: &str) -> Result<Parsed, Error> {
    let tokens =
        lex::lex(src).map_err(|e| Error::new(ErrorKind::Syntax, name, src, e.at, e.message))?;
    let mut p = Parser {
        name,
        src,
        tokens,
        i: 0,
        vars: vec![("$".into(), 0)],
        slots: 1,
        depth: 0,
        range_depth: 0,
        defines: Vec::new(),
    };
    let mut main = List::default();
    loop {
        match p.peek().kind {
            Kind::Eof => break,
            Kind::Left if p.is_define() => p.define()?,
            _ => match p.text_or_action()? {
                Item::Node(n) => main.nodes.push(n),
                Item::End(at) => return Err(p.error(at, "unexpected {{end}}")),
                Item::Else(at, _) => return Err(p.error(at, "unexpected {{else}}")),
            },
        }
    }
    let ret = if ret::is_partial(name) {
        ret::take_return(&mut main)
    } else {
        None
    };
    Ok(Parsed {
        main: Tree {
            root: main,
            slots: p.slots,
        },
        defines: p.defines,
        ret,
    })
}

/// What an item in a list turned out to be.
enum Item {
    Node(Node),
    End(usize),
    /// `{{else}}`, or `{{else if`/`{{else with` with the keyword left pending.
    Else(usize, Option<Keyword>),
}

struct Parser<'a> {
    name: &'a str,
    src: &'a str,
    tokens: Vec<Token>,
    i: usize,
    /// Variables in scope, innermost last: name and slot.
    vars: Vec<(Box<str>, usize)>,
    /// Slots used by the template being parsed.
    slots: usize,
    depth: usize,
    range_depth: usize,
    defines: Vec<(String, Tree)>,
}

impl Parser<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Syntax, self.name, self.src, at, message)
    }

    fn peek(&self) -> &Token {
        // The lexer always ends with Eof, and `next` never moves past it.
        static EOF: Token = Token {
            kind: Kind::Eof,
            range: 0..0,
        };
        self.tokens.get(self.i).unwrap_or(&EOF)
    }

    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if t.kind != Kind::Eof {
            self.i += 1;
        }
        t
    }

    fn skip_space(&mut self) {
        while self.peek().kind == Kind::Space {
            self.i += 1;
        }
    }

    fn peek_non_space(&mut self) -> &Token {
        self.skip_space();
        self.peek()
    }

    fn next_non_space(&mut self) -> Token {
        self.skip_space();
        self.next()
    }

    fn text(&self, t: &Token) -> &str {
        self.src.get(t.range.clone()).unwrap_or("")
    }

    fn describe(&self, t: &Token) -> String {
        match t.kind {
            Kind::Eof => "EOF".into(),
            Kind::Right => "\"}}\"".into(),
            Kind::Keyword(_) => format!("<{}>", self.text(t)),
            _ => format!("{:?}", self.text(t)),
        }
    }

    fn unexpected(&self, t: &Token, context: &str) -> Error {
        if t.kind == Kind::Eof {
            return self.error(t.range.start, format!("unexpected EOF in {context}"));
        }
        self.error(
            t.range.start,
            format!("unexpected {} in {context}", self.describe(t)),
        )
    }

    fn enter(&mut self, at: usize) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self
                .error(at, format!("nesting deeper than {MAX_DEPTH} levels"))
                .with_kind(ErrorKind::Limit));
        }
        Ok(())
    }

    fn is_define(&self) -> bool {
        let mut j = self.i + 1;
        while self.tokens.get(j).is_some_and(|t| t.kind == Kind::Space) {
            j += 1;
        }
        self.tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Keyword(Keyword::Define))
    }

    /// Nodes up to `{{end}}` or `{{else}}`, which is returned.
    fn item_list(&mut self) -> Result<(List, Item), Error> {
        let mut list = List::default();
        loop {
            if self.peek().kind == Kind::Eof {
                return Err(self.error(self.src.len(), "unexpected EOF"));
            }
            if self.peek().kind == Kind::Left && self.is_define() {
                let at = self.peek().range.start;
                return Err(self.error(at, "unexpected <define> in command"));
            }
            match self.text_or_action()? {
                Item::Node(n) => list.nodes.push(n),
                end => return Ok((list, end)),
            }
        }
    }

    fn text_or_action(&mut self) -> Result<Item, Error> {
        let t = self.next();
        match t.kind {
            Kind::Text => Ok(Item::Node(Node::Text(t.range.start, self.text(&t).into()))),
            Kind::Left => self.action(),
            _ => Err(self.unexpected(&t, "input")),
        }
    }

    fn expect_right(&mut self, context: &str) -> Result<(), Error> {
        let t = self.next_non_space();
        if t.kind == Kind::Right {
            Ok(())
        } else {
            Err(self.unexpected(&t, context))
        }
    }

    fn action(&mut self) -> Result<Item, Error> {
        let t = self.peek_non_space().clone();
        let at = t.range.start;
        let Kind::Keyword(kw) = t.kind else {
            let pipe = self.pipeline("command", Kind::Right)?;
            return Ok(Item::Node(Node::Action(super::ast::Action {
                pos: at,
                pipe,
                escapers: Vec::new(),
            })));
        };
        self.next();
        match kw {
            Keyword::End => {
                self.expect_right("end")?;
                Ok(Item::End(at))
            }
            Keyword::Else => {
                let next = self.peek_non_space().kind;
                if let Kind::Keyword(k @ (Keyword::If | Keyword::With)) = next {
                    return Ok(Item::Else(at, Some(k)));
                }
                self.expect_right("else")?;
                Ok(Item::Else(at, None))
            }
            Keyword::If => self.control(at, Keyword::If).map(Item::Node),
            Keyword::With => self.control(at, Keyword::With).map(Item::Node),
            Keyword::Range => self.control(at, Keyword::Range).map(Item::Node),
            Keyword::Break | Keyword::Continue => {
                let word = if kw == Keyword::Break {
                    "break"
                } else {
                    "continue"
                };
                if self.range_depth == 0 {
                    return Err(self.error(at, format!("{{{{{word}}}}} outside {{{{range}}}}")));
                }
                self.expect_right(word)?;
                Ok(Item::Node(if kw == Keyword::Break {
                    Node::Break
                } else {
                    Node::Continue
                }))
            }
            Keyword::Template => self.template_call(at).map(Item::Node),
            Keyword::Block => self.block(at).map(Item::Node),
            Keyword::Define => Err(self.unexpected(&t, "command")),
        }
    }
}

#[cfg(test)]
mod tests;
