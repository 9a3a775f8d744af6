use super::*;
use crate::front_matter::{Found, find, parse};

fn post(source: &str) -> (Post, Vec<Problem>) {
    let Found::Block(block) = find(source) else {
        panic!("no front matter in {source:?}")
    };
    let map = parse(source, &block).unwrap();
    Post::from_map(&map, source, &block)
}

#[test]
fn the_seed_front_matter() {
    let (p, problems) = post(include_str!(
        "../../../book/post/kubernetes-architecture/index.md"
    ));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.title.as_deref(), Some("Kubernetes Architecture"));
    assert_eq!(p.slug.as_deref(), Some("kubernetes-architecture"));
    assert_eq!(
        crate::date::machine(p.date.as_ref().unwrap()),
        "2025-02-03T15:00:00Z"
    );
    assert_eq!(p.categories, ["kubernetes"]);
    assert_eq!(p.links.len(), 2);
    assert_eq!(p.links[1].website.as_deref(), Some("https://www.cncf.io/"));
}

#[test]
fn slug_falls_back_to_the_urlized_title() {
    assert_eq!(urlize("No Slug Here At All"), "no-slug-here-at-all");
    assert_eq!(urlize("I Replaced Claude.ai"), "i-replaced-claude.ai");
    assert_eq!(urlize("Vim (text editor) & More!"), "vim-text-editor-more");
    assert_eq!(urlize("  Café  au lait "), "café-au-lait");
    let (p, _) = post("---\ntitle: Hello World\n---\n");
    assert_eq!(p.slug.as_deref(), Some("hello-world"));
    let (p, _) = post("---\ntitle: Hello\nslug: -my-slug-\n---\n");
    assert_eq!(p.slug.as_deref(), Some("my-slug"));
}

#[test]
fn dates_fill_as_hugo_fills_them() {
    let (p, _) = post("---\npublishDate: 2024-01-02\nlastmod: 2024-03-04\n---\n");
    assert_eq!(
        crate::date::machine(p.date.as_ref().unwrap()),
        "2024-01-02T00:00:00Z"
    );
    assert_eq!(
        crate::date::machine(p.updated().unwrap()),
        "2024-03-04T00:00:00Z"
    );
    let (p, _) = post("---\ndate: 2024-01-02\nlastmod: 2024-01-02T10:00:00Z\n---\n");
    assert_eq!(p.updated(), None);
}

#[test]
fn bad_values_are_problems_at_their_key_and_the_rest_is_kept() {
    let src = "---\ntitle: [a, b]\ndescription: fine\ndate: 2025/02/03\ndraft: maybe\n---\n";
    let (p, problems) = post(src);
    assert_eq!(p.description.as_deref(), Some("fine"));
    assert_eq!(p.title, None);
    let lines: Vec<usize> = problems
        .iter()
        .map(|pr| crate::diagnostic::line_column(src, pr.at).0)
        .collect();
    assert_eq!(lines, [2, 4, 5], "{problems:?}");
    assert!(problems[0].message.contains("`title` must be text"));
    assert!(problems[1].message.contains("not a date Hugo reads"));
}

#[test]
fn link_title_names_the_sidebar_entry() {
    let (p, _) = post("---\ntitle: A long title\nlinkTitle: Short\ndraft: true\n---\n");
    assert_eq!(p.nav_title(), Some("Short"));
    assert!(p.draft);
}

#[test]
fn cards_need_a_title_or_website() {
    let (p, problems) = post(
        "---\nlinks:\n- title: A\n  website: https://a.example\n- description: lonely\n- website: https://b.example\n---\n",
    );
    assert_eq!(p.links.len(), 2);
    assert_eq!(p.links[1].title, "https://b.example");
    assert_eq!(problems.len(), 1);
}
