use super::*;
use crate::site::ContentFile;
use crate::site::config::Config;

fn site(files: &[(&str, &str)], config: &str) -> Site {
    let map: serde_json::Map<String, serde_json::Value> = serde_yaml::from_str(config).unwrap();
    let (config, _) = Config::from_map(map, "hugo.yaml");
    let files = files
        .iter()
        .map(|(path, text)| ContentFile {
            path: path.to_string(),
            text: crate::site::tree::is_content(path).then(|| text.to_string()),
            ..Default::default()
        })
        .collect();
    Site::new(
        config,
        "/site/content",
        files,
        &crate::date::parse("2025-06-01").unwrap(),
    )
    .0
}

/// The chapters of `s`, their pages' text in front, as the book stage makes them.
fn built(s: &mut Site, settings: &Settings) -> Built {
    let mut built = build(s, settings, "../content", 2);
    fill(&mut built.items, &built.texts, s);
    built
}

fn outline(items: &[BookItem], depth: usize, out: &mut Vec<String>) {
    for item in items {
        match item {
            BookItem::PartTitle(t) => out.push(format!("# {t}")),
            BookItem::Chapter(c) => {
                out.push(format!(
                    "{}{} -> {}",
                    "  ".repeat(depth),
                    c.name,
                    c.path.as_ref().unwrap().display()
                ));
                outline(&c.sub_items, depth + 1, out);
            }
            BookItem::Separator => out.push("---".into()),
        }
    }
}

/// A chapter's page as the book shows it: its content, then its list when set apart.
fn page(built: &Built, ch: &Chapter) -> String {
    let apart = built
        .lists
        .iter()
        .find(|(p, _)| Some(p) == ch.path.as_ref())
        .map_or(String::new(), |(_, l)| l.text());
    format!("{}{apart}", ch.content)
}

