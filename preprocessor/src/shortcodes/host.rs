//! What a site's shortcode template sees, as Hugo's `ShortcodeWithPage` shows it: `.Get` by
//! position and name, `.Inner` and `.InnerDeindent`, `.Params`, `.IsNamedParams`, `.Name`,
//! `.Ordinal`, `.Parent`, `.Position`, `.Page` (`.Title`, `.LinkTitle`, `.Params`, `.Param`,
//! `.RenderString`, `.Site`, `.Permalink`, `.Kind`) and `.Site` (`.Params`, `.Title`,
//! `.BaseURL`, `.Language`). The template engine's host renders `markdownify` with mdBook's
//! options; links in what a template prints are resolved by the stage afterwards.

use super::call::{Call, Params, Value as Param};
use super::markup;
use crate::front_matter::{self, Block, Format};
use crate::template::{Host, Map, Object, Template, Templates, Value};
use std::sync::{Arc, OnceLock};

/// The site, the same for every page: built once per run.
#[derive(Debug, Default)]
pub struct Site {
    pub title: String,
    pub base_url: String,
    pub params: Value,
    pub language: String,
    /// The whole configuration (`.Site.Config.Privacy.YouTube.PrivacyEnhanced`), keys in any case.
    pub config: Value,
}

impl Object for Site {
    fn type_name(&self) -> &str {
        "*hugolib.SiteInfo"
    }

    fn get(&self, name: &str, _: &[Value]) -> Result<Option<Value>, String> {
        Ok(match name {
            "Title" => Some(Value::from(self.title.as_str())),
            "BaseURL" => Some(Value::from(self.base_url.as_str())),
            "Params" => Some(self.params.clone()),
            "Config" => Some(self.config.clone()),
            "Language" => Some(Value::Object(Arc::new(Language(self.language.clone())))),
            "LanguageCode" => Some(Value::from(self.language.as_str())),
            _ => None,
        })
    }
}

struct Language(String);

impl Object for Language {
    fn type_name(&self) -> &str {
        "*langs.Language"
    }

    fn get(&self, name: &str, _: &[Value]) -> Result<Option<Value>, String> {
        Ok(match name {
            "Lang" | "LanguageCode" => Some(Value::from(self.0.as_str())),
            _ => None,
        })
    }
}

/// The page a call is on.
pub struct Page {
    pub title: String,
    pub link_title: String,
    /// The front matter's text and format, parsed and made a template value (case-insensitive,
    /// as Hugo's `.Params`) when a template first reads it.
    front_matter: Option<(String, Format)>,
    params: OnceLock<Value>,
    pub permalink: String,
    pub site: Arc<Site>,
}

impl Page {
    pub fn new(
        title: String,
        link_title: String,
        front_matter: Option<(String, Format)>,
        permalink: String,
        site: Arc<Site>,
    ) -> Page {
        Page {
            title,
            link_title,
            front_matter,
            params: OnceLock::new(),
            permalink,
            site,
        }
    }

    fn params(&self) -> Value {
        self.params
            .get_or_init(|| {
                let map = self
                    .front_matter
                    .as_ref()
                    .and_then(|(text, format)| {
                        let block = Block {
                            format: *format,
                            inner: 0..text.len(),
                            body_start: text.len(),
                        };
                        front_matter::parse(text, &block).ok()
                    })
                    .unwrap_or_default();
                from_json(&serde_json::Value::Object(map))
            })
            .clone()
    }
}

impl Object for Page {
    fn type_name(&self) -> &str {
        "*hugolib.pageState"
    }

    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String> {
        Ok(Some(match name {
            "Title" => Value::from(self.title.as_str()),
            "LinkTitle" => Value::from(self.link_title.as_str()),
            "Params" => self.params(),
            "Param" => match args {
                [key] => param(&self.params(), &self.site.params, &key.to_go_string()),
                _ => return Err("Param takes one argument, the key".into()),
            },
            "RenderString" => match args {
                [md] => Value::html(markdownify(&md.to_go_string())),
                // `(dict "display" "block")`: the HTML as rendered, its `<p>` kept.
                [Value::Map(options), md]
                    if options
                        .get("display")
                        .is_some_and(|d| d.to_go_string() == "block") =>
                {
                    Value::html(markup::render_with_heading_ids(&md.to_go_string()))
                }
                [_, md] => Value::html(markdownify(&md.to_go_string())),
                _ => return Err("RenderString takes the markdown to render".into()),
            },
            "Permalink" | "RelPermalink" => Value::from(self.permalink.as_str()),
            "Kind" => Value::from("page"),
            "IsPage" => Value::Bool(true),
            "Site" => Value::Object(self.site.clone()),
            _ => return Ok(None),
        }))
    }
}

/// `.Param key`: the page's, else the site's; `a.b` looks into nested maps.
fn param(page: &Value, site: &Value, key: &str) -> Value {
    let lookup = |root: &Value| {
        let mut v = root.clone();
        for part in key.split('.') {
            v = match &v {
                Value::Map(m) => m.get(part).cloned()?,
                _ => return None,
            };
        }
        Some(v)
    };
    lookup(page).or_else(|| lookup(site)).unwrap_or_default()
}

