//! One pass of pulldown-cmark over a chapter's body, with the options mdBook renders with (and
//! one before it to find the code, when the body has shortcodes to mask), collecting what the later steps need: every link destination with its exact byte range in the
//! author's source (inline links, images, reference definitions, autolinks, raw HTML `href` and
//! `src`), the `ref`/`relref` shortcodes outside code, the heading ids mdBook 0.5 will give, and the
//! word count for the reading time.

use mdbook_markdown::pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// How a destination is written, which decides how it can be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `[text](dest)`, `![alt](dest)`, a reference definition `[x]: dest`, or an HTML attribute:
    /// the range covers the destination alone (inside `<>` when the author used them).
    Destination,
    /// `<https://...>`: the range covers the whole autolink, brackets included.
    Autolink,
    /// `{{< ref "x" >}}`: the range covers the whole shortcode.
    Shortcode,
}

/// A link destination found in the chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The destination as markdown means it, escapes and entities resolved (for a shortcode, its
    /// path argument): what is looked up.
    pub dest: String,
    /// The destination as written, without `<>`: its query and fragment are kept as written.
    pub raw: String,
    /// Byte range in the chapter's source to replace.
    pub range: Range<usize>,
    pub form: Form,
    /// Where a problem mark may go (after the link, outside any tag).
    pub after: usize,
}

/// What one pass over a chapter's body found.
#[derive(Debug, Default, Clone)]
pub struct Scan {
    pub sites: Vec<Site>,
    /// Every fragment id a link may target: headings (as mdBook makes them) and raw `id`s.
    pub anchors: HashSet<String>,
    pub words: usize,
}

/// Scans `source[body_start..]`; ranges are offsets into `source`.
pub fn scan(source: &str, body_start: usize) -> Scan {
    let options = MarkdownOptions::default();
    // Hugo expands shortcodes before it reads the markdown, so `[x]: {{< ref "y" >}}` is a
    // reference definition like any other. Left in place, the shortcode's spaces and quotes make
    // it no definition, and every definition after it in the block paragraph text: the `ref`s
    // are found first (outside code), then masked for the pass that finds everything else.
    let mut refs = Vec::new();
    if source[body_start..].contains("{{") {
        let code = code_ranges(&source[body_start..], &options);
        shortcodes(&source[body_start..], body_start, &code, &mut refs);
    }
    let masked = mask(&source[body_start..], body_start, &refs);
    let body: &str = &masked;
    let mut out = Scan::default();
    let mut used_ids = HashSet::new();
    let mut heading: Option<String> = None;
    // (link range, inner end, the parsed destination of an inline link)
    let mut link_stack: Vec<(Range<usize>, usize, Option<String>)> = Vec::new();
    let mut words = Words::default();
    // Inside an HTML block: `None` until its first line says whether it is a comment.
    let mut html_block: Option<Option<bool>> = None;
    let mut parser = new_cmark_parser(body, &options).into_offset_iter();
    for (event, range) in parser.by_ref() {
        words.event(&event);
        // Every open link's text extends over this event, except the link it closes.
        let closing = usize::from(matches!(event, Event::End(TagEnd::Link | TagEnd::Image)));
        let open = link_stack.len().saturating_sub(closing);
        for (_, inner_end, _) in &mut link_stack[..open] {
            *inner_end = (*inner_end).max(range.end);
        }
        match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                out.anchors.insert(id.to_string());
            }
            Event::Start(Tag::Heading { id: None, .. } | Tag::DefinitionListTitle) => {
                heading = Some(String::new())
            }
            Event::End(TagEnd::Heading(_) | TagEnd::DefinitionListTitle) => {
                if let Some(text) = heading.take() {
                    out.anchors
                        .insert(unique_id(&id_from_content(&text), &mut used_ids));
                }
            }
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ) => {
                let opener = if body[range.start..].starts_with('!') {
                    2
                } else {
                    1
                };
                match link_type {
                    LinkType::Inline => link_stack.push((
                        range.clone(),
                        range.start + opener,
                        Some(dest_url.to_string()),
                    )),
                    LinkType::Autolink => {
                        out.sites.push(Site {
                            dest: dest_url.to_string(),
                            raw: dest_url.to_string(),
                            range: body_start + range.start..body_start + range.end,
                            form: Form::Autolink,
                            after: body_start + range.end,
                        });
                        link_stack.push((range.clone(), range.start, None));
                    }
                    _ => link_stack.push((range.clone(), range.start, None)),
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((link, inner_end, Some(parsed))) = link_stack.pop()
                    && let Some(dest) = inline_destination(body, inner_end, link.end)
                {
                    out.sites.push(Site {
                        dest: parsed,
                        raw: unbracketed(&body[dest.clone()]).to_owned(),
                        range: body_start + dest.start..body_start + dest.end,
                        form: Form::Destination,
                        after: body_start + link.end,
                    });
                }
            }
            Event::Code(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            // An HTML block that opens with a comment is a comment to its end (CommonMark's type 2).
            Event::Start(Tag::HtmlBlock) => html_block = Some(None),
            Event::End(TagEnd::HtmlBlock) => html_block = None,
            // Raw HTML whose text is its source slice (not re-assembled across container
            // prefixes), outside comments: a commented-out link is no link.
            Event::Html(text) | Event::InlineHtml(text) => {
                let comment = text.trim_start().starts_with("<!--");
                let in_comment = match &mut html_block {
                    Some(first @ None) => *first.insert(comment),
                    Some(Some(block_is_comment)) => *block_is_comment,
                    None => comment,
                };
                if !in_comment && body.get(range.clone()) == Some(&*text) {
                    html_attributes(&text, body_start + range.start, &mut out);
                }
            }
            Event::Text(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            _ => {}
        }
    }
    out.words = words.count;
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(dest) = definition_destination(body, def.span.clone()) {
            out.sites.push(Site {
                dest: def.dest.to_string(),
                raw: unbracketed(&body[dest.clone()]).to_owned(),
                range: body_start + dest.start..body_start + dest.end,
                form: Form::Destination,
                after: body_start + def.span.end,
            });
        }
    }
    // A masked `ref` parsed as a destination is the `ref`'s site, whose problem mark then goes
    // where the destination's would: after the link or definition, not inside it.
    out.sites.retain(|site| {
        let Some(r) = refs.iter_mut().find(|r| overlap(&r.range, &site.range)) else {
            return true;
        };
        r.after = r.after.max(site.after);
        false
    });
    out.sites.append(&mut refs);
    out.sites.sort_by_key(|s| s.range.start);
    out
}

