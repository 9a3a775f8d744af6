//! Hugo's shortcode syntax, read exactly as Hugo 0.111 reads a page body: the calls, their typed
//! parameters, what each call's inner content is and the calls nested in it (its `.Ordinal`,
//! its `.Parent`), escaped calls as literal text. Whether a call has inner content depends, in
//! Hugo, on its template (one that evaluates `.Inner` takes a closing tag, one that does not must
//! not get one), so the caller says it per name ([`Inner`]). Where Hugo fails the build, a
//! [`Problem`] says why and what to do; the parser still returns everything it could read, in
//! one pass over the body, never recursing, with nesting bounded at [`MAX_DEPTH`].

mod lex;

use crate::diagnostic::Diagnostic;
use crate::shortcodes::call::{Call, Node, Param, Params, Value};
use lex::{Item, Kind, Val};
use memchr::memmem;
use std::collections::HashSet;
use std::ops::Range;

/// Calls nested deeper than this are left out, with a problem (Hugo has no limit).
pub const MAX_DEPTH: usize = 64;

/// What a shortcode's template says about inner content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inner {
    /// The template evaluates `.Inner` or `.InnerDeindent`: the call needs a closing tag or
    /// to be self-closed, and everything up to the closing tag is its inner content.
    Takes,
    /// The template never evaluates them: the call is its opening tag alone, and a closing
    /// tag (or a self-closing `/`) is an error.
    Ignores,
    /// No template for the name: Hugo fails the build.
    Unknown,
}

/// What a body holds: its calls and escaped calls, in order, and where Hugo would fail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub nodes: Vec<Node>,
    /// In source order.
    pub problems: Vec<Problem>,
}

/// One reason Hugo would fail to build the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the chapter's source.
    pub at: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Problem {
    /// The problem as a diagnostic for `file`, whose whole source is `source`.
    pub fn diagnostic(&self, file: &str, source: &str) -> Diagnostic {
        let diagnostic = Diagnostic::at(file, source, self.at, self.message.clone());
        match &self.hint {
            Some(hint) => diagnostic.hint(hint.clone()),
            None => diagnostic,
        }
    }
}

/// Reads the shortcodes of `body`, a page's content after its front matter, which starts at
/// byte `base` of the chapter's source (every range and offset returned counts from there).
/// `inner` says, per shortcode name, what its template does with inner content; it is asked
/// once per call, never for inline shortcodes. A body without `{{` costs one search.
pub fn parse(body: &str, base: usize, inner: &dyn Fn(&str) -> Inner) -> Parsed {
    if memmem::find(body.as_bytes(), b"{{").is_none() {
        return Parsed::default();
    }
    let (items, problems) = lex::lex(body, base);
    let mut tree = Tree {
        body,
        base,
        items: &items,
        inner,
        problems,
        closers: None,
        stack: vec![Frame::root()],
    };
    tree.build();
    let mut problems = tree.problems;
    problems.sort_by_key(|p| p.at);
    Parsed {
        nodes: tree
            .stack
            .into_iter()
            .next()
            .map(|page| page.children)
            .unwrap_or_default(),
        problems,
    }
}

/// A call being read (Hugo's `shortcode` during `extractShortcode`), or the page itself.
struct Frame {
    /// The opening tag's `{{`.
    start: usize,
    markdown: bool,
    name: Option<Range<usize>>,
    inline: bool,
    takes: bool,
    params: Option<Params>,
    mixed: bool,
    /// Opening delimiters seen (Hugo's `cnt`).
    delims: usize,
    /// The end of the opening tag, once inner content follows it.
    inner_start: Option<usize>,
    /// The `{{` of the closing tag being read.
    closing_tag: Option<usize>,
    /// Where the rest of a tag starts that a nested call's closing tag left unread (Hugo reads
    /// its items here), and at the page level, their text as Hugo keeps it.
    rest: Option<usize>,
    rest_text: String,
    children: Vec<Node>,
    calls: usize,
    indent: Range<usize>,
    depth: usize,
    /// Within [`MAX_DEPTH`]: the call goes into the tree.
    kept: bool,
}

