use super::*;
use crate::shortcodes::page::Privacy;
use crate::shortcodes::testing::{html, named, pos, render_with, v};

#[test]
fn names_that_are_not_built_in_are_left_to_others() {
    for name in ["notice", "ref", "relref", "quote", "docs/note", "YouTube"] {
        let call = pos(name, &[v("x")]);
        assert!(
            render_with(&call, None, Target::Html, Privacy::default(), false).is_none(),
            "{name}"
        );
    }
}

#[test]
fn on_a_stack_site_stacks_shortcodes_come_first() {
    let call = pos("youtube", &[v("abc")]);
    let hugo = html(&call, None);
    let stack = render_with(&call, None, Target::Html, Privacy::default(), true);
    let Some(Ok(stack)) = stack else {
        panic!("{stack:?}")
    };
    assert!(!hugo.contains("video-wrapper"), "{hugo}");
    assert!(
        stack.text.contains("<div class=\"video-wrapper\">"),
        "{}",
        stack.text
    );
    // Built-ins Stack does not define stay Hugo's.
    let figure = named("figure", &[("src", v("a.png"))]);
    let on_stack = render_with(&figure, None, Target::Html, Privacy::default(), true);
    assert_eq!(
        on_stack.and_then(Result::ok).map(|o| o.text),
        Some(html(&figure, None))
    );
}

#[test]
fn comments_and_disabled_services_render_nothing() {
    assert_eq!(html(&pos("comment", &[]), Some("a note to self")), "");
    let disabled = Privacy {
        youtube_disable: true,
        vimeo_disable: true,
        twitter_disable: true,
        x_disable: true,
        instagram_disable: true,
        ..Privacy::default()
    };
    for call in [
        pos("youtube", &[v("a")]),
        pos("vimeo", &[v("1")]),
        named("tweet", &[("user", v("u")), ("id", v("1"))]),
        named("x", &[("user", v("u")), ("id", v("1"))]),
        pos("instagram", &[v("p")]),
    ] {
        for stack in [false, true] {
            let out = render_with(&call, None, Target::Html, disabled, stack);
            assert_eq!(out, Some(Ok(nothing())), "{}", call.name);
        }
    }
}
