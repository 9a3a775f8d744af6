//! The book stage's term pages: for each of the site's taxonomies (Hugo's default is tags and
//! categories), a chapter listing its terms with their post counts, and under it a chapter per
//! term listing its posts in Hugo's order, each with its date and summary (the `<!--more-->`
//! divider, else front-matter `summary`, else the first words), titled and described from
//! `content/<taxonomy>/<term>/_index.md` when there is one. The posts come from the site's
//! content tree, or, for a book whose chapters SUMMARY.md lists, from its chapters' front
//! matter. Pure: the chapters are generated markdown whose links to posts are already relative;
//! a list that holds none of the authors' markdown is set apart from its page ([`Made`]), so
//! that only the page is read and rewritten.

use crate::date::Date;
use crate::index::relative;
use crate::markdown;
use crate::site::summary::{self, Summary};
use crate::structure::{self, List};
use crate::urlize;
use mdbook_markdown::pulldown_cmark::{Tag, TagEnd};
use mdbook_preprocessor::book::{BookItem, Chapter};
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A taxonomy of the book, ready to become chapters.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    /// `tags`: the folder of its pages.
    pub plural: String,
    pub title: String,
    /// The list page's own markdown (its `_index.md` body), when it has one.
    pub body: Option<String>,
    pub terms: Vec<Term>,
}

/// One term and the posts it gathers.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Hugo's key: `kubernetes-networking`.
    pub key: String,
    /// Its chapter, as links write it: `tags/kubernetes-networking/index.md`, or where the
    /// site's permalinks put the term (`topic/kubernetes-networking/index.md`).
    pub link: String,
    pub title: String,
    pub description: Option<String>,
    pub body: Option<String>,
    pub members: Vec<Member>,
}

/// A post on a term page.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub title: String,
    /// The post's chapter, as links write it (`post/x/index.md`).
    pub link: String,
    pub date: Option<Date>,
    /// Shared with the post's other terms and its section's list.
    pub summary: Option<Arc<Summary>>,
}

/// A chapter's place for links: its link path (`tags/go/index.md`).
pub fn term_link(plural: &str, key: &str) -> String {
    format!("{plural}/{key}/index.md")
}

/// The chapter of a taxonomy's list of terms.
pub fn taxonomy_link(plural: &str) -> String {
    format!("{plural}/index.md")
}

/// Hugo's key for a term as written (`Kubernetes Networking` is `kubernetes-networking`).
pub fn key(term: &str) -> String {
    urlize::make_path(term, false)
}

/// The summary Hugo makes of a body (70 words, not CJK).
pub fn auto_summary(body: &str, front_matter: Option<&str>) -> Summary {
    summary::summary(
        body,
        front_matter,
        summary::Options {
            length: 70,
            cjk: false,
            line_numbers: None,
            raw_html: false,
        },
    )
}

/// The chapters of `taxonomies`: one per taxonomy with its terms' chapters under it, `terms`
/// being [`term_chapter`] of every taxonomy's terms in order. Taxonomies without terms have
/// none.
pub fn chapters(taxonomies: &[Taxonomy], terms: Vec<(Chapter, Option<List>)>) -> Made {
    let mut terms = terms.into_iter();
    let mut made = Made::default();
    for t in taxonomies {
        let mut subs = Vec::new();
        for (ch, list) in terms.by_ref().take(t.terms.len()) {
            made.set_apart(&ch, list);
            subs.push(BookItem::Chapter(ch));
        }
        if subs.is_empty() {
            continue;
        }
        let link = taxonomy_link(&t.plural);
        let (page, list) = taxonomy_page(t);
        let mut ch = Chapter::new(&t.title, page, &link, Vec::new());
        made.set_apart(&ch, Some(list));
        ch.sub_items = subs;
        made.items.push(BookItem::PartTitle(t.title.clone()));
        made.items.push(BookItem::Chapter(ch));
    }
    made
}

/// Chapters the book stage made, and the lists they end with that are set apart from their
/// content: a list of links, dates and plain-text summaries holds nothing to read or rewrite
/// (its links are relative already), so it joins its chapter once the chapter is rewritten.
#[derive(Debug, Default)]
pub struct Made {
    pub items: Vec<BookItem>,
    /// By chapter path (`tags/go/index.md`).
    pub lists: Vec<(PathBuf, List)>,
}

