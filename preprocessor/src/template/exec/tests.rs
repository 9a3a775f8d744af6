use crate::template::tests::{Bare, run};
use crate::template::{ErrorKind, Map, Template, Value};

fn dot() -> Value {
    Value::from(Map::new(
        [
            ("Name".to_owned(), Value::from("n")),
            (
                "List".to_owned(),
                Value::from(vec![Value::from("a"), Value::from("b"), Value::from("c")]),
            ),
            (
                "Nested".to_owned(),
                Value::from(Map::new(
                    [("X".to_owned(), Value::Int(1))].into_iter().collect(),
                )),
            ),
        ]
        .into_iter()
        .collect(),
    ))
}

#[test]
fn fields_variables_and_pipelines() {
    let d = dot();
    assert_eq!(
        run(
            "{{ .Name }}|{{ .Nested.X }}|{{ .Missing.Deeper }}|{{ $ := . }}",
            &d
        ),
        "n|1||"
    );
    assert_eq!(run("{{ $x := 1 }}{{ $x = add $x 1 }}{{ $x }}", &d), "2");
    assert_eq!(run("{{ .Name | printf \"%s-%s\" \"p\" }}", &d), "p-n");
    assert_eq!(run("{{ (index .List 1) }}{{ len .List }}", &d), "b3");
    assert_eq!(
        run("{{ with .Nested }}{{ .X }}{{ $.Name }}{{ end }}", &d),
        "1n"
    );
    assert_eq!(
        run(
            "{{ with .Missing }}x{{ else with .Name }}{{ . }}{{ else }}z{{ end }}",
            &d
        ),
        "n"
    );
}

#[test]
fn control_flow() {
    let d = dot();
    assert_eq!(
        run(
            "{{ if .Missing }}a{{ else if .Name }}b{{ else }}c{{ end }}",
            &d
        ),
        "b"
    );
    assert_eq!(
        run("{{ range $i, $v := .List }}{{ $i }}{{ $v }}{{ end }}", &d),
        "0a1b2c"
    );
    assert_eq!(
        run(
            "{{ range .List }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}",
            &d
        ),
        "ac"
    );
    assert_eq!(
        run(
            "{{ range .List }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}",
            &d
        ),
        "a"
    );
    assert_eq!(
        run("{{ range .Missing }}x{{ else }}empty{{ end }}", &d),
        "empty"
    );
    assert_eq!(
        run(
            "{{ range $k, $v := .Nested }}{{ $k }}={{ $v }}{{ end }}",
            &d
        ),
        "X=1"
    );
    assert_eq!(run("{{ range 3 }}{{ . }}{{ end }}", &d), "012");
    assert_eq!(
        run(
            "{{ and 1 0 2 }}|{{ or 0 \"\" 3 }}|{{ or 0 }}|{{ not 0 }}",
            &d
        ),
        "0|3|0|true"
    );
    // `and` stops at the first false: the failing call is never made.
    assert_eq!(run("{{ and false (index 1 2) }}", &d), "false");
}

#[test]
fn errors_name_the_template_position_and_node() {
    let t = Template::parse("sc.html", "ok\n{{ .Name.Foo }}").expect("parses");
    let e = t.exec(&dot(), &Bare).unwrap_err();
    assert_eq!((e.line, e.column, e.kind), (2, 4, ErrorKind::Exec));
    assert_eq!(
        e.message,
        "executing \"sc.html\" at <.Foo>: can't evaluate field Foo in type string"
    );
    let e = Template::parse("t", "{{ add 1 \"a\" }}")
        .expect("parses")
        .exec(&Value::Nil, &Bare)
        .unwrap_err();
    assert!(
        e.message
            .contains("error calling add: can't apply the operator"),
        "{e}"
    );
    let e = Template::parse("t", "{{ 1 2 }}")
        .expect("parses")
        .exec(&Value::Nil, &Bare)
        .unwrap_err();
    assert!(
        e.message.contains("can't give argument to non-function"),
        "{e}"
    );
    let e = Template::parse("t", "{{ partial \"nope\" . }}")
        .expect("parses")
        .exec(&Value::Nil, &Bare)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
}
