use super::*;
use crate::template::ast::{Arg, Node};
use crate::template::value::Value;

fn err(src: &str) -> String {
    parse("t.html", src).unwrap_err().message
}

#[test]
fn go_error_messages() {
    assert_eq!(err("{{ nope 1 }}"), "function \"nope\" not defined");
    assert_eq!(err("{{ $x }}"), "undefined variable \"$x\"");
    assert_eq!(err("{{ break }}"), "{{break}} outside {{range}}");
    assert_eq!(err("{{ if }}x{{ end }}"), "missing value for if");
    assert_eq!(err("{{ if 1 }}x"), "unexpected EOF");
    assert_eq!(err("{{ end }}"), "unexpected {{end}}");
    assert_eq!(
        err("{{ 1 | 2 }}"),
        "non executable command in pipeline stage 2"
    );
    assert_eq!(
        err("{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}"),
        "multiple definition of template \"a\""
    );
}

#[test]
fn errors_carry_line_and_column() {
    let e = parse("t.html", "line one\n  {{ .A | nope }}").unwrap_err();
    assert_eq!((e.template.as_str(), e.line, e.column), ("t.html", 2, 11));
    assert_eq!(e.kind, ErrorKind::Syntax);
}

#[test]
fn hugo_functions_it_lacks_are_unsupported_not_unknown() {
    let e = parse("t.html", "{{ T \"note\" }}").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    let e = parse("t.html", "{{ resources.Get \"x\" }}").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(parse("t.html", "{{ strings.ToLower \"X\" }}").is_ok());
}

#[test]
fn variables_resolve_to_slots_and_scopes_end_with_their_block() {
    let p = parse("t", "{{ $a := 1 }}{{ if 1 }}{{ $b := 2 }}{{ end }}{{ $a }}").expect("parses");
    assert_eq!(p.main.slots, 3);
    assert!(parse("t", "{{ if 1 }}{{ $b := 2 }}{{ end }}{{ $b }}").is_err());
    // A declaration's own pipeline does not see the new name.
    assert!(parse("t", "{{ $a := $a }}").is_err());
    assert!(parse("t", "{{ range $i, $v := . }}{{ $i }}{{ $v }}{{ end }}").is_ok());
}

#[test]
fn else_if_nests_and_fields_chain() {
    let p = parse("t", "{{ if 1 }}a{{ else if 2 }}b{{ else }}c{{ end }}").expect("parses");
    let Some(Node::If(b)) = p.main.root.nodes.first() else {
        panic!("an if")
    };
    let inner = b.else_list.as_ref().and_then(|l| l.nodes.first());
    assert!(matches!(inner, Some(Node::If(_))));
    let p = parse("t", "{{ (.Get 0).Foo.Bar }}").expect("parses");
    let Some(Node::Action(a)) = p.main.root.nodes.first() else {
        panic!("an action")
    };
    let arg = a.pipe.cmds.first().and_then(|c| c.args.first());
    assert!(matches!(arg, Some(Arg::Chain { names, .. }) if names.len() == 2));
}

#[test]
fn literals_are_typed_as_go_hands_them_to_functions() {
    assert_eq!(number("0x1F"), Some(Value::Int(31)));
    assert_eq!(number("1_000"), Some(Value::Int(1000)));
    assert_eq!(number("017"), Some(Value::Int(15)));
    assert_eq!(number("1e3"), Some(Value::Float(1000.0)));
    assert_eq!(number("-2.5"), Some(Value::Float(-2.5)));
    assert_eq!(number("99999999999999999999"), None);
    assert_eq!(
        literal::unquote(r#""a\n\x41\u00e9\"""#).as_deref(),
        Ok("a\nAé\"")
    );
    assert!(literal::unquote(r#""\q""#).is_err());
    assert_eq!(literal::number("'\\n'", true), Ok(Value::Int(10)));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = "{{ (1) }}";
    assert!(parse("t", deep).is_ok());
    let parens = format!("{{{{ {}1{} }}}}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(parse("t", &parens).unwrap_err().kind, ErrorKind::Limit);
    let ifs = format!("{}x{}", "{{ if 1 }}".repeat(5000), "{{ end }}".repeat(5000));
    assert_eq!(parse("t", &ifs).unwrap_err().kind, ErrorKind::Limit);
}
