//! Every Kubernetes manifest in the book is valid for Kubernetes 1.37, the series' cluster.
//!
//! A manifest is a fenced code block tagged `yaml` (or `yml`) in any `book/**/*.md`, found with
//! pulldown-cmark as mdBook parses it (after the front matter). Each of its documents (separated
//! by `---` lines) must have `apiVersion` and `kind` at the top level. A block that deliberately
//! isn't a whole manifest (a few fields of a Pod spec, say) is declared a fragment with the HTML
//! comment [`FRAGMENT`] on the line before it (Hugo and mdBook render nothing for it); an unmarked
//! block without `apiVersion` and `kind` fails, and so does a marked block that has them, so no
//! real manifest is skipped silently. The test also fails when it finds no manifest at all.
//!
//! Each manifest is written to a file under `target/test-books/` and all of them are handed to
//! `kubernetes-validate --strict -k 1.37.0` (the API's JSON schemas, unknown fields rejected),
//! which must print one passing line per document. kubernetes-validate knows only the built-in
//! kinds: for any other it warns that it has no schema. Such a document is validated against
//! `tests/schemas/<group>/<kind>_<version>.json` by `tests/schemas/validate.py` (jsonschema, which
//! kubernetes-validate installs). The schemas there are of two sorts: config files that a program
//! reads and the API never sees, written from their Go types (kind's `Cluster`,
//! `kind.x-k8s.io/v1alpha4`, and kube-apiserver's `EncryptionConfiguration`,
//! `apiserver.config.k8s.io/v1`), and the custom resources the posts use, generated from the CRDs
//! of the release each post installs by `tests/schemas/crd_to_schema.py` (CEL rules are not
//! checked): the Gateway API v1.5.0 standard channel (what cloud-provider-kind v0.11.1 installs),
//! external-snapshotter v8.6.0's VolumeSnapshot and the Vertical Pod Autoscaler 1.7.1;
//! `tests/schemas/README.md` says where each comes from and how to add one. A kind with no schema
//! in either place fails the test: no kind is skipped. A post that adds a custom resource the
//! series doesn't use yet (Karpenter's NodePool, ...) adds its schema too.
//!
//! Needs kubernetes-validate: `pip install kubernetes-validate==1.37.0` (`.ci/run` installs it).
//! Run it with `cargo test --test book manifests -- --include-ignored`.

use crate::support;
use mdbook_hugo::front_matter::{self, Found};
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The HTML comment that declares the next `yaml` block a fragment, not a whole manifest.
const FRAGMENT: &str = "<!-- fragment -->";

/// The Kubernetes release the series' cluster runs.
const KUBERNETES: &str = "1.37.0";

/// The pinned validator, as `.ci/run` installs it.
const INSTALL: &str = "pip install kubernetes-validate==1.37.0";

/// A `yaml` code block of a markdown file.
#[derive(Debug, PartialEq)]
struct Block {
    /// 1-based line of the opening fence in the file.
    line: usize,
    text: String,
    /// Preceded by [`FRAGMENT`].
    fragment: bool,
}

/// The `yaml` code blocks of a markdown file, front matter skipped.
fn yaml_blocks(source: &str) -> Vec<Block> {
    let body_start = match front_matter::find(source) {
        Found::Block(block) => block.body_start,
        Found::None | Found::Unclosed { .. } => 0,
    };
    let body = source.get(body_start..).unwrap_or_default();
    let mut blocks = Vec::new();
    // The HTML block just before the current position, if the last block was one.
    let mut html_before: Option<String> = None;
    let mut html_now: Option<String> = None;
    let mut open: Option<Block> = None;
    for (event, range) in new_cmark_parser(body, &MarkdownOptions::default()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => html_now = Some(String::new()),
            Event::Html(text) => {
                if let Some(html) = html_now.as_mut() {
                    html.push_str(&text);
                }
            }
            Event::End(TagEnd::HtmlBlock) => html_before = html_now.take(),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = info.split_whitespace().next().unwrap_or_default();
                if lang == "yaml" || lang == "yml" {
                    let offset = body_start + range.start;
                    open = Some(Block {
                        line: source[..offset].matches('\n').count() + 1,
                        text: String::new(),
                        fragment: html_before.as_deref().map(str::trim) == Some(FRAGMENT),
                    });
                }
                html_before = None;
            }
            Event::Text(text) => {
                if let Some(block) = open.as_mut() {
                    block.text.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            Event::Start(_) => html_before = None,
            _ => {}
        }
    }
    blocks
}

