//! Raw HTML as a browser tokenizes it, for the attributes links and anchors live in: start tags
//! with their attributes (name, `=`, a quoted or unquoted value, duplicates dropped), comments,
//! doctypes and bogus comments skipped, and the text of `<script>`, `<style>`, `<textarea>`,
//! `<title>` and the other raw-text elements taken as text, never as tags. It is fed the raw
//! HTML events of a chapter in order and keeps its state between the lines of one HTML block, so
//! a tag may span lines. Attribute values are decoded as a browser decodes them (every HTML5
//! named character reference, numeric references, the attribute-value rules for references
//! without a `;`).

use std::borrow::Cow;
use std::ops::Range;

/// An attribute of a start tag, as the browser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// The element's name, lowercased.
    pub element: String,
    /// The attribute's name, lowercased.
    pub name: String,
    /// The value as written, without its quotes, and where it is in the source.
    pub raw: Range<usize>,
    /// The byte offset right after the tag's `>` (or the end of the text fed, when the tag is
    /// cut off), where a mark about the attribute may go.
    pub tag_end: usize,
}

/// The tokenizer's place in the HTML, kept between the pieces fed to it.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    state: State,
    /// The start tag being read: its name, and its attributes so far (name, raw value range).
    tag: Option<Tag>,
    /// Inside a raw-text element: the end tag that closes it.
    raw_text: Option<&'static str>,
    /// Attributes of finished start tags, waiting for [`Tokenizer::take`].
    done: Vec<Attribute>,
}

