//! mdbook-hugo: an mdBook preprocessor that reads a book of Hugo posts. Each chapter's front
//! matter becomes its sidebar name, page title and a post header; links written Hugo's way
//! (`/p/<slug>/`, `ref`/`relref`) become relative links between chapters; `links:` become cards.
//! Data flows one way: read every chapter (`chapter::Read`), index the book (`index`), rewrite
//! each chapter by splicing edits into the author's source (`chapter::rewrite`), and return the
//! problems found as data for the caller to print and act on.

pub mod chapter;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod edit;
pub mod escape;
pub mod front_matter;
pub mod index;
pub mod json;
pub mod links;
pub mod post;
pub mod render;
pub mod scan;
pub mod site;
pub mod stream;
pub mod yaml;

use chapter::Read;
use config::Settings;
use diagnostic::Diagnostic;
use index::{Entry, Index};
use links::Resolver;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use std::collections::HashSet;
use std::path::PathBuf;

/// Rewrites every chapter of `book`. Returns the book and every problem found, in book order.
/// Drafts are left out unless `settings.drafts`; no other chapter is ever dropped or emptied.
/// The command runs the same steps streamed ([`stream`]); this is the whole book in memory.
pub fn run(settings: &Settings, mut book: Book) -> (Book, Vec<Diagnostic>) {
    let mut chapters = Vec::new();
    collect(&book.items, &mut chapters);

    let (reads, entries): (Vec<Read>, Vec<Entry>) =
        parallel_map(&chapters, |ch| read(settings, ch))
            .into_iter()
            .unzip();
    let (index, mut problems) = Index::new(entries);
    let resolver = Resolver::new(&index, settings);

    let work: Vec<(&Chapter, &Read, &Entry)> = chapters
        .iter()
        .zip(&reads)
        .zip(&index.entries)
        .map(|((c, r), e)| (*c, r, e))
        .collect();
    let rewritten = parallel_map(&work, |(ch, read, me)| {
        chapter::rewrite(read, &ch.content, me, &resolver, settings)
    });

    let mut updates = Vec::with_capacity(rewritten.len());
    for (read, (content, found)) in reads.iter().zip(rewritten) {
        problems.extend(found);
        updates.push((content, nav_name(read)));
    }
    assign(&mut book.items, &mut updates.into_iter());
    if !settings.drafts {
        let omitted = omitted(&index);
        if !omitted.is_empty() {
            leave_out(&mut book.items, &omitted);
        }
    }
    problems.dedup();
    (book, problems)
}

/// Reads one chapter (front matter and body scan) and makes its index entry, independent of
/// every other chapter.
fn read(settings: &Settings, ch: &Chapter) -> (Read, Entry) {
    let mut read = Read::new(file_name(settings, ch), &ch.content);
    let entry = entry(settings, ch, &mut read);
    (read, entry)
}

/// Reads every chapter with a file in `items`, depth first, into `out`.
fn read_items(settings: &Settings, items: &[BookItem], out: &mut Vec<(Read, Entry)>) {
    let mut chapters = Vec::new();
    collect(items, &mut chapters);
    // Exactly: an item is mostly one chapter, and `extend` would make room for four.
    out.reserve_exact(chapters.len());
    out.extend(chapters.into_iter().map(|ch| read(settings, ch)));
}

/// The sidebar name a chapter gets, when its front matter gives one.
fn nav_name(read: &Read) -> Option<String> {
    read.post.as_ref().and_then(|post| {
        let name = post.nav_title()?;
        Some(if post.draft {
            format!("{name} (draft)")
        } else {
            name.to_owned()
        })
    })
}

/// The paths of the drafts this build leaves out.
fn omitted(index: &Index) -> HashSet<PathBuf> {
    index
        .entries
        .iter()
        .filter(|e| e.omitted)
        .map(|e| e.path.clone())
        .collect()
}

/// The chapters with a file, in book order (depth first).
fn collect<'a>(items: &'a [BookItem], out: &mut Vec<&'a Chapter>) {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.is_some() {
                out.push(ch);
            }
            collect(&ch.sub_items, out);
        }
    }
}

/// Gives the chapters [`collect`] listed, in the same order, their new content and name.
fn assign(items: &mut [BookItem], updates: &mut impl Iterator<Item = (String, Option<String>)>) {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.is_some()
                && let Some((content, name)) = updates.next()
            {
                ch.content = content;
                if let Some(name) = name {
                    ch.name = name;
                }
            }
            assign(&mut ch.sub_items, updates);
        }
    }
}

/// The chapter's index entry (the anchors move there from the reading).
fn entry(settings: &Settings, ch: &Chapter, read: &mut Read) -> Entry {
    let path = ch.path.clone().unwrap_or_default();
    let mut entry = Entry {
        link: index::link_path(&path, settings.default_preprocessors),
        source: ch.source_path.clone().unwrap_or_else(|| path.clone()),
        path,
        file: read.file.clone(),
        anchors: std::mem::take(&mut read.scan.anchors),
        slug_at: (1, 1),
        ..Entry::default()
    };
    if let Some(post) = &read.post {
        entry.slug = post.slug.clone();
        entry.paths = post
            .aliases
            .iter()
            .chain(&post.url)
            .map(|p| p.trim_end_matches('/').to_owned())
            .collect();
        entry.omitted = post.draft && !settings.drafts;
        if !post.links.is_empty() {
            entry.anchors.insert("links".into());
        }
        let at = ["slug", "title"]
            .iter()
            .find_map(|k| read.key_offset(&ch.content, k));
        entry.slug_at = diagnostic::line_column(&ch.content, at.unwrap_or(0));
    }
    entry
}

/// The chapter's file relative to the book root: `book/post/x/index.md`.
fn file_name(settings: &Settings, ch: &Chapter) -> String {
    let path = ch
        .source_path
        .as_ref()
        .or(ch.path.as_ref())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    if settings.src.is_empty() || settings.src == "." {
        path
    } else {
        format!("{}/{path}", settings.src)
    }
}

/// Removes the chapters at `paths` (drafts), keeping their sub-chapters in their place.
fn leave_out(items: &mut Vec<BookItem>, paths: &HashSet<PathBuf>) {
    let mut kept = Vec::with_capacity(items.len());
    for mut item in std::mem::take(items) {
        if let BookItem::Chapter(ch) = &mut item {
            leave_out(&mut ch.sub_items, paths);
            if ch.path.as_ref().is_some_and(|p| paths.contains(p)) {
                kept.append(&mut ch.sub_items);
                continue;
            }
        }
        kept.push(item);
    }
    *items = kept;
}

/// The threads worth running: the machine's cores, at most 8.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// `f` over `items`, spread over the machine's cores when there is enough work to pay for it.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads();
    if threads < 2 || items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests;
