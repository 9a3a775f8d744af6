//! The lists of an assembled site and what follows from them: a list page's date (its newest
//! page's, when it has no date of its own, nor a `lastmod`), each list page's `.Pages` in Hugo's default order,
//! every page's URL, URLs two pages share, and Hugo's default `mainSections`.

use super::hash::Map as HashMap;
use super::permalink::{self, Target};
use super::tree::Bundle;
use super::{Kind, Page, PageId, Site};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::post::{List, Render};

/// Every page's children (pages whose parent it is), in arena order.
fn children(site: &Site) -> Vec<Vec<PageId>> {
    let mut out = vec![Vec::new(); site.pages.len()];
    for (id, page) in site.pages.iter().enumerate() {
        if let Some(slot) = page.parent.and_then(|p| out.get_mut(p)) {
            slot.push(id);
        }
    }
    out
}

/// The sections Hugo lists under `parent`: its children one folder below it (a section two
/// folders down, its own parent folder having no `_index.md`, is nobody's `.Pages`).
fn child_sections<'a>(
    site: &'a Site,
    kids: &'a [PageId],
    parent: PageId,
) -> impl Iterator<Item = PageId> + 'a {
    let depth = site.pages.get(parent).map_or(0, |p| p.sections.len());
    kids.iter().copied().filter(move |&i| {
        let p = &site.pages[i];
        p.kind == Kind::Section && p.sections.len() == depth + 1
    })
}

/// A list page without a date takes the newest of its pages' and nested sections' dates, unless
/// it has a `lastmod` (from its file's time, say, by `[frontmatter]`): hugo 0.111 leaves a list
/// page's date alone once either is set.
pub(super) fn dates(site: &mut Site) {
    fn newest(
        site: &Site,
        kids: &[Vec<PageId>],
        id: PageId,
        memo: &mut HashMap<PageId, Option<Date>>,
    ) -> Option<Date> {
        if let Some(d) = memo.get(&id) {
            return *d;
        }
        let mine = kids.get(id).map_or(&[][..], Vec::as_slice);
        let mut best: Option<Date> = None;
        let mut take = |d: Option<Date>| {
            if let Some(d) = d
                && best.is_none_or(|b| d > b)
            {
                best = Some(d);
            }
        };
        for &i in mine {
            let p = &site.pages[i];
            if p.kind == Kind::Page && p.omitted.is_none() {
                take(p.date);
            }
        }
        for child in child_sections(site, mine, id).collect::<Vec<_>>() {
            if site.pages[child].omitted.is_none() {
                take(site.pages[child].date);
                take(newest(site, kids, child, memo));
            }
        }
        memo.insert(id, best);
        best
    }
    let kids = children(site);
    let mut memo = HashMap::default();
    let mut ids: Vec<PageId> = (0..site.pages.len())
        .filter(|&i| matches!(site.pages[i].kind, Kind::Section | Kind::Home))
        .collect();
    // Deepest first, so a section's nested sections have their dates when it takes them.
    ids.sort_by_key(|&i| std::cmp::Reverse(site.pages[i].sections.len()));
    for id in ids {
        if site.pages[id].undated() {
            let d = newest(site, &kids, id, &mut memo);
            site.pages[id].date = d;
        }
    }
}

/// Each list page's `.Pages`, in Hugo's default order.
pub(super) fn lists(site: &mut Site) {
    let listed = |p: &Page| p.omitted.is_none() && p.post.build.list != List::Never;
    let kids = children(site);
    let mut lists: Vec<(PageId, Vec<PageId>)> = Vec::new();
    for (id, page) in site.pages.iter().enumerate() {
        let mine = kids.get(id).map_or(&[][..], Vec::as_slice);
        let mut members: Vec<PageId> = match page.kind {
            Kind::Home | Kind::Section => {
                let mut m: Vec<PageId> = mine
                    .iter()
                    .copied()
                    .filter(|&i| site.pages[i].kind == Kind::Page && listed(&site.pages[i]))
                    .collect();
                m.extend(child_sections(site, mine, id).filter(|&i| listed(&site.pages[i])));
                m
            }
            Kind::Taxonomy | Kind::Term | Kind::Page => continue,
        };
        super::order::sort_by(&mut members, super::Order::Hugo, |&i| site.pages[i].key());
        lists.push((id, members));
    }
    for (id, members) in lists {
        site.pages[id].pages = members;
    }
}

/// Every page's `.RelPermalink` (a left-out page's too: the URL it would have).
pub(super) fn urls(site: &mut Site) {
    for id in 0..site.pages.len() {
        let page = &site.pages[id];
        if page.post.build.render == Render::Never {
            continue;
        }
        let dir = page.file.as_ref().map_or(String::new(), |f| {
            let parent = f.dir.rsplit_once('/').map_or("", |(d, _)| d);
            match page.kind {
                Kind::Page if !parent.is_empty() => format!("{parent}/"),
                _ => String::new(),
            }
        });
        // A leaf bundle is named by its folder (Hugo's `ContentBaseName`).
        let base_name = page.file.as_ref().map_or("", |f| {
            if page.bundle == Bundle::Leaf {
                f.dir.rsplit('/').next().unwrap_or(&f.dir)
            } else {
                f.base_name.as_str()
            }
        });
        let target = Target {
            kind: page.kind.name(),
            section: page.sections.first().map_or("", String::as_str),
            sections: &page.sections,
            dir: &dir,
            base_name,
            slug: page.post.written_slug.as_deref(),
            url: page.post.url.as_deref(),
            title: &page.title,
            date: page.date.as_ref(),
        };
        let url = permalink::url(&target, &site.config);
        site.pages[id].url = Some(url);
    }
}

/// Two written pages with one URL: Hugo writes one over the other, without a word. A warning,
/// not an error: the site builds with hugo, and the book has both (the later one's chapter is
/// `index-2.md`).
pub(super) fn collisions(site: &Site, problems: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, PageId> = HashMap::default();
    for (id, page) in site.pages.iter().enumerate() {
        let Some(url) = page.url.as_deref().filter(|_| page.rendered()) else {
            continue;
        };
        if let Some(&other) = first.get(url) {
            let name = |i: PageId| {
                site.pages[i].file.as_ref().map_or_else(
                    || format!("the {} page", site.pages[i].kind.name()),
                    |f| f.source.clone(),
                )
            };
            let (file, text) = page
                .file
                .as_ref()
                .map_or((name(id), ""), |f| (f.source.clone(), f.text.as_str()));
            problems.push(
                Diagnostic::at(
                    &file,
                    text,
                    0,
                    format!("{url} is also the URL of {}", name(other)),
                )
                .severity(Severity::Warning)
                .hint("hugo writes one page over the other; give one a `slug` or `url`"),
            );
        } else {
            first.insert(url, id);
        }
    }
}

/// The top-level section with the most pages (Hugo's default `mainSections`).
pub(super) fn main_section(site: &Site) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for page in &site.pages {
        if page.kind != Kind::Page || page.omitted.is_some() {
            continue;
        }
        let Some(root) = page.sections.first() else {
            continue;
        };
        match counts.iter_mut().find(|(r, _)| r == root) {
            Some((_, n)) => *n += 1,
            None => counts.push((root.clone(), 1)),
        }
    }
    let mut best: Option<(String, usize)> = None;
    for (root, n) in counts {
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((root, n));
        }
    }
    best.map(|(r, _)| r.to_lowercase())
}

#[cfg(test)]
mod tests;
