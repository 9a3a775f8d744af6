//! The fixture site built by the installed hugo and by mdBook with the preprocessor: every case
//! (a call between `case:NAME` and `/case` comments) must tokenize the same on both sides. A case
//! the book renders otherwise on purpose says why in [`EXPECTED`] and is compared by its visible
//! text; the markup must then still differ, so a reason that no longer holds is caught.

use super::html::{self, Tok};
use crate::support;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// How a case compares with Hugo's.
#[derive(Clone, Copy)]
enum Compare {
    /// Tags, attributes and text alike (the embed placeholder out, links in one form).
    Same,
    /// Only the visible text, for the reason given.
    Text(&'static str),
}

use Compare::{Same, Text};

/// Every case of the fixture's posts, by post.
const EXPECTED: &[(&str, &[(&str, Compare)])] = &[
    (
        "calls",
        &[
            ("notice-positional", Same),
            ("notice-default", Same),
            ("notice-self-closed", Same),
            ("notice-links", Same),
            ("notice-ref", Same),
            ("notice-markdown-delimiters", Same),
            ("admonition-named", Same),
            ("admonition-positional", Same),
            ("admonition-closed", Same),
            ("admonition-nested", Same),
            ("alert-markdown", Same),
            ("callout", Same),
            ("box-paragraph", Same),
            (
                "box-blocks",
                Text(
                    "Hugo's markdownify takes the last </p> alone from a list then a \
                     paragraph and leaves <p> open, which browsers close; the book keeps the \
                     </p>, or mdBook's renderer would drop the box's </div>",
                ),
            ),
            ("postlink-inline", Same),
            ("mdlink", Same),
            ("steps", Same),
            (
                "in-list",
                Text(
                    "a {{% %}} call's output goes in with its lines after the first unindented, \
                     which ends the list item in both; mdBook's renderer then balances the tags \
                     Hugo leaves open (the notice's <div> closes inside the item)",
                ),
            ),
            ("escaped", Same),
            ("inline-in-paragraph", Same),
            (
                "markdown-inline-in-paragraph",
                Text(
                    "a {{% %}} call's HTML inside a paragraph leaves the tags unbalanced in both; \
                     mdBook's renderer balances them otherwise",
                ),
            ),
            ("in-blockquote", Same),
            (
                "heading-in-inner",
                Text(
                    "Hugo's markdownify takes the last </p> alone after a heading and leaves <p> \
                     open; the book keeps it closed (see box-blocks)",
                ),
            ),
            ("table-in-inner", Same),
            (
                "code-in-inner",
                Text(
                    "Hugo's markdownify highlights code with Chroma's spans; the book's is a \
                     <pre><code class=language-sh>, which mdBook highlights in the browser",
                ),
            ),
            ("typography-in-inner", Same),
            ("pageinfo", Same),
            ("inner-deindent", Same),
            ("markdown-no-inner-in-list", Same),
            (
                "in-fenced-code",
                Text(
                    "Hugo puts a call's HTML inside the code's <pre>, where it renders; markdown \
                     shows code as written, so the book puts what a browser shows of it there",
                ),
            ),
        ],
    ),
    (
        "builtins",
        &[
            ("youtube", Same),
            ("youtube-named", Same),
            ("vimeo", Same),
            ("figure", Same),
            ("figure-link", Same),
            (
                "highlight",
                Text(
                    "Hugo highlights with Chroma's spans; the book writes a fenced code block, \
                     which mdBook highlights in the browser",
                ),
            ),
            ("param", Same),
            ("param-in-code", Same),
            ("gist", Same),
        ],
    ),
];

/// Hugo's link as the book's form: its own site's base URL taken off.
fn hugo_link(href: &str) -> String {
    href.strip_prefix("https://example.org")
        .unwrap_or(href)
        .to_owned()
}

/// The book's link from the page `post/<page>/index.html`, as Hugo's permalink: a relative link
/// to `post/<slug>/index.html#x` is `/p/<slug>/#x`.
fn book_link(page: &str, href: &str) -> String {
    if href.contains(':') || href.starts_with('/') || href.starts_with('#') {
        return href.to_owned();
    }
    let (path, anchor) = href.split_at(href.find('#').unwrap_or(href.len()));
    let mut parts = vec!["post", page];
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match joined
        .strip_prefix("post/")
        .and_then(|rest| rest.strip_suffix("/index.html"))
    {
        Some(slug) => format!("/p/{slug}/{anchor}"),
        None => format!("/{joined}{anchor}"),
    }
}

/// Builds `site` with hugo; each post's page by slug.
fn hugo_pages(site: &Path) -> BTreeMap<String, String> {
    let out = Command::new("hugo")
        .args(["--quiet", "--source"])
        .arg(site)
        .output()
        .expect("hugo runs");
    assert!(
        out.status.success(),
        "hugo failed on {}:\n{}",
        site.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    EXPECTED
        .iter()
        .map(|(post, _)| {
            let page = site.join(format!("public/p/{post}/index.html"));
            ((*post).to_owned(), std::fs::read_to_string(&page).unwrap())
        })
        .collect()
}

/// Builds `site` as a book; each post's page by slug.
fn book_pages(site: &Path) -> BTreeMap<String, String> {
    let binary = support::binary().display().to_string();
    let out = support::build_at(site, false, Some(&binary))
        .unwrap_or_else(|e| panic!("the fixture book does not build: {e}"));
    EXPECTED
        .iter()
        .map(|(post, _)| {
            let page = support::page(&out, &format!("post/{post}/index.html"));
            ((*post).to_owned(), page)
        })
        .collect()
}

fn show(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Tok::Start(name, attrs) => {
                let attrs: String = attrs.iter().map(|(k, v)| format!(" {k}={v:?}")).collect();
                format!("<{name}{attrs}>")
            }
            Tok::End(name) => format!("</{name}>"),
            Tok::Text(t) => t.clone(),
        })
        .collect::<Vec<_>>()
        .join("")
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn site_templates_and_builtins_render_as_hugo_renders_them() {
    support::require("hugo", "the reference for what a shortcode renders");
    let site = super::site_copy("shortcodes-hugo");
    let theirs = hugo_pages(&site);
    let ours = book_pages(&site);
    let mut failures = Vec::new();
    for (post, expected) in EXPECTED {
        let hugo_cases = html::cases(&theirs[*post]);
        let book_cases = html::cases(&ours[*post]);
        let listed: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
        let found: Vec<&str> = hugo_cases.keys().map(String::as_str).collect();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, found, "{post}: the cases listed are not the post's");
        for (name, compare) in *expected {
            let Some(book) = book_cases.get(*name) else {
                failures.push(format!("{post}/{name}: not in the book's page"));
                continue;
            };
            let hugo = &hugo_cases[*name];
            let a = html::tokens(hugo, &hugo_link);
            let b = html::tokens(book, &|href| book_link(post, href));
            match compare {
                Same if a != b => failures.push(format!(
                    "{post}/{name}: differs\n  hugo: {}\n  book: {}",
                    show(&a),
                    show(&b)
                )),
                Text(why) if html::text(hugo) != html::text(book) => failures.push(format!(
                    "{post}/{name}: the text differs ({why})\n  hugo: {}\n  book: {}",
                    html::text(hugo),
                    html::text(book)
                )),
                Text(why) if a == b => failures.push(format!(
                    "{post}/{name}: now the same as Hugo's, which the reason says it is not \
                     ({why}): mark it Same"
                )),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn book_links_read_as_permalinks() {
    assert_eq!(book_link("calls", "../other/index.html"), "/p/other/");
    assert_eq!(
        book_link("calls", "../other/index.html#a-section"),
        "/p/other/#a-section"
    );
    assert_eq!(book_link("calls", "#here"), "#here");
    assert_eq!(
        book_link("calls", "https://example.com/"),
        "https://example.com/"
    );
    assert_eq!(book_link("calls", "../../img/x.png"), "/img/x.png");
    assert_eq!(hugo_link("https://example.org/p/other/"), "/p/other/");
}
