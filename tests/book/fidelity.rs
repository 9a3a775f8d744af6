//! Fidelity: every example of the Markdown specs in `tests/spec/` (CommonMark and its smart
//! punctuation, GFM's tables, strikethrough and task lists, pulldown-cmark's extensions) renders
//! the same through the preprocessor as the links it should produce, written by hand, render
//! without it.
//!
//! Two books, one chapter per example (an example with links gets [`ROUNDS`] chapters, its
//! destinations taking another variant in each), so the whole check is two builds:
//! - book A runs mdbook-hugo. Each example is a post: front matter, then the example, whose link
//!   destinations are swapped for links to two target posts written Hugo's way (`/p/<slug>/`, with
//!   an anchor or a query, without the slash, on the base URL, an alias, a `ref`/`relref`
//!   shortcode). Where a swapped destination also shows as plain text or code in the example, that
//!   text gets the Hugo link too: the preprocessor must leave it alone.
//! - book B has no preprocessor: the same examples without front matter, each swapped destination
//!   written as the relative link the preprocessor should make of it (`../../target-a.md#x`).
//!
//! The `<main>` of every example page must be the same in both books once A's post header is
//! taken off. A destination is swapped where it is found in the source at the place pulldown-cmark
//! parsed it from: written literally, it becomes the Hugo link; written with escapes or character
//! references (`/bar\*`), its raw text goes into the Hugo link's query, which the preprocessor
//! must carry over as written. Each swap is checked by parsing the result again (same structure,
//! the links going where intended); an example whose swap fails that check is used as written (it
//! still must render the same with front matter and the preprocessor). The counts are printed
//! (`cargo test --test book fidelity -- --nocapture`), and those two are bounded.

use crate::support::{self, Fixture, page};
use mdbook_markdown::pulldown_cmark::{Event, LinkType, Tag};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

/// The spec files, in `tests/spec/`.
const SPECS: [&str; 11] = [
    "commonmark-spec",
    "commonmark-smart-punct",
    "gfm-table",
    "gfm-strikethrough",
    "gfm-tasklist",
    "ext-footnotes",
    "ext-heading-attrs",
    "ext-definition-lists",
    "ext-blockquote-tags",
    "ext-table",
    "ext-strikethrough",
];

/// Examples whose destination is not found where pulldown-cmark parsed it from, so it is left as
/// written (commonmark-spec examples 31 and 630: a raw-HTML `href` written with `&ouml;`).
const MAX_LEFT_AS_WRITTEN: usize = 2;
/// Chapters whose swap changes how they parse, so they are used as written (commonmark-spec
/// examples 642 and 643: a raw-HTML `href` broken over two lines).
const MAX_UNCHECKED: usize = 2;

/// The fence around an example: 32 backticks.
const FENCE: &str = "````````````````````````````````";

/// Where the example chapters are, under the book's source folder; the targets' relative links
/// climb out of it with this prefix.
const EXAMPLES: &str = "spec";
const UP: &str = "../../";

/// The site's base URL in book A, so absolute links to the site are posts too.
const BASE_URL: &str = "https://example.org";

const TARGET_A: &str = "# Target A\n\n## Section one\n\n## Custom {#custom-id}\n";
const TARGET_B: &str = "## Section one\n\n## Section two\n";

/// One way of linking a target post: as written in book A, and what the preprocessor should
/// make of it (relative to the book's source folder; an example chapter prefixes [`UP`]).
struct Variant {
    hugo: &'static str,
    relative: &'static str,
    /// An absolute URL, so it may stand in an autolink `<...>`.
    absolute: bool,
    /// A shortcode, so only in a markdown destination (not in HTML, not in an autolink), and never
    /// as plain text (the preprocessor rightly expands a shortcode anywhere outside code).
    shortcode: bool,
}

const fn variant(hugo: &'static str, relative: &'static str) -> Variant {
    Variant {
        hugo,
        relative,
        absolute: false,
        shortcode: false,
    }
}

