use super::*;

fn block(source: &str) -> Block {
    match find(source) {
        Found::Block(b) => b,
        other => panic!("expected a block, got {other:?}"),
    }
}

#[test]
fn yaml_toml_and_json_are_found_where_hugo_finds_them() {
    let y = "---\ntitle: A\n---\nbody\n";
    let b = block(y);
    assert_eq!(
        (b.format, &y[b.inner.clone()], &y[b.body_start..]),
        (Format::Yaml, "title: A\n", "body\n")
    );

    let t = "+++\ntitle = \"A\"\n+++\nbody";
    let b = block(t);
    assert_eq!((b.format, &t[b.body_start..]), (Format::Toml, "body"));

    let j = "{\n \"title\": \"a } b\"\n}\nbody";
    let b = block(j);
    assert_eq!(
        (b.format, &j[b.inner.clone()], &j[b.body_start..]),
        (Format::Json, "{\n \"title\": \"a } b\"\n}", "body")
    );
}

#[test]
fn bom_crlf_and_leading_blank_lines_are_tolerated() {
    let s = "\u{feff}\r\n---\r\ntitle: A\r\n---\r\nbody\r\n";
    let b = block(s);
    assert_eq!(&s[b.body_start..], "body\r\n");
    assert_eq!(parse(s, &b).unwrap()["title"], "A");
}

#[test]
fn no_front_matter_and_later_rules_are_body() {
    assert_eq!(find("# Title\n\n---\n\ntext"), Found::None);
    assert_eq!(find("----\nnot yaml\n----\n"), Found::None);
    assert_eq!(find(""), Found::None);
    let s = "---\na: 1\n---\nbody\n\n---\n\nmore";
    assert_eq!(&s[block(s).body_start..], "body\n\n---\n\nmore");
}

#[test]
fn unclosed_fences_are_reported() {
    assert_eq!(
        find("---\ntitle: A\nbody"),
        Found::Unclosed {
            format: Format::Yaml,
            at: 0
        }
    );
    assert_eq!(
        find("  {\"a\": 1"),
        Found::Unclosed {
            format: Format::Json,
            at: 2
        }
    );
}

#[test]
fn keys_are_case_insensitive_and_toml_dates_become_text() {
    let s = "+++\nTitle = \"A\"\ndate = 2025-02-03T15:00:00Z\nday = 2024-07-09\n+++\n";
    let m = parse(s, &block(s)).unwrap();
    assert_eq!(m["title"], "A");
    assert_eq!(m["date"], "2025-02-03T15:00:00Z");
    assert_eq!(m["day"], "2024-07-09");
}

#[test]
fn syntax_errors_point_into_the_source() {
    let s = "---\ntitle: A\ntags: [a, b\n---\n";
    let p = parse(s, &block(s)).unwrap_err();
    assert!(
        p.message.starts_with("malformed YAML front matter"),
        "{}",
        p.message
    );
    assert!(p.at >= s.find("tags").unwrap(), "{p:?}");

    let s = "+++\ntitle = \n+++\n";
    let p = parse(s, &block(s)).unwrap_err();
    assert_eq!(crate::diagnostic::line_column(s, p.at).0, 2, "{p:?}");

    let s = "{\n\"title\": \"A\",\n\"x\": nope\n}\n";
    let p = parse(s, &block(s)).unwrap_err();
    assert_eq!(crate::diagnostic::line_column(s, p.at).0, 3, "{p:?}");
}

#[test]
fn a_list_is_not_a_map() {
    let s = "---\n- a\n- b\n---\n";
    assert!(
        parse(s, &block(s))
            .unwrap_err()
            .message
            .contains("not a map")
    );
}

#[test]
fn key_offsets_find_the_line() {
    let s = "---\ntitle: A\nDate: x\n---\n";
    let b = block(s);
    assert_eq!(key_offset(s, &b, "date"), s.find("Date"));
    assert_eq!(key_offset(s, &b, "slug"), None);
    let j = "{\"title\": 1}";
    assert_eq!(key_offset(j, &block(j), "title"), Some(1));
}

#[test]
fn toml_datetimes_are_text_as_hugo_reads_them() {
    let s = "+++\na = 2024-07-09T10:11:12.5Z\nb = 2024-07-09T10:11:12.25\nc = 2024-07-09\n+++\n";
    let map = parse(s, &block(s)).unwrap();
    // hugo 0.111 drops the fraction of an offset datetime, and keeps a local one's.
    assert_eq!(map["a"], "2024-07-09T10:11:12Z");
    assert_eq!(map["b"], "2024-07-09T10:11:12.25");
    assert_eq!(map["c"], "2024-07-09");
}
