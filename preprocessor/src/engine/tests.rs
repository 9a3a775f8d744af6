use super::*;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Chapter, SectionNumber};
use mdbook_preprocessor::config::Config;

/// The run on one thread and on several: the same book and problems (returned).
fn run(settings: &Settings, book: Book) -> (Book, Vec<Diagnostic>) {
    let (one, one_problems) = run_book(settings, book.clone(), 1);
    let (many, many_problems) = run_book(settings, book, 4);
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&many).unwrap(),
        "one thread and four give different books"
    );
    assert_eq!(one_problems, many_problems);
    (many, many_problems)
}

fn chapter(name: &str, path: &str, content: &str, sub: Vec<BookItem>) -> BookItem {
    let mut ch = Chapter::new(name, content.to_owned(), path, Vec::new());
    ch.number = Some(SectionNumber::new(vec![1]));
    ch.sub_items = sub;
    BookItem::Chapter(ch)
}

fn context(toml: &str) -> PreprocessorContext {
    let config: Config = toml.parse().unwrap();
    PreprocessorContext::new("/book".into(), config, "html".into())
}

/// The run over JSON gives exactly the JSON and problems of the run over the book in memory,
/// on any number of threads.
fn same_as_in_memory(ctx: &PreprocessorContext, book: Book) {
    let input = serde_json::to_string(&(ctx, &book)).unwrap();
    let settings = Settings::from_context(ctx).unwrap();
    let (expected, expected_problems) = run(&settings, book);
    for threads in [1, 2, 3, 8] {
        let mut json = Vec::new();
        let out = run_json(input.as_bytes(), &mut json, threads).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            serde_json::to_string(&expected).unwrap(),
            "{threads} threads"
        );
        assert_eq!(out.problems, expected_problems);
        assert_eq!(out.mdbook_version, ctx.mdbook_version);
    }
}

fn sample() -> Book {
    let mut draft = Chapter::new_draft("Later", Vec::new());
    draft.sub_items = vec![chapter(
        "Sub",
        "sub.md",
        "---\ntitle: Sub post\n---\n[wip](/p/wip/)\n",
        vec![],
    )];
    Book::new_with_items(vec![
        chapter(
            "Intro",
            "README.md",
            "---\ntitle: Welcome\nlinkTitle: Home\nslug: home\nlinks:\n- title: K\n  website: https://kubernetes.io\n---\nSee [the draft](/p/wip/) and [nothing](/p/nothing/).\n",
            vec![],
        ),
        BookItem::PartTitle("Part".into()),
        chapter(
            "WIP",
            "post/wip.md",
            "---\ntitle: Work in progress\nslug: wip\ndraft: true\n---\nsoon\n",
            vec![
                chapter(
                    "Child",
                    "post/child.md",
                    "---\ntitle: Child post\n---\nBack [home](/p/home/).\n",
                    vec![],
                ),
                chapter(
                    "Second",
                    "post/second.md",
                    "+++\ntitle = \"Second\"\n+++\n{{< ref \"child\" >}}\n",
                    vec![],
                ),
            ],
        ),
        BookItem::Separator,
        BookItem::Chapter(draft),
        chapter(
            "Plain",
            "plain.md",
            "# Plain\n\nNo front matter, a [link](/p/home/#plain).\n",
            vec![],
        ),
    ])
}

#[test]
fn build_and_serve_match_the_in_memory_run() {
    same_as_in_memory(
        &context("[book]\ntitle = \"Book\"\n[preprocessor.hugo]\n"),
        sample(),
    );
    same_as_in_memory(
        &context("[preprocessor.hugo]\n[output.html]\nlive-reload-endpoint = \"__livereload\"\n"),
        sample(),
    );
    same_as_in_memory(
        &context("[preprocessor.hugo]\ndrafts = true\ncards = \"header\"\n"),
        sample(),
    );
    same_as_in_memory(&context("[preprocessor.hugo]\n"), Book::new());
}

#[test]
fn many_chapters_keep_their_order() {
    let items = (0..500)
        .map(|i| {
            let sub = if i % 7 == 0 {
                vec![chapter(
                    "s",
                    &format!("p{i}/sub.md"),
                    &format!("---\ntitle: Sub {i}\ndraft: {}\n---\n", i % 2 == 0),
                    vec![],
                )]
            } else {
                vec![]
            };
            chapter(
                &format!("c{i}"),
                &format!("p{i}.md"),
                &format!(
                    "---\ntitle: Post {i}\nslug: s{i}\n---\n[next](/p/s{}/) [bad](/p/x{i}/)\n",
                    (i + 1) % 500
                ),
                sub,
            )
        })
        .collect();
    same_as_in_memory(
        &context("[preprocessor.hugo]\n"),
        Book::new_with_items(items),
    );
}

#[test]
fn bad_input_and_bad_settings_say_which() {
    let Err(Failure::Input(message)) = run_json("[{}, ", &mut Vec::new(), 2) else {
        panic!("truncated input accepted")
    };
    assert!(
        message.contains("run this through `mdbook build`"),
        "{message}"
    );
    let Err(Failure::Input(message)) = run_json(b"[{\"a\": \"\xff\"}]", &mut Vec::new(), 2) else {
        panic!("input that is not UTF-8 accepted")
    };
    assert!(message.contains("not UTF-8"), "{message}");
    let ctx = context("[preprocessor.hugo]\ncards = \"middle\"\n");
    let input = serde_json::to_string(&(&ctx, &sample())).unwrap();
    let Err(Failure::Settings {
        message,
        mdbook_version,
    }) = run_json(input, &mut Vec::new(), 2)
    else {
        panic!("bad settings accepted")
    };
    assert!(message.contains("cards"), "{message}");
    assert_eq!(mdbook_version, ctx.mdbook_version);
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

fn lib_sample() -> Book {
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
    let (book, problems) = run(&settings, lib_sample());
    assert_eq!(names(&book), ["Home", "Child post"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().starts_with("book/README.md:6:17: warning: `/p/wip/` links to book/post/wip.md, a draft left out of this build"), "{}", problems[0]);
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
    let (book, problems) = run(&settings, lib_sample());
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
            "book/b.md:3:1: warning: two posts have the slug `same`: book/b.md and book/a.md (give one of them another `slug:`)",
            "book/a.md:3:1: warning: two posts have the slug `same`: book/a.md and book/b.md (give one of them another `slug:`)",
        ]
    );
    assert_eq!(names(&book), ["A", "B"], "nothing is dropped");
}

#[test]
fn a_link_to_a_shared_slug_is_the_one_error() {
    let book = Book::new_with_items(vec![
        chapter("A", "a.md", "---\ntitle: A\nslug: same\n---\n", vec![]),
        chapter("B", "b.md", "---\ntitle: B\nslug: same\n---\n", vec![]),
        chapter(
            "C",
            "c.md",
            "See [it](/p/same/) and [none](/p/nothing/).\n",
            vec![],
        ),
    ]);
    let (book, problems) = run(&Settings::for_build(), book);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        errors,
        [
            "book/c.md:1:10: error: `/p/same/` could be any of the posts with slug `same`: book/a.md, book/b.md (give one of them another `slug:`, or link with `{{< ref \"path\" >}}`)"
        ]
    );
    assert!(
        problems
            .iter()
            .any(|p| !p.is_error() && p.message.starts_with("unknown post `nothing`"))
    );
    let BookItem::Chapter(c) = &book.items[2] else {
        panic!()
    };
    assert_eq!(
        c.content, "See [it](/p/same/) and [none](/p/nothing/).\n",
        "left as written"
    );
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
