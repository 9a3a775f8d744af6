use super::*;
use crate::config::Settings;
use crate::diagnostic::Severity;
use crate::index::{Entry, Index};
use crate::read::Read;
use crate::shortcodes::registry::Shortcodes;
use std::path::Path;

fn entry(path: &str, slug: &str, anchors: &[&str]) -> Entry {
    Entry {
        path: path.into(),
        source: path.into(),
        file: format!("book/{path}"),
        link: crate::index::link_path(Path::new(path), true),
        slug: Some(slug.into()),
        anchors: anchors.iter().map(|a| a.to_string()).collect(),
        ..Entry::default()
    }
}

fn book() -> Index {
    let mut draft = entry("post/draft/index.md", "draft", &[]);
    draft.omitted = true;
    let mut old = entry("post/node/index.md", "kubernetes-node", &["the-kubelet"]);
    old.paths = vec!["/old/node".into()];
    Index::new(vec![
        entry(
            "post/arch/index.md",
            "kubernetes-architecture",
            &["control-plane"],
        ),
        entry("post/intro/index.md", "kubernetes-intro", &[]),
        old,
        draft,
        entry("README.md", "home", &[]),
    ])
    .0
}

/// Resolves every link of `markdown`, written in post/arch/index.md.
fn resolve_all(settings: &Settings, markdown: &str) -> Vec<Outcome> {
    let index = book();
    let unlisted = Unlisted::new();
    let resolver = Resolver::new(&index, settings, &unlisted);
    Read::new(
        "book/post/arch/index.md".into(),
        markdown,
        &Shortcodes::builtin(),
    )
    .scan
    .sites
    .iter()
    .map(|s| resolver.resolve(&index.entries[0], s))
    .collect()
}

fn rewrite(url: &str) -> Outcome {
    Outcome::Rewrite(url.into())
}

#[test]
fn permalinks_in_every_shape() {
    let md = "[a](/p/kubernetes-intro) [b](/p/kubernetes-intro/) [c](/p/kubernetes-node/#the-kubelet) \
              [d](/p/kubernetes-intro/?x=1#top) [e](/p/kubernetes-architecture/#control-plane) [f](/old/node) \
              [g](/p/home/)";
    let s = Settings::for_build();
    let mut got = resolve_all(&s, md);
    assert_eq!(
        got.remove(3),
        warning(
            "no heading `#top` in book/post/intro/index.md (linked as `/p/kubernetes-intro/?x=1#top`)",
            "link to one of the headings of book/post/intro/index.md"
        )
    );
    assert_eq!(
        got,
        [
            rewrite("../intro/index.md"),
            rewrite("../intro/index.md"),
            rewrite("../node/index.md#the-kubelet"),
            rewrite("index.md#control-plane"),
            rewrite("../node/index.md"),
            rewrite("../../index.md"),
        ]
    );
}

#[test]
fn queries_survive_through_the_html_page() {
    let md = "[a](/p/kubernetes-intro/?tab=2) <a href=\"/p/kubernetes-intro/?x=1\">b</a>";
    assert_eq!(
        resolve_all(&Settings::for_build(), md),
        [
            rewrite("../intro/index.html?tab=2"),
            rewrite("../intro/index.html?x=1")
        ]
    );
    let markdown = Settings {
        html: false,
        ..Settings::for_build()
    };
    assert_eq!(
        resolve_all(&markdown, "[a](/p/kubernetes-intro/?tab=2)"),
        [rewrite("../intro/index.md?tab=2")]
    );
}

#[test]
fn base_url_and_autolinks() {
    let s = Settings {
        base_url: Some("https://blog.example.org".into()),
        ..Settings::for_build()
    };
    let md = "[a](https://blog.example.org/p/kubernetes-intro/) <https://blog.example.org/p/kubernetes-intro/> [c](https://other.org/p/kubernetes-intro/)";
    assert_eq!(
        resolve_all(&s, md),
        [
            rewrite("../intro/index.md"),
            rewrite(r"[https\:\/\/blog\.example\.org\/p\/kubernetes\-intro\/](../intro/index.md)"),
            Outcome::Leave
        ]
    );
}

#[test]
fn other_links_are_left_alone() {
    let md = "[a](https://kubernetes.io/p/x/) [b](../intro/index.md) [c](/images/x.png) [d](#top) [e](//cdn.example/p/x/) [f](/p/a/b/)";
    assert!(
        resolve_all(&Settings::for_build(), md)
            .iter()
            .all(|o| *o == Outcome::Leave)
    );
}

fn warning(message: &str, hint: &str) -> Outcome {
    Outcome::Problem(Unresolved {
        severity: Severity::Warning,
        message: message.into(),
        hint: Some(hint.into()),
    })
}

fn error(message: &str, hint: &str) -> Outcome {
    Outcome::Problem(Unresolved {
        severity: Severity::Error,
        message: message.into(),
        hint: Some(hint.into()),
    })
}

