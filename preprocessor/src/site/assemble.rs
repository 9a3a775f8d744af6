//! Putting a site together from its classified content tree, in hugo 0.111's steps: each
//! page file's front matter read into a [`Post`]; the list pages Hugo makes itself (home, a
//! top-level section without `_index.md`, each taxonomy); every page's parent and section
//! chain; what a normal build leaves out (a left-out section takes everything below it);
//! terms; titles and dates of list pages (a list page without a date takes its newest page's);
//! each list's pages in the default order; URLs.

use super::cascade::Cascade;
use super::hash::Map as HashMap;
use super::lists;
use super::permalink;
use super::tree::{self, Bundle, Input};
use super::{Config, ContentFile, File, Kind, Omitted, Page, PageId, Site, Taxonomy};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::{self, Found};
use crate::post::Post;
use crate::post::dates::{self, FileDates};
use std::sync::OnceLock;

pub(super) fn assemble(
    config: Config,
    content_root: &str,
    files: Vec<ContentFile>,
    now: &Date,
) -> (Site, Vec<Diagnostic>) {
    let inputs: Vec<Input> = files
        .iter()
        .enumerate()
        .map(|(index, f)| Input {
            index,
            path: f.path.clone(),
            html_document: (f.path.ends_with(".html") || f.path.ends_with(".htm"))
                && f.text.as_deref().is_some_and(html_document),
        })
        .collect();
    let mut tree = tree::classify(&inputs, &config, content_root);
    let times: Vec<(Option<Date>, Option<Date>)> =
        files.iter().map(|f| (f.modified, f.committed)).collect();
    let mut texts: Vec<Option<String>> = files.into_iter().map(|f| f.text).collect();
    let mut problems = Vec::new();
    for path in &tree.both_indexes {
        problems.push(
            Diagnostic::at(
                &source_of(&config, path),
                "",
                0,
                "a folder with both `index` and `_index` files",
            )
            .hint("hugo warns and reads `index` as a page of the section; pick one"),
        );
    }
    let plurals: Vec<String> = config.taxonomies.iter().map(|t| t.plural.clone()).collect();
    // A pattern Hugo refuses at start-up is left out, with a problem.
    let mut config = config;
    config
        .permalinks
        .retain(|(section, pattern)| match permalink::validate(pattern) {
            Ok(()) => true,
            Err(e) => {
                let why = match e {
                    permalink::PatternError::IllFormed => "has an empty segment (`//`)".to_owned(),
                    permalink::PatternError::Unknown(a) => {
                        format!("uses `:{a}`, which hugo 0.111 does not know")
                    }
                };
                problems.push(Diagnostic {
                    severity: Severity::Error,
                    file: "site configuration".into(),
                    line: 1,
                    column: 1,
                    message: format!("permalink `{pattern}` for `{section}` {why}"),
                    hint: Some("hugo refuses to build with it; fix the pattern".into()),
                });
                false
            }
        });
    let work: Vec<(tree::PageFile, String)> = std::mem::take(&mut tree.pages)
        .into_iter()
        .map(|pf| {
            let text = texts
                .get_mut(pf.input)
                .and_then(Option::take)
                .unwrap_or_default();
            (pf, text)
        })
        .collect();
    let read = parallel(work, |(pf, text)| {
        let mut found = Vec::new();
        let file_times = times.get(pf.input).copied().unwrap_or_default();
        let (page, cascade) = read_page(pf, text, file_times, &config, &plurals, &mut found);
        (page, cascade, found)
    });
    let mut pages = Vec::with_capacity(read.len());
    let mut cascades = Vec::with_capacity(read.len());
    for (page, c, found) in read {
        pages.push(page);
        cascades.push(c);
        problems.extend(found);
    }

    add_made_pages(&mut pages, &config);
    let by_dir = branch_dirs(&pages);
    let home = by_dir.get("").copied().unwrap_or(0);
    set_parents(&mut pages, &by_dir, home);
    super::cascade::apply_all(&mut pages, &cascades, &plurals, &config.default_language);
    omit(&mut pages, &config, now, home);
    let mut site = Site {
        config,
        pages,
        home,
        taxonomies: Vec::new(),
        skipped: tree.skipped,
        summaries: Vec::new(),
    };
    super::taxonomy::assign(&mut site);
    lists::dates(&mut site);
    lists::lists(&mut site);
    lists::urls(&mut site);
    lists::collisions(&site, &mut problems);
    site.summaries = site.pages.iter().map(|_| OnceLock::new()).collect();
    (site, problems)
}

