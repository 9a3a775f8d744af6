//! Any text as a Go template (a shortcode's `layouts/shortcodes/x.html`), parsed, escaped and run
//! against data the first bytes choose: never a panic, never a hang, never more output than the
//! limit, and every error's line and column inside the template it names.
//!
//! Input: byte 0 picks the dot (nil, an int, a string, a list, a `.Params`-like map with nested
//! maps and lists, or a shortcode object with `.Get`, `.Inner`, `.Page`, `.Site`, `.Scratch`);
//! byte 1 picks the limits (tight, or the defaults) and whether the host renders markdown; the
//! rest is the template. The host's partials are a few fixed ones and the template itself
//! (`partial "self" .`), so recursion through partials and `{{template}}` is reached too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_hugo::template::{
    Error, Host, Limits, Map, Object, Scratch, Template, Templates, Value,
};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, Weak};

const NAME: &str = "shortcodes/fuzz.html";

/// Partials the template can call by name, beside itself.
const PARTIALS: &[(&str, &str)] = &[
    (
        "partials/box.html",
        "<section class=\"box\"><h4>{{ .title }}</h4>{{ .body }}</section>",
    ),
    (
        "partials/count.html",
        "{{ $n := 0 }}{{ range . }}{{ $n = add $n 1 }}{{ end }}{{ return $n }}",
    ),
    ("partials/echo.html", "{{ . }}"),
];

fn text(s: &str) -> Value {
    Value::from(s)
}

/// Nested params as a site's front matter gives them.
fn params(depth: u8) -> Value {
    let mut entries = vec![
        ("title".to_owned(), text("A <title> & \"quotes\"")),
        ("Type".to_owned(), text("warning")),
        ("count".to_owned(), Value::Int(3)),
        ("ratio".to_owned(), Value::Float(0.5)),
        ("draft".to_owned(), Value::Bool(false)),
        ("url".to_owned(), text("javascript:alert(1)")),
        (
            "tags".to_owned(),
            Value::from(vec![text("k8s"), text("go"), Value::Int(7)]),
        ),
    ];
    if depth > 0 {
        entries.push(("nested".to_owned(), params(depth - 1)));
    }
    Value::from(Map::params(entries))
}

struct Shortcode {
    positional: Vec<Value>,
    named: Option<Map>,
    inner: Value,
    page: Value,
    /// The pad `.Scratch` gives; weak, so a pad holding the shortcode is no cycle.
    scratch: Weak<Scratch>,
}

impl Object for Shortcode {
    fn type_name(&self) -> &str {
        "*hugolib.ShortcodeWithPage"
    }
    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String> {
        Ok(Some(match (name, args) {
            ("Get", [Value::Int(i)]) => usize::try_from(*i)
                .ok()
                .and_then(|i| self.positional.get(i).cloned())
                .unwrap_or_default(),
            ("Get", [Value::String(k)]) => self
                .named
                .as_ref()
                .and_then(|m| m.get(k).cloned())
                .unwrap_or_default(),
            ("Get", _) => return Err(format!("wrong arguments for Get: {args:?}")),
            ("Inner", []) => self.inner.clone(),
            ("IsNamedParams", []) => Value::Bool(self.named.is_some()),
            ("Page" | "Site", []) => self.page.clone(),
            ("Params", []) => params(2),
            ("Scratch", []) => self
                .scratch
                .upgrade()
                .map_or(Value::Nil, |s| Value::Object(s)),
            ("Title", []) => text("Post <T> & Co"),
            _ => return Ok(None),
        }))
    }
}

fn dot(choice: u8, scratch: &Arc<Scratch>) -> Value {
    match choice % 6 {
        0 => Value::Nil,
        1 => Value::Int(i64::from(choice) - 128),
        2 => text("hello <b>world</b> & \"you\""),
        3 => Value::from(vec![Value::Int(1), text("two"), params(1), Value::Nil]),
        4 => params(choice / 6 % 4),
        _ => {
            let named = (choice & 0x40 != 0).then(|| {
                Map::new(BTreeMap::from([
                    ("type".to_owned(), text("tip")),
                    ("title".to_owned(), text("\"><script>alert('x')</script>")),
                    ("src".to_owned(), text("/img/a b.png")),
                ]))
            });
            Value::Object(Arc::new(Shortcode {
                positional: vec![text("warning"), text("Watch <out>"), Value::Int(2)],
                named,
                inner: Value::html("Some **bold** text & <em>more</em>"),
                scratch: Arc::downgrade(scratch),
                page: Value::Object(Arc::new(Shortcode {
                    positional: Vec::new(),
                    named: None,
                    inner: Value::Nil,
                    page: Value::Nil,
                    scratch: Weak::new(),
                })),
            }))
        }
    }
}

struct Fuzz {
    partials: Templates,
    markdown: bool,
    reports: Mutex<Vec<Error>>,
}

impl Host for Fuzz {
    fn markdownify(&self, markdown: &str) -> Result<String, String> {
        if self.markdown {
            Ok(markdown.replace('*', ""))
        } else {
            Err("no markdown here".into())
        }
    }
    fn partial(&self, name: &str) -> Option<&Template> {
        self.partials.partial(name)
    }
    fn template(&self, name: &str) -> Option<&Template> {
        self.partials.get(name)
    }
    fn report(&self, report: Error) {
        if let Ok(mut r) = self.reports.lock() {
            r.push(report);
        }
    }
}

/// The error's line and column are a place in the source of the template it names.
fn check_position(e: &Error, sources: &[(&str, &str)]) {
    let Some((_, src)) = sources.iter().find(|(n, _)| *n == e.template) else {
        panic!("an error names a template that does not exist: {e:?}");
    };
    let lines: Vec<&str> = src.split('\n').collect();
    assert!(e.line >= 1 && e.line <= lines.len(), "line outside: {e:?}");
    let line = lines.get(e.line - 1).copied().unwrap_or("");
    assert!(
        e.column >= 1 && e.column <= line.chars().count() + 1,
        "column outside: {e:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let [choice, flags, rest @ ..] = data else {
        return;
    };
    let source = String::from_utf8_lossy(rest);
    let source = source.as_ref();
    let mut sources: Vec<(&str, &str)> = PARTIALS.to_vec();
    sources.push((NAME, source));
    sources.push(("partials/self.html", source));
    let parsed = Template::parse(NAME, source);
    let template = match parsed {
        Ok(t) => t,
        Err(e) => return check_position(&e, &sources),
    };
    let mut partials = Templates::new();
    for (name, src) in PARTIALS {
        partials
            .insert(name, src)
            .expect("the fixed partials parse");
    }
    let self_partial = partials.insert("partials/self.html", source);
    assert!(self_partial.is_ok(), "parsed once, it parses again");
    let limits = if flags & 1 == 0 {
        Limits {
            max_depth: 32,
            max_calls: 64,
            max_iterations: 2_000,
            max_output: 64 << 10,
        }
    } else {
        Limits::default()
    };
    let host = Fuzz {
        partials,
        markdown: flags & 2 != 0,
        reports: Mutex::new(Vec::new()),
    };
    let scratch = Arc::new(Scratch::new());
    match template.exec_with(&dot(*choice, &scratch), &host, &limits) {
        Ok(out) => assert!(
            out.len() <= limits.max_output,
            "{} bytes of output, over the limit of {}",
            out.len(),
            limits.max_output
        ),
        Err(e) => check_position(&e, &sources),
    }
    for r in host.reports.lock().map(|r| r.clone()).unwrap_or_default() {
        check_position(&r, &sources);
    }
});
