use super::*;
use crate::markdown::tests::events;
use crate::shortcodes::output::Target;
use crate::shortcodes::page::Privacy;
use crate::shortcodes::testing::{html, md, named, pos, problem, render_with, rendered, v};
use mdbook_markdown::pulldown_cmark::Event;

fn highlight(call: &crate::shortcodes::call::Call, inner: &str) -> Output {
    match render_with(call, Some(inner), Target::Html, Privacy::default(), false) {
        Some(Ok(out)) => out,
        other => panic!("{other:?}"),
    }
}

#[test]
fn highlight_is_a_fenced_block_mdbook_highlights() {
    let out = highlight(&pos("highlight", &[v("go")]), "\n\nfunc main() {}\n\n");
    assert_eq!(out.kind, Kind::Blocks);
    assert_eq!(out.text, "```go\nfunc main() {}\n```");
    assert!(out.warnings.is_empty());
    assert_eq!(
        rendered(&out.text).trim(),
        "<pre><code class=\"language-go\">func main() {}\n</code></pre>"
    );
}

#[test]
fn highlight_fences_around_any_backticks_and_keeps_text_literal() {
    let code = "```\n<b>&amp;</b> {{#include x}}\n```";
    let out = highlight(&pos("highlight", &[v("md")]), code);
    let html = rendered(&out.text);
    assert!(html.contains("```\n&lt;b&gt;&amp;amp;&lt;/b&gt;"), "{html}");
    // mdBook's links preprocessor drops the escape; without it the backslash shows, nothing runs.
    assert!(out.text.contains("\\{{#include x}}"), "{}", out.text);
}

#[test]
fn highlight_line_numbers_and_highlighted_lines_warn() {
    let out = highlight(
        &pos(
            "highlight",
            &[v("go"), v("linenos=table,hl_lines=2 3,style=x")],
        ),
        "a",
    );
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    let w = &out.warnings[0].message;
    assert!(w.contains("`linenos` and `hl_lines`"), "{w}");
    let quiet = highlight(
        &pos("highlight", &[v("go"), v("linenos=false,style=monokai")]),
        "a",
    );
    assert!(quiet.warnings.is_empty(), "{:?}", quiet.warnings);
}

#[test]
fn highlight_takes_off_the_calls_indentation() {
    let source = "- item\n\n  {{< highlight go >}}\n  x := 1\n    y\n  {{< /highlight >}}\n";
    let mut call = pos("highlight", &[v("go")]);
    call.range = 10..source.len();
    let params = crate::shortcodes::testing::page_params();
    let site = crate::shortcodes::page::Site {
        params: &params,
        privacy: Privacy::default(),
        stack: false,
        markdown: &crate::shortcodes::render_markdown,
    };
    let page = crate::shortcodes::page::Page {
        site: &site,
        params: &params,
        source,
        resolve: None,
    };
    let out = crate::shortcodes::builtin::render(
        &call,
        Some("\n  x := 1\n    y\n  "),
        &page,
        Target::Html,
    );
    assert_eq!(
        out.and_then(Result::ok).map(|o| o.text).as_deref(),
        Some("```go\nx := 1\n  y\n```")
    );
}

#[test]
fn gist_is_githubs_script_with_a_link_to_the_gist() {
    let out = html(
        &pos("gist", &[v("spf13"), v("7896402"), v("img.html")]),
        None,
    );
    assert!(out.contains("<script type=\"application/javascript\" src=\"https://gist.github.com/spf13/7896402.js?file=img.html\"></script>"), "{out}");
    assert!(out.contains("hugo-embed-script"), "{out}");
    assert!(
        out.contains("href=\"https://gist.github.com/spf13/7896402\""),
        "{out}"
    );
    assert_eq!(
        md(&pos("gist", &[v("u"), v("1")]), None),
        "[GitHub Gist: u/1](https://gist.github.com/u/1)"
    );
    assert!(
        problem(&pos("gist", &[v("u")]), None, false)
            .message
            .contains("needs a user and a gist id")
    );
}

#[test]
fn param_prints_the_value_as_plain_text_anywhere() {
    let out = html(&pos("param", &[v("pp")]), None);
    assert_eq!(out, "x &#42;y&#42; &#60;z&#62;");
    // At the start of a line, in a paragraph: text, nothing else.
    for page in [
        rendered(&format!("{out}\n")),
        rendered(&format!("a {out} b\n")),
    ] {
        assert!(page.contains("x *y* &lt;z&gt;"), "{page}");
    }
    assert_eq!(html(&pos("param", &[v("nested.deep")]), None), "page deep");
    assert_eq!(html(&pos("param", &[v("site_only")]), None), "from site");
    assert_eq!(html(&pos("param", &[v("list")]), None), "&#91;a b&#93;");
    assert_eq!(html(&pos("param", &[v("fl")]), None), "1&#46;5");
    let start = html(&pos("param", &[v("title")]), None);
    assert!(rendered(&format!("{start}\n")).starts_with("<p>A &amp; &lt;B&gt;</p>"));
}

#[test]
fn param_as_markdown_reads_back_as_the_same_text() {
    let out = md(&pos("param", &[v("pp")]), None);
    assert_eq!(events(&out)[1], Event::Text("x *y* <z>".into()), "{out}");
}

#[test]
fn a_missing_or_empty_param_fails_as_in_hugo() {
    for name in ["nope", "off"] {
        let p = problem(&pos("param", &[v(name)]), None, false);
        assert!(
            p.message.contains(&format!("param `{name}` not found")),
            "{p:?}"
        );
    }
    assert!(
        problem(&pos("param", &[]), None, false)
            .message
            .contains("needs the name")
    );
    assert!(
        problem(&named("param", &[("name", v("pp"))]), None, false)
            .message
            .contains("needs the name")
    );
}
