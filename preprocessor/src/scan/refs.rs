//! The `ref`/`relref` shortcodes of a body, found outside code, and the body masked so the
//! markdown pass reads around them: Hugo expands shortcodes before it reads the markdown, so
//! `[x]: {{< ref "y" >}}` is a reference definition like any other.

use super::{Form, Site};
use mdbook_markdown::pulldown_cmark::{Event, Tag};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::borrow::Cow;
use std::ops::Range;

/// The code spans and blocks of `body`.
pub fn code_ranges(body: &str, options: &MarkdownOptions) -> Vec<Range<usize>> {
    new_cmark_parser(body, options)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)))
        .map(|(_, range)| range)
        .collect()
}

/// `body` (starting at `base` of the source) with every byte of each shortcode but line breaks
/// replaced by `x`: one inert word in place of each, every other offset unchanged.
pub fn mask<'a>(body: &'a str, base: usize, shortcodes: &[Site]) -> Cow<'a, str> {
    if shortcodes.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    for site in shortcodes {
        let range = site.range.start - base..site.range.end - base;
        for b in bytes.get_mut(range).unwrap_or_default() {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b'x';
            }
        }
    }
    // Whole characters are replaced by ASCII, so this is UTF-8; should it not be, no masking.
    String::from_utf8(bytes).map_or(Cow::Borrowed(body), Cow::Owned)
}

/// `{{< ref "x" >}}` / `{{< relref "x" >}}` (and `{{% %}}`) outside code.
pub fn refs(body: &str, base: usize, code: &[Range<usize>], sites: &mut Vec<Site>) {
    let mut from = 0;
    while let Some(found) = body[from..].find("{{") {
        let start = from + found;
        from = start + 2;
        let rest = &body[start + 2..];
        let (close, inner) = match rest.chars().next() {
            Some('<') => (">}}", &rest[1..]),
            Some('%') => ("%}}", &rest[1..]),
            _ => continue,
        };
        let Some(end_rel) = inner.find(close) else {
            continue;
        };
        let call = inner[..end_rel].trim();
        let Some(args) = call
            .strip_prefix("relref")
            .or_else(|| call.strip_prefix("ref"))
        else {
            continue;
        };
        if !args.starts_with(char::is_whitespace) || code.iter().any(|c| c.contains(&start)) {
            continue;
        }
        let end = start + 3 + end_rel + close.len();
        if let Some(path) = shortcode_path(args.trim()) {
            sites.push(Site {
                raw: path.clone(),
                dest: path,
                range: base + start..base + end,
                form: Form::Shortcode,
                after: base + end,
            });
        }
        from = end;
    }
}

/// The path argument of a `ref` shortcode: the first positional argument or `path=`, quoted with
/// `"`, backticks, or bare.
fn shortcode_path(args: &str) -> Option<String> {
    let args = args
        .strip_prefix("path")
        .map(|a| a.trim_start())
        .and_then(|a| a.strip_prefix('='))
        .map_or(args, str::trim_start);
    let mut chars = args.chars();
    match chars.next()? {
        q @ ('"' | '`') => Some(args[1..].split(q).next()?.to_owned()),
        _ => args.split_whitespace().next().map(str::to_owned),
    }
}
