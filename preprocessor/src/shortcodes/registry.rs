//! The shortcodes of one run, looked up as Hugo looks them up: the book's own
//! (`[preprocessor.hugo.shortcodes]`), then the site's templates (`layouts/shortcodes/`, then
//! `layouts/_shortcodes/`), then the theme's, then the Stack theme's built in (on a Stack site),
//! then Hugo's. Built once per run from what the disk edge read, shared read-only by every
//! chapter: what the parser needs (does a name take inner content?) and what the stage renders
//! with. A template that does not parse is a problem naming its file and line, and its calls
//! render from their inner content.

use super::syntax::Inner;
use super::{builtin, stack};
use crate::config::{ParamRef, Shortcode};
use crate::diagnostic::{Diagnostic, Severity};
use crate::template::{ErrorKind, Template, Templates};
use std::collections::{BTreeMap, HashMap};

/// A template file the edge read: its name as Hugo names it (`shortcodes/notice.html`,
/// `partials/icon.html`), where it is (for diagnostics) and its text.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    pub name: String,
    pub file: String,
    pub source: String,
    /// A theme's, not the site's own.
    pub theme: bool,
}

/// What renders a shortcode.
#[derive(Debug, Clone)]
pub enum Renderer {
    /// A Go template: the site's, the theme's or the book's inline one.
    Template(Template),
    /// A template that Hugo runs and this engine cannot (a syntax it refused to parse, or a
    /// function it lacks): the call renders from its inner content, with this problem; whether
    /// it takes inner content is read from its text.
    Broken(Diagnostic, bool),
    /// One of mdBook's admonitions.
    Admonition(Admonition),
    /// Stack's shortcode of that name.
    Stack,
    /// Hugo's built-in.
    Builtin,
}

/// `[preprocessor.hugo.shortcodes.NAME]` with `admonition` or `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admonition {
    /// The kind when no parameter names one: `NOTE` by default.
    pub kind: &'static str,
    pub kind_param: Option<ParamRef>,
    pub title_param: Option<ParamRef>,
}

/// mdBook's five admonitions (GitHub's), and the words callout shortcodes use for them.
const KINDS: &[(&str, &str)] = &[
    ("note", "NOTE"),
    ("info", "NOTE"),
    ("information", "NOTE"),
    ("question", "NOTE"),
    ("abstract", "NOTE"),
    ("summary", "NOTE"),
    ("example", "NOTE"),
    ("quote", "NOTE"),
    ("tip", "TIP"),
    ("hint", "TIP"),
    ("success", "TIP"),
    ("check", "TIP"),
    ("done", "TIP"),
    ("important", "IMPORTANT"),
    ("warning", "WARNING"),
    ("warn", "WARNING"),
    ("attention", "WARNING"),
    ("caution", "CAUTION"),
    ("danger", "CAUTION"),
    ("error", "CAUTION"),
    ("failure", "CAUTION"),
    ("fail", "CAUTION"),
    ("bug", "CAUTION"),
];

/// The admonition a callout's word names (`danger` is `CAUTION`), when it names one.
pub fn admonition_kind(word: &str) -> Option<&'static str> {
    let word = word.trim().to_ascii_lowercase();
    KINDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

/// The run's shortcodes.
#[derive(Debug, Default)]
pub struct Shortcodes {
    /// By name, the ones that are not Hugo's built-ins.
    by_name: HashMap<String, Renderer>,
    /// The site's and theme's partials, for `partial`.
    pub partials: Templates,
    /// The site's theme is Stack.
    pub stack: bool,
}

impl Shortcodes {
    /// Hugo's built-ins only (a book without a Hugo site).
    pub fn builtin() -> Shortcodes {
        Shortcodes::default()
    }

    /// The shortcodes of a site whose template files are `site` (the site's own first, then its
    /// themes', in lookup order), with the book's `own` over them; `stack` when its theme is
    /// Stack. Problems: templates that do not parse, a book entry that says nothing.
    pub fn new(
        files: &[TemplateFile],
        own: &BTreeMap<String, Shortcode>,
        stack: bool,
    ) -> (Shortcodes, Vec<Diagnostic>) {
        let mut out = Shortcodes {
            stack,
            ..Shortcodes::default()
        };
        let mut problems = Vec::new();
        for f in files {
            if f.name.starts_with("partials/") {
                // A partial that does not parse is reported by the call that needs it.
                if out.partials.get(&f.name).is_none() {
                    let _ = out.partials.insert(&f.name, &f.source);
                }
                continue;
            }
            let Some(name) = shortcode_name(&f.name) else {
                continue;
            };
            // On a Stack site, Stack's shortcodes are rendered as Stack renders them but for
            // the book (offline placeholders and all): the theme's own copies of them are not
            // what this engine can run (they use Hugo's resources and i18n).
            let stack_own = stack && f.theme && stack::NAMES.iter().any(|(n, _)| *n == name);
            if out.by_name.contains_key(name) || stack_own {
                continue;
            }
            let renderer = match Template::parse(&f.file, &f.source) {
                Ok(t) => Renderer::Template(t),
                Err(e) => {
                    let takes = f.source.contains(".Inner");
                    let builtin = builtin::NAMES.iter().any(|(n, _)| *n == name);
                    if builtin && e.kind == ErrorKind::Unsupported {
                        // Hugo's own shortcode renders what this copy cannot.
                        let mut d = template_problem(&f.file, &e);
                        d.message =
                            format!("{}; Hugo's built-in `{name}` renders its calls", e.message);
                        problems.push(d);
                        continue;
                    }
                    Renderer::Broken(template_problem(&f.file, &e), takes)
                }
            };
            out.by_name.insert(name.to_owned(), renderer);
        }
        for (name, entry) in own {
            match book_entry(name, entry) {
                Ok(r) => {
                    out.by_name.insert(name.clone(), r);
                }
                Err(d) => problems.push(d),
            }
        }
        if stack {
            for (name, _) in stack::NAMES {
                out.by_name
                    .entry((*name).to_owned())
                    .or_insert(Renderer::Stack);
            }
        }
        (out, problems)
    }

