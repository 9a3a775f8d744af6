//! Taxonomies and their terms as hugo 0.111 builds them: a page's `tags: [Kubernetes
//! Networking]` puts it under the term keyed `kubernetes-networking` (the value sanitized as a
//! path and lowercased); a term's page is `content/tags/<key>/_index.md` when that exists (its
//! key is the folder name, lowercased), else one Hugo makes, titled with the spelling of the
//! first page in content order that names it. A term page lists every page built with the
//! term, `_build.list` notwithstanding, sections and the home page included, in the default
//! order; the taxonomy page lists its terms, those of an `_index.md` that no page names
//! included (with no pages). A value that sanitizes to nothing (`tags: [""]`) is no term. A
//! term page left out (a draft `_index.md`) takes the term with it.

use super::assemble::made;
use super::order::{self, Order};
use super::path;
use super::{Kind, PageId, Site, Taxonomy, Term};
use crate::date::Date;
use std::collections::BTreeMap;

/// Finds or makes every term page, fills each with its pages and each taxonomy with its
/// terms. Runs after parents and omissions are known.
pub(super) fn assign(site: &mut Site) {
    let keep_case = site.config.disable_path_to_lower;
    let names = site.config.taxonomies.clone();
    // Where each page sits in Hugo's content tree, made once for every taxonomy.
    let content_keys: Vec<String> = (0..site.pages.len())
        .map(|id| {
            let any_terms = site.pages[id].terms.iter().any(|t| !t.is_empty());
            if any_terms {
                content_key(site, id)
            } else {
                String::new()
            }
        })
        .collect();
    for (index, name) in names.into_iter().enumerate() {
        let plural = name.plural.clone();
        let is_mine = |sections: &[String]| {
            sections
                .first()
                .is_some_and(|s| s.eq_ignore_ascii_case(&plural))
        };
        let Some(list) = (0..site.pages.len())
            .find(|&i| site.pages[i].kind == Kind::Taxonomy && is_mine(&site.pages[i].sections))
        else {
            continue;
        };
        // Term pages with a file, by their key.
        let mut term_pages: BTreeMap<String, PageId> = BTreeMap::new();
        for id in 0..site.pages.len() {
            let page = &mut site.pages[id];
            if page.kind != Kind::Term || !is_mine(&page.sections) {
                continue;
            }
            let folder = page.sections.get(1).cloned().unwrap_or_default();
            let key = folder.to_lowercase();
            page.sections = vec![plural.clone(), path::make_path(&folder, keep_case)];
            page.parent = Some(list);
            page.term = Some(Term {
                taxonomy: index,
                key: key.clone(),
            });
            term_pages.entry(key).or_insert(id);
        }
        // (term key, member's content key, spelling, member); keys made once per spelling.
        let mut keys: super::hash::Map<&str, String> = super::hash::Map::default();
        let mut entries: Vec<(&str, &str, &str, PageId)> = Vec::new();
        if site.pages[list].omitted.is_none() {
            for (id, page) in site.pages.iter().enumerate() {
                if page.omitted.is_some() || matches!(page.kind, Kind::Term | Kind::Taxonomy) {
                    continue;
                }
                let values = page.terms.get(index).map_or(&[][..], Vec::as_slice);
                if values.is_empty() {
                    continue;
                }
                let content = content_keys.get(id).map_or("", String::as_str);
                for value in values {
                    keys.entry(value.as_str()).or_insert_with(|| {
                        let key = path::make_path(value, keep_case);
                        if keep_case { key } else { key.to_lowercase() }
                    });
                    entries.push(("", content, value.as_str(), id));
                }
            }
        }
        for entry in &mut entries {
            entry.0 = keys.get(entry.2).map_or("", String::as_str);
        }
        // A value with nothing left of it as a path (`""`, `" "`, `"?"`, `"/"`) names no term:
        // hugo files the page under none.
        entries.retain(|e| !e.0.trim_matches('/').is_empty());
        entries.sort();
        entries.dedup_by(|a, b| a.0 == b.0 && a.3 == b.3);
        let entries: Vec<(String, String, PageId)> = entries
            .into_iter()
            .map(|(key, _, spelling, id)| (key.to_owned(), spelling.to_owned(), id))
            .collect();
        let mut members: BTreeMap<String, Vec<PageId>> = BTreeMap::new();
        for (key, spelling, id) in entries {
            if !term_pages.contains_key(&key) {
                let mut page = made(Kind::Term, vec![plural.clone(), key.clone()], spelling);
                page.parent = Some(list);
                page.term = Some(Term {
                    taxonomy: index,
                    key: key.clone(),
                });
                if site.pages[list].omitted.is_some() {
                    page.omitted = Some(super::Omitted::InOmitted(list));
                }
                site.pages.push(page);
                term_pages.insert(key.clone(), site.pages.len() - 1);
            }
            members.entry(key).or_default().push(id);
        }
        let mut terms = Vec::new();
        for (key, &term) in &term_pages {
            if site.pages[term].omitted.is_some() {
                continue;
            }
            let mut pages = members.remove(key).unwrap_or_default();
            order::sort_by(&mut pages, Order::Hugo, |&i| site.pages[i].key());
            if site.pages[term].undated() {
                site.pages[term].date = newest(site, &pages);
            }
            site.pages[term].pages = pages;
            terms.push(term);
        }
        order::sort_by(&mut terms, Order::Hugo, |&i| site.pages[i].key());
        // The taxonomy's date is its terms' pages' newest (checked with hugo: a term of its own
        // page, undated by a `lastmod`, still gives its posts' dates to the taxonomy).
        if site.pages[list].undated() {
            let pages: Vec<PageId> = terms
                .iter()
                .flat_map(|&t| site.pages[t].pages.iter().copied())
                .collect();
            site.pages[list].date = newest(site, &pages);
        }
        site.pages[list].pages = terms.clone();
        let mut taxonomy = Taxonomy::new(name, list);
        taxonomy.terms = terms;
        site.taxonomies.push(taxonomy);
    }
}

/// Where Hugo's content tree keeps a page (its lowercased folder; a list page's with a
/// trailing `/`): the order in which it meets a term's pages, and so whose spelling titles it.
fn content_key(site: &Site, id: PageId) -> String {
    let page = &site.pages[id];
    let dir = match &page.file {
        Some(f) => f.dir.to_lowercase(),
        None => page.sections.join("/").to_lowercase(),
    };
    match page.kind {
        Kind::Page => dir,
        Kind::Home => String::new(),
        _ => format!("{dir}/"),
    }
}

fn newest(site: &Site, ids: &[PageId]) -> Option<Date> {
    ids.iter().filter_map(|&i| site.pages[i].date).max()
}
