//! The engine against the real hugo: our shortcode templates (`testdata/`) called from posts
//! of a throwaway site, built by hugo, and executed by the engine against a host object that
//! mimics Hugo's shortcode context (positional or named params, `.Inner`, the page's title and
//! params, the site's title and params). The HTML must match after whitespace is normalized.

use super::super::*;
use cases::{CASES, Case};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

mod cases;

const SHORTCODES: &[(&str, &str)] = &[
    ("notice", include_str!("../testdata/shortcodes/notice.html")),
    (
        "admonition",
        include_str!("../testdata/shortcodes/admonition.html"),
    ),
    (
        "picture",
        include_str!("../testdata/shortcodes/picture.html"),
    ),
    ("loop", include_str!("../testdata/shortcodes/loop.html")),
    ("textfn", include_str!("../testdata/shortcodes/textfn.html")),
    (
        "hostile",
        include_str!("../testdata/shortcodes/hostile.html"),
    ),
    ("boxed", include_str!("../testdata/shortcodes/boxed.html")),
    (
        "scratch",
        include_str!("../testdata/shortcodes/scratch.html"),
    ),
    (
        "summary",
        include_str!("../testdata/shortcodes/summary.html"),
    ),
    ("cached", include_str!("../testdata/shortcodes/cached.html")),
];
const PARTIALS: &[(&str, &str)] = &[
    ("box.html", include_str!("../testdata/partials/box.html")),
    (
        "count.html",
        include_str!("../testdata/partials/count.html"),
    ),
    (
        "stamp.html",
        include_str!("../testdata/partials/stamp.html"),
    ),
    ("pair.html", include_str!("../testdata/partials/pair.html")),
];

const FRONT_MATTER: &str = "title: \"Post <T> & Co\"\nmyparam: MP\nCamelKey: CK\ntags: [k8s, go]\n";
const CONFIG: &str = "baseURL: https://example.org/\ntitle: Site T\nparams:\n  accent: blue\n  colors:\n    red: \"#f00\"\n    green: \"#0f0\"\npermalinks:\n  post: /p/:slug/\n";

struct Site {
    title: String,
    params: Value,
}

impl Object for Site {
    fn type_name(&self) -> &str {
        "*hugolib.SiteInfo"
    }
    fn get(&self, name: &str, _: &[Value]) -> Result<Option<Value>, String> {
        Ok(match name {
            "Title" => Some(Value::from(self.title.as_str())),
            "Params" => Some(self.params.clone()),
            _ => None,
        })
    }
}

struct Page {
    title: String,
    params: Value,
    site: Arc<Site>,
}

impl Object for Page {
    fn type_name(&self) -> &str {
        "*hugolib.pageState"
    }
    fn get(&self, name: &str, _: &[Value]) -> Result<Option<Value>, String> {
        Ok(match name {
            "Title" => Some(Value::from(self.title.as_str())),
            "Params" => Some(self.params.clone()),
            "Site" => Some(Value::Object(self.site.clone())),
            _ => None,
        })
    }
}

/// Hugo's `ShortcodeWithPage`, for the test.
pub struct Shortcode {
    name: String,
    positional: Vec<Value>,
    named: Option<Map>,
    inner: Option<String>,
    page: Arc<Page>,
    scratch: Arc<Scratch>,
}

impl Object for Shortcode {
    fn type_name(&self) -> &str {
        "*hugolib.ShortcodeWithPage"
    }
    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String> {
        Ok(Some(match name {
            "Get" => match args {
                [Value::Int(i)] => usize::try_from(*i)
                    .ok()
                    .and_then(|i| self.positional.get(i).cloned())
                    .unwrap_or_default(),
                [Value::String(k)] => self
                    .named
                    .as_ref()
                    .and_then(|m| m.get(k).cloned())
                    .unwrap_or_default(),
                _ => return Err(format!("wrong number of args for Get: {args:?}")),
            },
            "Inner" => Value::html(self.inner.clone().unwrap_or_default()),
            "IsNamedParams" => Value::Bool(self.named.is_some()),
            "Page" => Value::Object(self.page.clone()),
            "Site" => Value::Object(self.page.site.clone()),
            "Name" => Value::from(self.name.as_str()),
            "Ordinal" => Value::Int(0),
            "Scratch" => Value::Object(self.scratch.clone()),
            _ => return Ok(None),
        }))
    }
}

/// Markdown through pulldown-cmark, the one paragraph's `<p>` dropped as `markdownify` does.
struct TestHost {
    partials: Templates,
}

