//! The shortcode calls of a body as the markdown pass sees them: each masked (every byte but
//! line breaks an `x`, one inert word), since Hugo expands shortcodes before it reads the
//! markdown (`[x]: {{< ref "y" >}}` is a reference definition like any other, and what a call
//! renders is the shortcodes stage's to place); and the top-level `ref`/`relref` calls as link
//! sites for the links stage.

use super::{Form, Site};
use crate::shortcodes::call::{Call, Node, Params, Value};
use std::borrow::Cow;

/// `body` (starting at byte `base` of the source) with each node of `nodes` masked; every
/// other offset unchanged.
pub fn mask<'a>(body: &'a str, base: usize, nodes: &[Node]) -> Cow<'a, str> {
    if nodes.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    for node in nodes {
        let range = match node {
            Node::Call(c) => &c.range,
            Node::Literal { range, .. } => range,
        };
        let local = range.start.saturating_sub(base)..range.end.saturating_sub(base);
        for b in bytes.get_mut(local).unwrap_or_default() {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b'x';
            }
        }
    }
    // Whole characters are replaced by ASCII, so this is UTF-8; should it not be, no masking.
    String::from_utf8(bytes).map_or(Cow::Borrowed(body), Cow::Owned)
}

/// The top-level `ref` and `relref` calls of `nodes`, as link sites.
pub fn refs(nodes: &[Node], sites: &mut Vec<Site>) {
    for node in nodes {
        if let Node::Call(call) = node
            && let Some(path) = ref_path(call)
        {
            sites.push(Site {
                raw: path.clone(),
                dest: path,
                range: call.range.clone(),
                form: Form::Shortcode,
                after: call.range.end,
            });
        }
    }
}

/// The path a `ref` or `relref` call names: its first positional parameter or `path=`.
pub fn ref_path(call: &Call) -> Option<String> {
    if call.name != "ref" && call.name != "relref" {
        return None;
    }
    let param = match &call.params {
        Params::Positional(list) => list.first(),
        Params::Named(_) => call.params.named("path"),
    }?;
    Some(match &param.value {
        Value::String(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
    })
}
