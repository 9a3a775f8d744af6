//! What a post shows besides its body: the header (title, dates, reading time, lead, categories
//! and tags), the link cards, the draft and problem boxes. Pure functions from resolved data to
//! text: HTML for the `html` renderer, markdown written as events for any other (escaped only
//! where markdown would read a value as markup).

use crate::date;
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::markdown;
use crate::post::{Card, Post};
use mdbook_markdown::pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use std::fmt::Write;

/// Where a header's parts lead: the chapter of a term (by taxonomy and term as written), and
/// the cover image as the book links it.
pub struct Leads<'a> {
    pub term: &'a dyn Fn(&str, &str) -> Option<String>,
    pub cover: Option<String>,
}

impl Leads<'_> {
    /// Nowhere: no term pages, no cover.
    pub fn none() -> Leads<'static> {
        Leads {
            term: &|_, _| None,
            cover: None,
        }
    }
}

/// The post header. Empty when the front matter has nothing to show.
/// `minutes` is the reading time (`None` for a list page, which has none).
pub fn header(post: &Post, minutes: Option<usize>, html: bool, leads: &Leads) -> String {
    let mut out = String::new();
    if html {
        out.push_str("<header class=\"hugo-header\">\n");
        if let Some(src) = &leads.cover {
            let alt = post.title.as_deref().unwrap_or_default();
            let _ = writeln!(
                out,
                "<img class=\"hugo-cover\" src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                escape::html(src),
                escape::html(alt)
            );
        }
        chips(
            &mut out,
            ("hugo-categories", "Categories", "hugo-category"),
            &post.categories,
            &|t| (leads.term)("categories", t),
        );
        if let Some(title) = &post.title {
            let _ = writeln!(out, "<h1 class=\"hugo-title\">{}</h1>", escape::html(title));
        }
        if let Some(lead) = &post.description {
            let _ = writeln!(out, "<p class=\"hugo-lead\">{}</p>", escape::html(lead));
        }
        let mut meta = Vec::new();
        if let Some(d) = &post.date {
            meta.push(format!(
                "<time class=\"hugo-date\" datetime=\"{}\">{}</time>",
                date::machine(d),
                date::human(d)
            ));
        }
        if let Some(m) = minutes {
            meta.push(format!(
                "<span class=\"hugo-reading-time\">{}</span>",
                reading(m)
            ));
        }
        if let Some(m) = post.updated() {
            meta.push(format!(
                "<span class=\"hugo-updated\">Updated <time datetime=\"{}\">{}</time></span>",
                date::machine(m),
                date::human(m)
            ));
        }
        if !meta.is_empty() {
            let _ = writeln!(out, "<p class=\"hugo-meta\">{}</p>", meta.join(" "));
        }
        chips(
            &mut out,
            ("hugo-tags", "Tags", "hugo-tag"),
            &post.tags,
            &|t| (leads.term)("tags", t),
        );
        out.push_str("</header>\n\n");
    } else {
        out = header_markdown(post, minutes, leads);
    }
    out
}

/// The header for renderers other than html: the title as a heading, the lead in italics, the
/// dates and reading time, the terms, each value escaped only where markdown would read it.
fn header_markdown(post: &Post, minutes: Option<usize>, leads: &Leads) -> String {
    let mut events = Vec::new();
    if let Some(src) = &leads.cover {
        let alt = post.title.as_deref().unwrap_or_default();
        events.extend(markdown::paragraph(markdown::wrap(
            Tag::Image {
                link_type: mdbook_markdown::pulldown_cmark::LinkType::Inline,
                dest_url: src.clone().into(),
                title: "".into(),
                id: "".into(),
            },
            TagEnd::Image,
            vec![markdown::text(one_line(alt))],
        )));
    }
    if let Some(title) = &post.title {
        events.extend(markdown::heading(HeadingLevel::H1, &one_line(title)));
    }
    if let Some(lead) = &post.description {
        events.extend(markdown::paragraph(markdown::wrap(
            Tag::Emphasis,
            TagEnd::Emphasis,
            vec![markdown::text(one_line(lead))],
        )));
    }
    let mut meta: Vec<String> = Vec::new();
    meta.extend(post.date.as_ref().map(date::human));
    meta.extend(minutes.map(reading));
    meta.extend(
        post.updated()
            .map(|m| format!("Updated {}", date::human(m))),
    );
    if !meta.is_empty() {
        events.extend(markdown::paragraph(vec![markdown::text(meta.join(" · "))]));
    }
    for (label, plural, items) in [
        ("Categories", "categories", &post.categories),
        ("Tags", "tags", &post.tags),
    ] {
        if !items.is_empty() {
            let mut line = vec![markdown::text(format!("{label}: "))];
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    line.push(markdown::text(", "));
                }
                let text = vec![markdown::text(one_line(item))];
                match (leads.term)(plural, item) {
                    Some(url) => line.extend(markdown::link(&url, text)),
                    None => line.extend(text),
                }
            }
            events.extend(markdown::paragraph(line));
        }
    }
    let mut out = markdown::write(&events);
    out.push_str("\n\n");
    out
}

