use super::*;

fn kinds(src: &str) -> Vec<Kind> {
    lex(src)
        .expect("lexes")
        .into_iter()
        .map(|t| t.kind)
        .collect()
}

fn texts(src: &str) -> Vec<String> {
    lex(src)
        .expect("lexes")
        .into_iter()
        .filter(|t| t.kind == Kind::Text)
        .map(|t| src[t.range].to_owned())
        .collect()
}

#[test]
fn actions_fields_variables_and_literals() {
    use Kind::*;
    assert_eq!(
        kinds(r#"a{{ $x := .A.B | f "s" `r` 'c' 1.5 nil true }}b"#),
        vec![
            Text, Left, Space, Variable, Space, Declare, Space, Field, Field, Space, Pipe, Space,
            Ident, Space, String, Space, RawString, Space, Char, Space, Number, Space, Nil, Space,
            Bool, Space, Right, Text, Eof
        ]
    );
    assert_eq!(
        kinds("{{if .}}{{else}}{{end}}")[1..3],
        [Kind::Keyword(super::Keyword::If), Kind::Space]
    );
}

#[test]
fn trim_markers_trim_the_text_beside_them() {
    assert_eq!(texts("a \n {{- 1 -}} \n b"), ["a", "b"]);
    // `{{-3}}` is the number -3, not a trim marker.
    assert_eq!(texts("a {{-3}} b"), ["a ", " b"]);
    assert!(kinds("{{-3}}").contains(&Kind::Number));
}

#[test]
fn comments_vanish_and_must_close_at_the_delimiter() {
    assert_eq!(texts("a {{/* c */}} b"), ["a ", " b"]);
    assert_eq!(texts("a {{- /* c */ -}} b"), ["a", "b"]);
    let e = lex("{{/* c */ x}}").unwrap_err();
    assert_eq!(e.message, "comment ends before closing delimiter");
    assert_eq!(lex("x {{/* c").unwrap_err().message, "unclosed comment");
}

#[test]
fn errors_name_what_and_where() {
    let e = lex("ab{{ .X").unwrap_err();
    assert_eq!((e.at, e.message.as_str()), (2, "unclosed action"));
    assert_eq!(
        lex(r#"{{ "abc }}"#).unwrap_err().message,
        "unterminated quoted string"
    );
    assert_eq!(
        lex("{{ `abc }}").unwrap_err().message,
        "unterminated raw quoted string"
    );
    assert!(
        lex("{{ 12ab }}")
            .unwrap_err()
            .message
            .starts_with("bad number syntax")
    );
    assert_eq!(
        lex("{{ ) }}").unwrap_err().message,
        "unexpected right paren"
    );
    assert_eq!(lex("{{ ( }}").unwrap_err().message, "unclosed left paren");
}

#[test]
fn never_panics_on_cut_input() {
    let src = "a{{- $x := (index .A \"k\\\"é\") | printf `%d` 0x1F 1e3 'x' -}}é{{/* c */}}";
    for end in 0..=src.len() {
        if let Some(s) = src.get(..end) {
            let _ = lex(s);
        }
    }
}
