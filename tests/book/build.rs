//! The real book through `mdbook build` and `mdbook serve`'s settings, and fixture books for
//! drafts, problems and renderers.

use crate::support::{self, Fixture, page};

/// Every `href`/`src` of a page that is relative (no scheme, not `#` alone), with the fragment
/// and query cut.
fn local_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for piece in html.split(attr).skip(1) {
            let value = &piece[..piece.find('"').unwrap_or(0)];
            if value.is_empty()
                || value.starts_with('#')
                || value.contains(':')
                || value.starts_with("//")
            {
                continue;
            }
            let path = value.split(['#', '?']).next().unwrap_or_default();
            if !path.is_empty() {
                out.push(path.to_owned());
            }
        }
    }
    out
}

#[test]
fn the_seed_post_renders_with_its_header_and_cards() {
    let out = support::build_book();
    let html = page(&out, "post/kubernetes-architecture/index.html");
    assert!(
        html.contains("<h1 class=\"hugo-title\">Kubernetes Architecture</h1>"),
        "no header title"
    );
    assert!(html.contains(
        "<time class=\"hugo-date\" datetime=\"2025-02-03T15:00:00Z\">February 3, 2025</time>"
    ));
    // The chips link to their term pages, which the book has.
    let category = "<a class=\"hugo-category\" href=\"../../categories/foundations/index.html\">foundations</a>";
    let tag =
        "<a class=\"hugo-tag\" href=\"../../tags/kube-apiserver/index.html\">kube-apiserver</a>";
    assert!(html.contains(category), "no linked category chip");
    assert!(html.contains(tag), "no linked tag chip");
    for term in ["categories/foundations", "tags/kube-apiserver"] {
        assert!(
            out.join(term).join("index.html").is_file(),
            "no {term} page"
        );
    }
    assert!(html.contains("min read</span>"));
    assert!(html.contains("<title>Kubernetes Architecture - Kubernetes, Explained</title>"));
    assert!(
        html.contains("href=\"https://kubernetes.io\" target=\"_blank\" rel=\"noopener\""),
        "no Kubernetes card"
    );
    assert!(
        html.contains("href=\"https://www.cncf.io/\" target=\"_blank\" rel=\"noopener\""),
        "no CNCF card"
    );
    // The seed's link to the intro post, rewritten into a relative link between chapters.
    assert!(
        html.contains("href=\"../kubernetes-intro/index.html\""),
        "the /p/kubernetes-intro link was not rewritten"
    );
}

#[test]
fn no_front_matter_reaches_any_page() {
    let out = support::build_book();
    let mut pages = Vec::new();
    support::html_files(&out, &mut pages);
    assert!(pages.len() > 8, "{} pages", pages.len());
    for p in &pages {
        let html = std::fs::read_to_string(p).unwrap();
        for leak in [
            "slug: kubernetes",
            "categories:\n- kubernetes",
            "links:\n- title",
            "website: https",
            "date: 2025-",
        ] {
            assert!(
                !html.contains(leak),
                "{} shows front matter text {leak:?}",
                p.display()
            );
        }
    }
}

