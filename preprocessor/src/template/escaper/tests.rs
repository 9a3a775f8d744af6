use super::*;

fn esc(chain: &[Escaper], v: Value) -> String {
    let mut out = String::new();
    apply(chain, &v, &mut out);
    out
}

#[test]
fn html_text_and_attributes() {
    assert_eq!(
        esc(&[Escaper::Html], "<a href='x'>\"&+".into()),
        "&lt;a href=&#39;x&#39;&gt;&#34;&amp;&#43;"
    );
    assert_eq!(esc(&[Escaper::Html], Value::html("<b>ok</b>")), "<b>ok</b>");
    assert_eq!(
        esc(&[Escaper::Attr], Value::html("<b>x</b> &amp; y")),
        "x &amp; y"
    );
    assert_eq!(
        esc(&[Escaper::NoSpace], "a b=c`".into()),
        "a&#32;b&#61;c&#96;"
    );
    assert_eq!(esc(&[Escaper::Html], Value::Nil), "");
    assert_eq!(esc(&[Escaper::Comment], "anything".into()), "");
}

#[test]
fn urls_are_filtered_and_normalized() {
    let url = [Escaper::UrlFilter, Escaper::UrlNormalizer, Escaper::Attr];
    assert_eq!(esc(&url, "javascript:alert(1)".into()), "#ZgotmplZ");
    // Go takes everything before the first colon as the scheme, spaces included.
    assert_eq!(esc(&url, " JavaScript:x".into()), "#ZgotmplZ");
    assert_eq!(esc(&url, "a b".into()), "a%20b");
    assert_eq!(
        esc(&url, "/a b/ü?x=1&y=<".into()),
        "/a%20b/%c3%bc?x=1&amp;y=%3c"
    );
    assert_eq!(esc(&url, "mailto:a@b".into()), "mailto:a@b");
    assert_eq!(
        esc(&url, Value::safe(Safe::Url, "javascript:x(1)")),
        "javascript:x%281%29"
    );
    assert_eq!(
        esc(&[Escaper::UrlEscape], "a b&c/%41".into()),
        "a%20b%26c%2f%2541"
    );
    assert_eq!(
        esc(&[Escaper::Srcset], "a.png 1x, javascript:x 2x".into()),
        "a.png 1x,#ZgotmplZ"
    );
    assert!(is_safe_url("/rel:ative") && is_safe_url("HTTPS://x") && !is_safe_url("data:x"));
}

#[test]
fn scripts_and_styles() {
    assert_eq!(
        esc(&[Escaper::JsVal], "a\"</script>".into()),
        "\"a\\\"\\u003c/script\\u003e\""
    );
    assert_eq!(esc(&[Escaper::JsVal], 1.5.into()), " 1.5 ");
    assert_eq!(esc(&[Escaper::JsVal], Value::Nil), " null ");
    assert_eq!(esc(&[Escaper::JsVal], Value::safe(Safe::Js, "f()")), "f()");
    assert_eq!(
        esc(&[Escaper::JsStr], "'\"</\u{2028}".into()),
        "\\u0027\\u0022\\u003c\\/\\u2028"
    );
    assert_eq!(esc(&[Escaper::JsRegexp], "a.b".into()), "a\\.b");
    assert_eq!(esc(&[Escaper::JsRegexp], "".into()), "(?:)");
    assert_eq!(esc(&[Escaper::CssValue], "red".into()), "red");
    assert_eq!(esc(&[Escaper::CssValue], "red;x".into()), "ZgotmplZ");
    assert_eq!(
        esc(&[Escaper::CssValue], "expression(1)".into()),
        "ZgotmplZ"
    );
    assert_eq!(esc(&[Escaper::Css], "x\"(y".into()), "x\\22\\28y");
    assert_eq!(esc(&[Escaper::HtmlName], "onclick".into()), "ZgotmplZ");
    assert_eq!(esc(&[Escaper::HtmlName], "Title".into()), "title");
    assert_eq!(
        esc(&[Escaper::HtmlName], Value::safe(Safe::HtmlAttr, "a=\"b\"")),
        "a=\"b\""
    );
}

#[test]
fn attribute_kinds_and_builtins() {
    assert_eq!(attr_type("href"), Content::Url);
    assert_eq!(attr_type("data-src"), Content::Url);
    assert_eq!(attr_type("onmouseover"), Content::Js);
    assert_eq!(attr_type("style"), Content::Css);
    assert_eq!(attr_type("xlink:href"), Content::Url);
    assert_eq!(attr_type("class"), Content::Plain);
    assert_eq!(go_html("<a'\"&>"), "&lt;a&#39;&#34;&amp;&gt;");
    assert_eq!(query_escape("a b&c/é"), "a+b%26c%2F%C3%A9");
    assert_eq!(strip_tags("<b>x</b> <i title=\"1>2\">y</i>"), "x y");
    assert_eq!(decode_css(b"\\22 x\\\"").as_slice(), b"\"x\"");
}
