use super::*;

mod bench;
mod hugo;

/// A host with no markdown renderer and no partials.
pub struct Bare;
impl Host for Bare {}

/// The output of `src` run with `dot`, or the error's text.
pub fn run(src: &str, dot: &Value) -> String {
    match Template::parse("t.html", src) {
        Ok(t) => t.exec(dot, &Bare).unwrap_or_else(|e| format!("EXEC: {e}")),
        Err(e) => format!("PARSE: {e}"),
    }
}

fn limit_error(src: &str) -> Error {
    let t = Template::parse("t.html", src).unwrap_or_else(|e| panic!("{e}"));
    let e = t.exec(&Value::Int(0), &Bare).expect_err("a bound stops it");
    assert_eq!(e.kind, ErrorKind::Limit, "{e}");
    e
}

#[test]
fn runaway_templates_stop_at_a_bound() {
    let e = limit_error("{{ range seq 2000 }}{{ range seq 2000 }}x{{ end }}{{ end }}");
    assert!(e.message.contains("range iterations"), "{e}");
    let e = limit_error(
        "{{ define \"r\" }}{{ if lt . 40 }}{{ template \"r\" (add . 1) }}{{ template \"r\" (add . 1) }}{{ end }}{{ end }}{{ template \"r\" 0 }}",
    );
    assert!(e.message.contains("template and partial calls"), "{e}");
    let e = limit_error(
        "{{ $s := \"ab\" }}{{ range seq 100 }}{{ $s = printf \"%s%s\" $s $s }}{{ end }}",
    );
    assert!(e.message.contains("over the limit"), "{e}");
    limit_error("{{ strings.Repeat 100000000 \"ab\" }}");
    let e = limit_error("{{ range seq 2000 }}{{ printf \"%9999d\" 1 }}{{ end }}");
    assert!(e.message.contains("output longer than"), "{e}");
    assert_eq!((e.template.as_str(), e.line), ("t.html", 1));
}

#[test]
fn endless_recursion_stops_without_overflowing_a_small_stack() {
    let run = || {
        let e = limit_error(
            "{{ define \"r\" }}{{ if true }}{{ with $ }}{{ template \"r\" (add $ 1) }}{{ end }}{{ end }}{{ end }}{{ template \"r\" 1 }}",
        );
        assert!(e.message.contains("deeper than"), "{e}");
        let nested = format!("{}x{}", "{{ if 1 }}".repeat(99), "{{ end }}".repeat(99));
        let t = Template::parse("t", &nested).expect("99 levels parse");
        t.exec(&Value::Nil, &Bare).expect("99 levels run");
    };
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(run)
        .expect("a thread")
        .join()
        .expect("no overflow, no panic");
}

struct SelfCalling(Templates);
impl Host for SelfCalling {
    fn partial(&self, name: &str) -> Option<&Template> {
        self.0.partial(name)
    }
}

#[test]
fn partials_recursing_stop_too() {
    let mut partials = Templates::new();
    partials
        .insert("partials/loop.html", "{{ partial \"loop\" . }}")
        .expect("parses");
    let host = SelfCalling(partials);
    let t = Template::parse("t", "{{ partial \"loop.html\" . }}").expect("parses");
    let e = t.exec(&Value::Nil, &host).expect_err("stops");
    assert_eq!(e.kind, ErrorKind::Limit);
}

#[test]
fn errorf_and_warnf_become_reports() {
    struct Collect(std::sync::Mutex<Vec<Error>>);
    impl Host for Collect {
        fn report(&self, r: Error) {
            self.0.lock().expect("lock").push(r);
        }
    }
    let host = Collect(Default::default());
    let t = Template::parse(
        "sc.html",
        "a\n{{ warnf \"careful %s\" \"x\" }}{{ errorf \"bad %d\" 1 }}b",
    )
    .expect("parses");
    assert_eq!(t.exec(&Value::Nil, &host).expect("runs on"), "a\nb");
    let got: Vec<(ErrorKind, String, usize)> = host
        .0
        .lock()
        .expect("lock")
        .iter()
        .map(|e| (e.kind, e.message.clone(), e.line))
        .collect();
    assert_eq!(
        got,
        [
            (ErrorKind::Warnf, "careful x".to_owned(), 2),
            (ErrorKind::Errorf, "bad 1".to_owned(), 2)
        ]
    );
}

