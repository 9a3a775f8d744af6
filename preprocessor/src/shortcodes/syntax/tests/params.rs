//! Parameters: positional and named, quoted, raw and bare, typed as Hugo types them.

use super::*;

#[test]
fn positional_parameters_are_typed_as_hugo_types_them() {
    let body = "{{< plain a \"b c\" 42 -7 3.5 -.5 true false \"42\" `raw` 1.2.3 007 99999999999999999999 x-y >}}";
    let values: Vec<Value> = positional(&call(body))
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(
        values,
        [
            s("a"),
            s("b c"),
            Value::Int(42),
            Value::Int(-7),
            Value::Float(3.5),
            Value::Float(-0.5),
            Value::Bool(true),
            Value::Bool(false),
            s("42"),
            s("raw"),
            s("1.2.3"),
            Value::Int(7),
            s("99999999999999999999"),
            s("x-y"),
        ]
    );
    let ranges: Vec<_> = positional(&call(body))
        .into_iter()
        .map(|(_, r)| &body[r])
        .collect();
    assert_eq!(&ranges[..3], ["a", "\"b c\"", "42"]);
    assert_eq!(ranges[9], "`raw`");
}

#[test]
fn named_parameters_are_typed_and_keep_their_order() {
    let body = "{{< plain a=1 b=\"2\" c=`x y` d=true e=+5 f=1e5 g=.5 h=True i=9223372036854775808 j=0x10 >}}";
    let c = call(body);
    let got = named(&c);
    let values: Vec<_> = got.iter().map(|(k, v, _)| (*k, v.clone())).collect();
    assert_eq!(
        values,
        [
            ("a", Value::Int(1)),
            ("b", s("2")),
            ("c", s("x y")),
            ("d", Value::Bool(true)),
            ("e", Value::Int(5)),
            ("f", s("1e5")),
            ("g", Value::Float(0.5)),
            ("h", s("True")),
            ("i", s("9223372036854775808")),
            ("j", s("0x10")),
        ]
    );
    assert_eq!(&body[got[1].2.clone()], "\"2\"");
    assert_eq!(&body[got[2].2.clone()], "`x y`");
    assert_eq!(
        c.params.named("g").map(|p| &p.value),
        Some(&Value::Float(0.5))
    );
    assert_eq!(c.params.positional(0), None);
}

#[test]
fn bare_values_are_typed_by_hugos_patterns() {
    for (text, value) in [
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("0", Value::Int(0)),
        ("-0", Value::Int(0)),
        ("+12", Value::Int(12)),
        ("9223372036854775807", Value::Int(i64::MAX)),
        ("-9223372036854775808", Value::Int(i64::MIN)),
        ("3.25", Value::Float(3.25)),
        ("+.5", Value::Float(0.5)),
        ("-", s("-")),
        ("+", s("+")),
        ("1.", s("1.")),
        (".", s(".")),
        ("1e5", s("1e5")),
        ("inf", s("inf")),
        ("NaN", s("NaN")),
        ("١٢", s("١٢")),
        ("1_000", s("1_000")),
        ("TRUE", s("TRUE")),
    ] {
        assert_eq!(Value::bare(text), value, "{text}");
    }
    let huge = format!("{}.5", "9".repeat(400));
    assert_eq!(Value::bare(&huge), Value::String(huge.clone()));
}

#[test]
fn a_name_given_twice_keeps_its_last_value() {
    let c = call("{{< plain a=1 b=2 a=3 >}}");
    let got = named(&c);
    let values: Vec<_> = got.iter().map(|(k, v, _)| (*k, v.clone())).collect();
    assert_eq!(values, [("a", Value::Int(3)), ("b", Value::Int(2))]);
}

#[test]
fn the_odd_named_forms_hugo_accepts() {
    // Spaces around `=`, a quoted name, a value alone, a bare value running to the next space.
    assert_eq!(named(&call("{{< plain a = b >}}"))[0].0, "a");
    assert_eq!(named(&call("{{< plain a = b >}}"))[0].1, s("b"));
    assert_eq!(named(&call("{{< plain \"k\"=v >}}"))[0].0, "k");
    assert_eq!(call("{{< plain =v >}}").params, Params::Positional(vec![]));
    assert_eq!(named(&call("{{< plain k=v>}} >}}"))[0].1, s("v>}}"));
}

#[test]
fn quoted_values_and_their_escapes() {
    let body = r#"{{< plain "a \"b\" c" "C:\path" "C:\p \"x\"" \"x y\" >}}"#;
    let values: Vec<_> = positional(&call(body))
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    // Any `\"` in a value drops every backslash of it; without one, backslashes stay.
    assert_eq!(
        values,
        [s("a \"b\" c"), s("C:\\path"), s("C:p \"x\""), s("x y")]
    );
    let ranges: Vec<_> = positional(&call(body))
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    assert_eq!(&body[ranges[3].clone()], r#"\"x y\""#);
    let c = call(r#"{{< plain k=\"x y\" j="1" >}}"#);
    assert_eq!(named(&c)[0].1, s("x y"));
    assert_eq!(named(&c)[1].1, s("1"));
}

#[test]
fn backtick_values_span_lines() {
    let c = call("{{< plain `multi\nline \"q\"` k >}}");
    assert_eq!(positional(&c)[0].0, s("multi\nline \"q\""));
    assert_eq!(positional(&c)[1].0, s("k"));
}

#[test]
fn params_of_a_call_and_of_the_calls_in_it_are_apart() {
    let body = "{{< a x=1 >}}{{< b 2 >}}{{< /b >}}{{< /a >}}";
    let a = call(body);
    assert_eq!(named(&a)[0].1, Value::Int(1));
    assert_eq!(positional(children(&a)[0])[0].0, Value::Int(2));
    assert_eq!(
        children(&a)[0]
            .params
            .positional(0)
            .map(|p: &Param| p.range.clone()),
        Some(19..20)
    );
}

#[test]
fn a_delimiter_right_after_a_parameter_ends_it() {
    let body = "{{< notice \"A title\">}}x{{< /notice>}}{{% notice tip Note%}}y{{% /notice%}}";
    let cs = calls(body);
    assert_eq!(positional(&cs[0]), [(s("A title"), 11..20)]);
    let values: Vec<_> = positional(&cs[1]).into_iter().map(|(v, _)| v).collect();
    assert_eq!(values, [s("tip"), s("Note")]);
    assert_eq!(&body[cs[1].inner.clone().unwrap()], "y");
    let c = call("{{% spoiler 代码%}}z{{% /spoiler %}}");
    assert_eq!(positional(&c)[0].0, s("代码"));
}
