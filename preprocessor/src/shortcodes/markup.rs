//! HTML the way Hugo's templates write it (Go's html/template): a value in a URL attribute is
//! checked and percent-encoded for its place in the URL, `markdownify` and `plainify` as Hugo
//! defines them, and the last pass every HTML output goes through, which makes it one line that
//! markdown leaves alone wherever the stage puts it.

use crate::escape;
use mdbook_markdown::pulldown_cmark::{CowStr, Event, Tag, TagEnd, html};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::collections::HashSet;
use std::fmt::Write;

/// Renders `markdown` to HTML with the options mdBook renders chapters with: the default
/// [`super::page::Site::markdown`].
pub fn render_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(
        &mut out,
        new_cmark_parser(markdown, &MarkdownOptions::default()),
    );
    out
}

/// Renders `markdown` as Hugo's `markdownify` and `.RenderString` render it before trimming:
/// mdBook's options, and Goldmark's automatic heading ids (GitHub style, as `anchorize` makes
/// them; `-1`, `-2` for an id already given in the same text; `{#id}` kept), which mdBook gives
/// the page's own headings but not those in a template's HTML.
pub(crate) fn render_with_heading_ids(markdown: &str) -> String {
    let mut events: Vec<Event> = new_cmark_parser(markdown, &MarkdownOptions::default()).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while let Some(event) = events.get(i) {
        if let Event::Start(Tag::Heading { id: None, .. }) = event {
            let mut text = String::new();
            for e in events.iter().skip(i + 1) {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = crate::template::anchorize(&text);
            let mut id = base.clone();
            let mut n = 0;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            if let Some(Event::Start(Tag::Heading { id: slot, .. })) = events.get_mut(i) {
                *slot = Some(CowStr::from(id.clone()));
            }
            used.insert(id);
        } else if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            used.insert(id.to_string());
        }
        i += 1;
    }
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Where in a URL attribute a value lands, which decides how html/template escapes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The whole URL, or its start: its scheme is checked, then it is normalized.
    Start,
    /// After literal text, before any `?`: normalized (what is not valid in a URL is encoded).
    Path,
    /// In the query: every byte but letters, digits and `-._~` is encoded.
    Query,
}

/// `value` for a URL attribute at `part`, escaped for the attribute. At the start, a URL with a
/// scheme other than http(s) is refused with the reason (Hugo would write `#ZgotmplZ`).
pub(crate) fn url(value: &str, part: Part) -> Result<String, String> {
    if part == Part::Start
        && let Some(why) = escape::refuse_url(value)
    {
        return Err(why);
    }
    Ok(escape::html(&percent(value, part)))
}

/// `value` percent-encoded as html/template encodes it at `part` (`%` kept but in the query,
/// hex digits in lower case), not yet escaped for HTML.
pub(crate) fn percent(value: &str, part: Part) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for &b in value.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (part != Part::Query
                && matches!(
                    b,
                    b'!' | b'#'
                        | b'$'
                        | b'&'
                        | b'*'
                        | b'+'
                        | b','
                        | b'/'
                        | b':'
                        | b';'
                        | b'='
                        | b'?'
                        | b'@'
                        | b'['
                        | b']'
                        | b'%'
                ));
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02x}");
        }
    }
    out
}

/// Hugo's `markdownify`: the markdown rendered, and when that is a single paragraph, without
/// its `<p>` (Hugo's TrimShortHTML, which also counts `<pre` as a paragraph). Where Hugo's rule
/// applies to output that does not start with the paragraph (a list, then one paragraph), Hugo
/// takes the last `</p>` alone and leaves `<p>` open; browsers close it, but mdBook's renderer
/// then drops the closing tag of whatever holds it (a template's `</div>`), and the rest of the
/// page ends up inside. The book keeps such output whole, as a browser reads Hugo's.
pub(crate) fn markdownify(render: &dyn Fn(&str) -> String, markdown: &str) -> String {
    let html = render(markdown);
    let first = html.find("<p");
    let last = html.rfind("<p");
    let closing_p = html.rfind("</p>");
    let closing = html.rfind("</");
    let t = html.trim();
    if first == last && closing_p == closing && (first.is_none() || t.starts_with("<p>")) {
        let t = t.strip_prefix("<p>").unwrap_or(t);
        let t = t.strip_suffix("</p>").unwrap_or(t);
        t.trim().to_owned()
    } else {
        html
    }
}

/// Hugo's `plainify` of rendered HTML, as text: tags removed, runs of whitespace made one, and
/// character references decoded (Hugo leaves them, then escapes them again; we don't).
pub(crate) fn plainify(html: &str) -> String {
    decode(untagged(html, true).trim())
}

/// The text a browser shows of `html` where whitespace counts (in `<pre>`): tags removed,
/// character references decoded, whitespace as it is.
pub(crate) fn visible_text(html: &str) -> String {
    decode(&untagged(html, false))
}

/// `html` with its tags removed, and runs of whitespace made one space when `squeeze`.
fn untagged(html: &str, squeeze: bool) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if squeeze && c.is_whitespace() => {
                if !text.ends_with(char::is_whitespace) {
                    text.push(' ');
                }
            }
            c => text.push(c),
        }
    }
    text
}

/// `text` with its character references decoded (the ones markdown renderers write, and
/// numeric ones); anything else is left as written.
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| reference(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// Text that markdown would read as markup inside a paragraph, and `{`, which could start one of
/// mdBook's `{{#...}}` directives.
fn significant(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' | '{' | '$'
    )
}

/// The last pass of every HTML output: one line, and inert as markdown. Outside tags, line
/// breaks become `&#10;` (still a line break in `<pre>`, a space elsewhere) and markdown's
/// punctuation a character reference; inside tags, breaks become spaces, and `{` in a quoted
/// value a reference. The HTML reads the same to a browser, and mdBook's markdown passes it
/// through whether it lands in a paragraph or on a line of its own.
pub(crate) fn inert(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    for c in html.chars() {
        match (in_tag, quote, c) {
            (_, _, '\r') => {}
            (false, _, '<') => {
                in_tag = true;
                out.push(c);
            }
            (false, _, '\n') => out.push_str("&#10;"),
            (false, _, c) if significant(c) => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            (true, None, '>') => {
                in_tag = false;
                out.push(c);
            }
            (true, None, '"' | '\'') => {
                quote = Some(c);
                out.push(c);
            }
            (true, Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (true, None, '\n') => out.push(' '),
            (true, Some(_), '\n') => out.push_str("&#10;"),
            (true, Some(_), '{') => out.push_str("&#123;"),
            (_, _, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
