use super::*;
mod hugo;
use crate::site::config_source::{ConfigFile, merge};

/// A site in memory: `config` as `hugo.toml`, `files` in the content folder (text for the
/// content files; other files get none).
pub(super) fn site(config: &str, files: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
    let (map, problems) = merge(
        &[ConfigFile {
            path: "hugo.toml".into(),
            text: config.into(),
        }],
        "config",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let (config, problems) = Config::from_map(map, "hugo.toml");
    assert!(problems.is_empty(), "{problems:?}");
    let files = files
        .iter()
        .map(|(path, text)| ContentFile {
            path: path.to_string(),
            text: tree::is_content(path).then(|| text.to_string()),
            ..Default::default()
        })
        .collect();
    Site::new(config, "/site/content", files, &now())
}

pub(super) fn now() -> Date {
    crate::date::parse("2025-06-01T00:00:00Z").unwrap()
}

fn id(site: &Site, path: &str) -> PageId {
    site.by_path(path)
        .unwrap_or_else(|| panic!("no page {path}"))
}

fn paths(site: &Site, ids: &[PageId]) -> Vec<String> {
    ids.iter()
        .map(|&i| {
            let p = &site.pages[i];
            p.file.as_ref().map_or_else(
                || format!("{}:{}", p.kind.name(), p.url.clone().unwrap_or_default()),
                |f| f.path.clone(),
            )
        })
        .collect()
}

const BASE: &str = "baseURL = 'https://example.org/'\ntitle = 'T'\n";

#[test]
fn sections_bundles_and_pages_as_hugo_reads_them() {
    // The layout of fixture `tree`, with what hugo 0.111 made of it.
    let (s, problems) = site(
        BASE,
        &[
            ("post/a.md", "---\ntitle: A\ndate: 2024-01-02\n---\nx"),
            ("post/b.md", "---\ntitle: B\ndate: 2024-01-02\n---\nx"),
            (
                "post/_under.md",
                "---\ntitle: Under\ndate: 2024-01-03\n---\nx",
            ),
            ("post/.dot.md", "---\ntitle: Dot\n---\n"),
            (
                "post/leaf/index.md",
                "---\ntitle: Leaf\ndate: 2024-01-01\n---\nx",
            ),
            ("post/leaf/extra.md", "---\ntitle: Extra\n---\n"),
            ("post/leaf/nested/index.md", "---\ntitle: Nested\n---\n"),
            ("post/leaf/pic.png", ""),
            ("post/sub/c.md", "---\ntitle: C\n---\n"),
            ("docs/_index.md", "---\ntitle: Docs\n---\n"),
            ("docs/deep/er/_index.md", "---\ntitle: Er\n---\n"),
            ("docs/deep/er/x.md", "---\ntitle: X\n---\n"),
            ("top.md", "---\ntitle: Top\n---\n"),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let post = s.pages[s.home].pages[0];
    assert_eq!(s.pages[post].title, "Posts");
    assert_eq!(s.pages[post].url.as_deref(), Some("/post/"));
    assert_eq!(
        paths(&s, &s.pages[post].pages),
        [
            "post/_under.md",
            "post/a.md",
            "post/b.md",
            "post/leaf/index.md",
            "post/sub/c.md"
        ]
    );
    assert_eq!(
        paths(&s, &s.pages[s.home].pages),
        ["section:/post/", "docs/_index.md", "top.md"]
    );
    let leaf = &s.pages[id(&s, "post/leaf/index.md")];
    assert_eq!(leaf.bundle, Bundle::Leaf);
    assert_eq!(
        leaf.file.as_ref().unwrap().resources,
        [
            "post/leaf/pic.png",
            "post/leaf/extra.md",
            "post/leaf/nested/index.md"
        ]
    );
    assert_eq!(
        s.pages[id(&s, "post/sub/c.md")].url.as_deref(),
        Some("/post/sub/c/")
    );
    // A section whose parent folder has no `_index.md`: docs is its parent, but not in docs' list.
    let er = id(&s, "docs/deep/er/_index.md");
    assert_eq!(s.pages[er].parent, Some(id(&s, "docs/_index.md")));
    assert!(s.pages[id(&s, "docs/_index.md")].pages.is_empty());
    assert_eq!(s.pages[id(&s, "docs/deep/er/x.md")].parent, Some(er));
    assert_eq!(
        s.pages[id(&s, "docs/deep/er/x.md")].sections,
        ["docs", "deep", "er"]
    );
    assert!(s.skipped.contains(&("post/.dot.md".into(), Skip::Hidden)));
    // The home page and the section without a date take their newest page's.
    assert_eq!(s.pages[post].date, crate::date::parse("2024-01-03"));
    assert_eq!(s.pages[s.home].date, crate::date::parse("2024-01-03"));
    assert_eq!(s.main_sections(), ["post"]);
}

#[test]
fn what_a_build_leaves_out_and_why() {
    let (s, _) = site(
        BASE,
        &[
            ("post/draft.md", "---\ntitle: D\ndraft: true\n---\n"),
            ("post/future.md", "---\ntitle: F\ndate: 2099-01-01\n---\n"),
            (
                "post/later.md",
                "---\ntitle: L\ndate: 2020-01-01\npublishDate: 2099-01-01\n---\n",
            ),
            (
                "post/expired.md",
                "---\ntitle: E\nexpiryDate: 2001-01-01\n---\n",
            ),
            (
                "post/unpublished.md",
                "---\ntitle: U\npublished: false\n---\n",
            ),
            ("post/headless.md", "---\ntitle: H\nheadless: true\n---\n"),
            ("post/hl/index.md", "---\ntitle: HL\nheadless: true\n---\n"),
            ("post/hl/img.png", ""),
            (
                "post/never.md",
                "---\ntitle: N\n_build:\n  list: never\n---\n",
            ),
            (
                "post/local.md",
                "---\ntitle: Lo\n_build:\n  list: local\n---\n",
            ),
            (
                "post/rnever.md",
                "---\ntitle: R\n_build:\n  render: never\n---\n",
            ),
            (
                "post/newkey.md",
                "---\ntitle: K\nbuild:\n  list: never\n---\n",
            ),
            ("dsec/_index.md", "---\ntitle: DS\ndraft: true\n---\n"),
            ("dsec/in.md", "---\ntitle: In\n---\n"),
        ],
    );
    let omitted = |p: &str| s.pages[id(&s, p)].omitted.clone();
    assert_eq!(omitted("post/draft.md"), Some(Omitted::Draft));
    assert!(matches!(
        omitted("post/future.md"),
        Some(Omitted::Future(_))
    ));
    assert!(matches!(omitted("post/later.md"), Some(Omitted::Future(_))));
    assert!(matches!(
        omitted("post/expired.md"),
        Some(Omitted::Expired(_))
    ));
    assert_eq!(omitted("post/unpublished.md"), Some(Omitted::Draft));
    assert_eq!(omitted("post/headless.md"), None);
    assert_eq!(omitted("post/hl/index.md"), Some(Omitted::Headless));
    assert_eq!(
        s.pages[id(&s, "post/hl/index.md")]
            .file
            .as_ref()
            .unwrap()
            .resources,
        ["post/hl/img.png"]
    );
    assert_eq!(
        omitted("dsec/in.md"),
        Some(Omitted::InOmitted(id(&s, "dsec/_index.md")))
    );
    let post = s.pages[s.home].pages[0];
    assert_eq!(
        paths(&s, &s.pages[post].pages),
        [
            "post/headless.md",
            "post/newkey.md",
            "post/local.md",
            "post/rnever.md"
        ]
    );
    assert!(!s.pages[id(&s, "post/local.md")].listed_globally());
    assert_eq!(s.pages[id(&s, "post/rnever.md")].url, None);
    assert_eq!(
        s.pages[id(&s, "post/draft.md")].url.as_deref(),
        Some("/post/draft/")
    );
    assert_eq!(
        s.pages[id(&s, "post/never.md")].url.as_deref(),
        Some("/post/never/")
    );
}

#[test]
fn terms_take_the_first_spelling_and_their_own_pages() {
    let (s, _) = site(
        &format!(
            "{BASE}[permalinks]\ntags = '/topic/:slug/'\n[taxonomies]\ntag = 'tags'\nseries = 'series'\n"
        ),
        &[
            (
                "post/two.md",
                // As hugo 0.111: a value that sanitizes to nothing names no term.
                "---\ntitle: Two\ntags: [Kubernetes Networking, \"C++\", Go, \"\", \" \", \"?\", \"/\"]\nseries: [S]\n---\n",
            ),
            (
                "post/three/index.md",
                "---\ntitle: Three\ntags: [kubernetes networking, go]\n---\n",
            ),
            (
                "tags/kubernetes-networking/_index.md",
                "---\ntitle: K8s Net\n---\n",
            ),
            // A term page no post names: hugo publishes it, with no pages.
            ("tags/someday/_index.md", "---\ntitle: Someday\n---\n"),
        ],
    );
    assert_eq!(s.taxonomies.len(), 2);
    let tags = &s.taxonomies[1];
    assert_eq!(tags.name.plural, "tags");
    let terms: Vec<(&str, &str, &str)> = tags
        .terms
        .iter()
        .map(|&t| {
            let p = &s.pages[t];
            (
                p.term.as_ref().unwrap().key.as_str(),
                p.title.as_str(),
                p.url.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("c++", "C++", "/topic/c-/"),
            ("go", "go", "/topic/go/"),
            ("kubernetes-networking", "K8s Net", "/topic/k8s-net/"),
            ("someday", "Someday", "/topic/someday/"),
        ]
    );
    assert!(s.pages[tags.terms[3]].pages.is_empty());
    let go = tags.terms[1];
    assert_eq!(
        paths(&s, &s.pages[go].pages),
        ["post/three/index.md", "post/two.md"]
    );
    assert_eq!(s.pages[tags.page].title, "Tags");
    assert_eq!(s.pages[s.taxonomies[0].page].title, "Series");
}

/// A site of 10,000 posts (leaf bundles and single files in ten weighted sections, 200 tags,
/// 20 categories) built from memory: everything after the disk edge. Prints the best time of
/// `BENCH_RUNS` runs (1 by default); measure with `cargo test --release -p mdbook-hugo --lib
/// site::tests::ten_thousand -- --ignored --nocapture`.
#[test]
#[ignore = "a benchmark"]
fn ten_thousand_posts_in_memory() {
    let body =
        "A paragraph of text that goes on for a while, with *emphasis* and a [link](/p/x/).\n\n"
            .repeat(8);
    let mut files = Vec::new();
    for s in 0..10 {
        files.push(ContentFile {
            path: format!("post/topic-{s}/_index.md"),
            text: Some(format!("---\ntitle: Topic {s}\nweight: {s}\n---\n")),
            ..Default::default()
        });
    }
    for i in 0..10_000 {
        let front = format!(
            "---\ntitle: Post number {i}\ndate: 2020-01-{:02}T{:02}:00:00Z\ntags: [tag-{}, tag-{}]\ncategories: [cat-{}]\n---\n",
            i % 28 + 1,
            i % 24,
            i % 200,
            (i * 7) % 200,
            i % 20
        );
        let dir = format!("post/topic-{}", i % 10);
        if i % 5 == 0 {
            files.push(ContentFile {
                path: format!("{dir}/single-{i}.md"),
                text: Some(format!("{front}{body}")),
                ..Default::default()
            });
        } else {
            files.push(ContentFile {
                path: format!("{dir}/leaf-{i}/index.md"),
                text: Some(format!("{front}{body}")),
                ..Default::default()
            });
            files.push(ContentFile {
                path: format!("{dir}/leaf-{i}/cover.jpg"),
                text: None,
                ..Default::default()
            });
        }
    }
    let (map, _) = merge(
        &[ConfigFile {
            path: "hugo.toml".into(),
            text: "baseURL = 'https://example.org/'\n[permalinks]\npost = '/p/:slug/'\n".into(),
        }],
        "config",
    );
    let config = Config::from_map(map, "hugo.toml").0;
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut best = std::time::Duration::MAX;
    for _ in 0..runs {
        let files = files.clone();
        let start = std::time::Instant::now();
        let (site, problems) = Site::new(config.clone(), "/bench/content", files, &now());
        best = best.min(start.elapsed());
        assert!(problems.is_empty(), "{:?}", problems.first());
        assert_eq!(
            site.pages.iter().filter(|p| p.kind == Kind::Page).count(),
            10_000
        );
        let tags = site
            .taxonomies
            .iter()
            .find(|t| t.name.plural == "tags")
            .unwrap();
        assert_eq!(tags.terms.len(), 200);
        let post = site.pages[site.home].pages[0];
        assert_eq!(site.pages[post].title, "Posts");
        // Weighted sections first, the unweighted one (weight 0) last.
        let topic = site.pages[post].pages[0];
        assert_eq!(site.pages[topic].title, "Topic 1");
        let last = *site.pages[post].pages.last().unwrap();
        assert_eq!(site.pages[last].title, "Topic 0");
        assert_eq!(site.pages[topic].pages.len(), 1_000);
    }
    println!("10,000 posts from memory: {best:?}");
}

#[test]
fn a_cascade_reaches_the_pages_below_unless_they_say_otherwise() {
    // The build fixture's `headless-docs` and `tagged` sections, as hugo 0.111 built them.
    let (s, problems) = site(
        BASE,
        &[
            (
                "docs/_index.md",
                "---\ntitle: D\ncascade:\n  _build:\n    render: never\n    list: never\n---\n",
            ),
            ("docs/one.md", "---\ntitle: One\n---\n"),
            (
                "docs/two.md",
                "---\ntitle: Two\n_build:\n  render: always\n---\n",
            ),
            (
                "tagged/_index.md",
                "---\ntitle: T\ncascade:\n  - _target:\n      kind: page\n    tags: [from-cascade]\n  - _target:\n      path: \"/tagged/deep/**\"\n    draft: true\n---\n",
            ),
            ("tagged/a.md", "---\ntitle: A\n---\n"),
            ("tagged/b.md", "---\ntitle: B\ntags: [own]\n---\n"),
            ("tagged/deep/c.md", "---\ntitle: C\n---\n"),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let page = |p: &str| &s.pages[id(&s, p)];
    assert!(!page("docs/_index.md").rendered());
    assert!(!page("docs/one.md").rendered());
    assert!(page("docs/two.md").rendered());
    // A page's own `_build` replaces the cascaded one whole: it is listed again.
    assert_eq!(
        page("docs/two.md").post.build.list,
        crate::post::List::Always
    );
    assert_eq!(page("tagged/a.md").terms[1], ["from-cascade"]);
    assert_eq!(page("tagged/b.md").terms[1], ["own"]);
    assert!(page("tagged/_index.md").terms[1].is_empty());
    assert_eq!(page("tagged/deep/c.md").omitted, Some(Omitted::Draft));
}

#[test]
fn odd_inputs_never_panic() {
    let odd = [
        ("", "---\ntitle: empty path\n---\n"),
        ("a//b.md", "---\ntitle: x\n---\n"),
        ("é\u{3000}/x.md", "---\nslug: \"%\"\nurl: \"?#\"\n---\n"),
        ("tags/_index.md", "---\ncascade: [1, {_target: 3}]\n---\n"),
        (
            "tags/x/_index.md",
            "---\ntags: {a: b}\nweight: [1]\n_build: 3\n---\n",
        ),
        ("post/index.md", "+++\ndate = 1979-05-27T07:32:00Z\n"),
        (
            "post/_index.md",
            "{\"title\": \"json\", \"cascade\": {\"url\": \"/%zz/\"}}\n",
        ),
        (
            "post/x.md",
            "---\ntitle: \"\\u00e9 ::: %% ++ ##\"\ndate: 0000-00-00\n---\n<!--more",
        ),
        ("post/y.html", "  <html>"),
        (".md", "---\n---\n"),
        (
            "post/z.md",
            "---\ntitle: [nested, [list]]\nsummary: 5\n---\n{{< unclosed",
        ),
    ];
    let config = format!(
        "{BASE}[permalinks]\npost = '/:sections[9]/:sections[last:]/:year/:slug/:2006/'\n\"/\" = '//x'\n"
    );
    let (s, _) = site(&config, &odd);
    for id in 0..s.pages.len() {
        let _ = s.summary(id);
    }
    assert!(s.pages.iter().any(|p| p.kind == Kind::Home));
}

#[test]
fn a_summary_is_made_once_and_the_same_every_time() {
    let body = "A first sentence of the post. ".repeat(40);
    let (s, _) = site(
        BASE,
        &[
            ("post/a.md", &format!("---\ntitle: A\n---\n{body}")),
            (
                "post/b.md",
                "---\ntitle: B\nsummary: From *front matter*.\n---\nx",
            ),
        ],
    );
    for path in ["post/a.md", "post/b.md"] {
        let id = id(&s, path);
        assert!(s.summaries[id].get().is_none());
        let first = s.summary(id);
        assert!(first.is_some());
        assert_eq!(s.summaries[id].get(), Some(&first), "{path}: kept");
        assert_eq!(s.summary(id), first);
        assert_eq!(s.make_summary(id), first);
    }
    let a = s.summary(id(&s, "post/a.md")).unwrap();
    assert!(a.truncated && a.text.starts_with("A first sentence"));
    // A page without a file has none; an id past the pages, none either.
    assert_eq!(s.summary(s.home), None);
    assert_eq!(s.summary(s.pages.len()), None);
}

#[test]
fn an_untitled_page_is_called_by_its_file_and_a_titled_one_by_its_link_title() {
    let (s, _) = site(
        BASE,
        &[
            ("_index.md", "No front matter."),
            ("atomic/20260623.md", "A note with no front matter."),
            ("post/bundle/index.md", "---\ndate: 2024-01-01\n---\nx"),
            (
                "post/short.md",
                "---\ntitle: A long title\nlinkTitle: Short\n---\nx",
            ),
            ("post/plain.md", "---\ntitle: '  '\n---\nx"),
        ],
    );
    let name = |path: &str| s.name(id(&s, path));
    assert_eq!(
        name("_index.md"),
        "T",
        "the home page takes the site's title"
    );
    assert_eq!(name("atomic/20260623.md"), "20260623");
    assert_eq!(name("post/bundle/index.md"), "bundle");
    assert_eq!(name("post/short.md"), "Short");
    assert_eq!(name("post/plain.md"), "plain");
    // Sections Hugo titles itself ("Atomics") keep their title.
    let atomic = s
        .pages
        .iter()
        .position(|p| p.sections == ["atomic"] && p.kind == Kind::Section);
    assert_eq!(s.name(atomic.unwrap()), "Atomics");
}

#[test]
fn frontmatter_settings_give_dates_from_file_names_and_times_and_keep_list_dates_their_own() {
    let config = format!(
        "{BASE}[permalinks]\npost = '/:year/:slug/'\n[frontmatter]\ndate = [':filename', ':default']\nlastmod = ['lastmod', ':fileModTime']\n"
    );
    let (map, _) = merge(
        &[ConfigFile {
            path: "hugo.toml".into(),
            text: config,
        }],
        "config",
    );
    let (config, problems) = Config::from_map(map, "hugo.toml");
    assert!(problems.is_empty(), "{problems:?}");
    let modified = crate::date::parse("2026-01-01T00:00:00Z");
    let file = |path: &str, text: &str| ContentFile {
        path: path.into(),
        text: Some(text.into()),
        modified,
        committed: None,
    };
    let files = vec![
        file("post/_index.md", "---\ntitle: Posts\n---\n"),
        file(
            "post/2021-03-04-from-the-name.md",
            "---\ntitle: Named\n---\n",
        ),
        file(
            "post/2022-05-06-kept/index.md",
            "---\ntitle: Kept\nslug: own\n---\n",
        ),
        file("other/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n"),
    ];
    let (s, _) = Site::new(config, "/site/content", files, &now());
    let page = |path: &str| &s.pages[id(&s, path)];
    let named = page("post/2021-03-04-from-the-name.md");
    assert_eq!(named.date, crate::date::parse("2021-03-04"));
    assert_eq!(named.url.as_deref(), Some("/2021/from-the-name/"));
    assert_eq!(named.post.lastmod, modified);
    let kept = page("post/2022-05-06-kept/index.md");
    assert_eq!(kept.date, crate::date::parse("2022-05-06"));
    assert_eq!(
        kept.url.as_deref(),
        Some("/2022/own/"),
        "the front matter's slug wins"
    );
    // `post/_index.md` has a lastmod (its file's time): it keeps no date of its own, as hugo.
    assert_eq!(page("post/_index.md").date, None);
    // `other/` has no file: it takes its newest page's date.
    let other = s.pages.iter().find(|p| p.sections == ["other"]).unwrap();
    assert_eq!(other.date, crate::date::parse("2020-01-01"));
}
