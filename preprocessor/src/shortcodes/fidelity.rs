//! Our HTML against Hugo's: every built-in of Hugo 0.111 that renders without the network, in
//! each argument form, one post per call in a throwaway site built by the installed `hugo`.
//! Both sides are normalized (`normalize`) and compared as tags with sorted, decoded attributes
//! and text with whitespace collapsed, our placeholder around embeds taken out.

use super::call::{Call, Value};
use super::markup::render_markdown;
use super::normalize::{text, tokens};
use super::output::{Kind, Target};
use super::page::Privacy;
use super::testing::{named, pos, render_with, source, v};
use std::path::{Path, PathBuf};
use std::process::Command;

/// How a case is compared.
#[derive(Clone, Copy, PartialEq)]
enum Compare {
    /// Tags, attributes and text.
    Markup,
    /// The visible text only (Chroma's markup vs mdBook's code block; `param`'s `<p>`).
    Text,
}

struct Case {
    call: Call,
    inner: Option<&'static str>,
    compare: Compare,
}

fn case(call: Call) -> Case {
    Case {
        call,
        inner: None,
        compare: Compare::Markup,
    }
}

fn text_case(call: Call, inner: Option<&'static str>) -> Case {
    Case {
        call,
        inner,
        compare: Compare::Text,
    }
}

/// A fresh directory for one site.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mdbook-hugo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the site's folders");
    }
    std::fs::write(path, text).expect("write a site file");
}

