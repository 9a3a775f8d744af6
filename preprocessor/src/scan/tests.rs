use super::*;
use crate::shortcodes::registry::Shortcodes;
use crate::shortcodes::syntax;

/// The scan the reading does: the body's shortcodes parsed first, with Hugo's built-ins.
fn scan(source: &str, body_start: usize) -> Scan {
    let shortcodes = Shortcodes::builtin();
    let parsed = syntax::parse(&source[body_start..], body_start, &|n| shortcodes.inner(n));
    super::scan(source, body_start, &parsed.nodes)
}

fn dests(src: &str) -> Vec<(String, String, Form)> {
    scan(src, 0)
        .sites
        .into_iter()
        .map(|s| (s.dest, src[s.range].to_owned(), s.form))
        .collect()
}

#[test]
fn every_link_form_is_found_with_its_exact_range() {
    let src = "[a](/p/x) ![i](</p/y/#h> \"t\") [r][d] <https://e.org/p/z/>\n\n[d]: /p/w/?q=1\n\n<a href=\"/p/v\">v</a>\n";
    let got = dests(src);
    assert_eq!(
        got,
        [
            ("/p/x".into(), "/p/x".into(), Form::Destination),
            ("/p/y/#h".into(), "</p/y/#h>".into(), Form::Destination),
            (
                "https://e.org/p/z/".into(),
                "<https://e.org/p/z/>".into(),
                Form::Autolink
            ),
            ("/p/w/?q=1".into(), "/p/w/?q=1".into(), Form::Destination),
            ("/p/v".into(), "/p/v".into(), Form::Destination),
        ]
    );
}

#[test]
fn nested_brackets_parentheses_and_multiline_links() {
    let src = "[a [b] `c`](/p/x_(y) 'title')\n[multi\nline](\n/p/z)";
    let got: Vec<String> = dests(src).into_iter().map(|d| d.1).collect();
    assert_eq!(got, ["/p/x_(y)", "/p/z"]);
}

#[test]
fn images_inside_links() {
    let src = "[![logo](/p/img/) text](/p/outer/) and [![a](b)](</p/c/>)";
    let got: Vec<String> = dests(src).into_iter().map(|d| d.1).collect();
    assert_eq!(got, ["/p/img/", "/p/outer/", "b", "</p/c/>"]);
}

#[test]
fn code_and_lookalikes_are_not_links() {
    let src = "`[a](/p/x)` and\n\n```\n[b](/p/y)\n```\n\n\\[c](/p/w) [d] (/p/v)\n";
    assert_eq!(dests(src), []);
}

#[test]
fn shortcodes_run_in_code_too_as_in_hugo() {
    // hugo 0.111 renders a shortcode in a code block or span: a `ref` there is its URL.
    let src = "```\n[b](/p/y) {{< ref \"z\" >}}\n```\n";
    assert_eq!(
        dests(src),
        [("z".into(), "{{< ref \"z\" >}}".into(), Form::Shortcode)]
    );
}

#[test]
fn shortcodes_outside_code() {
    let src = "[a]({{< ref \"post/x.md#h\" >}}) [b]({{% relref `y` %}}) {{< relref path=\"z\" >}} {{< figure src=\"q\" >}}";
    let got = dests(src);
    assert_eq!(
        got.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["post/x.md#h", "y", "z"]
    );
    assert_eq!(got[0].1, "{{< ref \"post/x.md#h\" >}}");
}

#[test]
fn heading_ids_as_mdbook_makes_them() {
    let src = "# Control plane\n\n## Control plane\n\n## The `kubelet`: a “node” agent!\n\n### Custom {#my-id}\n\nTerm\n: def\n\n<div id=\"raw\"></div>\n";
    let a = scan(src, 0).anchors;
    for id in [
        "control-plane",
        "control-plane-1",
        "the-kubelet-a-node-agent",
        "my-id",
        "term",
        "raw",
    ] {
        assert!(a.contains(id), "{id} missing from {a:?}");
    }
}

#[test]
fn offsets_are_into_the_whole_source() {
    let src = "---\nt: 1\n---\n[a](/p/x)";
    let s = scan(src, 12);
    assert_eq!(&src[s.sites[0].range.clone()], "/p/x");
    assert_eq!(s.words, 1);
}

#[test]
fn a_ref_in_a_definition_leaves_the_definitions_after_it_definitions() {
    // As Hugo reads it, the shortcode expanded first: two definitions. Parsed with the shortcode in
    // place, the first is no definition and the block is a paragraph, `/p/y/` with it.
    let src = "[a]: {{< ref \"x\" >}} \"t\"\n[b]: /p/y/\n\n[a] [b]\n";
    assert_eq!(
        dests(src),
        [
            ("x".into(), "{{< ref \"x\" >}}".into(), Form::Shortcode),
            ("/p/y/".into(), "/p/y/".into(), Form::Destination),
        ]
    );
}

