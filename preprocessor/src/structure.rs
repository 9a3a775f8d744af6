//! The book stage for a book whose chapters come from the Hugo site (`chapters = "site"`): the
//! content tree as mdBook items, with no chapter list written by anyone. The home page first;
//! the pages at the top of the content folder; then each top-level section as a part, its list
//! page first, its pages in Hugo's order (or oldest first), nested sections nested. Left out as
//! Hugo leaves them out (drafts unless the build shows drafts, a future `publishDate`, a past
//! `expiryDate`, headless bundles, `_build` `render: never`, other languages, `ignoreFiles`),
//! and Stack's `layout: search` page (mdBook has its own search); a page Hugo writes but lists
//! nowhere (`_build` `list: never`) follows its section's listed pages, in no list page. Stack's
//! `layout: archives` page lists the posts by year. Each chapter's path is its URL on the blog
//! (`/p/x/` is `p/x/index.md`), so the book's files sit where the blog's do: a bundle's images
//! beside its page, `static/` at the root. Pure: the files to copy are returned as data.

use crate::config::{Order, Settings};
use crate::date;
use crate::markdown;
use crate::percent;
use crate::schedule;
use crate::site::summary::Summary;
use crate::site::{Kind, Omitted, PageId, Site};
use mdbook_markdown::pulldown_cmark::{HeadingLevel, Tag, TagEnd};
use mdbook_preprocessor::book::{BookItem, Chapter};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// What the book stage made of the site.
#[derive(Debug, Default)]
pub struct Built {
    /// The items, in book order.
    pub items: Vec<BookItem>,
    /// Each page in the book: its chapter's link path (`p/x/index.md`).
    pub chapters: HashMap<PageId, String>,
    /// The site paths that lead to each chapter (its URL, its content file's path), by page.
    pub paths: HashMap<PageId, Vec<String>>,
    /// Files the book needs beside its chapters: (content path, path in the book).
    pub resources: Vec<(String, String)>,
    /// The section lists set apart from their chapters' content (see [`crate::taxonomy::Made`]), by
    /// chapter path.
    pub lists: Vec<(PathBuf, List)>,
    /// The page whose file's text each chapter begins with, by chapter path: [`fill`] puts it
    /// there.
    pub texts: HashMap<String, PageId>,
}

/// Puts each page's text at the front of its chapter in `items`, moved out of `site`, which
/// needs no text once the chapters and their lists are made: the site's text is most of the
/// book, and a copy of it was a tenth of a site's run.
pub fn fill(items: &mut [BookItem], texts: &HashMap<String, PageId>, site: &mut Site) {
    for item in items {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let page = ch
            .path
            .as_ref()
            .and_then(|p| texts.get(p.to_str()?))
            .and_then(|&id| site.pages.get_mut(id)?.file.as_mut());
        if let Some(f) = page {
            let mut text = std::mem::take(&mut f.text);
            text.push_str(&ch.content);
            ch.content = text;
        }
        fill(&mut ch.sub_items, texts, site);
    }
}

/// The chapters of `site`, as `settings` asks for them; `content` is the site's content folder
/// as a path from the book's source folder (`../content`), for the chapters' source paths.
/// Long lists are written on `threads` threads.
pub fn build(site: &Site, settings: &Settings, content: &str, threads: usize) -> Built {
    let mut b = Builder {
        site,
        settings,
        order: match settings.order {
            Order::Hugo => crate::site::Order::Hugo,
            Order::OldestFirst => crate::site::Order::OldestFirst,
        },
        built: Built::default(),
        used: HashSet::new(),
        assigned: HashMap::new(),
        content,
        threads,
    };
    let children = b.members(site.home);
    let (sections, pages): (Vec<PageId>, Vec<PageId>) = children
        .into_iter()
        .partition(|&id| site.pages[id].kind == Kind::Section);
    // Every chapter's path first, in book order, so a list links each page to its own chapter
    // even when two pages share a URL.
    b.assign(site.home);
    for &id in pages.iter().chain(&sections) {
        b.assign(id);
    }
    let mut items = Vec::new();
    if let Some(home) = b.chapter(site.home, Vec::new()) {
        items.push(BookItem::Chapter(home));
    }
    for id in pages {
        if let Some(ch) = b.node(id, Vec::new()) {
            items.push(BookItem::Chapter(ch));
        }
    }
    for id in sections {
        let title = site.pages[id].title.clone();
        if let Some(ch) = b.node(id, Vec::new()) {
            items.push(BookItem::PartTitle(title));
            items.push(BookItem::Chapter(ch));
        }
    }
    // A top-level section's pages follow its list page in its part, rather than under it.
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            BookItem::Chapter(mut ch)
                if flat
                    .last()
                    .is_some_and(|i| matches!(i, BookItem::PartTitle(_))) =>
            {
                let subs = std::mem::take(&mut ch.sub_items);
                flat.push(BookItem::Chapter(ch));
                flat.extend(subs.into_iter().map(|mut sub| {
                    if let BookItem::Chapter(c) = &mut sub {
                        c.parent_names.clear();
                    }
                    sub
                }));
            }
            other => flat.push(other),
        }
    }
    b.built.items = flat;
    b.built
}

