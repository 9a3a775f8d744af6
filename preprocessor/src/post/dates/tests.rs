use super::*;
use serde_json::json;

/// `frontmatter` as the configuration reads it: keys lowercased.
fn sources(frontmatter: Value, git: bool) -> Option<Sources> {
    Sources::from_config(frontmatter.as_object(), git)
}

fn d(text: &str) -> Option<Date> {
    date::parse(text)
}

#[test]
fn hugos_defaults_need_nothing_of_their_own_but_git_and_any_setting_do() {
    assert_eq!(sources(json!({}), false), None);
    assert_eq!(sources(json!({"date": [":default"]}), false), None);
    let git = sources(json!({}), true).expect("git info adds :git to lastmod");
    assert_eq!(git.lastmod.first(), Some(&Source::Git));
    assert!(!git.date.contains(&Source::Git));
    let set = sources(json!({"lastmod": ["lastmod", ":fileModTime"]}), false).unwrap();
    assert_eq!(
        set.lastmod,
        [
            Source::Key("lastmod".into()),
            Source::Key("modified".into()),
            Source::ModTime
        ]
    );
    assert!(set.wants(&Source::ModTime) && !set.wants(&Source::Git));
    // Other dates keep their defaults, aliases included.
    assert_eq!(
        set.publish_date,
        ["publishdate", "pubdate", "published", "date"].map(|k| Source::Key(k.into()))
    );
}

#[test]
fn each_date_takes_its_first_source_that_gives_one() {
    let s = sources(
        json!({
            "date": [":filename", "Created", ":default"],
            "lastmod": [":git", "lastmod", ":fileModTime"],
            "expirydate": ["until"]
        }),
        true,
    )
    .unwrap();
    let file = FileDates {
        name: "2024-02-03-hello-world",
        modified: d("2026-01-01T00:00:00Z"),
        committed: None,
    };
    let map = json!({"created": "2020-01-01", "until": "2030-01-01", "publishdate": "x"});
    let r = resolve(&s, map.as_object().unwrap(), &file);
    assert_eq!(r.date, d("2024-02-03"));
    assert_eq!(
        r.lastmod,
        d("2026-01-01T00:00:00Z"),
        "no commit: the file's time"
    );
    assert_eq!(r.expiry_date, d("2030-01-01"));
    // `publishDate: x` is no date: the next source, `date`, is not a key of this map.
    assert_eq!(r.publish_date, None);
    assert_eq!(r.slug.as_deref(), Some("hello-world"));

    // A name that is no date gives none, and no slug; a slug in the front matter wins.
    let plain = FileDates {
        name: "hello",
        ..file
    };
    let r = resolve(&s, map.as_object().unwrap(), &plain);
    assert_eq!((r.date, r.slug), (d("2020-01-01"), None));
    let slugged = json!({"slug": "mine"});
    let r = resolve(&s, slugged.as_object().unwrap(), &file);
    assert_eq!((r.date, r.slug), (d("2024-02-03"), None));
    let committed = FileDates {
        committed: d("2025-05-05T10:00:00+02:00"),
        ..file
    };
    let r = resolve(&s, slugged.as_object().unwrap(), &committed);
    assert_eq!(r.lastmod, d("2025-05-05T10:00:00+02:00"));
}

#[test]
fn a_file_name_gives_the_date_of_its_first_ten_characters_and_the_rest_as_slug() {
    assert_eq!(
        from_name("2018-02-22_my page -"),
        Some((d("2018-02-22").unwrap(), "my page".into()))
    );
    assert_eq!(
        from_name("2018-02-22"),
        Some((d("2018-02-22").unwrap(), String::new()))
    );
    assert_eq!(from_name("2018-02-2"), None);
    assert_eq!(from_name("2018-13-22-x"), None);
    assert_eq!(from_name("日本語の名前のファイル"), None);
}
