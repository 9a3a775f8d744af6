use super::*;
use mdbook_preprocessor::book::{Book, Chapter, SectionNumber};
use mdbook_preprocessor::config::Config;

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

/// The streamed run gives exactly the JSON and problems of the in-memory one.
fn same_as_in_memory(ctx: &PreprocessorContext, book: Book) {
    let input = serde_json::to_string(&(ctx, &book)).unwrap();
    let settings = Settings::from_context(ctx).unwrap();
    let (expected, expected_problems) = crate::run(&settings, book);
    let mut json = Vec::new();
    let out = run(input, &mut json).unwrap();
    assert_eq!(
        String::from_utf8(json).unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
    assert_eq!(out.problems, expected_problems);
    assert_eq!(out.mdbook_version, ctx.mdbook_version);
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
    let Err(Failure::Input(message)) = run("[{}, ", &mut Vec::new()) else {
        panic!("truncated input accepted")
    };
    assert!(
        message.contains("run this through `mdbook build`"),
        "{message}"
    );
    let Err(Failure::Input(message)) = run(b"[{\"a\": \"\xff\"}]", &mut Vec::new()) else {
        panic!("input that is not UTF-8 accepted")
    };
    assert!(message.contains("not UTF-8"), "{message}");
    let ctx = context("[preprocessor.hugo]\ncards = \"middle\"\n");
    let input = serde_json::to_string(&(&ctx, &sample())).unwrap();
    let Err(Failure::Settings {
        message,
        mdbook_version,
    }) = run(input, &mut Vec::new())
    else {
        panic!("bad settings accepted")
    };
    assert!(message.contains("cards"), "{message}");
    assert_eq!(mdbook_version, ctx.mdbook_version);
}