/// The documents of a YAML block: its text split at `---` lines, empty ones left out.
fn documents(text: &str) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            docs.push(&text[start..at]);
            start = at + line.len();
        }
        at += line.len();
    }
    docs.push(&text[start..]);
    docs.retain(|doc| {
        doc.lines()
            .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    });
    docs
}

/// Whether a YAML document has `apiVersion` and `kind` keys at the top level.
fn is_whole(doc: &str) -> bool {
    let top = |key: &str| doc.lines().any(|l| l.starts_with(key));
    top("apiVersion:") && top("kind:")
}

/// Every `.md` file under `dir`, sorted.
fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// A manifest written out for the validator: where it came from.
struct Written {
    path: String,
    origin: String,
    documents: usize,
}

/// Runs `program args`; its stdout, or a panic saying how to install it.
fn run(program: &str, args: &[String]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}): {INSTALL} (.ci/run does)"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.trim().is_empty() || out.status.success(),
        "{program} failed: {stderr}"
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The schema under `tests/schemas/` for a kind kubernetes-validate doesn't know, if any.
fn vendored_schema(schemas: &Path, api_version: &str, kind: &str) -> Option<PathBuf> {
    let (group, version) = api_version.split_once('/')?;
    let path = schemas
        .join(group)
        .join(format!("{}_{version}.json", kind.to_lowercase()));
    path.is_file().then_some(path)
}

