use super::*;
use crate::template::escaper::Escaper;
use crate::template::{Template, Value};

fn escapers_of(src: &str) -> Vec<Vec<Escaper>> {
    let parsed = crate::template::parse::parse("t", src).expect("parses");
    let e = escape(parsed, "t", src).expect("escapes");
    e.main
        .root
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Action(a) => Some(a.escapers.clone()),
            _ => None,
        })
        .collect()
}

fn refused(src: &str) -> String {
    Template::parse("t", src).unwrap_err().message
}

#[test]
fn each_context_gets_gos_escapers() {
    use Escaper::*;
    assert_eq!(
        escapers_of(
            "{{.}}<a href=\"{{.}}?q={{.}}\" title='{{.}}' class={{.}}><script>{{.}}</script><style>p{color:{{.}}}</style><!--{{.}}-->"
        ),
        vec![
            vec![Html],
            vec![UrlFilter, UrlNormalizer, Attr],
            vec![UrlEscape, Attr],
            vec![Attr],
            vec![NoSpace],
            vec![JsVal],
            vec![CssValue],
            vec![Comment],
        ]
    );
    // `html` at the end of a pipeline stands for the equivalent escaper.
    assert_eq!(escapers_of("{{ . | html }}"), vec![Vec::<Escaper>::new()]);
}

#[test]
fn text_loses_comments_and_stray_brackets() {
    let t = Template::parse("t", "a <!-- c --> b < c <b>d</b><!DOCTYPE html>").expect("parses");
    assert_eq!(
        t.exec(&Value::Nil, &crate::template::tests::Bare)
            .expect("runs"),
        "a  b &lt; c <b>d</b><!DOCTYPE html>"
    );
}

#[test]
fn contexts_that_cannot_be_escaped_are_refused() {
    assert!(
        refused("{{ if . }}<a href=\"{{ end }}x").contains("branches end in different contexts")
    );
    assert!(refused("<a href=\"").contains("ends in a non-text context"));
    assert!(refused("<a title=x\"y>").contains("in unquoted attr"));
    assert!(refused("{{ range . }}<a title=\"{{ end }}").contains("different contexts"));
    assert!(refused("<a {{ range . }}\"{{ end }}>").contains("in attribute name"));
    assert!(refused("{{ . | html | print }}").contains("predefined escaper"));
}

#[test]
fn defines_are_escaped_per_calling_context() {
    let t = Template::parse(
        "t",
        "{{ define \"v\" }}{{ . }}{{ end }}<p>{{ template \"v\" \"<x>\" }}</p><a href=\"{{ template \"v\" \"javascript:x\" }}\">",
    )
    .expect("parses");
    assert_eq!(t.escaped.variants.len(), 2);
    let out = t
        .exec(&Value::Nil, &crate::template::tests::Bare)
        .expect("runs");
    assert_eq!(out, "<p>&lt;x&gt;</p><a href=\"#ZgotmplZ\">");
}
