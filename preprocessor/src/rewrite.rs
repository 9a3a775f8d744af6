//! The body stages of one chapter, once the whole book is indexed: each turns what reading found
//! into edits of the author's source (shortcodes rendered, links resolved, the front matter
//! replaced by the post header, the cards added), and the edits are applied in one pass. Everything outside the
//! edited ranges stays byte for byte.

use crate::config::{CardsAt, Settings};
use crate::diagnostic::Diagnostic;
use crate::edit::{self, Edit};
use crate::index::{self, Entry};
use crate::links::{self, Resolver};
use crate::read::Read;
use crate::render;
use crate::scan::{Form, Site};
use crate::shortcodes::stage::{self, Stage};
use crate::taxonomy;
use std::collections::HashMap;

/// What every chapter's rewrite shares, read-only: the settings and the whole book's lookups.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub resolver: &'a Resolver<'a>,
    pub shortcodes: &'a Stage<'a>,
    /// Each term's chapter, by taxonomy and key, for the header's chips.
    pub terms: &'a HashMap<(String, String), String>,
}

/// The chapter's new text, and the problems found in it (reading's and the stages').
pub fn rewrite(read: &Read, source: &str, me: &Entry, cx: &Context) -> (String, Vec<Diagnostic>) {
    let settings = cx.settings;
    let mut problems = read.problems.clone();
    let mut edits = Vec::new();
    stage::edits(read, source, me, cx.shortcodes, &mut edits, &mut problems);
    links::edits(
        read,
        source,
        me,
        cx.resolver,
        settings,
        &mut edits,
        &mut problems,
    );

    let cards = read
        .post
        .as_ref()
        .map(|p| render::cards(&p.links, settings.html))
        .unwrap_or_default();
    let mut top = String::new();
    if let Some(post) = &read.post
        && settings.default_preprocessors
    {
        top.push_str(&render::title_directive(
            post,
            settings.book_title.as_deref(),
        ));
    }
    if settings.serve {
        top.push_str(&render::problem_box(&problems, settings.html));
    }
    if let Some(post) = &read.post {
        if post.draft {
            top.push_str(&render::draft_box(settings.html));
        }
        let term = |plural: &str, written: &str| {
            let link = cx.terms.get(&(plural.to_owned(), taxonomy::key(written)))?;
            Some(index::relative(&me.link, link))
        };
        let leads = render::Leads {
            term: &term,
            cover: post.image.as_deref().map(|src| cover(src, me, cx.resolver)),
        };
        let minutes = (!read.list).then(|| read.minutes());
        top.push_str(&render::header(post, minutes, settings.html, &leads));
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

/// A cover image's `src` as the book links it: a bundle's file as written, a site path (a static
/// file, say) made relative like a link.
fn cover(src: &str, me: &Entry, resolver: &Resolver) -> String {
    let site = Site {
        dest: src.to_owned(),
        raw: src.to_owned(),
        range: 0..0,
        form: Form::Destination,
        after: 0,
    };
    let url = match resolver.resolve(me, &site) {
        links::Outcome::Rewrite(url) => url,
        _ => src.to_owned(),
    };
    // As a URL: `image: My cover.png` is `My%20cover.png`, as Hugo's resource link is.
    crate::urlize::url_escape(&url)
}

#[cfg(test)]
mod tests;
