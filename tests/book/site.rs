//! A Hugo blog as a book, proven against the installed hugo. Each fixture site under
//! `tests/sites/` (blogs of our own, shaped like real Stack blogs: leaf bundles with covers,
//! pages, nested sections, drafts, future, expired and `_build` posts, a headless bundle, a
//! translation, tags, categories and a custom taxonomy with term pages, static images, links of
//! every kind Hugo writers use) is copied, built by hugo (what it publishes, `hugo list all`),
//! then given the book's files exactly as a writer adds them (`book.toml` with
//! `chapters = "site"`, `book/SUMMARY.md` of one line) and built as a book. Then: every page
//! hugo publishes is a chapter (but Stack's search page) and no other; every list in Hugo's
//! order; every term chapter lists exactly hugo's posts for it; every link and image of every
//! page answers, served under a sub-path; and hugo lists the same pages with the book's files
//! in the site.

mod hugo;

use crate::http;
use crate::pages::Crawl;
use crate::support;
use hugo::Published;
use mdbook_driver::MDBook;
use mdbook_preprocessor::book::{Book, BookItem};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixture sites, each under `tests/sites/<name>`.
const SITES: [&str; 2] = ["stack", "toml"];

/// Where a crawl serves a book: a sub-path, as a blog's book is often published.
const SUB_PATH: &str = "/book/";

/// Sites to try besides the fixtures, as `MDBOOK_HUGO_SITES=/a/blog:/another` (a checkout of a real
/// blog, say): copied and checked like the fixtures, but for the checks that a fixture holds
/// enough to prove something.
const TRY: &str = "MDBOOK_HUGO_SITES";

/// One site, built by hugo and as a book.
struct Built {
    name: String,
    /// One of our fixtures (not a site given in [`TRY`]).
    ours: bool,
    /// The site's copy, with the book's files added.
    site: PathBuf,
    /// What hugo published before the book's files were added.
    hugo: Published,
    /// `hugo list all` before and after.
    listed: (String, String),
    /// What hugo published after.
    after: Published,
    /// The book as the preprocessor made it, and what it said on stderr.
    book: Book,
    stderr: String,
    /// The HTML build.
    out: PathBuf,
}

fn built() -> &'static [Built] {
    static BUILT: OnceLock<Vec<Built>> = OnceLock::new();
    BUILT.get_or_init(|| {
        support::require("hugo", "the site tests");
        let fixtures = SITES
            .iter()
            .map(|name| (support::root().join("tests/sites").join(name), true));
        let tried = std::env::var_os(TRY).into_iter().flat_map(|v| {
            std::env::split_paths(&v)
                .map(|p| (p, false))
                .collect::<Vec<_>>()
        });
        fixtures
            .chain(tried)
            .map(|(dir, ours)| build(&dir, ours))
            .collect()
    })
}

/// A copy of the fixture site `name` in a scratch folder.
pub(crate) fn copy(name: &str) -> PathBuf {
    copy_dir(&support::root().join("tests/sites").join(name))
}

/// A copy of the site at `dir` in a scratch folder.
fn copy_dir(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy());
    let site = support::scratch(&format!("site-{name}"));
    hugo::copy_dir(dir, &site);
    site
}

/// Adds the book's files to the site at `site`, as a writer adds them at its root.
pub(crate) fn add_book(site: &Path) {
    std::fs::write(site.join("book.toml"), book_toml()).unwrap();
    std::fs::create_dir_all(site.join("book")).unwrap();
    std::fs::write(site.join("book/SUMMARY.md"), "# Summary\n").unwrap();
}

fn build(dir: &Path, ours: bool) -> Built {
    let name = dir
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    let site = copy_dir(dir);
    let layouts = hugo::layouts(&site);
    let listed_before = hugo::hugo(&site, &layouts, &["list", "all"]);
    let published = hugo::publish(&site, &layouts);

    add_book(&site);
    let run = support::preprocess(&site, "html", false);
    assert!(
        run.success,
        "{name}: the preprocessor failed:\n{}",
        run.stderr
    );
    let book = run.book.expect("the preprocessor printed a book");
    let md = MDBook::load(&site).unwrap_or_else(|e| panic!("{name}: book.toml: {e:#}"));
    md.build()
        .unwrap_or_else(|e| panic!("{name}: mdbook build failed: {e:#}"));
    let out = site.join("public-book");
    assert!(out.join("index.html").is_file(), "{name}: no index.html");

    let listed_after = hugo::hugo(&site, &layouts, &["list", "all"]);
    let after = hugo::publish(&site, &layouts);
    Built {
        name,
        ours,
        site,
        hugo: published,
        listed: (listed_before, listed_after),
        after,
        book,
        stderr: run.stderr,
        out,
    }
}

