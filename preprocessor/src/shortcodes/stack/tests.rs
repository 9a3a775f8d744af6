use super::*;
use crate::markdown::tests::events;
use crate::shortcodes::call::Value;
use crate::shortcodes::testing::{named, pos, problem, rendered, stack_html, stack_md, v};
use mdbook_markdown::pulldown_cmark::Event;

#[test]
fn stacks_youtube_is_a_lazy_iframe_in_a_video_wrapper() {
    let out = stack_html(
        &named("youtube", &[("id", v("abc")), ("autoplay", v("true"))]),
        None,
    );
    assert!(out.starts_with("<div class=\"hugo-embed hugo-embed-frame\"><div class=\"video-wrapper\"><iframe loading=\"lazy\" src=\"https://www.youtube.com/embed/abc?autoplay=1\" allowfullscreen title=\"YouTube Video\"></iframe></div>"), "{out}");
    assert!(
        problem(&pos("youtube", &[]), None, true)
            .message
            .contains("needs a video id")
    );
}

#[test]
fn bilibili_takes_bv_and_av_numbers_and_a_part() {
    let bv = stack_html(&pos("bilibili", &[v("BV1xx411c7mD"), Value::Int(2)]), None);
    assert!(bv.contains("src=\"https://player.bilibili.com/player.html?as_wide=1&amp;high_quality=1&amp;page=2&amp;bvid=BV1xx411c7mD\""), "{bv}");
    assert!(
        bv.contains(
            "scrolling=\"no\" frameborder=\"no\" framespacing=\"0\" allowfullscreen=\"true\""
        ),
        "{bv}"
    );
    assert!(
        bv.contains("href=\"https://www.bilibili.com/video/BV1xx411c7mD?p=2\""),
        "{bv}"
    );
    let av = stack_html(&pos("bilibili", &[v("AV170001")]), None);
    assert!(av.contains("page=1&amp;aid=170001\""), "{av}");
    assert!(av.contains("bilibili.com/video/av170001?p=1"), "{av}");
    let p = problem(&pos("bilibili", &[v("12345")]), None, true);
    assert!(p.message.contains("neither an av nor a BV number"), "{p:?}");
    assert_eq!(query_escape("a b&c/é"), "a+b%26c%2F%C3%A9");
}

#[test]
fn tencent_and_gitlab() {
    let t = stack_html(&pos("tencent", &[v("x0&1")]), None);
    assert!(
        t.contains("src=\"https://v.qq.com/txp/iframe/player.html?vid=x0%261&amp;auto=0\""),
        "{t}"
    );
    assert!(
        t.contains("href=\"https://v.qq.com/x/page/x0&amp;1.html\""),
        "{t}"
    );
    let g = stack_html(&pos("gitlab", &[v("2349278")]), None);
    assert!(g.contains("<script type=\"application/javascript\" src=\"https://gitlab.com/-/snippets/2349278.js\"></script>"), "{g}");
    assert!(g.contains("hugo-embed-script"), "{g}");
    assert_eq!(
        stack_md(&pos("gitlab", &[v("1")]), None),
        "[GitLab snippet: 1](https://gitlab.com/-/snippets/1)"
    );
    assert!(
        problem(&pos("tencent", &[]), None, true)
            .message
            .contains("needs a video id")
    );
}

#[test]
fn video_is_html5_video_with_stacks_fallback_link() {
    let out = stack_html(
        &named(
            "video",
            &[
                ("src", v("/v/a b.mp4")),
                ("poster", v("/v/p.jpg")),
                ("autoplay", v("true")),
                ("muted", Value::Bool(true)),
            ],
        ),
        None,
    );
    assert_eq!(
        out,
        "<div class=\"video-wrapper\"><video controls src=\"/v/a%20b.mp4\" poster=\"/v/p.jpg\" autoplay>\
         <p>Your browser doesn't support HTML5 video. Here is a <a href=\"/v/a%20b.mp4\">link to the video</a> instead.</p></video></div>"
    );
    assert!(stack_html(&pos("video", &[v("x.mp4")]), None).contains("src=\"x.mp4\""));
    let p = problem(
        &named("video", &[("src", v("javascript:alert(1)"))]),
        None,
        true,
    );
    assert!(p.message.contains("`video` src"), "{p:?}");
    let md = stack_md(
        &named("video", &[("src", v("x.mp4")), ("poster", v("p.jpg"))]),
        None,
    );
    assert_eq!(md, "[![Watch the video](p.jpg)](x.mp4)");
}

#[test]
fn quote_is_a_blockquote_with_stacks_attribution() {
    let out = stack_html(
        &named(
            "quote",
            &[
                ("author", v("A. Person")),
                ("source", v("A Book")),
                ("url", v("https://e.org/b")),
            ],
        ),
        Some("To be *or* not."),
    );
    assert_eq!(
        out,
        "<blockquote><p>To be <em>or</em> not.</p><span class=\"cite\"><span>― </span><span>A. Person, </span>\
         <a href=\"https://e.org/b\"><cite>A Book</cite></a></span></blockquote>"
    );
    let bare = stack_html(&named("quote", &[]), Some("x"));
    assert_eq!(bare, "<blockquote><p>x</p></blockquote>");
    let author = stack_html(&named("quote", &[("author", v("Me"))]), Some("x"));
    assert!(author.contains("<span>Me</span><cite></cite>"), "{author}");
    // One line that markdown leaves alone, even inline.
    let page = rendered(&format!("a {out} b"));
    assert!(
        page.contains("<em>or</em>") && !page.contains("<em>or</em> not.</p></p>"),
        "{page}"
    );
    let p = problem(
        &named("quote", &[("url", v("javascript:x"))]),
        Some("x"),
        true,
    );
    assert!(p.message.contains("`quote` url"), "{p:?}");
}

#[test]
fn as_markdown_a_quote_is_a_blockquote_with_its_attribution() {
    let out = stack_md(
        &named(
            "quote",
            &[
                ("author", v("Me")),
                ("source", v("Notes")),
                ("url", v("https://e.org")),
            ],
        ),
        Some("\nFirst *line*\n\nSecond\n"),
    );
    let evs = events(&out);
    assert!(matches!(evs[0], Event::Start(Tag::BlockQuote(_))), "{out}");
    assert_eq!(
        evs.iter()
            .filter(|e| matches!(e, Event::Start(Tag::BlockQuote(_))))
            .count(),
        1,
        "{out}"
    );
    assert!(evs.contains(&Event::Text("Second".into())), "{out}");
    assert!(evs.contains(&Event::Text("— Me, ".into())), "{out}");
    assert!(evs.iter().any(|e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://e.org")), "{out}");
    assert!(evs.contains(&Event::Text("Notes".into())), "{out}");
    assert_eq!(stack_md(&named("quote", &[]), Some("x")), "> x");
}

#[test]
fn only_stacks_names_are_stacks() {
    let call = pos("figure", &[]);
    let params = crate::shortcodes::testing::page_params();
    let site = crate::shortcodes::page::Site {
        params: &params,
        privacy: crate::shortcodes::page::Privacy::default(),
        stack: true,
        markdown: &crate::shortcodes::render_markdown,
    };
    let page = Page {
        site: &site,
        params: &params,
        source: "",
        resolve: None,
    };
    assert!(render(&call, None, &page, Target::Html).is_none());
}