/// Taken in turn, one per swapped destination. Five kinds, each kind's two variants five apart
/// (so any [`ROUNDS`] in a row give a destination one of each kind, where its places allow): the
/// permalink and an alias; with an anchor, and with a query (mdBook's `.md` rewriting drops a
/// query, so the preprocessor links the page itself); on the site's base URL, which may stand in
/// an autolink; without the trailing slash; `ref` and `relref` shortcodes.
const VARIANTS: [Variant; 10] = [
    variant("/p/target-a/", "target-a.md"),
    variant(
        "/p/target-b/#section-one",
        "post/target-b/index.md#section-one",
    ),
    Variant {
        absolute: true,
        ..variant(
            "https://example.org/p/target-a/#custom-id",
            "target-a.md#custom-id",
        )
    },
    variant("/p/target-b", "post/target-b/index.md"),
    Variant {
        shortcode: true,
        ..variant("{{< ref \"target-a.md\" >}}", "target-a.md")
    },
    variant("/old/target-b/", "post/target-b/index.md"),
    variant(
        "/p/target-a/?page=2#section-one",
        "target-a.html?page=2#section-one",
    ),
    Variant {
        absolute: true,
        ..variant("https://example.org/p/target-b/", "post/target-b/index.md")
    },
    variant("/p/target-a#target-a", "target-a.md#target-a"),
    Variant {
        shortcode: true,
        ..variant(
            "{{< relref \"post/target-b/index.md#section-two\" >}}",
            "post/target-b/index.md#section-two",
        )
    },
];

/// How many times an example with links is built, its destinations taking the next variant each
/// time (the first round is every example's only chapter).
const ROUNDS: usize = 5;

/// One example of a spec file.
struct Example {
    spec: &'static str,
    /// Its number in the file, from 1, as the CommonMark spec numbers them.
    number: usize,
    /// The line of its opening fence.
    line: usize,
    markdown: String,
}

impl Example {
    fn name(&self) -> String {
        format!("{} example {}", self.spec, self.number)
    }
}

