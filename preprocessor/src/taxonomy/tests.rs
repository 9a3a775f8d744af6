use super::*;
use crate::post::Post;

/// Every term chapter of `t`, in order, with its list when set apart.
fn terms_of(t: &Taxonomy) -> Vec<(Chapter, Option<List>)> {
    let items = Items::default();
    t.terms
        .iter()
        .map(|term| {
            let written = term.members.iter().map(|m| items.item(term, m)).collect();
            term_chapter(t, term, written)
        })
        .collect()
}

fn post(title: &str, date: &str, weight: i64, tags: &[&str]) -> Post {
    Post {
        title: Some(title.into()),
        date: crate::date::parse(date),
        weight,
        tags: tags.iter().map(|t| (*t).into()).collect(),
        ..Post::default()
    }
}

#[test]
fn terms_gather_posts_in_hugos_order() {
    let posts = [
        post("Old", "2024-01-01", 0, &["Go", "web"]),
        post("New", "2025-01-01", 0, &["go"]),
        post("Pinned", "2020-01-01", 1, &["go"]),
        post("Draft", "2026-01-01", 0, &["go"]),
    ];
    let mut drafted = posts[3].clone();
    drafted.draft = true;
    let links = ["a/index.md", "b/index.md", "c/index.md", "d/index.md"];
    let bodies = [
        "First words.",
        "Intro.\n\n<!--more-->\n\nRest.",
        "Pinned.",
        "x",
    ];
    let posted: Vec<Posted> = (0..4)
        .map(|i| Posted {
            post: if i == 3 { &drafted } else { &posts[i] },
            link: links[i],
            file: links[i],
            summary: Some(Arc::new(auto_summary(
                bodies[i],
                posts[i].summary.as_deref(),
            ))),
        })
        .collect();
    let tax = from_posts(&posted);
    let tags = &tax[1];
    assert_eq!(tags.plural, "tags");
    let keys: Vec<&str> = tags.terms.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys, ["go", "web"]);
    let go = &tags.terms[0];
    // The first spelling names the term; weight first, then newest; drafts are not listed.
    assert_eq!(go.title, "Go");
    let titles: Vec<&str> = go.members.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["Pinned", "New", "Old"]);
    assert_eq!(
        go.members[1].summary.as_ref().unwrap().markdown.as_deref(),
        Some("Intro.")
    );
    assert!(tax[0].terms.is_empty(), "no categories");
}

#[test]
fn chapters_list_terms_with_counts_and_posts_with_dates_and_summaries() {
    let tax = Taxonomy {
        plural: "tags".into(),
        title: "Tags".into(),
        body: None,
        terms: vec![Term {
            key: "kubernetes-networking".into(),
            link: "tags/kubernetes-networking/index.md".into(),
            title: "Kubernetes Networking".into(),
            description: Some("Packets, *mostly*.".into()),
            body: None,
            members: vec![Member {
                title: "Services [and] proxies".into(),
                link: "post/services/index.md".into(),
                date: crate::date::parse("2025-03-10"),
                summary: Some(Arc::new(auto_summary("How traffic finds a pod.", None))),
            }],
        }],
    };
    let made = chapters(std::slice::from_ref(&tax), terms_of(&tax));
    let [BookItem::PartTitle(part), BookItem::Chapter(list)] = &made.items[..] else {
        panic!("{made:?}")
    };
    assert_eq!(part, "Tags");
    assert_eq!(
        list.path.as_deref(),
        Some(std::path::Path::new("tags/index.md"))
    );
    // Both lists hold plain text only: they are set apart, and the pages keep their front matter.
    let apart: Vec<&str> = made
        .lists
        .iter()
        .map(|(p, _)| p.to_str().unwrap())
        .collect();
    assert_eq!(
        apart,
        ["tags/kubernetes-networking/index.md", "tags/index.md"]
    );
    let (terms, posts) = (made.lists[1].1.text(), made.lists[0].1.text());
    assert!(
        terms.contains("[Kubernetes Networking](kubernetes-networking/index.md) · 1 post"),
        "{terms}"
    );
    assert!(
        !list.content.contains("Kubernetes Networking]"),
        "{}",
        list.content
    );
    let BookItem::Chapter(term) = &list.sub_items[0] else {
        panic!()
    };
    assert_eq!(
        term.content,
        "{\"description\":\"Packets, *mostly*.\",\"title\":\"Kubernetes Networking\"}\n\n"
    );
    assert!(
        posts.contains("(../../post/services/index.md)** · March 10, 2025")
            && posts.contains("How traffic finds a pod."),
        "{posts}"
    );
    // The generated page reads back as a post with that title; its list has nothing to read.
    let read = crate::read::Read::new(
        "t".into(),
        &term.content,
        &crate::shortcodes::registry::Shortcodes::builtin(),
    );
    assert_eq!(
        read.post.unwrap().title.as_deref(),
        Some("Kubernetes Networking")
    );
    let read = crate::read::Read::new(
        "t".into(),
        &posts,
        &crate::shortcodes::registry::Shortcodes::builtin(),
    );
    assert_eq!(read.scan.sites.len(), 1);
    assert!(read.scan.anchors.is_empty() && read.shortcodes.is_empty());
}

#[test]
fn a_summarys_relative_images_still_load_on_the_term_page() {
    let tax = Taxonomy {
        plural: "tags".into(),
        title: "Tags".into(),
        body: None,
        terms: vec![Term {
            key: "go".into(),
            link: "tags/go/index.md".into(),
            title: "Go".into(),
            description: None,
            body: None,
            members: vec![Member {
                title: "Hello".into(),
                link: "p/hello/index.md".into(),
                date: None,
                summary: Some(Arc::new(auto_summary(
                    "See ![the diagram](diagram.png) and [the site](/about/).\n\n<!--more-->\n\nMore.",
                    None,
                ))),
            }],
        }],
    };
    let made = chapters(std::slice::from_ref(&tax), terms_of(&tax));
    let [_, BookItem::Chapter(list)] = &made.items[..] else {
        panic!("{made:?}")
    };
    let BookItem::Chapter(term) = &list.sub_items[0] else {
        panic!()
    };
    // The summary is the author's markdown, with a link to rewrite: the list stays in the page.
    let apart: Vec<&str> = made
        .lists
        .iter()
        .map(|(p, _)| p.to_str().unwrap())
        .collect();
    assert_eq!(apart, ["tags/index.md"]);
    assert!(
        term.content
            .contains("![the diagram](../../p/hello/diagram.png) and [the site](/about/)"),
        "{}",
        term.content
    );
}

#[test]
fn a_post_without_a_summary_is_one_line_in_the_loose_list() {
    let m = |t: &str, s: Option<Summary>| Member {
        title: t.into(),
        link: format!("p/{t}/index.md"),
        date: None,
        summary: s.map(Arc::new),
    };
    let term = Term {
        key: "go".into(),
        link: "tags/go/index.md".into(),
        title: "Go".into(),
        description: None,
        body: None,
        members: vec![
            m("a", None),
            m("b", Some(auto_summary("Words.", None))),
            m("c", Some(auto_summary("", None))),
        ],
    };
    let items = Items::default();
    let written = term.members.iter().map(|m| items.item(&term, m)).collect();
    let (_, list) = term_page(&term, written);
    assert_eq!(
        list.text(),
        "* **[a](../../p/a/index.md)**\n\n* **[b](../../p/b/index.md)**\n  \n  Words.\n\n\
         * **[c](../../p/c/index.md)**\n"
    );
}
