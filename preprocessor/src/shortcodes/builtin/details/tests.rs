use crate::markdown::tests::events;
use crate::shortcodes::call::Value;
use crate::shortcodes::testing::{html, md, named, rendered, v};
use mdbook_markdown::pulldown_cmark::{Event, Tag};

#[test]
fn details_wraps_the_content_which_renders_with_the_page() {
    let out = html(&named("details", &[]), Some("\nSome *text*.\n\n- a\n"));
    assert_eq!(
        out,
        "<details><summary>Details</summary>\n\nSome *text*.\n\n- a\n\n</details>"
    );
    let page = rendered(&out);
    assert!(
        page.contains("<details><summary>Details</summary>"),
        "{page}"
    );
    assert!(page.contains("<p>Some <em>text</em>.</p>"), "{page}");
    assert!(page.contains("<li>a</li>"), "{page}");
    assert!(page.trim_end().ends_with("</details>"), "{page}");
}

#[test]
fn details_open_summary_and_attributes() {
    let out = html(
        &named(
            "details",
            &[
                ("summary", v("See *more* {{#include x}}")),
                ("open", Value::Bool(true)),
                ("class", v("c")),
                ("name", v("g")),
                ("title", v("T \"q\"")),
            ],
        ),
        Some("x"),
    );
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "<details class=\"c\" name=\"g\" open title=\"T &quot;q&quot;\"><summary>See <em>more</em> &#123;&#123;#include x&#125;&#125;</summary>"
            .replace("&#125;&#125;", "}}")
    );
    for open in [v("true"), Value::Int(1)] {
        assert!(html(&named("details", &[("open", open)]), None).starts_with("<details open>"));
    }
    for closed in [v("false"), Value::Bool(false), v("yes")] {
        assert!(html(&named("details", &[("open", closed)]), None).starts_with("<details>"));
    }
}

#[test]
fn as_markdown_details_are_a_bold_summary_then_the_content() {
    let out = md(
        &named("details", &[("summary", v("More *here*"))]),
        Some("\nBody.\n"),
    );
    assert_eq!(out, "**More *here***\n\nBody.");
    let evs = events(&out);
    assert_eq!(evs[1], Event::Start(Tag::Strong));
    assert!(evs.contains(&Event::Start(Tag::Emphasis)), "{evs:?}");
    assert!(evs.contains(&Event::Text("Body.".into())), "{evs:?}");
}
