//! What the stage promises a writer, through the real binary and mdBook, no hugo needed: an
//! unknown shortcode fails `mdbook build` saying what to do, and under `mdbook serve` shows the
//! error box and its inner content; a template using what the engine lacks is a warning naming
//! the template's file and line, the call rendered from its inner content; the book.toml
//! entries (an inline template, an admonition with its kind and title from parameters) render;
//! other renderers get markdown; links to posts in what a shortcode renders resolve like the
//! chapter's own; a chapter without shortcodes comes out byte for byte as it went in.

use crate::support::{self, Fixture, page};
use mdbook_driver::book::{BookItem, Chapter};
use std::path::Path;

/// `book.toml` running the preprocessor's binary, with `extra` after its table.
fn book_toml(extra: &str) -> String {
    format!(
        "[book]\ntitle = \"Fixture\"\nsrc = \"book\"\n\n[preprocessor.hugo]\ncommand = {:?}\n\
         after = [\"index\"]\nbefore = [\"links\"]\n{extra}",
        support::binary().display().to_string()
    )
}

/// A book of posts under `book/post/<slug>/index.md` (each with its title and slug), the other
/// `files` as given, and `book.toml` with `extra`.
fn book(name: &str, extra: &str, posts: &[(&str, &str)], files: &[(&str, &str)]) -> Fixture {
    let mut summary = String::from("# Summary\n\n");
    let mut all: Vec<(String, String)> = vec![("book.toml".into(), book_toml(extra))];
    for (slug, body) in posts {
        summary.push_str(&format!("- [{slug}](post/{slug}/index.md)\n"));
        all.push((
            format!("book/post/{slug}/index.md"),
            format!("---\ntitle: Post {slug}\nslug: {slug}\n---\n\n{body}"),
        ));
    }
    all.push(("book/SUMMARY.md".into(), summary));
    all.extend(
        files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned())),
    );
    let refs: Vec<(&str, &str)> = all.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    Fixture::new(name, &refs)
}

/// The `<main>` of a page: the chapter as rendered.
fn main_of(html: &str) -> &str {
    let start = html.find("<main>").unwrap_or(0);
    let end = html.rfind("</main>").unwrap_or(html.len());
    &html[start..end]
}

/// The chapter at `path` in a preprocessed book.
fn chapter<'a>(items: &'a [BookItem], path: &str) -> Option<&'a Chapter> {
    items.iter().find_map(|item| match item {
        BookItem::Chapter(ch) if ch.path.as_deref() == Some(Path::new(path)) => Some(ch),
        BookItem::Chapter(ch) => chapter(&ch.sub_items, path),
        _ => None,
    })
}

const UNKNOWN: &str = "Before.\n\n{{< nope >}}\nThe **inner** text.\n{{< /nope >}}\n\nAfter.\n";

#[test]
fn an_unknown_shortcode_fails_the_build_saying_what_to_do() {
    let fx = book("sc-unknown", "", &[("x", UNKNOWN)], &[]);
    let run = fx.preprocess("html", false);
    assert!(!run.success, "the run should fail:\n{}", run.stderr);
    let expected = "book/post/x/index.md:8:1: error: unknown shortcode `nope` (add \
                    layouts/shortcodes/nope.html or map it under [preprocessor.hugo.shortcodes])";
    assert!(
        run.stderr.lines().any(|l| l == expected),
        "expected the line\n{expected}\nin:\n{}",
        run.stderr
    );
    let built = fx.build(false);
    assert!(built.is_err(), "mdbook build should fail");
}

#[test]
fn under_serve_an_unknown_shortcode_shows_the_error_box_and_its_inner_content() {
    let fx = book("sc-unknown-serve", "", &[("x", UNKNOWN)], &[]);
    let out = fx
        .build(true)
        .expect("mdbook serve builds a page with problems");
    let html = page(&out, "post/x/index.html");
    let main = main_of(&html);
    assert!(main.contains("class=\"hugo-error\""), "{main}");
    assert!(main.contains("unknown shortcode `nope`"), "{main}");
    assert!(main.contains("<strong>inner</strong>"), "{main}");
    assert!(!main.contains("{{&lt;") && !main.contains("{{<"), "{main}");
    assert!(
        main.contains("Before.") && main.contains("After."),
        "{main}"
    );
}