struct Builder<'a> {
    site: &'a Site,
    settings: &'a Settings,
    order: crate::site::Order,
    built: Built,
    /// Chapter paths taken, so two pages with one URL get two chapters.
    used: HashSet<String>,
    /// Each page's chapter path, given out in book order before any chapter is made.
    assigned: HashMap<PageId, String>,
    content: &'a str,
    /// The threads a list's items are written on.
    threads: usize,
}

impl Builder<'_> {
    /// The pages listed under `id` that the book has, in the book's order.
    fn children(&self, id: PageId) -> Vec<PageId> {
        let ids: Vec<PageId> = self.site.pages[id]
            .pages
            .iter()
            .copied()
            .filter(|&c| self.included(c))
            .collect();
        self.site.ordered(&ids, self.order)
    }

    /// The pages under `id` that Hugo writes but lists nowhere (`_build: {list: never}`),
    /// reachable by their URLs alone: the book has them after the listed ones, in its order.
    fn unlisted(&self, id: PageId) -> Vec<PageId> {
        let ids: Vec<PageId> = (0..self.site.pages.len())
            .filter(|&c| {
                let p = &self.site.pages[c];
                p.parent == Some(id)
                    && p.post.build.list == crate::post::List::Never
                    && self.included(c)
            })
            .collect();
        self.site.ordered(&ids, self.order)
    }

    /// Everything under `id` the book has: its listed pages, then its unlisted ones.
    fn members(&self, id: PageId) -> Vec<PageId> {
        let mut ids = self.children(id);
        ids.extend(self.unlisted(id));
        ids
    }

    /// Whether the book has page `id`: Hugo writes it (whether or not it lists it).
    fn included(&self, id: PageId) -> bool {
        let p = &self.site.pages[id];
        let shown = match &p.omitted {
            None => true,
            Some(Omitted::Draft) => self.settings.drafts,
            Some(_) => false,
        };
        shown
            && p.url.is_some()
            && p.post.build.render == crate::post::Render::Always
            && !matches!(p.kind, Kind::Taxonomy | Kind::Term)
            && !p
                .post
                .layout
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case("search"))
    }

    /// Gives page `id` (and a section's pages, depth first) its chapter path.
    fn assign(&mut self, id: PageId) {
        if let Some(url) = self.site.pages[id].url.as_deref() {
            let path = self.unique(chapter_path(url));
            self.assigned.insert(id, path);
        }
        if self.site.pages[id].kind == Kind::Section {
            for c in self.members(id) {
                self.assign(c);
            }
        }
    }

    /// Page `id` as a chapter, its children under it.
    fn node(&mut self, id: PageId, parents: Vec<String>) -> Option<Chapter> {
        let mut ch = self.chapter(id, parents.clone())?;
        if self.site.pages[id].kind == Kind::Section {
            let mut names = parents;
            names.push(ch.name.clone());
            for c in self.members(id) {
                if let Some(sub) = self.node(c, names.clone()) {
                    ch.sub_items.push(BookItem::Chapter(sub));
                }
            }
        }
        Some(ch)
    }

    /// Page `id`'s chapter alone: its file (with a list of its pages for a list page), at the
    /// path of its URL.
    fn chapter(&mut self, id: PageId, parents: Vec<String>) -> Option<Chapter> {
        let page = &self.site.pages[id];
        let url = page.url.as_deref()?;
        let path = self.assigned.get(&id)?.clone();
        let mut content = match &page.file {
            // The file's text goes in front later, moved out of the site ([`fill`]).
            Some(_) => {
                self.built.texts.insert(path.clone(), id);
                String::new()
            }
            None => {
                let mut fm = serde_json::Value::Object(
                    [("title".to_owned(), json!(page.title))]
                        .into_iter()
                        .collect(),
                )
                .to_string();
                fm.push_str("\n\n");
                fm
            }
        };
        let archives = page
            .post
            .layout
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case("archives"));
        if archives {
            content.push_str(&self.archive(&path));
        } else if matches!(page.kind, Kind::Section | Kind::Home) && id != self.site.home {
            let (list, apart) = self.list(id, &path);
            if apart {
                self.built.lists.push((PathBuf::from(&path), list));
            } else {
                list.write(&mut content);
            }
        }
        let mut paths = vec![url.trim_end_matches('/').to_owned()];
        if let Some(f) = &page.file {
            paths.push(format!("/{}", f.path));
            // The page's files, where the blog publishes them: beside its URL.
            let dir = url_dir(url);
            for r in &f.resources {
                let name = r.strip_prefix(&format!("{}/", f.dir)).unwrap_or(r);
                self.built
                    .resources
                    .push((r.clone(), format!("{dir}{}", percent::decode(name))));
            }
        }
        self.built.chapters.insert(id, link_of(&path));
        self.built.paths.insert(id, paths);
        let mut ch = Chapter::new(&self.site.name(id), content, &path, parents);
        ch.source_path = page
            .file
            .as_ref()
            .map(|f| std::path::PathBuf::from(format!("{}/{}", self.content, f.path)));
        Some(ch)
    }

    /// A list page's pages, with their dates and summaries, as markdown to follow its body,
    /// and whether it is [`plain`].
    fn list(&self, id: PageId, path: &str) -> (List, bool) {
        let items: Vec<PageId> = self.children(id);
        self.entries(&items, path)
    }

    /// Stack's archives page: the main sections' posts by year, newest first, but those it hides
    /// (`hidden: true`).
    fn archive(&self, path: &str) -> String {
        let mains = self.site.main_sections();
        let mut posts: Vec<PageId> = (0..self.site.pages.len())
            .filter(|&i| {
                let p = &self.site.pages[i];
                p.kind == Kind::Page
                    && self.included(i)
                    && p.post.build.list == crate::post::List::Always
                    && !p.post.hidden
                    && p.sections.first().is_some_and(|s| mains.contains(s))
            })
            .collect();
        // As Stack's `GroupByDate "2006"` orders them: Hugo's order, stably sorted by date
        // (seconds), then reversed, so posts of one date come in the reverse of Hugo's order.
        posts = self.site.ordered(&posts, crate::site::Order::Hugo);
        posts.sort_by_key(|&i| self.site.pages[i].date.map(|d| d.timestamp()));
        posts.reverse();
        let mut out = String::new();
        let mut year = None;
        let mut run = Vec::new();
        for i in posts {
            let y = self.site.pages[i]
                .date
                .map(|d| d.format("%Y").to_string())
                .unwrap_or_else(|| "Undated".into());
            if year.as_ref() != Some(&y)
                && let Some(prev) = year.replace(y.clone())
            {
                out.push_str(&heading(&prev));
                self.entries(&run, path).0.write(&mut out);
                run.clear();
            }
            run.push(i);
        }
        if let Some(prev) = year {
            out.push_str(&heading(&prev));
            self.entries(&run, path).0.write(&mut out);
        }
        out
    }

    /// `ids` as a list of links (relative to the chapter at `path`) with dates and summaries,
    /// and whether it is [`plain`]. The items are written on every core, each as a list of its
    /// own (a section's list may have every post of the blog), and joined as a loose list's
    /// items are: one blank line apart.
    fn entries(&self, ids: &[PageId], path: &str) -> (List, bool) {
        if ids.is_empty() {
            return (List::default(), true);
        }
        let from = link_of(path);
        let item = |k: usize| {
            let id = ids[k];
            let p = &self.site.pages[id];
            let (Some(url), Some(chapter)) = (p.url.as_deref(), self.assigned.get(&id)) else {
                return None;
            };
            let to = link_of(chapter);
            let summary = (p.kind == Kind::Page)
                .then(|| self.site.summary(id))
                .flatten();
            let item = list_item(
                &self.site.name(id),
                &crate::index::relative(&from, &to),
                p.date.as_ref(),
                summary.as_deref(),
                &url_dir(url),
                &from,
            );
            Some((item, plain(std::iter::once(summary.as_deref()))))
        };
        let written: Vec<(Arc<str>, bool)> = schedule::map(self.threads, ids.len(), &item)
            .into_iter()
            .flatten()
            .collect();
        let apart = written.iter().all(|(_, apart)| *apart);
        let mut items: Vec<Arc<str>> = written.into_iter().map(|(w, _)| w).collect();
        if items.is_empty() {
            items.push(Arc::from(markdown::write(&markdown::wrap(
                Tag::List(None),
                TagEnd::List(false),
                Vec::new(),
            ))));
        }
        (
            List {
                lead: "\n\n",
                items,
            },
            apart,
        )
    }

    fn unique(&mut self, path: String) -> String {
        if self.used.insert(path.clone()) {
            return path;
        }
        let stem = path.strip_suffix(".md").unwrap_or(&path).to_owned();
        (2..)
            .map(|n| format!("{stem}-{n}.md"))
            .find(|p| self.used.insert(p.clone()))
            .unwrap_or(path)
    }
}

