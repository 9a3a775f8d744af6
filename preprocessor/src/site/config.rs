//! The settings of a Hugo site that decide what its content means: read from the merged
//! configuration map (see `config_source`) with hugo 0.111's defaults (`taxonomies` tag/tags
//! and category/categories unless the site sets its own, `summaryLength` 70, `contentDir`
//! `content`, ...) and its loose typing (a number where text is wanted is that number's text).
//! A value of the wrong kind is a problem naming the key and the file it most likely came
//! from; the default is used instead.

use crate::diagnostic::{Diagnostic, Severity};
use regex::Regex;
use serde_json::{Map, Value};

/// A taxonomy: `tag` and `tags`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyName {
    pub singular: String,
    pub plural: String,
}

/// What a site's configuration says about its content.
#[derive(Debug, Clone)]
pub struct Config {
    /// `baseURL` as written.
    pub base_url: String,
    /// The path of `baseURL` without its trailing slash (`/blog` for `https://x.org/blog/`),
    /// which starts every page's URL path.
    pub base_path: String,
    pub title: String,
    /// `permalinks`: section (trimmed of spaces and slashes; `""` is the root) and pattern.
    pub permalinks: Vec<(String, String)>,
    pub params: Map<String, Value>,
    /// In plural order (Hugo keeps them in a map).
    pub taxonomies: Vec<TaxonomyName>,
    /// `disableKinds`, lowercased (`taxonomyTerm` read as `taxonomy`).
    pub disable_kinds: Vec<String>,
    pub default_language: String,
    /// The keys of `languages` (lowercased), without `disableLanguages`; empty when unset.
    pub languages: Vec<String>,
    pub default_language_in_subdir: bool,
    /// `timeZone`, as written (read, not yet applied to dates without an offset).
    pub time_zone: Option<String>,
    /// `ignoreFiles`, compiled; matched against a file's absolute path.
    pub ignore_files: Vec<Regex>,
    /// `theme`, a name or a list of names.
    pub themes: Vec<String>,
    pub themes_dir: String,
    /// The default language's content folder, relative to the site root.
    pub content_dir: String,
    pub static_dirs: Vec<String>,
    pub summary_length: usize,
    pub ugly_urls: bool,
    pub has_cjk_language: bool,
    pub pluralize_list_titles: bool,
    pub disable_path_to_lower: bool,
    /// `enableEmoji`: `:smile:` in a page's body is 😄.
    pub enable_emoji: bool,
    /// Where pages' dates come from (`[frontmatter]`, `enableGitInfo`); `None` for Hugo's
    /// default without git, which the front matter alone decides.
    pub dates: Option<crate::post::dates::Sources>,
    /// The whole merged configuration, lowercased keys.
    pub raw: Map<String, Value>,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_map(Map::new(), "hugo.toml").0
    }
}

