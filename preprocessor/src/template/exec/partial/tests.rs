use crate::template::{ErrorKind, Host, Template, Templates, Value};

struct Partials(Templates);
impl Host for Partials {
    fn partial(&self, name: &str) -> Option<&Template> {
        self.0.partial(name)
    }
}

fn host(partials: &[(&str, &str)]) -> Partials {
    let mut t = Templates::new();
    for (name, src) in partials {
        t.insert(name, src).unwrap_or_else(|e| panic!("{e}"));
    }
    Partials(t)
}

fn run(host: &Partials, src: &str) -> Result<String, crate::template::Error> {
    Template::parse("shortcodes/t.html", src)?.exec(&Value::Nil, host)
}

#[test]
fn cached_partials_run_once_per_name_and_variants_across_runs() {
    let h = host(&[("partials/stamp.html", "[{{ . }}]")]);
    let src = "{{ partialCached \"stamp.html\" \"one\" }} {{ partialCached \"stamp.html\" \"two\" }} {{ partialCached \"stamp.html\" \"three\" \"v\" }} {{ partialCached \"stamp.html\" \"four\" \"v\" }} {{ partial \"stamp.html\" \"five\" }}";
    assert_eq!(
        run(&h, src).as_deref(),
        Ok("[one] [one] [three] [three] [five]")
    );
    // The cache lives with the partial, so a later run (another shortcode call) sees it too.
    assert_eq!(
        run(&h, "{{ partialCached \"stamp.html\" \"six\" }}").as_deref(),
        Ok("[one]")
    );
    // Variants of different types are different keys.
    assert_eq!(
        run(&h, "{{ partialCached \"stamp.html\" \"seven\" 1 }}{{ partialCached \"stamp.html\" \"eight\" \"1\" }}").as_deref(),
        Ok("[seven][eight]")
    );
}

#[test]
fn a_partials_return_is_its_value_and_its_output_is_dropped() {
    let h = host(&[
        (
            "partials/count.html",
            "ignored {{ $n := 0 }}{{ range . }}{{ $n = add $n 1 }}{{ end }}{{ return $n }} text",
        ),
        (
            "partials/pair.html",
            "{{ if . }}{{ return dict \"a\" . \"b\" 2 }}{{ end }}",
        ),
        ("partials/twice.html", "{{ return 1 }}{{ return 2 }}"),
    ]);
    assert_eq!(
        run(
            &h,
            "{{ $n := partial \"count\" (slice 1 2 3) }}{{ add $n 1 }} {{ printf \"%T\" $n }}"
        )
        .as_deref(),
        Ok("4 int")
    );
    // Evaluated after the whole partial ran, as Hugo's rewrite does, whatever the `if`.
    assert_eq!(
        run(
            &h,
            "{{ (partial \"pair\" \"x\").a }} {{ (partial \"pair\" 0).b }}"
        )
        .as_deref(),
        Ok("x 2")
    );
    // Only the first return is one; the second is Hugo's `return` function, which takes none.
    let e = run(&h, "{{ partial \"twice\" . }}").expect_err("a second return");
    assert_eq!(
        (e.kind, e.template.as_str()),
        (ErrorKind::Exec, "partials/twice.html")
    );
    assert!(e.message.contains("want 0 got 1"), "{e}");
}

#[test]
fn return_outside_a_partial_is_a_function_of_no_arguments() {
    let h = host(&[]);
    assert_eq!(run(&h, "a{{ return }}b").as_deref(), Ok("ab"));
    let e = run(&h, "{{ return 1 }}").expect_err("not a partial");
    assert!(e.message.contains("wrong number of args for return"), "{e}");
}
