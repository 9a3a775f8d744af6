//! HTML as a browser tokenizes it (html5ever), for comparing two renderings: tags with their
//! attributes sorted and decoded, text with whitespace collapsed, comments dropped, and our
//! placeholder around embeds (`div.hugo-embed` unwrapped, `a.hugo-embed-fallback` dropped),
//! which is ours by design.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use std::cell::RefCell;

/// One normalized token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
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
                            .map(|a| (a.name.local.to_string(), collapse(&a.value)))
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

/// `html` as normalized tokens, our placeholder taken out, empty text dropped.
pub fn tokens(html: &str) -> Vec<Tok> {
    raw_tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Text(t) => Some(collapse(&t)).filter(|t| !t.is_empty()).map(Tok::Text),
            t => Some(t),
        })
        .collect()
}

/// `html` as tokens with the text as it is, our placeholder taken out.
fn raw_tokens(html: &str) -> Vec<Tok> {
    let sink = Sink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let raw = tokenizer.sink.out.take();

    let has_class = |attrs: &[(String, String)], class: &str| {
        attrs
            .iter()
            .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == class))
    };
    let mut out = Vec::new();
    // Open elements: (name, dropped: skip the element's tokens, unwrapped: skip only its tags).
    let mut open: Vec<(String, bool, bool)> = Vec::new();
    let void = |n: &str| matches!(n, "img" | "br" | "hr" | "input" | "meta" | "link");
    for tok in raw {
        let skipping = open.iter().any(|(_, dropped, _)| *dropped);
        match tok {
            Tok::Start(name, attrs) => {
                let dropped = has_class(&attrs, "hugo-embed-fallback");
                let unwrapped = has_class(&attrs, "hugo-embed");
                if !skipping && !dropped && !unwrapped {
                    out.push(Tok::Start(name.clone(), attrs));
                }
                if !void(&name) {
                    open.push((name, dropped, unwrapped));
                }
            }
            Tok::End(name) => {
                let Some(at) = open.iter().rposition(|(n, _, _)| *n == name) else {
                    continue;
                };
                let (_, dropped, unwrapped) = open.remove(at);
                open.truncate(at);
                let skipping = skipping && !dropped || open.iter().any(|(_, d, _)| *d);
                if !skipping && !dropped && !unwrapped {
                    out.push(Tok::End(name));
                }
            }
            Tok::Text(t) => {
                if !skipping {
                    out.push(Tok::Text(t));
                }
            }
        }
    }
    out
}

/// The visible text of `html`, whitespace collapsed.
pub fn text(html: &str) -> String {
    let texts: String = raw_tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    collapse(&texts)
}

#[cfg(test)]
mod tests;
