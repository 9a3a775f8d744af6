//! What Hugo knows about a site, read as hugo 0.111 reads it: the merged configuration, the
//! content tree (home, sections, pages, leaf and branch bundles and their resources), what a
//! normal build leaves out and why, the order of every list, each page's URL, and the
//! taxonomies with their terms. [`Site::load`] is the one edge that reads the disk; everything
//! after it is pure ([`Site::new`]) so tests build sites in memory. Every page is in one arena
//! ([`Site::pages`], indexed by [`PageId`]); pages Hugo leaves out stay there with the reason.

mod assemble;
mod cascade;
pub mod config;
pub mod config_source;
mod disk;
mod hash;
mod lists;
pub mod order;
pub mod path;
pub mod permalink;
mod plural;
pub mod summary;
mod taxonomy;
pub mod tree;

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::front_matter::Block;
use crate::post::{Build, List, Post};
pub use config::{Config, TaxonomyName};
pub use order::Order;
use std::path::Path;
use std::sync::{Arc, OnceLock};
pub use tree::{Bundle, Skip};

/// A page's place in [`Site::pages`].
pub type PageId = usize;

/// Hugo's page kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Home,
    Section,
    Page,
    /// A taxonomy's list of terms (`/tags/`).
    Taxonomy,
    /// One term's list of pages (`/tags/go/`).
    Term,
}

impl Kind {
    /// Hugo's name for the kind (`.Kind`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Section => "section",
            Kind::Page => "page",
            Kind::Taxonomy => "taxonomy",
            Kind::Term => "term",
        }
    }
}

/// A page's content file, read once at the edge.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// The path below the content folder (`post/x/index.md`), as Hugo's `.File.Path`.
    pub path: String,
    /// The path from the site root (`content/post/x/index.md`), for diagnostics.
    pub source: String,
    /// The whole file as written.
    pub text: String,
    /// Where its front matter is, when it has some.
    pub front_matter: Option<Block>,
    /// Its front matter parsed: the page's `post` is what it says (with the site's `cascade`).
    pub parsed: bool,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// The folder the page stands for (`post/x` for `post/x.md` and `post/x/index.md`).
    pub dir: String,
    /// The name without language and extension: `x`, `index`, `_index`.
    pub base_name: String,
    /// The bundle's other files, paths below the content folder, in Hugo's order.
    pub resources: Vec<String>,
}

impl File {
    /// The text after the front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }
}

/// Why a normal `hugo` build has no such page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Omitted {
    Draft,
    /// `publishDate` (or `date`) is after the build's "now".
    Future(Date),
    /// `expiryDate` is before "now".
    Expired(Date),
    /// `headless: true` in a leaf bundle: no page, the resources stay usable.
    Headless,
    /// Its kind is in `disableKinds`.
    DisabledKind,
    /// A section (or taxonomy, or the home page) above it is left out.
    InOmitted(PageId),
}

/// A term of a taxonomy, on its term page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Index into [`Site::taxonomies`].
    pub taxonomy: usize,
    /// Hugo's key for the term (`kubernetes-networking`): `.Site.Taxonomies.tags.<key>`.
    pub key: String,
}

/// One page: a content file, or a list page Hugo makes itself (a section without
/// `_index.md`, the home page, a taxonomy or term without one).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: Kind,
    /// `None` for a page Hugo makes itself.
    pub file: Option<File>,
    pub bundle: Bundle,
    /// The section chain (`.SectionsEntries`): a section's own path parts, a page's current
    /// section's, `[plural]` for a taxonomy, `[plural, key]` for a term, `[]` at home.
    pub sections: Vec<String>,
    /// The list page above it (`.Parent`); `None` for the home page.
    pub parent: Option<PageId>,
    /// The front matter, resolved (defaults for a page without a file).
    pub post: Post,
    /// Hugo's `.Title`, made for pages without a file ("Posts", "Tags", a term's spelling).
    pub title: String,
    /// `.LinkTitle`: `linkTitle`, else the title.
    pub link_title: String,
    /// `.Date`: a list page without one takes its newest page's.
    pub date: Option<Date>,
    pub weight: i64,
    /// The terms this page gives each taxonomy (indexed as [`Site::taxonomies`]), as written.
    pub terms: Vec<Vec<String>>,
    /// `Some` when a normal build has no such page.
    pub omitted: Option<Omitted>,
    /// `.RelPermalink`; `None` for `_build.render: never`. A left-out page has the URL it
    /// would have (what `hugo list all` shows for a draft).
    pub url: Option<String>,
    /// A list page's `.Pages`, in Hugo's default order.
    pub pages: Vec<PageId>,
    /// For a term page: which term.
    pub term: Option<Term>,
}

impl Page {
    /// The build options (`_build`).
    pub fn build(&self) -> Build {
        self.post.build
    }

    /// Whether Hugo's site-wide lists (`.Site.Pages`, `.Site.RegularPages`) have it.
    pub fn listed_globally(&self) -> bool {
        self.omitted.is_none() && self.post.build.list == List::Always
    }

    /// Whether Hugo writes the page (`_build.render: always`).
    pub fn rendered(&self) -> bool {
        self.omitted.is_none() && self.post.build.render == crate::post::Render::Always
    }

    /// Whether it has neither a date nor a `lastmod`: a list page takes its pages' then.
    pub fn undated(&self) -> bool {
        self.date.is_none() && self.post.lastmod.is_none()
    }

    /// The sort key for [`order`].
    pub fn key(&self) -> order::Key<'_> {
        order::Key {
            weight: self.weight,
            date: self.date.map(|d| d.timestamp()),
            link_title: &self.link_title,
            file: self.file.as_ref().map(|f| f.source.as_str()),
        }
    }
}

