//! How a call ends, as Hugo's `extractShortcode` ends it: at its opening tag's `>}}` when the
//! template ignores inner content, at the next `/` otherwise (a closing tag of any name, or a
//! self-closing tag), or at the end of the page, where only an inline shortcode may end.
//! Where Hugo fails, the problem is recorded and the call read in the likeliest shape.

use super::super::Inner;
use super::super::lex::{Item, Kind};
use super::{Frame, Tree, frame_start, params, top};
use crate::shortcodes::call::{Call, Node, Params};
use std::ops::Range;

impl Tree<'_> {
    /// A `/` in the innermost call: its closing tag or a self-closing one (Hugo takes either
    /// as the end of the call it is in, whatever name the closing tag gives).
    pub(super) fn closing(&mut self, i: usize, item: &Item) -> usize {
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
            // The template question is never asked for an inline shortcode, whose template is
            // its inner content.
            let inline = self
                .items
                .get(i + 1..i + 3)
                .unwrap_or_default()
                .iter()
                .any(|n| matches!(n.kind, Kind::Name { inline: true, .. }));
            let (message, hint) = if !inline && (self.inner)(name) == Inner::Ignores {
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

    /// Every call still open at the end of the page, innermost first. An inline one runs to the
    /// end (as in Hugo); any other is an error, and is read as its opening tag alone, what it
    /// holds going to the call around it. What each level leaves is gathered once for all of
    /// them (segments, last first), not handed down level by level: with calls left open ever
    /// deeper, that made a node move once per level, time quadratic in the page.
    pub(super) fn end_of_page(&mut self) {
        let end = self.body.len();
        let mut carried: Vec<Vec<Node>> = Vec::new();
        while self.stack.len() > 1 {
            let frame = top(&mut self.stack);
            if frame.inline || frame.name.is_none() {
                // It holds what the calls open in it left.
                frame.children.extend(carried.drain(..).rev().flatten());
                if frame.inner_start.is_none() {
                    frame.inner_start = Some(end);
                }
                self.close(Some(end), end);
                continue;
            }
            let name = self.frame_name();
            let (l, r) = self.delimiters();
            self.problem(
                frame_start(&self.stack),
                format!("unclosed shortcode `{name}` opened here"),
                format!("close it with {l} /{name} {r}, or self-close it: {l} {name} /{r}"),
            );
            let Some(mut frame) = self.stack.pop() else {
                break;
            };
            let opening_end = frame.inner_start.take().unwrap_or(end);
            params::keep_before(&mut frame.params, self.base + opening_end);
            // A call nested too deep is left out with what it holds (the problem is reported).
            if frame.kept {
                carried.push(std::mem::take(&mut frame.children));
            }
            carried.extend(self.node(frame, None, opening_end).map(|n| vec![n]));
        }
        let root = self.top();
        for node in carried.into_iter().rev().flatten() {
            match &node {
                Node::Literal { text, .. } if text.is_empty() => {}
                _ => root.add(node),
            }
        }
    }

    /// Ends the innermost call at `end`; `inner_end` ends its inner content.
    pub(super) fn close(&mut self, inner_end: Option<usize>, end: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            return;
        }
        if let Some(node) = self.node(frame, inner_end, end) {
            self.top().add(node);
        }
    }

    /// `frame`'s call, ended at `end`, its inner content at `inner_end`; none for a tag with no
    /// name or a call nested too deep.
    fn node(&self, frame: Frame, inner_end: Option<usize>, end: usize) -> Option<Node> {
        let (Some(name), true) = (&frame.name, frame.kept) else {
            return None;
        };
        let base = self.base;
        let at = |r: Range<usize>| base + r.start..base + r.end;
        let inner = inner_end.map(|inner_end| {
            let start = frame.inner_start.unwrap_or(end);
            at(start..inner_end.max(start))
        });
        Some(Node::Call(Call {
            name: self.body.get(name.clone()).unwrap_or_default().to_owned(),
            markdown: frame.markdown,
            params: frame.params.unwrap_or(Params::Positional(Vec::new())),
            range: at(frame.start..end),
            inner,
            children: frame.children,
            ordinal: 0,
            indent: at(frame.indent),
        }))
    }
}
