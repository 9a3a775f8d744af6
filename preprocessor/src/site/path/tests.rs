use super::*;

#[test]
fn sanitize_keeps_what_hugo_keeps() {
    // Seen with hugo 0.111 (`/p/:slug/` from the title): `x - y` is `x-y`, not `x---y`.
    assert_eq!(make_path("x - y", false), "x-y");
    assert_eq!(
        make_path("Kubernetes Networking", false),
        "kubernetes-networking"
    );
    assert_eq!(
        make_path("Vim (text editor) & More!", false),
        "vim-text-editor-more"
    );
    assert_eq!(make_path("  Café  au lait ½ x² ", false), "café-au-lait-x");
    assert_eq!(make_path("a%zz b%41", false), "azz-b%41");
    assert_eq!(make_path("C# and C++", false), "c#-and-c++");
    assert_eq!(make_path("Keep Case", true), "Keep-Case");
    assert_eq!(sanitize("-- a --"), "--a--");
}

#[test]
fn url_escape_is_go_url_string() {
    assert_eq!(url_escape("/p/zebra-ü/"), "/p/zebra-%C3%BC/");
    assert_eq!(url_escape("/a b/c\\d"), "/a%20b/c%5Cd");
    assert_eq!(url_escape("/keep%41/x"), "/keep%41/x");
    assert_eq!(url_escape("/bad%zz"), "/bad%25zz");
    assert_eq!(url_escape("/c#-tips/"), "/c#-tips/");
    assert_eq!(urlize("Zebra Ü", false), "zebra-%C3%BC");
}

#[test]
fn query_unescape_turns_plus_into_space() {
    assert_eq!(query_unescape("/p/c++/").as_deref(), Some("/p/c  /"));
    assert_eq!(query_unescape("a%41%c3%a9").as_deref(), Some("aAé"));
    assert_eq!(query_unescape("100%"), None);
    assert_eq!(query_unescape("%zz"), None);
}

#[test]
fn join_and_clean_are_gos() {
    assert_eq!(join(&["/", "post", "", "x"]), "/post/x");
    assert_eq!(join(&["a/", "../b/"]), "b");
    assert_eq!(join(&["", ""]), "");
    assert_eq!(clean("/a/../../b//c/."), "/b/c");
    assert_eq!(clean(""), ".");
    assert_eq!(pjoin(&["/", "p/x/"]), "/p/x/");
    assert_eq!(pjoin(&["/", "p/x"]), "/p/x");
}