/// Hugo's word count: runs of non-space characters in the text of the rendered page (tags
/// stripped, raw HTML's text kept, image alt text gone). Inline markup joins what it touches, as
/// in the HTML: `**kube**let` and the smart quote in `don't` (its own event) are one word each.
#[derive(Default)]
struct Words {
    count: usize,
    in_word: bool,
    in_tag: bool,
    images: usize,
}

impl Words {
    fn event(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Text(_) | Event::Code(_) if self.images > 0 => {}
            Event::Text(text) | Event::Code(text) => self.text(text),
            Event::Html(html) | Event::InlineHtml(html) => self.html(html),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. },
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link,
            )
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
            // Block starts and ends, line breaks and rules: a line break in the HTML.
            _ => self.in_word = false,
        }
    }

    /// Words as runs of characters that are not `char::is_whitespace`; ASCII is looked at a
    /// byte at a time (the profile's hot spot was decoding every character).
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // char::is_whitespace on ASCII, vertical tab included.
        let space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
        if text.is_ascii() {
            // A word starts at each non-space after a space (or after the event before, when
            // that ended outside a word); counted without branches.
            let mut after_space = !self.in_word;
            let mut starts = 0;
            for &b in bytes {
                let is_space = space(b);
                starts += usize::from(after_space & !is_space);
                after_space = is_space;
            }
            self.count += starts;
            self.in_word = !after_space;
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            let word = if bytes[i].is_ascii() {
                i += 1;
                !space(bytes[i - 1])
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                !c.is_whitespace()
            };
            if word && !self.in_word {
                self.count += 1;
            }
            self.in_word = word;
        }
    }

    /// Raw HTML's text, its tags stripped as Hugo strips them (a tag joins what it touches).
    fn html(&mut self, html: &str) {
        for c in html.chars() {
            match c {
                '<' => self.in_tag = true,
                '>' => self.in_tag = false,
                c if !self.in_tag => {
                    let mut buf = [0; 4];
                    self.text(c.encode_utf8(&mut buf));
                }
                _ => {}
            }
        }
    }
}

/// The code spans and blocks of `body`.
fn code_ranges(body: &str, options: &MarkdownOptions) -> Vec<Range<usize>> {
    new_cmark_parser(body, options)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)))
        .map(|(_, range)| range)
        .collect()
}