impl Frame {
    fn root() -> Frame {
        Frame::new(0, 0..0, 0, true)
    }

    fn new(start: usize, indent: Range<usize>, depth: usize, kept: bool) -> Frame {
        Frame {
            start,
            markdown: false,
            name: None,
            inline: false,
            takes: false,
            params: None,
            mixed: false,
            delims: 0,
            inner_start: None,
            closing_tag: None,
            rest: None,
            rest_text: String::new(),
            children: Vec::new(),
            calls: 0,
            indent,
            depth,
            kept,
        }
    }

    /// Appends a finished node, numbering calls in order (Hugo's `.Ordinal`).
    fn add(&mut self, mut node: Node) {
        if let Node::Call(call) = &mut node {
            call.ordinal = self.calls;
            self.calls += 1;
        }
        self.children.push(node);
    }
}

struct Tree<'a> {
    body: &'a str,
    base: usize,
    items: &'a [Item],
    inner: &'a dyn Fn(&str) -> Inner,
    problems: Vec<Problem>,
    /// The names closing tags give, collected when an unknown name needs them.
    closers: Option<HashSet<&'a str>>,
    /// The page, then each open call, innermost last.
    stack: Vec<Frame>,
}

impl<'a> Tree<'a> {
    /// Hugo's `mapContentForResult` and `extractShortcode`, over every item, then what is left
    /// open at the end of the page.
    fn build(&mut self) {
        let mut i = 0;
        while let Some(item) = self.items.get(i) {
            i = if self.stack.len() == 1 {
                self.page_item(i, item)
            } else {
                self.call_item(i, item)
            } + 1;
        }
        while self.stack.len() > 1 {
            self.end_of_page();
        }
    }

    /// An item outside any call; the index of the last item used.
    fn page_item(&mut self, i: usize, item: &Item) -> usize {
        match &item.kind {
            Kind::Left { .. } => self.open(i, item),
            Kind::Literal { markdown, middle } => {
                let node = self.literal(item, *markdown, middle);
                self.top().add(node);
            }
            // The divider is the page's text.
            Kind::Divider => {}
            // The rest of a malformed tag: Hugo keeps each item's text, not the spaces between.
            _ => {
                let text = match &item.kind {
                    Kind::Param(val) | Kind::ParamVal(val) => self.text(val),
                    _ => self
                        .body
                        .get(item.range.clone())
                        .unwrap_or_default()
                        .to_owned(),
                };
                let (base, end) = (self.base, item.range.end);
                let page = self.top();
                let start = page.rest.unwrap_or(item.range.start);
                page.rest = Some(start);
                page.rest_text.push_str(&text);
                if item.kind == Kind::Right {
                    page.rest = None;
                    let text = std::mem::take(&mut page.rest_text);
                    let range = base + start..base + end;
                    page.add(Node::Literal { range, text });
                }
            }
        }
        i
    }

