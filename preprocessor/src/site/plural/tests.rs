use super::*;

#[test]
fn section_titles_are_what_hugo_0111_made() {
    // Each seen with hugo 0.111 for a section folder without `_index.md`.
    let seen = [
        ("post", "Posts"),
        ("posts", "Posts"),
        ("blog", "Blogs"),
        ("news", "News"),
        ("docs", "Docs"),
        ("page", "Pages"),
        ("category", "Categories"),
        ("series", "Series"),
        ("diary", "Diaries"),
        ("photo", "Photos"),
        ("life", "Lives"),
        ("tech", "Teches"),
        ("box", "boxes"),
        ("bus", "Buses"),
        ("quiz", "Quizzes"),
        ("hero", "Heroes"),
        ("index", "Indices"),
        ("child", "Children"),
        ("person", "People"),
        ("man", "men"),
        ("leaf", "Leafs"),
        ("knife", "Knives"),
        ("data", "Data"),
        ("media", "Media"),
        ("analysis", "Analyses"),
        ("criterion", "Criteria"),
        ("study", "Studies"),
        ("gallery", "Galleries"),
        ("info", "Infoes"),
        ("howto", "Howtoes"),
        ("linux", "Linuxes"),
        ("status", "Statuses"),
        ("my-notes", "My-notes"),
        ("k8s", "K8s"),
        ("ai", "Ais"),
        ("中文", "中文s"),
        ("tooth", "Teeth"),
        ("mouse", "Mice"),
        ("sheep", "Sheep"),
    ];
    for (name, title) in seen {
        assert_eq!(section_title(name), title, "{name}");
    }
}

#[test]
fn odd_names_never_panic() {
    assert_eq!(section_title("é\u{3000}"), "És");
    assert_eq!(section_title(""), "");
    assert_eq!(section_title("  "), "");
    assert_eq!(pluralize("my Box"), "my boxes");
}