/// One call, as its template sees it.
pub struct Shortcode {
    pub name: String,
    pub params: Value,
    pub named: bool,
    pub positional: Vec<Value>,
    pub inner: Option<String>,
    /// The indentation of the opening tag, which `.InnerDeindent` takes off every line.
    pub indent: String,
    pub ordinal: usize,
    pub position: String,
    pub parent: Option<Arc<Shortcode>>,
    pub page: Arc<Page>,
}

impl Shortcode {
    /// `call`'s view for its template; `inner` with its nested calls rendered.
    pub fn new(
        call: &Call,
        source: &str,
        inner: Option<String>,
        position: String,
        parent: Option<Arc<Shortcode>>,
        page: Arc<Page>,
    ) -> Shortcode {
        let (params, named, positional) = match &call.params {
            Params::Positional(list) => {
                let values: Vec<Value> = list.iter().map(|p| value(&p.value)).collect();
                (Value::from(values.clone()), false, values)
            }
            Params::Named(pairs) => {
                let map = Map::new(
                    pairs
                        .iter()
                        .map(|(k, p)| (k.clone(), value(&p.value)))
                        .collect(),
                );
                (Value::from(map), true, Vec::new())
            }
        };
        Shortcode {
            name: call.name.clone(),
            params,
            named,
            positional,
            inner,
            indent: source
                .get(call.indent.clone())
                .unwrap_or_default()
                .to_owned(),
            ordinal: call.ordinal,
            position,
            parent,
            page,
        }
    }
}

impl Object for Shortcode {
    fn type_name(&self) -> &str {
        "*hugolib.ShortcodeWithPage"
    }

    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String> {
        Ok(Some(match name {
            "Get" => match args {
                [Value::Int(i)] => usize::try_from(*i)
                    .ok()
                    .and_then(|i| self.positional.get(i).cloned())
                    .unwrap_or_default(),
                [key] if self.named => match &self.params {
                    Value::Map(m) => m.get(&key.to_go_string()).cloned().unwrap_or_default(),
                    _ => Value::Nil,
                },
                [_] => Value::Nil,
                _ => return Err("Get takes one argument, a position or a name".into()),
            },
            "Inner" => Value::html(self.inner.clone().unwrap_or_default()),
            "InnerDeindent" => Value::html(deindent(
                self.inner.as_deref().unwrap_or_default(),
                &self.indent,
            )),
            "Params" => self.params.clone(),
            "IsNamedParams" => Value::Bool(self.named),
            "Name" => Value::from(self.name.as_str()),
            "Ordinal" => Value::Int(i64::try_from(self.ordinal).unwrap_or(i64::MAX)),
            "Position" => Value::from(self.position.as_str()),
            "Parent" => match &self.parent {
                Some(p) => Value::Object(p.clone()),
                None => Value::Nil,
            },
            "Page" => Value::Object(self.page.clone()),
            "Site" => Value::Object(self.page.site.clone()),
            _ => return Ok(None),
        }))
    }
}

/// A parameter as a template value (`true` unquoted is a bool, `42` an int).
fn value(p: &Param) -> Value {
    match p {
        Param::String(s) => Value::from(s.as_str()),
        Param::Int(i) => Value::Int(*i),
        Param::Float(f) => Value::Float(*f),
        Param::Bool(b) => Value::Bool(*b),
    }
}

/// Hugo's `.InnerDeindent`: `indent` taken off every line that starts with it.
fn deindent(inner: &str, indent: &str) -> String {
    if indent.is_empty() {
        return inner.to_owned();
    }
    inner
        .split_inclusive('\n')
        .map(|line| line.strip_prefix(indent).unwrap_or(line))
        .collect()
}

/// A front-matter map (or any JSON value) as a template value; maps are Hugo's
/// case-insensitive `Params`.
pub fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::from(s.as_str()),
        serde_json::Value::Array(a) => Value::from(a.iter().map(from_json).collect::<Vec<_>>()),
        serde_json::Value::Object(m) => Value::from(Map::params(
            m.iter().map(|(k, v)| (k.clone(), from_json(v))),
        )),
    }
}

/// Markdown to HTML as Hugo's `markdownify` (and `.RenderString`, inline) does: mdBook's options
/// with Goldmark's heading ids, then Hugo's `TrimShortHTML` (see [`markup::markdownify`]).
pub fn markdownify(markdown: &str) -> String {
    markup::markdownify(&markup::render_with_heading_ids, markdown)
}

/// The template engine's host for one run: markdown, and the site's partials.
pub struct RunHost<'a> {
    pub partials: &'a Templates,
    /// `errorf` and `warnf` reports, collected for the stage.
    pub reports: std::sync::Mutex<Vec<crate::template::Error>>,
}

impl Host for RunHost<'_> {
    fn markdownify(&self, markdown: &str) -> Result<String, String> {
        Ok(markdownify(markdown))
    }

    fn partial(&self, name: &str) -> Option<&Template> {
        self.partials.partial(name)
    }

    fn report(&self, report: crate::template::Error) {
        if let Ok(mut r) = self.reports.lock() {
            r.push(report);
        }
    }
}

#[cfg(test)]
mod tests;
