//! A page's summary as hugo 0.111 makes it: the text before the first `<!--more-->` (then
//! `.Truncated` when anything but whitespace follows), else front-matter `summary`, else the
//! page's plain text cut after `summaryLength` (70) words at the end of that sentence
//! (`TruncateWordsToWholeSentence`: every whitespace character counts a word, a sentence ends
//! at `.`, `?`, `!` or a paragraph's end; without one, the whole text), or for a CJK page the
//! first `summaryLength` characters of its words (`TruncateWordsByRune`). Hugo takes the plain
//! text from the rendered page; here it comes from pulldown-cmark's events with mdBook's
//! options: shortcode calls are dropped (Hugo has their output), raw HTML is dropped (Goldmark's
//! default `unsafe: false`), a footnote is its number where it is referenced and its text at the
//! page's end (where Goldmark writes the notes), and Hugo's `&quot;`-escaped quotes never end a
//! sentence.

use crate::strip_html::Markup;
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use text::{Collapsed, Enough};

mod text;

/// Where a summary came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The text before `<!--more-->`.
    Divider,
    /// Front-matter `summary`.
    FrontMatter,
    /// The first words of the page.
    Auto,
}

/// A page's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub source: Source,
    /// The author's markdown for a divider or front-matter summary (render it as a page's
    /// body is rendered); `None` for an automatic one, which is plain text.
    pub markdown: Option<String>,
    /// The summary as plain text (paragraphs end with a newline in an automatic summary,
    /// as in Hugo's).
    pub text: String,
    /// Hugo's `.Truncated`: there is more to read.
    pub truncated: bool,
}

/// The knobs Hugo's summary takes from the site and the page.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `summaryLength`.
    pub length: usize,
    /// The page is CJK (front-matter `isCJKLanguage`, or `hasCJKLanguage` and CJK text).
    pub cjk: bool,
    /// `markup.highlight.lineNos`: highlighted code has line numbers, which are text.
    pub line_numbers: Option<LineNumbers>,
    /// `markup.goldmark.renderer.unsafe`: raw HTML is written as it is, and its text is the
    /// page's (else Goldmark writes `<!-- raw HTML omitted -->`, which has none).
    pub raw_html: bool,
}

/// How Chroma numbers the lines of highlighted code (`markup.highlight`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineNumbers {
    /// `lineNoStart`.
    pub start: usize,
    /// `lineNumbersInTable`: all numbers in a column before the code, else each before its line.
    pub in_table: bool,
    /// `guessSyntax`: blocks without a language are highlighted (and numbered) too.
    pub guess_syntax: bool,
}

const DIVIDER: &str = "<!--more-->";

/// The summary of a page whose body (after front matter) is `body`.
pub fn summary(body: &str, front_matter: Option<&str>, options: Options) -> Summary {
    if let Some(at) = body.find(DIVIDER) {
        let before = body.get(..at).unwrap_or("").trim();
        let after = body.get(at + DIVIDER.len()..).unwrap_or("");
        return Summary {
            source: Source::Divider,
            markdown: Some(before.to_owned()),
            text: plain_text(before, options.line_numbers, options.raw_html)
                .trim()
                .to_owned(),
            truncated: !after.trim().is_empty(),
        };
    }
    if let Some(text) = front_matter.filter(|s| !s.is_empty()) {
        return Summary {
            source: Source::FrontMatter,
            markdown: Some(text.to_owned()),
            text: plain_text(text, options.line_numbers, options.raw_html)
                .trim()
                .to_owned(),
            truncated: false,
        };
    }
    // Words past the first sentence after the limit change nothing: the text stops there.
    let enough = (!options.cjk).then(|| Enough::new(options.length));
    let plain = plain(body, options.line_numbers, options.raw_html, enough);
    let (text, truncated) = if options.cjk {
        by_rune(&plain, options.length)
    } else {
        let text: String = plain.iter().map(|(c, _)| c).collect();
        whole_sentences(&text, options.length)
    };
    Summary {
        source: Source::Auto,
        markdown: None,
        text,
        truncated,
    }
}

/// The `[!TIP]` a GitHub alert's quote opens with, as written.
fn alert_marker(quote: &str) -> Option<&str> {
    let start = quote.find("[!")?;
    let end = start + quote[start..].find(']')? + 1;
    Some(&quote[start..end])
}

