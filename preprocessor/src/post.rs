//! A post: what a chapter's front matter means, resolved the way Hugo resolves it (which field
//! fills which date, the slug `/p/:slug/` uses, drafts, link cards and their URL policy). Built
//! from the parsed map by a pure function that reports every value it cannot use, at the line of
//! its key.

use crate::date::Date;
use crate::front_matter::{self, Block};
use crate::urlize;
use serde_json::{Map, Value};

pub mod dates;
mod reader;
use reader::{Reader, kind};

/// One `links:` entry: a card to another site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    pub title: String,
    pub description: Option<String>,
    pub website: Option<String>,
    pub image: Option<String>,
}

/// The front matter of one chapter, resolved.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Post {
    pub title: Option<String>,
    pub link_title: Option<String>,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub lastmod: Option<Date>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// The slug `/p/:slug/` uses: `slug`, else the urlized title.
    pub slug: Option<String>,
    /// `slug` as written, trimmed of `-` (what Hugo's `.Slug` and permalinks start from).
    pub written_slug: Option<String>,
    pub aliases: Vec<String>,
    /// `url`, which overrides the whole permalink.
    pub url: Option<String>,
    pub weight: i64,
    pub links: Vec<Card>,
    /// When the post goes out: `publishDate` (`pubdate`, `published`), else `date`.
    pub publish_date: Option<Date>,
    /// When it is withdrawn: `expiryDate` (`unpublishdate`).
    pub expiry_date: Option<Date>,
    /// `headless: true` (Hugo heeds it in a leaf bundle's `index.md` only).
    pub headless: bool,
    /// `_build` (hugo 0.111 does not read the newer `build` key).
    pub build: Build,
    /// Front-matter `summary`, as written (markdown).
    pub summary: Option<String>,
    /// `isCJKLanguage`, when set.
    pub is_cjk_language: Option<bool>,
    /// `layout`: Stack's `archives` and `search` pages are the theme's.
    pub layout: Option<String>,
    /// Stack's cover `image`: a file of the page bundle or a URL, checked like a card's.
    pub image: Option<String>,
    /// Stack's `hidden: true` (the boolean, as its `where "Params.hidden" "!=" true` reads
    /// it): left off the home page and the archives, still in section and term lists.
    pub hidden: bool,
}

/// A page's build options (`_build`): whether it is listed, rendered, and its files published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Build {
    pub list: List,
    pub render: Render,
    pub publish_resources: bool,
}

impl Default for Build {
    fn default() -> Self {
        Build {
            list: List::Always,
            render: Render::Always,
            publish_resources: true,
        }
    }
}

/// `_build.list`: `always`, `local` (in its section's lists only) or `never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Always,
    Local,
    Never,
}

/// `_build.render`: `always`, `link` (a URL but no page written) or `never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Render {
    Always,
    Link,
    Never,
}

/// A value the post cannot use: at which byte of the chapter, what, and what to do.
pub type Problem = front_matter::Problem;

impl Post {
    /// Resolves `map`, the front matter parsed from `block` of `source`. Problems are reported and
    /// the value left out; the rest of the post is still used.
    pub fn from_map(map: &Map<String, Value>, source: &str, block: &Block) -> (Post, Vec<Problem>) {
        let mut r = Reader {
            map,
            source,
            block,
            problems: Vec::new(),
        };
        let title = r.string("title");
        let date_of = |r: &mut Reader, keys: &[&str]| keys.iter().find_map(|k| r.date(k));
        // `published` is also Hugo's (undocumented) opposite of `draft` when it is true/false.
        let published_flag = match map.get("published") {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        };
        let published_keys: &[&str] = if published_flag.is_some() {
            &["publishdate", "pubdate"]
        } else {
            &["publishdate", "pubdate", "published"]
        };
        let published = date_of(&mut r, published_keys);
        let modified = date_of(&mut r, &["lastmod", "modified"]);
        let own_date = r.date("date");
        let date = own_date.or(published).or(modified);
        let lastmod = modified.or(own_date).or(published);
        let expiry_date = date_of(&mut r, &["expirydate", "unpublishdate"]);
        let draft = match (map.get("draft"), published_flag) {
            (None, Some(published)) => !published,
            _ => r.boolean("draft"),
        };
        // Hugo trims `-` off `slug`, and its permalink urlizes whichever of slug and title it uses.
        let slug = r
            .string("slug")
            .map(|s| s.trim_matches('-').to_owned())
            .filter(|s| !s.is_empty());
        let post = Post {
            written_slug: slug.clone(),
            slug: slug
                .or_else(|| title.clone())
                .map(|s| urlize::slug(&s))
                .filter(|s| !s.is_empty()),
            link_title: r.string("linktitle"),
            description: r.string("description"),
            date,
            lastmod,
            categories: r.strings("categories"),
            tags: r.strings("tags"),
            draft,
            aliases: r.strings("aliases"),
            url: r.string("url"),
            weight: r.integer("weight"),
            links: r.cards(),
            publish_date: published.or(own_date),
            expiry_date,
            headless: r.boolean("headless"),
            build: r.build(),
            summary: r.string("summary"),
            is_cjk_language: map.get("iscjklanguage").map(|_| r.boolean("iscjklanguage")),
            layout: r.string("layout"),
            image: r.image(),
            hidden: matches!(map.get("hidden"), Some(Value::Bool(true))),
            title,
        };
        (post, r.problems)
    }

    /// Takes the dates (and a `:filename` slug) the site's `[frontmatter]` gives.
    pub fn take_dates(&mut self, d: dates::Resolved) {
        self.date = d.date;
        self.lastmod = d.lastmod;
        self.publish_date = d.publish_date;
        self.expiry_date = d.expiry_date;
        if let Some(slug) = d.slug.filter(|s| !s.is_empty()) {
            self.slug = Some(urlize::slug(&slug)).filter(|s| !s.is_empty());
            self.written_slug = Some(slug);
        }
    }

    /// The name the sidebar shows: `linkTitle`, else `title`.
    pub fn nav_title(&self) -> Option<&str> {
        self.link_title.as_deref().or(self.title.as_deref())
    }

    /// The terms `map` gives taxonomy `plural` (`tags`, `series`), as Hugo reads them: one text
    /// is one term, a list's numbers and booleans are their text. Anything else is a problem at
    /// the key, and no terms.
    pub fn terms(
        map: &Map<String, Value>,
        source: &str,
        block: &Block,
        plural: &str,
    ) -> (Vec<String>, Vec<Problem>) {
        let mut r = Reader {
            map,
            source,
            block,
            problems: Vec::new(),
        };
        let terms = match map.get(plural) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
                items
                    .iter()
                    .filter_map(|v| match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        Value::Bool(b) => Some(b.to_string()),
                        _ => None,
                    })
                    .collect()
            }
            Some(other) => {
                let what = kind(other);
                r.problem(
                    plural,
                    format!("`{plural}` must be a list of terms, not {what}"),
                    &format!("write `{plural}: [\"a\", \"b\"]`"),
                );
                Vec::new()
            }
        };
        (terms, r.problems)
    }

    /// `lastmod`, when it says something `date` does not: a later day.
    pub fn updated(&self) -> Option<&Date> {
        match (&self.date, &self.lastmod) {
            (Some(d), Some(m)) if m.date_naive() > d.date_naive() => Some(m),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
