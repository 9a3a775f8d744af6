use super::*;

#[test]
fn urls_are_encoded_as_html_template_encodes_them() {
    assert_eq!(
        url("/img/x y.png", Part::Start).as_deref(),
        Ok("/img/x%20y.png")
    );
    // The path keeps what is valid in a URL; `&` is then escaped for the attribute.
    assert_eq!(
        url("a b/é?x=1&y", Part::Path).as_deref(),
        Ok("a%20b/%c3%a9?x=1&amp;y")
    );
    assert_eq!(
        percent("a b/é?x=1&y", Part::Query),
        "a%20b%2f%c3%a9%3fx%3d1%26y"
    );
    assert_eq!(percent("50%", Part::Path), "50%");
    assert_eq!(percent("\"<'>", Part::Path), "%22%3c%27%3e");
}

#[test]
fn only_web_and_relative_urls_may_start_an_attribute() {
    for bad in ["javascript:alert(1)", " JavaScript:x", "data:text/html,x"] {
        assert!(url(bad, Part::Start).is_err(), "{bad}");
    }
    // In the path, a scheme-like value is just text of a URL that starts elsewhere.
    assert_eq!(
        url("javascript:x", Part::Path).as_deref(),
        Ok("javascript:x")
    );
}

#[test]
fn markdownify_drops_the_paragraph_of_one_paragraph_only() {
    assert_eq!(markdownify(&render_markdown, "A *b*"), "A <em>b</em>");
    let two = markdownify(&render_markdown, "A\n\nB");
    assert_eq!(two, "<p>A</p>\n<p>B</p>\n");
    // Hugo 0.111 gives `<ul>…</ul>\n<p>C`: the book keeps the paragraph closed.
    let list_then_one = markdownify(&render_markdown, "- a\n\nC");
    assert_eq!(list_then_one, "<ul>\n<li>a</li>\n</ul>\n<p>C</p>\n");
    // No `<p` and the last closing tag is `</pre>`: kept whole, as Hugo keeps it.
    let code = markdownify(&render_markdown, "```\nx\n```");
    assert_eq!(code, "<pre><code>x\n</code></pre>\n");
}

#[test]
fn plainify_keeps_the_text() {
    assert_eq!(
        plainify("A <em>cap</em> &amp; <code>x&lt;y</code>\n\n<p>z</p>"),
        "A cap & x<y z"
    );
    assert_eq!(decode("&#34;&#x27;&unknown; & &amp"), "\"'&unknown; & &amp");
}

#[test]
fn inert_html_is_one_line_and_plain_text_to_markdown() {
    let html =
        "<p title=\"a\nb {{#x}}\">*a* _b_ [c](d) `e` \\ {{#include f}}\n</p>\n<pre>1\n2</pre>";
    let out = inert(html);
    assert!(!out.contains('\n'), "{out}");
    assert!(!out.contains("{{"), "{out}");
    // A browser reads the same text; mdBook's markdown, in a paragraph, no markup in it.
    let in_paragraph = crate::shortcodes::testing::rendered(&format!("Before {out} after"));
    assert!(!in_paragraph.contains("<em>"), "{in_paragraph}");
    assert!(!in_paragraph.contains("<a href"), "{in_paragraph}");
    assert!(!in_paragraph.contains("<code>e</code>"), "{in_paragraph}");
    assert!(
        in_paragraph.contains("*a* _b_ [c](d) `e` \\"),
        "{in_paragraph}"
    );
    assert!(in_paragraph.contains("<pre>1\n2</pre>"), "{in_paragraph}");
    // On a line of its own it is an HTML block, passed through as written.
    let block = crate::shortcodes::testing::rendered(&format!("{out}\n"));
    assert_eq!(block.trim_end(), out);
}

#[test]
fn inert_never_breaks_a_quoted_value() {
    assert_eq!(inert("<a title='x > y'>z</a>"), "<a title='x > y'>z</a>");
    assert_eq!(inert("<a\nhref=\"u\">_</a>"), "<a href=\"u\">&#95;</a>");
}

/// What hugo 0.111.3 printed for the same text through `markdownify`.
#[test]
fn headings_get_goldmarks_ids() {
    let html = render_with_heading_ids(
        "## A\n\n## A\n\n## Hello, World! 日本 `co de` A_b\n\n## x {#custom}\n\n# custom",
    );
    assert_eq!(
        html,
        "<h2 id=\"a\">A</h2>\n<h2 id=\"a-1\">A</h2>\n\
         <h2 id=\"hello-world-日本-co-de-a_b\">Hello, World! 日本 <code>co de</code> A_b</h2>\n\
         <h2 id=\"custom\">x</h2>\n<h1 id=\"custom-1\">custom</h1>\n"
    );
    assert_eq!(
        render_with_heading_ids("no *heading*"),
        "<p>no <em>heading</em></p>\n"
    );
}