    /// An item inside the innermost open call; the index of the last item used.
    fn call_item(&mut self, i: usize, item: &Item) -> usize {
        let next = self.items.get(i + 1).map(|n| &n.kind);
        match &item.kind {
            Kind::Left { markdown, .. } => {
                let frame = self.top();
                if matches!(next, Some(Kind::Close)) {
                    frame.closing_tag = Some(item.range.start);
                } else if frame.delims > 0 {
                    self.open(i, item);
                } else {
                    frame.markdown = *markdown;
                    frame.delims += 1;
                }
            }
            Kind::Right => {
                let base = self.base;
                let frame = self.top();
                if frame.name.is_some() && (frame.inline || frame.takes) {
                    match frame.inner_start {
                        None => frame.inner_start = Some(item.range.end),
                        Some(_) => {
                            let start = frame.rest.take().unwrap_or(item.range.start);
                            frame.add(Node::Literal {
                                range: base + start..base + item.range.end,
                                text: String::new(),
                            });
                        }
                    }
                } else {
                    self.close(None, item.range.end);
                }
            }
            Kind::Close => return self.closing(i, item),
            Kind::Name { inline, .. } => self.name(i, item, *inline),
            Kind::Param(key) => {
                if let Some(Kind::ParamVal(val)) = next {
                    let range = self.range(&self.items[i + 1].range);
                    let param = Param {
                        value: self.value(val),
                        range,
                    };
                    self.param(Some(self.text(key)), param);
                    return i + 1;
                }
                if next.is_some() {
                    let param = Param {
                        value: self.value(key),
                        range: self.range(&item.range),
                    };
                    self.param(None, param);
                }
            }
            Kind::Literal { markdown, middle } => {
                let node = self.literal(item, *markdown, middle);
                self.top().add(node);
            }
            Kind::Divider => {
                let node = self.dropped(item);
                self.top().add(node);
            }
            // A value with no name before it: Hugo reads nothing from it.
            Kind::ParamVal(_) => {}
        }
        i
    }

    /// Starts a call at its opening `{{`, item `i`.
    fn open(&mut self, i: usize, item: &Item) {
        let Kind::Left { markdown, indent } = &item.kind else {
            return;
        };
        let parent = self.top();
        let depth = parent.depth + 1;
        let kept = parent.kept && depth <= MAX_DEPTH;
        if parent.kept && !kept {
            let name = self.name_after(i);
            self.problem(
                item.range.start,
                format!("shortcode `{name}` is nested more than {MAX_DEPTH} levels deep"),
                "the book leaves it and the calls inside it out; Hugo has no such limit".into(),
            );
        }
        let mut frame = Frame::new(item.range.start, indent.clone(), depth, kept);
        if matches!(self.items.get(i + 1).map(|n| &n.kind), Some(Kind::Close)) {
            frame.closing_tag = Some(item.range.start);
        } else {
            frame.markdown = *markdown;
            frame.delims = 1;
        }
        self.stack.push(frame);
    }

    /// The call's name, and what its template says about inner content.
    fn name(&mut self, i: usize, item: &Item, inline: bool) {
        let name = self.body.get(item.range.clone()).unwrap_or_default();
        let takes = if inline {
            true
        } else {
            match (self.inner)(name) {
                Inner::Takes => true,
                Inner::Ignores => false,
                Inner::Unknown => {
                    self.problem(
                        item.range.start,
                        format!("template for shortcode `{name}` not found"),
                        format!(
                            "Hugo fails the build on it: add layouts/shortcodes/{name}.html to \
                             the site, or fix the name"
                        ),
                    );
                    self.self_closed(i) || self.closers().contains(name)
                }
            }
        };
        let frame = self.top();
        frame.name = Some(item.range.clone());
        frame.inline = inline;
        frame.takes = takes;
    }

    /// A parameter, named when `key` is given; Hugo takes them all positional or all named.
    fn param(&mut self, key: Option<String>, param: Param) {
        let frame = self.top();
        match (&mut frame.params, key) {
            (None, None) => frame.params = Some(Params::Positional(vec![param])),
            (None, Some(key)) => frame.params = Some(Params::Named(vec![(key, param)])),
            (Some(Params::Positional(list)), None) => list.push(param),
            (Some(Params::Named(list)), Some(key)) => match list.iter_mut().find(|p| p.0 == key) {
                Some(old) => old.1 = param,
                None => list.push((key, param)),
            },
            _ if !frame.mixed => {
                frame.mixed = true;
                let (at, name) = (frame.start, self.frame_name());
                self.problem(
                    at,
                    format!("shortcode `{name}` mixes positional and named parameters"),
                    "write every parameter as name=value, with no space around `=`, or none".into(),
                );
            }
            _ => {}
        }
    }

