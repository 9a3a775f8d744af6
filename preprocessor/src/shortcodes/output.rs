//! What a shortcode renders into: the target the page is written for (the `html` renderer or any
//! other), the text with what the stage must do with it (insert HTML as is, or render markdown
//! with the page), and the problems found, each at a byte offset of the chapter's source.

use crate::diagnostic::Diagnostic;

/// The renderer the book is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// mdBook's `html` renderer: shortcodes give the HTML Hugo gives.
    Html,
    /// Any other renderer (epub, markdown, a linter): shortcodes give plain markdown.
    Markdown,
}

/// How the stage places an output's text in the chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// HTML to insert as is, in place of the call. It is one line with no blank line, whose text
    /// carries every markdown-significant character as a character reference, so it reads the
    /// same inside a paragraph (as inline HTML) and on a line of its own (an HTML block).
    Html,
    /// Inline markdown (escaped text, a link, an image): fine inside a paragraph.
    Inline,
    /// Markdown blocks (a fenced code block, a blockquote, a `<details>` around the inner
    /// content): the stage puts them on lines of their own, with a blank line before and after,
    /// and indents every line as the call is indented (in a list item, say).
    Blocks,
}

/// A rendered shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub text: String,
    pub kind: Kind,
    /// What was rendered but not as Hugo would (an option mdBook cannot show): worth a warning.
    pub warnings: Vec<Problem>,
}

impl Output {
    pub(crate) fn new(text: String, kind: Kind) -> Self {
        Output {
            text,
            kind,
            warnings: Vec::new(),
        }
    }

    pub(crate) fn warn(mut self, warnings: Vec<Problem>) -> Self {
        self.warnings = warnings;
        self
    }
}

/// A problem with a call, at a byte offset into the chapter's source (the call, or the argument
/// at fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    /// What is wrong, naming the shortcode: "`youtube` needs a video id".
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Problem {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> Self {
        Problem {
            offset,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The problem as a diagnostic of `file` (relative to the book root), whose text is `source`.
    pub fn diagnostic(&self, file: &str, source: &str) -> Diagnostic {
        let d = Diagnostic::at(file, source, self.offset, self.message.clone());
        match &self.hint {
            Some(h) => d.hint(h.clone()),
            None => d,
        }
    }
}