/// `body` (starting at `base` of the source) with every byte of each shortcode but line breaks
/// replaced by `x`: one inert word in place of each, every other offset unchanged.
fn mask<'a>(body: &'a str, base: usize, shortcodes: &[Site]) -> Cow<'a, str> {
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

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The destination of an inline link `[text](dest "title")` whose text ends at `inner_end` and
/// whole link ends at `end`; `None` when the source is not shaped as expected.
fn inline_destination(body: &str, inner_end: usize, end: usize) -> Option<Range<usize>> {
    let tail = body.get(inner_end..end)?;
    let open = tail.find("](")? + 2;
    // Only the closing bracket of the text may stand between the text and `](`.
    if !tail[..open - 2].trim().is_empty() {
        return None;
    }
    destination_at(body, inner_end + open, end)
}

/// The destination of a reference definition `[label]: dest "title"` spanning `span`.
fn definition_destination(body: &str, span: Range<usize>) -> Option<Range<usize>> {
    let text = body.get(span.clone())?;
    let colon = text.find("]:")? + 2;
    destination_at(body, span.start + colon, span.end)
}

/// A destination as written, without the `<>` that may enclose it (only those: a bare
/// destination may end in `>`).
fn unbracketed(raw: &str) -> &str {
    raw.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(raw)
}

/// A destination starting after optional whitespace (one line break at most) at `from`.
fn destination_at(body: &str, from: usize, limit: usize) -> Option<Range<usize>> {
    let text = body.get(from..limit)?;
    let start = from + (text.len() - text.trim_start().len());
    let rest = body.get(start..limit)?;
    if rest.starts_with('<') {
        // Up to the first `>` not escaped; a line break or `<` first makes it no destination.
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '>' => return Some(start..start + i + 1),
                '<' | '\n' => return None,
                _ => {}
            }
        }
        return None;
    }
    let mut depth = 0i32;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(start..start + i),
            ')' => depth -= 1,
            c if c.is_whitespace() || c.is_control() => return Some(start..start + i),
            _ => {}
        }
    }
    Some(start..limit)
}

/// `href`, `src` and `id` attributes in a piece of raw HTML starting at `base`.
fn html_attributes(html: &str, base: usize, out: &mut Scan) {
    let lower = html.to_ascii_lowercase();
    for name in ["href", "src", "id", "name"] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(name) {
            let at = from + found;
            from = at + name.len();
            let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
            let rest = &html[from..];
            let after_eq = rest.trim_start();
            if !before_ok || !after_eq.starts_with('=') {
                continue;
            }
            let value_from = from + (rest.len() - after_eq.len()) + 1;
            let value_text = &html[value_from..];
            let lead = value_text.len() - value_text.trim_start().len();
            let value_start = value_from + lead;
            let (start, end) = match html[value_start..].chars().next() {
                Some(q @ ('"' | '\'')) => match html[value_start + 1..].find(q) {
                    Some(len) => (value_start + 1, value_start + 1 + len),
                    None => continue,
                },
                _ => {
                    let len = html[value_start..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(html.len() - value_start);
                    (value_start, value_start + len)
                }
            };
            let value = &html[start..end];
            if name == "id" || name == "name" {
                out.anchors.insert(value.to_owned());
            } else {
                let tag_end = html[end..].find('>').map_or(html.len(), |i| end + i + 1);
                out.sites.push(Site {
                    dest: decode_entities(value),
                    raw: value.to_owned(),
                    range: base + start..base + end,
                    form: Form::Destination,
                    after: base + tag_end,
                });
            }
        }
    }
}

/// An HTML attribute value as the browser reads it: character references resolved.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => match name.strip_prefix('#') {
                    Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16)
                        .ok()
                        .and_then(char::from_u32),
                    Some(dec) => dec.parse().ok().and_then(char::from_u32),
                    None => None,
                },
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `{{< ref "x" >}}` / `{{< relref "x" >}}` (and `{{% %}}`) outside code.
fn shortcodes(body: &str, base: usize, code: &[Range<usize>], sites: &mut Vec<Site>) {
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

/// mdBook 0.5's heading id: lowercased, alphanumerics `_` and `-` kept, whitespace to `-`.
pub fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// mdBook 0.5's de-duplication: `id`, then `id-1`, `id-2`, ...
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| used.insert(c.clone()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
