//! The book as GitHub Pages publishes it. `.github/workflows/pages.yml` builds the real book with
//! `output.html.site-url` set to the project's sub-path; here the same build is served under
//! that sub-path by a static server that answers as Pages does (a missing file is `404.html`
//! with status 404), then crawled from the root: every page, stylesheet, script, image and font
//! a page or stylesheet points at answers 200, every `#anchor` into a page is an `id` there, and
//! the 404 page, served at any depth, loads its assets and links from the sub-path.

use crate::http::{self, Response};
use crate::support;
use mdbook_driver::MDBook;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A project site's sub-path, as `actions/configure-pages` gives it for a repository named
/// `kubernetes-explained` (its `base_path` plus the `/` the workflow adds).
const SITE: &str = "/kubernetes-explained/";

/// The real book from the real `book.toml` (the preprocessor through `cargo run`), with the
/// site URL the workflow sets through `MDBOOK_OUTPUT__HTML__SITE_URL`.
fn published() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut md = MDBook::load(support::root()).unwrap();
        let out = support::scratch("pages");
        md.config.build.build_dir = out.clone();
        md.config.set("output.html.site-url", SITE).unwrap();
        md.build()
            .unwrap_or_else(|e| panic!("the book does not build for Pages: {e:#}"));
        if out.join("html").is_dir() {
            out.join("html")
        } else {
            out
        }
    })
}

fn fetch(addr: SocketAddr, path: &str) -> Response {
    http::get(addr, path).unwrap_or_else(|| panic!("no answer for {path}"))
}

/// What a crawl found: the status of every URL path asked for, the links that did not answer
/// 200 or whose `#anchor` is missing (as `page -> link: why`), and how many links were followed.
#[derive(Default)]
pub(crate) struct Crawl {
    pub(crate) status: BTreeMap<String, u16>,
    pub(crate) broken: Vec<String>,
    pub(crate) links: usize,
}

impl Crawl {
    /// Follows every link of the pages and stylesheets reachable from `start`, on the server.
    pub(crate) fn from(addr: SocketAddr, start: &str) -> Crawl {
        let origin = addr.to_string();
        let mut crawl = Crawl::default();
        let mut queue = VecDeque::from([(start.to_owned(), "(start)".to_owned())]);
        let mut anchors: Vec<(String, String, String)> = Vec::new();
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        while let Some((path, from)) = queue.pop_front() {
            if let Some(status) = crawl.status.get(&path) {
                if *status != 200 {
                    crawl.broken.push(format!("{from} -> {path}: {status}"));
                }
                continue;
            }
            let response = fetch(addr, &path);
            crawl.status.insert(path.clone(), response.status);
            if response.status != 200 {
                crawl
                    .broken
                    .push(format!("{from} -> {path}: {}", response.status));
                continue;
            }
            let targets = if response.content_type.starts_with("text/html") {
                let html = response.text();
                ids.insert(path.clone(), element_ids(&html));
                let base = http::base_href(&html)
                    .and_then(|b| http::resolve(&path, &b, &origin))
                    .map_or(path.clone(), |(b, _)| b);
                http::html_links(&html)
                    .into_iter()
                    .filter_map(|l| http::resolve(&base, &l, &origin))
                    .collect()
            } else if response.content_type.starts_with("text/css") {
                http::css_urls(&response.text())
                    .into_iter()
                    .filter(|u| !u.starts_with("data:"))
                    .filter_map(|u| http::resolve(&path, &u, &origin))
                    .collect()
            } else {
                Vec::new()
            };
            for (target, fragment) in targets {
                crawl.links += 1;
                if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                    anchors.push((path.clone(), target.clone(), fragment));
                }
                queue.push_back((target, path.clone()));
            }
        }
        for (from, target, fragment) in anchors {
            if let Some(ids) = ids.get(&target)
                && !ids.contains(mdbook_hugo::percent::decode(&fragment).as_ref())
            {
                crawl
                    .broken
                    .push(format!("{from} -> {target}#{fragment}: no such id"));
            }
        }
        crawl
    }
}

/// The `id`s of a page's elements.
fn element_ids(html: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for piece in html.split(" id=\"").skip(1) {
        if let Some(end) = piece.find('"') {
            ids.insert(piece[..end].to_owned());
        }
    }
    ids
}

#[test]
fn every_link_of_every_page_answers_under_the_sub_path() {
    let out = published();
    let addr = http::serve_static(out.to_owned(), SITE);
    let crawl = Crawl::from(addr, SITE);
    assert!(
        crawl.broken.is_empty(),
        "served under {SITE}, these links do not answer 200:\n{}",
        crawl.broken.join("\n")
    );
    // Every page of the build is reached from the root, so every page was checked.
    let mut pages = Vec::new();
    support::html_files(out, &mut pages);
    let unreached: Vec<String> = pages
        .iter()
        .map(|p| {
            let relative = p.strip_prefix(out).unwrap().to_string_lossy().into_owned();
            format!("{SITE}{}", relative.replace('\\', "/"))
        })
        .filter(|url| {
            // A folder's `index.html` is reached as the folder (`/kubernetes-explained/`) too.
            let folder = url.strip_suffix("index.html").unwrap_or(url);
            !url.ends_with("/404.html")
                && !crawl.status.contains_key(url)
                && !crawl.status.contains_key(folder)
        })
        .collect();
    assert!(unreached.is_empty(), "pages no link reaches: {unreached:?}");
    assert!(
        crawl.status.len() > 30 && crawl.links > 200,
        "too little was crawled: {} URLs, {} links",
        crawl.status.len(),
        crawl.links
    );
    for asset in [".css", ".js", ".woff2", ".svg"] {
        assert!(
            crawl.status.keys().any(|u| u.ends_with(asset)),
            "no {asset} was crawled"
        );
    }
}

#[test]
fn the_404_page_answers_at_any_depth_with_working_links() {
    let out = published();
    let addr = http::serve_static(out.to_owned(), SITE);
    let missing = format!("{SITE}nope/deep/page.html");
    let response = fetch(addr, &missing);
    assert_eq!(response.status, 404, "a missing page");
    assert_eq!(
        response.body,
        std::fs::read(out.join("404.html")).unwrap(),
        "the 404 answer is not 404.html"
    );
    let html = response.text();
    let origin = addr.to_string();
    // As a browser does: relative links against the page's `<base href>`, else its own URL.
    let base = http::base_href(&html)
        .and_then(|b| http::resolve(&missing, &b, &origin))
        .map_or(missing.clone(), |(b, _)| b);
    let mut checked = 0;
    let mut broken = Vec::new();
    for link in http::html_links(&html) {
        let Some((path, _)) = http::resolve(&base, &link, &origin) else {
            continue;
        };
        checked += 1;
        let status = fetch(addr, &path).status;
        if status != 200 {
            broken.push(format!("{link} -> {path}: {status}"));
        }
    }
    assert!(
        broken.is_empty(),
        "the 404 page's links and assets, asked for at {missing}:\n{}",
        broken.join("\n")
    );
    assert!(checked > 15, "only {checked} links on the 404 page");
    // What makes them work at any depth: mdBook writes the site URL as the page's base.
    assert_eq!(base, SITE, "404.html's <base href> is not the site URL");
    // The site root, with and without its slash, as Pages answers it.
    assert_eq!(fetch(addr, SITE).status, 200);
    assert_eq!(fetch(addr, SITE.trim_end_matches('/')).status, 301);
}