/// Whether `text` has Han, Hangul, Hiragana or Katakana (Hugo's test for `hasCJKLanguage`).
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3130..=0x318F
            | 0x31A0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3FFFF)
    })
}

/// The page's text as Hugo's `StripHTML` leaves the rendered page: a paragraph's end and a
/// hard break are newlines, other line ends and block boundaries spaces, whitespace runs one
/// character (the first of the run); highlighted code's line numbers are text too.
pub fn plain_text(markdown: &str, numbers: Option<LineNumbers>, raw_html: bool) -> String {
    plain(markdown, numbers, raw_html, None)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`plain_text`] with each character's length in Hugo's text, which has Goldmark's entities:
/// `&` is `&amp;` (5), a quote the typographer curled `&rsquo;` (7); others count 1. With
/// `enough`, only as much of the text as settles the automatic summary (checked between
/// pulldown-cmark's events: the text may run on to the end of the event that settled it),
/// parsed from a [`prefix`] of the page first (pulldown-cmark parses a page's blocks whole
/// before its first event), the whole page only when the prefix did not settle it.
fn plain(
    markdown: &str,
    numbers: Option<LineNumbers>,
    raw_html: bool,
    enough: Option<Enough>,
) -> Vec<(char, usize)> {
    let source = strip_shortcodes(markdown);
    if let Some(e) = &enough {
        for at_least in PREFIXES {
            let Some(cut) = prefix(&source, at_least) else {
                break;
            };
            if let Some(text) = gather(
                &source[..cut],
                numbers,
                raw_html,
                Some(e.clone()),
                Some(cut),
            ) {
                return text;
            }
        }
    }
    gather(&source, numbers, raw_html, enough, None).unwrap_or_default()
}

/// The sizes of the prefixes tried, in bytes at least: a 70-word summary mostly settles in the
/// first kilobyte of a page.
const PREFIXES: [usize; 2] = [1024, 4096];

/// Where a prefix of `source` at least `at_least` bytes long may end so that its events, up to
/// an event ending before that point, are the whole page's: after a blank line whose next line
/// opens a block at the top (not indented, not a list item, quote or definition, so that no
/// list, quote or indented code runs on and no list turns loose), with no `]:` after it (a link
/// reference or footnote definition that text before it may use). `None`: no such point.
fn prefix(source: &str, at_least: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    // Single bytes are found with memchr; a pair is a byte and its neighbour.
    let pair = |from: usize, a: char, b: u8| {
        let mut at = from;
        loop {
            at += source.get(at..)?.find(a)? + 1;
            if bytes.get(at) == Some(&b) {
                return Some(at - 1);
            }
        }
    };
    let mut from = at_least;
    while from < source.len() && !source.is_char_boundary(from) {
        from += 1;
    }
    while let Some(at) = pair(from, '\n', b'\n') {
        let cut = at + 2;
        let next = bytes.get(cut)?;
        let opens = !matches!(
            next,
            b' ' | b'\t' | b'\n' | b'\r' | b'-' | b'+' | b'*' | b'>' | b':' | b'0'..=b'9'
        );
        if opens {
            return pair(cut, ']', b':').is_none().then_some(cut);
        }
        from = cut;
    }
    None
}

