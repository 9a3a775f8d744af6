//! A shortcode call as Hugo reads it from a page body: its name, its parameters (all positional
//! or all named, typed as Hugo types them), the byte ranges of the call and of its inner content,
//! and the calls nested inside. Positions are byte offsets into the chapter's source.

use std::ops::Range;

/// What the shortcode syntax parser finds in a body, in source order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Call(Call),
    /// Source Hugo prints as `text` instead: an escaped call, `{{</* name */>}}`, printed as
    /// `{{< name >}}` (everything between `/*` and `*/` kept as written). Inside a call's inner
    /// content `text` may be empty: bytes Hugo leaves out of `.Inner` (the page's summary divider
    /// `<!--more-->` with the whitespace after it, a stray `>}}` left by a malformed tag).
    Literal {
        range: Range<usize>,
        text: String,
    },
}

/// One shortcode call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The name as written: `youtube`, `notice`, `docs/note`, `foo.inline`.
    pub name: String,
    /// `{{% %}}`: the output is markdown, rendered with the page. `{{< >}}`: HTML, inserted as is.
    /// The opening tag decides; a closing tag may use either delimiter.
    pub markdown: bool,
    pub params: Params,
    /// The whole call: from the opening tag's `{{` to the end of the closing tag, or of the
    /// opening tag when there is no closing one.
    pub range: Range<usize>,
    /// The content between the opening and the closing tag, when the shortcode takes inner
    /// content (empty, at the end of `range`, for `{{< name />}}`). `None` for a shortcode whose
    /// template never evaluates `.Inner`: such a call is its opening tag alone.
    pub inner: Option<Range<usize>>,
    /// The nodes inside the inner content, in order.
    pub children: Vec<Node>,
    /// Hugo's `.Ordinal`: the zero-based position of the call among its parent's calls (the
    /// page's, for a call at the top level).
    pub ordinal: usize,
    /// The indentation before the opening tag: the spaces, tabs and `\r` right before its `{{`
    /// when a newline comes before them, or the end of the previous tag, or the start of the
    /// body (Hugo's `tIndentation`); empty otherwise. Hugo removes it from each line of
    /// `.InnerDeindent`, and adds it to every output line after the first of a call without
    /// inner content.
    pub indent: Range<usize>,
}

impl Call {
    /// An inline shortcode (`{{< name.inline >}}`): its inner content is its template. Hugo
    /// renders inline shortcodes only where `security.enableInlineShortcodes` is set (off by
    /// default); otherwise the whole call, inner content included, renders as nothing.
    pub fn is_inline(&self) -> bool {
        self.name.ends_with(".inline")
    }

    /// Whether a closing tag ends the call (`{{< /name >}}`), as opposed to a self-closed one or
    /// an inline call that runs to the end of the page. An inline call with a closing tag
    /// defines its template; one without reuses the definition made earlier in the page.
    pub fn has_closing_tag(&self) -> bool {
        self.inner
            .as_ref()
            .is_some_and(|inner| inner.end < self.range.end)
    }
}

/// A call's parameters: Hugo takes them all positional or all named.
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    /// In order; also a call without parameters (Hugo's `.IsNamedParams` is false).
    Positional(Vec<Param>),
    /// In the order first written; a name given twice keeps its last value, as in Hugo's map.
    Named(Vec<(String, Param)>),
}

impl Params {
    /// Hugo's `.Get`: the named parameter `name`.
    pub fn named(&self, name: &str) -> Option<&Param> {
        match self {
            Params::Named(params) => params.iter().find(|(k, _)| k == name).map(|(_, p)| p),
            Params::Positional(_) => None,
        }
    }

    /// Hugo's `.Get`: the positional parameter at `index`.
    pub fn positional(&self, index: usize) -> Option<&Param> {
        match self {
            Params::Positional(params) => params.get(index),
            Params::Named(_) => None,
        }
    }
}

/// One parameter value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub value: Value,
    /// The value as written, quotes included (for a named parameter, after the `=`).
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

impl Value {
    /// An unquoted value, typed as Hugo's `ValTyped` types it: `true`/`false` are booleans,
    /// `[-+]?[0-9]+` an integer when it fits 64 bits, `[-+]?[0-9]*\.[0-9]+` a float when it is
    /// finite; anything else (`1e5`, `0x10`, `True`, `1.`) is a string.
    pub fn bare(text: &str) -> Value {
        match text {
            "true" => return Value::Bool(true),
            "false" => return Value::Bool(false),
            _ => {}
        }
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits.is_empty() && all_digits(digits) {
            return text
                .parse()
                .map_or_else(|_| Value::String(text.to_owned()), Value::Int);
        }
        if let Some((whole, fraction)) = digits.split_once('.')
            && !fraction.is_empty()
            && all_digits(whole)
            && all_digits(fraction)
            && let Ok(f) = text.parse::<f64>()
            && f.is_finite()
        {
            return Value::Float(f);
        }
        Value::String(text.to_owned())
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}
