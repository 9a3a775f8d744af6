use super::*;

fn page() -> Page {
    Page::new(
        "T".into(),
        "T".into(),
        None,
        "/p/t/".into(),
        Arc::new(Site::default()),
    )
}

fn html(v: Value) -> String {
    v.to_go_string()
}

/// What hugo 0.111.3 printed for `{{ $s | markdownify }}` over the same inputs, but for one.
#[test]
fn markdownify_trims_as_hugo_0_111_does() {
    let cases = [
        ("one", "one"),
        // One paragraph, but not the last closing tag: kept.
        ("A\n\n- b", "<p>A</p>\n<ul>\n<li>b</li>\n</ul>\n"),
        // Hugo: `<ul>…</ul>\n<p>C`, its last `</p>` taken alone; kept whole (see
        // markup::markdownify).
        (
            "- a\n- b\n\nC",
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>C</p>\n",
        ),
        ("A\n\nB", "<p>A</p>\n<p>B</p>\n"),
    ];
    for (md, hugo) in cases {
        assert_eq!(markdownify(md), hugo, "{md:?}");
    }
}

#[test]
fn render_string_is_inline_unless_display_is_block() {
    let p = page();
    let inline = p
        .get("RenderString", &[Value::from("*a*")])
        .unwrap()
        .unwrap();
    assert_eq!(html(inline), "<em>a</em>");
    let block = Map::new(
        [("display".into(), Value::from("block"))]
            .into_iter()
            .collect(),
    );
    let args = [Value::from(block), Value::from("*a*")];
    let block = p.get("RenderString", &args).unwrap().unwrap();
    assert_eq!(html(block), "<p><em>a</em></p>\n");
    let other = Map::new(
        [("display".into(), Value::from("inline"))]
            .into_iter()
            .collect(),
    );
    let args = [Value::from(other), Value::from("*a*")];
    let inline = p.get("RenderString", &args).unwrap().unwrap();
    assert_eq!(html(inline), "<em>a</em>");
}
