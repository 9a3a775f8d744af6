//! The book stage, between the reading and the index: the chapters the site implies. For a
//! book whose chapters come from the Hugo site, the content tree's chapters (`structure`) are
//! made and read on every core, ahead of any SUMMARY.md lists; then, unless turned off, the
//! taxonomies' chapters (`taxonomy`) at the end. The chapters mdBook sent keep their numbers;
//! the made ones are numbered after them. What the book needs besides its chapters (a bundle's
//! files, the site's `static/`) is returned for the edge to copy.

use super::Run;
use super::intake::{self, ReadItem};
use crate::index::Entry;
use crate::read::Read;
use crate::schedule;
use crate::site::Kind;
use crate::{structure, taxonomy};
use mdbook_preprocessor::book::{BookItem, Chapter, SectionNumber};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// The whole book, read, before the index.
#[derive(Default)]
pub struct Book {
    pub items: Vec<BookItem>,
    /// The chapters with a file, in book order (depth first), read.
    pub reads: Vec<Read>,
    pub entries: Vec<Entry>,
    /// Each term's chapter, by taxonomy and key (`("tags", "go")`), as links write it.
    pub terms: HashMap<(String, String), String>,
    /// Files to put in the book's source folder: (the file, its path there).
    pub files: Vec<(PathBuf, String)>,
    /// The lists set apart from the made chapters' content, by chapter path: each joins its
    /// chapter once the chapter is rewritten ([`taxonomy::Made`]).
    pub lists: HashMap<PathBuf, structure::List>,
}

impl Book {
    fn push(&mut self, read: Vec<ReadItem>, front: bool) {
        let mut items = Vec::with_capacity(read.len());
        let mut reads = Vec::with_capacity(read.len());
        let mut entries = Vec::with_capacity(read.len());
        for (_, item, item_reads) in read {
            items.push(item);
            for (read, entry) in item_reads {
                reads.push(read);
                entries.push(entry);
            }
        }
        // Exactly: `append` would double a vector of every chapter's reading (6 MB at 10,000
        // posts) to make room for a few more.
        if front {
            items.reserve_exact(self.items.len());
            reads.reserve_exact(self.reads.len());
            entries.reserve_exact(self.entries.len());
            items.append(&mut self.items);
            reads.append(&mut self.reads);
            entries.append(&mut self.entries);
            self.items = items;
            self.reads = reads;
            self.entries = entries;
        } else {
            self.items.reserve_exact(items.len());
            self.reads.reserve_exact(reads.len());
            self.entries.reserve_exact(entries.len());
            self.items.append(&mut items);
            self.reads.append(&mut reads);
            self.entries.append(&mut entries);
        }
    }
}

