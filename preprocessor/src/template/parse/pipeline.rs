//! The parser's pipelines: variable declarations and assignments before them (`$x :=`,
//! `$x =`, `$i, $v :=` in a range), commands joined by `|`, and their operands: literals,
//! `.`, `nil`, fields and chains (`.A.B`, `$x.A`, `(pipeline).A`), variables resolved to
//! their frame slot, functions resolved to their implementation (`strings.ToLower` as one
//! name), and parenthesised pipelines, each counted against the depth bound.

use super::{Parser, literal};
use crate::template::ast::{Arg, Cmd, Pipe};
use crate::template::funcs::{self, Func, Lookup};
use crate::template::lex::{Kind, Token};
use crate::template::{Error, ErrorKind};

impl Parser<'_> {
    /// A pipeline up to `end` (`}}` or `)`), which is consumed.
    pub(super) fn pipeline(&mut self, context: &str, end: Kind) -> Result<Pipe, Error> {
        let pos = self.peek_non_space().range.start;
        let mut declared: Vec<(Box<str>, usize)> = Vec::new();
        let mut decl = Vec::new();
        // Declarations: `$x :=`, `$x =`, `$i, $v :=` (range only).
        let mut names: Vec<Token> = Vec::new();
        loop {
            let save = self.i;
            let v = self.peek_non_space().clone();
            if v.kind != Kind::Variable {
                self.i = save;
                break;
            }
            self.next();
            let next = self.peek_non_space().kind;
            match next {
                Kind::Declare | Kind::Assign => {
                    self.next();
                    names.push(v);
                    let assign = next == Kind::Assign;
                    for v in &names {
                        let name: Box<str> = self.text(v).into();
                        if assign {
                            decl.push(self.lookup_var(&name, v.range.start)?);
                        } else {
                            decl.push(self.slots);
                            declared.push((name, self.slots));
                            self.slots += 1;
                        }
                    }
                    break;
                }
                Kind::Comma if context == "range" && names.is_empty() => {
                    self.next();
                    names.push(v);
                }
                Kind::Comma => {
                    let message = format!("too many declarations in {context}");
                    return Err(self.error(v.range.start, message));
                }
                _ if !names.is_empty() => {
                    return Err(self.error(v.range.start, "range can only initialize variables"));
                }
                _ => {
                    self.i = save;
                    break;
                }
            }
        }
        let mut cmds = Vec::new();
        loop {
            let t = self.peek_non_space().clone();
            if t.kind == end {
                self.next();
                break;
            }
            match t.kind {
                Kind::Bool
                | Kind::Char
                | Kind::Dot
                | Kind::Field
                | Kind::Ident
                | Kind::Number
                | Kind::Nil
                | Kind::RawString
                | Kind::String
                | Kind::Variable
                | Kind::LeftParen => cmds.push(self.command()?),
                _ => return Err(self.unexpected(&t, context)),
            }
        }
        if cmds.is_empty() {
            return Err(self.error(pos, format!("missing value for {context}")));
        }
        for (i, c) in cmds.iter().enumerate().skip(1) {
            if matches!(c.args.first(), Some(Arg::Const(_) | Arg::Dot | Arg::Nil(_))) {
                return Err(self.error(
                    c.pos,
                    format!("non executable command in pipeline stage {}", i + 1),
                ));
            }
        }
        // Declared names are visible after their pipeline, not inside it.
        self.vars.extend(declared);
        Ok(Pipe { pos, decl, cmds })
    }

    fn lookup_var(&self, name: &str, at: usize) -> Result<usize, Error> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| &**n == name)
            .map(|(_, slot)| *slot)
            .ok_or_else(|| self.error(at, format!("undefined variable {name:?}")))
    }

    fn command(&mut self) -> Result<Cmd, Error> {
        let pos = self.peek_non_space().range.start;
        let mut args = Vec::new();
        loop {
            self.skip_space();
            if let Some(arg) = self.operand()? {
                args.push(arg);
            }
            let t = self.peek().clone();
            match t.kind {
                Kind::Space => {
                    self.next();
                    continue;
                }
                Kind::Right | Kind::RightParen => {}
                Kind::Pipe => {
                    self.next();
                }
                _ => return Err(self.unexpected(&t, "operand")),
            }
            break;
        }
        if args.is_empty() {
            return Err(self.error(pos, "empty command"));
        }
        Ok(Cmd { pos, args })
    }

    fn operand(&mut self) -> Result<Option<Arg>, Error> {
        let Some(term) = self.term()? else {
            return Ok(None);
        };
        if self.peek().kind != Kind::Field {
            return Ok(Some(term));
        }
        let pos = self.peek().range.start;
        let mut names = Vec::new();
        while self.peek().kind == Kind::Field {
            let t = self.next();
            names.push(self.text(&t).get(1..).unwrap_or("").into());
        }
        Ok(Some(match term {
            Arg::Field {
                pos,
                names: mut first,
            } => {
                first.append(&mut names);
                Arg::Field { pos, names: first }
            }
            Arg::Var {
                pos,
                slot,
                name,
                names: mut first,
            } => {
                first.append(&mut names);
                Arg::Var {
                    pos,
                    slot,
                    name,
                    names: first,
                }
            }
            Arg::Func {
                pos: at, ref name, ..
            } if funcs::is_namespace(name) => {
                let method: Box<str> = names.remove(0);
                let qualified = format!("{name}.{method}");
                let func = self.resolve(&qualified, at)?;
                let call = Arg::Func {
                    pos: at,
                    func,
                    name: qualified.into(),
                };
                if names.is_empty() {
                    call
                } else {
                    Arg::Chain {
                        pos,
                        term: Box::new(call),
                        names,
                    }
                }
            }
            Arg::Const(_) | Arg::Nil(_) | Arg::Dot => {
                return Err(self.error(pos, "unexpected . after term"));
            }
            term => Arg::Chain {
                pos,
                term: Box::new(term),
                names,
            },
        }))
    }

    fn resolve(&self, name: &str, at: usize) -> Result<Func, Error> {
        match funcs::lookup(name) {
            Lookup::Func(f) => Ok(f),
            Lookup::Namespace => Ok(Func::Namespace),
            Lookup::Unsupported => Err(self
                .error(at, format!("function {name:?} is not supported"))
                .with_kind(ErrorKind::Unsupported)
                .with_hint("Hugo has this function; this engine does not implement it")),
            Lookup::Unknown => Err(self.error(at, format!("function {name:?} not defined"))),
        }
    }

    fn term(&mut self) -> Result<Option<Arg>, Error> {
        self.skip_space();
        let save = self.i;
        let t = self.next();
        let at = t.range.start;
        let text = self.text(&t);
        Ok(Some(match t.kind {
            Kind::Ident => {
                let func = self.resolve(text, at)?;
                Arg::Func {
                    pos: at,
                    func,
                    name: text.into(),
                }
            }
            Kind::Dot => Arg::Dot,
            Kind::Nil => Arg::Nil(at),
            Kind::Variable => {
                let name: Box<str> = text.into();
                let slot = self.lookup_var(&name, at)?;
                Arg::Var {
                    pos: at,
                    slot,
                    name,
                    names: Vec::new(),
                }
            }
            Kind::Field => Arg::Field {
                pos: at,
                names: vec![text.get(1..).unwrap_or("").into()],
            },
            Kind::Bool => Arg::Const((text == "true").into()),
            Kind::Number | Kind::Char => Arg::Const(
                literal::number(text, t.kind == Kind::Char).map_err(|m| self.error(at, m))?,
            ),
            Kind::String | Kind::RawString => Arg::Const(
                literal::unquote(text)
                    .map_err(|m| self.error(at, m))?
                    .into(),
            ),
            Kind::LeftParen => {
                self.enter(at)?;
                let pipe = self.pipeline("parenthesized pipeline", Kind::RightParen)?;
                self.depth -= 1;
                Arg::Pipe(Box::new(pipe))
            }
            _ => {
                self.i = save;
                return Ok(None);
            }
        }))
    }
}
