//! Agreement with the installed hugo (0.111): every fixture body is a page of a throwaway site
//! whose shortcode templates print what Hugo parsed (name, typed parameters, named-ness,
//! ordinal, parent, inner content, de-indented inner content, the indentation Hugo adds to
//! output lines), and the parser's reading of the same body must say the same. Bodies Hugo
//! refuses to build must give the parser a problem, each in a site of its own.

use super::fixtures::{self, BUILT, IGNORES, REFUSED, TAKES};
use crate::shortcodes::call::{Call, Node, Params, Value};
use crate::shortcodes::syntax::parse;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

const FRONT_MATTER: &str = "---\ntitle: t\n---\n";

/// The record a shortcode prints, base64-encoded JSON so markdown cannot touch it, then a
/// second output line: Hugo indents it for a call without inner content.
const RECORD: &str = r#"{{- $ps := slice -}}
{{- if .IsNamedParams -}}{{- range $k, $v := .Params -}}{{- $ps = $ps | append (dict "k" $k "t" (printf "%T" $v) "v" $v) -}}{{- end -}}
{{- else -}}{{- range .Params -}}{{- $ps = $ps | append (dict "t" (printf "%T" .) "v" .) -}}{{- end -}}{{- end -}}
{{- $parent := "" -}}{{- with .Parent -}}{{- $parent = .Name -}}{{- end -}}
{{- $rec := dict "name" .Name "named" .IsNamedParams "ord" .Ordinal "parent" $parent "params" $ps INNER -}}
SC:{{ $rec | jsonify | base64Encode }}:CS
IND:
{{- /**/ -}}"#;

struct Site {
    dir: PathBuf,
}

impl Site {
    fn new(name: &str, pages: &[(&str, &str)]) -> Site {
        let dir =
            std::env::temp_dir().join(format!("mdbook-hugo-syntax-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let write = |path: &str, text: &str| {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let cache = serde_json::to_string(&dir.join("cache").display().to_string()).unwrap();
        write(
            "config.yaml",
            &format!(
                "baseURL: https://example.org/\ntitle: t\ncacheDir: {cache}\n\
             disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, 404, home, section]\n\
             markup:\n  goldmark:\n    renderer:\n      unsafe: true\n"
            ),
        );
        write("layouts/_default/single.html", "{{ .Content }}");
        for name in TAKES {
            let inner = r#""inner" .Inner "deindent" .InnerDeindent"#;
            write(
                &format!("layouts/shortcodes/{name}.html"),
                &RECORD.replace("INNER", inner),
            );
        }
        for name in IGNORES {
            write(
                &format!("layouts/shortcodes/{name}.html"),
                &RECORD.replace("INNER", ""),
            );
        }
        for (page, body) in pages {
            write(
                &format!("content/{page}.md"),
                &[FRONT_MATTER, body].concat(),
            );
        }
        Site { dir }
    }

    /// Runs hugo; its combined output when the build fails.
    fn build(&self) -> Result<(), String> {
        let out = Command::new("hugo")
            .args(["--quiet", "--destination", "public"])
            .current_dir(&self.dir)
            .output()
            .expect("this test needs `hugo` on PATH (.ci/run installs Debian's hugo)");
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned())
        }
    }