    /// A `/` in the innermost call: its closing tag or a self-closing one (Hugo takes either
    /// as the end of the call it is in, whatever name the closing tag gives).
    fn closing(&mut self, i: usize, item: &Item) -> usize {
        let items = self.items;
        let frame = top(&mut self.stack);
        let (named, closing_tag) = (frame.name.is_some(), frame.closing_tag);
        if named && (frame.inline || frame.takes) {
            let used = match items.get(i + 1).map(|n| &n.kind) {
                Some(Kind::Right) => 1,
                _ => 2,
            };
            let last = (i + used).min(items.len().saturating_sub(1));
            let end = items.get(last).map_or(item.range.end, |n| n.range.end);
            let inner_end = match (frame.inner_start, frame.closing_tag, frame.rest) {
                (Some(start), Some(tag), _) if tag >= start => tag,
                (_, _, Some(rest)) => rest,
                _ => item.range.start,
            };
            self.close(Some(inner_end), end);
            let unread = items.get(last).is_some_and(|n| n.kind != Kind::Right)
                && items
                    .get(last + 1..)
                    .unwrap_or_default()
                    .iter()
                    .any(|n| n.kind == Kind::Right);
            if unread {
                self.top().rest = Some(end);
            }
            return last;
        }
        let right = (i..items.len())
            .find(|&j| items.get(j).is_some_and(|n| n.kind == Kind::Right))
            .unwrap_or(items.len().saturating_sub(1));
        let end = items.get(right).map_or(item.range.end, |n| n.range.end);
        let (l, r) = self.delimiters();
        if named {
            let name = self.frame_name();
            self.problem(
                frame_start(&self.stack),
                format!("shortcode `{name}` takes no inner content, yet it is self-closed"),
                format!("Hugo 0.111 rejects this: write {l} {name} {r} without the `/`"),
            );
            self.close(None, end);
        } else {
            let name = self.name_after(i);
            let at = closing_tag.unwrap_or(item.range.start);
            let (message, hint) = if (self.inner)(name) == Inner::Ignores {
                (
                    format!(
                        "shortcode `{name}` does not evaluate .Inner or .InnerDeindent, yet a \
                         closing tag was provided"
                    ),
                    format!("remove {l} /{name} {r}: the call ends with its opening tag"),
                )
            } else {
                (
                    format!("closing tag {l} /{name} {r} has no open shortcode to close"),
                    "remove it, or open the shortcode before it".into(),
                )
            };
            self.problem(at, message, hint);
            self.stack.pop();
        }
        right
    }

    /// The innermost call, unclosed at the end of the page. An inline one runs to the end (as
    /// in Hugo); any other is an error, and is read as its opening tag alone.
    fn end_of_page(&mut self) {
        let end = self.body.len();
        let frame = top(&mut self.stack);
        if frame.inline || frame.name.is_none() {
            if frame.inner_start.is_none() {
                frame.inner_start = Some(end);
            }
            self.close(Some(end), end);
            return;
        }
        let name = self.frame_name();
        let (l, r) = self.delimiters();
        self.problem(
            frame_start(&self.stack),
            format!("unclosed shortcode `{name}` opened here"),
            format!("close it with {l} /{name} {r}, or self-close it: {l} {name} /{r}"),
        );
        let frame = self.top();
        let opening_end = frame.inner_start.take().unwrap_or(end);
        let children = std::mem::take(&mut frame.children);
        self.close(None, opening_end);
        let root = self.stack.len() == 1;
        let parent = self.top();
        for child in children {
            match &child {
                Node::Literal { text, .. } if root && text.is_empty() => {}
                _ => parent.add(child),
            }
        }
    }

