//! The reading of each fixture site under `tests/fixtures/sites/` against what the installed
//! hugo makes of the same site: probe layouts (given as `HUGO_LAYOUTDIR`, so the fixture needs
//! none) print one JSON line per page Hugo writes (kind, title, URL, date, weight, parent,
//! `.Pages`, resources, summary) and the home page prints `.Site.Taxonomies`; `hugo list all`
//! gives every regular page's permalink, drafts included. Every page hugo writes must be one
//! the site model has, with the same values, and the other way round.

use super::super::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const ID: &str = r#"{{- $p := "" }}{{ with .File }}{{ $p = .Path }}{{ else }}{{ $p = printf "%s:%s" .Kind .RelPermalink }}{{ end }}{{ return $p -}}"#;

const LINE: &str = r#"{{- $ids := slice }}{{ range .Pages }}{{ $ids = $ids | append (partial "id.html" .) }}{{ end -}}
{{- $res := slice }}{{ range .Resources }}{{ $res = $res | append .Name }}{{ end -}}
{{- $parent := "" }}{{ with .Parent }}{{ $parent = partial "id.html" . }}{{ end -}}
HUGO {{ dict "id" (partial "id.html" .) "lang" .Lang "kind" .Kind "title" .Title "linkTitle" .LinkTitle "rel" .RelPermalink "date" (.Date.Format "2006-01-02T15:04:05.999999999Z07:00") "weight" .Weight "pages" $ids "parent" $parent "resources" $res "summary" .Summary "truncated" .Truncated | jsonify }}
"#;

const HOME: &str = r#"{{ partial "line.html" . }}
{{ range $tax, $terms := .Site.Taxonomies }}{{ range $key, $w := $terms }}{{ $ids := slice }}{{ range $w.Pages }}{{ $ids = $ids | append (partial "id.html" .) }}{{ end }}TAX {{ dict "lang" $.Lang "tax" $tax "key" $key "pages" $ids | jsonify }}
{{ end }}{{ end }}"#;

/// What hugo made of a site.
struct Hugo {
    /// Each written page's line, by id, for the default language.
    pages: BTreeMap<String, Value>,
    /// (taxonomy, term key) and the term's pages.
    taxonomies: BTreeMap<(String, String), Vec<String>>,
    /// `hugo list all`: content path (from the site root) and permalink.
    listed: Vec<(String, String)>,
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sites")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn hugo(dir: &Path, layouts: &str, args: &[&str]) -> String {
    let out = Command::new("hugo")
        .args(args)
        .env("HUGO_LAYOUTDIR", layouts)
        // Embeds (tweet, vimeo) ask the network, which a test machine may not reach.
        .env("HUGO_IGNOREERRORS", "error-remote-getjson")
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("needs hugo (.ci/run installs it): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "hugo {args:?} failed in {}:\n{stdout}\n{stderr}",
        dir.display()
    );
    assert!(!stderr.contains("ERROR"), "hugo {args:?}: {stderr}");
    stdout
}

/// Shortcodes real sites use (Stack's, common callouts) as stubs: those that enclose text
/// print it; the others print nothing.
const STUBS: [(&str, &str); 15] = [
    ("quote", "{{ .Inner }}"),
    ("notice", "{{ .Inner }}"),
    ("admonition", "{{ .Inner }}"),
    ("alert", "{{ .Inner }}"),
    ("details", "{{ .Inner }}"),
    ("tabs", "{{ .Inner }}"),
    ("tab", "{{ .Inner }}"),
    ("mermaid", "{{ .Inner }}"),
    ("katex", "{{ .Inner }}"),
    ("video", ""),
    ("bilibili", ""),
    ("tencent", ""),
    ("gitlab", ""),
    ("music", ""),
    ("aplayer", ""),
];

