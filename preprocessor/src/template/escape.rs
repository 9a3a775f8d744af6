//! The escaping pass, html/template's `escapeTree` done once at parse time: walks a template
//! from HTML text, following the context through text, and gives each printing action the
//! escapers for the context it prints in. Text loses its HTML comments (and a `<` that starts
//! no tag becomes `&lt;`), as Go rewrites it. Branches must end in the same context, a range
//! body must too when it runs again, and the template must end in text; otherwise the template
//! is refused with Go's message. A `{{template}}` call of a `define` escapes a copy of it for
//! the call's context (a variant), so one define can serve text and attribute calls alike.

mod action;
mod text;

use super::ast::{Branch, Call, List, Node, Parsed, Pipe, Target, Tree};
use super::context::{self, Attr, Ctx, Delim, JsCtx, State, UrlPart};
use super::{Error, ErrorKind};
use std::collections::HashMap;

/// A define escaped for one start context (the calls that use it know its name).
#[derive(Debug, Clone)]
pub struct Variant {
    pub tree: Tree,
}

/// A template ready to run: the main body and the variants its calls use.
#[derive(Debug, Clone, Default)]
pub struct Escaped {
    pub main: Tree,
    pub variants: Vec<Variant>,
    /// A partial's `return VALUE`, never printed, so never escaped.
    pub ret: Option<Pipe>,
}

/// The most variants one file may need; beyond it the template is refused.
const MAX_VARIANTS: usize = 256;

pub fn escape(parsed: Parsed, name: &str, src: &str) -> Result<Escaped, Error> {
    let Parsed {
        mut main,
        defines,
        ret,
    } = parsed;
    let mut e = Escape {
        name,
        src,
        defines: &defines,
        variants: Vec::new(),
        done: HashMap::new(),
        ranges: Vec::new(),
    };
    let end = e.list(Ctx::TEXT, &mut main.root)?;
    if end.state != State::Text && end.state != State::Dead {
        return Err(e.error(
            src.len(),
            format!("ends in a non-text context: {}", describe(end)),
        ));
    }
    Ok(Escaped {
        main,
        variants: e.variants,
        ret,
    })
}

fn describe(c: Ctx) -> String {
    let mut s = format!("{{{:?}", c.state);
    if c.delim != Delim::None {
        s.push_str(&format!(" {:?}", c.delim));
    }
    if c.url != UrlPart::None {
        s.push_str(&format!(" {:?}", c.url));
    }
    if c.attr != Attr::None {
        s.push_str(&format!(" {:?}", c.attr));
    }
    if c.element != context::Element::None {
        s.push_str(&format!(" {:?}", c.element));
    }
    s.push('}');
    s
}

#[derive(Default)]
struct RangeCtx {
    exits: Vec<Ctx>,
}

struct Escape<'a> {
    name: &'a str,
    src: &'a str,
    defines: &'a [(String, Tree)],
    variants: Vec<Variant>,
    /// (define, start context) -> (variant, end context); the end is assumed to be the start
    /// while the variant is being escaped (a recursive call).
    done: HashMap<(String, Ctx), (usize, Ctx)>,
    ranges: Vec<RangeCtx>,
}