/// Builds a site of one post per case with `privacy` (YAML), returns each post's HTML.
fn hugo(name: &str, privacy: &str, cases: &[Case]) -> Vec<String> {
    let dir = scratch(name);
    write(
        &dir.join("config.yaml"),
        &format!(
            "baseURL: https://example.org/\ntitle: t\npermalinks:\n  post: /p/:slug/\n\
             params:\n  site_only: from site\n  nested:\n    deep: site deep\n{privacy}"
        ),
    );
    write(&dir.join("layouts/_default/single.html"), "{{ .Content }}");
    write(
        &dir.join("layouts/_default/list.html"),
        "{{ range .Pages }}{{ .Title }}{{ end }}",
    );
    for (i, c) in cases.iter().enumerate() {
        let front = "title: A & <B>\npp: \"x *y* <z>\"\nnum: 3\nfl: 1.5\nlist: [a, b]\n\
                     nested:\n  deep: page deep\nflag: true\n";
        write(
            &dir.join(format!("content/post/case-{i}.md")),
            &format!(
                "---\nslug: case-{i}\n{front}---\n\n{}\n",
                source(&c.call, c.inner)
            ),
        );
    }
    let run = Command::new("hugo")
        .arg("--quiet")
        .arg("--source")
        .arg(&dir)
        .output()
        .unwrap_or_else(|e| panic!("needs hugo (.ci/run installs it): cannot run `hugo`: {e}"));
    assert!(
        run.status.success(),
        "hugo failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = (0..cases.len())
        .map(|i| {
            std::fs::read_to_string(dir.join(format!("public/p/case-{i}/index.html")))
                .expect("hugo wrote the post")
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    pages
}

/// Compares every case with Hugo's rendering, reporting all differences at once.
fn compare(name: &str, privacy_yaml: &str, privacy: Privacy, cases: &[Case]) {
    let theirs = hugo(name, privacy_yaml, cases);
    let mut failures = Vec::new();
    for (c, theirs) in cases.iter().zip(&theirs) {
        let out = match render_with(&c.call, c.inner, Target::Html, privacy, false) {
            Some(Ok(out)) => out,
            other => panic!("{}: {other:?}", source(&c.call, c.inner)),
        };
        let ours = match out.kind {
            Kind::Html => out.text.clone(),
            Kind::Inline | Kind::Blocks => render_markdown(&out.text),
        };
        let same = match c.compare {
            Compare::Markup => tokens(&ours) == tokens(theirs),
            Compare::Text => text(&ours) == text(theirs),
        };
        if !same {
            failures.push(format!(
                "{}\n  ours:   {:?}\n  hugo's: {:?}",
                source(&c.call, c.inner),
                tokens(&ours),
                tokens(theirs)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn i(n: i64) -> Value {
    Value::Int(n)
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn builtins_render_as_hugo_0_111_renders_them() {
    let cases = vec![
        case(pos("youtube", &[v("9C7O6B5elhk")])),
        case(pos("youtube", &[v("9C7O6B5elhk"), v("my-class")])),
        case(named("youtube", &[("id", v("9C7O6B5elhk"))])),
        case(named(
            "youtube",
            &[("id", v("9C7O6B5elhk")), ("autoplay", v("true"))],
        )),
        // An unquoted true is a boolean, which 0.111 does not take for "true".
        case(named(
            "youtube",
            &[("id", v("9C7O6B5elhk")), ("autoplay", Value::Bool(true))],
        )),
        case(named(
            "youtube",
            &[
                ("id", v("9C7O6B5elhk")),
                ("title", v("My <t> & \"q\"")),
                ("class", v("c")),
            ],
        )),
        case(pos("youtube", &[v("a b/é?x=1&y")])),
        case(pos("vimeo", &[v("146022717")])),
        case(pos("vimeo", &[v("146022717"), v("my-class")])),
        case(pos(
            "vimeo",
            &[v("146022717"), v("my-class"), v("My title")],
        )),
        case(named("vimeo", &[("id", v("146022717"))])),
        case(named(
            "vimeo",
            &[("id", v("146022717")), ("class", v("c")), ("title", v("T"))],
        )),
        case(named("figure", &[("src", v("/img/x.png"))])),
        case(named(
            "figure",
            &[("src", v("/img/x y.png")), ("alt", v("Alt \"q\" & <a>"))],
        )),
        case(named(
            "figure",
            &[("src", v("a.png")), ("caption", v("A *cap* with `code`"))],
        )),
        case(named(
            "figure",
            &[
                ("src", v("a.png")),
                ("alt", v("x")),
                ("caption", v("A & B")),
                ("attr", v("At **b**")),
            ],
        )),
        case(named(
            "figure",
            &[
                ("src", v("a.png")),
                ("attr", v("AT")),
                ("attrlink", v("https://e.org/a b")),
            ],
        )),
        case(named(
            "figure",
            &[
                ("src", v("a.png")),
                ("caption", v("Cap")),
                ("attr", v("At")),
                ("attrlink", v("https://e.org/")),
            ],
        )),
        case(named(
            "figure",
            &[
                ("src", v("a.png")),
                ("link", v("https://e.org/x?a=1&b=2")),
                ("target", v("_blank")),
                ("rel", v("noopener")),
                ("title", v("T & t")),
                ("width", v("100")),
                ("height", i(50)),
                ("class", v("cls")),
            ],
        )),
        case(pos("gist", &[v("spf13"), v("7896402")])),
        case(pos("gist", &[v("spf13"), v("7896402"), v("img.html")])),
        text_case(
            // With `linenos`, Hugo's text has the line numbers, which the book drops.
            pos("highlight", &[v("go"), v("hl_lines=1,style=monokai")]),
            Some("\nfunc main() {\n\tfmt.Println(\"<hi>\")\n}\n"),
        ),
        text_case(pos("highlight", &[v("html")]), Some("\n  <b>x</b>\n")),
        text_case(pos("param", &[v("pp")]), None),
        text_case(pos("param", &[v("num")]), None),
        text_case(pos("param", &[v("fl")]), None),
        text_case(pos("param", &[v("list")]), None),
        text_case(pos("param", &[v("nested.deep")]), None),
        text_case(pos("param", &[v("site_only")]), None),
        text_case(pos("param", &[v("flag")]), None),
        text_case(pos("param", &[v("Title")]), None),
    ];
    compare("builtins", "", Privacy::default(), &cases);
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn privacy_settings_change_the_players_as_in_hugo_0_111() {
    let yaml = "privacy:\n  youtube:\n    privacyEnhanced: true\n  vimeo:\n    enableDNT: true\n";
    let privacy = Privacy {
        youtube_privacy_enhanced: true,
        vimeo_dnt: true,
        ..Privacy::default()
    };
    let cases = vec![
        case(pos("youtube", &[v("9C7O6B5elhk")])),
        case(pos("vimeo", &[v("146022717")])),
    ];
    compare("privacy", yaml, privacy, &cases);
}