#[test]
fn a_ref_as_a_destination_is_one_site_marked_after_the_link() {
    let src = "[a]({{< ref \"x\" >}}) b\n\n[c]: <{{< relref \"y\" >}}>\n";
    let sites = scan(src, 0).sites;
    assert_eq!(sites.len(), 2, "{sites:?}");
    assert_eq!(sites[0].form, Form::Shortcode);
    assert_eq!(sites[0].after, src.find(") b").unwrap() + 1);
    assert_eq!(sites[1].form, Form::Shortcode);
    assert_eq!(sites[1].after, src.len() - 1);
}

#[test]
fn masking_keeps_offsets_and_code() {
    let src = "é {{< ref \"ü\" >}} `{{< ref \"z\" >}}`\n\n# Title\n";
    let s = scan(src, 0);
    assert_eq!(s.sites.len(), 2);
    assert_eq!(&src[s.sites[0].range.clone()], "{{< ref \"ü\" >}}");
    assert_eq!(&src[s.sites[1].range.clone()], "{{< ref \"z\" >}}");
    assert!(s.anchors.contains("title"));
}

#[test]
fn bracketed_destinations_end_at_the_first_unescaped_bracket() {
    // `\>` inside `<>` is part of the destination (parsed: `>`); a bare one may end in `>`.
    let src = "[a](</p/x/?q=a\\>b> \"t\") [b](/p/y/?q=c>)\n\n[d]: </p/z/\\>>\n\n[d]\n";
    let got: Vec<(String, String)> = dests(src).into_iter().map(|d| (d.0, d.1)).collect();
    assert_eq!(
        got,
        [
            ("/p/x/?q=a>b".into(), "</p/x/?q=a\\>b>".into()),
            ("/p/y/?q=c>".into(), "/p/y/?q=c>".into()),
            ("/p/z/>".into(), "</p/z/\\>>".into()),
        ]
    );
}

#[test]
fn words_count_as_hugo_counts_the_rendered_text() {
    // hugo 0.111 (Stack's `unsafe: true`) counts 14: markup and smart quotes join what they touch,
    // raw HTML's text counts, alt text does not, every block and line break separates.
    let src = "# Don't **kube**let\n\nIt's `kubectl get` and [a link](x)s.\n\
               ![alt text here](i.png)\n\n<div>raw <b>html</b></div>\n\n- one\n- two\n\n```\ncode block\n```\n";
    assert_eq!(scan(src, 0).words, 14);
}

#[test]
fn raw_html_attributes_are_read_as_a_browser_reads_them() {
    // A quoted value that mentions `href=` is no link; the real `href` is.
    let src = "<a title=\"moved, see href=/p/nope/ instead\" href=\"/p/a/\">self</a>\n";
    assert_eq!(
        dests(src),
        [("/p/a/".into(), "/p/a/".into(), Form::Destination)]
    );
    // A quoted value that mentions `id=` makes no anchor.
    let s = scan("<span data-x=\" id=fake \">x</span> <p id=real>y</p>\n", 0);
    assert!(!s.anchors.contains("fake") && !s.anchors.contains(" id=fake "));
    assert!(s.anchors.contains("real"), "{:?}", s.anchors);
    // `name` is an anchor on `<a>` only; entities decode in ids and links alike.
    let s = scan(
        "<a name=\"top&amp;more\"></a><input name=\"field\">\n\n<a href='/p/b/?x=1&amp;y=2'>b</a>\n",
        0,
    );
    assert!(s.anchors.contains("top&more"), "{:?}", s.anchors);
    assert!(!s.anchors.contains("field"));
    assert_eq!(s.sites[0].dest, "/p/b/?x=1&y=2");
    assert_eq!(s.sites[0].raw, "/p/b/?x=1&amp;y=2");
}

#[test]
fn tags_across_lines_and_raw_text_in_html_blocks() {
    let src = "<div\n  id=\"box\"\n  data-href=\"/p/not/\">\n<a\n href=\"/p/yes/\">y</a>\n</div>\n\n<script>\nlet a = '<a href=\"/p/no/\">';\n</script>\n\n> <a href=\"/p/quoted/\">q</a>\n";
    let got: Vec<String> = dests(src).into_iter().map(|d| d.1).collect();
    assert_eq!(got, ["/p/yes/", "/p/quoted/"]);
    assert!(scan(src, 0).anchors.contains("box"));
}
