//! Still Hugo posts: the installed `hugo` is the reference for what a post means. A throwaway
//! site around the book's own files (its `contentDir` is the repository's `book/`, so the files
//! are used unchanged), and another around fixture posts for the tricky cases; Hugo builds both
//! and lists its pages, and every post's slug, title, date, draft state and reading time must be
//! what the library reads from the same file. Word counts must match for the fixtures; for the
//! book a difference is reported (the minutes must still match).

use crate::support;
use mdbook_hugo::date::{self, Date};
use mdbook_hugo::read::Read;
use mdbook_hugo::shortcodes::registry::Shortcodes;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The home page prints one line of JSON per page: what Hugo made of it. (One file for all, as
/// two pages with one permalink, such as two with no slug and no title, share an output file.)
const HOME: &str = r#"{{ range .Site.AllPages }}{{ $path := "" }}{{ with .File }}{{ $path = .Path }}{{ end -}}
HUGO-PAGE {{ dict "path" $path "title" .Title "date" (.Date.Format "2006-01-02T15:04:05.999999999Z07:00") "zero" .Date.IsZero "draft" .Draft "words" .WordCount "minutes" .ReadingTime "kind" .Kind | jsonify }}
{{ end }}"#;

/// A Hugo site in a scratch folder whose content is `content`.
struct Site {
    dir: PathBuf,
    content: PathBuf,
}

impl Site {
    fn new(name: &str, content: &Path) -> Site {
        let dir = support::scratch(name);
        // JSON strings are YAML strings: the paths need no other quoting. Raw HTML is rendered, as
        // Stack's starter sets it (it counts in the word count).
        let config = format!(
            "baseURL: https://example.org/\ntitle: t\ncontentDir: {}\ncacheDir: {}\npermalinks:\n  post: /p/:slug/\n\
             markup:\n  goldmark:\n    renderer:\n      unsafe: true\n\
             ignoreFiles: [\"SUMMARY\\\\.md$\"]\n",
            serde_json::to_string(&content.display().to_string()).unwrap(),
            serde_json::to_string(&dir.join("cache").display().to_string()).unwrap(),
        );
        std::fs::write(dir.join("config.yaml"), config).unwrap();
        let layouts = dir.join("layouts/_default");
        std::fs::create_dir_all(&layouts).unwrap();
        std::fs::write(layouts.join("single.html"), "{{ .Content }}\n").unwrap();
        std::fs::write(layouts.join("list.html"), "{{ .Content }}\n").unwrap();
        std::fs::write(dir.join("layouts/index.html"), HOME).unwrap();
        Site {
            dir,
            content: content.to_owned(),
        }
    }

    /// Runs `hugo args`; it must succeed and print no error or warning. Its stdout.
    fn hugo(&self, args: &[&str]) -> String {
        let out = Command::new("hugo")
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("hugo runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "hugo {args:?} failed in {}:\n{stdout}\n{stderr}",
            self.dir.display()
        );
        for line in stdout.lines().chain(stderr.lines()) {
            assert!(
                !line.contains("ERROR") && !line.contains("WARN"),
                "hugo {args:?} in {}: {line}",
                self.dir.display()
            );
        }
        stdout
    }

    /// Builds into `public-<name>` with `flags`; every page's line, by content path.
    fn build(&self, name: &str, flags: &[&str]) -> BTreeMap<String, Page> {
        let dest = self.dir.join(format!("public-{name}"));
        let mut args = vec!["--destination", dest.to_str().unwrap()];
        args.extend(flags);
        self.hugo(&args);
        let home = std::fs::read_to_string(dest.join("index.html")).unwrap();
        let mut pages = BTreeMap::new();
        for line in home.lines() {
            if let Some(json) = line.strip_prefix("HUGO-PAGE ") {
                let page = Page::from_json(json);
                if !page.path.is_empty() {
                    pages.insert(page.path.clone(), page);
                }
            }
        }
        pages
    }

    /// `hugo list all`, by content path.
    fn list(&self) -> BTreeMap<String, Listed> {
        let csv = self.hugo(&["list", "all"]);
        let mut rows = csv.lines().map(csv_fields);
        let header = rows.next().expect("a header line");
        assert_eq!(
            header,
            [
                "path",
                "slug",
                "title",
                "date",
                "expiryDate",
                "publishDate",
                "draft",
                "permalink"
            ]
        );
        rows.map(|r| {
            let path = Path::new(&r[0]);
            let path = if path.is_absolute() {
                path.to_owned()
            } else {
                self.dir.join(path)
            };
            let path = path
                .strip_prefix(&self.content)
                .unwrap_or_else(|_| panic!("{} is outside the content", path.display()))
                .to_string_lossy()
                .replace('\\', "/");
            let listed = Listed {
                title: r[2].clone(),
                date: r[3].clone(),
                draft: r[6] == "true",
                permalink: r[7].clone(),
            };
            (path, listed)
        })
        .collect()
    }
}

/// One CSV line as Go's encoding/csv writes it: fields quoted when needed, `""` for a quote.
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

/// A page as Hugo rendered it.
#[derive(Debug)]
struct Page {
    path: String,
    title: String,
    /// The instant, to the nanosecond, with its offset; `None` for Go's zero time.
    date: Option<String>,
    draft: bool,
    words: u64,
    minutes: u64,
    kind: String,
}

impl Page {
    fn from_json(json: &str) -> Page {
        let v: serde_json::Value =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        Page {
            path: text("path").replace('\\', "/"),
            title: text("title"),
            date: (!v["zero"].as_bool().unwrap()).then(|| text("date")),
            draft: v["draft"].as_bool().unwrap(),
            words: v["words"].as_u64().unwrap(),
            minutes: v["minutes"].as_u64().unwrap(),
            kind: text("kind"),
        }
    }
}

/// A row of `hugo list all`.
#[derive(Debug)]
struct Listed {
    title: String,
    date: String,
    draft: bool,
    permalink: String,
}

impl Listed {
    /// The slug the `/p/:slug/` permalink really uses, percent-decoded.
    fn permalink_slug(&self) -> Option<String> {
        let path = self.permalink.strip_prefix("https://example.org/p/")?;
        Some(mdbook_hugo::percent::decode(path.strip_suffix('/').unwrap_or(path)).into_owned())
    }
}

/// What the library reads from a file.
struct Ours {
    title: String,
    slug: Option<String>,
    date: Option<Date>,
    draft: bool,
    words: usize,
    minutes: usize,
}

fn ours(file: &str, source: &str) -> Ours {
    let read = Read::new(file.to_owned(), source, &Shortcodes::builtin());
    let post = read.post.clone().unwrap_or_default();
    Ours {
        title: post.title.clone().unwrap_or_default(),
        slug: post.slug.clone(),
        date: post.date,
        draft: post.draft,
        words: read.scan.words,
        minutes: read.minutes(),
    }
}

/// Hugo's date text as an instant and offset, in the form the library prints.
fn instant(hugo: &str) -> Date {
    // RFC 3339, which the library parses with chrono's own parser.
    date::parse(hugo).unwrap_or_else(|| panic!("Hugo printed a date that is not RFC 3339: {hugo}"))
}

/// Every file Hugo must see: the `.md` files under `content`, SUMMARY.md aside; relative paths.
fn markdown_files(content: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(content, &path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "SUMMARY.md")
        {
            let rel = path.strip_prefix(content).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Hugo's view of every file under `content` against the library's: the disagreements. Word
/// counts that differ are disagreements when `exact_words`, else reported.
fn compare(name: &str, content: &Path, exact_words: bool) -> Vec<String> {
    let site = Site::new(name, content);
    // The normal build: drafts left out.
    let normal = site.build("normal", &[]);
    // Everything, for Hugo's view of every file.
    let all = site.build("all", &["--buildDrafts", "--buildFuture", "--buildExpired"]);
    let listed = site.list();

    let mut files = Vec::new();
    markdown_files(content, content, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no posts under {}", content.display());

    let mut wrong = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(content.join(file)).unwrap();
        let ours = ours(file, &source);
        let Some(page) = all.get(file) else {
            wrong.push(format!("{file}: Hugo does not see it"));
            continue;
        };
        let mut differ = |what: &str, hugo: &dyn std::fmt::Debug, us: &dyn std::fmt::Debug| {
            let (h, u) = (format!("{hugo:?}"), format!("{us:?}"));
            if h != u {
                wrong.push(format!("{file}: {what}: Hugo {h}, ours {u}"));
            }
        };
        let listed = listed.get(file);
        if page.kind == "page" && listed.is_none() {
            differ("in `hugo list all`", &false, &true);
        }
        differ("title", &page.title, &ours.title);
        differ("draft", &page.draft, &ours.draft);
        differ(
            "left out of the normal build",
            &!normal.contains_key(file),
            &ours.draft,
        );
        // Dates as instants (nanoseconds) and the offset the author wrote, which decides the day
        // the header shows. A list page's date is its newest page's: only posts are compared.
        if page.kind == "page" {
            let hugo = page.date.as_deref().map(instant);
            let key = |d: &Date| {
                (
                    d.timestamp(),
                    d.timestamp_subsec_nanos(),
                    d.offset().to_string(),
                )
            };
            differ(
                "date",
                &hugo.as_ref().map(key),
                &ours.date.as_ref().map(key),
            );
        }
        if let Some(row) = listed {
            differ("listed title", &row.title, &ours.title);
            differ("listed draft", &row.draft, &ours.draft);
            // The list prints the instant to the second.
            let listed_date = (!row.date.starts_with("0001-01-01")).then(|| instant(&row.date));
            differ(
                "listed date",
                &listed_date.map(|d| d.timestamp()),
                &ours.date.map(|d| d.timestamp()),
            );
            if let Some(slug) = row.permalink_slug() {
                differ(
                    "slug (from the permalink)",
                    &slug,
                    &ours.slug.clone().unwrap_or_default(),
                );
            }
        }
        // The reading time the header shows must be Hugo's. Word counts are reported: Hugo counts
        // the rendered text, and a construct the library does not follow (a footnote) may shift
        // a few words without changing the minutes.
        differ("reading time (minutes)", &page.minutes, &ours.minutes);
        if page.words as usize != ours.words {
            let line = format!(
                "{file}: Hugo counts {} words, ours {}",
                page.words, ours.words
            );
            if exact_words {
                wrong.push(line);
            } else {
                eprintln!("word count differs: {line}");
            }
        }
    }
    wrong
}

fn require_hugo() {
    support::require("hugo", "the reference for what a Hugo post means");
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn every_file_of_the_book_reads_as_hugo_reads_it() {
    require_hugo();
    let wrong = compare("hugo-book", &support::root().join("book"), false);
    assert!(
        wrong.is_empty(),
        "the library and Hugo disagree:\n{}",
        wrong.join("\n")
    );
}

/// Fixture posts for the cases Hugo is subtle about: file name, then text.
fn fixtures() -> Vec<(String, String)> {
    let mut posts: Vec<(String, String)> = [
        (
            "toml",
            "+++\ntitle = \"TOML post\"\nslug = \"toml-post\"\ndate = 2023-03-04T05:06:07+01:00\n+++\nBody.\n",
        ),
        (
            "toml-local-date",
            "+++\ntitle = \"TOML local date\"\ndate = 2024-07-09\n+++\nBody.\n",
        ),
        (
            "toml-local-datetime",
            "+++\nTITLE = \"TOML local datetime\"\ndate = 2024-07-09T10:11:12\n+++\nBody.\n",
        ),
        (
            "toml-fraction",
            "+++\ntitle = \"TOML fraction\"\ndate = 2024-07-09T10:11:12.5Z\ndraft = true\n+++\nBody.\n",
        ),
        (
            "toml-bom-crlf",
            "\u{feff}+++\r\ntitle = \"TOML, BOM and CRLF\"\r\ndate = \"2024-07-09\"\r\n+++\r\nBody.\r\n",
        ),
        (
            "json",
            "{\n  \"title\": \"JSON post\",\n  \"date\": \"2023-03-04\",\n  \"draft\": false\n}\nBody.\n",
        ),
        (
            "json-one-line",
            "{ \"Title\": \"JSON {braces} \\\"quoted\\\"\", \"slug\": \"json-line\", \"draft\": \"true\" }\nBody.\n",
        ),
        (
            "bom-crlf",
            "\u{feff}---\r\ntitle: BOM and CRLF\r\ndate: 2023-03-04 05:06:07\r\n---\r\nBody.\r\n",
        ),
        (
            "leading-blank-lines",
            "\n\n---\ntitle: Leading blank lines\n---\nBody.\n",
        ),
        ("vim", "---\ntitle: \"Vim (text editor) & More!\"\ndate: 2024-07-09\n---\nBody.\n"),
        ("claude", "---\ntitle: I Replaced Claude.ai\n---\nBody.\n"),
        ("no-slug", "---\ntitle: No Slug Here At All\n---\nBody.\n"),
        ("leading-symbol", "---\ntitle: \"& (Leading) symbols\"\n---\nBody.\n"),
        (
            "unicode-title",
            "---\ntitle: \"  Café  au lait ½ x² Ⅻ \"\n---\nBody.\n",
        ),
        (
            "spaces-title",
            "---\ntitle: \"A & B <c>\u{a0}nbsp\u{200a}hair\"\n---\nBody.\n",
        ),
        (
            "percent-title",
            "---\ntitle: \"Save 100%25 now, 50% off a%zzb x%2Fy p%c3%a9q\"\n---\nBody.\n",
        ),
        ("draft", "---\ntitle: A draft\ndraft: true\n---\nBody.\n"),
        ("draft-yes", "---\ntitle: Draft yes\ndraft: yes\n---\nBody.\n"),
        ("draft-on", "---\ntitle: Draft on\ndraft: On\n---\nBody.\n"),
        ("draft-t", "---\ntitle: Draft t\ndraft: \"t\"\n---\nBody.\n"),
        ("draft-number", "+++\ntitle = \"Draft number\"\ndraft = 1\n+++\nBody.\n"),
        ("draft-false", "---\ntitle: Not a draft\ndraft: false\n---\nBody.\n"),
        (
            "capitalized",
            "---\nTitle: Capitalized Keys\nDate: 2023-03-04T05:06:07+01:00\nSLUG: cap-slug\nDraft: false\n---\nBody.\n",
        ),
        ("slug-spaces", "---\ntitle: x\nslug: My Slug Here\n---\nBody.\n"),
        ("slug-dashes", "---\ntitle: x\nslug: -dashed-\n---\nBody.\n"),
        // Its permalink is `/p/`, as the one with no title has.
        ("slug-symbols", "---\ntitle: Symbols only\nslug: \"(!)\"\n---\nBody.\n"),
        ("slug-number", "+++\ntitle = \"x\"\nslug = 42\n+++\nBody.\n"),
        ("number-title", "---\ntitle: 1984\n---\nBody.\n"),
        ("no-title", "---\ndate: 2024-01-01\n---\nBody.\n"),
        (
            "publishdate-only",
            "---\ntitle: Publish date only\npublishDate: 2024-02-02\n---\nBody.\n",
        ),
        ("pubdate-only", "---\ntitle: pubdate only\npubdate: 2024-02-03\n---\nBody.\n"),
        ("lastmod-only", "---\ntitle: Lastmod only\nlastmod: 2024-03-03\n---\nBody.\n"),
        (
            "date-and-lastmod",
            "---\ntitle: Date and lastmod\ndate: 2024-01-01\nlastmod: 2024-03-03\npublishDate: 2024-02-02\n---\nBody.\n",
        ),
        (
            "words",
            "---\ntitle: Words\n---\n# Don't **kube**let\n\nIt's `kubectl get` and [a link](x)s, A &amp; B.\n\
             ![alt text here](i.png)\n\n<div>raw <b>html</b></div>\n\n- one\n- two\n\n\
             | a | b |\n|---|---|\n| c&nbsp;d | e |\n\n```\ncode block\n```\n",
        ),
        (
            "offset",
            "---\ntitle: An offset\ndate: 2025-02-03T23:30:00-05:00\n---\nBody.\n",
        ),
        (
            "words-notes",
            "---\ntitle: Notes and lists\n---\n## A heading {#custom}\n\nA claim.[^1] Another[^two] and ~~struck~~ \
             words.  \nA hard break\\\nand a backslash one.\n\n- [x] done\n- [ ] to do\n\nTerm\n: its definition\n\n\
             > quoted *text*\n\n***\n\n[^1]: The first note.\n[^two]: The second, longer note.\n",
        ),
        (
            // Hugo's StripHTML: a script or a style has no words, a <br> or </p> parts them.
            "words-html",
            "---\ntitle: Raw HTML\n---\nOne<br>two<br />three <b>four</b>five.\n\n<p>six</p><p>seven</p>\n\n\
             <script>var not = 'words at all';</script>\n\n<style>.x { color: red }</style>\n\n<div\n  \
             class=\"x\">eight nine</div>\n",
        ),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_owned(), t.to_owned()))
    .collect();
    // Each of Hugo's date layouts, and texts it refuses.
    let dates = [
        "2024-07-09",
        "2023-03-04T05:06:07+01:00",
        "2023-03-04T05:06:07Z",
        "2023-03-04T05:06:07.5Z",
        "2023-03-04T05:06:07",
        "Sat, 04 Mar 2023 05:06:07 GMT",
        "Sat, 04 Mar 2023 05:06:07 CET",
        "Sat, 04 Mar 2023 05:06:07 +0100",
        "04 Mar 23 05:06 UTC",
        "04 Mar 23 05:06 -0700",
        "Saturday, 04-Mar-23 05:06:07 UTC",
        "2023-03-04 05:06:07.123 +0100 CET",
        "2023-03-04T05:06:07-0700",
        "2025-02-03 15:00:00+0000",
        "2025-02-03 15:00:00Z",
        "2023-03-04 05:06:07",
        "Sat Mar  4 05:06:07 2023",
        "Sat Mar  4 05:06:07 MST 2023",
        "Sat Mar 04 05:06:07 -0700 2023",
        "2023-03-04 05:06:07+01:00",
        "04 Mar 2023",
        "2023-03-04 05:06:07 -07:00",
        "2023-03-04 05:06:07 -0700",
        // Go's own quirks.
        "2023-03-04 5:06:07",
        "Fri, 04 Mar 2023 05:06:07 GMT",
        "Sat Mar 4 05:06:07 2023",
        "Sat Mar  4 05:06:07 UTC 2023",
        "2023-03-04 05:06:07.123 +0100 UTC",
        "2023-03-04T05:06:07.123",
        "2023-03-04t05:06:07z",
        "2023-03-04T5:06:07Z",
        " 2024-07-09 ",
        "2023-03-04T05:06:07,5Z",
        "Sat, 04 Mar 2023 05:06:07 WITA",
        "Sat, 04 Mar 2023 05:06:07 GMT+3",
        "Mar  4 05:06:07",
        "3:04PM",
        "2023-03-04T05:06:07.1234567891Z",
        // Refused by every layout.
        "2025-02-03 15:00",
        "2025/02/03",
        "3 Feb 2025",
        "2023-03-04 05:06:07 CET",
        "2023-03-04 05:06:07 UTC",
        "2023-3-4",
        "Sat, 4 Mar 2023 05:06:07 GMT",
        "2024-07-09T00:00:00+01",
        "2024-02-30",
        "2023-03-04t05:06:07z",
        "Sat, 04 Mar 2023 05:06:07 Z",
    ];
    for (i, d) in dates.iter().enumerate() {
        posts.push((
            format!("date-{:02}", i + 1),
            format!(
                "---\ntitle: \"Date {:02}\"\ndate: {}\n---\nBody.\n",
                i + 1,
                serde_json::to_string(d).unwrap()
            ),
        ));
    }
    posts
}

#[test]
#[ignore = "needs hugo (.ci/run installs it)"]
fn tricky_posts_read_as_hugo_reads_them() {
    require_hugo();
    let content = support::scratch("hugo-fixtures-content");
    std::fs::create_dir_all(content.join("post")).unwrap();
    for (name, text) in fixtures() {
        std::fs::write(content.join(format!("post/{name}.md")), text).unwrap();
    }
    let wrong = compare("hugo-fixtures", &content, true);
    assert!(
        wrong.is_empty(),
        "the library and Hugo disagree:\n{}",
        wrong.join("\n")
    );
}
