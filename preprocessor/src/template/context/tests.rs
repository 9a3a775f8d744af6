use super::*;

/// The context after all of `s`, from text.
fn after(s: &str) -> Ctx {
    let mut c = Ctx::TEXT;
    let mut b = s.as_bytes();
    while !b.is_empty() {
        let (c1, n) = transition(c, b).expect("valid HTML");
        if n == 0 && c1 == c {
            break;
        }
        c = c1;
        b = &b[n..];
    }
    c
}

#[test]
fn tags_attributes_and_values() {
    assert_eq!(after("<a ").state, State::Tag);
    assert_eq!(after("<a href").state, State::AttrName);
    let c = after("<a href=");
    assert_eq!((c.state, c.attr), (State::BeforeValue, Attr::Url));
    let c = after("<a href=\"/x");
    assert_eq!(
        (c.state, c.delim, c.url),
        (State::Url, Delim::DoubleQuote, UrlPart::PreQuery)
    );
    assert_eq!(after("<a href='/x?").url, UrlPart::QueryOrFrag);
    assert_eq!(after("<p onclick=\"").state, State::Js);
    assert_eq!(after("<p style=\"").state, State::Css);
    assert_eq!(after("<!-- x").state, State::HtmlCmt);
    assert_eq!(after("<!-- x -->").state, State::Text);
}

#[test]
fn special_elements() {
    assert_eq!(after("<script>").state, State::Js);
    assert_eq!(after("<script>var s = \"").state, State::JsDqStr);
    assert_eq!(after("<script>x = /").state, State::JsRegexp);
    assert_eq!(after("<script>x = a /").js, JsCtx::Regexp);
    assert_eq!(after("<style>p { background: url(").state, State::CssUrl);
    assert_eq!(after("<textarea>").state, State::Rcdata);
    assert_eq!(index_tag_end(b"x</SCRIPT >", b"script"), Some(1));
    assert_eq!(index_tag_end(b"x</scripty>", b"script"), None);
}

#[test]
fn regexp_or_division_as_go_guesses() {
    assert_eq!(next_js_ctx(b"x = 1", JsCtx::Regexp), JsCtx::DivOp);
    assert_eq!(next_js_ctx(b"return ", JsCtx::DivOp), JsCtx::Regexp);
    assert_eq!(next_js_ctx(b"x++", JsCtx::Regexp), JsCtx::DivOp);
    assert_eq!(next_js_ctx(b"x+", JsCtx::DivOp), JsCtx::Regexp);
    assert_eq!(next_js_ctx(b"", JsCtx::Unknown), JsCtx::Unknown);
}

#[test]
fn bad_html_is_an_error() {
    assert!(transition(after("<a "), b"\"x").is_err());
}