fn examples() -> Vec<Example> {
    let dir = support::root().join("tests/spec");
    let mut out = Vec::new();
    for spec in SPECS {
        let path = dir.join(format!("{spec}.txt"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = text.split_inclusive('\n').enumerate();
        let mut number = 0;
        while let Some((i, line)) = lines.next() {
            // `example`, and the variants the files use: `example_deflists`, `.example`,
            // `DISABLED example` (markdown all the same, and only its rendering is compared).
            let opens = line
                .strip_prefix(FENCE)
                .is_some_and(|rest| rest.trim_end().contains("example"));
            if !opens {
                continue;
            }
            number += 1;
            let mut markdown = String::new();
            for (_, line) in lines.by_ref() {
                if line.trim_end_matches(['\n', '\r']) == "." {
                    break;
                }
                markdown.push_str(line);
            }
            for (_, line) in lines.by_ref() {
                if line.trim_end() == FENCE {
                    break;
                }
            }
            out.push(Example {
                spec,
                number,
                line: i + 1,
                markdown: markdown.replace('→', "\t"),
            });
        }
        assert!(number > 0, "no examples in {}", path.display());
    }
    out
}

/// How a place in the source holds a destination, which decides what is written there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A markdown destination (inline link or image, reference definition): the range covers the
    /// destination alone, inside `<>` if the example used them.
    Destination,
    /// `<scheme:...>`: the range covers the brackets too.
    Autolink,
    /// The value of a raw HTML `href` or `src`, inside its quotes.
    Html,
    /// The same text as a swapped destination, in text or code: not a link.
    Lookalike,
}

#[derive(Debug, Clone)]
struct Spot {
    range: Range<usize>,
    place: Place,
    /// The destination is written there as parsed; otherwise with escapes or character
    /// references (`/bar\*`, `/f&ouml;&ouml;`), and the range covers that raw text.
    literal: bool,
}

/// An example rewritten for both books.
struct Swapped {
    /// Book A's body (the chapter's front matter is added later) and book B's chapter.
    hugo: String,
    plain: String,
    /// Each swapped destination as parsed, and what it parses as in book A and in book B.
    expect: BTreeMap<String, (String, String)>,
    /// Link places swapped, and lookalikes.
    links: usize,
    lookalikes: usize,
    /// Destinations left as written: a place of theirs could not be found in the source.
    left: usize,
}

impl Swapped {
    fn unchanged(md: &str) -> Swapped {
        Swapped {
            hugo: md.to_owned(),
            plain: md.to_owned(),
            expect: BTreeMap::new(),
            links: 0,
            lookalikes: 0,
            left: 0,
        }
    }
}

/// The destinations of an example by their parsed text, each with every place it is written in
/// the source (`None` for a place not found).
type Places = BTreeMap<String, Vec<Option<Spot>>>;

/// The destinations of `md`, and the ranges of its text and code.
fn locate(md: &str) -> (Places, Vec<Range<usize>>) {
    let mut found = Places::new();
    let mut text = Vec::new();
    let options = MarkdownOptions::default();
    let mut parser = new_cmark_parser(md, &options).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ) => {
                let spot = match link_type {
                    LinkType::Inline => inline_destination(md, range, &dest_url),
                    LinkType::Autolink => {
                        (md.get(range.clone()) == Some(&*format!("<{dest_url}>"))).then_some(Spot {
                            range,
                            place: Place::Autolink,
                            literal: true,
                        })
                    }
                    // `<a@b.c>`: an address, not a URL.
                    LinkType::Email => continue,
                    // Reference links: their definition is the place.
                    _ => continue,
                };
                found.entry(dest_url.to_string()).or_default().push(spot);
            }
            // Raw HTML whose text is its source (not pieced together across container prefixes).
            Event::Html(html) | Event::InlineHtml(html)
                if md.get(range.clone()) == Some(&*html) =>
            {
                for (value, at) in html_links(&html) {
                    // A value with a character reference is not the URL it reads as.
                    let spot = (!value.contains('&')).then(|| Spot {
                        range: range.start + at.start..range.start + at.end,
                        place: Place::Html,
                        literal: true,
                    });
                    found.entry(value).or_default().push(spot);
                }
            }
            Event::Text(_) | Event::Code(_) => text.push(range),
            _ => {}
        }
    }
    for (_, def) in parser.reference_definitions().iter() {
        let spot = definition_destination(md, def.span.clone(), &def.dest);
        found.entry(def.dest.to_string()).or_default().push(spot);
    }
    (found, text)
}

/// Where `dest` is written in the inline link or image spanning `range`: right after the `](`
/// that ends its text (the last one at which it is found, so a nested image's is not taken);
/// failing that, the raw destination after the last `](`.
fn inline_destination(md: &str, range: Range<usize>, dest: &str) -> Option<Spot> {
    let link = md.get(range.clone())?;
    let opens: Vec<usize> = link
        .rmatch_indices("](")
        .map(|(i, _)| range.start + i + 2)
        .collect();
    destination_spot(md, &opens, dest)
}

/// Where `dest` is written in the reference definition spanning `span`, after its `]:`.
fn definition_destination(md: &str, span: Range<usize>, dest: &str) -> Option<Spot> {
    let def = md.get(span.clone())?;
    let colon = def.find("]:")?;
    destination_spot(md, &[span.start + colon + 2], dest)
}

/// `dest` written literally right after one of `opens` (tried in order), else the raw
/// destination after the first.
fn destination_spot(md: &str, opens: &[usize], dest: &str) -> Option<Spot> {
    let spot = |range, literal| Spot {
        range,
        place: Place::Destination,
        literal,
    };
    if let Some(range) = opens.iter().find_map(|&at| literal_after(md, at, dest)) {
        return Some(spot(range, true));
    }
    raw_after(md, *opens.first()?).map(|range| spot(range, false))
}

