//! Hugo's shortcode templates (`layouts/shortcodes/NAME.html`): a Go text/template and
//! html/template engine for the subset Hugo sites use, parsed once per run and executed many
//! times from several threads. A [`Template`] is parsed from its source with Go's syntax and
//! errors, escaped once for the HTML contexts its actions print in (as html/template does,
//! statically), and executed against a dot [`Value`] and a [`Host`] that renders markdown,
//! supplies partials and receives `warnf`/`errorf` reports. Functions are Hugo's (with its
//! aliases and its versions of `eq`, `index`, `slice`); names Hugo has and this engine lacks
//! are refused at parse time as [`ErrorKind::Unsupported`] so the caller can fall back.
//! Hugo's template state is here too: a [`Scratch`] pad (`newScratch`, and what a host
//! object's `.Scratch` returns), `partialCached` (results kept with the partial's
//! [`Template`], so for the whole run when the caller keeps its [`Templates`]), and `return`
//! in a template named `partials/...`. Execution is bounded by [`Limits`], and the values a
//! template builds by their nesting and weight, so printing one is bounded too.
//!
//! Why our own engine and not the `gtmpl` crate (0.7.1, Go text/template for Rust): gtmpl has
//! no html/template escaping (`<a href="{{ . }}">` prints `javascript:<x>` as is), none of
//! Hugo's functions, Go's `eq` instead of Hugo's, and no `$x = ...` assignment, so the notice
//! template had to be rewritten with nested `with`s to run at all. Measured on this machine
//! (release, 10,000 runs each, two runs; `template/tests/bench.rs` for ours, a throwaway crate
//! for gtmpl): gtmpl parses that simpler notice in 410-420 µs and executes it in 3.6-6.2 µs;
//! this engine parses and escapes the real one in 8-25 µs and executes it, escaping included,
//! in 2.7-2.9 µs.
//!

mod ast;
mod context;
mod escape;
mod escaper;
mod exec;
mod fields;
mod fmt;
mod funcs;
mod lex;
mod parse;
mod scratch;
mod value;

pub use funcs::anchorize;
pub use scratch::Scratch;
pub use value::{Map, Object, Safe, Value};

use std::collections::HashMap;
use std::sync::Arc;

/// The deepest nesting of lists and maps a template may build (printing and comparing recurse).
const MAX_NESTING: usize = 100;

/// What kind of problem an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The template is not Go template syntax (Hugo would refuse it too).
    Syntax,
    /// The template's HTML cannot be escaped as html/template requires (branches ending in
    /// different contexts, a quote in an unquoted attribute, ...).
    Escape,
    /// Hugo has the function, method or construct; this engine does not. Fall back.
    Unsupported,
    /// Execution failed: a function's error, a field a value does not have.
    Exec,
    /// A bound of [`Limits`] (or the parser's nesting bound) was passed.
    Limit,
    /// An `errorf` call: Hugo fails the build with this message.
    Errorf,
    /// A `warnf` call: Hugo logs this message.
    Warnf,
}