    /// Ends the innermost call at `end`; `inner_end` ends its inner content.
    fn close(&mut self, inner_end: Option<usize>, end: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let Some(parent) = self.stack.last_mut() else {
            return;
        };
        let (Some(name), true) = (&frame.name, frame.kept) else {
            return;
        };
        let base = self.base;
        let at = |r: Range<usize>| base + r.start..base + r.end;
        let inner = inner_end.map(|inner_end| {
            let start = frame.inner_start.unwrap_or(end);
            at(start..inner_end.max(start))
        });
        parent.add(Node::Call(Call {
            name: self.body.get(name.clone()).unwrap_or_default().to_owned(),
            markdown: frame.markdown,
            params: frame.params.unwrap_or(Params::Positional(Vec::new())),
            range: at(frame.start..end),
            inner,
            children: frame.children,
            ordinal: 0,
            indent: at(frame.indent),
        }));
    }

    fn literal(&self, item: &Item, markdown: bool, middle: &Range<usize>) -> Node {
        let (l, r) = if markdown {
            ("{{%", "%}}")
        } else {
            ("{{<", ">}}")
        };
        let middle = self.body.get(middle.clone()).unwrap_or_default();
        Node::Literal {
            range: self.range(&item.range),
            text: [l, middle, r].concat(),
        }
    }

    /// Bytes Hugo leaves out of the inner content.
    fn dropped(&self, item: &Item) -> Node {
        Node::Literal {
            range: self.range(&item.range),
            text: String::new(),
        }
    }

    fn value(&self, val: &Val) -> Value {
        if val.quoted {
            Value::String(self.text(val))
        } else {
            Value::bare(self.body.get(val.text.clone()).unwrap_or_default())
        }
    }

    fn text(&self, val: &Val) -> String {
        let text = self.body.get(val.text.clone()).unwrap_or_default();
        if val.strip {
            text.replace('\\', "")
        } else {
            text.to_owned()
        }
    }

    /// Whether the opening tag whose name is item `i` ends with `/`.
    fn self_closed(&self, i: usize) -> bool {
        self.items
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|n| n.kind != Kind::Right)
            .any(|n| n.kind == Kind::Close)
    }

    fn closers(&mut self) -> &HashSet<&'a str> {
        let (body, items) = (self.body, self.items);
        self.closers.get_or_insert_with(|| {
            items
                .iter()
                .filter(|n| matches!(n.kind, Kind::Name { closing: true, .. }))
                .filter_map(|n| body.get(n.range.clone()))
                .collect()
        })
    }

    /// The name a tag gives after item `i`, if any.
    fn name_after(&self, i: usize) -> &'a str {
        self.items
            .get(i + 1..i + 3)
            .unwrap_or_default()
            .iter()
            .find(|n| matches!(n.kind, Kind::Name { .. }))
            .and_then(|n| self.body.get(n.range.clone()))
            .unwrap_or_default()
    }

    fn frame_name(&self) -> &'a str {
        let name = self.stack.last().and_then(|f| f.name.clone());
        name.and_then(|r| self.body.get(r)).unwrap_or_default()
    }

    fn delimiters(&self) -> (&'static str, &'static str) {
        if self.stack.last().is_some_and(|f| f.markdown) {
            ("{{%", "%}}")
        } else {
            ("{{<", ">}}")
        }
    }

    fn top(&mut self) -> &mut Frame {
        top(&mut self.stack)
    }

    fn range(&self, r: &Range<usize>) -> Range<usize> {
        self.base + r.start..self.base + r.end
    }

    fn problem(&mut self, at: usize, message: String, hint: String) {
        self.problems.push(Problem {
            at: self.base + at,
            message,
            hint: Some(hint),
        });
    }
}

/// The innermost open call (the page when none is open).
fn top(stack: &mut Vec<Frame>) -> &mut Frame {
    if stack.is_empty() {
        stack.push(Frame::root());
    }
    let last = stack.len() - 1;
    &mut stack[last]
}

fn frame_start(stack: &[Frame]) -> usize {
    stack.last().map_or(0, |f| f.start)
}

#[cfg(test)]
mod tests;
