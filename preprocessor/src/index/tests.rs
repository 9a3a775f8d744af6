use super::*;

fn entry(source: &str, slug: &str) -> Entry {
    Entry {
        path: source.into(),
        source: source.into(),
        file: format!("book/{source}"),
        slug: Some(slug.into()),
        ..Entry::default()
    }
}

#[test]
fn relative_paths_between_chapters() {
    let r = |a: &str, b: &str| {
        relative(
            &link_path(Path::new(a), true),
            &link_path(Path::new(b), true),
        )
    };
    assert_eq!(r("post/a/index.md", "post/b/index.md"), "../b/index.md");
    assert_eq!(r("post/a/index.md", "post/a/index.md"), "index.md");
    assert_eq!(r("_index.md", "post/b/index.md"), "post/b/index.md");
    assert_eq!(r("post/a/index.md", "_index.md"), "../../_index.md");
    assert_eq!(r("a.md", "my post.md"), "my%20post.md");
    assert_eq!(r("post/a/index.md", "post/a/b/c.md"), "b/c.md");
    assert_eq!(r("post/ab/x.md", "post/a/b.md"), "../a/b.md");
    assert_eq!(r("a/b/c/x.md", "a/d/b/c.md"), "../../d/b/c.md");
    assert_eq!(r("./post/../p/x.md", "p/y/README.md"), "y/index.md");
    assert_eq!(r("a\\b.md", "a/My Readme.md"), "My%20Readme.md");
    assert_eq!(link_path(Path::new("x/Readme.md"), false), "x/Readme.md");
}

#[test]
fn duplicate_slugs_name_both_files() {
    let (index, problems) = Index::new(vec![entry("a.md", "x"), entry("b.md", "x")]);
    assert_eq!(problems.len(), 2);
    assert!(
        problems[0].message.contains("book/b.md and book/a.md"),
        "{}",
        problems[0]
    );
    assert_eq!(index.slug("x"), Some(0));
}

#[test]
fn refs_resolve_as_hugo_resolves_them() {
    let (index, _) = Index::new(vec![
        entry("post/one/index.md", "1"),
        entry("post/Two Words.md", "2"),
        entry("docs/two words.md", "3"),
    ]);
    let from = Path::new("post/one/index.md");
    assert_eq!(index.content_path(from, "post/one"), Ok(Some(0)));
    assert_eq!(index.content_path(from, "/post/one/index.md"), Ok(Some(0)));
    assert_eq!(index.content_path(from, "one"), Ok(Some(0)));
    assert_eq!(index.content_path(from, "../Two Words.md"), Ok(Some(1)));
    assert_eq!(index.content_path(from, "two words"), Err(vec![1, 2]));
    assert_eq!(index.content_path(from, "nothing"), Ok(None));
}
