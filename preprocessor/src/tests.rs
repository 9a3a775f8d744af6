use super::*;
use mdbook_preprocessor::book::SectionNumber;
use std::path::PathBuf;

fn chapter(name: &str, path: &str, content: &str, sub: Vec<BookItem>) -> BookItem {
    let mut ch = Chapter::new(name, content.to_owned(), path, Vec::new());
    ch.number = Some(SectionNumber::new(vec![1]));
    ch.sub_items = sub;
    BookItem::Chapter(ch)
}

fn names(book: &Book) -> Vec<String> {
    book.iter()
        .filter_map(|i| {
            if let BookItem::Chapter(c) = i {
                Some(c.name.clone())
            } else {
                None
            }
        })
        .collect()
}

fn sample() -> Book {
    Book::new_with_items(vec![
        chapter(
            "Intro",
            "README.md",
            "---\ntitle: Welcome\nlinkTitle: Home\nslug: home\n---\nSee [the draft](/p/wip/) later.\n",
            vec![],
        ),
        chapter(
            "WIP",
            "post/wip.md",
            "---\ntitle: Work in progress\nslug: wip\ndraft: true\n---\nsoon\n",
            vec![chapter(
                "Child",
                "post/child.md",
                "---\ntitle: Child post\n---\nBack [home](/p/home/).\n",
                vec![],
            )],
        ),
    ])
}

#[test]
fn build_leaves_drafts_out_and_keeps_their_children() {
    let settings = Settings {
        book_title: Some("Book".into()),
        ..Settings::for_build()
    };
    let (book, problems) = run(&settings, sample());
    assert_eq!(names(&book), ["Home", "Child post"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().starts_with("book/README.md:6:17: `/p/wip/` links to book/post/wip.md, a draft left out of this build"), "{}", problems[0]);
    let BookItem::Chapter(child) = &book.items[1] else {
        panic!()
    };
    assert!(
        child.content.ends_with("Back [home](../index.md).\n"),
        "{}",
        child.content
    );
    let BookItem::Chapter(home) = &book.items[0] else {
        panic!()
    };
    assert!(
        home.content.starts_with("{{#title Welcome - Book}}\n"),
        "{}",
        home.content
    );
}

#[test]
fn serve_shows_drafts_marked() {
    let settings = Settings {
        serve: true,
        drafts: true,
        ..Settings::for_build()
    };
    let (book, problems) = run(&settings, sample());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        names(&book),
        ["Home", "Work in progress (draft)", "Child post"]
    );
    let BookItem::Chapter(home) = &book.items[0] else {
        panic!()
    };
    assert!(
        home.content.contains("[the draft](post/wip.md)"),
        "{}",
        home.content
    );
}

#[test]
fn duplicate_slugs_are_reported_in_both_files() {
    let book = Book::new_with_items(vec![
        chapter("A", "a.md", "---\ntitle: A\nslug: same\n---\n", vec![]),
        chapter("B", "b.md", "---\ntitle: B\nslug: same\n---\n", vec![]),
    ]);
    let (book, problems) = run(&Settings::for_build(), book);
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text,
        [
            "book/b.md:3:1: two posts have the slug `same`: book/b.md and book/a.md (give one of them another `slug:`)",
            "book/a.md:3:1: two posts have the slug `same`: book/a.md and book/b.md (give one of them another `slug:`)",
        ]
    );
    assert_eq!(names(&book), ["A", "B"], "nothing is dropped");
}

#[test]
fn chapters_without_files_and_separators_pass_through() {
    let mut draft = Chapter::new_draft("Later", Vec::new());
    draft.sub_items = vec![chapter(
        "Sub",
        "sub.md",
        "---\ntitle: Sub post\n---\n",
        vec![],
    )];
    let book = Book::new_with_items(vec![
        BookItem::PartTitle("Part".into()),
        BookItem::Chapter(draft),
        BookItem::Separator,
    ]);
    let (book, problems) = run(&Settings::for_build(), book);
    assert!(problems.is_empty());
    assert_eq!(names(&book), ["Later", "Sub post"]);
    assert_eq!(book.items.len(), 3);
    let _ = PathBuf::new();
}

#[test]
fn many_chapters_take_the_parallel_path_in_order() {
    let items: Vec<BookItem> = (0..300)
        .map(|i| {
            chapter(
                &format!("c{i}"),
                &format!("p{i}.md"),
                &format!(
                    "---\ntitle: Post {i}\nslug: s{i}\n---\n[next](/p/s{}/)\n",
                    (i + 1) % 300
                ),
                vec![],
            )
        })
        .collect();
    let (book, problems) = run(&Settings::for_build(), Book::new_with_items(items));
    assert!(problems.is_empty());
    for (i, item) in book.items.iter().enumerate() {
        let BookItem::Chapter(c) = item else { panic!() };
        assert_eq!(c.name, format!("Post {i}"));
        assert!(
            c.content
                .ends_with(&format!("[next](p{}.md)\n", (i + 1) % 300)),
            "{}",
            c.content
        );
    }
}
