//! The parser: tokens into the tree Go's text/template/parse builds, with Go's rules and
//! wording ("function "x" not defined", "undefined variable "$x"", "{{break}} outside
//! {{range}}", "missing value for if", ...). Variables resolve to frame slots as they are
//! declared, functions to their implementation, `else if`/`else with` to nested branches,
//! `block` to a define and a call. Nesting is bounded so deep input cannot overflow the stack.

mod literal;

use super::ast::{Arg, Branch, Call, Cmd, List, Node, Parsed, Pipe, Target, Tree};
use super::funcs::{self, Lookup};
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
    Ok(Parsed {
        main: Tree {
            root: main,
            slots: p.slots,
        },
        defines: p.defines,
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

    /// `{{define "name"}} body {{end}}` at the top level.
    fn define(&mut self) -> Result<(), Error> {
        self.next(); // {{
        let kw = self.next_non_space();
        let token = self.next_non_space();
        let name = self.template_name(&token, "define clause")?;
        let right = self.next_non_space();
        if right.kind != Kind::Right {
            return Err(self.unexpected(&right, "define clause"));
        }
        let tree = self.body("define clause")?;
        self.add_define(name, tree, kw.range.start)
    }

    /// A new template body, `{{end}}` included, with a fresh frame of variables.
    fn body(&mut self, context: &str) -> Result<Tree, Error> {
        let vars = std::mem::replace(&mut self.vars, vec![("$".into(), 0)]);
        let slots = std::mem::replace(&mut self.slots, 1);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let (list, end) = self.item_list()?;
        if let Item::Else(pos, _) = end {
            return Err(self.error(pos, format!("unexpected {{{{else}}}} in {context}")));
        }
        let tree = Tree {
            root: list,
            slots: self.slots,
        };
        self.vars = vars;
        self.slots = slots;
        self.range_depth = range_depth;
        Ok(tree)
    }

    fn add_define(&mut self, name: String, tree: Tree, at: usize) -> Result<(), Error> {
        let empty = |t: &Tree| {
            t.root
                .nodes
                .iter()
                .all(|n| matches!(n, Node::Text(_, s) if s.trim().is_empty()))
        };
        if let Some(existing) = self.defines.iter_mut().find(|(n, _)| *n == name) {
            if empty(&tree) {
                return Ok(());
            }
            if !empty(&existing.1) {
                return Err(self.error(at, format!("multiple definition of template {name:?}")));
            }
            existing.1 = tree;
            return Ok(());
        }
        self.defines.push((name, tree));
        Ok(())
    }

    fn template_name(&self, token: &Token, context: &str) -> Result<String, Error> {
        match token.kind {
            Kind::String | Kind::RawString => {
                literal::unquote(self.text(token)).map_err(|m| self.error(token.range.start, m))
            }
            _ => Err(self.unexpected(token, context)),
        }
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

    /// `if`, `with` and `range`, with `else`, `else if` and `else with`.
    fn control(&mut self, at: usize, kw: Keyword) -> Result<Node, Error> {
        self.enter(at)?;
        let context = match kw {
            Keyword::If => "if",
            Keyword::With => "with",
            _ => "range",
        };
        let scope = self.vars.len();
        let pipe = self.pipeline(context, Kind::Right)?;
        if kw == Keyword::Range {
            self.range_depth += 1;
        }
        let (list, end) = self.item_list()?;
        if kw == Keyword::Range {
            self.range_depth -= 1;
        }
        let else_list = match end {
            Item::Else(pos, Some(k)) if k == kw => {
                self.next_non_space(); // the `if`/`with` of `else if`/`else with`
                Some(List {
                    nodes: vec![self.control(pos, k)?],
                })
            }
            Item::Else(_, Some(_)) => {
                let t = self.peek_non_space().clone();
                return Err(self.unexpected(&t, "input"));
            }
            Item::Else(_, None) => {
                let (list, end) = self.item_list()?;
                if let Item::Else(pos, _) = end {
                    return Err(self.error(pos, "expected end; found {{else}}"));
                }
                Some(list)
            }
            Item::End(_) | Item::Node(_) => None,
        };
        self.vars.truncate(scope);
        self.depth -= 1;
        let branch = Box::new(Branch {
            pos: at,
            pipe,
            list,
            else_list,
        });
        Ok(match kw {
            Keyword::If => Node::If(branch),
            Keyword::With => Node::With(branch),
            _ => Node::Range(branch),
        })
    }

    fn template_call(&mut self, at: usize) -> Result<Node, Error> {
        let context = "template clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let pipe = if self.peek_non_space().kind == Kind::Right {
            self.next();
            None
        } else {
            Some(self.pipeline(context, Kind::Right)?)
        };
        Ok(Node::Template(Box::new(Call {
            pos: at,
            name,
            pipe,
            target: Target::Unresolved,
        })))
    }

    /// `{{block "name" pipeline}} default {{end}}`: a define and a call.
    fn block(&mut self, at: usize) -> Result<Node, Error> {
        let context = "block clause";
        self.enter(at)?;
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let pipe = self.pipeline(context, Kind::Right)?;
        let tree = self.body(context)?;
        self.add_define(name.clone(), tree, at)?;
        self.depth -= 1;
        Ok(Node::Template(Box::new(Call {
            pos: at,
            name,
            pipe: Some(pipe),
            target: Target::Unresolved,
        })))
    }

    /// A pipeline up to `end` (`}}` or `)`), which is consumed.
    fn pipeline(&mut self, context: &str, end: Kind) -> Result<Pipe, Error> {
        let pos = self.peek_non_space().range.start;
        let mut declared: Vec<(Box<str>, usize)> = Vec::new();
        let mut assign = false;
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
                    assign = next == Kind::Assign;
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
        let _ = assign;
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

    fn resolve(&self, name: &str, at: usize) -> Result<super::funcs::Func, Error> {
        match funcs::lookup(name) {
            Lookup::Func(f) => Ok(f),
            Lookup::Namespace => Ok(super::funcs::Func::Namespace),
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

#[cfg(test)]
mod tests;
