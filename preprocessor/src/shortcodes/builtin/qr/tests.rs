use crate::markdown::tests::events;
use crate::shortcodes::call::Value;
use crate::shortcodes::testing::{html, md, named, problem, v};
use mdbook_markdown::pulldown_cmark::{Event, Tag};

#[test]
fn qr_is_an_svg_image_of_hugos_size() {
    let out = html(
        &named(
            "qr",
            &[
                ("text", v("https://gohugo.io")),
                ("alt", v("QR")),
                ("class", v("c")),
            ],
        ),
        None,
    );
    assert!(out.starts_with("<img src=\"data:image/svg+xml,"), "{out}");
    // 25 modules (version 2 at level medium) and 4 on each side, 4 pixels each.
    assert!(out.contains("width=\"132\" height=\"132\""), "{out}");
    assert!(out.contains(" alt=\"QR\" class=\"c\">"), "{out}");
    assert!(!out.contains('<') || out.matches('<').count() == 1, "{out}");
    let scaled = html(
        &named(
            "qr",
            &[
                ("text", v("https://gohugo.io")),
                ("scale", Value::Int(2)),
                ("level", v("low")),
            ],
        ),
        None,
    );
    assert!(scaled.contains("width=\"58\""), "{scaled}");
}

#[test]
fn qr_reads_the_inner_text() {
    let a = html(&named("qr", &[]), Some("\n https://gohugo.io \n"));
    let b = html(&named("qr", &[("text", v("https://gohugo.io"))]), None);
    assert_eq!(a, b);
}

#[test]
fn qr_arguments_are_checked_as_hugo_checks_them() {
    assert!(
        problem(&named("qr", &[]), None, false)
            .message
            .contains("needs the text")
    );
    let p = problem(
        &named("qr", &[("text", v("x")), ("level", v("max"))]),
        None,
        false,
    );
    assert!(
        p.message.contains("one of low, medium, quartile, or high"),
        "{p:?}"
    );
    for bad in [Value::Int(1), v("big"), Value::Float(2.5)] {
        let p = problem(
            &named("qr", &[("text", v("x")), ("scale", bad)]),
            None,
            false,
        );
        assert!(p.message.contains("not an integer of at least 2"), "{p:?}");
    }
    let long = "x".repeat(8000);
    let p = problem(&named("qr", &[("text", v(&long))]), None, false);
    assert!(p.message.contains("cannot encode"), "{p:?}");
}

#[test]
fn as_markdown_qr_is_an_image() {
    let out = md(&named("qr", &[("text", v("hi there"))]), None);
    let evs = events(&out);
    assert!(
        matches!(&evs[1], Event::Start(Tag::Image { dest_url, .. }) if dest_url.starts_with("data:image/svg+xml,")),
        "{out}"
    );
    assert_eq!(evs[2], Event::Text("hi there".into()));
}