#[test]
fn problems_say_why_and_suggest() {
    let md = "[a](/p/kubernetes-intr/) [b](/p/draft/) [c](/p/kubernetes-node/#the-kubelt)";
    let got = resolve_all(&Settings::for_build(), md);
    assert_eq!(
        got[0],
        warning(
            "unknown post `kubernetes-intr` in link /p/kubernetes-intr/",
            "did you mean `kubernetes-intro`?"
        )
    );
    assert!(
        matches!(&got[1], Outcome::Problem(p) if p.message.contains("a draft left out of this build") && p.severity == Severity::Warning),
        "{:?}",
        got[1]
    );
    assert!(
        matches!(&got[2], Outcome::Problem(p) if p.hint.as_deref() == Some("did you mean `#the-kubelet`?")),
        "{:?}",
        got[2]
    );
}

#[test]
fn ref_shortcodes_resolve_by_path_and_name() {
    let md = "[a]({{< ref \"post/intro/index.md\" >}}) [b]({{< relref \"kubernetes-node\" >}}) [c]({{< ref \"node#the-kubelet\" >}}) [d]({{< ref \"#control-plane\" >}}) [e]({{< ref \"nothing\" >}})";
    let got = resolve_all(&Settings::for_build(), md);
    assert_eq!(
        got[..4],
        [
            rewrite("../intro/index.md"),
            error(
                "`ref \"kubernetes-node\"`: no post at `kubernetes-node` in the book",
                "write the path from the book's source folder, like `post/x/index.md`, or the post's file name"
            ),
            rewrite("../node/index.md#the-kubelet"),
            rewrite("index.md#control-plane")
        ]
    );
    assert!(matches!(&got[4], Outcome::Problem(p) if p.severity == Severity::Error));
}

#[test]
fn a_configured_permalink_pattern() {
    let s = Settings {
        permalink: "/blog/:slug.html".into(),
        ..Settings::for_build()
    };
    assert_eq!(
        resolve_all(
            &s,
            "[a](/blog/kubernetes-intro.html#x) [b](/p/kubernetes-intro/)"
        ),
        [
            warning(
                "no heading `#x` in book/post/intro/index.md (linked as `/blog/kubernetes-intro.html#x`)",
                "link to one of the headings of book/post/intro/index.md"
            ),
            Outcome::Leave,
        ]
    );
}

#[test]
fn escapes_are_looked_up_as_meant_and_written_as_written() {
    let md = "[a](/p/kubernetes\\-node/#the&#45;kubelet) [b](/p/kubernetes-node/#the%2Dkubelet) <a href=\"/p/kubernetes-node/#the&#45;kubelet\">c</a>";
    assert_eq!(
        resolve_all(&Settings::for_build(), md),
        [
            rewrite("../node/index.md#the&#45;kubelet"),
            rewrite("../node/index.md#the%2Dkubelet"),
            rewrite("../node/index.md#the&#45;kubelet"),
        ]
    );
}

#[test]
fn commented_out_links_are_no_links() {
    let md = "<!-- [a](/p/nope/) <a href=\"/p/nope/\"> -->\n\n<!--\n<a href=\"/p/nope/\">\n-->\n\ntext <!-- <a href=\"/p/nope/\"> --> end\n";
    assert_eq!(resolve_all(&Settings::for_build(), md), []);
}

#[test]
fn reading_time_counts_words() {
    let words = "word ".repeat(214);
    assert_eq!(
        Read::new(
            "a.md".into(),
            &format!("---\ntitle: x\n---\n{words}"),
            &Shortcodes::builtin()
        )
        .minutes(),
        2
    );
    assert_eq!(
        Read::new("a.md".into(), "", &Shortcodes::builtin()).minutes(),
        1
    );
}

#[test]
fn relative_links_to_pages_resolve_in_a_book_made_from_the_site() {
    let page = |url: &str, source: &str, anchors: &[&str]| Entry {
        source: source.into(),
        paths: vec![url.trim_end_matches('/').into(), format!("/{source}")],
        slug: None,
        ..entry(&format!("{}/index.md", url.trim_matches('/')), "", anchors)
    };
    let index = Index::new(vec![
        page("/docs/guide/install/", "docs/guide/install.md", &[]),
        page("/docs/guide/configure/", "docs/guide/configure.md", &["x"]),
    ])
    .0;
    let unlisted = Unlisted::new();
    let md = "[a](../configure/) [b](configure.md#x) [c](diagram.png) [d](../configure/#nope) \
              [e](https://e.org/) [f](#top)";
    let resolve = |settings: &Settings| -> Vec<Outcome> {
        let resolver = Resolver::new(&index, settings, &unlisted);
        Read::new(
            "content/docs/guide/install.md".into(),
            md,
            &Shortcodes::builtin(),
        )
        .scan
        .sites
        .iter()
        .map(|s| resolver.resolve(&index.entries[0], s))
        .collect()
    };
    let mut site = Settings::for_build();
    site.chapters = crate::config::Chapters::Site;
    let got = resolve(&site);
    assert_eq!(got[0], rewrite("../configure/index.md"));
    assert_eq!(got[1], rewrite("../configure/index.md#x"));
    assert_eq!(got[2], Outcome::Leave);
    assert!(
        matches!(&got[3], Outcome::Problem(p) if p.message.contains("no heading `#nope`")),
        "{:?}",
        got[3]
    );
    assert!(got[4..].iter().all(|o| *o == Outcome::Leave), "{got:?}");
    // A book whose SUMMARY.md lists its chapters leaves relative links to mdBook.
    let summary = resolve(&Settings::for_build());
    assert!(summary.iter().all(|o| *o == Outcome::Leave), "{summary:?}");
}
