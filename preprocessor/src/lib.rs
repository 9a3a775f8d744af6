//! mdbook-hugo: an mdBook preprocessor that reads a book of Hugo posts. Each chapter's front
//! matter becomes its sidebar name, page title and a post header; links written Hugo's way
//! (`/p/<slug>/`, `ref`/`relref`) become relative links between chapters; `links:` become cards.
//!
//! The modules, in the order the data flows through them: the edge first (what comes in, the
//! one run), then the reading of each chapter, the index of the whole book, the body stages of
//! each chapter, and what they share. A new stage goes where its data is: per chapter and
//! independent of the others, in the reading; needing the whole book, after the index, beside
//! `links`. Problems are data (`diagnostic`), printed in one place by the command.

// The edge.
// `[preprocessor.hugo]` and what this run is.
pub mod config;
// The run: chapters in as they are parsed, the stages on every core, the book out in order.
pub mod engine;
// The only place the disk is read.
pub mod disk;
// What Hugo knows about a site: its config, content tree, order, URLs, taxonomies.
pub mod site;

// Reading one chapter, independent of every other.
// Front matter, the post, the body scan of one chapter.
pub mod front_matter;
pub mod read;
// A fast reader for plain YAML front matter.
pub mod yaml;
// What a chapter's front matter means, as Hugo resolves it.
pub mod post;
// Hugo's date layouts.
pub mod date;
// The single pass over a body: link sites, anchors, words.
pub mod scan;

// The book stage: the chapters the site implies.
// The chapters of a Hugo site's content tree.
pub mod structure;
// A chapter per taxonomy and per term.
pub mod taxonomy;

// The whole book.
// Every chapter by slug, alias, path and name, with its anchors.
pub mod index;

// The body stages of each chapter, after the index.
// The stages in order, their edits applied in one pass.
pub mod rewrite;
// Links between posts resolved.
pub mod links;
// Hugo's shortcodes: the calls, the built-ins and the Stack theme's.
pub mod shortcodes;
// The header, the cards, the draft and problem boxes.
pub mod render;

// Shared.
pub mod diagnostic;
pub mod edit;
// Hugo's enableEmoji.
pub mod emoji;
pub mod escape;
// Markdown we write ourselves, as pulldown-cmark events.
pub mod markdown;
pub mod percent;
// Work spread over the cores, results in order.
pub mod schedule;
// Hugo's StripHTML over raw HTML: summaries and word counts.
pub mod strip_html;
// Go's text/template and html/template, for a site's shortcode templates.
pub mod template;
pub mod urlize;

use config::Settings;
use diagnostic::Diagnostic;
use mdbook_preprocessor::book::Book;

/// Rewrites every chapter of `book` on the machine's cores: the book, and every problem found,
/// in book order. Drafts are left out unless `settings.drafts`; no other chapter is ever dropped
/// or emptied. The command runs the same engine over mdBook's JSON ([`engine::run_json`]).
pub fn run(settings: &Settings, book: Book) -> (Book, Vec<Diagnostic>) {
    engine::run_book(settings, book, engine::threads())
}