#[test]
#[ignore = "needs kubernetes-validate (pip install kubernetes-validate; .ci/run installs it)"]
fn every_manifest_in_the_book_is_valid_for_kubernetes_1_37() {
    let root = support::root();
    let mut files = Vec::new();
    markdown_files(&root.join("book"), &mut files);
    let dir = support::scratch("manifests");
    let mut problems = Vec::new();
    let mut written = Vec::new();
    let mut fragments = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        for block in yaml_blocks(&source) {
            let origin = format!("{name}:{}", block.line);
            let docs = documents(&block.text);
            let whole = !docs.is_empty() && docs.iter().all(|d| is_whole(d));
            if block.fragment {
                if docs.iter().any(|d| is_whole(d)) {
                    problems.push(format!(
                        "{origin}: marked `{FRAGMENT}` but has apiVersion and kind: remove the \
                         marker so it is validated"
                    ));
                }
                fragments += 1;
                continue;
            }
            if !whole {
                problems.push(format!(
                    "{origin}: a yaml block whose documents don't all have apiVersion and kind at \
                     the top level: complete it, or put `{FRAGMENT}` on the line before it if it \
                     is deliberately a fragment"
                ));
                continue;
            }
            let path = dir.join(format!(
                "{}-L{}.yaml",
                name.replace(['/', '.'], "_"),
                block.line
            ));
            std::fs::write(&path, &block.text).unwrap();
            written.push(Written {
                path: path.display().to_string(),
                origin,
                documents: docs.len(),
            });
        }
    }
    assert!(
        !written.is_empty(),
        "no manifest found in {} markdown files under book/ ({fragments} fragments)",
        files.len()
    );

    let mut args = vec![
        "--strict".to_owned(),
        "-k".to_owned(),
        KUBERNETES.to_owned(),
    ];
    args.extend(written.iter().map(|w| w.path.clone()));
    let (success, stdout) = run("kubernetes-validate", &args);

    // Lines per written file; documents whose kind kubernetes-validate has no schema for.
    let mut results: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unknown: Vec<(&Written, String, String)> = Vec::new();
    let schemas = root.join("tests/schemas");
    for line in stdout.lines() {
        let Some((level, rest)) = line.split_once(' ') else {
            continue;
        };
        let Some(w) = written.iter().find(|w| rest.starts_with(w.path.as_str())) else {
            problems.push(format!("kubernetes-validate: {line}"));
            continue;
        };
        let message = rest[w.path.len()..].trim();
        *results.entry(w.path.as_str()).or_default() += 1;
        match level {
            "INFO" => {}
            "WARN" => {
                // "Couldn't find schema for kind K with api version A for kubernetes version V"
                let kind_api = message
                    .strip_prefix("Couldn't find schema for kind ")
                    .and_then(|m| m.split_once(" with api version "))
                    .and_then(|(kind, m)| Some((kind, m.split_once(" for kubernetes")?.0)));
                match kind_api {
                    Some((kind, api)) if vendored_schema(&schemas, api, kind).is_some() => {
                        unknown.push((w, api.to_owned(), kind.to_owned()));
                    }
                    Some((kind, api)) => problems.push(format!(
                        "{}: {api} {kind} is not a Kubernetes {KUBERNETES} kind and \
                         tests/schemas/ has no schema for it (see tests/schemas/README.md)",
                        w.origin
                    )),
                    None => problems.push(format!("{}: {message}", w.origin)),
                }
            }
            _ => problems.push(format!("{}: {message}", w.origin)),
        }
    }
    if !success && problems.is_empty() {
        problems.push(format!("kubernetes-validate failed:\n{stdout}"));
    }
    for w in &written {
        let seen = results.get(w.path.as_str()).copied().unwrap_or(0);
        if seen != w.documents {
            problems.push(format!(
                "{}: {} documents, but kubernetes-validate reported on {seen}",
                w.origin, w.documents
            ));
        }
    }

    if !unknown.is_empty() {
        let mut args = vec![
            root.join("tests/schemas/validate.py").display().to_string(),
            schemas.display().to_string(),
        ];
        let mut paths: Vec<String> = unknown.iter().map(|(w, ..)| w.path.clone()).collect();
        paths.dedup();
        args.extend(paths);
        let (_, stdout) = run("python3", &args);
        for (w, api, kind) in &unknown {
            let prefix = |verdict: &str| format!("{verdict} {} {api} {kind}", w.path);
            let pass = prefix("PASS");
            let fail = prefix("FAIL");
            if !stdout.lines().any(|l| l == pass || l.starts_with(&fail)) {
                problems.push(format!(
                    "{}: {api} {kind}: validate.py didn't report on it",
                    w.origin
                ));
            }
            for line in stdout.lines().filter(|l| l.starts_with(&fail)) {
                let message = line[fail.len()..].trim_start_matches(':').trim();
                problems.push(format!("{}: {api} {kind}: {message}", w.origin));
            }
        }
    }

    assert!(
        problems.is_empty(),
        "{} manifests checked against Kubernetes {KUBERNETES}; problems:\n{}",
        written.len(),
        problems.join("\n")
    );
    eprintln!(
        "{} manifests valid for Kubernetes {KUBERNETES} ({} of their documents against \
         tests/schemas/), {fragments} fragments",
        written.len(),
        unknown.len()
    );
}

#[test]
fn yaml_blocks_are_found_with_their_lines_and_fragment_markers() {
    let source = "---\ntitle: \"```yaml\"\n---\n\nText.\n\n```yaml\nkind: A\n```\n\n\
                  <!-- fragment -->\n\n```yaml\nspec: {}\n```\n\n<!-- fragment -->\n\nA paragraph.\n\n\
                  ```yml title\nb: 1\n```\n\n```console\n$ kubectl get pods -o yaml\n```\n\n\
                  ~~~yaml\n# c\n---\napiVersion: v1\nkind: B\n~~~\n";
    let blocks = yaml_blocks(source);
    let got: Vec<(usize, &str, bool)> = blocks
        .iter()
        .map(|b| (b.line, b.text.as_str(), b.fragment))
        .collect();
    assert_eq!(
        got,
        [
            (7, "kind: A\n", false),
            (13, "spec: {}\n", true),
            // The marker is followed by a paragraph, not by this block.
            (21, "b: 1\n", false),
            (29, "# c\n---\napiVersion: v1\nkind: B\n", false),
        ]
    );
    assert_eq!(documents("# c\n---\napiVersion: v1\nkind: B\n").len(), 1);
    assert_eq!(documents("a: 1\n---\nb: 2\n---\n").len(), 2);
    assert!(is_whole("apiVersion: v1\nkind: B\n"));
    assert!(!is_whole("spec:\n  kind: B\n  apiVersion: v1\n"));
}
