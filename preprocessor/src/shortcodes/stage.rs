//! The shortcodes stage of one chapter, after the index: every call the reading found is
//! rendered (its nested calls first, into its inner content) by what the run's registry says
//! renders it (the book's entry, a site or theme template, Stack's or Hugo's built-in), links in
//! what it renders are resolved like the chapter's own, and the output replaces the call; an
//! escaped call becomes its literal text. `ref`/`relref` at the top level are the links stage's.
//! A call nothing can render (an unknown shortcode, a template this engine cannot run) renders
//! its inner content, with a problem; a page never shows a raw `{{< >}}`.

use super::builtin;
use super::call::{Call, Node};
use super::host::{self, RunHost, Shortcode};
use super::output::{Kind, Target};
use super::page;
use super::place::{Placing, in_code, place};
use super::registry::{Admonition, Renderer, Shortcodes, admonition_kind};
use crate::config::{ParamRef, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::edit::{self, Edit};
use crate::index::Entry;
use crate::links::{Outcome, Resolver};
use crate::read::Read;
use crate::scan::{self, Form, Site, calls};
use crate::template::{ErrorKind, Value};
use serde_json::Map;
use std::sync::{Arc, Mutex, OnceLock};

/// What the stage shares across chapters: read-only, built once per run.
pub struct Stage<'a> {
    pub shortcodes: &'a Shortcodes,
    pub site: &'a Arc<host::Site>,
    /// The site's `params`, for the built-ins (`param`).
    pub site_params: &'a Map<String, serde_json::Value>,
    pub privacy: page::Privacy,
    pub settings: &'a Settings,
    pub resolver: &'a Resolver<'a>,
}

/// The chapter's calls as edits of its source, and the problems found rendering them.
pub fn edits(
    read: &Read,
    source: &str,
    me: &Entry,
    stage: &Stage,
    edits: &mut Vec<Edit>,
    problems: &mut Vec<Diagnostic>,
) {
    if read.shortcodes.is_empty() {
        return;
    }
    let markdown: page::Markdown = &super::render_markdown;
    let site = page::Site {
        params: stage.site_params,
        privacy: stage.privacy,
        stack: stage.shortcodes.stack,
        markdown,
    };
    let resolve = |url: &str| -> Option<String> {
        match stage.resolver.resolve(me, &site_for(url, 0..0)) {
            Outcome::Rewrite(u) => Some(u),
            _ => None,
        }
    };
    let mut chapter = Chapter {
        read,
        source,
        me,
        stage,
        site: &site,
        resolve: &resolve,
        front_matter: OnceLock::new(),
        template_page: OnceLock::new(),
        problems: Vec::new(),
    };
    for node in &read.shortcodes {
        match node {
            Node::Literal { range, text } => edits.push(Edit::replace(range.clone(), text.clone())),
            Node::Call(call) if calls::ref_path(call).is_some() => {}
            Node::Call(call) => {
                let (text, placing) = chapter.render(call, None, 0);
                let code = read
                    .scan
                    .code
                    .iter()
                    .find(|(r, _)| r.start <= call.range.start && call.range.end <= r.end);
                let text = match code {
                    Some((_, block)) => in_code(&text, placing, call, source, *block),
                    None => place(&text, placing, call, source),
                };
                edits.push(Edit::replace(call.range.clone(), text));
            }
        }
    }
    problems.append(&mut chapter.problems);
}

/// One chapter's rendering.
struct Chapter<'a> {
    read: &'a Read,
    source: &'a str,
    me: &'a Entry,
    stage: &'a Stage<'a>,
    site: &'a page::Site<'a>,
    resolve: page::Resolve<'a>,
    /// The front matter, parsed again for the first call that reads it.
    front_matter: OnceLock<Arc<Map<String, serde_json::Value>>>,
    /// The page as a template sees it, made for the first template call.
    template_page: OnceLock<Arc<host::Page>>,
    problems: Vec<Diagnostic>,
}

/// Calls nested deeper are rendered from their text (the parser already bounds nesting).
const MAX_DEPTH: usize = 64;