/// The writer's `book.toml`, the preprocessor's command pointed at the binary under test.
fn book_toml() -> String {
    format!(
        r#"[book]
title = "My blog"
src = "book"

[build]
build-dir = "public-book"
create-missing = false
extra-watch-dirs = ["content", "static", "layouts"]

[preprocessor.hugo]
command = {:?}
chapters = "site"

[output.html]
additional-css = ["book/mdbook-hugo/hugo.css", "book/mdbook-hugo/shortcodes.css"]
additional-js = ["book/mdbook-hugo/shortcodes.js"]
"#,
        support::binary().display().to_string()
    )
}

/// The chapter a URL of the blog is in the book: `/p/x/` is `p/x/index.md`, escapes decoded
/// (`/tags/caf%C3%A9/` is `tags/café/index.md`).
fn chapter_of(url: &str) -> String {
    let decoded = mdbook_hugo::percent::decode(url);
    let path = decoded.trim_matches('/');
    if path.is_empty() {
        "index.md".into()
    } else {
        format!("{path}/index.md")
    }
}

/// The `n`th (from 0) chapter of pages that share `url` (two posts with one slug): Hugo writes
/// one file for all, the book a chapter each, the later ones `index-2.md`, `index-3.md`...
fn nth_chapter_of(url: &str, n: usize) -> String {
    let first = chapter_of(url);
    match n {
        0 => first,
        n => format!(
            "{}-{}.md",
            first.strip_suffix(".md").unwrap_or(&first),
            n + 1
        ),
    }
}

fn html_of(chapter: &str) -> String {
    format!("{}.html", chapter.strip_suffix(".md").unwrap_or(chapter))
}

/// Stack's search page: the book has mdBook's search instead.
fn is_search(page: &hugo::Page) -> bool {
    page.layout.eq_ignore_ascii_case("search")
}

