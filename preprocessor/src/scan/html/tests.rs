use super::*;

/// (element, attribute, raw value) of every start tag's attributes in `pieces`, fed in order
/// as the lines of one block.
fn attrs(pieces: &[&str]) -> Vec<(String, String, String)> {
    let mut t = Tokenizer::default();
    let mut base = 0;
    let source: String = pieces.concat();
    for p in pieces {
        t.feed(p, base);
        base += p.len();
    }
    t.end_block(base);
    t.take()
        .into_iter()
        .map(|a| (a.element, a.name, source[a.raw].to_owned()))
        .collect()
}

fn names_values(pieces: &[&str]) -> Vec<(String, String)> {
    attrs(pieces).into_iter().map(|(_, n, v)| (n, v)).collect()
}

fn pair(n: &str, v: &str) -> (String, String) {
    (n.into(), v.into())
}

#[test]
fn quoted_values_hide_what_looks_like_attributes() {
    assert_eq!(
        names_values(&[r#"<a title="moved, see href=/p/nope/ instead" href="/p/a/">self</a>"#]),
        [
            pair("title", "moved, see href=/p/nope/ instead"),
            pair("href", "/p/a/")
        ]
    );
    assert_eq!(
        names_values(&[r#"<span data-x=" id=fake ">x</span>"#]),
        [pair("data-x", " id=fake ")]
    );
    assert_eq!(
        names_values(&["<a title='it says \"href=x\"' href=/p/b/>b</a>"]),
        [pair("title", "it says \"href=x\""), pair("href", "/p/b/")]
    );
}

#[test]
fn names_are_lowercased_and_duplicates_dropped() {
    assert_eq!(
        attrs(&["<IMG SRC=\"a.png\" src=\"b.png\" Alt = 'x' >"]),
        [
            ("img".into(), "src".into(), "a.png".into()),
            ("img".into(), "alt".into(), "x".into())
        ]
    );
}

#[test]
fn unquoted_empty_and_valueless_attributes() {
    assert_eq!(
        names_values(&["<input disabled value= x id=y/><a href=>z</a>"]),
        [
            pair("disabled", ""),
            pair("value", "x"),
            pair("id", "y/"),
            pair("href", "")
        ]
    );
}

#[test]
fn comments_doctypes_and_raw_text_hold_no_tags() {
    assert_eq!(
        names_values(&[
            "<!-- <a href=\"/p/c/\"> --><!DOCTYPE html><?php <a href=x> ?>",
            "<script>var s = '<a href=\"/p/s/\">';</script><style>a[href=\"/p/t/\"]{}</style>",
            "<textarea><img src=/p/u/></textarea><title><a id=v></title></TITLE>",
            "<a href=/p/ok/>ok</a><!---><a id=after-abrupt></a>",
        ]),
        [pair("href", "/p/ok/"), pair("id", "after-abrupt")]
    );
    // A comment that never closes hides the rest; `--!>` closes one too.
    assert_eq!(
        names_values(&["<!-- a --!><b id=x><!-- <i id=y>"]),
        [pair("id", "x")]
    );
    // `<` that starts no tag is text.
    assert_eq!(names_values(&["a < b <3 <a id=z>"]), [pair("id", "z")]);
}

#[test]
fn a_tag_may_span_the_lines_of_a_block() {
    assert_eq!(
        names_values(&[
            "<div\n",
            "  class=\"card\"\n",
            "  id=\"one\">\n",
            "</div>\n"
        ]),
        [pair("class", "card"), pair("id", "one")]
    );
    // A raw-text element spans lines too.
    assert_eq!(
        names_values(&[
            "<script>\n",
            "<a href=/p/x/>\n",
            "</script>\n",
            "<a href=/p/y/>\n"
        ]),
        [pair("href", "/p/y/")]
    );
}

#[test]
fn ranges_point_into_the_source_and_tags_end_after_their_bracket() {
    let mut t = Tokenizer::default();
    let html = "<a href=\"/p/x/\">x</a>";
    t.feed(html, 100);
    let a = t.take();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].raw, 109..114);
    assert_eq!(a[0].tag_end, 100 + html.find('>').unwrap() + 1);
}

#[test]
fn values_decode_as_a_browser_decodes_them() {
    for (raw, meant) in [
        ("/p/a/?x=1&amp;y=2", "/p/a/?x=1&y=2"),
        ("&#x2F;p&#47;b&sol;", "/p/b/"),
        ("&eacute;&Eacute&hellip;&NotNestedGreaterGreater;", "éÉ…⪢̸"),
        // In attribute values, a reference without `;` before `=` or a letter stays as written.
        ("?a=1&copy=2&notit", "?a=1&copy=2&notit"),
        ("&copy 2026", "© 2026"),
        ("&#0;&#x110000;&#128;", "\u{FFFD}\u{FFFD}€"),
        ("no refs", "no refs"),
    ] {
        assert_eq!(decode(raw), meant, "{raw}");
    }
}

#[test]
fn never_panics_on_cut_off_or_odd_input() {
    for text in [
        "<",
        "<a",
        "<a href",
        "<a href=",
        "<a href=\"",
        "</",
        "</a",
        "<!",
        "<!-",
        "<!--",
        "<é é=é>",
        "<a =x>",
        "<a/b=c>",
        "<a\u{0}b>",
        "<script",
        "<script>",
        "<a href='x",
    ] {
        let mut t = Tokenizer::default();
        for cut in 0..=text.len() {
            if let (Some(a), Some(b)) = (text.get(..cut), text.get(cut..)) {
                t.feed(a, 0);
                t.feed(b, cut);
                t.end_block(text.len());
                for attr in t.take() {
                    assert!(attr.raw.end <= text.len(), "{text:?}");
                }
            }
        }
    }
}
