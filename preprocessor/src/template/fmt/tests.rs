use super::*;

fn f(format: &str, args: &[Value]) -> String {
    sprintf(format, args)
}

#[test]
fn verbs_widths_and_precision_as_go() {
    assert_eq!(
        f(
            "%5.2f|%-4d|%x|%X|%o|%b",
            &[
                1.23456.into(),
                7i64.into(),
                255i64.into(),
                255i64.into(),
                8i64.into(),
                5i64.into()
            ]
        ),
        " 1.23|7   |ff|FF|10|101"
    );
    assert_eq!(
        f(
            "%05d|%+d|% d|%.3d",
            &[42i64.into(), 3i64.into(), 3i64.into(), 7i64.into()]
        ),
        "00042|+3| 3|007"
    );
    assert_eq!(
        f(
            "%q|%v|%s|%t|%c|%U",
            &[
                "a\"b\n".into(),
                Value::from(vec![1i64.into(), "x".into()]),
                "s".into(),
                true.into(),
                65i64.into(),
                65i64.into()
            ]
        ),
        "\"a\\\"b\\n\"|[1 x]|s|true|A|U+0041"
    );
    assert_eq!(
        f(
            "%e|%E|%g|%g|%.3g|%G",
            &[
                1234.5.into(),
                1234.5.into(),
                0.00001.into(),
                1e21.into(),
                1.23456.into(),
                1e-7.into()
            ]
        ),
        "1.234500e+03|1.234500E+03|1e-05|1e+21|1.23|1E-07"
    );
    assert_eq!(
        f(
            "%8.3s|%-6s|%x|%T|%T|%%",
            &[
                "abcdef".into(),
                "ab".into(),
                "hi".into(),
                1.5.into(),
                Value::html("x")
            ]
        ),
        "     abc|ab    |6869|float64|template.HTML|%"
    );
}

#[test]
fn mismatches_are_marked_as_go_marks_them() {
    assert_eq!(f("%d", &["s".into()]), "%!d(string=s)");
    assert_eq!(f("%s", &[5i64.into()]), "%!s(int=5)");
    assert_eq!(f("%d %d", &[1i64.into()]), "1 %!d(MISSING)");
    assert_eq!(f("%d", &[1i64.into(), "x".into()]), "1%!(EXTRA string=x)");
    assert_eq!(f("%", &[]), "%!(NOVERB)");
    assert_eq!(f("%d", &[Value::Nil]), "%!d(<nil>)");
    assert!(f("%999999999d", &[1i64.into()]).starts_with("%!(BADWIDTH)"));
}

#[test]
fn float_v_is_shortest_with_gos_exponent_rule() {
    let v = |x: f64| {
        let mut s = String::new();
        float_v(x, &mut s);
        s
    };
    assert_eq!(v(100000.0), "100000");
    assert_eq!(v(1234567.0), "1.234567e+06");
    assert_eq!(v(0.0001), "0.0001");
    assert_eq!(v(0.00001), "1e-05");
    assert_eq!(v(-2.5), "-2.5");
    assert_eq!(v(0.0), "0");
}

#[test]
fn print_spaces_between_non_strings_only() {
    assert_eq!(
        sprint(&[
            1i64.into(),
            2i64.into(),
            "a".into(),
            "b".into(),
            3i64.into()
        ]),
        "1 2ab3"
    );
    assert_eq!(sprintln(&[1i64.into(), "a".into()]), "1 a\n");
}
