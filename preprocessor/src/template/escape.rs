//! The escaping pass, html/template's `escapeTree` done once at parse time: walks a template
//! from HTML text, following the context through text, and gives each printing action the
//! escapers for the context it prints in. Text loses its HTML comments (and a `<` that starts
//! no tag becomes `&lt;`), as Go rewrites it. Branches must end in the same context, a range
//! body must too when it runs again, and the template must end in text; otherwise the template
//! is refused with Go's message. A `{{template}}` call of a `define` escapes a copy of it for
//! the call's context (a variant), so one define can serve text and attribute calls alike.

use super::ast::{Action, Branch, Call, List, Node, Parsed, Target, Tree};
use super::context::{self, Attr, Ctx, Delim, JsCtx, State, UrlPart};
use super::escaper::Escaper;
use super::funcs::Func;
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
}

/// The most variants one file may need; beyond it the template is refused.
const MAX_VARIANTS: usize = 256;

pub fn escape(parsed: Parsed, name: &str, src: &str) -> Result<Escaped, Error> {
    let Parsed { mut main, defines } = parsed;
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

    fn action(&mut self, c: Ctx, a: &mut Action) -> Result<Ctx, Error> {
        if !a.pipe.decl.is_empty() {
            return Ok(c);
        }
        let mut c = nudge(c);
        let last = a.pipe.cmds.len().saturating_sub(1);
        let mut predefined = None;
        for (i, cmd) in a.pipe.cmds.iter().enumerate() {
            if let Some(super::ast::Arg::Func { func, name, pos }) = cmd.args.first()
                && matches!(func, Func::Html | Func::UrlQuery)
            {
                if i < last
                    || (c.state == State::Attr
                        && c.delim == Delim::SpaceOrTagEnd
                        && *func == Func::Html)
                {
                    return Err(self.error(
                        *pos,
                        format!("predefined escaper {name:?} disallowed in template"),
                    ));
                }
                predefined = Some(*func);
            }
        }
        let mut chain = Vec::with_capacity(3);
        match c.state {
            State::Url
            | State::CssDqStr
            | State::CssSqStr
            | State::CssDqUrl
            | State::CssSqUrl
            | State::CssUrl => match c.url {
                UrlPart::None | UrlPart::PreQuery => {
                    if c.url == UrlPart::None {
                        chain.push(Escaper::UrlFilter);
                    }
                    if matches!(c.state, State::CssDqStr | State::CssSqStr) {
                        chain.push(Escaper::Css);
                    } else {
                        chain.push(Escaper::UrlNormalizer);
                    }
                }
                UrlPart::QueryOrFrag => chain.push(Escaper::UrlEscape),
                UrlPart::Unknown => {
                    return Err(
                        self.error(a.pos, "action appears in an ambiguous context within a URL")
                    );
                }
            },
            State::Js => {
                chain.push(Escaper::JsVal);
                c.js = JsCtx::DivOp;
            }
            State::JsDqStr | State::JsSqStr => chain.push(Escaper::JsStr),
            State::JsRegexp => chain.push(Escaper::JsRegexp),
            State::Css => chain.push(Escaper::CssValue),
            State::Text => chain.push(Escaper::Html),
            State::Rcdata => chain.push(Escaper::Rcdata),
            State::Attr => {}
            State::AttrName | State::Tag => {
                c.state = State::AttrName;
                chain.push(Escaper::HtmlName);
            }
            State::Srcset => chain.push(Escaper::Srcset),
            _ if c.is_comment() => chain.push(Escaper::Comment),
            _ => return Err(self.error(a.pos, format!("unexpected context {}", describe(c)))),
        }
        match c.delim {
            Delim::None => {}
            Delim::SpaceOrTagEnd => chain.push(Escaper::NoSpace),
            _ => chain.push(Escaper::Attr),
        }
        // Drop escapers made redundant by the one before them, as Go's appendCmd does.
        chain.dedup_by(|next, prev| redundant(*prev, *next));
        if let Some(p) = predefined {
            for e in &mut chain {
                let same = match p {
                    Func::Html => matches!(e, Escaper::Html | Escaper::Attr | Escaper::Rcdata),
                    _ => matches!(e, Escaper::UrlEscape | Escaper::UrlNormalizer),
                };
                if same {
                    *e = Escaper::Noop;
                    break;
                }
            }
        }
        chain.retain(|e| *e != Escaper::Noop);
        a.escapers = chain;
        Ok(c)
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

    /// html/template's `escapeText`: the context after `text`, and the text rewritten when it
    /// changes (comments removed, a stray `<` escaped).
    fn text(&self, mut c: Ctx, pos: usize, text: &str) -> Result<(Ctx, Option<String>), Error> {
        let s = text.as_bytes();
        let mut b: Vec<u8> = Vec::new();
        let mut written = 0;
        let mut i = 0;
        while i < s.len() {
            let (c1, nread) =
                after_text(c, s.get(i..).unwrap_or(&[])).map_err(|m| self.error(pos + i, m))?;
            let i1 = i + nread;
            if c.state == State::Text || c.state == State::Rcdata {
                let mut end = i1;
                if c1.state != c.state
                    && let Some(j) = (i..end).rev().find(|&j| s.get(j) == Some(&b'<'))
                {
                    end = j;
                }
                for j in i..end {
                    let doctype = s
                        .get(j..j + 9)
                        .is_some_and(|d| d.eq_ignore_ascii_case(b"<!DOCTYPE"));
                    if s.get(j) == Some(&b'<') && !doctype {
                        b.extend_from_slice(s.get(written..j).unwrap_or(&[]));
                        b.extend_from_slice(b"&lt;");
                        written = j + 1;
                    }
                }
            } else if c.is_comment() && c.delim == Delim::None {
                match c.state {
                    State::JsBlockCmt => {
                        let part = s.get(written..i1).unwrap_or(&[]);
                        let newline = part.iter().any(|&x| x == b'\n' || x == b'\r')
                            || String::from_utf8_lossy(part).contains(['\u{2028}', '\u{2029}']);
                        b.push(if newline { b'\n' } else { b' ' });
                    }
                    State::CssBlockCmt => b.push(b' '),
                    _ => {}
                }
                written = i1;
            }
            if c.state != c1.state && c1.is_comment() && c1.delim == Delim::None {
                let opener = if c1.state == State::HtmlCmt { 4 } else { 2 };
                let cs = i1.saturating_sub(opener).max(written);
                b.extend_from_slice(s.get(written..cs).unwrap_or(&[]));
                written = i1;
            }
            if i == i1 && c == c1 {
                // No progress: Go would loop forever here; the text is not HTML it can read.
                return Err(self.error(
                    pos + i,
                    format!("cannot read the HTML at {:?}", text.get(i..).unwrap_or("")),
                ));
            }
            c = c1;
            i = i1;
        }
        if written == 0 {
            return Ok((c, None));
        }
        if !c.is_comment() || c.delim != Delim::None {
            b.extend_from_slice(s.get(written..).unwrap_or(&[]));
        }
        Ok((c, Some(String::from_utf8_lossy(&b).into_owned())))
    }
}

/// html/template's `contextAfterText`.
fn after_text(c: Ctx, s: &[u8]) -> context::Step {
    if c.delim == Delim::None {
        let (c1, i) = context::t_special_tag_end(c, s);
        if i == 0 {
            return Ok((c1, 0));
        }
        return context::transition(c, s.get(..i).unwrap_or(&[]));
    }
    let ends: &[u8] = match c.delim {
        Delim::DoubleQuote => b"\"",
        Delim::SingleQuote => b"'",
        _ => b" \t\n\x0c\r>",
    };
    let i = s.iter().position(|b| ends.contains(b)).unwrap_or(s.len());
    let value = s.get(..i).unwrap_or(&[]);
    if c.delim == Delim::SpaceOrTagEnd
        && let Some(j) = value.iter().position(|b| b"\"'<=`".contains(b))
    {
        return Err(format!(
            "{:?} in unquoted attr: {:?}",
            char::from(value.get(j).copied().unwrap_or(b'?')),
            String::from_utf8_lossy(value)
        ));
    }
    if i == s.len() {
        let decoded = super::funcs::unescape_html(&String::from_utf8_lossy(s));
        let mut u = decoded.as_bytes();
        let mut c = c;
        while !u.is_empty() {
            let (c1, n) = context::transition(c, u)?;
            if n == 0 && c1 == c {
                break;
            }
            c = c1;
            u = u.get(n..).unwrap_or(&[]);
        }
        return Ok((c, s.len()));
    }
    let mut element = c.element;
    if c.state == State::Attr
        && c.element == context::Element::Script
        && c.attr == Attr::ScriptType
        && !is_js_type(&String::from_utf8_lossy(value))
    {
        element = context::Element::None;
    }
    let consumed = if c.delim == Delim::SpaceOrTagEnd {
        i
    } else {
        i + 1
    };
    Ok((
        Ctx {
            state: State::Tag,
            element,
            ..Ctx::TEXT
        },
        consumed,
    ))
}

fn is_js_type(mime: &str) -> bool {
    let mime = mime.to_lowercase();
    let mime = mime.split(';').next().unwrap_or("").trim();
    matches!(
        mime,
        "application/ecmascript"
            | "application/javascript"
            | "application/json"
            | "application/ld+json"
            | "application/x-ecmascript"
            | "application/x-javascript"
            | "module"
            | "text/ecmascript"
            | "text/javascript"
            | "text/javascript1.0"
            | "text/javascript1.1"
            | "text/javascript1.2"
            | "text/javascript1.3"
            | "text/javascript1.4"
            | "text/javascript1.5"
            | "text/jscript"
            | "text/livescript"
            | "text/x-ecmascript"
            | "text/x-javascript"
    )
}

/// Go's `redundantFuncs`: `next` adds nothing after `prev`.
fn redundant(prev: Escaper, next: Escaper) -> bool {
    use Escaper::*;
    matches!(
        (prev, next),
        (Comment, Attr | Html) | (Css | JsRegexp | JsStr, Attr) | (UrlEscape, UrlNormalizer)
    )
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
