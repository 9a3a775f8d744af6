//! Pages cut into cases and read as a browser's tokenizer reads them (html5ever), to compare
//! Hugo's rendering of a call with the book's: tags with their attributes sorted and decoded,
//! text with whitespace collapsed, `style` declarations without their spaces, comments dropped.
//! Two things are the book's by design and are
//! taken out of its side: the placeholder around embeds (`div.hugo-embed` unwrapped,
//! `a.hugo-embed-fallback` and what it holds dropped), and the form of links, which the caller
//! maps to one form (`/p/<slug>/#anchor`) for both sides.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// One token as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

/// The cases of a page: what lies between `<!-- case:NAME -->` (or `<!--case:NAME-->`) and the
/// next `/case` comment, by name.
pub fn cases(page: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = page;
    let open = |s: &str| {
        ["<!-- case:", "<!--case:"]
            .iter()
            .filter_map(|m| s.find(m).map(|at| at + m.len()))
            .min()
    };
    while let Some(at) = open(rest) {
        let after = &rest[at..];
        let Some(name_end) = after.find("-->") else {
            break;
        };
        let name = after[..name_end].trim().to_owned();
        let body = &after[name_end + "-->".len()..];
        let end = body.find("/case").unwrap_or(body.len());
        // Up to the `<!--` of the closing comment.
        let segment = body[..end]
            .rfind("<!--")
            .map_or(&body[..end], |c| &body[..c]);
        out.insert(name, segment.to_owned());
        rest = &body[end..];
    }
    out
}

#[derive(Default)]
struct Sink {
    out: RefCell<Vec<Tok>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut out = self.out.borrow_mut();
        match token {
            TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    StartTag => {
                        let mut attrs: Vec<(String, String)> = tag
                            .attrs
                            .iter()
                            .map(|a| {
                                let name = a.name.local.to_string();
                                let value = match name.as_str() {
                                    "style" => css(&a.value),
                                    _ => collapse(&a.value),
                                };
                                (name, value)
                            })
                            .collect();
                        attrs.sort();
                        out.push(Tok::Start(name, attrs));
                    }
                    EndTag => out.push(Tok::End(name)),
                }
            }
            Token::CharacterTokens(text) => match out.last_mut() {
                Some(Tok::Text(t)) => t.push_str(&text),
                _ => out.push(Tok::Text(text.to_string())),
            },
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Whitespace runs as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `style` attribute's declarations without the spaces around `:` and `;` and a last `;`
/// (`text-align: left` is `text-align:left`).
fn css(style: &str) -> String {
    let declarations: Vec<String> = style
        .split(';')
        .map(|d| match d.split_once(':') {
            Some((k, v)) => format!("{}:{}", k.trim(), collapse(v)),
            None => collapse(d),
        })
        .filter(|d| !d.is_empty())
        .collect();
    declarations.join(";")
}

fn raw(html: &str) -> Vec<Tok> {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.out.take()
}

fn has_class(attrs: &[(String, String)], class: &str) -> bool {
    attrs
        .iter()
        .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == class))
}

/// `html` as compared: the embed placeholder taken out, every `href` through `link`, text
/// collapsed and empty text dropped.
pub fn tokens(html: &str, link: &dyn Fn(&str) -> String) -> Vec<Tok> {
    placeholder_out(raw(html), link)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Text(t) => Some(collapse(&t)).filter(|t| !t.is_empty()).map(Tok::Text),
            t => Some(t),
        })
        .collect()
}

/// The visible text of `html` (the placeholder's out), whitespace collapsed.
pub fn text(html: &str) -> String {
    let text: String = placeholder_out(raw(html), &|h| h.to_owned())
        .into_iter()
        .filter_map(|t| match t {
            Tok::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    collapse(&text)
}

/// `tokens` without the book's embed placeholder, every `href` through `link`.
fn placeholder_out(tokens: Vec<Tok>, link: &dyn Fn(&str) -> String) -> Vec<Tok> {
    let void = |n: &str| {
        matches!(
            n,
            "img" | "br" | "hr" | "input" | "meta" | "link" | "source"
        )
    };
    let mut out = Vec::new();
    // Open elements: (name, dropped with what it holds, unwrapped: its own tags only).
    let mut open: Vec<(String, bool, bool)> = Vec::new();
    for tok in tokens {
        let dropping = open.iter().any(|(_, dropped, _)| *dropped);
        match tok {
            Tok::Start(name, mut attrs) => {
                let dropped = has_class(&attrs, "hugo-embed-fallback");
                let unwrapped = has_class(&attrs, "hugo-embed");
                for (k, v) in &mut attrs {
                    if k == "href" {
                        *v = link(v);
                    }
                }
                if !dropping && !dropped && !unwrapped {
                    out.push(Tok::Start(name.clone(), attrs));
                }
                if !void(&name) {
                    open.push((name, dropped, unwrapped));
                }
            }
            Tok::End(name) => {
                let Some(at) = open.iter().rposition(|(n, _, _)| *n == name) else {
                    out.push(Tok::End(name));
                    continue;
                };
                let (_, dropped, unwrapped) = open.remove(at);
                let dropping = open.iter().take(at).any(|(_, d, _)| *d);
                if !dropping && !dropped && !unwrapped {
                    out.push(Tok::End(name));
                }
            }
            Tok::Text(t) if !dropping => out.push(Tok::Text(t)),
            Tok::Text(_) => {}
        }
    }
    out
}
