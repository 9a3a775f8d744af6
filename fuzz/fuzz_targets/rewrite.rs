//! Any text as chapters of a small book (beside fixed posts with slugs, aliases and headings that
//! its links can reach), through the engine under `mdbook build` and `mdbook serve`
//! settings: never a panic, never a hang, never a chapter dropped unless it is a draft left out,
//! and never the author's body lost.
//!
//! The body check does not trust the rewriter's own idea of what it edits. A line of the body
//! (after the front matter) may change only if it could hold a link: it has one of `[ ] ( )`,
//! follows such a line (a destination may start on the next line), or lies, even partly, in a
//! tag (from a `<` to the next `>`, extended past any quoted value in it: raw HTML, autolinks) or
//! between `{{` and the next `}}`, `{{<` and the next `>}}`, `{{%` and the next `%}}` (shortcodes),
//! or from a call's `{{<`/`{{%` to the end of the next closing tag (its inner content, which what
//! it renders replaces). The book's own shortcodes (an HTML template, a markdown one, an
//! admonition) are in every fuzz book, beside Hugo's built-ins.
//! Every other line must appear in the chapter's output, in the same order.
//!
//! The engine must give the same book, byte for byte, and the same problems on one thread as on
//! several, and over mdBook's JSON (the command's run) as over the book in memory.
//!
//! Input: the first byte picks the settings; the rest is split at 0xFF bytes (never in UTF-8)
//! into up to three chapters, the third a sub-chapter of the second.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_hugo::read::Read;
use mdbook_hugo::shortcodes::registry::Shortcodes;
use mdbook_hugo::config::Settings;
use mdbook_hugo::engine;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::config::Config;
use mdbook_hugo::front_matter::{self, Found};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};

const ALPHA: &str = "---\ntitle: Alpha\nslug: alpha\naliases: [/old/alpha/]\n---\n\n# Alpha\n\n## Section one\n\nText.\n";
const BETA: &str = "+++\ntitle = \"Beta\"\nslug = \"beta\"\nurl = \"/beta-page/\"\n+++\n\nSee {{< ref \"alpha\" >}} and [one](/p/alpha/#section-one).\n";
const HOME: &str = "# Home\n\n[Alpha](/p/alpha/) and <https://example.org/p/beta/>.\n";

/// `[preprocessor.hugo.shortcodes]` of every fuzz book (TOML under `[preprocessor.hugo]`).
const SHORTCODES: &str = r#"shortcodes.notice.template = '<div class="notice {{ .Get 0 }}">{{ .Inner | markdownify }}</div>'
shortcodes.md.template = '**{{ .Get 0 }}** {{ .Inner }} [{{ .Get 1 }}](/p/alpha/)'
shortcodes.alert.admonition = "warning"
shortcodes.alert.kind = 0
shortcodes.alert.title = "title"
"#;

/// The context mdBook would send for the settings the flags pick.
fn context(flags: u8) -> PreprocessorContext {
    let mut toml = String::new();
    if flags & 128 != 0 {
        toml.push_str("[book]\ntitle = \"Fuzz\"\n");
    }
    if flags & 32 != 0 {
        toml.push_str("[build]\nuse-default-preprocessors = false\n");
    }
    toml.push_str("[preprocessor.hugo]\n");
    // The book's own shortcodes: a template printing HTML, one printing markdown, and an
    // admonition, so calls reach the template engine and mdBook's admonitions too.
    toml.push_str(SHORTCODES);
    if flags & 4 != 0 {
        toml.push_str("cards = \"header\"\n");
    }
    if flags & 8 != 0 {
        toml.push_str("drafts = true\n");
    }
    if flags & 16 != 0 {
        toml.push_str("base-url = \"https://example.org\"\n");
    }
    if flags & 64 != 0 {
        toml.push_str("permalink = \"/:slug/\"\n");
    }
    if flags & 1 != 0 {
        toml.push_str("[output.html]\nlive-reload-endpoint = \"__livereload\"\n");
    }
    let config: Config = toml.parse().expect("the fuzz book.toml parses");
    let renderer = if flags & 2 == 0 { "html" } else { "markdown" };
    PreprocessorContext::new("/nonexistent-fuzz-book".into(), config, renderer.into())
}

fn chapter(name: &str, content: &str, path: &str) -> Chapter {
    Chapter::new(name, content.to_owned(), path, Vec::new())
}

fn find<'a>(items: &'a [BookItem], path: &str) -> Option<&'a Chapter> {
    items.iter().find_map(|item| match item {
        BookItem::Chapter(ch) if ch.path.as_deref() == Some(path.as_ref()) => Some(ch),
        BookItem::Chapter(ch) => find(&ch.sub_items, path),
        _ => None,
    })
}

