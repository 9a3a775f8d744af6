//! A shortcode call as Hugo reads it from a page body: its name, its parameters (all positional
//! or all named, typed as Hugo types them), the byte ranges of the call and of its inner content,
//! and the calls nested inside. Positions are byte offsets into the chapter's source.

use std::ops::Range;

/// What the shortcode syntax parser finds in a body, in source order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Call(Call),
    /// An escaped call, `{{</* name */>}}`, printed literally as `text` (`{{< name >}}`).
    Literal { range: Range<usize>, text: String },
}

/// One shortcode call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The name as written: `youtube`, `notice`, `docs/note`.
    pub name: String,
    /// `{{% %}}`: the output is markdown, rendered with the page. `{{< >}}`: HTML, inserted as is.
    pub markdown: bool,
    pub params: Params,
    /// The whole call: from the opening tag's `{{` to the end of the closing tag, or of the
    /// opening tag when there is no closing one.
    pub range: Range<usize>,
    /// The content between the opening and the closing tag, when there is a closing tag
    /// (empty for `{{< name />}}`).
    pub inner: Option<Range<usize>>,
    /// The nodes inside the inner content, in order.
    pub children: Vec<Node>,
    /// Hugo's `.Ordinal`: the zero-based position of the call among its parent's calls (the
    /// page's, for a call at the top level).
    pub ordinal: usize,
}

/// A call's parameters: Hugo takes them all positional or all named.
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    Positional(Vec<Param>),
    Named(Vec<(String, Param)>),
}

/// One parameter value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub value: Value,
    pub range: Range<usize>,
}

/// A parameter's value, typed as Hugo types it (an unquoted `true` or `42` is not text).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}