#[test]
fn every_local_link_of_every_page_resolves_to_a_built_file() {
    let out = support::build_book();
    let mut pages = Vec::new();
    support::html_files(&out, &mut pages);
    let mut broken = Vec::new();
    for p in &pages {
        let html = std::fs::read_to_string(p).unwrap();
        for link in local_links(&html) {
            let target = p.parent().unwrap().join(&link);
            if !target.exists() {
                broken.push(format!(
                    "{} -> {link}",
                    p.strip_prefix(&out).unwrap().display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn sidebar_names_come_from_front_matter() {
    let out = support::build_book();
    let toc = page(&out, "toc.html");
    for name in ["Kubernetes Architecture", "Kubernetes, Explained"] {
        assert!(toc.contains(name), "sidebar lacks {name:?}");
    }
}

const DRAFT: &str =
    "---\ntitle: Work in progress\nslug: wip\ndraft: true\ndate: 2025-01-01\n---\n\nNot yet.\n";
const PUBLIC: &str = "---\ntitle: Public post\nslug: public\ndate: 2025-01-02\n---\n\nSee [the next post](/p/next/).\n";

#[test]
fn drafts_are_left_out_of_build_and_marked_under_serve() {
    let fixture = Fixture::new(
        "drafts",
        &[
            (
                "book/SUMMARY.md",
                "- [Public](public.md)\n- [Draft](wip.md)\n- [Next](next.md)\n",
            ),
            ("book/public.md", PUBLIC),
            ("book/wip.md", DRAFT),
            ("book/next.md", "---\ntitle: Next\n---\n\nHello.\n"),
        ],
    );
    let built = fixture.build(false).unwrap();
    assert!(!built.join("wip.html").exists(), "a draft was built");
    assert!(!page(&built, "toc.html").contains("Work in progress"));
    assert!(page(&built, "public.html").contains("href=\"next.html\""));

    let served = fixture.build(true).unwrap();
    let wip = page(&served, "wip.html");
    assert!(
        wip.contains("class=\"hugo-draft\""),
        "the draft is not marked"
    );
    assert!(wip.contains("Not yet."));
    assert!(page(&served, "toc.html").contains("Work in progress (draft)"));
}

#[test]
fn a_malformed_post_is_a_diagnostic_under_build_and_a_box_under_serve() {
    let fixture = Fixture::new(
        "malformed",
        &[
            (
                "book/SUMMARY.md",
                "- [Bad](bad.md)\n- [Good](good.md)\n- [Next](next.md)\n",
            ),
            ("book/next.md", "---\ntitle: Next\n---\n\n## Only heading\n"),
            (
                "book/bad.md",
                "---\ntitle: Bad\ntags: [a, b\n---\n\nThe body survives.\n",
            ),
            (
                "book/good.md",
                "---\ntitle: Good\ndate: 2025/01/02\n---\n\nLinks to [nowhere](/p/nowher/) and [next](/p/next/#only-headin).\n",
            ),
        ],
    );
    let run = fixture.preprocess("html", false);
    assert!(!run.success, "the build must fail");
    assert!(run.stderr.contains("book/bad.md:3:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("malformed YAML front matter"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("book/good.md:3:7: warning: `date: 2025/01/02` is not a date Hugo reads"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("book/good.md:6:20: warning: unknown post `nowher` in link /p/nowher/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no heading `#only-headin` in book/next.md (linked as `/p/next/#only-headin`) (did you mean `#only-heading`?)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 error in the book"),
        "all problems are listed, and the one Hugo refuses stops the build: {}",
        run.stderr
    );
    assert!(fixture.build(false).is_err());

    // What Hugo builds without a word, mdbook build builds too, with the warnings printed.
    std::fs::write(
        fixture.root.join("book/bad.md"),
        "---\ntitle: Bad\ntags: [a, b]\n---\n\nThe body survives.\n",
    )
    .unwrap();
    let run = fixture.preprocess("html", false);
    assert!(
        run.success,
        "warnings only must not stop the build: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches(": warning: ").count(),
        3,
        "{}",
        run.stderr
    );
    assert!(fixture.build(false).is_ok());
    std::fs::write(
        fixture.root.join("book/bad.md"),
        "---\ntitle: Bad\ntags: [a, b\n---\n\nThe body survives.\n",
    )
    .unwrap();

    let served = fixture.build(true).unwrap();
    let bad = page(&served, "bad.html");
    assert!(bad.contains("class=\"hugo-error\""), "no error box");
    assert!(bad.contains("The body survives."));
    assert!(
        !bad.contains("tags: [a, b"),
        "the broken front matter is still stripped"
    );
    let good = page(&served, "good.html");
    assert!(
        good.contains("class=\"hugo-link-error\""),
        "no mark at the broken link"
    );
}

#[test]
fn other_renderers_get_markdown_and_nothing_is_lost() {
    let fixture = Fixture::new(
        "markdown",
        &[
            (
                "book/SUMMARY.md",
                "- [Public](public.md)\n- [Next](next.md)\n",
            ),
            (
                "book/public.md",
                "---\ntitle: Public <post>\nlinks:\n- title: Site\n  website: https://example.org/\n---\n\nSee [next](/p/next/).\n",
            ),
            ("book/next.md", "---\ntitle: Next\n---\n\nHello.\n"),
        ],
    );
    let run = fixture.preprocess("markdown", false);
    assert!(run.success, "{}", run.stderr);
    let book = run.book.unwrap();
    let content = book.iter().find_map(|i| match i {
        mdbook_driver::book::BookItem::Chapter(c) if c.name == "Public <post>" => {
            Some(c.content.clone())
        }
        _ => None,
    });
    let content = content.expect("chapter named from its title");
    assert!(content.starts_with("# Public \\<post>\n"), "{content}");
    assert!(content.contains("See [next](next.md)."));
    assert!(content.contains("* [Site](https://example.org/)"));
    for tag in ["<header", "<section", "<article", "<h1"] {
        assert!(
            !content.contains(tag),
            "no HTML for other renderers: {content}"
        );
    }
}

#[test]
fn front_matter_is_text_in_the_sidebar_page_title_and_header() {
    let fixture = Fixture::new(
        "escape",
        &[
            ("book/SUMMARY.md", "- [A](a.md)\n"),
            (
                "book/a.md",
                "---\ntitle: \"<img src=x onerror=alert(1)> & *em*\"\ntags: [\"<script>t</script>\"]\n---\nbody\n",
            ),
        ],
    );
    let out = fixture.build(false).unwrap();
    let a = page(&out, "a.html");
    assert!(
        a.contains(
            "<title>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; *em* - Fixture</title>"
        ),
        "page title"
    );
    assert!(
        a.contains("<h1 class=\"hugo-title\">&lt;img src=x onerror=alert(1)&gt; &amp; *em*</h1>"),
        "header"
    );
    assert!(
        !a.contains("<script>t") && !a.contains("<img src=x"),
        "markup from front matter reached the page"
    );
    assert!(
        page(&out, "toc.html").contains("&lt;img src=x onerror=alert(1)&gt; &amp; *em*</a>"),
        "sidebar"
    );
}

#[test]
fn every_link_form_lands_on_a_built_page() {
    let fixture = Fixture::new(
        "links",
        &[
            (
                "book/SUMMARY.md",
                "- [Home](README.md)\n- [Guide](guide/README.md)\n  - [Deep](guide/deep/post.md)\n",
            ),
            (
                "book/README.md",
                "---\ntitle: Home\nslug: home\n---\n\n[deep](/p/deep/#the-end) [guide]({{< ref \"guide/README.md\" >}}) <https://blog.example.org/p/guide/>\n",
            ),
            (
                "book/guide/README.md",
                "---\ntitle: Guide\nslug: guide\naliases: [/old/guide/]\n---\n\n<a href=\"/p/home/\">home</a> [q](/p/deep/?tab=2#the-end) [old](/old/guide)\n",
            ),
            (
                "book/guide/deep/post.md",
                "---\ntitle: Deep\nslug: deep\n---\n\n## The end\n\n[home]({{% relref \"/README.md\" %}}) `[code](/p/nope/)`\n",
            ),
        ],
    );
    let toml = std::fs::read_to_string(fixture.root.join("book.toml")).unwrap()
        + "base-url = \"https://blog.example.org/\"\n";
    std::fs::write(fixture.root.join("book.toml"), toml).unwrap();
    let out = fixture.build(false).unwrap();
    let home = page(&out, "index.html");
    assert!(
        home.contains("href=\"guide/deep/post.html#the-end\""),
        "permalink with anchor"
    );
    assert!(
        home.contains("href=\"guide/index.html\">guide</a>"),
        "ref to a README bundle"
    );
    assert!(
        home.contains("href=\"guide/index.html\">https://blog.example.org/p/guide/</a>"),
        "autolink on the base URL"
    );
    let guide = page(&out, "guide/index.html");
    assert!(
        guide.contains("<a href=\"../index.html\">home</a>"),
        "raw HTML href"
    );
    assert!(
        guide.contains("href=\"deep/post.html?tab=2#the-end\""),
        "query kept"
    );
    assert!(guide.contains("href=\"index.html\">old</a>"), "alias");
    let deep = page(&out, "guide/deep/post.html");
    assert!(
        deep.contains("href=\"../../index.html\">home</a>"),
        "relref from the root"
    );
    assert!(
        deep.contains("<code>[code](/p/nope/)</code>"),
        "code is never touched"
    );
    for (page_path, html) in [
        ("index.html", &home),
        ("guide/index.html", &guide),
        ("guide/deep/post.html", &deep),
    ] {
        for link in local_links(html) {
            let target = out.join(page_path).parent().unwrap().join(&link);
            assert!(target.exists(), "{page_path} -> {link} does not exist");
        }
    }
}

#[test]
fn unknown_config_keys_are_named() {
    let fixture = Fixture::new(
        "config",
        &[("book/SUMMARY.md", "- [A](a.md)\n"), ("book/a.md", "# A\n")],
    );
    let toml = std::fs::read_to_string(fixture.root.join("book.toml")).unwrap() + "drafs = true\n";
    std::fs::write(fixture.root.join("book.toml"), toml).unwrap();
    let run = fixture.preprocess("html", false);
    assert!(!run.success);
    assert!(
        run.stderr
            .contains("unknown key `drafs` in [preprocessor.hugo]"),
        "{}",
        run.stderr
    );
}

#[test]
fn supports_every_renderer() {
    for renderer in ["html", "markdown", "epub"] {
        let status = std::process::Command::new(support::binary())
            .args(["supports", renderer])
            .status()
            .unwrap();
        assert!(status.success(), "{renderer}");
    }
}

#[test]
fn a_chapter_without_front_matter_passes_through_byte_for_byte() {
    let text = "# Plain\r\n\r\n---\r\n\r\nText with [a link](other.md) and `code`.\r\n";
    let fixture = Fixture::new(
        "plain",
        &[
            ("book/SUMMARY.md", "- [Plain](plain.md)\n"),
            ("book/plain.md", text),
        ],
    );
    let run = fixture.preprocess("html", false);
    assert!(run.success, "{}", run.stderr);
    let book = run.book.unwrap();
    let ch = book.iter().find_map(|i| match i {
        mdbook_driver::book::BookItem::Chapter(c) => Some(c.clone()),
        _ => None,
    });
    let ch = ch.unwrap();
    assert_eq!(ch.content, text);
    assert_eq!(ch.name, "Plain");
}