#[test]
fn templates_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Template>();
    assert_send_sync::<Templates>();
    let t = Template::parse("t", "{{ . | upper }}").expect("parses");
    std::thread::scope(|s| {
        for i in 0..4 {
            let t = &t;
            s.spawn(move || {
                assert_eq!(
                    t.exec(&Value::from(format!("x{i}")), &Bare).expect("runs"),
                    format!("X{i}")
                )
            });
        }
    });
}

/// xorshift: the same "random" inputs every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn arbitrary_templates_and_data_never_panic() {
    const PIECES: &[&str] = &[
        "{{",
        "}}",
        "{{-",
        "-}}",
        " ",
        "\n",
        ".",
        ".A",
        ".B.C",
        "$",
        "$x",
        ":=",
        "=",
        "|",
        "(",
        ")",
        "\"s\"",
        "`r`",
        "'c'",
        "1",
        "-2",
        "1.5",
        "0x1F",
        "nil",
        "true",
        "if",
        "else",
        "end",
        "range",
        "with",
        "define",
        "template",
        "block",
        "break",
        "continue",
        "\"t\"",
        "len",
        "index",
        "printf",
        "\"%d%s%v\"",
        "slice",
        "dict",
        "default",
        "eq",
        "lt",
        "and",
        "or",
        "not",
        "add",
        "div",
        "mod",
        "seq",
        "first",
        "after",
        "delimit",
        "split",
        "replaceRE",
        "\"(\"",
        "\"a+\"",
        "safeHTML",
        "safeURL",
        "markdownify",
        "partial",
        "strings.Repeat",
        "title",
        "urlize",
        "jsonify",
        "<a href=\"",
        "\">",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "'",
        "<p title=",
        ">",
        "/",
        "*",
        "é",
        "{{/*",
        "*/}}",
        "$i, $v :=",
        ",",
        "\\",
        "<",
        "&amp;",
        "onclick=\"",
    ];
    let dot = Value::from(Map::new(
        [
            (
                "A".to_owned(),
                Value::from(vec![
                    Value::Int(1),
                    Value::from("x"),
                    Value::Nil,
                    Value::Float(f64::NAN),
                ]),
            ),
            (
                "B".to_owned(),
                Value::from(Map::params([("C".to_owned(), Value::from("<c>"))])),
            ),
        ]
        .into_iter()
        .collect(),
    ));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let limits = Limits {
        max_output: 1 << 16,
        max_iterations: 10_000,
        ..Limits::default()
    };
    let mut parsed = 0;
    for _ in 0..4000 {
        let n = 1 + rng.next() % 40;
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(rng.pick(PIECES));
            if rng.next().is_multiple_of(3) {
                src.push(' ');
            }
        }
        if let Ok(t) = Template::parse("fuzz.html", &src) {
            parsed += 1;
            let _ = t.exec_with(&dot, &Bare, &limits);
        }
    }
    // Random bytes too.
    for _ in 0..500 {
        let bytes: Vec<u8> = (0..(rng.next() % 64))
            .map(|_| (rng.next() % 128) as u8)
            .collect();
        let src = String::from_utf8_lossy(&bytes);
        if let Ok(t) = Template::parse("bytes.html", &src) {
            let _ = t.exec_with(&dot, &Bare, &limits);
        }
    }
    assert!(
        parsed > 100,
        "the generator should make some valid templates: {parsed}"
    );
}

#[test]
fn a_template_that_reads_inner_anywhere_takes_inner_content() {
    for (source, takes) in [
        ("<div>{{ .Inner }}</div>", true),
        ("{{ .InnerDeindent | markdownify }}", true),
        ("{{ with .Get 0 }}{{ $.Inner }}{{ end }}", true),
        ("{{ $s := . }}{{ if true }}{{ $s.Inner }}{{ end }}", true),
        (
            "{{ (.Page).Title }}{{ define \"x\" }}{{ .Inner }}{{ end }}{{ template \"x\" . }}",
            true,
        ),
        ("{{ printf \"%s\" (.Inner | safeHTML) }}", true),
        ("{{ .Get 0 }} .Inner in text {{/* .Inner */}}", false),
        ("{{ .Page.Title }}{{ .Params.inner }}", false),
    ] {
        let t = Template::parse("t", source).unwrap();
        assert_eq!(t.uses_inner(), takes, "{source}");
    }
}
