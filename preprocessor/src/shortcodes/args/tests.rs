use super::*;
use crate::shortcodes::testing::{named, pos, v};
use serde_json::json;

#[test]
fn get_reads_named_or_positional_as_hugo_does() {
    let n = named(
        "x",
        &[("id", v("a")), ("empty", v("")), ("n", Value::Int(0))],
    );
    let a = Args::new(&n);
    assert_eq!(a.text("id").as_deref(), Some("a"));
    assert_eq!(
        a.at(0),
        None,
        "`.Get 0` is nothing when the arguments are named"
    );
    assert_eq!(
        a.text("empty"),
        None,
        "an empty string is not set for `with`"
    );
    assert_eq!(a.text("n"), None, "nor is 0");
    assert!(a.is_named());

    let p = pos("x", &[v("a"), v("b")]);
    let a = Args::new(&p);
    assert_eq!(a.named("id"), None);
    assert_eq!(a.get("id", 0).map(|p| text(&p.value)).as_deref(), Some("a"));
    assert_eq!(a.text_at(1).as_deref(), Some("b"));
    assert_eq!(a.text_at(2), None);
    assert_eq!(a.positional(), 2);
}

#[test]
fn flags_take_newer_hugos_spellings_and_strings_match_only_strings() {
    let c = named(
        "x",
        &[
            ("a", Value::Bool(true)),
            ("b", v("false")),
            ("c", Value::Int(1)),
            ("d", v("yes")),
        ],
    );
    let a = Args::new(&c);
    assert_eq!(a.flag("a"), Some(true));
    assert_eq!(a.flag("b"), Some(false));
    assert_eq!(a.flag("c"), Some(true));
    assert_eq!(a.flag("d"), None);
    assert_eq!(a.flag("missing"), None);
    assert!(
        !a.is_string("a", "true"),
        "0.111's eq: a boolean is not \"true\""
    );
    assert!(a.is_string("b", "false"));
}

#[test]
fn values_print_as_go_prints_them() {
    assert_eq!(text(&Value::Float(1.5)), "1.5");
    assert_eq!(text(&Value::Int(-3)), "-3");
    assert_eq!(text(&Value::Bool(false)), "false");
    for (f, go) in [
        (1.0, "1"),
        (100000.0, "100000"),
        (1e6, "1e+06"),
        (1000000.5, "1.0000005e+06"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.2345678901234569e23, "1.2345678901234569e+23"),
        (-2.5e-7, "-2.5e-07"),
    ] {
        assert_eq!(go_float(f), go, "{f}");
    }
}

#[test]
fn params_print_as_go_prints_what_hugo_decoded() {
    assert_eq!(json_text(&json!("x")).as_deref(), Some("x"));
    assert_eq!(json_text(&json!(3)).as_deref(), Some("3"));
    assert_eq!(json_text(&json!(1e21)).as_deref(), Some("1e+21"));
    assert_eq!(
        json_text(&json!(["a", 1, true])).as_deref(),
        Some("[a 1 true]")
    );
    assert_eq!(
        json_text(&json!({"b": 2, "a": {"c": "d"}})).as_deref(),
        Some("map[a:map[c:d] b:2]")
    );
    for zero in [
        json!(null),
        json!(false),
        json!(0),
        json!(""),
        json!([]),
        json!({}),
    ] {
        assert_eq!(json_text(&zero), None, "{zero}");
    }
}
