use super::*;
use mdbook_markdown::pulldown_cmark::{LinkType, Parser, TextMergeStream};

/// `md` read back, adjacent text joined (the parser splits it at escapes).
pub(crate) fn events(md: &str) -> Vec<Event<'_>> {
    TextMergeStream::new(Parser::new_ext(md, options())).collect()
}

#[test]
fn text_is_escaped_only_where_it_would_be_markup() {
    let md = inline(vec![text("1. *a* [b](c) # d")]);
    // It reads back as the same text, in one paragraph.
    assert_eq!(
        events(&md),
        vec![
            Event::Start(Tag::Paragraph),
            Event::Text("1. *a* [b](c) # d".into()),
            Event::End(TagEnd::Paragraph)
        ]
    );
    assert_eq!(inline(vec![text("plain words")]), "plain words");
}

#[test]
fn links_read_back_as_links() {
    let md = inline(link("https://e.org/a(b)", vec![text("x]y")]));
    let evs = events(&md);
    assert!(
        matches!(&evs[1], Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url, .. }) if dest_url.as_ref() == "https://e.org/a(b)"),
        "{md}: {evs:?}"
    );
    assert_eq!(evs[2], Event::Text("x]y".into()));
}

#[test]
fn no_value_becomes_an_mdbook_directive() {
    let md = inline(vec![text("{{#include /etc/passwd}}")]);
    assert!(md.starts_with("\\{{#"), "{md}");
    // Without mdBook's links preprocessor the backslash still escapes the brace.
    assert_eq!(
        events(&md)[1],
        Event::Text("{{#include /etc/passwd}}".into())
    );
}

#[test]
fn inline_events_join_paragraphs() {
    let evs = inline_events("a *b*\n\nc");
    assert_eq!(evs.len(), 6, "{evs:?}");
    assert_eq!(evs[4], Event::SoftBreak);
}

#[test]
fn rebased_links_reach_what_they_reached() {
    let md = "![A](diagram.png) [b](../b/#x) [c](./img/c.jpg) [d](/p/d/) [e](https://e.org/x) [f](#top) [g](mailto:a@b)";
    let out = inline(rebase(inline_events(md), "p/a/", "tags/go/index.md"));
    assert_eq!(
        out,
        "![A](../../p/a/diagram.png) [b](../../p/b/#x) [c](../../p/a/img/c.jpg) [d](/p/d/) \
         [e](https://e.org/x) [f](#top) [g](mailto:a@b)"
    );
    // From a chapter at the top, and from a folder the target shares.
    assert_eq!(
        inline(rebase(inline_events("[x](x.png)"), "p/a/", "index.md")),
        "[x](p/a/x.png)"
    );
    assert_eq!(
        inline(rebase(
            inline_events("[x](x.png)"),
            "post/a/",
            "post/index.md"
        )),
        "[x](a/x.png)"
    );
}

/// The words of `md` as it reads: its text, inline markup joining what it touches, blocks
/// apart.
pub(crate) fn words(md: &str) -> Vec<String> {
    let mut text = String::new();
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {}
            _ => text.push(' '),
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn any_markdown_as_inline_events_is_written_with_every_word() {
    for md in [
        "a *b*\n\nc",
        "- one\n- [ ] two *x*\n\n1. three",
        "# Heading\n\ntext\n\n---\n\n> quoted\n> > deeper",
        "```sh\nkubectl get pods\n\nkubectl logs x\n```",
        "    indented code",
        "| a | b |\n|---|---|\n| 1 | **2** |",
        "<div class=\"x\">\n<b>raw</b>\n</div>\n\nafter",
        "term\n: its definition\n\ntext[^n]\n\n[^n]: the note",
    ] {
        let written = inline(inline_events(md));
        assert!(!written.is_empty(), "{md:?}");
        assert!(!written.contains("\n\n"), "one paragraph: {written:?}");
        assert_eq!(words(&written), words(md), "{md:?} -> {written:?}");
    }
}