/// The text of `source`'s events. With `cut` (`source` being a prefix ending there), `None`
/// unless `enough` settled at an event that ends before the cut, one that the whole page has
/// too (the events at the cut close what the prefix cut short).
fn gather(
    source: &str,
    numbers: Option<LineNumbers>,
    raw_html: bool,
    mut enough: Option<Enough>,
    cut: Option<usize>,
) -> Option<Vec<(char, usize)>> {
    let mut raw = Collapsed {
        out: Vec::with_capacity(if enough.is_some() { 1024 } else { source.len() }),
        was_space: false,
    };
    let push_text = |raw: &mut Collapsed, text: &str, curled: bool| {
        for c in text.chars() {
            let width = match c {
                '\n' => {
                    raw.push((' ', 1));
                    continue;
                }
                '&' => 5,
                '<' | '>' => 4,
                '"' => 6,
                '‘' | '’' | '“' | '”' | '–' | '—' if curled => 7,
                '…' if curled => 8,
                _ => 1,
            };
            raw.push((c, width));
        }
    };
    // An image's text is its `alt` attribute, which stripping the tags drops.
    let mut in_image = 0usize;
    // Where raw HTML's text is: a tag or a script may run over several of its lines (events).
    let mut markup = Markup::default();
    // A numbered code block's text, gathered to number its lines.
    let mut code: Option<String> = None;
    // Where the last event that was gathered ends.
    let mut last_end = 0;
    // Footnotes by their first reference, as Goldmark numbers them: label, references, text.
    // A definition's text is set apart where it is; Goldmark writes the notes at the page's end.
    let mut notes: Vec<Note> = Vec::new();
    let mut note: Option<(String, Collapsed)> = None;
    for (event, range) in new_cmark_parser(source, &MarkdownOptions::default()).into_offset_iter() {
        if enough.as_mut().is_some_and(|e| e.settled(&raw.out)) {
            return cut.is_none_or(|c| last_end < c).then_some(raw.out);
        }
        last_end = range.end;
        match &event {
            // Hugo 0.111 knows no GitHub alerts: `> [!TIP]` is text of the quote.
            Event::Start(Tag::BlockQuote(Some(_))) => {
                if let Some(marker) = alert_marker(&source[range.clone()]) {
                    push_text(&mut raw, marker, false);
                    raw.push((' ', 1));
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ => {}
        }
        if in_image > 0 {
            continue;
        }
        match &event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let fresh = Collapsed {
                    out: Vec::new(),
                    was_space: false,
                };
                note = Some((label.to_string(), std::mem::replace(&mut raw, fresh)));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, page)) = note.take() {
                    let text = std::mem::replace(&mut raw, page).out;
                    match notes.iter_mut().find(|n| n.label == label) {
                        Some(n) => n.text = n.text.take().or(Some(text)),
                        None => notes.push(Note {
                            label,
                            refs: 0,
                            text: Some(text),
                        }),
                    }
                }
                continue;
            }
            _ => {}
        }
        if let Some(n) = numbers {
            match &event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let has_language =
                        matches!(kind, CodeBlockKind::Fenced(info) if !info.trim().is_empty());
                    if has_language || n.guess_syntax {
                        code = Some(String::new());
                    }
                    continue;
                }
                Event::Text(t) if code.is_some() => {
                    if let Some(c) = code.as_mut() {
                        c.push_str(t);
                    }
                    continue;
                }
                Event::End(TagEnd::CodeBlock) if code.is_some() => {
                    let text = code.take().unwrap_or_default();
                    let lines: Vec<&str> = text
                        .strip_suffix('\n')
                        .unwrap_or(&text)
                        .split('\n')
                        .collect();
                    let mut numbered = String::new();
                    if n.in_table {
                        for i in 0..lines.len() {
                            numbered.push_str(&format!("{} ", n.start + i));
                        }
                        numbered.push_str(&text);
                    } else {
                        for (i, line) in lines.iter().enumerate() {
                            numbered.push_str(&format!("{}{line} ", n.start + i));
                        }
                    }
                    push_text(&mut raw, &numbered, false);
                    raw.push((' ', 1));
                    continue;
                }
                _ => {}
            }
        }
        match event {
            Event::Text(t) => {
                // The typographer's work: curled where the author wrote ASCII.
                let curled = source.get(range).is_some_and(|s| s.is_ascii()) && !t.is_ascii();
                push_text(&mut raw, &t, curled);
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                push_text(&mut raw, &t, false)
            }
            Event::Html(h) | Event::InlineHtml(h) if raw_html => {
                markup.strip(&h, |c| raw.push((c, 1)))
            }
            // Its number, the text of the link Goldmark writes.
            Event::FootnoteReference(label) => {
                let at = match notes.iter().position(|n| *n.label == *label) {
                    Some(i) => i,
                    None => {
                        notes.push(Note {
                            label: label.to_string(),
                            refs: 0,
                            text: None,
                        });
                        notes.len() - 1
                    }
                };
                notes[at].refs += 1;
                push_text(&mut raw, &(at + 1).to_string(), false);
            }
            Event::SoftBreak => raw.push((' ', 1)),
            Event::HardBreak | Event::End(TagEnd::Paragraph) => raw.push(('\n', 1)),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => raw.push((' ', 1)),
            _ => {}
        }
    }
    // The page ended first: settled or not, a prefix has not shown its summary.
    if cut.is_some() {
        return None;
    }
    // The notes, after a rule: each note's text and a back link (`&#160;&#x21a9;&#xfe0e;`,
    // its entities left as they are) for each reference.
    let referenced: Vec<Note> = notes.into_iter().filter(|n| n.refs > 0).collect();
    if !referenced.is_empty() {
        raw.push((' ', 1));
        for Note { refs, text, .. } in referenced {
            let text = text.unwrap_or_default();
            // The note's paragraph ends after its back links.
            let (body, end) = match text.last() {
                Some(('\n', _)) => (&text[..text.len() - 1], true),
                _ => (&text[..], false),
            };
            body.iter().for_each(|&c| raw.push(c));
            for _ in 0..refs {
                [('\u{a0}', 6), ('\u{21a9}', 8), ('\u{fe0e}', 8)]
                    .into_iter()
                    .for_each(|c| raw.push(c));
            }
            raw.push(if end { ('\n', 1) } else { (' ', 1) });
        }
    }
    Some(raw.out)
}

