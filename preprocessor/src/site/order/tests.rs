use super::*;

fn key(weight: i64, date: Option<i64>, title: &str, file: Option<&'static str>) -> Key<'static> {
    // The titles live as long as the test: leak them for a 'static key.
    let title: &'static str = Box::leak(title.to_owned().into_boxed_str());
    Key {
        weight,
        date,
        link_title: title,
        file,
    }
}

fn titles(mut items: Vec<Key<'static>>, order: Order) -> Vec<&'static str> {
    sort_by(&mut items, order, |k| *k);
    items.iter().map(|k| k.link_title).collect()
}

#[test]
fn titles_sort_as_hugo_0111_sorted_them() {
    // The order hugo 0.111 gave 32 undated pages of one section (go's x/text collator).
    let hugo = [
        "_x", "!bang", "(paren", "@at", "#hash", "~tilde", "1", "10", "9", "a", "A", "a b", "a_b",
        "a-b", "a.b", "ab", "arger", "Ärger", "e", "E", "é", "eclair", "Éclair", "omega", "ss",
        "ß", "Z", "zebra", "Ωmega", "한국", "中文", "日本",
    ];
    let mut shuffled: Vec<&str> = hugo.to_vec();
    shuffled.reverse();
    shuffled.rotate_left(7);
    let items = shuffled
        .iter()
        .map(|t| key(0, None, t, Some("x")))
        .collect();
    assert_eq!(titles(items, Order::Hugo), hugo);
}

#[test]
fn weights_first_then_newest_then_title_then_path() {
    let items = vec![
        key(0, None, "Undated", Some("content/post/u.md")),
        key(0, Some(100), "Old", Some("content/post/o.md")),
        key(0, Some(200), "New", Some("content/post/n.md")),
        key(5, None, "Five", Some("content/post/5.md")),
        key(-1, None, "Minus one", Some("content/post/m.md")),
        key(0, Some(200), "New", Some("content/post/a.md")),
        key(0, None, "Undated", None),
    ];
    let mut sorted = items.clone();
    sort_by(&mut sorted, Order::Hugo, |k| *k);
    let files: Vec<_> = sorted.iter().map(|k| k.file).collect();
    assert_eq!(
        files,
        [
            Some("content/post/m.md"),
            Some("content/post/5.md"),
            Some("content/post/a.md"),
            Some("content/post/n.md"),
            Some("content/post/o.md"),
            None,
            Some("content/post/u.md"),
        ]
    );
    let oldest = titles(items, Order::OldestFirst);
    assert_eq!(
        oldest,
        [
            "Minus one",
            "Five",
            "Undated",
            "Undated",
            "Old",
            "New",
            "New"
        ]
    );
}

#[test]
fn paths_compare_folding_case() {
    // hugo 0.111 listed `nodate.md` before `Spaced Name.md` (both untitled).
    assert_eq!(
        compare_fold("post/nodate.md", "post/Spaced Name.md"),
        Ordering::Less
    );
    assert_eq!(compare_fold("B", "b"), Ordering::Less);
    assert_eq!(compare_fold("a", "B"), Ordering::Less);
    assert_eq!(compare_fold("_", "B"), Ordering::Less);
    assert_eq!(compare_fold("[", "a"), Ordering::Less);
    assert_eq!(compare_fold("é", "É"), Ordering::Greater);
    assert_eq!(compare_fold("abc", "ab"), Ordering::Greater);
}
