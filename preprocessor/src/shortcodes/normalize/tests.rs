use super::*;

#[test]
fn the_normalizer_sees_what_a_browser_sees() {
    // Attribute order, quoting, references and whitespace do not matter...
    assert_eq!(
        tokens("<a title='&#34;x&#34;' href=\"u\">A\n  &amp; B</a>"),
        tokens("<a href=u title=\"&quot;x&quot;\"> A &amp; B </a>")
    );
    // ...an attribute value, a tag or a word does.
    assert_ne!(tokens("<a href=u>A</a>"), tokens("<a href=v>A</a>"));
    assert_ne!(tokens("<b>A</b>"), tokens("<i>A</i>"));
    assert_ne!(tokens("<p>A B</p>"), tokens("<p>AB</p>"));
    // Our placeholder is taken out, whatever is inside it.
    assert_eq!(
        tokens(
            "<div class=\"hugo-embed hugo-embed-frame\"><iframe src=x></iframe>\
             <a class=\"hugo-embed-fallback\" href=y><span>YouTube</span></a></div>"
        ),
        tokens("<iframe src=x></iframe>")
    );
}
