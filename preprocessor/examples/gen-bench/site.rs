//! `gen-bench N --site DIR`: the same series as a Hugo site, and the two inputs the benchmark's
//! site-mode row compares. In DIR:
//! - the site: `hugo.toml` (`permalinks: post = "/p/:slug/"`, `enableEmoji`, lastmods from the
//!   files' times), `content/post/<slug>/index.md`
//!   leaf bundles (the series' posts, each with the `architecture.svg` its `figure` shows), the
//!   `_index.md` of the home page, of the `post` and `page` sections and of each category,
//!   an about page, `layouts/shortcodes/notice.html` and two one-line page layouts so that
//!   `hugo -s DIR` builds it;
//! - `book/`: a book made from the site (`book.toml` with `chapters = "site"` and `site = ".."`,
//!   `src/SUMMARY.md` listing no chapter), so `mdbook build DIR/book` works;
//! - `site.json`: what mdBook sends for that book, an empty book (the site is read from disk);
//! - `full.json`: the same book as chapters, what mdBook would send if SUMMARY.md listed every
//!   page of the site (the home page, the sections, the about page, every post), for the floor.
//!
//! Every post has one category of `5 + N/1000`, a topic tag of `max(4, N/25)` drawn with a skew
//! (from about a dozen posts for the rarest topic to about `N/20` for the commonest) and a series
//! tag shared by eight consecutive posts, so term pages hold from a few to hundreds of posts.

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};
use mdbook_preprocessor::config::Config;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

const CATEGORIES: [&str; 16] = [
    "kubernetes",
    "networking",
    "storage",
    "scheduling",
    "security",
    "observability",
    "operations",
    "architecture",
    "controllers",
    "nodes",
    "traffic",
    "configuration",
    "scaling",
    "api",
    "runtime",
    "tooling",
];

/// A deterministic 64-bit mix of `x` (splitmix64's finalizer).
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn category(c: usize) -> String {
    CATEGORIES
        .get(c)
        .map_or_else(|| format!("category-{c}"), |s| (*s).to_owned())
}

/// Post `i`'s `categories:` and `tags:` front matter lines.
fn terms(i: usize, n: usize) -> String {
    let categories = 5 + n / 1000;
    let topics = (n / 25).max(4);
    let c = (mix(i as u64) % categories as u64) as usize;
    // u in [0, 1), squared: topic k gets a share sqrt((k+1)/T) - sqrt(k/T) of the posts.
    let u = (mix(i as u64 ^ 0x5eed) >> 11) as f64 / (1u64 << 53) as f64;
    let topic = ((u * u * topics as f64) as usize).min(topics - 1);
    format!(
        "categories:\n- {}\ntags:\n- topic-{topic:03}\n- series-{:04}\n",
        category(c),
        i / 8
    )
}

const HUGO_TOML: &str = r#"baseURL = "https://bench.example.org/"
title = "Benchmark site"
languageCode = "en"
# The stages these settings turn on run too: emoji in every body, lastmods from the files.
enableEmoji = true

[frontmatter]
lastmod = ["lastmod", ":fileModTime"]

[permalinks]
post = "/p/:slug/"
page = "/:slug/"

[params]
mainSections = ["post"]
"#;

/// The figure every post shows, in its bundle.
const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
<rect x="4" y="4" width="100" height="72" rx="6" fill="#e8f0fe" stroke="#1a73e8"/>
<rect x="136" y="4" width="100" height="72" rx="6" fill="#e6f4ea" stroke="#188038"/>
<path d="M104 40h32" stroke="#5f6368" stroke-width="2"/>
</svg>
"##;

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// A page of the site that is not a post: (path below `content/`, chapter path, title, text).
fn pages(n: usize) -> Vec<(String, String, String, String)> {
    let page = |title: &str, body: &str| format!("---\ntitle: {title}\n---\n\n{body}\n");
    let mut out = vec![
        (
            "_index.md".into(),
            "index.md".into(),
            "Benchmark site".into(),
            page(
                "Benchmark site",
                "A synthetic blog: the series of posts the benchmark reads, as a Hugo site.",
            ),
        ),
        (
            "post/_index.md".into(),
            "post/index.md".into(),
            "Posts".into(),
            page("Posts", "Every post of the series, newest first."),
        ),
        (
            "page/_index.md".into(),
            "page/index.md".into(),
            "Pages".into(),
            page("Pages", "The pages that are not posts."),
        ),
        (
            "page/about/index.md".into(),
            "about/index.md".into(),
            "About".into(),
            "---\ntitle: About\nslug: about\n---\n\nWho writes [this series](/p/bench-post-00000/), and why.\n".into(),
        ),
    ];
    for c in 0..5 + n / 1000 {
        let name = category(c);
        out.push((
            format!("categories/{name}/_index.md"),
            format!("categories/{name}/index.md"),
            name.clone(),
            format!(
                "---\ntitle: {name}\ndescription: Posts about {name}, from the benchmark's series.\n---\n"
            ),
        ));
    }
    out
}