/// `f` over `items` (consumed), spread over the machine's cores when there are enough.
fn parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 256 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut items = items.into_iter();
    loop {
        let c: Vec<T> = items.by_ref().take(chunk).collect();
        if c.is_empty() {
            break;
        }
        chunks.push(c);
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Hugo reads an `.html` file starting with `<` (not an HTML comment) as a plain file.
fn html_document(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('<') && !t.starts_with("<!--")
}

fn source_of(config: &Config, path: &str) -> String {
    format!("{}/{path}", config.content_dir)
}

/// A page file's page: its front matter read (its dates as the site's `[frontmatter]` says, from
/// it and from the file's modification and commit `times`), its kind from where it stands.
fn read_page(
    pf: tree::PageFile,
    text: String,
    times: (Option<Date>, Option<Date>),
    config: &Config,
    plurals: &[String],
    problems: &mut Vec<Diagnostic>,
) -> (Page, Option<Cascade>) {
    let source = source_of(config, &pf.path);
    let mut cascade = None;
    let mut post = Post::default();
    let mut block = None;
    let mut body_start = 0;
    let mut parsed = false;
    let mut front = None;
    let mut terms = vec![Vec::new(); plurals.len()];
    let problem = |p: front_matter::Problem| p.diagnostic(&source, &text);
    match front_matter::find(&text) {
        Found::None => {}
        Found::Unclosed { format, at } => {
            problems.push(problem(front_matter::unclosed(format, at)))
        }
        Found::Block(b) => {
            body_start = b.body_start;
            match front_matter::parse(&text, &b) {
                Ok(map) => {
                    let (p, t, found) = resolve(&map, &text, &b, plurals);
                    // Hugo builds a page whatever its values: a value it can't use is a warning.
                    problems.extend(
                        found
                            .into_iter()
                            .map(|p| problem(p).severity(Severity::Warning)),
                    );
                    (post, terms, parsed) = (p, t, true);
                    if pf.bundle == Bundle::Branch {
                        cascade = Cascade::of(&map);
                    }
                    front = Some(map);
                }
                Err(p) => problems.push(problem(p)),
            }
            block = Some(b);
        }
    }
    if let Some(sources) = &config.dates {
        // Without front matter, the file alone may still give dates.
        let map = front.unwrap_or_default();
        post.take_dates(dates::resolve(sources, &map, &file_dates(&pf, times)));
    }
    let parts: Vec<&str> = pf.dir.split('/').filter(|s| !s.is_empty()).collect();
    let is_plural = |s: &str| plurals.iter().any(|p| p.eq_ignore_ascii_case(s));
    let kind = match (pf.bundle, parts.as_slice()) {
        (Bundle::Branch, []) => Kind::Home,
        (Bundle::Branch, [p]) if is_plural(p) => Kind::Taxonomy,
        (Bundle::Branch, [p, _]) if is_plural(p) => Kind::Term,
        (Bundle::Branch, _) => Kind::Section,
        _ => Kind::Page,
    };
    let title = post.title.clone().unwrap_or_default();
    let page = Page {
        kind,
        bundle: pf.bundle,
        sections: if kind == Kind::Page {
            Vec::new()
        } else {
            parts.iter().map(|s| s.to_string()).collect()
        },
        parent: None,
        link_title: post.link_title.clone().unwrap_or_else(|| title.clone()),
        title,
        date: post.date,
        weight: post.weight,
        terms,
        omitted: None,
        url: None,
        pages: Vec::new(),
        term: None,
        file: Some(File {
            path: pf.path,
            source,
            front_matter: block,
            parsed,
            body_start,
            dir: pf.dir,
            base_name: pf.base_name,
            resources: pf.resources,
            text,
        }),
        post,
    };
    (page, cascade)
}

/// What the file of `pf` says of its dates: Hugo's `ContentBaseName` (a bundle's folder name) and
/// its `times`.
fn file_dates(pf: &tree::PageFile, times: (Option<Date>, Option<Date>)) -> FileDates<'_> {
    FileDates {
        name: tree::content_base_name(&pf.base_name, &pf.dir),
        modified: times.0,
        committed: times.1,
    }
}

/// The post and the terms of each taxonomy (in `plurals` order) a front-matter map gives.
pub(super) fn resolve(
    map: &serde_json::Map<String, serde_json::Value>,
    text: &str,
    block: &front_matter::Block,
    plurals: &[String],
) -> (Post, Vec<Vec<String>>, Vec<front_matter::Problem>) {
    let (post, mut problems) = Post::from_map(map, text, block);
    let terms = plurals
        .iter()
        .map(|plural| {
            let (t, found) = Post::terms(map, text, block, plural);
            problems.extend(found);
            t
        })
        .collect();
    (post, terms, problems)
}

/// A page Hugo makes itself, without a file.
pub(super) fn made(kind: Kind, sections: Vec<String>, title: String) -> Page {
    Page {
        kind,
        file: None,
        bundle: Bundle::Branch,
        sections,
        parent: None,
        post: Post::default(),
        link_title: title.clone(),
        title,
        date: None,
        weight: 0,
        terms: Vec::new(),
        omitted: None,
        url: None,
        pages: Vec::new(),
        term: None,
    }
}