impl Made {
    pub fn set_apart(&mut self, ch: &Chapter, list: Option<List>) {
        if let (Some(path), Some(list)) = (&ch.path, list) {
            self.lists.push((path.clone(), list));
        }
    }
}

/// The chapter of one term of `t`, listing its posts (`items`: [`Items::item`] of each of its
/// members, in order), and its list when it is set apart ([`structure::plain`]).
pub fn term_chapter(t: &Taxonomy, term: &Term, items: Vec<Arc<str>>) -> (Chapter, Option<List>) {
    let (mut page, list) = term_page(term, items);
    let list = if structure::plain(term.members.iter().map(|m| m.summary.as_deref())) {
        Some(list)
    } else {
        list.write(&mut page);
        None
    };
    let ch = Chapter::new(&term.title, page, &term.link, vec![t.title.clone()]);
    (ch, list)
}

/// JSON front matter: Hugo reads it, and no value needs escaping for it.
fn front_matter(title: &str, description: Option<&str>) -> String {
    let mut map = serde_json::Map::new();
    map.insert("title".into(), json!(title));
    if let Some(d) = description {
        map.insert("description".into(), json!(d));
    }
    let mut out = serde_json::Value::Object(map).to_string();
    out.push_str("\n\n");
    out
}

/// A taxonomy's page and its list of terms (titles and counts: always set apart).
fn taxonomy_page(t: &Taxonomy) -> (String, List) {
    let mut out = front_matter(&t.title, None);
    if let Some(body) = &t.body {
        out.push_str(body.trim());
        out.push_str("\n\n");
    }
    let mut items = Vec::new();
    for term in &t.terms {
        let mut item = markdown::link(
            &relative(&taxonomy_link(&t.plural), &term.link),
            vec![markdown::text(term.title.clone())],
        );
        let n = term.members.len();
        item.push(markdown::text(format!(
            " · {n} post{}",
            if n == 1 { "" } else { "s" }
        )));
        items.extend(markdown::wrap(Tag::Item, TagEnd::Item, item));
    }
    let list = markdown::write(&markdown::wrap(Tag::List(None), TagEnd::List(false), items));
    (
        out,
        List {
            lead: "",
            items: vec![Arc::from(list)],
        },
    )
}

/// A term's page and its list of posts, `items`.
fn term_page(term: &Term, items: Vec<Arc<str>>) -> (String, List) {
    let mut out = front_matter(&term.title, term.description.as_deref());
    if let Some(body) = &term.body {
        out.push_str(body.trim());
        out.push_str("\n\n");
    }
    (out, List { lead: "", items })
}

/// The list items of term pages, each written once for every place it is linked from: a post
/// is on the page of each of its terms, and those pages are all as far from it.
#[derive(Default)]
pub struct Items {
    /// By the post's chapter and the link to it.
    written: Mutex<HashMap<(String, String), Arc<str>>>,
}

impl Items {
    /// The item of `m` on the page of `term` (asked on many threads: a term may list every post
    /// of the blog, and its page alone would be one thread's work).
    pub fn item(&self, term: &Term, m: &Member) -> Arc<str> {
        let to = relative(&term.link, &m.link);
        let key = (m.link.clone(), to);
        if let Some(item) = self.written.lock().ok().and_then(|w| w.get(&key).cloned()) {
            return item;
        }
        let dir = m.link.rsplit_once('/').map_or("", |(dir, _)| dir);
        let item = structure::list_item(
            &m.title,
            &key.1,
            m.date.as_ref(),
            m.summary.as_deref(),
            dir,
            &term.link,
        );
        if let Ok(mut w) = self.written.lock() {
            w.insert(key, item.clone());
        }
        item
    }
}

#[cfg(test)]
mod tests;

/// A chapter of a book whose chapters SUMMARY.md lists, as a term page sees it.
pub struct Posted<'a> {
    pub post: &'a crate::post::Post,
    /// Its link path (`post/x/index.md`).
    pub link: &'a str,
    /// Its file, for the order's last tie-break.
    pub file: &'a str,
    /// Its summary ([`auto_summary`] of its body), made where the chapter is read.
    pub summary: Option<Arc<Summary>>,
}

