use super::*;
use crate::markdown::tests::events;
use mdbook_markdown::pulldown_cmark::{Event, HeadingLevel, Tag};

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
    let h = header(&seed(), Some(3), true, &Leads::none());
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
    let h = header(&seed(), Some(3), false, &Leads::none());
    // Only what markdown would read as markup is escaped: `<` before a letter (a tag); `&` as a
    // reference, which reads back as itself.
    assert!(
        h.starts_with(
            "# Kubernetes \\<Architecture>\n\n*A &amp; B*\n\nFebruary 3, 2025 · 3 min read · Updated March 1, 2025\n"
        ),
        "{h}"
    );
    // Read back, every value is the text it was.
    let texts: Vec<String> = events(&h)
        .into_iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Kubernetes <Architecture>",
            "A & B",
            "February 3, 2025 · 3 min read · Updated March 1, 2025",
            "Categories: kubernetes",
            "Tags: devops, <script>"
        ]
    );
    assert!(matches!(
        events(&h)[0],
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        })
    ));
}

#[test]
fn markdown_cards_boxes_and_marks_read_back_as_written() {
    let md = cards(
        &[
            Card {
                title: "[not] *a* link".into(),
                website: Some("https://e.org/a(b)".into()),
                description: Some("1. a".into()),
                ..Card::default()
            },
            Card {
                title: "Plain".into(),
                ..Card::default()
            },
        ],
        false,
    );
    let evs = events(&md);
    assert!(matches!(
        &evs[0],
        Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            ..
        })
    ));
    assert!(evs.iter().any(|e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://e.org/a(b)")));
    assert!(
        evs.contains(&Event::Text("[not] *a* link".into())),
        "{md}: {evs:?}"
    );
    assert!(evs.contains(&Event::Text(": 1. a".into())), "{md}: {evs:?}");
    assert!(evs.contains(&Event::Text("Plain".into())));
    let mark = link_mark("unknown post `x` *here*", false);
    let evs = events(&mark);
    assert!(
        evs.contains(&Event::Text("⚠ unknown post `x` *here*".into())),
        "{mark}: {evs:?}"
    );
    let draft = draft_box(false);
    assert!(
        events(&draft).contains(&Event::Code("mdbook build".into())),
        "{draft}"
    );
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
        "## Links\n\n* [CNCF](https://www.cncf.io/)\n* [\"x\" \\<y>](https://a.example/?a=1&amp;b=2): d\n"
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