/// `dest` written literally at `from`, after whitespace, bare or in `<>`.
fn literal_after(md: &str, from: usize, dest: &str) -> Option<Range<usize>> {
    let start = skip_space(md, from);
    let rest = &md[start..];
    if let Some(inner) = rest.strip_prefix('<') {
        return inner
            .strip_prefix(dest)
            .filter(|after| after.starts_with('>'))
            .map(|_| start + 1..start + 1 + dest.len());
    }
    let after = rest.strip_prefix(dest)?;
    (after.is_empty() || after.starts_with(|c: char| c == ')' || c.is_ascii_whitespace()))
        .then_some(start..start + dest.len())
}

/// The destination written at `from`, after whitespace, as CommonMark reads one: inside `<>` up
/// to the first unescaped `>`, or bare up to whitespace or an unbalanced `)`, backslash escapes
/// skipped. The range is the text inside any `<>`.
fn raw_after(md: &str, from: usize) -> Option<Range<usize>> {
    let start = skip_space(md, from);
    let rest = &md[start..];
    let mut chars = rest.char_indices();
    if rest.starts_with('<') {
        chars.next();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '>' => return Some(start + 1..start + i),
                '<' | '\n' => return None,
                _ => {}
            }
        }
        return None;
    }
    let mut depth = 0;
    let mut end = rest.len();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' => depth -= 1,
            c if c.is_ascii_whitespace() || c.is_ascii_control() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    (end > 0).then_some(start..start + end)
}

/// `from`, moved past spaces, tabs and line breaks.
fn skip_space(md: &str, from: usize) -> usize {
    let rest = &md[from..];
    from + (rest.len() - rest.trim_start().len())
}

/// The `href` and `src` values of the tags in a piece of raw HTML, with their ranges in it: tags
/// opened and closed within the piece, comments skipped.
fn html_links(html: &str) -> Vec<(String, Range<usize>)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        i += lt + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |end| i + end + 3);
            continue;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            i += 1;
        }
        let mut values = Vec::new();
        let closed = loop {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i) {
                None => break false,
                Some(b'>') => break true,
                Some(b'/') if bytes.get(i + 1) == Some(&b'>') => break true,
                _ => {}
            }
            let name_start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !b"=>\"'<".contains(b))
            {
                i += 1;
            }
            if i == name_start {
                break false;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut j = i;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if bytes.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            let value = match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => match html[j + 1..].find(q as char) {
                    Some(len) => {
                        i = j + 1 + len + 1;
                        j + 1..j + 1 + len
                    }
                    None => break false,
                },
                Some(_) => {
                    let len = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || "\"'=<>`".contains(c))
                        .unwrap_or(html.len() - j);
                    i = j + len;
                    j..j + len
                }
                None => break false,
            };
            if name == "href" || name == "src" {
                values.push((html[value.clone()].to_owned(), value));
            }
        };
        if closed {
            out.extend(values);
        }
    }
    out
}

/// A destination worth swapping: not empty, not an anchor of the page itself.
fn swappable(dest: &str) -> bool {
    !dest.is_empty() && !dest.starts_with('#')
}

/// Text that is surely a URL and not a word, to swap where it shows outside links too.
fn distinctive(dest: &str) -> bool {
    dest.len() >= 4 && dest.contains(['/', '.', ':'])
}

/// `text` with every ASCII punctuation character backslash-escaped: literal in markdown.
fn literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Ways of linking a target post that can carry a query, for destinations written with escapes
/// or character references: the raw destination goes into the query, where the preprocessor
/// must carry it over as written (and where mdBook's `.md` rewriting would drop it, so the
/// preprocessor links the page itself).
const QUERY_VARIANTS: [(&str, &str); 4] = [
    ("/p/target-a/", "target-a.html"),
    ("/p/target-b", "post/target-b/index.html"),
    ("https://example.org/p/target-a/", "target-a.html"),
    ("/old/target-b/", "post/target-b/index.html"),
];