/// The default taxonomies' terms (tags and categories, as Hugo's defaults are) among `posts`,
/// each term's posts in Hugo's order, the terms in key order (as Hugo lists them).
pub fn from_posts(posts: &[Posted]) -> Vec<Taxonomy> {
    [("categories", "Categories"), ("tags", "Tags")]
        .into_iter()
        .map(|(plural, title)| {
            let mut terms: std::collections::BTreeMap<String, Term> = Default::default();
            let mut members: std::collections::BTreeMap<String, Vec<&Posted>> = Default::default();
            for p in posts.iter().filter(|p| !p.post.draft) {
                let written = if plural == "tags" {
                    &p.post.tags
                } else {
                    &p.post.categories
                };
                // A post is listed once per term, however often it names the term.
                let mut named: Vec<String> = Vec::new();
                for t in written {
                    let k = key(t);
                    if k.is_empty() || named.contains(&k) {
                        continue;
                    }
                    named.push(k.clone());
                    // The term's title is its first spelling, as Hugo's is.
                    terms.entry(k.clone()).or_insert_with(|| Term {
                        link: term_link(plural, &k),
                        key: k.clone(),
                        title: t.clone(),
                        description: None,
                        body: None,
                        members: Vec::new(),
                    });
                    members.entry(k).or_default().push(p);
                }
            }
            for (k, mut list) in members {
                crate::site::order::sort_by(&mut list, crate::site::Order::Hugo, |p| {
                    crate::site::order::Key {
                        weight: p.post.weight,
                        date: p.post.date.map(|d| d.timestamp()),
                        link_title: p
                            .post
                            .link_title
                            .as_deref()
                            .or(p.post.title.as_deref())
                            .unwrap_or(""),
                        file: Some(p.file),
                    }
                });
                if let Some(term) = terms.get_mut(&k) {
                    term.members = list
                        .iter()
                        .map(|p| Member {
                            title: p.post.title.clone().unwrap_or_else(|| p.link.to_owned()),
                            link: p.link.to_owned(),
                            date: p.post.date,
                            summary: p.summary.clone(),
                        })
                        .collect();
                }
            }
            Taxonomy {
                plural: plural.to_owned(),
                title: title.to_owned(),
                body: None,
                terms: terms.into_values().collect(),
            }
        })
        .collect()
}

/// The taxonomies of a Hugo site, with each term's pages as the site lists them; `link` gives
/// a page's chapter (`None` for a page the book leaves out).
pub fn from_site(
    site: &crate::site::Site,
    link: &dyn Fn(crate::site::PageId) -> Option<String>,
) -> Vec<Taxonomy> {
    site.taxonomies
        .iter()
        .filter_map(|t| {
            let page = site.page(t.page)?;
            if page.omitted.is_some() {
                return None;
            }
            let terms = t
                .terms
                .iter()
                .filter_map(|&id| {
                    let term_page = site.page(id)?;
                    let key = term_page.term.as_ref()?.key.clone();
                    let members: Vec<Member> = term_page
                        .pages
                        .iter()
                        .filter_map(|&m| {
                            let p = site.page(m)?;
                            Some(Member {
                                // Stack's cards show `.Title`.
                                title: match p.title.trim() {
                                    "" => site.name(m),
                                    t => t.to_owned(),
                                },
                                link: link(m)?,
                                date: p.date,
                                summary: site.summary(m),
                            })
                        })
                        .collect();
                    // Where the site's permalinks put the term, else `/<plural>/<key>/`.
                    let link = term_page
                        .url
                        .as_deref()
                        .map_or_else(|| term_link(&t.name.plural, &key), structure::chapter_path);
                    Some(Term {
                        key,
                        link,
                        title: term_page.title.clone(),
                        description: term_page.post.description.clone(),
                        body: term_page
                            .file
                            .as_ref()
                            .map(|f| f.body().to_owned())
                            .filter(|b| !b.trim().is_empty()),
                        members,
                    })
                })
                .collect();
            Some(Taxonomy {
                plural: t.name.plural.clone(),
                title: page.title.clone(),
                body: page
                    .file
                    .as_ref()
                    .map(|f| f.body().to_owned())
                    .filter(|b| !b.trim().is_empty()),
                terms,
            })
        })
        .collect()
}