/// A template Hugo runs and the engine cannot: `where` on line 3.
const LISTER: &str = "{{- /* The page's items of one kind, then the inner content. */ -}}\n\
                      <ul class=\"lister\">\n\
                      {{ range where .Page.Params.items \"kind\" \"x\" }}<li>{{ .name }}</li>{{ end }}\n\
                      </ul>\n\
                      {{ .Inner | markdownify }}\n";

#[test]
fn a_template_the_engine_cannot_run_is_a_warning_and_the_call_shows_its_inner_content() {
    let body = "{{< lister >}}\nThe *inner* text.\n{{< /lister >}}\n";
    let files = [("layouts/shortcodes/lister.html", LISTER)];
    let fx = book("sc-unsupported", "", &[("x", body)], &files);
    let run = fx.preprocess("html", false);
    assert!(run.success, "warnings only:\n{}", run.stderr);
    let warning = run
        .stderr
        .lines()
        .find(|l| l.starts_with("layouts/shortcodes/lister.html:3:"))
        .unwrap_or_else(|| panic!("no warning at the template's line:\n{}", run.stderr));
    assert!(
        warning.contains(": warning: ") && warning.contains("where"),
        "{warning}"
    );
    let out = fx.build(false).expect("the book builds");
    let main = page(&out, "post/x/index.html");
    let main = main_of(&main);
    assert!(main.contains("<em>inner</em>"), "{main}");
    assert!(!main.contains("lister") && !main.contains("{{"), "{main}");
}

const ENTRIES: &str = r#"
[preprocessor.hugo.shortcodes.notice]
template = '<div class="notice">{{ .Inner | markdownify }}</div>'

[preprocessor.hugo.shortcodes.alert]
admonition = "note"
kind = "type"
title = "title"

[preprocessor.hugo.shortcodes.callout]
admonition = "tip"
kind = 0
title = 1
"#;

const ENTRY_CALLS: &str = "{{< notice >}}A *notice*.{{< /notice >}}\n\n\
    {{< alert type=\"warning\" title=\"Mind the step\" >}}\nWatch **out**.\n{{< /alert >}}\n\n\
    {{< callout danger \"Hot\" >}}\nDo not touch.\n{{< /callout >}}\n\n\
    {{< callout >}}\nA plain tip.\n{{< /callout >}}\n";

#[test]
fn book_toml_entries_render_an_inline_template_and_mdbooks_admonitions() {
    let fx = book("sc-entries", ENTRIES, &[("x", ENTRY_CALLS)], &[]);
    let out = fx.build(false).expect("the book builds");
    let html = page(&out, "post/x/index.html");
    let main = main_of(&html);
    assert!(
        main.contains("<div class=\"notice\">A <em>notice</em>.</div>"),
        "{main}"
    );
    let admonition = |kind: &str, title: &str, text: &str| {
        let start = main
            .find(&format!("blockquote-tag-{kind}\""))
            .unwrap_or_else(|| panic!("no {kind} admonition in {main}"));
        let block = &main[start..];
        let block = &block[..block.find("</blockquote>").unwrap_or(block.len())];
        assert!(block.contains(title), "{kind}: {title:?} in {block}");
        assert!(block.contains(text), "{kind}: {text:?} in {block}");
    };
    // The kind from `type`, the title from `title`, the inner content after it.
    admonition(
        "warning",
        "<strong>Mind the step</strong>",
        "Watch <strong>out</strong>.",
    );
    // `danger` is mdBook's caution; the title from the second parameter.
    admonition("caution", "<strong>Hot</strong>", "Do not touch.");
    // No parameters: the entry's own kind, no title.
    admonition("tip", "Tip</p>", "A plain tip.");
    assert!(!main.contains("{{"), "{main}");
}

#[test]
fn other_renderers_get_markdown() {
    let body = "{{< youtube 9C7O6B5elhk >}}\n\n\
                {{< figure src=\"/img/a.png\" alt=\"A\" caption=\"A *small* picture\" >}}\n\n\
                {{< alert type=\"warning\" title=\"Mind the step\" >}}\nWatch **out**.\n{{< /alert >}}\n";
    let fx = book("sc-markdown", ENTRIES, &[("x", body)], &[]);
    let run = fx.preprocess("markdown", false);
    assert!(run.success, "{}", run.stderr);
    let book = run.book.expect("the preprocessor wrote a book");
    let content = &chapter(&book.items, "post/x/index.md")
        .expect("the chapter")
        .content;
    assert!(
        !content.contains('<'),
        "no HTML for a markdown renderer:\n{content}"
    );
    assert!(
        content.contains("(https://www.youtube.com/watch?v=9C7O6B5elhk)"),
        "a video is a link to it:\n{content}"
    );
    assert!(
        content.contains("![A](/img/a.png)"),
        "a figure is its image:\n{content}"
    );
    assert!(
        content.contains("A *small* picture"),
        "and its caption:\n{content}"
    );
    assert!(
        content.contains("> [!WARNING]\n> **Mind the step**\n>\n> Watch **out**."),
        "a callout is a blockquote with its title:\n{content}"
    );
}

