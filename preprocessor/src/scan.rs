//! One pass of pulldown-cmark over a chapter's body, with the options mdBook renders with,
//! collecting what the later stages need: every link destination with its exact byte range in
//! the author's source (inline links, images, reference definitions, autolinks, raw HTML `href`
//! and `src`), the `ref`/`relref` shortcodes, the anchors a link may target, the word count, and
//! where code is when there are shortcode calls.
//! The event pass is here; what it feeds lives beside it: `words` (the reading time), `html`
//! (raw HTML as a browser tokenizes it), `refs` (shortcodes found and masked first, when the body
//! has any), `anchors` (heading ids), `destinations` (a destination's bytes in the source).

pub mod anchors;
pub mod calls;
pub mod destinations;
pub mod html;
pub mod words;

use crate::shortcodes::call::Node;
use destinations::{definition_destination, inline_destination, unbracketed};
use mdbook_markdown::pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
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
    /// Every fragment id a link may target: headings (as mdBook makes them), raw `id`s and the
    /// `name`s of `<a>` elements.
    pub anchors: HashSet<String>,
    pub words: usize,
    /// When the body has shortcode calls: its code, each span or block with whether it is a
    /// block, in order (Hugo renders calls there too; the stage places their text).
    pub code: Vec<(Range<usize>, bool)>,
}

/// Scans `source[body_start..]`, whose shortcode calls (as the syntax parser read them) are
/// `calls`; ranges are offsets into `source`.
pub fn scan(source: &str, body_start: usize, calls: &[Node]) -> Scan {
    let options = MarkdownOptions::default();
    let mut refs = Vec::new();
    calls::refs(calls, &mut refs);
    let masked = calls::mask(&source[body_start..], body_start, calls);
    let body: &str = &masked;
    let mut out = Scan::default();
    let mut used_ids = HashSet::new();
    let mut heading: Option<String> = None;
    // (link range, inner end, the parsed destination of an inline link)
    let mut link_stack: Vec<(Range<usize>, usize, Option<String>)> = Vec::new();
    let mut words = words::Words::default();
    let mut tokenizer = html::Tokenizer::default();
    let mut parser = new_cmark_parser(body, &options).into_offset_iter();
    for (event, range) in parser.by_ref() {
        words.event(&event);
        // Every open link's text extends over this event, except the link it closes.
        let closing = usize::from(matches!(event, Event::End(TagEnd::Link | TagEnd::Image)));
        let open = link_stack.len().saturating_sub(closing);
        let code_span = matches!(event, Event::Code(_));
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
                    out.anchors.insert(anchors::unique_id(
                        &anchors::id_from_content(&text),
                        &mut used_ids,
                    ));
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
            Event::Code(text) | Event::Text(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
                if code_span && !calls.is_empty() {
                    out.code
                        .push((body_start + range.start..body_start + range.end, false));
                }
            }
            Event::Start(Tag::CodeBlock(_)) if !calls.is_empty() => {
                out.code
                    .push((body_start + range.start..body_start + range.end, true));
            }
            // Raw HTML goes to the tokenizer, which keeps its place between the lines of a
            // block. Only text that is its own source slice (not re-assembled across container
            // prefixes) can give offsets to edit.
            Event::Html(text) | Event::InlineHtml(text) => {
                if body.get(range.clone()) == Some(&*text) {
                    tokenizer.feed(&text, body_start + range.start);
                }
                attributes(&mut tokenizer, source, &mut out);
            }
            Event::End(TagEnd::HtmlBlock) => {
                tokenizer.end_block(body_start + range.end);
                attributes(&mut tokenizer, source, &mut out);
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

/// The links and anchors among the attributes the tokenizer has finished: `href` and `src`
/// are links, `id` (and `name` on `<a>`) anchors.
fn attributes(tokenizer: &mut html::Tokenizer, source: &str, out: &mut Scan) {
    for attr in tokenizer.take() {
        let Some(raw) = source.get(attr.raw.clone()) else {
            continue;
        };
        match attr.name.as_str() {
            "href" | "src" => out.sites.push(Site {
                dest: html::decode(raw).into_owned(),
                raw: raw.to_owned(),
                range: attr.raw,
                form: Form::Destination,
                after: attr.tag_end,
            }),
            "id" => {
                out.anchors.insert(html::decode(raw).into_owned());
            }
            "name" if attr.element == "a" => {
                out.anchors.insert(html::decode(raw).into_owned());
            }
            _ => {}
        }
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests;