impl Escape<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Escape, self.name, self.src, at, message)
    }

    fn list(&mut self, mut c: Ctx, list: &mut List) -> Result<Ctx, Error> {
        for node in &mut list.nodes {
            c = self.node(c, node)?;
            if c.state == State::Dead {
                break;
            }
        }
        Ok(c)
    }

    fn node(&mut self, c: Ctx, node: &mut Node) -> Result<Ctx, Error> {
        match node {
            Node::Text(pos, text) => {
                let (c, rewritten) = self.text(c, *pos, text)?;
                if let Some(r) = rewritten {
                    *text = r.into();
                }
                Ok(c)
            }
            Node::Action(a) => self.action(c, a),
            Node::If(b) => self.branch(c, b, "if"),
            Node::With(b) => self.branch(c, b, "with"),
            Node::Range(b) => self.branch(c, b, "range"),
            Node::Template(call) => self.call(c, call),
            Node::Break | Node::Continue => {
                if let Some(r) = self.ranges.last_mut() {
                    r.exits.push(c);
                }
                Ok(Ctx {
                    state: State::Dead,
                    ..Ctx::TEXT
                })
            }
        }
    }

    fn branch(&mut self, c: Ctx, b: &mut Branch, kind: &str) -> Result<Ctx, Error> {
        let mut c0;
        if kind == "range" {
            self.ranges.push(RangeCtx::default());
            c0 = self.list(c, &mut b.list)?;
            c0 = self.join_exits(c0, b.pos)?;
            // The body can run again: it must end where it starts.
            let mut again = b.list.clone();
            self.ranges.push(RangeCtx::default());
            let c1 = self.list(c0, &mut again)?;
            let c1 = self.join_exits(c1, b.pos)?;
            c0 = join(c0, c1).map_err(|m| {
                self.error(b.pos, format!("on range loop re-entry: {{{{range}}}} {m}"))
            })?;
        } else {
            c0 = self.list(c, &mut b.list)?;
        }
        let c1 = match &mut b.else_list {
            Some(l) => self.list(c, l)?,
            None => c,
        };
        join(c0, c1).map_err(|m| self.error(b.pos, format!("{{{{{kind}}}}} {m}")))
    }

    fn join_exits(&mut self, mut c: Ctx, at: usize) -> Result<Ctx, Error> {
        let exits = self.ranges.pop().unwrap_or_default().exits;
        for e in exits {
            c = join(c, e).map_err(|m| {
                self.error(
                    at,
                    format!("at range loop break or continue: {{{{range}}}} {m}"),
                )
            })?;
        }
        Ok(c)
    }

    fn call(&mut self, c: Ctx, call: &mut Call) -> Result<Ctx, Error> {
        let Some((_, tree)) = self.defines.iter().find(|(n, _)| *n == call.name) else {
            // A template of the host's runs on its own, starting in text.
            if c.state != State::Text {
                return Err(self
                    .error(call.pos, format!(
                        "{{{{template {:?}}}}} of a template outside this file is only supported in HTML text, not in {}",
                        call.name,
                        describe(c)
                    ))
                    .with_kind(ErrorKind::Unsupported));
            }
            call.target = Target::External;
            return Ok(c);
        };
        let key = (call.name.clone(), c);
        if let Some(&(i, out)) = self.done.get(&key) {
            call.target = Target::Local(i);
            return Ok(out);
        }
        if self.variants.len() >= MAX_VARIANTS {
            return Err(self
                .error(
                    call.pos,
                    format!("more than {MAX_VARIANTS} escaped copies of defined templates"),
                )
                .with_kind(ErrorKind::Limit));
        }
        let index = self.variants.len();
        self.variants.push(Variant {
            tree: Tree::default(),
        });
        self.done.insert(key.clone(), (index, c));
        let mut tree = tree.clone();
        let out = self.list(c, &mut tree.root)?;
        if let Some(v) = self.variants.get_mut(index) {
            v.tree = tree;
        }
        if out.state == State::Dead {
            return Err(self.error(call.pos, "cannot compute output context for template"));
        }
        self.done.insert(key, (index, out));
        call.target = Target::Local(index);
        Ok(out)
    }
}

/// The context after an action that starts a value where the text left off.
pub fn nudge(mut c: Ctx) -> Ctx {
    match c.state {
        State::Tag => c.state = State::AttrName,
        State::BeforeValue => {
            c.state = context::attr_start(c.attr);
            c.delim = Delim::SpaceOrTagEnd;
            c.attr = Attr::None;
        }
        State::AfterName => {
            c.state = State::AttrName;
            c.attr = Attr::None;
        }
        _ => {}
    }
    c
}

/// html/template's `join` of the contexts two branches end in.
pub fn join(a: Ctx, b: Ctx) -> Result<Ctx, String> {
    if a.state == State::Dead {
        return Ok(b);
    }
    if b.state == State::Dead || a == b {
        return Ok(a);
    }
    let mut c = a;
    c.url = b.url;
    if c == b {
        c.url = UrlPart::Unknown;
        return Ok(c);
    }
    let mut c = a;
    c.js = b.js;
    if c == b {
        c.js = JsCtx::Unknown;
        return Ok(c);
    }
    let (na, nb) = (nudge(a), nudge(b));
    if (na != a || nb != b)
        && let Ok(e) = join(na, nb)
    {
        return Ok(e);
    }
    Err(format!(
        "branches end in different contexts: {}, {}",
        describe(a),
        describe(b)
    ))
}

#[cfg(test)]
mod tests;