/// A footnote as [`gather`] meets it: its label, how often it is referenced, and its text
/// once its definition is read.
struct Note {
    label: String,
    refs: usize,
    text: Option<Vec<(char, usize)>>,
}

/// `markdown` without shortcode calls: `{{< name args >}}`, `{{% name %}}` and their closing
/// tags are dropped, what they enclose is kept; an escaped `{{</* x */>}}` keeps its text.
fn strip_shortcodes(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("{{") {
        let after = rest.get(start + 2..).unwrap_or("");
        let close = match after.trim_start().chars().next() {
            Some('<') => ">}}",
            Some('%') => "%}}",
            _ => {
                out.push_str(rest.get(..start + 2).unwrap_or(""));
                rest = after;
                continue;
            }
        };
        out.push_str(rest.get(..start).unwrap_or(""));
        let Some(end) = after.find(close) else {
            rest = "";
            break;
        };
        let call = after.get(..end).unwrap_or("");
        if let Some(inner) = call
            .trim_start_matches(['<', '%'])
            .trim()
            .strip_prefix("/*")
            .and_then(|c| c.strip_suffix("*/"))
        {
            let delim = if close == ">}}" {
                ('<', '>')
            } else {
                ('%', '%')
            };
            out.push_str(&format!("{{{{{}{}{}}}}}", delim.0, inner, delim.1));
        }
        rest = after.get(end + close.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Hugo's `TruncateWordsToWholeSentence`.
fn whole_sentences(s: &str, length: usize) -> (String, bool) {
    let mut words = 0;
    let mut last_space = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            words += 1;
            last_space = Some(i);
            if words >= length {
                break;
            }
        }
    }
    let Some(from) = last_space else {
        return (s.trim().to_owned(), false);
    };
    let tail = s.get(from..).unwrap_or("");
    let Some(end) = tail
        .char_indices()
        .find(|&(_, c)| matches!(c, '.' | '?' | '!' | '\n'))
        .map(|(j, c)| from + j + c.len_utf8())
    else {
        return (s.trim().to_owned(), false);
    };
    (s.get(..end).unwrap_or(s).trim().to_owned(), end < s.len())
}

/// Hugo's `TruncateWordsByRune` over the text's words (joined with single spaces): a word of
/// ASCII (as Hugo has it, entities included) counts one, another its characters.
fn by_rune(text: &[(char, usize)], length: usize) -> (String, bool) {
    let words: Vec<&[(char, usize)]> = text
        .split(|(c, _)| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let join = |words: &[&[(char, usize)]], last: Option<&[(char, usize)]>| {
        let mut out: Vec<String> = words
            .iter()
            .map(|w| w.iter().map(|(c, _)| c).collect())
            .collect();
        if let Some(last) = last {
            out.push(last.iter().map(|(c, _)| c).collect());
        }
        out.join(" ")
    };
    let mut count = 0;
    for (index, word) in words.iter().enumerate() {
        if count >= length {
            return (join(words.get(..index).unwrap_or(&[]), None), true);
        }
        let ascii = word.iter().all(|&(c, w)| c.is_ascii() || w > 1);
        let runes: usize = word.iter().map(|&(_, w)| w).sum();
        if ascii {
            count += 1;
        } else if count + runes < length {
            count += runes;
        } else {
            for (ri, &(_, w)) in word.iter().enumerate() {
                if count >= length {
                    let head = word.get(..ri).unwrap_or(&[]);
                    return (join(words.get(..index).unwrap_or(&[]), Some(head)), true);
                }
                count += w;
            }
        }
    }
    (join(&words, None), false)
}

#[cfg(test)]
mod tests;
