//! Hugo's shortcode syntax, read exactly as Hugo 0.111 reads a page body: the calls, their typed
//! parameters, what each call's inner content is and the calls nested in it (its `.Ordinal`,
//! its `.Parent`), escaped calls as literal text. Whether a call has inner content depends, in
//! Hugo, on its template (one that evaluates `.Inner` takes a closing tag, one that does not must
//! not get one), so the caller says it per name ([`Inner`]). Where Hugo fails the build, a
//! [`Problem`] says why and what to do; the parser still returns everything it could read, in
//! one pass over the body, never recursing, with nesting bounded at [`MAX_DEPTH`].

mod lex;
mod tree;

use crate::diagnostic::Diagnostic;
use crate::shortcodes::call::Node;
use memchr::memmem;

/// Calls nested deeper than this are left out, with a problem (Hugo has no limit).
pub const MAX_DEPTH: usize = 64;

/// What a shortcode's template says about inner content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inner {
    /// The template evaluates `.Inner` or `.InnerDeindent`: the call needs a closing tag or
    /// to be self-closed, and everything up to the closing tag is its inner content.
    Takes,
    /// The template never evaluates them: the call is its opening tag alone, and a closing
    /// tag (or a self-closing `/`) is an error.
    Ignores,
    /// No template for the name: Hugo fails the build.
    Unknown,
}

/// What a body holds: its calls and escaped calls, in order, and where Hugo would fail.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub nodes: Vec<Node>,
    /// In source order.
    pub problems: Vec<Problem>,
}

/// One reason Hugo would fail to build the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the chapter's source.
    pub at: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Problem {
    /// The problem as a diagnostic for `file`, whose whole source is `source`.
    pub fn diagnostic(&self, file: &str, source: &str) -> Diagnostic {
        let diagnostic = Diagnostic::at(file, source, self.at, self.message.clone());
        match &self.hint {
            Some(hint) => diagnostic.hint(hint.clone()),
            None => diagnostic,
        }
    }
}

/// Reads the shortcodes of `body`, a page's content after its front matter, which starts at
/// byte `base` of the chapter's source (every range and offset returned counts from there).
/// `inner` says, per shortcode name, what its template does with inner content; it is asked
/// once per call, never for inline shortcodes. A body without `{{` costs one search.
pub fn parse(body: &str, base: usize, inner: &dyn Fn(&str) -> Inner) -> Parsed {
    if memmem::find(body.as_bytes(), b"{{").is_none() {
        return Parsed::default();
    }
    let (items, problems) = lex::lex(body, base);
    let (nodes, mut problems) = tree::build(body, base, &items, inner, problems);
    problems.sort_by_key(|p| p.at);
    Parsed { nodes, problems }
}

#[cfg(test)]
mod tests;
