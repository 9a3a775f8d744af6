use super::*;

#[test]
fn truthiness_is_gos() {
    for v in [
        Value::Nil,
        false.into(),
        0i64.into(),
        0.0.into(),
        "".into(),
        Vec::new().into(),
    ] {
        assert!(!v.truthy(), "{v:?}");
    }
    for v in [
        true.into(),
        1i64.into(),
        "x".into(),
        Value::html("x"),
        vec![Value::Nil].into(),
    ] {
        assert!(v.truthy(), "{v:?}");
    }
}

#[test]
fn params_maps_are_case_insensitive_dicts_exact() {
    let p = Map::params([("CamelKey".to_owned(), Value::from("v"))]);
    assert_eq!(p.get("camelKey"), Some(&Value::from("v")));
    assert!(p.contains_exact("camelkey") && !p.contains_exact("CamelKey"));
    let d = Map::new([("aB".to_owned(), Value::Int(1))].into_iter().collect());
    assert_eq!(d.get("ab"), None);
    assert_eq!(d.get("aB"), Some(&Value::Int(1)));
}

#[test]
fn prints_as_fmt_sprint() {
    let list = Value::from(vec![
        Value::Int(1),
        "x".into(),
        Value::Nil,
        Value::Float(1e6),
    ]);
    assert_eq!(list.to_go_string(), "[1 x <nil> 1e+06]");
    let m = Map::new(
        [
            ("b".to_owned(), Value::Int(2)),
            ("a".to_owned(), true.into()),
        ]
        .into_iter()
        .collect(),
    );
    assert_eq!(Value::from(m).to_go_string(), "map[a:true b:2]");
    assert_eq!(Value::Float(0.5).to_go_string(), "0.5");
}

#[test]
fn built_values_are_held_to_a_weight_and_a_depth() {
    use crate::template::tests::run;
    // Doubling by sharing: each step doubles what printing would cost.
    let e = run(
        "{{ $x := slice 1 }}{{ range 64 }}{{ $x = slice $x $x }}{{ end }}{{ $x }}",
        &Value::Nil,
    );
    assert!(
        e.contains("more than") && e.contains("bytes and items"),
        "{e}"
    );
    let e = run(
        "{{ $x := slice }}{{ range 200 }}{{ $x = slice $x }}{{ end }}{{ $x }}",
        &Value::Nil,
    );
    assert!(e.contains("nested deeper than 100"), "{e}");
    let ok = run(
        "{{ $x := slice }}{{ range 90 }}{{ $x = slice $x }}{{ end }}{{ len $x }}",
        &Value::Nil,
    );
    assert_eq!(ok, "1");
    let l = Value::from(vec![Value::from("ab"), Value::from(vec![Value::Int(1)])]);
    assert_eq!(l.weight_within(10, 100), Ok(1 + 1 + 2 + 1 + 2 + 1));
}

#[test]
fn rebuilding_a_large_value_in_a_loop_stops_at_a_bound() {
    use crate::template::tests::run;
    let e = run(
        "{{ $s := strings.Repeat 1000000 \"a\" }}{{ range 100000 }}{{ $t := printf \"%s\" $s }}{{ end }}",
        &Value::Nil,
    );
    assert!(e.contains("values built weigh more than"), "{e}");
}
