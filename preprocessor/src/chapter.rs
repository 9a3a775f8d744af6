//! One chapter, in two steps. `read` finds and resolves its front matter and scans its body
//! (pure, independent of every other chapter); `rewrite`, once the whole book is indexed, turns
//! that into edits of the author's source (the front matter replaced by the header, links
//! resolved, cards added) and applies them in one pass.

use crate::config::{CardsAt, Settings};
use crate::diagnostic::Diagnostic;
use crate::edit::{self, Edit};
use crate::escape;
use crate::front_matter::{self, Found};
use crate::index::Entry;
use crate::links::{Outcome, Resolver};
use crate::post::{Card, Post};
use crate::render;
use crate::scan::{self, Scan};

/// What reading a chapter found.
#[derive(Debug, Default)]
pub struct Read {
    /// The file relative to the book root, for diagnostics.
    pub file: String,
    /// The front matter, when there is a closed one (an unclosed one is body).
    pub block: Option<front_matter::Block>,
    pub post: Option<Post>,
    pub problems: Vec<Diagnostic>,
    pub scan: Scan,
}

impl Read {
    /// Reads `source`, the chapter `file` as the author wrote it.
    pub fn new(file: String, source: &str) -> Read {
        let mut read = Read {
            file,
            ..Read::default()
        };
        let body_start = match front_matter::find(source) {
            Found::None => 0,
            Found::Unclosed { format, at } => {
                let fence = match format {
                    front_matter::Format::Yaml => "`---`",
                    front_matter::Format::Toml => "`+++`",
                    front_matter::Format::Json => "`}`",
                };
                read.problems.push(
                    Diagnostic::at(
                        &read.file,
                        source,
                        at,
                        format!("front matter opened here is never closed: no closing {fence}"),
                    )
                    .hint(format!(
                        "end the front matter with a line holding only {fence}"
                    )),
                );
                0
            }
            Found::Block(block) => {
                match front_matter::parse(source, &block) {
                    Ok(map) => {
                        let (post, problems) = Post::from_map(&map, source, &block);
                        read.problems.extend(problems.into_iter().map(|p| {
                            Diagnostic::at(&read.file, source, p.at, p.message).hint(p.hint)
                        }));
                        read.post = Some(post);
                    }
                    Err(p) => read
                        .problems
                        .push(Diagnostic::at(&read.file, source, p.at, p.message).hint(p.hint)),
                }
                let body_start = block.body_start;
                read.block = Some(block);
                body_start
            }
        };
        read.scan = scan::scan(source, body_start);
        read
    }

    /// Byte offset of front-matter `key` in `source`, or of the front matter's start.
    pub fn key_offset(&self, source: &str, key: &str) -> Option<usize> {
        front_matter::key_offset(source, self.block.as_ref()?, key)
    }

    /// Hugo's reading time: ceil(words / 213), at least a minute.
    pub fn minutes(&self) -> usize {
        self.scan.words.div_ceil(213).max(1)
    }
}

/// The chapter's new text, and the problems found in it (reading's and linking's).
pub fn rewrite(
    read: &Read,
    source: &str,
    me: &Entry,
    resolver: &Resolver,
    settings: &Settings,
) -> (String, Vec<Diagnostic>) {
    let mut problems = read.problems.clone();
    let mut edits = Vec::new();
    for site in &read.scan.sites {
        match resolver.resolve(me, site) {
            Outcome::Leave => {}
            Outcome::Rewrite(text) => edits.push(Edit::replace(site.range.clone(), text)),
            Outcome::Problem(message, hint) => {
                if settings.serve {
                    edits.push(Edit::insert(
                        site.after,
                        render::link_mark(&message, settings.html),
                    ));
                }
                let mut d = Diagnostic::at(&read.file, source, site.range.start, message);
                d.hint = hint;
                problems.push(d);
            }
        }
    }
    let cards = read
        .post
        .as_ref()
        .map(|p| safe_cards(&p.links, read, source, &mut problems))
        .unwrap_or_default();
    let cards = render::cards(&cards, settings.html);

    let mut top = String::new();
    // A `linkTitle` names the sidebar entry; mdBook's `{{#title}}` keeps the full title on the page.
    if let Some(post) = &read.post
        && let (true, Some(title), Some(book)) = (
            settings.default_preprocessors,
            &post.title,
            &settings.book_title,
        )
        && post.link_title.is_some()
        && !title.contains("}}")
    {
        top.push_str(&format!(
            "{{{{#title {} - {}}}}}\n",
            title.replace('\n', " "),
            book.replace('\n', " ")
        ));
    }
    if settings.serve {
        top.push_str(&render::problem_box(&problems, settings.html));
    }
    if let Some(post) = &read.post {
        if post.draft {
            top.push_str(&render::draft_box(settings.html));
        }
        top.push_str(&render::header(post, read.minutes(), settings.html));
        if settings.cards == CardsAt::Header && !cards.is_empty() {
            top.push_str(&cards);
            top.push('\n');
        }
    }
    match &read.block {
        // The front matter goes, with the BOM and blank lines before it.
        Some(block) => edits.push(Edit::replace(0..block.body_start, top)),
        None if !top.is_empty() => edits.push(Edit::insert(0, top)),
        None => {}
    }
    if settings.cards == CardsAt::End && !cards.is_empty() {
        let gap = if source.ends_with("\n\n") {
            ""
        } else if source.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        edits.push(Edit::insert(source.len(), format!("{gap}{cards}")));
    }
    (edit::apply(source, edits), problems)
}

/// The cards with every URL that may not become an `href` or `src` removed, each refusal a
/// problem at the `links` key.
fn safe_cards(
    cards: &[Card],
    read: &Read,
    source: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Card> {
    cards
        .iter()
        .map(|card| {
            let mut card = card.clone();
            for (field, value) in [("website", &mut card.website), ("image", &mut card.image)] {
                if let Some(why) = value.as_deref().and_then(escape::refuse_url) {
                    let url = value.take().unwrap_or_default();
                    // Located only when there is something to report: the search is per post.
                    let at = read.key_offset(source, "links").unwrap_or(0);
                    problems.push(
                        Diagnostic::at(
                            &read.file,
                            source,
                            at,
                            format!("card `{}`: {field} `{url}`: {why}", card.title),
                        )
                        .hint("use an http(s) URL or a path relative to the post"),
                    );
                }
            }
            card
        })
        .collect()
}

#[cfg(test)]
mod tests;