/// The book stage over what mdBook sent, `read`.
pub fn stage(run: &Arc<Run>, read: Vec<ReadItem>, threads: usize) -> Book {
    let settings = &run.settings;
    let mut book = Book::default();
    book.push(read, false);
    let site = run.content.lock().ok().and_then(|mut c| c.take());
    let from_site = site.is_some();
    let mut taxonomies = Vec::new();
    if let Some(site) = site {
        let content = content_from_src(run, &site.config.content_dir);
        // The summaries lists show (of the regular pages the book has), on every core, before
        // the lists are written.
        let summary = |id: usize| {
            if site
                .page(id)
                .is_some_and(|p| p.kind == Kind::Page && p.omitted.is_none())
            {
                site.keep_summary(id);
            }
        };
        schedule::map(threads, site.pages.len(), &summary);
        let mut built = structure::build(&site, settings, &content, threads);
        book.lists.extend(std::mem::take(&mut built.lists));
        if settings.taxonomies {
            taxonomies = taxonomy::from_site(&site, &|id| built.chapters.get(&id).cloned());
        }
        if let Some(dir) = &run.site_dir {
            let content = dir.join(&site.config.content_dir);
            book.files.extend(
                built
                    .resources
                    .iter()
                    .map(|(from, to)| (content.join(from), to.clone())),
            );
        }
        // What the chapters' entries need of the site, by chapter link: the site paths that
        // lead to the chapter, its content file's path (`ref` paths are the content
        // folder's), and whether it is a list page (no reading time).
        let mut by_link: HashMap<String, (Vec<String>, Option<PathBuf>, bool)> = built
            .chapters
            .iter()
            .map(|(&id, link)| {
                let paths = built.paths.remove(&id).unwrap_or_default();
                let page = site.page(id);
                let file = page
                    .and_then(|p| p.file.as_ref())
                    .map(|f| PathBuf::from(&f.path));
                let list = page.is_some_and(|p| {
                    matches!(p.kind, Kind::Section | Kind::Home)
                        || p.post.layout.as_deref() == Some("archives")
                });
                (link.clone(), (paths, file, list))
            })
            .collect();
        // The site's text goes into the chapters, and its posts (the site's reading of their
        // front matter, with its cascade), and the rest of the site before they are read.
        let mut site = site;
        if let Ok(mut posts) = run.posts.lock() {
            for (&id, link) in &built.chapters {
                if let Some(page) = site.pages.get_mut(id)
                    && let Some(file) = &page.file
                {
                    let post = std::mem::take(&mut page.post);
                    posts.insert(link.clone(), file.parsed.then_some(post));
                }
            }
        }
        structure::fill(&mut built.items, &built.texts, &mut site);
        drop(site);
        let mut read = read_all(run, std::mem::take(&mut built.items), threads);
        for (_, _, pairs) in &mut read {
            for (read, entry) in pairs {
                let Some((paths, file, list)) = by_link.get_mut(entry.link.as_str()) else {
                    continue;
                };
                read.list = *list;
                // Links to a page by its URL or its content file find its chapter.
                entry.paths.extend(paths.iter().cloned());
                if let Some(f) = file {
                    entry.source = f.clone();
                }
                // Pages are found by their URLs: a slug means nothing across sections.
                entry.slug = None;
            }
        }
        book.push(read, true);
    } else if settings.taxonomies {
        let contents = contents(&book.items);
        let posts: Vec<(&crate::post::Post, &Read, &Entry, &str)> = book
            .reads
            .iter()
            .zip(&book.entries)
            .zip(&contents)
            .filter_map(|((r, e), content)| {
                let post = r.post.as_ref()?;
                let body_start = r.block.as_ref().map_or(0, |b| b.body_start);
                Some((post, r, e, content.get(body_start..).unwrap_or_default()))
            })
            .collect();
        // The summaries of the posts term pages list, each made once, on every core.
        let summary = |i: usize| {
            let (post, _, _, body) = posts[i];
            (!post.draft && (!post.tags.is_empty() || !post.categories.is_empty()))
                .then(|| Arc::new(taxonomy::auto_summary(body, post.summary.as_deref())))
        };
        let summaries = schedule::map(threads, posts.len(), &summary);
        let posted: Vec<taxonomy::Posted> = posts
            .iter()
            .zip(summaries)
            .map(|(&(post, r, e, _), summary)| taxonomy::Posted {
                post,
                link: &e.link,
                file: &r.file,
                summary,
            })
            .collect();
        taxonomies = taxonomy::from_posts(&posted);
    }
    for t in &taxonomies {
        for term in &t.terms {
            book.terms
                .insert((t.plural.clone(), term.key.clone()), term.link.clone());
        }
    }
    // Each term's page on every core: the lists are most of what the stage writes.
    let terms: Vec<(&taxonomy::Taxonomy, &taxonomy::Term)> = taxonomies
        .iter()
        .flat_map(|t| t.terms.iter().map(move |term| (t, term)))
        .collect();
    let items = taxonomy::Items::default();
    // Their items first, on every core: one term may list every post.
    let listed: Vec<(&taxonomy::Term, &taxonomy::Member)> = terms
        .iter()
        .flat_map(|&(_, term)| term.members.iter().map(move |m| (term, m)))
        .collect();
    let mut written = schedule::map(threads, listed.len(), &|k| {
        items.item(listed[k].0, listed[k].1)
    })
    .into_iter();
    let term_chapters = terms
        .iter()
        .map(|&(t, term)| {
            let items = written.by_ref().take(term.members.len()).collect();
            taxonomy::term_chapter(t, term, items)
        })
        .collect();
    let made = taxonomy::chapters(&taxonomies, term_chapters);
    book.lists.extend(made.lists);
    if !made.items.is_empty() {
        let mut read = read_all(run, made.items, threads);
        for (_, _, pairs) in &mut read {
            for (read, entry) in pairs {
                read.list = true;
                // `/tags/go/` and `/tags/` lead to their chapters; a term has no slug.
                if let Some(dir) = entry.link.strip_suffix("/index.md") {
                    entry.paths.push(format!("/{dir}"));
                }
                entry.slug = None;
            }
        }
        book.push(read, false);
    }
    number(&mut book.items, from_site);
    book
}

/// The site's content folder as a path from the book's source folder (`../content`).
fn content_from_src(run: &Run, content_dir: &str) -> String {
    let (Some(site), Some(src)) = (&run.site_dir, &run.settings.src_dir) else {
        return content_dir.to_owned();
    };
    let content = site.join(content_dir);
    let mut up = 0;
    let mut base = src.as_path();
    loop {
        if let Ok(rest) = content.strip_prefix(base) {
            let rest = rest.to_string_lossy().replace('\\', "/");
            return format!("{}{rest}", "../".repeat(up));
        }
        match base.parent() {
            Some(p) => {
                base = p;
                up += 1;
            }
            None => return content.to_string_lossy().into_owned(),
        }
    }
}

/// `items` read on `threads` threads, as mdBook's items are.
fn read_all(run: &Arc<Run>, items: Vec<BookItem>, threads: usize) -> Vec<ReadItem> {
    let ((), read) = intake::gather(threads.saturating_sub(1), |intake| {
        intake.run(run.clone());
        items.into_iter().for_each(|item| intake.push(item));
    });
    read
}

/// The content of every chapter with a file in `items`, depth first.
fn contents(items: &[BookItem]) -> Vec<&str> {
    let mut out = Vec::new();
    fn walk<'a>(items: &'a [BookItem], out: &mut Vec<&'a str>) {
        for item in items {
            if let BookItem::Chapter(ch) = item {
                if ch.path.is_some() {
                    out.push(&ch.content);
                }
                walk(&ch.sub_items, out);
            }
        }
    }
    walk(items, &mut out);
    out
}

/// Numbers the chapters the book stage made (those without a number), after the ones mdBook
/// numbered; the first chapter of a book made from a site (its home page) stays unnumbered.
fn number(items: &mut [BookItem], home_first: bool) {
    let mut top = items
        .iter()
        .filter_map(|i| match i {
            BookItem::Chapter(Chapter {
                number: Some(n), ..
            }) => n.first().copied(),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut first = home_first;
    for item in items.iter_mut() {
        if let BookItem::Chapter(ch) = item {
            if std::mem::take(&mut first) || ch.number.is_some() {
                continue;
            }
            top += 1;
            number_under(ch, SectionNumber::new(vec![top]));
        }
    }
}

fn number_under(ch: &mut Chapter, number: SectionNumber) {
    let mut i = 0;
    for sub in &mut ch.sub_items {
        if let BookItem::Chapter(c) = sub {
            i += 1;
            let mut n = number.clone();
            n.push(i);
            number_under(c, n);
        }
    }
    ch.number = Some(number);
}