/// A problem in a template, at its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The template's name as given to [`Template::parse`] (its file, usually).
    pub template: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Error {
    /// An error at byte `offset` of `src`.
    pub fn new(
        kind: ErrorKind,
        template: &str,
        src: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = crate::diagnostic::line_column(src, offset);
        Error {
            kind,
            template: template.to_owned(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "template: {}:{}:{}: {}",
            self.template, self.line, self.column, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// What a running template asks of its caller.
pub trait Host: Sync {
    /// `markdownify` and `.RenderString`-like rendering: markdown to HTML, inline when the
    /// result is one paragraph, as Hugo's `markdownify` does.
    fn markdownify(&self, markdown: &str) -> Result<String, String> {
        let _ = markdown;
        Err("markdown rendering is not available here".into())
    }

    /// The partial `partial "name" ctx` runs: the site's `layouts/partials/name` (Hugo also
    /// tries `name.html`). [`Templates::partial`] does that lookup.
    fn partial(&self, name: &str) -> Option<&Template> {
        let _ = name;
        None
    }

    /// A template of the host's by its full name, for `{{ template "name" . }}` of a template
    /// the calling file does not define.
    fn template(&self, name: &str) -> Option<&Template> {
        let _ = name;
        None
    }

    /// An `errorf` or `warnf` report; execution goes on, as in Hugo.
    fn report(&self, report: Error) {
        let _ = report;
    }
}

/// Bounds on one execution, shared by everything it calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Nesting of blocks, parenthesised pipelines, template and partial calls.
    pub max_depth: usize,
    /// Template and partial calls in all.
    pub max_calls: u64,
    /// Range iterations in all (also the longest list a function may build).
    pub max_iterations: u64,
    /// Output bytes (also the longest string a function may build, the heaviest list or map,
    /// and, 16 times over, what all values built in one run may weigh).
    pub max_output: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 128,
            max_calls: 10_000,
            max_iterations: 100_000,
            max_output: 4 << 20,
        }
    }
}

/// A parsed and escaped template: immutable, `Send + Sync`, executed any number of times.
#[derive(Debug, Clone)]
pub struct Template {
    name: Arc<str>,
    source: Arc<str>,
    escaped: escape::Escaped,
    /// `partialCached` results of this partial, shared by its clones.
    cache: exec::Cache,
}

impl Template {
    /// Parses and escapes `source`, the template called `name` (its file, for errors).
    pub fn parse(name: &str, source: &str) -> Result<Template, Error> {
        let parsed = parse::parse(name, source)?;
        let escaped = escape::escape(parsed, name, source)?;
        Ok(Template {
            name: name.into(),
            source: source.into(),
            escaped,
            cache: exec::Cache::default(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the template reads `.Inner` or `.InnerDeindent` anywhere: as a shortcode, it
    /// then takes inner content (Hugo's `IsInner`).
    pub fn uses_inner(&self) -> bool {
        let names = ["Inner", "InnerDeindent"];
        fields::mentions(&self.escaped.main.root, &names)
            || self
                .escaped
                .variants
                .iter()
                .any(|v| fields::mentions(&v.tree.root, &names))
    }

    /// Runs the template with `dot` as `.` and `$`, within the default [`Limits`].
    pub fn exec(&self, dot: &Value, host: &dyn Host) -> Result<String, Error> {
        self.exec_with(dot, host, &Limits::default())
    }

    /// Runs the template within `limits`.
    pub fn exec_with(
        &self,
        dot: &Value,
        host: &dyn Host,
        limits: &Limits,
    ) -> Result<String, Error> {
        let mut budget = exec::Budget::default();
        let mut out = String::with_capacity(self.source.len() + 64);
        let mut e = exec::Exec::new(self, host, limits, &mut budget, 0);
        e.run(&self.escaped.main, None, dot, &mut out)?;
        Ok(out)
    }
}

/// A set of templates by name: a site's partials (`partials/icon.html`) or shortcodes, parsed
/// once. [`Templates::partial`] finds a partial the way Hugo's `partial` names it.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    by_name: HashMap<String, Template>,
}

impl Templates {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `source` as the template `name` (`partials/icon.html`) and adds it.
    pub fn insert(&mut self, name: &str, source: &str) -> Result<(), Error> {
        let t = Template::parse(name, source)?;
        self.by_name.insert(name.to_owned(), t);
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&Template> {
        self.by_name.get(name)
    }

    /// The partial `partial "name"` runs: `partials/name`, else `partials/name.html`.
    pub fn partial(&self, name: &str) -> Option<&Template> {
        let name = name.trim_start_matches('/');
        let name = name.strip_prefix("partials/").unwrap_or(name);
        self.by_name
            .get(&format!("partials/{name}"))
            .or_else(|| self.by_name.get(&format!("partials/{name}.html")))
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

#[cfg(test)]
mod tests;
