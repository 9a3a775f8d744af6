//! The markdown we write ourselves (the post header, cards and boxes for renderers other than
//! html, what shortcodes render for them): written from pulldown-cmark events with
//! pulldown-cmark-to-cmark, so exactly what needs escaping is escaped, and guarded so that no
//! value can become one of mdBook's `{{#...}}` directives. The author's own markdown (a caption,
//! a summary) is parsed into events with the options mdBook reads chapters with.

use mdbook_markdown::pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use pulldown_cmark_to_cmark::{Options as Style, cmark_with_options};

/// The options mdBook parses chapters with, less smart punctuation (it changes no syntax, and
/// the writer does not take it).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// `events` as markdown, without leading or trailing line breaks.
pub(crate) fn write(events: &[Event<'_>]) -> String {
    let mut out = String::new();
    let style = Style {
        // The writer lengthens a fence around code that holds one.
        code_block_token_count: 3,
        ..Style::default()
    };
    // Writing to a String cannot fail; an event stream the writer refuses is a bug of ours
    // (it lost a term page's posts and figure captions), which tests and fuzzing, built with
    // debug assertions, report; a release run keeps the text written so far.
    let written = cmark_with_options(events.iter(), &mut out, options(), style);
    debug_assert!(
        written.is_ok(),
        "the writer refused {events:?}: {written:?}"
    );
    guard(out.trim_start_matches([' ', '\n']).trim_end_matches('\n'))
}

/// Inline `events` in a paragraph, as markdown that can go inside another paragraph (the
/// paragraph lets the writer escape what would start a block: `1.`, `#`, `-`).
pub(crate) fn inline(events: Vec<Event<'_>>) -> String {
    let mut all = Vec::with_capacity(events.len() + 2);
    all.push(Event::Start(Tag::Paragraph));
    all.extend(events);
    all.push(Event::End(TagEnd::Paragraph));
    write(&all)
}

/// Every `{{#` escaped as mdBook's links preprocessor reads an escape (it drops the backslash),
/// so a value never includes a file or sets a title. Elsewhere `\{` is just `{`.
pub(crate) fn guard(text: &str) -> String {
    text.replace("{{#", "\\{{#")
}

/// The author's markdown as inline events, for a place that holds one line of text (a
/// caption, a summary line): each block's inline content, a soft break between two blocks;
/// code blocks are code spans, line by line, and an HTML block's lines inline HTML. The writer
/// refuses blocks inside a paragraph and would write nothing at all.
pub(crate) fn inline_events(markdown: &str) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    let mut code = false;
    let boundary = |out: &mut Vec<Event<'static>>| {
        if !matches!(out.last(), None | Some(Event::SoftBreak)) {
            out.push(Event::SoftBreak);
        }
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(tag) if !inline_tag(tag.to_end()) => {
                boundary(&mut out);
                code = matches!(tag, Tag::CodeBlock(_));
            }
            Event::End(end) if !inline_tag(end) => {
                boundary(&mut out);
                code = false;
            }
            Event::Text(text) if code => {
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    boundary(&mut out);
                    out.push(Event::Code(CowStr::from(line.to_owned())));
                }
            }
            // An HTML block's lines, one after another on one line.
            Event::Html(html) => {
                if matches!(out.last(), Some(Event::InlineHtml(_))) {
                    out.push(Event::Text(CowStr::from(" ")));
                }
                out.push(Event::InlineHtml(CowStr::from(html.trim_end().to_owned())));
            }
            // A note's text follows inline; its mark would lead nowhere.
            Event::FootnoteReference(_) => {}
            Event::Rule | Event::TaskListMarker(_) => boundary(&mut out),
            e => out.push(e.into_static()),
        }
    }
    if matches!(out.last(), Some(Event::SoftBreak)) {
        out.pop();
    }
    out
}

/// Whether a tag is inline: it may be inside a paragraph.
fn inline_tag(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The author's markdown as events, its blocks kept (a summary of several paragraphs, a list
/// or code is a list item's blocks).
pub(crate) fn events(markdown: &str) -> Vec<Event<'static>> {
    Parser::new_ext(markdown, options())
        .map(Event::into_static)
        .collect()
}

/// `events`, written for a page whose chapter is in folder `dir` (`p/x/`), moved to the chapter
/// `from` (`post/index.md`): each relative link and image (`diagram.png`, `../y/`) is made
/// relative to `from`, so it still reaches what it reached (a summary on a list page).
/// Absolute URLs, site paths (`/p/y/`) and `#anchors` stay as written.
pub(crate) fn rebase(events: Vec<Event<'static>>, dir: &str, from: &str) -> Vec<Event<'static>> {
    let moved = |dest: &CowStr<'static>| -> Option<CowStr<'static>> {
        let first = dest.find(['/', '?', '#']).unwrap_or(dest.len());
        let relative = !dest.is_empty()
            && !dest.starts_with(['/', '#', '?'])
            && !dest.get(..first).is_some_and(|s| s.contains(':'));
        if !relative {
            return None;
        }
        let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
        let mut pieces = dest.split('/').peekable();
        while let Some(piece) = pieces.next() {
            match piece {
                "." => {}
                ".." => {
                    parts.pop();
                }
                // A trailing slash is kept as an empty last part.
                "" if pieces.peek().is_some() => {}
                p => parts.push(p),
            }
        }
        let target = parts.join("/");
        Some(CowStr::from(crate::index::relative(from, &target)))
    };
    events
        .into_iter()
        .map(|e| match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: moved(&dest_url).unwrap_or(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: moved(&dest_url).unwrap_or(dest_url),
                title,
                id,
            }),
            e => e,
        })
        .collect()
}

/// A text event.
pub(crate) fn text(s: impl Into<String>) -> Event<'static> {
    Event::Text(CowStr::from(s.into()))
}

/// A link around `content`.
pub(crate) fn link(url: &str, content: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let tag = Tag::Link {
        link_type: mdbook_markdown::pulldown_cmark::LinkType::Inline,
        dest_url: CowStr::from(url.to_owned()),
        title: CowStr::from(""),
        id: CowStr::from(""),
    };
    let mut out = Vec::with_capacity(content.len() + 2);
    out.push(Event::Start(tag));
    out.extend(content);
    out.push(Event::End(TagEnd::Link));
    out
}

/// `events` inside a paragraph.
pub(crate) fn paragraph(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    wrap(Tag::Paragraph, TagEnd::Paragraph, events)
}

/// A heading of `level` (no id: mdBook gives it one) holding `text`.
pub(crate) fn heading(level: HeadingLevel, text: &str) -> Vec<Event<'static>> {
    let start = Tag::Heading {
        level,
        id: None,
        classes: Vec::new(),
        attrs: Vec::new(),
    };
    wrap(start, TagEnd::Heading(level), vec![self::text(text)])
}

/// `events` inside `start` ... `end`.
pub(crate) fn wrap(
    start: Tag<'static>,
    end: TagEnd,
    events: Vec<Event<'static>>,
) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len() + 2);
    out.push(Event::Start(start));
    out.extend(events);
    out.push(Event::End(end));
    out
}

#[cfg(test)]
pub(crate) mod tests;
