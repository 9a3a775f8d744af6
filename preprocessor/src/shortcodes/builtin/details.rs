//! `details` (Hugo 0.140+): a `<details>` element whose summary (markdown, "Details" by
//! default) and inner content (markdown blocks) render with the page; for other renderers, the
//! summary in bold and the content after it.

use super::Input;
use crate::escape;
use crate::markdown;
use crate::shortcodes::markup;
use crate::shortcodes::output::{Kind, Output, Problem};
use mdbook_markdown::pulldown_cmark::{Tag, TagEnd};
use std::fmt::Write;

/// `{{< details [summary=... open=true class=... name=... title=...] >}}inner{{< /details >}}`.
pub(super) fn details(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let summary = args.text("summary").unwrap_or_else(|| "Details".into());
    let inner = input.inner.unwrap_or_default().trim_matches(['\n', '\r']);
    let mut out = String::with_capacity(inner.len() + 128);
    if input.html() {
        out.push_str("<details");
        for key in ["class", "name"] {
            if let Some(v) = args.text(key) {
                let _ = write!(out, " {key}=\"{}\"", escape::html(&v));
            }
        }
        if args.flag("open") == Some(true) {
            out.push_str(" open");
        }
        if let Some(v) = args.text("title") {
            let _ = write!(out, " title=\"{}\"", escape::html(&v));
        }
        let summary = markup::markdownify(input.page.site.markdown, &summary);
        let _ = write!(out, "><summary>{summary}</summary>");
        // Inert, the first line is one HTML block; the content renders as markdown between it
        // and the closing tag.
        let mut out = markup::inert(&out);
        out.push_str("\n\n");
        if !inner.trim().is_empty() {
            out.push_str(inner);
            out.push_str("\n\n");
        }
        out.push_str("</details>");
        return Ok(Output::new(out, Kind::Blocks));
    }
    out.push_str(&markdown::write(&markdown::paragraph(markdown::wrap(
        Tag::Strong,
        TagEnd::Strong,
        markdown::inline_events(&summary),
    ))));
    if !inner.trim().is_empty() {
        out.push_str("\n\n");
        out.push_str(inner);
    }
    Ok(Output::new(out, Kind::Blocks))
}

#[cfg(test)]
mod tests;