/// A taxonomy and its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    pub name: TaxonomyName,
    /// Its list page (`/tags/`).
    pub page: PageId,
    /// Its term pages, in Hugo's order (the taxonomy page's `.Pages`).
    pub terms: Vec<PageId>,
}

/// A Hugo site, read.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// Every page, left-out ones included (see [`Page::omitted`]).
    pub pages: Vec<Page>,
    pub home: PageId,
    pub taxonomies: Vec<Taxonomy>,
    /// Content files that are no page, and why (resources are on their page instead).
    pub skipped: Vec<(String, Skip)>,
    /// Each page's summary, made the first time it is asked for: a post is in its section's
    /// list and on each of its terms' pages. Sized once the pages are all there.
    summaries: Vec<OnceLock<Option<Arc<summary::Summary>>>>,
}

/// A file of the content folder, as the edge read it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContentFile {
    /// The path below the content folder, with `/`.
    pub path: String,
    /// The text of a content file (`.md`, `.html`, ...); `None` for other files.
    pub text: Option<String>,
    /// Its modification time, read when a date comes from it (`:fileModTime`).
    pub modified: Option<Date>,
    /// The author date of its last commit, read when a date comes from it (`:git`).
    pub committed: Option<Date>,
}

impl Site {
    /// Reads the Hugo site at `root` from the disk: its configuration (and its theme's), then
    /// its content folder. `now` decides what is future or expired. Every problem found is
    /// returned; the site is as complete as the problems allow.
    pub fn load(root: &Path, now: &Date) -> (Site, Vec<Diagnostic>) {
        disk::load(root, "production", now)
    }

    /// The configuration alone of the Hugo site at `root` (its themes' merged in), when `root`
    /// holds one.
    pub fn config_at(root: &Path) -> Option<(Config, Vec<Diagnostic>)> {
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
        disk::has_config(&root).then(|| disk::config(&root, "production"))
    }

    /// The site from its configuration and the content folder's files (`content_root` is the
    /// folder's absolute path, with `/`, for `ignoreFiles`).
    pub fn new(
        config: Config,
        content_root: &str,
        files: Vec<ContentFile>,
        now: &Date,
    ) -> (Site, Vec<Diagnostic>) {
        assemble::assemble(config, content_root, files, now)
    }

    pub fn page(&self, id: PageId) -> Option<&Page> {
        self.pages.get(id)
    }

    /// What the book calls a page, in the sidebar and on lists: its `.LinkTitle`; for an
    /// untitled home page the site's title, as Hugo's; for another untitled page (Hugo shows an
    /// empty title) its file's name (`20260623` for `atomic/20260623.md`, `x` for the bundle
    /// `x/index.md`), since a chapter must be called something.
    pub fn name(&self, id: PageId) -> String {
        let Some(page) = self.page(id) else {
            return String::new();
        };
        let title = page.link_title.trim();
        if !title.is_empty() {
            return title.to_owned();
        }
        if page.kind == Kind::Home && !self.config.title.trim().is_empty() {
            return self.config.title.trim().to_owned();
        }
        page.file
            .as_ref()
            .map(|f| tree::content_base_name(&f.base_name, &f.dir))
            .filter(|name| !name.is_empty())
            .unwrap_or("Home")
            .to_owned()
    }

    /// The page whose file is `path` (below the content folder).
    pub fn by_path(&self, path: &str) -> Option<PageId> {
        self.pages
            .iter()
            .position(|p| p.file.as_ref().is_some_and(|f| f.path == path))
    }

    /// `ids` sorted by `order` (Hugo's lists are already in [`Order::Hugo`]).
    pub fn ordered(&self, ids: &[PageId], order: Order) -> Vec<PageId> {
        let mut ids: Vec<PageId> = ids
            .iter()
            .copied()
            .filter(|&i| i < self.pages.len())
            .collect();
        order::sort_by(&mut ids, order, |&i| self.pages[i].key());
        ids
    }

    /// The sections Stack and other themes list posts from: `params.mainSections`, else the
    /// top-level section with the most pages (Hugo's default).
    pub fn main_sections(&self) -> Vec<String> {
        if let Some(set) = self.config.main_sections() {
            return set;
        }
        lists::main_section(self).into_iter().collect()
    }

    /// The page's summary as Hugo makes it (see [`summary`]), shared by every list it is on.
    pub fn summary(&self, id: PageId) -> Option<Arc<summary::Summary>> {
        match self.summaries.get(id) {
            Some(cell) => cell.get_or_init(|| self.make_summary(id)).clone(),
            None => self.make_summary(id),
        }
    }

    /// Makes the page's summary and keeps it, so that [`Site::summary`] finds it made (the book
    /// stage makes those the lists show on every core).
    pub fn keep_summary(&self, id: PageId) {
        if let Some(cell) = self.summaries.get(id) {
            cell.get_or_init(|| self.make_summary(id));
        }
    }

    fn make_summary(&self, id: PageId) -> Option<Arc<summary::Summary>> {
        let page = self.pages.get(id)?;
        let file = page.file.as_ref()?;
        let cjk = page
            .post
            .is_cjk_language
            .unwrap_or_else(|| self.config.has_cjk_language && summary::has_cjk(&file.text));
        let options = summary::Options {
            length: self.config.summary_length,
            cjk,
            line_numbers: self.config.line_numbers(),
            raw_html: self.config.raw_html(),
        };
        // As the chapter's body is: emojified before anything reads it.
        let body = if self.config.enable_emoji {
            crate::emoji::emojify(file.body())
        } else {
            std::borrow::Cow::Borrowed(file.body())
        };
        Some(Arc::new(summary::summary(
            &body,
            page.post.summary.as_deref(),
            options,
        )))
    }
}

#[cfg(test)]
mod tests;