/// A list page's item for a page: its title linked (`to`), its date, and its summary, whose
/// relative links and images are rebased from the page's folder `dir` to the list page `from`;
/// written as a list of its own, joined to the others one blank line apart ([`List`]).
pub fn list_item(
    title: &str,
    to: &str,
    date: Option<&date::Date>,
    summary: Option<&Summary>,
    dir: &str,
    from: &str,
) -> Arc<str> {
    // An empty link would make the writer refuse the item: an untitled page is its link.
    let title = if title.trim().is_empty() { to } else { title };
    let mut line = markdown::wrap(
        Tag::Strong,
        TagEnd::Strong,
        markdown::link(to, vec![markdown::text(title.to_owned())]),
    );
    if let Some(d) = date {
        line.push(markdown::text(format!(" · {}", date::human(d))));
    }
    let summary = summary.and_then(|s| match &s.markdown {
        // The author's blocks: a summary may be paragraphs, a list or code.
        Some(md) => Some(markdown::rebase(markdown::events(md), dir, from)),
        None if !s.text.trim().is_empty() => {
            let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            Some(markdown::paragraph(vec![markdown::text(text)]))
        }
        None => None,
    });
    // An item of one line is written as a tight list's: a list of it alone needs no marker of
    // looseness, and the items joined one blank line apart make the list loose.
    let blocks = match summary {
        Some(summary) => {
            let mut blocks = markdown::paragraph(line);
            blocks.extend(summary);
            blocks
        }
        None => line,
    };
    let item = markdown::wrap(Tag::Item, TagEnd::Item, blocks);
    Arc::from(markdown::write(&markdown::wrap(
        Tag::List(None),
        TagEnd::List(false),
        item,
    )))
}

