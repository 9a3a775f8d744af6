use crate::markdown::tests::events;
use crate::shortcodes::call::Value;
use crate::shortcodes::output::Target;
use crate::shortcodes::page::Privacy;
use crate::shortcodes::testing::{html, md, named, pos, problem, render_with, v};
use mdbook_markdown::pulldown_cmark::{Event, Tag};

#[test]
fn youtube_keeps_hugos_player_inside_the_placeholder() {
    let out = html(&pos("youtube", &[v("9C7O6B5elhk")]), None);
    assert!(out.contains(
        "<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\
         <iframe src=\"https://www.youtube.com/embed/9C7O6B5elhk\" style=\"position: absolute; \
         top: 0; left: 0; width: 100%; height: 100%; border:0;\" allowfullscreen \
         title=\"YouTube Video\"></iframe></div>"
    ), "{out}");
    assert!(
        out.contains("href=\"https://www.youtube.com/watch?v=9C7O6B5elhk\""),
        "{out}"
    );
}

#[test]
fn youtube_class_title_and_autoplay() {
    let out = html(
        &named(
            "youtube",
            &[
                ("id", v("abc")),
                ("class", v("wide")),
                ("title", v("A <t>")),
                ("autoplay", v("true")),
            ],
        ),
        None,
    );
    assert!(out.contains("<div class=\"wide\"><iframe src=\"https://www.youtube.com/embed/abc?autoplay=1\" allowfullscreen title=\"A &lt;t&gt;\">"), "{out}");
    assert!(
        out.contains("<span class=\"hugo-embed-title\">A &lt;t&gt;</span>"),
        "{out}"
    );
    // 0.111 takes only the string "true".
    let bool_true = html(
        &named(
            "youtube",
            &[("id", v("abc")), ("autoplay", Value::Bool(true))],
        ),
        None,
    );
    assert!(!bool_true.contains("autoplay"), "{bool_true}");
}

#[test]
fn youtube_takes_newer_hugos_arguments_when_given() {
    let out = html(
        &named(
            "youtube",
            &[
                ("id", v("abc")),
                ("start", Value::Int(30)),
                ("end", Value::Int(60)),
                ("loop", Value::Bool(true)),
                ("controls", v("false")),
                ("loading", v("lazy")),
                ("allowFullScreen", Value::Bool(false)),
            ],
        ),
        None,
    );
    assert!(out.contains("src=\"https://www.youtube.com/embed/abc?controls=0&amp;end=60&amp;loop=1&amp;playlist=abc&amp;start=30\""), "{out}");
    assert!(out.contains(" loading=\"lazy\""), "{out}");
    assert!(!out.contains("allowfullscreen"), "{out}");
    assert!(out.contains("watch?v=abc&amp;t=30"), "{out}");
}

#[test]
fn youtube_privacy_enhanced_uses_the_nocookie_host() {
    let privacy = Privacy {
        youtube_privacy_enhanced: true,
        ..Privacy::default()
    };
    let out = render_with(
        &pos("youtube", &[v("abc")]),
        None,
        Target::Html,
        privacy,
        false,
    );
    let text = out.and_then(Result::ok).map(|o| o.text).unwrap_or_default();
    assert!(
        text.contains("src=\"https://www.youtube-nocookie.com/embed/abc\""),
        "{text}"
    );
}

#[test]
fn youtube_without_an_id_says_how_to_give_one() {
    for call in [
        pos("youtube", &[]),
        named("youtube", &[("title", v("t"))]),
        pos("youtube", &[v("")]),
    ] {
        let p = problem(&call, None, false);
        assert!(p.message.contains("needs a video id"), "{p:?}");
        assert!(
            p.hint
                .as_deref()
                .is_some_and(|h| h.contains("{{< youtube VIDEO_ID >}}")),
            "{p:?}"
        );
    }
}

#[test]
fn hostile_ids_stay_inside_the_url() {
    let out = html(&pos("youtube", &[v("\"><script>alert(1)</script>")]), None);
    assert!(!out.contains("<script"), "{out}");
    assert!(
        out.contains("embed/%22%3e%3cscript%3ealert%281%29%3c/script%3e\""),
        "{out}"
    );
    let out = html(
        &named("vimeo", &[("id", v("1")), ("title", v("\" onload=\"x"))]),
        None,
    );
    assert!(out.contains("title=\"&quot; onload=&quot;x\""), "{out}");
}

#[test]
fn vimeo_positional_forms_follow_0_111() {
    let one = html(&pos("vimeo", &[v("1")]), None);
    assert!(one.contains("<div style=\"position: relative;"), "{one}");
    assert!(
        one.contains(
            "title=\"vimeo video\" webkitallowfullscreen mozallowfullscreen allowfullscreen"
        ),
        "{one}"
    );
    let two = html(&pos("vimeo", &[v("1"), v("c")]), None);
    assert!(two.contains("<div class=\"c\"><iframe src=\"https://player.vimeo.com/video/1\" title=\"vimeo video\""), "{two}");
    let three = html(&pos("vimeo", &[v("1"), v("c"), v("T")]), None);
    assert!(three.contains("title=\"T\""), "{three}");
    assert!(
        three.contains("<span class=\"hugo-embed-title\">T</span>"),
        "{three}"
    );
    assert!(three.contains("href=\"https://vimeo.com/1\""), "{three}");
    let dnt = render_with(
        &pos("vimeo", &[v("1")]),
        None,
        Target::Html,
        Privacy {
            vimeo_dnt: true,
            ..Privacy::default()
        },
        false,
    );
    assert!(
        dnt.and_then(Result::ok)
            .is_some_and(|o| o.text.contains("video/1?dnt=1\""))
    );
    assert!(
        problem(&pos("vimeo", &[]), None, false)
            .message
            .contains("`vimeo` needs a video id")
    );
}

#[test]
fn as_markdown_a_video_is_a_link_to_its_page() {
    let out = md(
        &named("youtube", &[("id", v("abc")), ("title", v("Pods *1*"))]),
        None,
    );
    let evs = events(&out);
    assert!(
        matches!(&evs[1], Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://www.youtube.com/watch?v=abc"),
        "{out}"
    );
    assert_eq!(evs[2], Event::Text("YouTube: Pods *1*".into()), "{out}");
    let out = md(&pos("vimeo", &[v("42")]), None);
    assert_eq!(out, "[Watch on Vimeo](https://vimeo.com/42)");
}