/// Swaps the destinations of `md` (and, with `lookalikes`, their lookalikes); `next` picks the
/// variants in turn across examples.
fn swap(md: &str, next: &mut usize, lookalikes: bool) -> Swapped {
    let (found, text) = locate(md);
    // Each place and what goes there in book A and in book B.
    let mut edits: Vec<(Spot, String, String)> = Vec::new();
    let mut expect = BTreeMap::new();
    let mut left = 0;
    for (dest, places) in &found {
        if !swappable(dest) {
            continue;
        }
        let Some(places) = places.iter().cloned().collect::<Option<Vec<Spot>>>() else {
            left += 1; // a place not found: the destination stays as it is, everywhere
            continue;
        };
        if places.iter().all(|s| s.literal) {
            let autolink = places.iter().any(|s| s.place == Place::Autolink);
            let html = places.iter().any(|s| s.place == Place::Html);
            let variant = (0..VARIANTS.len())
                .map(|k| &VARIANTS[(*next + k) % VARIANTS.len()])
                .find(|v| (!autolink || v.absolute) && (!(autolink || html) || !v.shortcode))
                .unwrap();
            *next += 1;
            let relative = format!("{UP}{}", variant.relative);
            let parsed_hugo = if variant.shortcode {
                String::new() // not markdown until the preprocessor expands it
            } else {
                variant.hugo.to_owned()
            };
            expect.insert(dest.clone(), (parsed_hugo, relative.clone()));
            for spot in places {
                let (hugo, plain) = match spot.place {
                    Place::Autolink => (
                        format!("<{}>", variant.hugo),
                        format!("[{}]({relative})", literal(variant.hugo)),
                    ),
                    _ => (variant.hugo.to_owned(), relative.clone()),
                };
                edits.push((spot, hugo, plain));
            }
            if lookalikes && !variant.shortcode && distinctive(dest) {
                for at in occurrences(md, &text, dest) {
                    let spot = Spot {
                        range: at,
                        place: Place::Lookalike,
                        literal: true,
                    };
                    edits.push((spot, variant.hugo.to_owned(), variant.hugo.to_owned()));
                }
            }
        } else {
            // Written with escapes or references somewhere: only markdown destinations are,
            // and each keeps its raw text, in the query.
            let raws: Vec<&str> = places.iter().map(|s| &md[s.range.clone()]).collect();
            if places.iter().any(|s| s.place != Place::Destination)
                || raws.iter().any(|r| r.contains('#'))
            {
                left += 1;
                continue;
            }
            let (hugo, page) = QUERY_VARIANTS[*next % QUERY_VARIANTS.len()];
            *next += 1;
            expect.insert(
                dest.clone(),
                (
                    format!("{hugo}?from={dest}"),
                    format!("{UP}{page}?from={dest}"),
                ),
            );
            for (spot, raw) in places.into_iter().zip(raws) {
                let a = format!("{hugo}?from={raw}");
                let b = format!("{UP}{page}?from={raw}");
                edits.push((spot, a, b));
            }
        }
    }
    edits.sort_by_key(|(s, ..)| (s.range.start, s.range.end));
    let mut out = Swapped {
        expect,
        left,
        ..Swapped::unchanged("")
    };
    let mut copied = 0;
    for (spot, hugo, plain) in edits {
        if spot.range.start < copied {
            continue; // a lookalike overlapping a link place: the link place wins
        }
        out.hugo.push_str(&md[copied..spot.range.start]);
        out.plain.push_str(&md[copied..spot.range.start]);
        out.hugo.push_str(&hugo);
        out.plain.push_str(&plain);
        if spot.place == Place::Lookalike {
            out.lookalikes += 1;
        } else {
            out.links += 1;
        }
        copied = spot.range.end;
    }
    out.hugo.push_str(&md[copied..]);
    out.plain.push_str(&md[copied..]);
    out
}

/// The places `dest` shows in `text` (ranges of text and code events) as a word of its own.
fn occurrences(md: &str, text: &[Range<usize>], dest: &str) -> Vec<Range<usize>> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    for range in text {
        for (i, _) in md[range.clone()].match_indices(dest) {
            let at = range.start + i..range.start + i + dest.len();
            if !word(md[..at.start].chars().next_back()) && !word(md[at.end..].chars().next()) {
                out.push(at);
            }
        }
    }
    out
}