/// A front-matter value on one line: line breaks folded to spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn reading(minutes: usize) -> String {
    format!("{} min read", minutes.max(1))
}

/// A list of terms, each a link to its chapter when there is one.
fn chips(
    out: &mut String,
    (list_class, label, chip_class): (&str, &str, &str),
    items: &[String],
    link: &dyn Fn(&str) -> Option<String>,
) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "<ul class=\"{list_class}\" aria-label=\"{label}\">");
    for item in items {
        let text = escape::html(item);
        match link(item) {
            Some(url) => {
                let _ = write!(
                    out,
                    "<li><a class=\"{chip_class}\" href=\"{}\">{text}</a></li>",
                    escape::html(&url)
                );
            }
            None => {
                let _ = write!(out, "<li><span class=\"{chip_class}\">{text}</span></li>");
            }
        }
    }
    out.push_str("</ul>\n");
}

/// The heading over a post's link cards; its id (`links`) is an anchor of the post.
pub const CARDS_HEADING: &str = "Links";

/// The link cards, under a [`CARDS_HEADING`] heading (a `Post`'s cards hold only safe URLs).
pub fn cards(cards: &[Card], html: bool) -> String {
    if cards.is_empty() {
        return String::new();
    }
    if !html {
        return cards_markdown(cards);
    }
    let mut out = format!("## {CARDS_HEADING}\n\n");
    out.push_str(
        "<section class=\"hugo-links\" aria-label=\"Links\">\n<div class=\"hugo-cards\">\n",
    );
    for card in cards {
        let title = escape::html(&card.title);
        out.push_str("<article class=\"hugo-card\">");
        match &card.website {
            Some(url) => {
                let _ = write!(
                    out,
                    "<a class=\"hugo-card-link\" href=\"{}\" target=\"_blank\" rel=\"noopener\">",
                    escape::html(url)
                );
            }
            None => out.push_str("<div class=\"hugo-card-link\">"),
        }
        let _ = write!(
            out,
            "<div class=\"hugo-card-body\"><p class=\"hugo-card-title\">{title}</p>"
        );
        let subtitle = card
            .description
            .clone()
            .or_else(|| card.website.as_deref().map(host));
        if let Some(s) = subtitle {
            let _ = write!(
                out,
                "<p class=\"hugo-card-description\">{}</p>",
                escape::html(&s)
            );
        }
        let initial: String = card
            .title
            .chars()
            .find(|c| c.is_alphanumeric())
            .map_or('?', |c| c)
            .to_uppercase()
            .collect();
        let _ = write!(
            out,
            "</div><div class=\"hugo-card-media\"><span class=\"hugo-card-initial\" aria-hidden=\"true\">{}</span>",
            escape::html(&initial)
        );
        if let Some(src) = &card.image {
            let _ = write!(
                out,
                "<img class=\"hugo-card-image\" src=\"{}\" alt=\"{title}\" loading=\"lazy\" width=\"60\" height=\"60\">",
                escape::html(src)
            );
        }
        out.push_str("</div>");
        out.push_str(if card.website.is_some() {
            "</a>"
        } else {
            "</div>"
        });
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n</section>\n");
    out
}

/// The cards for renderers other than html: a list of links under the heading.
fn cards_markdown(cards: &[Card]) -> String {
    let mut events = markdown::heading(HeadingLevel::H2, CARDS_HEADING);
    let mut items = Vec::new();
    for card in cards {
        let title = vec![markdown::text(one_line(&card.title))];
        let mut item = match &card.website {
            Some(url) => markdown::link(url, title),
            None => title,
        };
        if let Some(d) = &card.description {
            item.push(markdown::text(format!(": {}", one_line(d))));
        }
        items.extend(markdown::wrap(Tag::Item, TagEnd::Item, item));
    }
    events.extend(markdown::wrap(Tag::List(None), TagEnd::List(false), items));
    let mut out = markdown::write(&events);
    out.push('\n');
    out
}

/// The host of a URL, shown when a card has no description (`https://www.cncf.io/` -> `www.cncf.io`).
fn host(url: &str) -> String {
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

/// mdBook's `{{#title}}` for a post whose `linkTitle` names its sidebar entry, so the page keeps
/// its full title; empty for other posts (mdBook's `links` preprocessor reads the directive).
pub fn title_directive(post: &Post, book_title: Option<&str>) -> String {
    match (&post.title, &post.link_title, book_title) {
        (Some(title), Some(_), Some(book)) if !title.contains("}}") => format!(
            "{{{{#title {} - {}}}}}\n",
            title.replace('\n', " "),
            book.replace('\n', " ")
        ),
        _ => String::new(),
    }
}

/// The box that marks a draft shown under `mdbook serve`.
pub fn draft_box(html: bool) -> String {
    if html {
        "<div class=\"hugo-draft\" role=\"note\"><strong>Draft</strong> This post is a draft: <code>mdbook build</code> leaves it out.</div>\n\n".into()
    } else {
        let mut out = markdown::write(&markdown::wrap(
            Tag::BlockQuote(None),
            TagEnd::BlockQuote(None),
            markdown::paragraph(
                [
                    markdown::wrap(Tag::Strong, TagEnd::Strong, vec![markdown::text("Draft:")]),
                    vec![
                        markdown::text(" this post is a draft; "),
                        Event::Code("mdbook build".into()),
                        markdown::text(" leaves it out."),
                    ],
                ]
                .concat(),
            ),
        ));
        out.push_str("\n\n");
        out
    }
}

/// The box listing a page's problems under `mdbook serve`, so the writer sees them in the browser.
pub fn problem_box(problems: &[Diagnostic], html: bool) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if html {
        out.push_str("<div class=\"hugo-error\" role=\"alert\"><p class=\"hugo-error-title\">mdbook-hugo found problems in this page</p><ul>");
        for p in problems {
            let _ = write!(
                out,
                "<li><code>{}</code> {}",
                escape::html(&p.location()),
                escape::html(&p.message)
            );
            if let Some(h) = &p.hint {
                let _ = write!(out, " <em>{}</em>", escape::html(h));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></div>\n\n");
    } else {
        let mut items = Vec::new();
        for p in problems {
            items.extend(markdown::wrap(
                Tag::Item,
                TagEnd::Item,
                vec![markdown::text(one_line(&p.to_string()))],
            ));
        }
        let mut quote = markdown::paragraph(markdown::wrap(
            Tag::Strong,
            TagEnd::Strong,
            vec![markdown::text("mdbook-hugo found problems in this page:")],
        ));
        quote.extend(markdown::wrap(Tag::List(None), TagEnd::List(false), items));
        out.push_str(&markdown::write(&markdown::wrap(
            Tag::BlockQuote(None),
            TagEnd::BlockQuote(None),
            quote,
        )));
        out.push_str("\n\n");
    }
    out
}

/// The mark placed right after a link that does not resolve, under `mdbook serve`.
pub fn link_mark(message: &str, html: bool) -> String {
    if html {
        let m = escape::html(message);
        format!("<mark class=\"hugo-link-error\" title=\"{m}\">⚠ {m}</mark>")
    } else {
        let strong = markdown::wrap(
            Tag::Strong,
            TagEnd::Strong,
            vec![markdown::text(format!("⚠ {}", one_line(message)))],
        );
        format!(" {}", markdown::inline(strong))
    }
}

#[cfg(test)]
mod tests;
