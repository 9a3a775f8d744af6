//! Test helpers: calls built by hand (the syntax parser is written elsewhere), written back as
//! the shortcode source Hugo reads, and a page to render them on.

use super::builtin;
use super::call::{Call, Param, Params, Value};
use super::markup::render_markdown;
use super::output::{Output, Problem, Target};
use super::page::{Page, Privacy, Site};
use serde_json::{Map, json};

/// A value written as Hugo would type it: `"x"` a string, `true`/`1`/`1.5` typed.
pub fn v(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A call of `name` with positional arguments.
pub fn pos(name: &str, values: &[Value]) -> Call {
    call(
        name,
        Params::Positional(values.iter().cloned().map(param).collect()),
    )
}

/// A call of `name` with named arguments.
pub fn named(name: &str, values: &[(&str, Value)]) -> Call {
    call(
        name,
        Params::Named(
            values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), param(v.clone())))
                .collect(),
        ),
    )
}

fn param(value: Value) -> Param {
    Param { value, range: 0..0 }
}

fn call(name: &str, params: Params) -> Call {
    Call {
        name: name.to_owned(),
        markdown: false,
        params,
        range: 0..0,
        inner: None,
        children: Vec::new(),
        ordinal: 0,
        indent: 0..0,
    }
}

/// The call as Hugo reads it in a page, with `inner` and a closing tag when given.
pub fn source(call: &Call, inner: Option<&str>) -> String {
    let mut out = format!("{{{{< {}", call.name);
    let write = |out: &mut String, v: &Value| match v {
        Value::String(s) if s.contains('"') => out.push_str(&format!("`{s}`")),
        Value::String(s) => out.push_str(&format!("\"{s}\"")),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&f.to_string()),
        Value::Bool(b) => out.push_str(&b.to_string()),
    };
    match &call.params {
        Params::Positional(list) => {
            for p in list {
                out.push(' ');
                write(&mut out, &p.value);
            }
        }
        Params::Named(list) => {
            for (k, p) in list {
                out.push(' ');
                out.push_str(k);
                out.push('=');
                write(&mut out, &p.value);
            }
        }
    }
    out.push_str(" >}}");
    if let Some(inner) = inner {
        out.push_str(inner);
        out.push_str(&format!("{{{{< /{} >}}}}", call.name));
    }
    out
}

/// The page params the tests use.
pub fn page_params() -> Map<String, serde_json::Value> {
    let v = json!({
        "title": "A & <B>",
        "pp": "x *y* <z>",
        "num": 3,
        "fl": 1.5,
        "list": ["a", "b"],
        "nested": {"deep": "page deep"},
        "flag": true,
        "off": false
    });
    v.as_object().cloned().unwrap_or_default()
}

/// The site params the tests use.
pub fn site_params() -> Map<String, serde_json::Value> {
    let v =
        json!({"site_only": "from site", "nested": {"deep": "site deep", "other": "site other"}});
    v.as_object().cloned().unwrap_or_default()
}

/// Renders `call` on a page with the test params, `source` as the chapter's text.
pub fn render_with(
    call: &Call,
    inner: Option<&str>,
    target: Target,
    privacy: Privacy,
    stack: bool,
) -> Option<Result<Output, Problem>> {
    let params = page_params();
    let site_params = site_params();
    let site = Site {
        params: &site_params,
        privacy,
        stack,
        markdown: &render_markdown,
    };
    let page = Page {
        site: &site,
        params: &params,
        source: "",
        resolve: None,
    };
    builtin::render(call, inner, &page, target)
}

/// The HTML of a built-in that must render.
pub fn html(call: &Call, inner: Option<&str>) -> String {
    ok(render_with(
        call,
        inner,
        Target::Html,
        Privacy::default(),
        false,
    ))
    .text
}

/// The markdown of a built-in that must render.
pub fn md(call: &Call, inner: Option<&str>) -> String {
    ok(render_with(
        call,
        inner,
        Target::Markdown,
        Privacy::default(),
        false,
    ))
    .text
}

/// The HTML of a Stack shortcode that must render.
pub fn stack_html(call: &Call, inner: Option<&str>) -> String {
    ok(render_with(
        call,
        inner,
        Target::Html,
        Privacy::default(),
        true,
    ))
    .text
}

/// The markdown of a Stack shortcode that must render.
pub fn stack_md(call: &Call, inner: Option<&str>) -> String {
    ok(render_with(
        call,
        inner,
        Target::Markdown,
        Privacy::default(),
        true,
    ))
    .text
}

/// The problem a call must give.
pub fn problem(call: &Call, inner: Option<&str>, stack: bool) -> Problem {
    match render_with(call, inner, Target::Html, Privacy::default(), stack) {
        Some(Err(p)) => p,
        other => panic!("expected a problem, got {other:?}"),
    }
}

fn ok(r: Option<Result<Output, Problem>>) -> Output {
    match r {
        Some(Ok(out)) => out,
        other => panic!("expected output, got {other:?}"),
    }
}

/// `markdown` rendered as mdBook renders a chapter, for checking what a reader gets.
pub fn rendered(markdown: &str) -> String {
    render_markdown(markdown)
}
