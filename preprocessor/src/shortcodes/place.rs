//! Where a rendered shortcode goes in the chapter: in place of its call, as the call's kind
//! asks. HTML and inline markdown replace the call as they are; markdown blocks get lines of
//! their own, a blank line before and after, and the call's indentation on every line (so a
//! code block in a list item stays in it); a `{{% %}}` template's markdown is inserted as Hugo
//! inserts it, its lines after the first indented like the call when it has no inner content.
//! In code, where markdown shows what is written, a call is what a browser shows of its output.

use super::call::Call;
use super::markup;

/// How a rendered call's text is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placing {
    /// As is: one-line inert HTML, or inline markdown.
    AsIs,
    /// Markdown blocks: lines of their own.
    Blocks,
    /// A `{{% %}}` template's markdown.
    Markdown,
}

/// The text that replaces `call`'s range in `source`.
pub fn place(text: &str, placing: Placing, call: &Call, source: &str) -> String {
    let indent = source.get(call.indent.clone()).unwrap_or_default();
    match placing {
        Placing::AsIs => text.to_owned(),
        Placing::Markdown if call.inner.is_none() && !indent.is_empty() => indented(text, indent),
        Placing::Markdown => text.to_owned(),
        Placing::Blocks => blocks(text, call, source, indent),
    }
}

/// The text that replaces `call` when it is in code (a span, or a block when `block`), where
/// markdown shows everything as written: what a browser shows of its output, HTML or
/// markdown, as Hugo's page shows its HTML inside `<pre>`, on one line in a span, its lines
/// after the first indented like the call's in a block. A `{{% %}}` template's markdown is
/// placed as it is (in Hugo too, code shows it as written).
pub fn in_code(text: &str, placing: Placing, call: &Call, source: &str, block: bool) -> String {
    if placing == Placing::Markdown {
        return place(text, placing, call, source);
    }
    let shown = markup::visible_text(&markup::render_markdown(text));
    let shown = shown.trim_matches(['\n', '\r']);
    if !block {
        return shown.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let line_start = source
        .get(..call.range.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = source.get(line_start..call.range.start).unwrap_or_default();
    let indent = &line[..line.len() - line.trim_start().len()];
    indented(shown, indent)
}

fn blocks(text: &str, call: &Call, source: &str, indent: &str) -> String {
    let text = text.trim_matches(['\n', '\r']);
    let line_start = source[..call.range.start.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let before = source.get(line_start..call.range.start).unwrap_or_default();
    let own_line = before.trim().is_empty();
    // The indentation of the line the call is on: its tag's, or the line's when it is inline.
    let indent = if own_line {
        indent.to_owned()
    } else {
        before[..before.len() - before.trim_start().len()].to_owned()
    };
    let mut out = String::with_capacity(text.len() + 16);
    if own_line {
        // A blank line before, unless there is one.
        let previous = source[..line_start].trim_end_matches(['\n', '\r']);
        let previous_line = previous.rsplit('\n').next().unwrap_or_default();
        if line_start > 0 && !previous_line.trim().is_empty() {
            out.push('\n');
            out.push_str(&indent);
        }
    } else {
        out.push_str("\n\n");
        out.push_str(&indent);
    }
    out.push_str(&indented(text, &indent));
    let rest_of_line = source
        .get(call.range.end..)
        .unwrap_or_default()
        .split('\n')
        .next()
        .unwrap_or_default();
    if rest_of_line.trim().is_empty() {
        out.push('\n');
    } else {
        out.push_str("\n\n");
        out.push_str(&indent);
    }
    out
}

/// `text` with every line after the first prefixed with `indent` (blank lines too, so a list
/// item goes on).
fn indented(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + indent.len() * 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out
}
