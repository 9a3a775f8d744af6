use crate::markdown::tests::events;
use crate::shortcodes::testing::{html, md, named, problem, rendered, v};
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};

#[test]
fn a_figure_with_everything() {
    let out = html(
        &named(
            "figure",
            &[
                ("src", v("/img/a b.png")),
                ("link", v("https://e.org/x?a=1&b=2")),
                ("target", v("_blank")),
                ("title", v("T & t")),
                ("caption", v("A *cap*")),
                ("attr", v("Someone")),
                ("attrlink", v("https://e.org/by")),
                ("width", v("100")),
                ("class", v("wide")),
            ],
        ),
        None,
    );
    assert_eq!(
        out,
        "<figure class=\"wide\"><a href=\"https://e.org/x?a=1&amp;b=2\" target=\"&#95;blank\">\
         <img src=\"/img/a%20b.png\" alt=\"A cap\" width=\"100\" /></a><figcaption><h4>T &amp; t</h4>\
         <p>A <em>cap</em> <a href=\"https://e.org/by\">Someone</a></p></figcaption></figure>"
            .replace("target=\"&#95;blank\"", "target=\"_blank\"")
    );
}

#[test]
fn the_caption_is_markdown_and_the_alt_its_text() {
    let out = html(
        &named(
            "figure",
            &[
                ("src", v("a.png")),
                ("caption", v("[see](https://e.org) `x<y`")),
            ],
        ),
        None,
    );
    assert!(out.contains("alt=\"see x&lt;y\""), "{out}");
    assert!(
        out.contains("<p><a href=\"https://e.org\">see</a> <code>x&lt;y</code></p>"),
        "{out}"
    );
    // Without caption, title or attr there is no figcaption; alt wins over the caption.
    let bare = html(
        &named("figure", &[("src", v("a.png")), ("alt", v("A"))]),
        None,
    );
    assert_eq!(bare, "<figure><img src=\"a.png\" alt=\"A\" /></figure>");
}

#[test]
fn the_figure_is_one_line_that_markdown_leaves_alone() {
    let out = html(
        &named(
            "figure",
            &[("src", v("a.png")), ("caption", v("a\n\nb *c*"))],
        ),
        None,
    );
    assert!(!out.contains('\n'), "{out}");
    let page = rendered(&format!("Text {out} more\n\n{out}\n"));
    assert_eq!(page.matches("<em>c</em>").count(), 2, "{page}");
    assert_eq!(page.matches("<figure>").count(), 2, "{page}");
}

#[test]
fn scripts_in_urls_are_refused_at_the_argument() {
    for key in ["src", "link", "attrlink"] {
        let mut args = vec![("src", v("a.png")), ("attr", v("x"))];
        args.retain(|(k, _)| *k != key);
        args.push((key, v("javascript:alert(1)")));
        let p = problem(&named("figure", &args), None, false);
        assert!(p.message.contains(&format!("`figure` {key}")), "{p:?}");
        assert!(
            p.message.contains("`javascript:` URLs are not allowed"),
            "{p:?}"
        );
    }
}

#[test]
fn as_markdown_an_image_and_its_caption() {
    let out = md(
        &named(
            "figure",
            &[
                ("src", v("a b.png")),
                ("link", v("https://e.org")),
                ("title", v("T")),
                ("caption", v("A *cap*")),
                ("attr", v("By [me]")),
                ("attrlink", v("https://e.org/me")),
            ],
        ),
        None,
    );
    let evs = events(&out);
    assert!(
        matches!(&evs[1], Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://e.org"),
        "{out}"
    );
    assert!(
        matches!(&evs[2], Event::Start(Tag::Image { dest_url, title, .. }) if dest_url.as_ref() == "a b.png" && title.as_ref() == "T"),
        "{out}"
    );
    assert_eq!(evs[3], Event::Text("A cap".into()), "{out}");
    let caption: Vec<_> = evs
        .iter()
        .skip_while(|e| **e != Event::End(TagEnd::Paragraph))
        .skip(1)
        .collect();
    assert_eq!(caption[1], &Event::Start(Tag::Strong), "{out}");
    assert!(caption.contains(&&Event::Start(Tag::Emphasis)), "{out}");
    assert!(caption.iter().any(|e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://e.org/me")), "{out}");
    assert!(caption.contains(&&Event::Text("By [me]".into())), "{out}");
}

#[test]
fn as_markdown_a_caption_of_blocks_is_kept_inline() {
    // The writer stopped at a caption with a list in it: the caption was lost.
    let out = md(
        &named(
            "figure",
            &[
                ("src", v("a.png")),
                ("caption", v("Two steps:\n\n- `kubectl apply`\n- wait")),
            ],
        ),
        None,
    );
    let evs = events(&out);
    assert!(
        evs.iter()
            .any(|e| matches!(e, Event::Start(Tag::Image { dest_url, .. }) if dest_url.as_ref() == "a.png")),
        "{out}"
    );
    assert!(evs.contains(&Event::Code("kubectl apply".into())), "{out}");
    assert!(
        !evs.iter().any(|e| matches!(e, Event::Start(Tag::List(_)))),
        "{out}"
    );
}
