//! The calls of a page from its items: Hugo's `extractShortcode` and the page loop around it
//! (`mapContentForResult`), on an explicit stack of the calls open at each point, innermost
//! last. A call's name, parameters, nested calls and inner content are read here; how a call
//! ends is [`close`]'s.

mod close;
mod params;

use super::lex::{Item, Kind};
use super::{Inner, MAX_DEPTH, Problem};
use crate::shortcodes::call::{Node, Param, Params};
use std::collections::HashSet;
use std::ops::Range;

/// The calls of a body from its items, and the problems: those given, then the ones found.
pub(super) fn build(
    body: &str,
    base: usize,
    items: &[Item],
    inner: &dyn Fn(&str) -> Inner,
    problems: Vec<Problem>,
) -> (Vec<Node>, Vec<Problem>) {
    let mut tree = Tree {
        body,
        base,
        items,
        inner,
        problems,
        closers: None,
        stack: vec![Frame::root()],
    };
    tree.build();
    let nodes = tree.stack.into_iter().next().map(|page| page.children);
    (nodes.unwrap_or_default(), tree.problems)
}

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
        self.end_of_page();
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
                if let Some(
                    value @ Item {
                        kind: Kind::ParamVal(val),
                        ..
                    },
                ) = self.items.get(i + 1)
                {
                    let range = self.range(&value.range);
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
                    let at = self.top().start;
                    self.problem(
                        at,
                        format!("unknown shortcode `{name}`"),
                        format!(
                            "add layouts/shortcodes/{name}.html or map it under \
                             [preprocessor.hugo.shortcodes]"
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