    fn page(&self, page: &str) -> String {
        let path: &Path = &self.dir.join(format!("public/{page}/index.html"));
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn hugo_reads_every_fixture_as_the_parser_does() {
    let site = Site::new("built", BUILT);
    if let Err(out) = site.build() {
        panic!("hugo refused the fixtures it should build:\n{out}");
    }
    let mut errors = Vec::new();
    for (page, body) in BUILT {
        let parsed = parse(body, 0, &fixtures::inner);
        if !parsed.problems.is_empty() {
            errors.push(format!(
                "{page}: hugo builds it, the parser says {:?}",
                parsed.problems
            ));
        }
        let html = site.page(page);
        let calls = rendered(&parsed.nodes);
        let records = records(&html);
        let mut check = Check {
            body,
            page,
            errors: &mut errors,
        };
        check.calls(&calls, &records, "", true);
    }
    for (page, body) in REFUSED {
        let parsed = parse(body, 0, &fixtures::inner);
        let site = Site::new(page, &[(page, body)]);
        match site.build() {
            Ok(()) => errors.push(format!("{page}: hugo builds it; the fixture is wrong")),
            Err(_) if !parsed.problems.is_empty() => {}
            Err(out) => errors.push(format!(
                "{page}: hugo refuses it, the parser has no problem:\n{}",
                out.trim()
            )),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

/// The calls Hugo renders with their templates (inline shortcodes render nothing: they are
/// disabled by default).
fn rendered(nodes: &[Node]) -> Vec<&Call> {
    nodes
        .iter()
        .filter_map(|n| match n {
            Node::Call(call) if !call.is_inline() => Some(call),
            _ => None,
        })
        .collect()
}

/// A record a template printed, and the whole text it printed.
struct Record {
    json: Json,
    indent: String,
    whole: Range,
}

type Range = std::ops::Range<usize>;

/// The records in `text`, in order (nested ones are inside their parent's, encoded).
fn records(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find("SC:").map(|i| from + i) {
        let Some(end) = text[start..].find(":CS").map(|i| start + i) else {
            break;
        };
        let ind = text[end..].find("IND:").map_or(end, |i| end + i);
        // html/template writes `+` as `&#43;`; in code, markdown escapes that `&` again.
        let json = text[start + 3..end]
            .replace("&amp;", "&")
            .replace("&#43;", "+");
        let json = decode(&json);
        let json: Json = serde_json::from_slice(&json).expect("a record is JSON");
        let indent = text[end + 3..ind].trim_start_matches('\n').to_owned();
        out.push(Record {
            json,
            indent,
            whole: start..ind + 4,
        });
        from = ind + 4;
    }
    out
}

struct Check<'a> {
    body: &'a str,
    page: &'a str,
    errors: &'a mut Vec<String>,
}

impl Check<'_> {
    /// Our `calls` against Hugo's `records`, children of `parent`. `raw`: the records were
    /// printed where no markdown rendering touched their whitespace.
    fn calls(&mut self, calls: &[&Call], records: &[Record], parent: &str, raw: bool) {
        if calls.len() != records.len() {
            let names: Vec<_> = records.iter().map(|r| r.json["name"].clone()).collect();
            self.fail(format!(
                "in `{parent}`: hugo renders {} calls {names:?}, the parser reads {} {:?}",
                records.len(),
                calls.len(),
                calls.iter().map(|c| &c.name).collect::<Vec<_>>()
            ));
            return;
        }
        for (call, record) in calls.iter().zip(records) {
            self.call(call, record, parent, raw);
        }
    }

    fn call(&mut self, call: &Call, record: &Record, parent: &str, raw: bool) {
        let json = &record.json;
        let at = format!("`{}` at {}", call.name, call.range.start);
        self.same(&at, "name", &json["name"], &Json::from(call.name.as_str()));
        let named = matches!(call.params, Params::Named(_));
        self.same(&at, "named", &json["named"], &Json::from(named));
        self.same(&at, "ordinal", &json["ord"], &Json::from(call.ordinal));
        self.same(&at, "parent", &json["parent"], &Json::from(parent));
        self.same(&at, "params", &json["params"], &params(&call.params));
        let children = rendered(&call.children);
        let Some(inner) = &call.inner else {
            if raw && !call.markdown {
                let indent = &self.body[call.indent.clone()];
                self.same(
                    &at,
                    "indent",
                    &Json::from(record.indent.as_str()),
                    &indent.into(),
                );
            }
            if json.get("inner").is_some() {
                self.fail(format!("{at}: hugo gives inner content, the parser none"));
            }
            return;
        };
        let Some(hugo_inner) = json["inner"].as_str() else {
            self.fail(format!("{at}: the parser gives inner content, hugo none"));
            return;
        };
        let nested = records(hugo_inner);
        // A nested `{{% %}}` call's inner content is rendered as markdown before its template
        // sees it; anything else is the source text, nested calls replaced by their output.
        let markdown_rendered = call.markdown && !parent.is_empty();
        if !markdown_rendered {
            let ours = self.inner_text(inner, &call.children);
            let theirs = with_placeholders(hugo_inner, &nested);
            self.same(&at, "inner", &Json::from(theirs), &Json::from(ours.clone()));
            if children.is_empty() {
                let deindented = deindent(&ours, &self.body[call.indent.clone()]);
                self.same(&at, "deindent", &json["deindent"], &Json::from(deindented));
            }
            if raw && !call.markdown && ours.is_empty() && children.is_empty() {
                let indent = &self.body[call.indent.clone()];
                self.same(
                    &at,
                    "indent",
                    &Json::from(record.indent.as_str()),
                    &indent.into(),
                );
            }
        }
        self.calls(&children, &nested, &call.name, raw && !markdown_rendered);
    }

    /// The inner content as Hugo hands it to the template: children replaced.
    fn inner_text(&self, inner: &Range, children: &[Node]) -> String {
        let mut out = String::new();
        let mut at = inner.start;
        for child in children {
            let (range, text) = match child {
                Node::Call(call) if call.is_inline() => (&call.range, ""),
                Node::Call(call) => (&call.range, PLACEHOLDER),
                Node::Literal { range, text } => (range, text.as_str()),
            };
            out.push_str(&self.body[at..range.start]);
            out.push_str(text);
            at = range.end;
        }
        out.push_str(&self.body[at..inner.end]);
        out
    }

    fn same(&mut self, at: &str, what: &str, hugo: &Json, ours: &Json) {
        if hugo != ours {
            self.fail(format!("{at}: {what}: hugo {hugo}, parser {ours}"));
        }
    }

    fn fail(&mut self, message: String) {
        self.errors.push(format!("{}: {message}", self.page));
    }
}

const PLACEHOLDER: &str = "\u{0}CALL\u{0}";

fn with_placeholders(text: &str, records: &[Record]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in records {
        out.push_str(&text[at..r.whole.start]);
        out.push_str(PLACEHOLDER);
        at = r.whole.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Our parameters as the template prints them: positional in order, named by sorted name.
fn params(params: &Params) -> Json {
    let typed = |v: &Value| match v {
        Value::String(s) => ("string", Json::from(s.as_str())),
        Value::Int(i) => ("int", Json::from(*i)),
        Value::Float(f) => ("float64", Json::from(*f)),
        Value::Bool(b) => ("bool", Json::from(*b)),
    };
    let list: Vec<Json> = match params {
        Params::Positional(list) => list
            .iter()
            .map(|p| {
                let (t, v) = typed(&p.value);
                serde_json::json!({ "t": t, "v": v })
            })
            .collect(),
        Params::Named(list) => {
            let mut list: Vec<_> = list.iter().collect();
            list.sort_by(|a, b| a.0.cmp(&b.0));
            list.iter()
                .map(|(k, p)| {
                    let (t, v) = typed(&p.value);
                    serde_json::json!({ "k": k, "t": t, "v": v })
                })
                .collect()
        }
    };
    Json::from(list)
}

/// Hugo's `.InnerDeindent`: `indent` removed from the start of every line that has it.
fn deindent(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_owned();
    }
    text.split_inclusive('\n')
        .map(|line| line.strip_prefix(indent).unwrap_or(line))
        .collect()
}

/// Standard base64 with padding, as Hugo's `base64Encode` writes it.
fn decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in text.trim_end_matches('=').as_bytes().chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