    /// What renders `name`: `None` for a name nothing knows (Hugo fails the build on it).
    pub fn get(&self, name: &str) -> Option<&Renderer> {
        match self.by_name.get(name) {
            Some(r) => Some(r),
            None => builtin::NAMES
                .iter()
                .any(|(n, _)| *n == name)
                .then_some(&Renderer::Builtin),
        }
    }

    /// What the parser needs: whether `name`'s calls take inner content.
    pub fn inner(&self, name: &str) -> Inner {
        let takes = |yes: bool| if yes { Inner::Takes } else { Inner::Ignores };
        match self.get(name) {
            Some(Renderer::Template(t)) => takes(t.uses_inner()),
            // Can't tell: a closing tag, if any, is read as Hugo would read one.
            Some(Renderer::Broken(_, inner)) => takes(*inner),
            Some(Renderer::Admonition(_)) => Inner::Takes,
            Some(Renderer::Stack) => takes(stack::NAMES.iter().any(|(n, t)| *n == name && *t)),
            Some(Renderer::Builtin) => takes(builtin::NAMES.iter().any(|(n, t)| *n == name && *t)),
            None => Inner::Unknown,
        }
    }
}

/// `shortcodes/notice.html` (or `_shortcodes/...`) as the name `notice`; `docs/note` for a
/// template in a folder. Other output formats (`notice.json`) and non-HTML files are not a
/// page's shortcodes.
fn shortcode_name(name: &str) -> Option<&str> {
    let rest = name
        .strip_prefix("shortcodes/")
        .or_else(|| name.strip_prefix("_shortcodes/"))?;
    let stem = rest.strip_suffix(".html")?;
    // `notice.html.html` or `notice.amp.html` are other formats' templates.
    (!stem.contains('.') && !stem.is_empty()).then_some(stem)
}

fn template_problem(file: &str, e: &crate::template::Error) -> Diagnostic {
    Diagnostic {
        // Hugo runs what this engine lacks; it refuses what does not parse or escape.
        severity: if e.kind == ErrorKind::Unsupported {
            Severity::Warning
        } else {
            Severity::Error
        },
        file: file.to_owned(),
        line: e.line,
        column: e.column,
        message: format!("{}; its calls render from their inner content", e.message),
        hint: e.hint.clone(),
    }
}

/// A `[preprocessor.hugo.shortcodes.NAME]` entry as a renderer.
fn book_entry(name: &str, entry: &Shortcode) -> Result<Renderer, Diagnostic> {
    let problem = |message: String, hint: &str| Diagnostic {
        severity: Severity::Error,
        file: "book.toml".into(),
        line: 1,
        column: 1,
        message,
        hint: Some(hint.into()),
    };
    let admonition = entry.admonition.is_some() || entry.kind.is_some();
    match (&entry.template, admonition) {
        (Some(_), true) => Err(problem(
            format!("[preprocessor.hugo.shortcodes.{name}] has both `template` and `admonition`"),
            "keep one: a template, or an admonition",
        )),
        (Some(source), false) => Template::parse(
            &format!("book.toml [preprocessor.hugo.shortcodes.{name}]"),
            source,
        )
        .map(Renderer::Template)
        .map_err(|e| {
            problem(
                format!("[preprocessor.hugo.shortcodes.{name}] `template`: {e}"),
                "write it as a Hugo shortcode template",
            )
        }),
        (None, true) => {
            let kind = match &entry.admonition {
                None => "NOTE",
                Some(word) => admonition_kind(word).ok_or_else(|| {
                    problem(
                        format!("[preprocessor.hugo.shortcodes.{name}] `admonition = \"{word}\"` is not one of mdBook's admonitions"),
                        "write note, tip, important, warning or caution",
                    )
                })?,
            };
            Ok(Renderer::Admonition(Admonition {
                kind,
                kind_param: entry.kind.clone(),
                title_param: entry.title.clone(),
            }))
        }
        (None, false) => Err(problem(
            format!(
                "[preprocessor.hugo.shortcodes.{name}] says neither `template` nor `admonition`"
            ),
            "give it `template = \"...\"` or `admonition = \"note\"` (with `kind` and `title` parameters)",
        )),
    }
}

#[cfg(test)]
mod tests;