/// What a parse of `md` amounts to, for checking a swap: the events with their text left out
/// (runs of text merged, autolinks counted as inline links, as the preprocessor writes them), and
/// every link's and image's destination and title, in order.
struct Shape {
    events: Vec<String>,
    links: Vec<(String, String)>,
}

fn shape(md: &str) -> Shape {
    let mut out = Shape {
        events: Vec::new(),
        links: Vec::new(),
    };
    let options = MarkdownOptions::default();
    for event in new_cmark_parser(md, &options) {
        let e = match event {
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                },
            ) => {
                let link_type = match link_type {
                    LinkType::Autolink => LinkType::Inline,
                    t => t,
                };
                out.links.push((dest_url.to_string(), title.to_string()));
                format!("Start(Link {link_type:?} {id:?})")
            }
            Event::Start(tag) => format!("Start({tag:?})"),
            Event::End(tag) => format!("End({tag:?})"),
            Event::Text(_) => "Text".into(),
            Event::Code(_) => "Code".into(),
            Event::Html(_) => "Html".into(),
            Event::InlineHtml(_) => "InlineHtml".into(),
            other => format!("{other:?}"),
        };
        if e == "Text" && out.events.last().is_some_and(|l| l == "Text") {
            continue;
        }
        out.events.push(e);
    }
    out
}

/// Whether `swapped` is `md` with its links going where intended and nothing else changed:
/// book B's chapter parses as the example does, every swapped link to its relative path; book A's
/// too, to its Hugo link (unless it holds a shortcode, not markdown until the preprocessor
/// expands it).
fn checks(md: &str, swapped: &Swapped) -> bool {
    let before = shape(md);
    let same = |after: &Shape, pick: fn(&(String, String)) -> &String| {
        after.events == before.events
            && after.links.len() == before.links.len()
            && before.links.iter().zip(&after.links).all(|(b, a)| {
                let dest = swapped.expect.get(&b.0).map_or(&b.0, pick);
                a.0 == *dest && a.1 == b.1
            })
    };
    same(&shape(&swapped.plain), |e| &e.1)
        && (swapped.hugo.contains("{{<") || same(&shape(&swapped.hugo), |e| &e.0))
}

fn refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect()
}

/// The `<main>` of a page.
fn main_of(html: &str) -> &str {
    let start = html.find("<main>").map_or(0, |i| i + "<main>".len());
    let end = html.rfind("</main>").unwrap_or(html.len());
    &html[start..end]
}

/// Book A's `<main>` without the post header the preprocessor puts first, or `None` when it is
/// not there. Nothing else of the header can show in the body: its `<h1>` is raw HTML, which
/// mdBook neither gives an id nor counts when it de-duplicates the headings' ids. The header is an HTML block followed by a blank line, so mdBook keeps a newline
/// after it; book B's `<main>` starts with the template's newline instead. Whitespace before the
/// body's first node is all that is trimmed (on both sides), and HTML ignores it there.
fn without_header(main: &str) -> Option<&str> {
    let rest = main
        .trim_start()
        .strip_prefix("<header class=\"hugo-header\">")?;
    let end = rest.find("</header>")? + "</header>".len();
    Some(rest[end..].trim_start())
}

/// The lines of `a` and `b` between their common first and last lines, as a diff would show.
fn diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = String::new();
    for line in &a[head..a.len() - tail] {
        let _ = writeln!(out, "- {line}");
    }
    for line in &b[head..b.len() - tail] {
        let _ = writeln!(out, "+ {line}");
    }
    out
}

fn book_toml(hugo: bool) -> String {
    let mut toml = String::from("[book]\ntitle = \"Fidelity\"\nsrc = \"book\"\n\n");
    if hugo {
        let _ = write!(
            toml,
            "[preprocessor.hugo]\ncommand = {:?}\nafter = [\"index\"]\nbefore = [\"links\"]\nbase-url = \"{BASE_URL}\"\n\n",
            support::binary().display().to_string()
        );
    }
    // Neither the print page nor the search index is compared: both books go without.
    toml.push_str("[output.html.print]\nenable = false\n\n[output.html.search]\nenable = false\n");
    toml
}

