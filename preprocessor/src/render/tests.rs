use super::*;

fn seed() -> Post {
    Post {
        title: Some("Kubernetes <Architecture>".into()),
        description: Some("A & B".into()),
        date: crate::date::parse("2025-02-03 15:00:00+0000"),
        lastmod: crate::date::parse("2025-03-01"),
        categories: vec!["kubernetes".into()],
        tags: vec!["devops".into(), "<script>".into()],
        ..Post::default()
    }
}

#[test]
fn html_header_carries_every_field_escaped() {
    let h = header(&seed(), 3, true);
    assert!(
        h.contains("<h1 class=\"hugo-title\">Kubernetes &lt;Architecture&gt;</h1>"),
        "{h}"
    );
    assert!(h.contains("<p class=\"hugo-lead\">A &amp; B</p>"));
    assert!(h.contains(
        "<time class=\"hugo-date\" datetime=\"2025-02-03T15:00:00Z\">February 3, 2025</time>"
    ));
    assert!(h.contains("3 min read"));
    assert!(h.contains("Updated <time datetime=\"2025-03-01T00:00:00Z\">March 1, 2025</time>"));
    assert!(h.contains("<span class=\"hugo-tag\">&lt;script&gt;</span>"));
    assert_one_html_block(&h);
}

/// `html`, read as markdown with mdBook's options, is one HTML block: no blank line or markup
/// in it ends it early, so markdown never reads any of it.
fn assert_one_html_block(html: &str) {
    use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
    let events: Vec<Event> =
        mdbook_markdown::new_cmark_parser(html, &mdbook_markdown::MarkdownOptions::default())
            .collect();
    assert!(
        matches!(events.first(), Some(Event::Start(Tag::HtmlBlock)))
            && matches!(events.last(), Some(Event::End(TagEnd::HtmlBlock)))
            && events[1..events.len() - 1]
                .iter()
                .all(|e| matches!(e, Event::Html(_))),
        "not one HTML block: {events:?}"
    );
    assert!(
        html.ends_with("\n\n"),
        "the block must end with a blank line: {html:?}"
    );
}

#[test]
fn markdown_header_for_other_renderers() {
    let h = header(&seed(), 3, false);
    assert!(h.starts_with("# Kubernetes \\<Architecture\\>\n\n*A \\& B*\n\nFebruary 3, 2025 · 3 min read · Updated March 1, 2025\n"), "{h}");
    assert!(h.contains("Tags: devops, \\<script\\>"));
}

#[test]
fn cards_link_whole_card_and_fall_back_to_the_host() {
    let cards_in = [
        Card {
            title: "CNCF".into(),
            website: Some("https://www.cncf.io/".into()),
            ..Card::default()
        },
        Card {
            title: "\"x\" <y>".into(),
            description: Some("d".into()),
            website: Some("https://a.example/?a=1&b=2".into()),
            image: Some("logo.png".into()),
        },
    ];
    let html = cards(&cards_in, true);
    assert!(html.contains("<a class=\"hugo-card-link\" href=\"https://www.cncf.io/\" target=\"_blank\" rel=\"noopener\">"), "{html}");
    assert!(html.contains("<p class=\"hugo-card-description\">www.cncf.io</p>"));
    assert!(html.contains("href=\"https://a.example/?a=1&amp;b=2\""));
    assert!(
        html.contains(
            "alt=\"&quot;x&quot; &lt;y&gt;\" loading=\"lazy\" width=\"60\" height=\"60\""
        )
    );
    assert!(html.contains("<span class=\"hugo-card-initial\" aria-hidden=\"true\">X</span>"));
    let section = html.strip_prefix("## Links\n\n").unwrap();
    assert!(
        !section.trim_end().contains("\n\n"),
        "one HTML block: {html}"
    );
    let md = cards(&cards_in, false);
    assert_eq!(
        md,
        "## Links\n\n- [CNCF](https://www.cncf.io/)\n- [\\\"x\\\" \\<y\\>](https://a.example/?a=1&b=2): d\n"
    );
}

#[test]
fn problem_box_lists_locations_escaped() {
    let d = Diagnostic::at("book/a.md", "x", 0, "bad <thing>").hint("fix");
    let b = problem_box(&[d], true);
    assert!(
        b.contains("<code>book/a.md:1:1</code> bad &lt;thing&gt; <em>fix</em>"),
        "{b}"
    );
    assert_eq!(problem_box(&[], true), "");
}