#[test]
fn the_content_tree_as_parts_in_hugos_order() {
    let mut s = site(
        &[
            ("_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
            ("about.md", "---\ntitle: About\n---\n"),
            ("post/_index.md", "---\ntitle: Posts\n---\nAll of them.\n"),
            (
                "post/a/index.md",
                "---\ntitle: A\ndate: 2025-01-01\n---\nA body.\n",
            ),
            ("post/a/pic.png", ""),
            (
                "post/b.md",
                "---\ntitle: B\ndate: 2025-02-01\n---\nB body.\n",
            ),
            (
                "post/pinned.md",
                "---\ntitle: Pinned\nweight: 1\ndate: 2020-01-01\n---\n",
            ),
            ("post/draft.md", "---\ntitle: Draft\ndraft: true\n---\n"),
            (
                "post/future.md",
                "---\ntitle: Future\ndate: 2030-01-01\n---\n",
            ),
            ("post/deep/_index.md", "---\ntitle: Deep\n---\n"),
            ("post/deep/c.md", "---\ntitle: C\ndate: 2024-01-01\n---\n"),
            (
                "page/search/index.md",
                "---\ntitle: Search\nlayout: search\n---\n",
            ),
            (
                "page/archives/index.md",
                "---\ntitle: Archives\nlayout: archives\n---\n",
            ),
        ],
        "baseURL: https://example.org/\ntitle: Site\npermalinks:\n  post: /p/:slug/\n  page: /:slug/\nparams:\n  mainSections: [post]\n",
    );
    let settings = Settings::for_build();
    let built = built(&mut s, &settings);
    let mut lines = Vec::new();
    outline(&built.items, 0, &mut lines);
    assert_eq!(
        lines,
        [
            "Home -> index.md",
            "About -> about/index.md",
            // Sections in Hugo's order too: the one with the newest page first.
            "# Posts",
            "Posts -> post/index.md",
            "Pinned -> p/pinned/index.md",
            "B -> p/b/index.md",
            "A -> p/a/index.md",
            "Deep -> post/deep/index.md",
            "  C -> p/c/index.md",
            "# Pages",
            "Pages -> page/index.md",
            "Archives -> archives/index.md",
        ],
        "{lines:#?}"
    );
    assert!(
        built
            .resources
            .contains(&("post/a/pic.png".into(), "p/a/pic.png".into()))
    );
    let a = s.by_path("post/a/index.md").unwrap();
    assert_eq!(built.chapters[&a], "p/a/index.md");
    assert!(built.paths[&a].contains(&"/p/a".to_owned()));
    assert!(built.paths[&a].contains(&"/post/a/index.md".to_owned()));
    // The section's list page lists its pages, with relative links.
    let BookItem::Chapter(posts) = &built.items[3] else {
        panic!()
    };
    // Its items' summaries are plain text: the list is set apart, to follow the rewritten page.
    assert_eq!(posts.content, "---\ntitle: Posts\n---\nAll of them.\n");
    let posts = page(&built, posts);
    assert!(posts.contains("[Pinned](../p/pinned/index.md)"), "{posts}");
    // The archives page has the posts by year.
    let BookItem::Chapter(archives) = &built.items[10] else {
        panic!()
    };
    assert!(archives.content.contains("## 2025"), "{}", archives.content);
    assert!(archives.content.contains("## 2020"));
}

#[test]
fn chapter_paths_are_the_urls() {
    assert_eq!(chapter_path("/"), "index.md");
    assert_eq!(chapter_path("/p/x/"), "p/x/index.md");
    assert_eq!(chapter_path("/p/x.html"), "p/x.md");
    assert_eq!(chapter_path("/p/%D9%85/"), "p/م/index.md");
    assert_eq!(chapter_path("/a/../b/"), "a/b/index.md");
    assert_eq!(url_dir("/p/x/"), "p/x/");
}

#[test]
fn a_page_hugo_writes_but_lists_nowhere_is_a_chapter_in_no_list() {
    let mut s = site(
        &[
            ("post/a.md", "---\ntitle: A\ndate: 2025-01-01\n---\n"),
            (
                "post/hidden.md",
                "---\ntitle: Hidden\ndate: 2025-03-01\n_build:\n  list: never\n---\n",
            ),
            (
                "post/nopage.md",
                "---\ntitle: No page\ndate: 2025-03-02\n_build:\n  render: never\n---\n",
            ),
            (
                "page/archives/index.md",
                "---\ntitle: Archives\nlayout: archives\n---\n",
            ),
        ],
        "baseURL: https://example.org/\ntitle: Site\npermalinks:\n  post: /p/:slug/\n  page: /:slug/\n",
    );
    let built = built(&mut s, &Settings::for_build());
    let mut lines = Vec::new();
    outline(&built.items, 0, &mut lines);
    assert_eq!(
        lines,
        [
            "Site -> index.md",
            "# Posts",
            "Posts -> post/index.md",
            "A -> p/a/index.md",
            // Newer than A, but after it: it is in no list, so it comes after the listed ones.
            "Hidden -> p/hidden/index.md",
            "# Pages",
            "Pages -> page/index.md",
            "Archives -> archives/index.md",
        ],
        "{lines:#?}"
    );
    let content = |n: usize| match &built.items[n] {
        BookItem::Chapter(c) => page(&built, c),
        _ => panic!("item {n} is no chapter"),
    };
    assert!(content(2).contains("(../p/a/index.md)"), "{}", content(2));
    assert!(!content(2).contains("hidden"), "{}", content(2));
    assert!(content(7).contains("(../p/a/index.md)"), "{}", content(7));
    assert!(!content(7).contains("hidden"), "{}", content(7));
}

#[test]
fn a_summarys_relative_images_still_load_on_the_list_page() {
    let mut s = site(
        &[(
            "post/a/index.md",
            "---\ntitle: A\ndate: 2025-01-01\n---\n![d](d.png)\n\n<!--more-->\n\nRest.\n",
        )],
        "baseURL: https://example.org/\ntitle: Site\npermalinks:\n  post: /p/:slug/\n",
    );
    let built = built(&mut s, &Settings::for_build());
    let BookItem::Chapter(posts) = &built.items[2] else {
        panic!("{:?}", built.items)
    };
    // A summary of the author's markdown keeps the list in the page, to be rewritten with it.
    assert!(built.lists.is_empty(), "{:?}", built.lists);
    assert!(
        posts.content.contains("![d](../p/a/d.png)"),
        "{}",
        posts.content
    );
}

#[test]
fn two_pages_with_one_url_get_a_chapter_each_and_the_list_links_both() {
    let mut s = site(
        &[
            ("post/one.md", "---\ntitle: Twin\ndate: 2022-05-01\n---\n"),
            ("post/two.md", "---\ntitle: Twin\ndate: 2022-05-02\n---\n"),
        ],
        "baseURL: https://example.org/\ntitle: Site\npermalinks:\n  post: /p/:slug/\n",
    );
    let built = built(&mut s, &Settings::for_build());
    let (one, two) = (
        s.by_path("post/one.md").unwrap(),
        s.by_path("post/two.md").unwrap(),
    );
    // The newer first, as Hugo lists them.
    assert_eq!(built.chapters[&two], "p/twin/index.md");
    assert_eq!(built.chapters[&one], "p/twin/index-2.md");
    let BookItem::Chapter(posts) = &built.items[2] else {
        panic!("{:?}", built.items)
    };
    let posts = page(&built, posts);
    let (a, b) = (
        posts.find("(../p/twin/index.md)"),
        posts.find("(../p/twin/index-2.md)"),
    );
    assert!(a.is_some() && b.is_some() && a < b, "{posts}");
}

#[test]
fn the_archives_leave_hidden_posts_out_and_order_one_days_posts_as_stack_does() {
    let mut s = site(
        &[
            ("post/a.md", "---\ntitle: A\ndate: 2024-03-05\n---\n"),
            ("post/b.md", "---\ntitle: B\ndate: 2024-03-05\n---\n"),
            ("post/old.md", "---\ntitle: Old\ndate: 2023-01-01\n---\n"),
            (
                "post/hid.md",
                "---\ntitle: Hid\ndate: 2024-01-01\nhidden: true\n---\n",
            ),
            (
                "page/archives/index.md",
                "---\ntitle: Archives\nlayout: archives\n---\n",
            ),
        ],
        "baseURL: https://example.org/\ntitle: Site\npermalinks:\n  post: /p/:slug/\n  page: /:slug/\nparams:\n  mainSections: [post]\n",
    );
    let built = built(&mut s, &Settings::for_build());
    let archives = built
        .items
        .iter()
        .find_map(|i| match i {
            BookItem::Chapter(c) if c.name == "Archives" => Some(c.content.clone()),
            _ => None,
        })
        .expect("an archives chapter");
    let at = |t: &str| archives.find(t);
    // Hugo lists A before B (one date, then the title); Stack's archives, B before A.
    assert!(
        at("[B]") < at("[A]") && at("[A]") < at("[Old]"),
        "{archives}"
    );
    assert!(at("[B]").is_some() && at("## 2023").is_some(), "{archives}");
    assert_eq!(at("[Hid]"), None, "{archives}");
    // The hidden post is still in its section.
    let BookItem::Chapter(posts) = &built.items[2] else {
        panic!()
    };
    let posts = page(&built, posts);
    assert!(posts.contains("[Hid]"), "{posts}");
}

#[test]
fn a_list_item_keeps_its_title_and_every_word_of_its_summary_whatever_its_blocks() {
    use crate::site::summary::Source;
    use mdbook_markdown::pulldown_cmark::{Event, Parser};
    let authored = |md: &str| Summary {
        source: Source::Divider,
        markdown: Some(md.to_owned()),
        text: String::new(),
        truncated: true,
    };
    let plain = |text: &str| Summary {
        source: Source::Auto,
        markdown: None,
        text: text.to_owned(),
        truncated: true,
    };
    let date = crate::date::parse("2024-03-01");
    assert!(date.is_some());
    let summaries = [
        plain("1. Not a list. # Not a heading\n\n- nor an item *or emphasis* [x]"),
        authored("A *first* paragraph\nover two lines.\n\nAnd a second, with `code`."),
        // The writer wrote no item at all for a summary with a code block or a quote in it.
        authored("```yaml\nkind: Pod\n\n\nmetadata: {}\n```\n\n> a quote\n>\n> - with a list"),
        authored("A [reference][r] and a note.[^n]\n\n[r]: /p/x/\n[^n]: The note."),
        authored("| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>\n\nraw *html*\n\n</div>"),
    ];
    let words = markdown::tests::words;
    // An empty title would be an empty link, which the writer refuses: the link is its text.
    for title in [
        "Plain",
        "*Stars* and [brackets] <b>",
        "1. Numbered",
        "",
        " ",
    ] {
        for summary in &summaries {
            let item = list_item(
                title,
                "../x/index.md",
                date.as_ref(),
                Some(summary),
                "p/x",
                "tags/a/index.md",
            );
            let links: Vec<String> = Parser::new_ext(&item, markdown::options())
                .filter_map(|e| match e {
                    Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                    _ => None,
                })
                .collect();
            assert_eq!(
                links.first().map(String::as_str),
                Some("../x/index.md"),
                "{item}"
            );
            let summary_words = match &summary.markdown {
                Some(md) => words(md),
                None => summary.text.split_whitespace().map(str::to_owned).collect(),
            };
            let shown = if title.trim().is_empty() {
                "../x/index.md"
            } else {
                title
            };
            let line = format!("{shown} · March 1, 2024");
            let expected: Vec<String> = line
                .split_whitespace()
                .map(str::to_owned)
                .chain(summary_words)
                .collect();
            assert_eq!(words(&item), expected, "{item}");
        }
    }
}
