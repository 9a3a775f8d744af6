//! What the installed hugo publishes of a fixture site: probe layouts (the site's own layouts
//! and these, in a folder given as `HUGO_LAYOUTDIR`, so the fixture needs no theme templates)
//! print one JSON line per page Hugo writes (its content file, kind, language, layout, URL and
//! its `.Pages` as URLs, in Hugo's order), and `hugo list all` its CSV.

use crate::support;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const ID: &str = r#"{{- $p := "" }}{{ with .File }}{{ $p = .Path }}{{ else }}{{ $p = printf "%s:%s" .Kind .RelPermalink }}{{ end }}{{ return $p -}}"#;

const LINE: &str = r#"{{- $pages := slice }}{{ range .Pages }}{{ $pages = $pages | append .RelPermalink }}{{ end -}}
HUGO {{ dict "id" (partial "id.html" .) "lang" .Lang "kind" .Kind "title" .Title "layout" .Layout "url" .RelPermalink "base" .Site.BaseURL "pages" $pages | jsonify }}
"#;

/// A page with Stack's `layout: archives`: its line, and the posts Stack's archives page shows
/// (the main sections' regular pages but those with `hidden: true`, by year, newest first).
const ARCHIVES: &str = r#"{{ partial "line.html" . -}}
{{- $main := where .Site.RegularPages "Type" "in" .Site.Params.mainSections -}}
{{- $shown := where .Site.RegularPages "Params.hidden" "!=" true -}}
{{- $urls := slice }}{{ range ($main | intersect $shown).GroupByDate "2006" }}{{ range .Pages }}{{ $urls = $urls | append .RelPermalink }}{{ end }}{{ end -}}
ARCHIVE {{ dict "url" .RelPermalink "lang" .Lang "pages" $urls | jsonify }}
"#;

/// The Stack theme's own shortcodes, as stubs that print what they enclose (the
/// theme's templates are not in the fixtures; what matters here is which pages Hugo writes).
const STUBS: [(&str, &str); 5] = [
    ("tencent", ""),
    ("gitlab", ""),
    ("quote", "{{ .Inner }}"),
    ("video", ""),
    ("bilibili", ""),
];

/// One page Hugo wrote.
#[derive(Debug, Clone)]
pub struct Page {
    /// The content file below `content/`, or `kind:url` for a page Hugo made itself.
    pub id: String,
    pub kind: String,
    pub layout: String,
    pub url: String,
    /// `.Pages`, as URLs (`""` for a page with no page of its own).
    pub pages: Vec<String>,
}

/// What hugo made of a site, in its default language.
pub struct Published {
    /// Every page written, by URL.
    pub pages: BTreeMap<String, Page>,
    /// The site's `baseURL`, as Hugo reads it.
    pub base_url: String,
    /// Each archives page's posts, by its URL.
    pub archives: BTreeMap<String, Vec<String>>,
}

/// The probe layouts for the site at `site`: its own `layouts/` and the probes, in a scratch
/// folder.
pub fn layouts(site: &Path) -> PathBuf {
    let dir = support::scratch("site-layouts");
    let own = site.join("layouts");
    if own.is_dir() {
        copy_dir(&own, &dir);
    }
    let mut files = vec![
        ("partials/id.html", ID),
        ("partials/line.html", LINE),
        ("_default/single.html", "{{ partial \"line.html\" . }}\n"),
        ("_default/list.html", "{{ partial \"line.html\" . }}\n"),
        ("index.html", "{{ partial \"line.html\" . }}\n"),
        ("_default/archives.html", ARCHIVES),
    ];
    let stubs: Vec<(String, &str)> = STUBS
        .iter()
        .map(|(name, text)| (format!("shortcodes/{name}.html"), *text))
        .filter(|(path, _)| !dir.join(path).exists())
        .collect();
    files.extend(stubs.iter().map(|(p, t)| (p.as_str(), *t)));
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs `hugo args` in `site` with `layouts`; it must succeed with no error. Its stdout.
pub fn hugo(site: &Path, layouts: &Path, args: &[&str]) -> String {
    let out = Command::new("hugo")
        .args(args)
        .env("HUGO_LAYOUTDIR", layouts)
        .env("HUGO_CACHEDIR", site.with_extension("hugo-cache"))
        .current_dir(site)
        .output()
        .unwrap_or_else(|e| panic!("needs hugo (.ci/run installs it): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !stderr.contains("ERROR"),
        "hugo {args:?} failed in {}:\n{stdout}\n{stderr}",
        site.display()
    );
    stdout
}

/// Builds the site at `site` with hugo into a scratch folder; the pages it wrote in its default
/// language (the home page's at `/`).
pub fn publish(site: &Path, layouts: &Path) -> Published {
    let public = support::scratch("site-public");
    hugo(site, layouts, &["-d", public.to_str().unwrap()]);
    let mut html = Vec::new();
    support::html_files(&public, &mut html);
    let mut lines = Vec::new();
    for file in html {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            match (line.strip_prefix("HUGO "), line.strip_prefix("ARCHIVE ")) {
                (Some(json), _) => {
                    lines.push((false, serde_json::from_str::<Value>(json).unwrap()))
                }
                (_, Some(json)) => lines.push((true, serde_json::from_str(json).unwrap())),
                _ => {}
            }
        }
    }
    let language = lines
        .iter()
        .find(|(archive, v)| !archive && v["url"] == "/")
        .map(|(_, v)| v["lang"].clone())
        .unwrap_or_default();
    let mut pages = BTreeMap::new();
    let mut base_url = String::new();
    let mut archives = BTreeMap::new();
    for (archive, v) in lines.into_iter().filter(|(_, v)| v["lang"] == language) {
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        if archive {
            archives.insert(s("url"), urls(&v["pages"]));
            continue;
        }
        base_url = s("base");
        let page = Page {
            id: s("id"),
            kind: s("kind"),
            layout: s("layout"),
            url: s("url"),
            pages: urls(&v["pages"]),
        };
        pages.insert(page.url.clone(), page);
    }
    let _ = std::fs::remove_dir_all(&public);
    assert!(
        pages.contains_key("/"),
        "hugo wrote no home page for {}",
        site.display()
    );
    Published {
        pages,
        base_url,
        archives,
    }
}

/// A JSON array of URLs.
fn urls(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| p.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