/// The home page, top-level sections and taxonomy pages the content has no file for.
fn add_made_pages(pages: &mut Vec<Page>, config: &Config) {
    let has = |pages: &[Page], kind: Kind, first: Option<&str>| {
        pages.iter().any(|p| {
            p.kind == kind
                && match first {
                    None => true,
                    Some(f) => p.sections.len() == 1 && p.sections[0].eq_ignore_ascii_case(f),
                }
        })
    };
    if !has(pages, Kind::Home, None) {
        pages.push(made(Kind::Home, Vec::new(), config.title.clone()));
    }
    let mut roots: Vec<String> = Vec::new();
    for page in pages.iter() {
        let Some(file) = &page.file else { continue };
        let dir = if page.kind == Kind::Page {
            file.dir.rsplit_once('/').map_or("", |(d, _)| d)
        } else {
            file.dir.as_str()
        };
        if let Some(root) = dir.split('/').next().filter(|r| !r.is_empty())
            && !roots.iter().any(|r| r.eq_ignore_ascii_case(root))
        {
            roots.push(root.to_owned());
        }
    }
    for root in roots {
        let taxonomy = config
            .taxonomies
            .iter()
            .any(|t| t.plural.eq_ignore_ascii_case(&root));
        if !taxonomy && !has(pages, Kind::Section, Some(&root)) {
            let title = if config.pluralize_list_titles {
                super::plural::section_title(&root)
            } else {
                super::plural::first_upper(&root)
            };
            pages.push(made(Kind::Section, vec![root], title));
        }
    }
    for t in &config.taxonomies {
        if !has(pages, Kind::Taxonomy, Some(&t.plural)) {
            let title = title_case(&t.plural);
            pages.push(made(Kind::Taxonomy, vec![t.plural.clone()], title));
        }
    }
}

/// Hugo's default title case for a taxonomy page (AP style; every word capitalized here).
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(super::plural::first_upper)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Branch pages (home, sections, taxonomies) by their lowercased folder.
fn branch_dirs(pages: &[Page]) -> HashMap<String, PageId> {
    pages
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.kind, Kind::Home | Kind::Section | Kind::Taxonomy))
        .map(|(i, p)| (p.sections.join("/").to_lowercase(), i))
        .collect::<HashMap<String, PageId>>()
}

/// Each page's parent: the nearest section (or the home page) above its folder; a page's
/// section chain is its parent's.
fn set_parents(pages: &mut [Page], by_dir: &HashMap<String, PageId>, home: PageId) {
    for page in pages.iter_mut() {
        if page.kind == Kind::Home {
            continue;
        }
        let dir = match &page.file {
            Some(f) => f.dir.to_lowercase(),
            None => page.sections.join("/").to_lowercase(),
        };
        let mut parent = home;
        let mut at = dir.as_str();
        while let Some((up, _)) = at.rsplit_once('/') {
            if let Some(&p) = by_dir.get(up) {
                parent = p;
                break;
            }
            at = up;
        }
        page.parent = Some(parent);
    }
    for id in 0..pages.len() {
        if pages[id].kind == Kind::Page
            && let Some(parent) = pages[id].parent
        {
            pages[id].sections = pages[parent].sections.clone();
        }
    }
}

/// What a normal build leaves out, and everything below a left-out list page.
fn omit(pages: &mut [Page], config: &Config, now: &Date, home: PageId) {
    for page in pages.iter_mut() {
        page.omitted = own_omission(page, config, now);
    }
    let omitted_dirs: Vec<(String, PageId)> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.omitted.is_some() && p.kind != Kind::Page)
        .map(|(i, p)| (p.sections.join("/").to_lowercase(), i))
        .collect();
    if omitted_dirs.is_empty() {
        return;
    }
    for (id, page) in pages.iter_mut().enumerate() {
        if page.omitted.is_some() {
            continue;
        }
        let dir = match &page.file {
            Some(f) => f.dir.to_lowercase(),
            None => page.sections.join("/").to_lowercase(),
        };
        let above = omitted_dirs.iter().find(|(d, i)| {
            *i != id
                && (*i == home
                    || dir
                        .strip_prefix(d.as_str())
                        .is_some_and(|rest| rest.starts_with('/')))
        });
        if let Some(&(_, by)) = above {
            page.omitted = Some(Omitted::InOmitted(by));
        }
    }
}

fn own_omission(page: &Page, config: &Config, now: &Date) -> Option<Omitted> {
    if config.kind_disabled(page.kind.name()) {
        return Some(Omitted::DisabledKind);
    }
    let post = &page.post;
    if post.draft {
        return Some(Omitted::Draft);
    }
    if let Some(publish) = post.publish_date.filter(|d| d > now) {
        return Some(Omitted::Future(publish));
    }
    if let Some(expiry) = post.expiry_date.filter(|d| d < now) {
        return Some(Omitted::Expired(expiry));
    }
    let leaf_index = page.bundle == Bundle::Leaf;
    (leaf_index && post.headless).then_some(Omitted::Headless)
}

impl Taxonomy {
    pub(super) fn new(name: super::TaxonomyName, page: PageId) -> Taxonomy {
        Taxonomy {
            name,
            page,
            terms: Vec::new(),
        }
    }
}