/// The lines of `body` that no edit may touch.
fn untouchable(body: &str) -> Vec<&str> {
    let bytes = body.as_bytes();
    let n = bytes.len();
    let mut may_change = vec![false; n];
    // next[c][i]: the first position >= i holding byte c (n when none).
    let next_of = |c: u8| {
        let mut next = vec![n; n + 1];
        for i in (0..n).rev() {
            next[i] = if bytes[i] == c { i } else { next[i + 1] };
        }
        next
    };
    let (gt, dq, sq) = (next_of(b'>'), next_of(b'"'), next_of(b'\''));
    // A tag: from `<` to the next `>`, and past any quoted value in it (an attribute's value may
    // hold `>`; its tag then ends at the first `>` after the closing quote).
    let mut scanned = 0;
    for start in (0..n).filter(|&i| bytes[i] == b'<') {
        let mut end = (gt[start] + 1).min(n);
        let mut q = scanned.max(start);
        while q < end {
            let close = match bytes[q] {
                b'"' => dq[q + 1],
                b'\'' => sq[q + 1],
                _ => {
                    q += 1;
                    continue;
                }
            };
            end = end.max(if close < n { (gt[close] + 1).min(n) } else { n });
            q += 1;
        }
        scanned = scanned.max(end);
        may_change[start..end].iter_mut().for_each(|b| *b = true);
    }
    let mut mark_between = |open: &str, close: &str| {
        let mut from = 0;
        while let Some(i) = body[from..].find(open) {
            let start = from + i;
            let end = body[start + open.len()..]
                .find(close)
                .map_or(body.len(), |j| start + open.len() + j + close.len());
            may_change[start..end].iter_mut().for_each(|b| *b = true);
            from = start + 1;
        }
    };
    // A shortcode opened with `{{<` closes at `>}}`, with `{{%` at `%}}`: an earlier `}}` does
    // not end it.
    mark_between("{{", "}}");
    mark_between("{{<", ">}}");
    mark_between("{{%", "%}}");
    // What a call renders replaces its inner content too (a `comment` renders nothing, a `qr`
    // an image). A closing tag of any name ends the innermost call open, so every opening tag
    // is taken as open (more than really are, which only makes the regions longer) and each
    // closing tag ends the last one: the region runs from the opening to the end of the closing
    // tag, or to the end of the body.
    let mut depth = vec![0i32; n + 1];
    let mut open: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("{{").map(|i| from + i) {
        from = i + 2;
        let rest = &body[i + 2..];
        let Some(tag) = rest.strip_prefix(['<', '%']) else {
            continue;
        };
        let tag = tag.trim_start();
        if tag.starts_with("/*") {
            continue;
        }
        if !tag.starts_with('/') {
            open.push(i);
            continue;
        }
        let close = if rest.starts_with('<') { ">}}" } else { "%}}" };
        let end = rest.find(close).map_or(n, |j| i + 2 + j + close.len());
        if let Some(start) = open.pop() {
            depth[start] += 1;
            depth[end] -= 1;
        }
    }
    for start in open {
        depth[start] += 1;
        depth[n] -= 1;
    }
    let mut level = 0;
    for (b, d) in may_change.iter_mut().zip(&depth) {
        level += d;
        *b |= level > 0;
    }
    let mut out = Vec::new();
    let mut offset = 0;
    let mut previous_had_link = false;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let has_link = text.contains(['[', ']', '(', ')']);
        let touched = may_change[offset..offset + line.len()].iter().any(|&b| b);
        if !has_link && !previous_had_link && !touched && !text.trim().is_empty() {
            out.push(text);
        }
        previous_had_link = has_link;
        offset += line.len();
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let ctx = context(flags);
    let settings = Settings::from_context(&ctx).expect("the fuzz settings are valid");
    let sources: Vec<String> = rest
        .split(|&b| b == 0xFF)
        .take(3)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect();
    let paths = ["post/f0/index.md", "post/f1/index.md", "post/f1/sub.md"];

    let mut items = vec![
        BookItem::Chapter(chapter("Home", HOME, "_index.md")),
        BookItem::Chapter(chapter("Alpha", ALPHA, "post/alpha/index.md")),
    ];
    let mut fuzzed: Vec<Chapter> = sources
        .iter()
        .zip(paths)
        .map(|(s, p)| chapter("Fuzzed", s, p))
        .collect();
    if fuzzed.len() == 3 {
        let sub = fuzzed.pop().unwrap();
        fuzzed[1].sub_items.push(BookItem::Chapter(sub));
    }
    items.extend(fuzzed.into_iter().map(BookItem::Chapter));
    items.push(BookItem::Chapter(chapter("Beta", BETA, "post/beta.md")));
    let book = Book::new_with_items(items);

    let input = serde_json::to_string(&(&ctx, &book)).expect("a book serializes");
    let (out, problems) = engine::run_book(&settings, book, 1);

    // Over JSON, on several threads: the same book, byte for byte, and the same problems.
    let mut json = Vec::new();
    let report = engine::run_json(input, &mut json, 4).expect("the run over JSON runs");
    assert_eq!(report.problems, problems, "problems differ between one thread and four");
    assert!(
        json == serde_json::to_vec(&out).expect("a book serializes"),
        "the book differs between one thread and four"
    );

    for (source, path) in sources.iter().zip(paths) {
        let Some(ch) = find(&out.items, path) else {
            let read = Read::new(path.into(), source, &Shortcodes::builtin());
            assert!(
                !settings.drafts && read.post.is_some_and(|p| p.draft),
                "{path} was dropped but is no draft left out\n{source:?}"
            );
            continue;
        };
        let body_start = match front_matter::find(source) {
            Found::Block(block) => block.body_start,
            _ => 0,
        };
        let mut at = 0;
        for line in untouchable(&source[body_start..]) {
            match ch.content[at..].find(line) {
                Some(i) => at += i + line.len(),
                None => panic!(
                    "{path}: the body line {line:?} is lost or out of order\nsource: {source:?}\noutput: {:?}",
                    ch.content
                ),
            }
        }
    }
});
