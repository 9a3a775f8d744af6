use crate::markdown::tests::events;
use crate::shortcodes::testing::{html, md, named, pos, problem, v};
use mdbook_markdown::pulldown_cmark::{Event, Tag};

#[test]
fn a_tweet_is_a_blockquote_that_names_and_links_the_post() {
    let out = html(
        &named(
            "tweet",
            &[("user", v("SanDiegoZoo")), ("id", v("1453110110599868418"))],
        ),
        None,
    );
    assert!(
        out.starts_with(
            "<blockquote class=\"twitter-tweet\"><p>A post by @SanDiegoZoo on Twitter</p>"
        ),
        "{out}"
    );
    assert!(
        out.contains("<a href=\"https://twitter.com/SanDiegoZoo/status/1453110110599868418\">"),
        "{out}"
    );
    assert!(out.contains("platform.twitter.com/widgets.js"), "{out}");
    let simple = html(&pos("twitter_simple", &[v("u"), v("1")]), None);
    assert!(simple.contains("twitter.com/u/status/1"), "{simple}");
    assert!(!simple.contains("<script"), "{simple}");
    // 0.111's lone positional id.
    assert!(html(&pos("tweet", &[v("1")]), None).contains("twitter.com/x/status/1"));
}

#[test]
fn x_needs_user_and_id() {
    let out = html(&named("x", &[("user", v("u")), ("id", v("1"))]), None);
    assert!(
        out.contains("<a href=\"https://x.com/u/status/1\">x.com/u/status/1</a>"),
        "{out}"
    );
    assert!(out.contains("on X</p>"), "{out}");
    assert!(
        !html(
            &named("x_simple", &[("user", v("u")), ("id", v("1"))]),
            None
        )
        .contains("<script")
    );
    let p = problem(&named("x", &[("user", v("u"))]), None, false);
    assert!(
        p.message
            .contains("`x` needs two named parameters: user and id"),
        "{p:?}"
    );
    assert!(
        p.hint
            .as_deref()
            .is_some_and(|h| h.contains("{{< x user=\"USER\" id=\"POST_ID\" >}}")),
        "{p:?}"
    );
}

#[test]
fn instagram_is_newer_hugos_blockquote() {
    let out = html(&pos("instagram", &[v("BWNjjyYFxVx")]), None);
    assert!(
        out.contains("data-instgrm-permalink=\"https://www.instagram.com/p/BWNjjyYFxVx\""),
        "{out}"
    );
    assert!(out.contains(">View this post on Instagram</a>"), "{out}");
    assert!(out.contains("instagram.com/embed.js"), "{out}");
    assert!(!html(&pos("instagram_simple", &[v("p")]), None).contains("<script"));
    assert!(
        problem(&pos("instagram", &[]), None, false)
            .message
            .contains("needs the id")
    );
}

#[test]
fn hostile_users_stay_text() {
    let out = html(
        &named(
            "x",
            &[("user", v("<img src=x onerror=alert(1)>")), ("id", v("1"))],
        ),
        None,
    );
    assert!(!out.contains("<img"), "{out}");
}

#[test]
fn as_markdown_posts_are_blockquotes_with_their_link() {
    let out = md(&named("x", &[("user", v("u_1")), ("id", v("2"))]), None);
    let evs = events(&out);
    assert!(matches!(evs[0], Event::Start(Tag::BlockQuote(_))), "{out}");
    assert!(
        evs.contains(&Event::Text("A post by @u_1 on X".into())),
        "{out}"
    );
    assert!(evs.iter().any(|e| matches!(e, Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://x.com/u_1/status/2")), "{out}");
    let out = md(&pos("instagram", &[v("p")]), None);
    let evs = events(&out);
    assert!(matches!(evs[0], Event::Start(Tag::BlockQuote(_))), "{out}");
    assert_eq!(evs[1], Event::Start(Tag::Paragraph), "{out}");
    assert!(
        matches!(&evs[2], Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "https://www.instagram.com/p/p"),
        "{out}"
    );
    assert_eq!(
        evs[3],
        Event::Text("View this post on Instagram".into()),
        "{out}"
    );
}