#[derive(Debug, Clone, Default)]
struct Tag {
    element: String,
    end: bool,
    attrs: Vec<(String, Range<usize>)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum State {
    #[default]
    Data,
    TagName,
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
    AfterQuoted,
    /// `<!--` ... `-->`.
    Comment,
    /// `<!...>`, `<?...>`, `</ ...>`: up to the next `>`.
    Bogus,
}

/// Elements whose content is text up to their end tag (with scripting on, as in a browser).
const RAW_TEXT: [&str; 9] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

impl Tokenizer {
    /// Reads `html`, which starts at byte `base` of the source.
    pub fn feed(&mut self, html: &str, base: usize) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if let Some(end) = self.raw_text {
                match find_end_tag(html, i, end) {
                    Some(at) => {
                        self.raw_text = None;
                        i = at;
                    }
                    None => return,
                }
            }
            let b = bytes[i];
            match self.state {
                State::Data => {
                    if b == b'<' {
                        i = self.tag_open(html, i);
                        continue;
                    }
                }
                State::TagName => match b {
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => self.state = State::BeforeName,
                    b'/' => self.state = State::BeforeName,
                    b'>' => self.emit(base + i + 1),
                    _ => {
                        if let Some(tag) = &mut self.tag {
                            tag.element.push(b.to_ascii_lowercase() as char);
                        }
                    }
                },
                State::BeforeName | State::AfterName => match b {
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {}
                    b'/' => self.state = State::BeforeName,
                    b'>' => self.emit(base + i + 1),
                    b'=' if self.state == State::AfterName => self.state = State::BeforeValue,
                    // `=` before any name starts a name of its own.
                    b'=' => {
                        if let Some(tag) = &mut self.tag {
                            tag.attrs.push(("=".into(), 0..0));
                        }
                        self.state = State::Name;
                    }
                    _ => {
                        if let Some(tag) = &mut self.tag {
                            tag.attrs.push((String::new(), 0..0));
                        }
                        self.state = State::Name;
                        continue;
                    }
                },
                State::Name => match b {
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => self.state = State::AfterName,
                    b'/' => self.state = State::BeforeName,
                    b'>' => self.emit(base + i + 1),
                    b'=' => self.state = State::BeforeValue,
                    _ => {
                        // One character of the name (possibly several bytes of UTF-8).
                        let len = utf8_len(b);
                        if let (Some(attr), Some(c)) = (
                            self.tag.as_mut().and_then(|t| t.attrs.last_mut()),
                            html.get(i..i + len),
                        ) {
                            attr.0.push_str(&c.to_ascii_lowercase());
                        }
                        i += len;
                        continue;
                    }
                },
                State::BeforeValue => match b {
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {}
                    b'"' | b'\'' => {
                        self.set_value(base + i + 1);
                        self.state = State::Quoted(b);
                    }
                    b'>' => self.emit(base + i + 1),
                    _ => {
                        self.set_value(base + i);
                        self.state = State::Unquoted;
                        continue;
                    }
                },
                State::Quoted(q) => {
                    // Up to the closing quote, in one search.
                    match bytes[i..].iter().position(|&c| c == q) {
                        Some(n) => {
                            self.end_value(base + i + n);
                            self.state = State::AfterQuoted;
                            i += n + 1;
                        }
                        None => {
                            self.end_value(base + bytes.len());
                            i = bytes.len();
                        }
                    }
                    continue;
                }
                State::Unquoted => match b {
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {
                        self.end_value(base + i);
                        self.state = State::BeforeName;
                    }
                    b'>' => {
                        self.end_value(base + i);
                        self.emit(base + i + 1);
                    }
                    _ => self.end_value(base + i + 1),
                },
                State::AfterQuoted => match b {
                    b'>' => self.emit(base + i + 1),
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' => self.state = State::BeforeName,
                    _ => {
                        self.state = State::BeforeName;
                        continue;
                    }
                },
                State::Comment => match comment_end(&bytes[i..]) {
                    Some(n) => {
                        self.state = State::Data;
                        i += n;
                        continue;
                    }
                    None => return,
                },
                State::Bogus => match bytes[i..].iter().position(|&c| c == b'>') {
                    Some(n) => {
                        self.state = State::Data;
                        i += n + 1;
                        continue;
                    }
                    None => return,
                },
            }
            i += 1;
        }
    }

    /// At the end of an HTML block: a tag left open there ends with it (its attributes count).
    pub fn end_block(&mut self, at: usize) {
        if self.tag.is_some() {
            self.emit(at);
        }
        if matches!(self.state, State::Bogus) {
            self.state = State::Data;
        }
    }

    /// The attributes of the start tags finished so far, in source order.
    pub fn take(&mut self) -> Vec<Attribute> {
        std::mem::take(&mut self.done)
    }

    /// At a `<` in data: a start tag, an end tag, a comment, a doctype, or just text. Returns
    /// where to go on.
    fn tag_open(&mut self, html: &str, at: usize) -> usize {
        let rest = &html.as_bytes()[at + 1..];
        match rest.first() {
            Some(b'!') => {
                if rest.starts_with(b"!--") {
                    // `<!-->` and `<!--->` close at once.
                    let after = at + 4;
                    for abrupt in [">", "->"] {
                        if html[after..].starts_with(abrupt) {
                            return after + abrupt.len();
                        }
                    }
                    self.state = State::Comment;
                    after
                } else {
                    self.state = State::Bogus;
                    at + 2
                }
            }
            Some(b'?') => {
                self.state = State::Bogus;
                at + 2
            }
            Some(b'/') => match rest.get(1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.tag = Some(Tag {
                        end: true,
                        ..Tag::default()
                    });
                    self.state = State::TagName;
                    at + 2
                }
                Some(b'>') => at + 3,
                Some(_) => {
                    self.state = State::Bogus;
                    at + 2
                }
                None => at + 2,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                self.tag = Some(Tag::default());
                self.state = State::TagName;
                at + 1
            }
            _ => at + 1,
        }
    }

    fn set_value(&mut self, at: usize) {
        if let Some(attr) = self.tag.as_mut().and_then(|t| t.attrs.last_mut()) {
            attr.1 = at..at;
        }
    }

    fn end_value(&mut self, at: usize) {
        if let Some(attr) = self.tag.as_mut().and_then(|t| t.attrs.last_mut()) {
            attr.1.end = at.max(attr.1.start);
        }
    }

    /// The tag ends at `tag_end`: its attributes are done (the first of each name counts).
    fn emit(&mut self, tag_end: usize) {
        self.state = State::Data;
        let Some(tag) = self.tag.take() else {
            return;
        };
        if tag.end {
            return;
        }
        let mut seen: Vec<&str> = Vec::with_capacity(tag.attrs.len());
        for (name, raw) in &tag.attrs {
            if name.is_empty() || seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            self.done.push(Attribute {
                element: tag.element.clone(),
                name: name.clone(),
                raw: raw.clone(),
                tag_end,
            });
        }
        self.raw_text = RAW_TEXT.iter().copied().find(|&e| e == tag.element);
    }
}

/// Where the end tag `</name` (then whitespace, `/` or `>`) starts in `html[from..]`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(n) = bytes.get(i..)?.windows(2).position(|w| w == b"</") {
        let at = i + n;
        let tail = &bytes[at + 2..];
        if tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                tail.get(name.len()),
                Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            )
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// The length of a comment's text and its closing `-->` (or `--!>`), when it closes in `rest`.
fn comment_end(rest: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(n) = rest.get(i..)?.windows(2).position(|w| w == b"--") {
        let at = i + n + 2;
        match rest.get(at..) {
            Some([b'>', ..]) => return Some(at + 1),
            Some([b'!', b'>', ..]) => return Some(at + 2),
            _ => i = at - 1,
        }
    }
    None
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// An attribute value as the browser reads it: character references resolved by the rules for
/// attribute values (`&amp;`, `&copy;`, `&#x2F;`; `&copy=` stays as written).
pub fn decode(value: &str) -> Cow<'_, str> {
    if value.contains('&') {
        htmlize::unescape_attribute(value)
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests;