/// One chapter of each book: an example, swapped in one round.
struct Case<'a> {
    example: &'a Example,
    /// 0 for every example; from 1, the further rounds of an example with links, each of its
    /// destinations taking the next variant, so that each meets every kind.
    round: usize,
    swapped: Swapped,
}

impl Case<'_> {
    fn name(&self) -> String {
        match self.round {
            0 => self.example.name(),
            r => format!("{} round {r}", self.example.name()),
        }
    }

    fn chapter(&self) -> String {
        let ex = self.example;
        match self.round {
            0 => format!("{EXAMPLES}/{}/{}.md", ex.spec, ex.number),
            r => format!("{EXAMPLES}/{}/{}-{r}.md", ex.spec, ex.number),
        }
    }
}

/// The example swapped with variants from `next`, with its lookalikes if that checks out, else
/// without, else not at all (then named in `unchecked`).
fn case<'a>(
    example: &'a Example,
    round: usize,
    next: usize,
    unchecked: &mut Vec<String>,
) -> Case<'a> {
    let md = &example.markdown;
    let mut case = Case {
        example,
        round,
        swapped: Swapped::unchanged(md),
    };
    match [true, false]
        .into_iter()
        .map(|lookalikes| swap(md, &mut next.clone(), lookalikes))
        .find(|s| checks(md, s))
    {
        Some(swapped) => case.swapped = swapped,
        None => unchecked.push(case.name()),
    }
    case
}