impl Config {
    /// Reads `map` (merged, lowercased keys). `file` names the configuration in problems.
    pub fn from_map(map: Map<String, Value>, file: &str) -> (Config, Vec<Diagnostic>) {
        let mut r = Reader {
            map: &map,
            file,
            problems: Vec::new(),
        };
        let base_url = r.string("baseurl").unwrap_or_default();
        let default_language = r
            .string("defaultcontentlanguage")
            .unwrap_or_else(|| "en".into())
            .to_lowercase();
        let disabled_languages: Vec<String> = r
            .strings("disablelanguages")
            .into_iter()
            .map(|l| l.to_lowercase())
            .collect();
        let languages: Vec<String> = match map.get("languages") {
            Some(Value::Object(langs)) => langs
                .keys()
                .filter(|l| !disabled_languages.contains(l))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        let language_content_dir = map
            .get("languages")
            .and_then(|l| l.get(&default_language))
            .and_then(|l| l.get("contentdir"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let content_dir = language_content_dir
            .or_else(|| r.string("contentdir"))
            .unwrap_or_else(|| "content".into());
        // `languages.<default>` sets the site's title and params for its language: its
        // `params` keys over the site's, one by one (hugo 0.111's `Language.SetParam`).
        let language = map
            .get("languages")
            .and_then(|l| l.get(&default_language))
            .and_then(Value::as_object);
        let mut params = match map.get("params") {
            Some(Value::Object(p)) => p.clone(),
            _ => Map::new(),
        };
        if let Some(Value::Object(own)) = language.and_then(|l| l.get("params")) {
            params.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let title = language
            .and_then(|l| l.get("title"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| r.string("title"))
            .unwrap_or_default();
        let config = Config {
            base_path: base_path(&base_url),
            base_url,
            title,
            permalinks: r.permalinks(),
            params,
            taxonomies: r.taxonomies(),
            disable_kinds: r
                .strings("disablekinds")
                .into_iter()
                .map(|k| match k.to_lowercase().as_str() {
                    "taxonomyterm" => "taxonomy".to_owned(),
                    other => other.to_owned(),
                })
                .collect(),
            default_language,
            languages,
            default_language_in_subdir: r.boolean("defaultcontentlanguageinsubdir"),
            time_zone: r.string("timezone").filter(|z| !z.is_empty()),
            ignore_files: r.regexes("ignorefiles"),
            themes: r.strings("theme"),
            themes_dir: r.string("themesdir").unwrap_or_else(|| "themes".into()),
            content_dir: content_dir.trim_end_matches('/').to_owned(),
            static_dirs: match map.get("staticdir") {
                None => vec!["static".into()],
                Some(_) => r.strings("staticdir"),
            },
            summary_length: r.integer("summarylength").map_or(70, |n| n.max(0) as usize),
            ugly_urls: r.boolean("uglyurls"),
            has_cjk_language: r.boolean("hascjklanguage"),
            pluralize_list_titles: map
                .get("pluralizelisttitles")
                .is_none_or(|_| r.boolean("pluralizelisttitles")),
            disable_path_to_lower: r.boolean("disablepathtolower"),
            enable_emoji: r.boolean("enableemoji"),
            dates: crate::post::dates::Sources::from_config(
                map.get("frontmatter").and_then(Value::as_object),
                r.boolean("enablegitinfo"),
            ),
            raw: Map::new(),
        };
        let problems = r.problems;
        (Config { raw: map, ..config }, problems)
    }

    /// Whether more than one language is configured (URLs of the default language then start
    /// with it when `defaultContentLanguageInSubdir` is set).
    pub fn multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The language prefix of every URL path: `/en` or `""`.
    pub fn language_prefix(&self) -> String {
        if self.multilingual() && self.default_language_in_subdir {
            format!("/{}", self.default_language)
        } else {
            String::new()
        }
    }

    /// Whether pages of `kind` (`page`, `section`, `taxonomy`, `term`, `home`) are disabled.
    pub fn kind_disabled(&self, kind: &str) -> bool {
        self.disable_kinds.iter().any(|k| k == kind)
    }

    /// The permalink pattern for pages of top-level section `section` (`""`: the root).
    pub fn permalink(&self, section: &str) -> Option<&str> {
        self.permalinks
            .iter()
            .find(|(s, _)| s == section)
            .map(|(_, p)| p.as_str())
    }

    /// `markup.goldmark.renderer.unsafe`: raw HTML is written as it is.
    pub fn raw_html(&self) -> bool {
        let unsafe_ = || {
            self.raw
                .get("markup")?
                .get("goldmark")?
                .get("renderer")?
                .get("unsafe")?
                .as_bool()
        };
        unsafe_().unwrap_or(false)
    }

    /// `markup.highlight` line numbering, when `lineNos` is set.
    pub fn line_numbers(&self) -> Option<super::summary::LineNumbers> {
        let h = self.raw.get("markup")?.get("highlight")?;
        let flag = |k: &str, default: bool| h.get(k).and_then(Value::as_bool).unwrap_or(default);
        flag("linenos", false).then(|| super::summary::LineNumbers {
            start: h.get("linenostart").and_then(Value::as_u64).unwrap_or(1) as usize,
            in_table: flag("linenumbersintable", true),
            guess_syntax: flag("guesssyntax", false),
        })
    }

    /// `params.mainSections`, when the site (or its theme) sets it.
    pub fn main_sections(&self) -> Option<Vec<String>> {
        match self.params.get("mainsections")? {
            Value::String(s) => Some(vec![s.clone()]),
            Value::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// The path of a base URL, without a trailing slash: `https://x.org/blog/` is `/blog`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').to_owned()
}

struct Reader<'a> {
    map: &'a Map<String, Value>,
    file: &'a str,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn problem(&mut self, key: &str, message: String, hint: &str) {
        self.problems.push(Diagnostic {
            severity: Severity::Warning,
            file: self.file.to_owned(),
            line: 1,
            column: 1,
            message: format!("site configuration `{key}`: {message}"),
            hint: Some(hint.to_owned()),
        });
    }

    /// Text as Go's `cast.ToString` makes it.
    fn string(&mut self, key: &str) -> Option<String> {
        match self.map.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null => None,
            other => {
                let what = kind(other);
                self.problem(key, format!("must be text, not {what}"), "quote the value");
                None
            }
        }
    }

    /// A list of text, or one text as a list of it.
    fn strings(&mut self, key: &str) -> Vec<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    Value::Bool(b) => Some(b.to_string()),
                    _ => None,
                })
                .collect(),
            Some(other) => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("must be a list of text, not {what}"),
                    "write it as a list: `[\"a\", \"b\"]`",
                );
                Vec::new()
            }
        }
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s))
                if matches!(s.as_str(), "1" | "t" | "T" | "TRUE" | "true" | "True") =>
            {
                true
            }
            Some(Value::String(s))
                if matches!(s.as_str(), "0" | "f" | "F" | "FALSE" | "false" | "False") =>
            {
                false
            }
            Some(Value::Number(n)) => n.as_f64() != Some(0.0),
            Some(other) => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("must be true or false, not {what}"),
                    "write `true` or `false`",
                );
                false
            }
        }
    }

    fn integer(&mut self, key: &str) -> Option<i64> {
        match self.map.get(key)? {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            Value::Null => None,
            other => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("must be a whole number, not {what}"),
                    "write a number such as `70`",
                );
                None
            }
        }
    }

    fn permalinks(&mut self) -> Vec<(String, String)> {
        let Some(value) = self.map.get("permalinks") else {
            return Vec::new();
        };
        let Value::Object(table) = value else {
            let what = kind(value);
            self.problem(
                "permalinks",
                format!("must be a table of section = pattern, not {what}"),
                "write `[permalinks]` with `post = \"/p/:slug/\"`",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (section, pattern) in table {
            match pattern {
                Value::String(p) => {
                    let section = section.trim_matches([' ', '/']).to_owned();
                    out.push((section, p.clone()));
                }
                other => {
                    let what = kind(other);
                    self.problem(
                        &format!("permalinks.{section}"),
                        format!("must be a pattern such as `/p/:slug/`, not {what}"),
                        "hugo 0.111 takes one pattern per section",
                    );
                }
            }
        }
        out
    }

    fn taxonomies(&mut self) -> Vec<TaxonomyName> {
        let mut out = match self.map.get("taxonomies") {
            None | Some(Value::Null) => vec![
                TaxonomyName {
                    singular: "category".into(),
                    plural: "categories".into(),
                },
                TaxonomyName {
                    singular: "tag".into(),
                    plural: "tags".into(),
                },
            ],
            Some(Value::Object(table)) => table
                .iter()
                .filter_map(|(singular, plural)| {
                    let plural = match plural {
                        Value::String(p) => p.clone(),
                        Value::Number(n) => n.to_string(),
                        _ => return None,
                    };
                    (!plural.is_empty()).then(|| TaxonomyName {
                        singular: singular.clone(),
                        plural: plural.to_lowercase(),
                    })
                })
                .collect(),
            Some(other) => {
                let what = kind(other);
                self.problem(
                    "taxonomies",
                    format!("must be a table of singular = plural, not {what}"),
                    "write `[taxonomies]` with `tag = \"tags\"`",
                );
                Vec::new()
            }
        };
        out.sort_by(|a, b| a.plural.cmp(&b.plural));
        out
    }

    /// Hugo logs a bad `ignoreFiles` expression and goes on without it; so do we, as a problem.
    fn regexes(&mut self, key: &str) -> Vec<Regex> {
        let mut out = Vec::new();
        for pattern in self.strings(key) {
            match Regex::new(&pattern) {
                Ok(re) => out.push(re),
                Err(e) => {
                    let first = e.to_string();
                    let first = first.lines().last().unwrap_or("").trim().to_owned();
                    self.problem(
                        key,
                        format!("`{pattern}` is not a regular expression: {first}"),
                        "hugo skips it too; fix or remove it",
                    );
                }
            }
        }
        out
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod tests;