#[test]
fn links_to_posts_in_what_shortcodes_render_resolve_like_the_chapters_own() {
    let body = "Own: [the other](/p/other/#its-section).\n\n\
                {{< postlink \"/p/other/#its-section\" \"by a template\" >}}\n\n\
                {{< notice >}}\nIn a notice: [the other](/p/other/#its-section), \
                [by ref]({{< ref \"other\" >}}).\n{{< /notice >}}\n\n\
                {{% mdlink to=\"/p/other/#its-section\" %}}\n";
    let other = "# Other\n\n## Its section\n\nText.\n";
    let files = [
        (
            "layouts/shortcodes/postlink.html",
            "<a class=\"postlink\" href=\"{{ .Get 0 }}\">{{ .Get 1 }}</a>",
        ),
        (
            "layouts/shortcodes/notice.html",
            "<div class=\"notice\">{{ .Inner | markdownify }}</div>",
        ),
        (
            "layouts/shortcodes/mdlink.html",
            "[a markdown link]({{ .Get \"to\" }})",
        ),
    ];
    let fx = book("sc-links", "", &[("x", body), ("other", other)], &files);
    let out = fx.build(false).expect("the book builds");
    let html = page(&out, "post/x/index.html");
    let main = main_of(&html);
    let own = "href=\"../other/index.html#its-section\"";
    assert_eq!(main.matches(own).count(), 4, "{main}");
    assert!(
        main.contains("href=\"../other/index.html\">by ref</a>"),
        "{main}"
    );
    assert!(out.join("post/other/index.html").is_file());
    assert!(!main.contains("/p/other"), "{main}");
}

/// Text with every near miss: braces, delimiters without their opening, mdBook's own
/// directives' look, code, HTML and a front matter-like rule.
const PLAIN: &str = "# Plain\n\nA {{ template action }} and {{ .Inner }} in text, `{{ code }}`,\n\
    a stray >}} and %}}, and {{- trimmed -}}.\n\n```go\nfunc f() { return map[string]int{} }\n```\n\n\
    <div class=\"x\">{ raw }</div>\n\n---\n\nLast line without a newline";

#[test]
fn a_chapter_without_shortcodes_is_byte_for_byte_as_it_came() {
    let files = |with_site: bool| {
        let mut files = vec![
            (
                "book/SUMMARY.md",
                "# Summary\n\n- [Plain](plain.md)\n- [Calls](calls.md)\n",
            ),
            ("book/plain.md", PLAIN),
        ];
        if with_site {
            // A page that starts with `{{` is JSON front matter to Hugo 0.111 (which then
            // fails, as the book does): the chapter starts with a word.
            files.push((
                "book/calls.md",
                "Calls: {{< notice >}}x{{< /notice >}} and {{< alert >}}y{{< /alert >}}\n",
            ));
            files.push((
                "layouts/shortcodes/notice.html",
                "<div class=\"notice\">{{ .Inner }}</div>",
            ));
        } else {
            files.push(("book/calls.md", "Calls: {{< youtube 9C7O6B5elhk >}}\n"));
        }
        files
    };
    let mut outputs = Vec::new();
    for (with_site, extra) in [(true, ENTRIES), (false, "")] {
        let mut all: Vec<(&str, String)> = files(with_site)
            .into_iter()
            .map(|(p, t)| (p, t.to_owned()))
            .collect();
        all.push(("book.toml", book_toml(extra)));
        let refs: Vec<(&str, &str)> = all.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let fx = Fixture::new("sc-plain", &refs);
        let run = fx.preprocess("html", false);
        assert!(run.success, "{}", run.stderr);
        let book = run
            .book
            .unwrap_or_else(|| panic!("no book:\n{}", run.stderr));
        let plain = chapter(&book.items, "plain.md").expect("the plain chapter");
        outputs.push(plain.content.clone());
    }
    assert_eq!(outputs[0], PLAIN, "with a site's shortcodes");
    assert_eq!(outputs[1], PLAIN, "with none");
}