/// A list the book stage wrote: its items, each written as a list of its own and joined one
/// blank line apart, as a loose list's items are (`lead` before them). An item is shared by every
/// list it is on: a post is on the page of each of its terms, and those pages are all as far
/// from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    pub lead: &'static str,
    pub items: Vec<Arc<str>>,
}

impl List {
    /// Appends the list's markdown to `out`.
    pub fn write(&self, out: &mut String) {
        out.reserve(self.lead.len() + self.items.iter().map(|i| i.len() + 2).sum::<usize>());
        out.push_str(self.lead);
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(item);
        }
        out.push('\n');
    }

    /// The list's markdown.
    #[cfg(test)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Whether a list with these summaries can be set apart: none is the author's markdown (a
/// `<!--more-->` or front-matter summary, which may hold links and shortcodes to rewrite).
pub fn plain<'a>(mut summaries: impl Iterator<Item = Option<&'a Summary>>) -> bool {
    summaries.all(|s| s.is_none_or(|s| s.markdown.is_none()))
}

fn heading(text: &str) -> String {
    let mut out = String::from("\n\n");
    out.push_str(&markdown::write(&markdown::heading(HeadingLevel::H2, text)));
    out
}

/// The chapter path for a page's URL: `/p/x/` is `p/x/index.md`, `/` is `index.md`, an ugly
/// `/p/x.html` is `p/x.md`; escapes decoded (the book's files are named as the blog's are).
pub fn chapter_path(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = percent::decode(path.trim_start_matches('/'));
    let path: String = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .collect::<Vec<_>>()
        .join("/");
    if url.ends_with('/') || path.is_empty() {
        if path.is_empty() {
            "index.md".into()
        } else {
            format!("{path}/index.md")
        }
    } else if let Some(stem) = path.strip_suffix(".html") {
        format!("{stem}.md")
    } else {
        format!("{path}/index.md")
    }
}

/// The folder a URL's files go in: `/p/x/` is `p/x/`, `/p/x.html` is `p/`.
fn url_dir(url: &str) -> String {
    let chapter = chapter_path(url);
    match chapter.rfind('/') {
        Some(i) => chapter[..=i].to_owned(),
        None => String::new(),
    }
}

fn link_of(path: &str) -> String {
    crate::index::link_path(std::path::Path::new(path), false)
}

#[cfg(test)]
mod tests;
