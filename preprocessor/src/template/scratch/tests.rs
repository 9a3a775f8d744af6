use crate::template::tests::run;
use crate::template::{Object, Scratch, Value};
use std::sync::Arc;

#[test]
fn set_get_add_and_maps_are_hugos() {
    let src = concat!(
        "{{ $s := newScratch }}{{ $s.Set \"n\" 1 }}{{ $s.Add \"n\" 2 }}{{ $s.Get \"n\" }} ",
        "{{ $s.Set \"t\" \"a\" }}{{ $s.Add \"t\" \"b\" }}{{ $s.Get \"t\" }} ",
        "{{ $s.Set \"f\" 1 }}{{ $s.Add \"f\" 0.5 }}{{ $s.Get \"f\" }} ",
        "{{ $s.Set \"l\" (slice 1) }}{{ $s.Add \"l\" 2 }}{{ $s.Add \"l\" (slice 3 4) }}{{ $s.Get \"l\" }} ",
        "{{ $s.Add \"new\" 5 }}{{ $s.Get \"new\" }} {{ $s.Get \"missing\" }} ",
        "{{ $s.SetInMap \"m\" \"b\" 2 }}{{ $s.SetInMap \"m\" \"a\" 1 }}{{ $s.GetSortedMapValues \"m\" }} ",
        "{{ $s.DeleteInMap \"m\" \"a\" }}{{ $s.Get \"m\" }} {{ $s.Delete \"n\" }}{{ $s.Get \"n\" }} ",
        "{{ len $s.Values }}",
    );
    assert_eq!(
        run(src, &Value::Nil),
        "3 ab 1.5 [1 2 3 4] 5  [1 2] map[b:2]  5"
    );
}

#[test]
fn wrong_uses_are_errors_naming_the_method() {
    let e = run(
        "{{ $s := newScratch }}{{ $s.Set \"m\" 1 }}{{ $s.SetInMap \"m\" \"k\" 2 }}",
        &Value::Nil,
    );
    assert!(e.contains("SetInMap") && e.contains("not a map"), "{e}");
    let e = run("{{ $s := newScratch }}{{ $s.Set \"x\" }}", &Value::Nil);
    assert!(e.contains("want 2 got 1"), "{e}");
    let e = run(
        "{{ $s := newScratch }}{{ $s.Set \"t\" \"a\" }}{{ $s.Add \"t\" 1 }}",
        &Value::Nil,
    );
    assert!(e.starts_with("EXEC:"), "{e}");
}

#[test]
fn a_pad_never_holds_a_pad() {
    let e = run(
        "{{ $s := newScratch }}{{ $s.Set \"me\" (slice $s) }}",
        &Value::Nil,
    );
    assert!(e.contains("cannot hold a scratch pad"), "{e}");
    let e = run(
        "{{ $s := newScratch }}{{ $s.SetInMap \"m\" \"k\" $s }}",
        &Value::Nil,
    );
    assert!(e.contains("cannot hold a scratch pad"), "{e}");
}

#[test]
fn a_hosts_pad_keeps_its_values_across_runs() {
    let pad = Arc::new(Scratch::new());
    let dot = Value::Object(pad.clone());
    assert_eq!(run("{{ .Add \"seen\" 1 }}{{ .Get \"seen\" }}", &dot), "1");
    assert_eq!(run("{{ .Add \"seen\" 1 }}{{ .Get \"seen\" }}", &dot), "2");
    assert_eq!(pad.get_value("seen"), Value::Int(2));
    assert_eq!(pad.type_name(), "*maps.Scratch");
}
