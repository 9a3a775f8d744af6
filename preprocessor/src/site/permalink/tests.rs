use super::*;
use crate::site::config::Config;
use serde_json::json;

fn config(extra: serde_json::Value) -> Config {
    let mut map = json!({"baseurl": "https://example.org/blog/"})
        .as_object()
        .cloned()
        .unwrap();
    if let serde_json::Value::Object(extra) = extra {
        map.extend(extra);
    }
    Config::from_map(map, "hugo.toml").0
}

fn sections(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_urls_hugo_0111_gave_the_permalinks_fixture() {
    // Each as `hugo` printed `.RelPermalink` for the same site (fixture `permalinks`).
    let c = config(json!({"permalinks": {
        "post": "/p/:slug/",
        "docs": "/d/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday/:sections/:title/",
        "news": "/n/:section/:sections[1:]/:sections[last]/:filename/:slugorfilename/:2006-01/",
        "tags": "/topic/:slug/",
        "": "/root/:filename/"
    }}));
    let date = crate::date::parse("2023-03-04T05:06:07+01:00").unwrap();
    let post = sections(&["post"]);
    let page = |section, secs: &'static [String], dir, base, title, slug, url, date| Target {
        kind: "page",
        section,
        sections: secs,
        dir,
        base_name: base,
        slug,
        url,
        title,
        date,
    };
    let post: &'static [String] = Box::leak(post.into_boxed_slice());
    assert_eq!(
        url(
            &page(
                "post",
                post,
                "post/",
                "one",
                "One Title",
                Some("custom-Slug"),
                None,
                None
            ),
            &c
        ),
        "/blog/p/custom-slug/"
    );
    assert_eq!(
        url(
            &page(
                "post",
                post,
                "post/",
                "two",
                "Two: The Sequel & More!",
                None,
                None,
                None
            ),
            &c
        ),
        "/blog/p/two-the-sequel-more/"
    );
    assert_eq!(
        url(
            &page(
                "post",
                post,
                "post/",
                "three",
                "Three Café",
                None,
                None,
                None
            ),
            &c
        ),
        "/blog/p/three-caf%C3%A9/"
    );
    assert_eq!(
        url(
            &page("post", post, "post/", "Spaced Name", "", None, None, None),
            &c
        ),
        "/blog/p/"
    );
    assert_eq!(
        url(
            &page(
                "post",
                post,
                "post/",
                "url2",
                "Url2",
                None,
                Some("relative/Thing/"),
                None
            ),
            &c
        ),
        "/blog/relative/Thing/"
    );
    assert_eq!(
        url(
            &page(
                "post",
                post,
                "post/",
                "u",
                "U",
                None,
                Some("/custom/Path.HTML"),
                None
            ),
            &c
        ),
        "/blog/custom/Path.HTML"
    );
    let docs: &'static [String] = Box::leak(sections(&["docs", "guide"]).into_boxed_slice());
    assert_eq!(
        url(
            &page(
                "docs",
                docs,
                "docs/guide/",
                "page",
                "Guide Page",
                None,
                None,
                Some(&date)
            ),
            &c
        ),
        "/blog/d/2023/03/march/04/6/saturday/63/docs/guide/guide-page/"
    );
    let news: &'static [String] = Box::leak(sections(&["news", "2020"]).into_boxed_slice());
    let news_date = crate::date::parse("2020-07-08").unwrap();
    assert_eq!(
        url(
            &page(
                "news",
                news,
                "news/2020/",
                "x",
                "News X",
                Some("ns"),
                None,
                Some(&news_date)
            ),
            &c
        ),
        "/blog/n/news/2020/2020/x/ns/2020-01/"
    );
    assert_eq!(
        url(&page("", &[], "", "about", "About", None, None, None), &c),
        "/blog/root/about/"
    );
    let upper: &'static [String] = Box::leak(sections(&["Upper"]).into_boxed_slice());
    let section = Target {
        kind: "section",
        section: "Upper",
        sections: upper,
        ..Target::default()
    };
    assert_eq!(url(&section, &c), "/blog/upper/");
    let home = Target {
        kind: "home",
        ..Target::default()
    };
    assert_eq!(url(&home, &c), "/blog/");
    let zebra: &'static [String] = Box::leak(sections(&["tags", "zebra-ü"]).into_boxed_slice());
    let term = Target {
        kind: "term",
        section: "tags",
        sections: zebra,
        title: "Zebra Ü",
        ..Target::default()
    };
    assert_eq!(url(&term, &c), "/blog/topic/zebra-%C3%BC/");
    // `+` unescapes to a space: `C++` is `c-` under a pattern.
    let term = Target {
        title: "C++",
        ..term
    };
    assert_eq!(url(&term, &c), "/blog/topic/c-/");
}

#[test]
fn default_paths_follow_the_folder() {
    let c = config(json!({}));
    let post: &'static [String] = Box::leak(sections(&["post"]).into_boxed_slice());
    let page = Target {
        kind: "page",
        section: "post",
        sections: post,
        dir: "post/sub/",
        base_name: "C",
        title: "C in sub",
        ..Target::default()
    };
    assert_eq!(url(&page, &c), "/blog/post/sub/c/");
    let slugged = Target {
        slug: Some("My Slug"),
        ..page.clone()
    };
    assert_eq!(url(&slugged, &c), "/blog/post/sub/my-slug/");
    let ugly = config(json!({"uglyurls": true}));
    assert_eq!(url(&page, &ugly), "/blog/post/sub/c.html");
}

#[test]
fn patterns_are_checked_as_hugo_checks_them() {
    assert_eq!(validate("/p/:slug/"), Ok(()));
    assert_eq!(validate("/:year/:2006-01/:sections[1:]/"), Ok(()));
    assert_eq!(
        validate("/p/:nope/"),
        Err(PatternError::Unknown("nope".into()))
    );
    assert_eq!(validate("/p//:slug/"), Err(PatternError::IllFormed));
}