#[test]
fn spec_examples_render_the_same_with_and_without_the_preprocessor() {
    let examples = examples();
    let mut unchecked = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    for (i, ex) in examples.iter().enumerate() {
        let first = case(ex, 0, i, &mut unchecked);
        let rounds = if first.swapped.links > 0 { ROUNDS } else { 1 };
        cases.push(first);
        for round in 1..rounds {
            cases.push(case(ex, round, i + round, &mut unchecked));
        }
    }

    let mut summary = String::from(
        "# Summary\n\n- [Target A](target-a.md)\n- [Target B](post/target-b/index.md)\n",
    );
    for c in &cases {
        let _ = writeln!(summary, "- [{}]({})", c.name(), c.chapter());
    }
    let mut hugo: Vec<(String, String)> = vec![
        ("book.toml".into(), book_toml(true)),
        ("book/SUMMARY.md".into(), summary.clone()),
        (
            "book/target-a.md".into(),
            format!("---\ntitle: Target A\nslug: target-a\n---\n\n{TARGET_A}"),
        ),
        (
            "book/post/target-b/index.md".into(),
            format!(
                "---\ntitle: Target B\nslug: target-b\naliases:\n- /old/target-b/\n---\n\n{TARGET_B}"
            ),
        ),
    ];
    let mut plain: Vec<(String, String)> = vec![
        ("book.toml".into(), book_toml(false)),
        ("book/SUMMARY.md".into(), summary),
        ("book/target-a.md".into(), TARGET_A.into()),
        ("book/post/target-b/index.md".into(), TARGET_B.into()),
    ];
    for c in &cases {
        // The example is all body, even where it starts with `---` itself.
        let front_matter = format!("---\ntitle: {}\n---\n", c.name());
        hugo.push((
            format!("book/{}", c.chapter()),
            front_matter + &c.swapped.hugo,
        ));
        plain.push((format!("book/{}", c.chapter()), c.swapped.plain.clone()));
    }
    let book_a = Fixture::new("fidelity-hugo", &refs(&hugo));
    let book_b = Fixture::new("fidelity-plain", &refs(&plain));
    let (out_a, out_b) = std::thread::scope(|s| {
        let a = s.spawn(|| book_a.build(false));
        let b = s.spawn(|| book_b.build(false));
        (a.join().unwrap(), b.join().unwrap())
    });
    let out_a = out_a.unwrap_or_else(|e| panic!("book A (with mdbook-hugo) does not build: {e}"));
    let out_b = out_b.unwrap_or_else(|e| panic!("book B (without it) does not build: {e}"));

    let mut failures = Vec::new();
    for c in &cases {
        let html = c.chapter().replace(".md", ".html");
        let page_a = page(&out_a, &html);
        let page_b = page(&out_b, &html);
        let b = main_of(&page_b).trim_start();
        match without_header(main_of(&page_a)) {
            Some(a) if a == b => {}
            // No header at all is a difference too: the whole `<main>` is shown.
            a => failures.push((c, a.unwrap_or(main_of(&page_a)).to_owned(), b.to_owned())),
        }
    }

    let total = examples.len();
    let firsts: Vec<&Case> = cases.iter().filter(|c| c.round == 0).collect();
    let with_links = firsts.iter().filter(|c| c.swapped.links > 0).count();
    let links: usize = cases.iter().map(|c| c.swapped.links).sum();
    let with_lookalikes = firsts.iter().filter(|c| c.swapped.lookalikes > 0).count();
    let lookalikes: usize = cases.iter().map(|c| c.swapped.lookalikes).sum();
    let left: Vec<String> = firsts
        .iter()
        .filter(|c| c.swapped.left > 0)
        .map(|c| c.name())
        .collect();
    let list = |names: &[String]| {
        if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join(", "))
        }
    };
    let failed_examples = {
        let mut names: Vec<String> = failures.iter().map(|(c, ..)| c.example.name()).collect();
        names.dedup();
        names.len()
    };
    eprintln!(
        "fidelity: {total} examples, {} chapters in each book\n\
         - {with_links} examples with links swapped for Hugo links, each in {} rounds \
         ({links} places in all)\n\
         - {with_lookalikes} examples with the same Hugo links as text or code ({lookalikes} places in all)\n\
         - {} examples with a destination left as written, not found in the source{}\n\
         - {} chapters used as written, their swap changing how they parse{}\n\
         {} of {total} examples identical ({} of {} chapters)",
        cases.len(),
        ROUNDS,
        left.len(),
        list(&left),
        unchecked.len(),
        list(&unchecked),
        total - failed_examples,
        cases.len() - failures.len(),
        cases.len(),
    );
    // What the check could not use is bounded, so a change that makes more examples uncheckable
    // fails here instead of passing with a longer printed list.
    assert!(
        left.len() <= MAX_LEFT_AS_WRITTEN,
        "{} examples now have a destination left as written (at most {MAX_LEFT_AS_WRITTEN}):{}",
        left.len(),
        list(&left)
    );
    assert!(
        unchecked.len() <= MAX_UNCHECKED,
        "{} chapters are now used as written (at most {MAX_UNCHECKED}):{}",
        unchecked.len(),
        list(&unchecked)
    );
    let mut report = String::new();
    for (c, a, b) in failures.iter().take(25) {
        let _ = writeln!(
            report,
            "\n=== {} (tests/spec/{}.txt:{})\n--- book A source (after its front matter):\n{}\n--- book B source:\n{}\n--- <main>: - book A, header removed; + book B\n{}",
            c.name(),
            c.example.spec,
            c.example.line,
            c.swapped.hugo,
            c.swapped.plain,
            diff(a, b)
        );
    }
    if failures.len() > 25 {
        let _ = writeln!(report, "\n... and {} more", failures.len() - 25);
    }
    assert!(
        failures.is_empty(),
        "{} of {} chapters render differently with the preprocessor:{}\n{report}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .map(|(c, ..)| format!(" {};", c.name()))
            .collect::<String>()
    );
    // Some 80 MB of pages; kept above for a look when the test fails.
    for dir in [&book_a.root, &book_b.root, &out_a, &out_b] {
        // A build folder, or its `html/` when mdBook wrote there.
        let dir = if dir.ends_with("html") {
            dir.parent().unwrap_or(dir)
        } else {
            dir
        };
        let _ = std::fs::remove_dir_all(dir);
    }
}