/// Builds a copy of the site at `source` with the probe layouts; what hugo printed. The copy
/// goes without its theme and Hugo-module imports (the probe layouts replace them, and a
/// build here cannot fetch modules).
fn run(source: &Path, name: &str) -> (PathBuf, Hugo) {
    let scratch =
        std::env::temp_dir().join(format!("mdbook-hugo-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let site = scratch.join("site");
    copy_dir(source, &site);
    let _ = std::fs::remove_file(site.join("config/_default/module.toml"));
    // Each theme keeps its configuration only (its templates may need a newer hugo).
    let config = Site::load(&site, &crate::date::parse("2000-01-01").unwrap())
        .0
        .config;
    for theme in &config.themes {
        let dir = site.join(&config.themes_dir).join(theme);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let keep = name == "config"
                || super::super::config_source::ROOT_NAMES.contains(&name.as_str());
            if !keep {
                let path = entry.path();
                let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
            }
        }
    }
    let layouts = scratch.join("layouts");
    for (file, text) in [
        ("partials/id.html", ID),
        ("partials/line.html", LINE),
        ("_default/single.html", "{{ partial \"line.html\" . }}\n"),
        ("_default/list.html", "{{ partial \"line.html\" . }}\n"),
        ("index.html", HOME),
        ("shortcodes/note.html", "<span>{{ .Inner }}</span>"),
    ] {
        let path = layouts.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    for (stub, text) in STUBS {
        std::fs::write(layouts.join(format!("shortcodes/{stub}.html")), text).unwrap();
    }
    let public = scratch.join("public");
    let cache = scratch.join("cache");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let (layouts, public, cache) = (s(&layouts), s(&public), s(&cache));
    hugo(&site, &layouts, &["-d", &public, "--cacheDir", &cache]);
    let mut pages = BTreeMap::new();
    let mut taxonomies = BTreeMap::new();
    let mut html = Vec::new();
    collect_html(Path::new(&public), &mut html);
    for file in html {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            if let Some(json) = line.strip_prefix("HUGO ") {
                let v: Value = serde_json::from_str(json).unwrap();
                if v["lang"] == config.default_language.as_str() {
                    pages.insert(v["id"].as_str().unwrap().to_owned(), v);
                }
            } else if let Some(json) = line.strip_prefix("TAX ") {
                let v: Value = serde_json::from_str(json).unwrap();
                if v["lang"] != config.default_language.as_str() {
                    continue;
                }
                let ids = v["pages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_owned())
                    .collect();
                taxonomies.insert(
                    (
                        v["tax"].as_str().unwrap().to_owned(),
                        v["key"].as_str().unwrap().to_owned(),
                    ),
                    ids,
                );
            }
        }
    }
    let csv = hugo(&site, &layouts, &["list", "all"]);
    let listed = csv
        .lines()
        .skip(1)
        .map(|l| {
            let fields = csv_fields(l);
            (
                fields[0].clone(),
                fields.last().cloned().unwrap_or_default(),
            )
        })
        .collect();
    (
        site,
        Hugo {
            pages,
            taxonomies,
            listed,
        },
    )
}

fn collect_html(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_html(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// One line of Go's CSV.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// A page's id as the probe prints it.
fn id_of(site: &Site, id: PageId) -> String {
    let p = &site.pages[id];
    match &p.file {
        Some(f) => f.path.clone(),
        None => format!("{}:{}", p.kind.name(), p.url.clone().unwrap_or_default()),
    }
}

/// Hugo's summary HTML as the text a reader sees, whitespace runs as one space.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    for (entity, c) in [
        ("&amp;", "&"),
        ("&#160;", "\u{a0}"),
        ("&#x21a9;", "\u{21a9}"),
        ("&#xfe0e;", "\u{fe0e}"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#34;", "\""),
        ("&#39;", "'"),
        ("&rsquo;", "’"),
        ("&lsquo;", "‘"),
        ("&ldquo;", "“"),
        ("&rdquo;", "”"),
        ("&hellip;", "…"),
        ("&ndash;", "–"),
        ("&mdash;", "—"),
    ] {
        text = text.replace(entity, c);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compares the site model of fixture `name` with what hugo made of it.
fn check(name: &str) {
    let (mismatches, _) = compare(&fixture(name), name, true);
    assert!(
        mismatches.is_empty(),
        "fixture {name}:\n{}",
        mismatches.join("\n")
    );
}

/// The site at `source` against hugo: the mismatches, and the summaries that differ (in the
/// mismatches too when `summaries` is set), with the number compared.
fn compare(source: &Path, name: &str, summaries: bool) -> (Vec<String>, (Vec<String>, usize)) {
    let (root, hugo) = run(source, name);
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let now: Date = chrono::DateTime::from_timestamp(secs, 0)
        .unwrap()
        .fixed_offset();
    let (site, problems) = Site::load(&root, &now);
    if let Some(scratch) = root.parent() {
        let _ = std::fs::remove_dir_all(scratch);
    }
    let mut mismatches: Vec<String> = problems
        .iter()
        .filter(|p| {
            !p.message.contains("both `index` and `_index`")
                && !p.message.contains("is also the URL of")
        })
        .map(|p| format!("problem: {p}"))
        .collect();
    let mut seen = Vec::new();
    let mut summary_count = 0;
    let mut summary_diffs = Vec::new();
    for (id, page) in site.pages.iter().enumerate() {
        if !page.rendered() {
            continue;
        }
        let key = id_of(&site, id);
        let Some(h) = hugo.pages.get(&key) else {
            // Two pages with one URL: hugo wrote the other over this one (and we said so).
            let shared = site.pages.iter().enumerate().any(|(j, p)| {
                j != id
                    && p.rendered()
                    && p.url == page.url
                    && hugo.pages.contains_key(&id_of(&site, j))
            });
            if !shared {
                mismatches.push(format!("{key}: ours, not written by hugo"));
            }
            continue;
        };
        seen.push(key.clone());
        let mut differ = |what: &str, ours: Value, theirs: &Value| {
            if &ours != theirs {
                mismatches.push(format!("{key}: {what}: ours {ours}, hugo {theirs}"));
            }
        };
        differ("kind", page.kind.name().into(), &h["kind"]);
        differ("title", page.title.clone().into(), &h["title"]);
        differ("linkTitle", page.link_title.clone().into(), &h["linkTitle"]);
        differ(
            "url",
            page.url.clone().unwrap_or_default().into(),
            &h["rel"],
        );
        differ("weight", page.weight.into(), &h["weight"]);
        let hugo_date = h["date"]
            .as_str()
            .and_then(crate::date::parse)
            .filter(|d| d.year() > 1);
        differ(
            "date",
            page.date.map(|d| d.timestamp()).into(),
            &hugo_date.map(|d| d.timestamp()).into(),
        );
        let ours: Vec<String> = page.pages.iter().map(|&i| id_of(&site, i)).collect();
        differ("pages", ours.into(), &h["pages"]);
        let parent = page.parent.map(|p| id_of(&site, p)).unwrap_or_default();
        differ("parent", parent.into(), &h["parent"]);
        if let Some(f) = &page.file {
            let bundle = f.path.rsplit_once('/').map_or("", |(d, _)| d);
            let resources: Vec<String> = f
                .resources
                .iter()
                .map(|r| {
                    r.strip_prefix(bundle)
                        .unwrap_or(r)
                        .trim_start_matches('/')
                        .to_owned()
                })
                .collect();
            differ("resources", resources.into(), &h["resources"]);
        }
        if page.kind == Kind::Page
            && let Some(summary) = site.summary(id)
        {
            summary_count += 1;
            let ours = summary
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let theirs = visible(h["summary"].as_str().unwrap_or(""));
            if ours != theirs || h["truncated"] != summary.truncated {
                let line = format!(
                    "{key}: summary: ours {ours:?} ({}), hugo {theirs:?} ({})",
                    summary.truncated, h["truncated"]
                );
                if summaries {
                    mismatches.push(line.clone());
                }
                summary_diffs.push(line);
            }
        }
    }
    for key in hugo.pages.keys() {
        if !seen.contains(key) {
            mismatches.push(format!("{key}: written by hugo, not a page we render"));
        }
    }
    let mut ours = BTreeMap::new();
    for t in &site.taxonomies {
        // `.Site.Taxonomies` has the terms some page uses.
        for &term in t
            .terms
            .iter()
            .filter(|&&term| !site.pages[term].pages.is_empty())
        {
            let key = site.pages[term].term.as_ref().unwrap().key.clone();
            let ids: Vec<String> = site.pages[term]
                .pages
                .iter()
                .map(|&i| id_of(&site, i))
                .collect();
            ours.insert((t.name.plural.clone(), key), ids);
        }
    }
    if ours != hugo.taxonomies {
        mismatches.push(format!(
            "taxonomies: ours {ours:?}\nhugo {:?}",
            hugo.taxonomies
        ));
    }
    let prefix = format!("{}/", site.config.content_dir);
    for (path, permalink) in &hugo.listed {
        let Some(id) = path.strip_prefix(&prefix).and_then(|p| site.by_path(p)) else {
            continue;
        };
        let rel = if permalink.starts_with('/') {
            permalink.clone()
        } else {
            permalink
                .splitn(4, '/')
                .nth(3)
                .map(|p| format!("/{p}"))
                .unwrap_or_default()
        };
        let ours = site.pages[id].url.clone().unwrap_or_default();
        if ours != rel {
            mismatches.push(format!(
                "{path}: list all permalink: ours {ours}, hugo {rel}"
            ));
        }
    }
    (mismatches, (summary_diffs, summary_count))
}

use chrono::Datelike;

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn tree_fixture_reads_as_hugo_reads_it() {
    check("tree");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn build_fixture_reads_as_hugo_reads_it() {
    check("build");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn permalinks_fixture_reads_as_hugo_reads_it() {
    check("permalinks");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn taxonomies_fixture_reads_as_hugo_reads_it() {
    check("taxonomies");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn config_dir_fixture_reads_as_hugo_reads_it() {
    check("config-dir");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn summaries_fixture_reads_as_hugo_reads_it() {
    check("summaries");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn raw_html_fixture_reads_as_hugo_reads_it() {
    check("raw-html");
}

/// The book tests' `toml` site (`tests/sites/toml`, whose `[frontmatter]` takes dates from file
/// names and lastmods from the files' times) read as hugo reads it.
#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn the_book_tests_toml_site_reads_as_hugo_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/sites/toml");
    let (mismatches, _) = compare(&dir, "toml", true);
    assert!(
        mismatches.is_empty(),
        "tests/sites/toml:\n{}",
        mismatches.join("\n")
    );
}

/// A real site, at the path in `MDBOOK_HUGO_SITE` (else the `tree` fixture): its structure
/// must agree with hugo's; the summaries that differ are printed (shortcodes and raw HTML make
/// some differ).
#[test]
#[ignore = "needs hugo (.ci/run installs it); MDBOOK_HUGO_SITE=<a Hugo site> to try one"]
fn a_real_site_reads_as_hugo_reads_it() {
    let source =
        std::env::var_os("MDBOOK_HUGO_SITE").map_or_else(|| fixture("tree"), PathBuf::from);
    let (mismatches, (summaries, compared)) = compare(&source, "real", false);
    println!("{} of {compared} summaries differ:", summaries.len());
    for line in &summaries {
        println!("  {line}");
    }
    assert!(
        mismatches.is_empty(),
        "{}:\n{}",
        source.display(),
        mismatches.join("\n")
    );
}