fn book_toml(site: &str, chapters_site: bool) -> String {
    let mut toml = String::from(
        "[book]\ntitle = \"Benchmark site\"\nsrc = \"src\"\n\n[build]\nbuild-dir = \"out\"\n\n\
         [preprocessor.hugo]\ncommand = \"mdbook-hugo\"\nafter = [\"index\"]\nbefore = [\"links\"]\n",
    );
    let _ = writeln!(toml, "site = {site:?}");
    if chapters_site {
        toml.push_str("chapters = \"site\"\n");
    }
    toml.push_str(
        "\n[output.html]\nadditional-css = [\"src/mdbook-hugo/hugo.css\", \"src/mdbook-hugo/shortcodes.css\"]\n\
         additional-js = [\"src/mdbook-hugo/shortcodes.js\"]\n",
    );
    toml
}

fn write_json(out: &Path, ctx: &PreprocessorContext, book: &Book) {
    let file =
        std::fs::File::create(out).unwrap_or_else(|e| panic!("creating {}: {e}", out.display()));
    let mut w = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut w, &(ctx, book)).expect("writing the JSON");
    w.flush().expect("writing the JSON");
}

/// Writes the site of `n` posts, its book and both JSON inputs into `dir`.
pub fn write_site(n: usize, dir: &Path) {
    let content = dir.join("content");
    let _ = std::fs::remove_dir_all(&content);
    write(&dir.join("hugo.toml"), HUGO_TOML);
    super::write_layouts(dir);
    write(
        &dir.join("layouts/_default/single.html"),
        "{{ .Content }}\n",
    );
    write(
        &dir.join("layouts/_default/list.html"),
        "{{ range .Pages }}{{ .Title }}\n{{ end }}",
    );
    let mut chapters = Vec::with_capacity(n + 32);
    for (file, path, title, text) in pages(n) {
        write(&content.join(file), &text);
        chapters.push(Chapter::new(&title, text, path, Vec::new()));
    }
    for i in 0..n {
        let bundle = content.join("post").join(super::slug(i));
        let text = super::post_with_terms(i, n, &terms(i, n));
        write(&bundle.join("index.md"), &text);
        write(&bundle.join("architecture.svg"), SVG);
        let path = format!("p/{}/index.md", super::slug(i));
        chapters.push(Chapter::new(&super::title(i), text, path, Vec::new()));
    }

    let book_dir = dir.join("book");
    let src = book_dir.join("src");
    write(&src.join("SUMMARY.md"), "# Summary\n");
    write(&book_dir.join("book.toml"), &book_toml("..", true));
    let root = std::path::absolute(&book_dir).expect("the book's folder as an absolute path");
    let site = std::path::absolute(dir).expect("the site's folder as an absolute path");
    let site = site.to_string_lossy();
    let context = |chapters_site: bool| {
        let config: Config = book_toml(&site, chapters_site)
            .parse()
            .expect("the generated book.toml parses");
        PreprocessorContext::new(root.clone(), config, "html".into())
    };
    write_json(&dir.join("site.json"), &context(true), &Book::new());
    let items = chapters
        .into_iter()
        .enumerate()
        .map(|(k, mut ch)| {
            ch.number = Some(SectionNumber::new(vec![k as u32 + 1]));
            BookItem::Chapter(ch)
        })
        .collect();
    write_json(
        &dir.join("full.json"),
        &context(false),
        &Book::new_with_items(items),
    );
}
