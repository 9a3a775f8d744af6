use super::*;
use crate::site::config::Config;
use serde_json::json;

fn input(path: &str) -> Input {
    Input {
        path: path.into(),
        html_document: false,
        index: 0,
    }
}

fn config(extra: serde_json::Value) -> Config {
    Config::from_map(extra.as_object().cloned().unwrap(), "hugo.toml").0
}

fn classify_paths(paths: &[&str], c: &Config) -> Tree {
    let inputs: Vec<Input> = paths.iter().map(|p| input(p)).collect();
    classify(&inputs, c, "/site/content")
}

#[test]
fn bundles_own_their_files() {
    let t = classify_paths(
        &[
            "post/_index.md",
            "post/cover.jpg",
            "post/x.md",
            "post/leaf/index.md",
            "post/leaf/a.md",
            "post/leaf/deep/_index.md",
            "post/leaf/deep/b.png",
            "loose/file.txt",
        ],
        &config(json!({})),
    );
    let heads: Vec<(&str, Bundle)> = t
        .pages
        .iter()
        .map(|p| (p.path.as_str(), p.bundle))
        .collect();
    assert_eq!(
        heads,
        [
            ("post/_index.md", Bundle::Branch),
            ("post/leaf/index.md", Bundle::Leaf),
            ("post/x.md", Bundle::None),
        ]
    );
    assert_eq!(t.pages[0].resources, ["post/cover.jpg"]);
    assert_eq!(
        t.pages[1].resources,
        [
            "post/leaf/a.md",
            "post/leaf/deep/_index.md",
            "post/leaf/deep/b.png"
        ]
    );
    assert_eq!(t.pages[2].dir, "post/x");
    assert_eq!(t.skipped, [("loose/file.txt".into(), Skip::NotContent)]);
}

#[test]
fn hidden_ignored_and_translated_files_are_skipped() {
    let c = config(json!({
        "ignorefiles": ["/content/drafts/", "\\.tmp\\.md$"],
        "languages": {"en": {}, "fr": {}},
    }));
    let t = classify_paths(
        &[
            ".hidden/a.md",
            "post/#emacs.md",
            "post/backup.md~",
            "drafts/x.md",
            "post/note.tmp.md",
            "post/x.fr.md",
            "post/x.md",
            "post/y.en.md",
            "post/y.md",
            "post/_under.md",
            "post/z.de.md",
        ],
        &c,
    );
    let pages: Vec<&str> = t.pages.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        pages,
        [
            "post/_under.md",
            "post/x.md",
            "post/y.en.md",
            "post/z.de.md"
        ]
    );
    let skipped: std::collections::HashMap<&str, &Skip> =
        t.skipped.iter().map(|(p, s)| (p.as_str(), s)).collect();
    assert_eq!(skipped[".hidden/a.md"], &Skip::Hidden);
    assert_eq!(skipped["post/#emacs.md"], &Skip::Hidden);
    assert_eq!(skipped["post/backup.md~"], &Skip::Hidden);
    assert_eq!(
        skipped["drafts/x.md"],
        &Skip::Ignored("/content/drafts/".into())
    );
    assert_eq!(
        skipped["post/note.tmp.md"],
        &Skip::Ignored("\\.tmp\\.md$".into())
    );
    assert_eq!(skipped["post/x.fr.md"], &Skip::Translation("fr".into()));
    assert_eq!(skipped["post/y.md"], &Skip::Duplicate);
    // `de` is no configured language: `z.de` is the page's name.
    assert_eq!(t.pages[3].base_name, "z.de");
    assert_eq!(t.pages[2].base_name, "y");
}

#[test]
fn index_beside_index_is_a_page_of_the_section() {
    let t = classify_paths(&["s/_index.md", "s/index.md"], &config(json!({})));
    assert_eq!(t.pages.len(), 2);
    assert_eq!(t.pages[1].bundle, Bundle::None);
    assert_eq!(t.both_indexes, ["s/index.md"]);
}