impl Chapter<'_> {
    /// `call` rendered, links resolved: its text, and how to place it.
    fn render(
        &mut self,
        call: &Call,
        parent: Option<Arc<Shortcode>>,
        depth: usize,
    ) -> (String, Placing) {
        // A nested `ref` is its URL.
        if let Some(path) = calls::ref_path(call) {
            return (self.ref_url(call, &path), Placing::AsIs);
        }
        let this = (depth < MAX_DEPTH && !call.children.is_empty())
            .then(|| self.shortcode(call, None, parent.clone(), false));
        let inner = call
            .inner
            .as_ref()
            .map(|r| self.inner(call, r.clone(), this, depth));
        let (text, placing) = match self.stage.shortcodes.get(&call.name) {
            // The parser has reported it: Hugo fails the build on an unknown shortcode.
            None => return self.fallback(inner),
            Some(Renderer::Broken(d, _)) => {
                let d = d.clone();
                self.problem(d);
                return self.fallback(inner);
            }
            Some(Renderer::Template(t)) => {
                let position = t.source().contains("Position");
                let obj = self.shortcode(call, inner.clone(), parent, position);
                let host = RunHost {
                    partials: &self.stage.shortcodes.partials,
                    reports: Mutex::new(Vec::new()),
                };
                let result = t.exec(&Value::Object(Arc::new(obj)), &host);
                for report in host.reports.into_inner().unwrap_or_default() {
                    let severity = if report.kind == ErrorKind::Errorf {
                        Severity::Error
                    } else {
                        Severity::Warning
                    };
                    self.at_call(call, severity, report.to_string(), None);
                }
                match result {
                    Ok(out) if call.markdown => (out, Placing::Markdown),
                    Ok(out) => (super::markup::inert(&out), Placing::AsIs),
                    Err(e) => {
                        // Hugo runs what this engine lacks; anything else fails Hugo's build too.
                        let severity = if e.kind == ErrorKind::Unsupported {
                            Severity::Warning
                        } else {
                            Severity::Error
                        };
                        self.at_call(
                            call,
                            severity,
                            format!("shortcode `{}`: {e}", call.name),
                            Some("the call shows its inner content instead".into()),
                        );
                        return self.fallback(inner);
                    }
                }
            }
            Some(Renderer::Admonition(a)) => {
                (self.admonition(a, call, inner.as_deref()), Placing::Blocks)
            }
            Some(Renderer::Stack | Renderer::Builtin) => {
                let target = if self.stage.settings.html {
                    Target::Html
                } else {
                    Target::Markdown
                };
                // Only `param` reads the page's params.
                let empty = Map::new();
                let front_matter = (call.name == "param").then(|| self.front_matter());
                let page = page::Page {
                    site: self.site,
                    params: front_matter.as_deref().unwrap_or(&empty),
                    source: self.source,
                    resolve: Some(self.resolve),
                };
                match builtin::render(call, inner.as_deref(), &page, target) {
                    Some(Ok(out)) => {
                        for w in &out.warnings {
                            let d = w.diagnostic(&self.read.file, self.source);
                            self.problem(d.severity(Severity::Warning));
                        }
                        let placing = match out.kind {
                            Kind::Html | Kind::Inline => Placing::AsIs,
                            Kind::Blocks => Placing::Blocks,
                        };
                        (out.text, placing)
                    }
                    Some(Err(p)) => {
                        let d = p.diagnostic(&self.read.file, self.source);
                        self.problem(d.severity(Severity::Warning));
                        return self.fallback(inner);
                    }
                    None => return self.fallback(inner),
                }
            }
        };
        (self.links(call, &text), placing)
    }

    /// The inner content of `call` (`range`), its nested nodes rendered in place.
    fn inner(
        &mut self,
        call: &Call,
        range: std::ops::Range<usize>,
        this: Option<Shortcode>,
        depth: usize,
    ) -> String {
        let this = this.map(Arc::new);
        let mut out = String::with_capacity(range.len());
        let mut at = range.start;
        for child in &call.children {
            let (child_range, text) = match child {
                Node::Literal { range, text } => (range.clone(), text.clone()),
                Node::Call(c) => {
                    let (text, placing) = if depth + 1 < MAX_DEPTH {
                        self.render(c, this.clone(), depth + 1)
                    } else {
                        (String::new(), Placing::AsIs)
                    };
                    (c.range.clone(), place(&text, placing, c, self.source))
                }
            };
            if child_range.start < at || child_range.end > range.end {
                continue;
            }
            out.push_str(self.source.get(at..child_range.start).unwrap_or_default());
            out.push_str(&text);
            at = child_range.end;
        }
        out.push_str(self.source.get(at..range.end).unwrap_or_default());
        out
    }

    /// `call` as its template sees it.
    fn shortcode(
        &self,
        call: &Call,
        inner: Option<String>,
        parent: Option<Arc<Shortcode>>,
        position: bool,
    ) -> Shortcode {
        // `.Position` costs a count of the lines before the call: made only for a template
        // that mentions it.
        let position = if position {
            let (line, column) = crate::diagnostic::line_column(self.source, call.range.start);
            format!("{}:{line}:{column}", self.read.file)
        } else {
            String::new()
        };
        let page = self
            .template_page
            .get_or_init(|| Arc::new(self.template_page()))
            .clone();
        Shortcode::new(call, self.source, inner, position, parent, page)
    }

    fn front_matter(&self) -> Arc<Map<String, serde_json::Value>> {
        self.front_matter
            .get_or_init(|| Arc::new(self.read.params(self.source)))
            .clone()
    }

    fn template_page(&self) -> host::Page {
        let post = self.read.post.as_ref();
        let title = post.and_then(|p| p.title.clone()).unwrap_or_default();
        let link_title = post
            .and_then(|p| p.link_title.clone())
            .unwrap_or_else(|| title.clone());
        let front_matter = self.read.block.as_ref().and_then(|b| {
            let text = self.source.get(b.inner.clone())?;
            Some((text.to_owned(), b.format))
        });
        host::Page::new(
            title,
            link_title,
            front_matter,
            self.me.link.clone(),
            self.stage.site.clone(),
        )
    }

    /// mdBook's admonition for a callout: `> [!WARNING]`, its title in bold, its content.
    fn admonition(&self, a: &Admonition, call: &Call, inner: Option<&str>) -> String {
        let param = |p: &Option<ParamRef>| -> Option<String> {
            let param = match p.as_ref()? {
                ParamRef::Position(i) => call.params.positional(*i),
                ParamRef::Name(n) => call.params.named(n),
            }?;
            Some(match &param.value {
                super::call::Value::String(s) => s.clone(),
                other => format!("{other:?}"),
            })
        };
        let kind = param(&a.kind_param)
            .and_then(|w| admonition_kind(&w))
            .unwrap_or(a.kind);
        let mut out = format!("> [!{kind}]\n");
        if let Some(title) = param(&a.title_param).filter(|t| !t.trim().is_empty()) {
            out.push_str("> **");
            out.push_str(&crate::escape::markdown(&title));
            out.push_str("**\n>\n");
        }
        for line in inner.unwrap_or_default().trim_matches('\n').split('\n') {
            out.push('>');
            if !line.trim().is_empty() {
                out.push(' ');
                out.push_str(line);
            }
            out.push('\n');
        }
        out
    }

    /// What a call nothing renders shows: its inner content, as markdown.
    fn fallback(&self, inner: Option<String>) -> (String, Placing) {
        match inner {
            Some(text) if text.contains('\n') => (text, Placing::Blocks),
            Some(text) => (text, Placing::AsIs),
            None => (String::new(), Placing::AsIs),
        }
    }

    /// A nested `ref`/`relref`: the relative URL of the page it names.
    fn ref_url(&mut self, call: &Call, path: &str) -> String {
        let site = Site {
            dest: path.to_owned(),
            raw: path.to_owned(),
            range: call.range.clone(),
            form: Form::Shortcode,
            after: call.range.end,
        };
        match self.stage.resolver.resolve(self.me, &site) {
            Outcome::Rewrite(url) => url,
            Outcome::Leave => path.to_owned(),
            Outcome::Problem(p) => {
                self.at_call(call, p.severity, p.message, p.hint);
                path.to_owned()
            }
        }
    }

    /// `text` (what `call` rendered) with its links to posts resolved, as the chapter's own are.
    fn links(&mut self, call: &Call, text: &str) -> String {
        if !text.contains(['/', '{']) {
            return text.to_owned();
        }
        let found = scan::scan(text, 0, &[]);
        let mut edits = Vec::new();
        for site in &found.sites {
            match self.stage.resolver.resolve(self.me, site) {
                Outcome::Leave => {}
                Outcome::Rewrite(url) => edits.push(Edit::replace(site.range.clone(), url)),
                Outcome::Problem(p) => {
                    self.at_call(call, p.severity, p.message, p.hint);
                }
            }
        }
        if edits.is_empty() {
            text.to_owned()
        } else {
            edit::apply(text, edits)
        }
    }

    fn at_call(&mut self, call: &Call, severity: Severity, message: String, hint: Option<String>) {
        let mut d = Diagnostic::at(&self.read.file, self.source, call.range.start, message)
            .severity(severity);
        d.hint = hint;
        self.problem(d);
    }

    fn problem(&mut self, d: Diagnostic) {
        if !self.problems.contains(&d) {
            self.problems.push(d);
        }
    }
}

/// A link site for a URL a built-in resolves (a figure's `src`).
fn site_for(url: &str, range: std::ops::Range<usize>) -> Site {
    Site {
        dest: url.to_owned(),
        raw: url.to_owned(),
        after: range.end,
        range,
        form: Form::Destination,
    }
}