impl Host for TestHost {
    fn markdownify(&self, markdown: &str) -> Result<String, String> {
        let parser = mdbook_markdown::pulldown_cmark::Parser::new(markdown);
        let mut html = String::new();
        mdbook_markdown::pulldown_cmark::html::push_html(&mut html, parser);
        let trimmed = html.trim_end();
        Ok(
            match trimmed
                .strip_prefix("<p>")
                .and_then(|s| s.strip_suffix("</p>"))
            {
                Some(inner) if !inner.contains("<p>") => inner.to_owned(),
                _ => html,
            },
        )
    }
    fn partial(&self, name: &str) -> Option<&Template> {
        self.partials.partial(name)
    }
}

fn normalize(html: &str) -> String {
    html.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page() -> Arc<Page> {
    let site = Arc::new(Site {
        title: "Site T".into(),
        params: Value::from(Map::params([
            ("accent".to_owned(), Value::from("blue")),
            (
                "colors".to_owned(),
                Value::from(Map::params([
                    ("red".to_owned(), Value::from("#f00")),
                    ("green".to_owned(), Value::from("#0f0")),
                ])),
            ),
        ])),
    });
    Arc::new(Page {
        title: "Post <T> & Co".into(),
        params: Value::from(Map::params([
            ("myparam".to_owned(), Value::from("MP")),
            ("CamelKey".to_owned(), Value::from("CK")),
            (
                "tags".to_owned(),
                Value::from(vec![Value::from("k8s"), Value::from("go")]),
            ),
        ])),
        site,
    })
}

/// A shortcode called with positional params and inner content, on the test page.
pub fn test_shortcode(positional: &[&str], inner: &str) -> Value {
    Value::Object(Arc::new(Shortcode {
        name: "notice".into(),
        positional: positional.iter().map(|s| Value::from(*s)).collect(),
        named: None,
        inner: Some(inner.to_owned()),
        page: page(),
        scratch: Arc::new(Scratch::new()),
    }))
}

fn ours(case: &Case, page: &Arc<Page>, host: &TestHost) -> String {
    let (_, src) = SHORTCODES
        .iter()
        .find(|(n, _)| *n == case.name)
        .expect("fixture");
    let t = Template::parse(&format!("shortcodes/{}.html", case.name), src)
        .unwrap_or_else(|e| panic!("{e}"));
    let named = (!case.named.is_empty()).then(|| {
        Map::new(
            case.named
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                .collect::<BTreeMap<_, _>>(),
        )
    });
    let dot = Value::Object(Arc::new(Shortcode {
        name: case.name.into(),
        positional: case.positional.iter().map(|s| Value::from(*s)).collect(),
        named,
        inner: case.inner.map(str::to_owned),
        page: page.clone(),
        scratch: Arc::new(Scratch::new()),
    }));
    t.exec(&dot, host).unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create the site's folders");
    }
    std::fs::write(path, text).expect("write a site file");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn shortcodes_render_as_hugo_renders_them() {
    let version = Command::new("hugo").arg("version").output();
    assert!(
        version.as_ref().is_ok_and(|o| o.status.success()),
        "hugo is not installed or does not run (.ci/run installs it): {version:?}"
    );
    let site = std::env::temp_dir().join(format!("mdbook-hugo-template-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    write(&site.join("config.yaml"), CONFIG);
    write(&site.join("layouts/_default/single.html"), "{{ .Content }}");
    write(
        &site.join("layouts/_default/list.html"),
        "{{ range .Pages }}{{ .Title }}{{ end }}",
    );
    for (name, src) in SHORTCODES {
        write(&site.join(format!("layouts/shortcodes/{name}.html")), src);
    }
    let mut partials = Templates::new();
    for (name, src) in PARTIALS {
        write(&site.join(format!("layouts/partials/{name}")), src);
        partials
            .insert(&format!("partials/{name}"), src)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for (i, case) in CASES.iter().enumerate() {
        let post = format!("---\n{FRONT_MATTER}slug: c{i}\n---\n\n{}\n", case.call);
        write(&site.join(format!("content/post/c{i}.md")), &post);
    }
    let built = Command::new("hugo")
        .args(["--quiet", "--source"])
        .arg(&site)
        .output()
        .expect("run hugo");
    assert!(
        built.status.success(),
        "hugo failed: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    let host = TestHost { partials };
    let page = page();
    let mut failures = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let file = site.join(format!("public/p/c{i}/index.html"));
        let hugo = std::fs::read_to_string(&file).expect("hugo's page");
        let mine = ours(case, &page, &host);
        assert!(
            hugo.contains('<') && hugo.len() > 20,
            "hugo rendered {} to almost nothing: {hugo:?}",
            case.call
        );
        if std::env::var_os("SHOW_HUGO").is_some() {
            println!("{}\n  {}", case.call, normalize(&mine));
        }
        if normalize(&hugo) != normalize(&mine) {
            failures.push(format!(
                "{}\n  hugo: {}\n  ours: {}",
                case.call,
                normalize(&hugo),
                normalize(&mine)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&site);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