impl Built {
    /// The book's chapters with a file, depth first, in book order.
    fn chapters(&self) -> Vec<String> {
        fn walk(items: &[BookItem], out: &mut Vec<String>) {
            for item in items {
                if let BookItem::Chapter(ch) = item {
                    if let Some(p) = &ch.path {
                        out.push(p.to_string_lossy().replace('\\', "/"));
                    }
                    walk(&ch.sub_items, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.book.items, &mut out);
        out
    }

    /// The pages the book should have: every page hugo wrote, but the search page, and as
    /// many chapters for a URL as a list of Hugo's has pages with it.
    fn expected(&self) -> BTreeMap<String, &hugo::Page> {
        let mut out = BTreeMap::new();
        for p in self.hugo.pages.values().filter(|p| !is_search(p)) {
            let shared = self
                .hugo
                .pages
                .values()
                .map(|l| l.pages.iter().filter(|u| **u == p.url).count())
                .max()
                .unwrap_or(0);
            for n in 0..shared.max(1) {
                out.insert(nth_chapter_of(&p.url, n), p);
            }
        }
        out
    }

    /// Hugo's `.Pages` of `page` as the book's chapters, pages it has no chapter for left out.
    fn listed(&self, page: &hugo::Page) -> Vec<String> {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        page.pages
            .iter()
            .filter(|u| !u.is_empty())
            .filter(|u| !self.hugo.pages.get(*u).is_some_and(is_search))
            .map(|u| {
                let n = seen.entry(u).or_default();
                *n += 1;
                nth_chapter_of(u, *n - 1)
            })
            .collect()
    }

    fn html(&self, chapter: &str) -> String {
        support::page(&self.out, &html_of(chapter))
    }
}

/// The chapters a generated list in `chapter`'s HTML links to, in order: the targets of the
/// links that open with `opening` (`<strong><a href="`), resolved against the chapter.
fn list_links(html: &str, chapter: &str, opening: &str) -> Vec<String> {
    let main = html
        .split_once("<main>")
        .map_or(html, |(_, m)| m.split("</main>").next().unwrap_or(m));
    main.split(opening)
        .skip(1)
        .filter_map(|piece| piece.split('"').next())
        .map(|href| {
            let resolved = http::resolve(&format!("/{chapter}"), href, "127.0.0.1:1")
                .map(|(p, _)| p)
                .unwrap_or_else(|| href.to_owned());
            let path = resolved.trim_start_matches('/');
            format!("{}.md", path.strip_suffix(".html").unwrap_or(path))
        })
        .collect()
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn the_book_builds_strictly_with_nothing_to_say() {
    // What a fixture is there to make the book say: hugo writes one of its twins over the
    // other.
    let expected = [(
        "toml",
        "content/posts/twin-two.md:1:1: warning: /2022/05/twin/ is also the URL of content/posts/twin-one.md",
    )];
    for b in built() {
        let said: Vec<&str> = b
            .stderr
            .lines()
            .filter(|l| {
                let l = l.to_ascii_lowercase();
                l.contains("warning") || l.contains("error")
            })
            .filter(|l| {
                !expected
                    .iter()
                    .any(|(site, e)| b.name == *site && l.starts_with(e))
            })
            .collect();
        assert!(
            said.is_empty(),
            "{}: the preprocessor reported problems:\n{}",
            b.name,
            said.join("\n")
        );
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn every_page_hugo_publishes_is_a_chapter_and_no_other_is() {
    for b in built() {
        let expected = b.expected();
        let chapters: BTreeSet<String> = b.chapters().into_iter().collect();
        let missing: Vec<String> = expected
            .iter()
            .filter(|(c, _)| !chapters.contains(*c))
            .map(|(c, p)| format!("{c} ({} {})", p.kind, p.id))
            .collect();
        let extra: Vec<&String> = chapters
            .iter()
            .filter(|c| !expected.contains_key(*c))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: pages hugo publishes that are no chapter: {missing:#?}\nchapters hugo has no \
             page for: {extra:#?}",
            b.name
        );
        for c in &chapters {
            assert!(
                b.out.join(html_of(c)).is_file(),
                "{}: {c} was not built",
                b.name
            );
        }
        assert!(
            !b.ours || expected.values().any(|p| p.kind == "term") && expected.len() > 10,
            "{}: the fixture publishes too little to prove anything",
            b.name
        );
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn the_sidebar_and_every_list_page_keep_hugos_order() {
    for b in built() {
        let order = b.chapters();
        let at = |c: &str| order.iter().position(|o| o == c);
        for page in b.hugo.pages.values() {
            if !matches!(page.kind.as_str(), "home" | "section") {
                continue;
            }
            let listed = b.listed(page);
            // The home page's pages open the book and its sections are parts after them, as
            // mdBook's parts allow: each kind keeps Hugo's order.
            let groups: Vec<Vec<String>> = if page.kind == "home" {
                let (sections, pages): (Vec<String>, Vec<String>) =
                    listed.iter().cloned().partition(|c| {
                        b.hugo
                            .pages
                            .values()
                            .any(|p| p.kind == "section" && chapter_of(&p.url) == *c)
                    });
                vec![pages, sections]
            } else {
                vec![listed.clone()]
            };
            for group in groups {
                let positions: Vec<Option<usize>> = group.iter().map(|c| at(c)).collect();
                assert!(
                    positions.windows(2).all(|w| w[0] < w[1])
                        && positions.iter().all(Option::is_some),
                    "{}: {}'s pages are not in the sidebar in hugo's order {group:?}:\n{order:#?}",
                    b.name,
                    page.url
                );
            }
            if page.kind == "section" {
                let chapter = chapter_of(&page.url);
                let shown = list_links(&b.html(&chapter), &chapter, "<strong><a href=\"");
                assert_eq!(
                    shown, listed,
                    "{}: the list page {chapter} does not list hugo's .Pages in order",
                    b.name
                );
            }
        }
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn the_archives_page_lists_the_posts_stacks_archives_page_shows() {
    let mut checked = 0;
    for b in built() {
        for (url, posts) in &b.hugo.archives {
            checked += 1;
            let chapter = chapter_of(url);
            let shown = list_links(&b.html(&chapter), &chapter, "<strong><a href=\"");
            // A post with no page of its own (`_build: {render: never}`) has nothing to link.
            let want: Vec<String> = posts
                .iter()
                .filter(|u| !u.is_empty())
                .map(|u| chapter_of(u))
                .collect();
            assert_eq!(
                shown, want,
                "{}: {chapter} does not list the posts Stack's archives page shows",
                b.name
            );
        }
    }
    assert!(checked > 0, "no fixture has an archives page");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn every_term_chapter_lists_what_hugo_lists_for_the_term() {
    for b in built() {
        let mut terms = 0;
        for page in b.hugo.pages.values() {
            let chapter = chapter_of(&page.url);
            let opening = match page.kind.as_str() {
                "term" => "<strong><a href=\"",
                "taxonomy" => "<li><a href=\"",
                _ => continue,
            };
            terms += 1;
            let shown = list_links(&b.html(&chapter), &chapter, opening);
            assert_eq!(
                shown,
                b.listed(page),
                "{}: {chapter} does not list what hugo lists at {}",
                b.name,
                page.url
            );
        }
        assert!(
            !b.ours || terms > 3,
            "{}: only {terms} taxonomy pages",
            b.name
        );
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn every_link_and_image_of_every_page_answers_under_a_sub_path() {
    for b in built() {
        let addr = http::serve_static(b.out.clone(), SUB_PATH);
        let crawl = Crawl::from(addr, SUB_PATH);
        assert!(
            crawl.broken.is_empty(),
            "{}: served under {SUB_PATH}, these links do not answer:\n{}",
            b.name,
            crawl.broken.join("\n")
        );
        for chapter in b.chapters() {
            let url = format!("{SUB_PATH}{}", html_of(&chapter));
            let folder = url.strip_suffix("index.html").unwrap_or(&url).to_owned();
            assert!(
                crawl.status.contains_key(&url) || crawl.status.contains_key(&folder),
                "{}: no link reaches {chapter}",
                b.name
            );
        }
        // A link left on the blog's address would leave the book: none may.
        let base = &b.hugo.base_url;
        assert!(
            !b.ours || base.starts_with("https://"),
            "{}: baseURL {base:?}",
            b.name
        );
        let mut pages = Vec::new();
        support::html_files(&b.out, &mut pages);
        for p in pages.iter().filter(|_| base.starts_with("http")) {
            let html = std::fs::read_to_string(p).unwrap();
            for link in http::html_links(&html) {
                assert!(
                    !link.starts_with(base.as_str()),
                    "{}: {} links to the blog: {link}",
                    b.name,
                    p.display()
                );
            }
        }
        let images = crawl
            .status
            .keys()
            .filter(|u| u.ends_with(".jpg") || u.ends_with(".png"))
            .count();
        assert!(
            !b.ours || images >= 4,
            "{}: only {images} images crawled",
            b.name
        );
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn hugo_publishes_the_same_with_the_books_files_in_the_site() {
    for b in built() {
        assert_eq!(
            b.listed.0, b.listed.1,
            "{}: `hugo list all` changed with the book's files",
            b.name
        );
        let before: Vec<&String> = b.hugo.pages.keys().collect();
        let after: Vec<&String> = b.after.pages.keys().collect();
        assert_eq!(before, after, "{}: hugo publishes other pages", b.name);
        assert!(b.site.join("book/SUMMARY.md").is_file());
    }
}

/// What hugo 0.111 makes of this site (checked with `hugo`): the section's `cascade` gives
/// post A its category and description, and builds post B, whose date and weight it cannot
/// read, without a word.
const CASCADE_SITE: [(&str, &str); 5] = [
    (
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Cascade\"\n[permalinks]\npost = \"/p/:slug/\"\n",
    ),
    ("book/SUMMARY.md", "# Summary\n"),
    (
        "content/post/_index.md",
        "---\ntitle: Posts\ncascade:\n  categories: [from-the-section]\n  description: Said by the section.\n---\n",
    ),
    (
        "content/post/a/index.md",
        "---\ntitle: Post A\nslug: a\ndate: 2025-01-01\ntags: [own-tag]\n---\nHello.\n",
    ),
    (
        "content/post/b/index.md",
        "---\ntitle: Post B\nslug: b\ndate: not-a-date\nweight: heavy\n---\nBody.\n",
    ),
];

/// The content of the book's chapter at `path`.
fn chapter_content(book: &Book, path: &str) -> String {
    book.iter()
        .find_map(|i| match i {
            BookItem::Chapter(ch) if ch.path.as_deref() == Some(Path::new(path)) => {
                Some(ch.content.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no chapter {path}"))
}

#[test]
fn a_sections_cascade_is_in_its_pages_headers_and_a_value_hugo_ignores_is_one_warning() {
    let mut files = CASCADE_SITE.to_vec();
    let toml = book_toml();
    files.push(("book.toml", &toml));
    let run = support::Fixture::new("site-cascade", &files).preprocess("html", false);
    assert!(
        run.success,
        "hugo builds this site: the book must too\n{}",
        run.stderr
    );
    let book = run.book.expect("the preprocessor printed a book");
    let content = |path: &str| chapter_content(&book, path);
    let a = content("p/a/index.md");
    let header = &a[..a.find("Hello.").expect("the body is kept")];
    for (what, expected) in [
        ("the cascaded category's chip", "from-the-section</a>"),
        ("the page's own tag's chip", "own-tag</a>"),
        ("the cascaded description", "Said by the section."),
    ] {
        assert!(
            header.contains(expected),
            "post A's header lacks {what}:\n{header}"
        );
    }
    assert!(content("p/b/index.md").contains("Body."));
    for said in [
        "is not a date Hugo reads",
        "`weight` must be a whole number",
    ] {
        let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(said)).collect();
        assert_eq!(lines.len(), 1, "said once: {said}\n{}", run.stderr);
        assert!(
            lines[0].starts_with("content/post/b/index.md:") && lines[0].contains(": warning: "),
            "a warning at its place in the file: {}",
            lines[0]
        );
    }
}

#[test]
fn front_matter_hugo_refuses_is_one_error_and_the_page_is_kept() {
    // hugo 0.111: `EOF looking for end YAML front matter delimiter`, and no site.
    let mut files = CASCADE_SITE.to_vec();
    files.retain(|(path, _)| !path.starts_with("content/post/b/"));
    files.push((
        "content/post/b/index.md",
        "---\ntitle: Post B\nslug: b\n\nThe body is kept.\n",
    ));
    // Another page's warning, so that the same problem said twice would not be said twice in
    // a row.
    files.push((
        "content/post/c/index.md",
        "---\ntitle: Post C\nslug: c\ndate: not-a-date\n---\nC.\n",
    ));
    let toml = book_toml();
    files.push(("book.toml", &toml));
    let run = support::Fixture::new("site-unclosed", &files).preprocess("html", false);
    assert!(!run.success, "hugo refuses this site: so does the book");
    let said: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("never closed"))
        .collect();
    assert_eq!(
        said,
        [
            "content/post/b/index.md:1:1: error: front matter opened here is never closed: no closing `---` (end the front matter with a line holding only `---`)"
        ],
        "{}",
        run.stderr
    );
    let book = run
        .book
        .expect("the whole book is written even when there are problems");
    assert!(
        book.iter().any(
            |i| matches!(i, BookItem::Chapter(ch) if ch.content.contains("The body is kept."))
        ),
        "the page is a chapter still"
    );
}

/// What hugo 0.111 makes of `enableEmoji` (checked with `hugo`): the body's names, code and
/// link destinations included, are emoji; the front matter's are not; an unknown name stays.
#[test]
fn enable_emoji_makes_the_bodys_names_emoji_as_hugo_does() {
    let toml = book_toml();
    let files = [
        (
            "hugo.toml",
            "baseURL = \"https://example.org/\"\ntitle = \"Emoji\"\nenableEmoji = true\n[permalinks]\npost = \"/p/:slug/\"\n",
        ),
        ("book/SUMMARY.md", "# Summary\n"),
        (
            "content/post/e.md",
            "---\ntitle: \"Hello :wave:\"\nslug: e\ntags: [emoji]\n---\nHi :smile: and :flag-pl:, `code :rocket:`, :not_an_emoji: and a:tada:b.\n",
        ),
        ("book.toml", &toml),
    ];
    let run = support::Fixture::new("site-emoji", &files).preprocess("markdown", false);
    assert!(run.success, "{}", run.stderr);
    let book = run.book.expect("the preprocessor printed a book");
    let chapter = |path: &str| chapter_content(&book, path);
    let post = chapter("p/e/index.md");
    assert!(
        post.contains("Hi 😄 and 🇵🇱, `code 🚀`, :not_an_emoji: and a🎉b."),
        "{post}"
    );
    assert!(
        post.contains("Hello :wave:"),
        "the title is as written: {post}"
    );
    // The term page lists the post with its summary, emoji too.
    assert!(chapter("tags/emoji/index.md").contains("Hi 😄"));
}
