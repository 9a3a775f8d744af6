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
    assert_eq!(p.categories, ["foundations"]);
    assert_eq!(p.links.len(), 2);
    assert_eq!(p.links[1].website.as_deref(), Some("https://www.cncf.io/"));
}

#[test]
fn slug_falls_back_to_the_urlized_title() {
    assert_eq!(urlize::slug("No Slug Here At All"), "no-slug-here-at-all");
    assert_eq!(urlize::slug("I Replaced Claude.ai"), "i-replaced-claude.ai");
    assert_eq!(
        urlize::slug("Vim (text editor) & More!"),
        "vim-text-editor-more"
    );
    assert_eq!(urlize::slug("  Café  au lait "), "café-au-lait");
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

#[test]
fn urlize_is_hugos_sanitize() {
    // Seen with hugo 0.111: nothing leads with `-`, only decimal digits count as digits.
    assert_eq!(urlize::slug("& (Leading) symbols"), "leading-symbols");
    assert_eq!(urlize::slug("  Café  au lait ½ x² Ⅻ "), "café-au-lait-x");
    assert_eq!(urlize::slug("Save 100%25 now"), "save-100-now");
    assert_eq!(urlize::slug("Save 100%41 now"), "save-100a-now");
    assert_eq!(urlize::slug("50% off a%zzb"), "50-off-azzb");
    assert_eq!(urlize::slug("x%2Fy p%c3%a9q"), "x/y-péq");
    assert_eq!(
        urlize::slug("A & B <c>\u{a0}nbsp\u{200a}hair"),
        "a-b-c-nbsp-hair"
    );
    // hugo 0.111 (`hugo list all`, `/p/:slug/` from the title): no dash after a dash, and the
    // permalink's QueryUnescape makes `+` a space.
    assert_eq!(urlize::slug("x - y"), "x-y");
    assert_eq!(urlize::slug("C++ Tips"), "c-tips");
    assert_eq!(urlize::slug("a+b"), "a-b");
    assert_eq!(urlize::slug("a%zz b%41"), "azz-ba");
}

#[test]
fn the_slug_is_urlized_as_the_permalink_uses_it() {
    let (p, _) = post("---\ntitle: x\nslug: My Slug Here\n---\n");
    assert_eq!(p.slug.as_deref(), Some("my-slug-here"));
    let (p, _) = post("---\ntitle: x\nslug: \"-- A --\"\n---\n");
    assert_eq!(p.slug.as_deref(), Some("a"));
}

#[test]
fn numbers_and_booleans_are_text_where_hugo_wants_text() {
    let (p, problems) = post("---\ntitle: 1984\n---\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.title.as_deref(), Some("1984"));
    assert_eq!(p.slug.as_deref(), Some("1984"));
    let (p, _) = post("+++\ntitle = 2.5\n+++\n");
    assert_eq!(p.title.as_deref(), Some("2.5"));
}

#[test]
fn draft_reads_as_hugo_reads_it() {
    for (src, want) in [
        ("---\ndraft: yes\n---\n", true),
        ("---\ndraft: on\n---\n", true),
        ("---\ndraft: No\n---\n", false),
        ("---\ndraft: \"t\"\n---\n", true),
        ("---\ndraft: 1\n---\n", true),
        ("{\"draft\": \"true\"}\n", true),
        ("+++\ndraft = \"1\"\n+++\n", true),
    ] {
        let (p, problems) = post(src);
        assert!(problems.is_empty(), "{src}: {problems:?}");
        assert_eq!(p.draft, want, "{src}");
    }
    // YAML 1.1's words are YAML's; in TOML and JSON text other than Go's words is a mistake.
    // Numbers count in YAML only (hugo 0.111: TOML `draft = 1` and JSON `"draft": 1` are false).
    for src in [
        "+++\ndraft = \"yes\"\n+++\n",
        "+++\ndraft = 1\n+++\n",
        "{\"draft\": 1}\n",
        "---\ndraft: 2.5\n---\n",
    ] {
        let (p, problems) = post(src);
        assert!(!p.draft, "{src}");
        assert_eq!(problems.len(), 1, "{src}");
    }
}

#[test]
fn publish_expiry_and_build_options_read_as_hugo_0111_reads_them() {
    let (p, problems) = post(
        "---\ndate: 2020-01-01\nexpiryDate: 2030-01-01\nheadless: true\nsummary: Short *one*.\n\
         _build:\n  List: local\n  render: false\n  publishResources: false\n---\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.publish_date, crate::date::parse("2020-01-01"));
    assert_eq!(p.expiry_date, crate::date::parse("2030-01-01"));
    assert!(p.headless);
    assert_eq!(p.summary.as_deref(), Some("Short *one*."));
    assert_eq!(
        p.build,
        Build {
            list: List::Local,
            render: Render::Never,
            publish_resources: false
        }
    );
    // The newer `build` key is only a param in 0.111; unknown values are `always`.
    let (p, _) = post("---\nbuild:\n  list: never\n_build:\n  list: sometimes\n---\n");
    assert_eq!(p.build, Build::default());
    // `publishDate` wins over `date`; `published: false` is a draft, and no date.
    let (p, problems) = post("---\ndate: 2020-01-01\npubdate: 2021-01-01\npublished: false\n---\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.publish_date, crate::date::parse("2021-01-01"));
    assert!(p.draft);
    let (p, _) = post("---\nunpublishdate: 2001-02-03\ndraft: false\npublished: false\n---\n");
    assert_eq!(p.expiry_date, crate::date::parse("2001-02-03"));
    assert!(!p.draft);
}

#[test]
fn terms_of_any_taxonomy() {
    let src = "---\ntags: [Go, 1, true]\nseries: One Series\ncategories: {a: b}\n---\n";
    let Found::Block(block) = find(src) else {
        panic!()
    };
    let map = parse(src, &block).unwrap();
    assert_eq!(
        Post::terms(&map, src, &block, "tags").0,
        ["Go", "1", "true"]
    );
    assert_eq!(Post::terms(&map, src, &block, "series").0, ["One Series"]);
    let (terms, problems) = Post::terms(&map, src, &block, "categories");
    assert!(terms.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .contains("`categories` must be a list of terms")
    );
}

#[test]
fn weight_reads_as_gos_cast_to_int() {
    // A real Stack blog writes `weight: false` in every post; hugo 0.111 builds it as 0.
    for (src, want) in [
        ("---\nweight: false\n---\n", 0),
        ("---\nweight: true\n---\n", 1),
        ("---\nweight: \"7\"\n---\n", 7),
        ("---\nweight: 2.9\n---\n", 2),
        ("---\nweight: -3\n---\n", -3),
    ] {
        let (p, problems) = post(src);
        assert!(problems.is_empty(), "{src}: {problems:?}");
        assert_eq!(p.weight, want, "{src}");
    }
    let (_, problems) = post("---\nweight: [1]\n---\n");
    assert_eq!(problems.len(), 1);
}
