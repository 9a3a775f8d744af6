//! How one front-matter value is read as Hugo reads it: text, lists, Go's and YAML's booleans,
//! whole numbers, dates, `_build`, the cover image and link cards under the URL policy. Each
//! value it cannot use becomes a problem at the line of its key, and is left out.

use super::{Build, Card, List, Problem, Render};
use crate::date::{self, Date};
use crate::escape;
use crate::front_matter::{self, Block};

use serde_json::{Map, Value};

pub(super) struct Reader<'a> {
    pub(super) map: &'a Map<String, Value>,
    pub(super) source: &'a str,
    pub(super) block: &'a Block,
    pub(super) problems: Vec<Problem>,
}

impl Reader<'_> {
    /// A problem at the value of `key` (at the key when the value is on later lines).
    pub(super) fn problem(&mut self, key: &str, message: String, hint: &str) {
        let at = match front_matter::key_offset(self.source, self.block, key) {
            Some(at) => {
                let line = &self.source[at..self.source[at..]
                    .find('\n')
                    .map_or(self.source.len(), |i| at + i)];
                let value = line.find([':', '=']).map(|sep| {
                    sep + 1 + (line[sep + 1..].len() - line[sep + 1..].trim_start().len())
                });
                at + value.filter(|&v| v < line.trim_end().len()).unwrap_or(0)
            }
            None => self.block.inner.start,
        };
        self.problems.push(Problem {
            at,
            message,
            hint: hint.to_owned(),
        });
    }

    pub(super) fn string(&mut self, key: &str) -> Option<String> {
        match self.map.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            // Hugo reads `title: 1984` as the text `1984` (Go's shortest form for a float).
            Value::Number(n) if n.is_f64() => n.as_f64().map(|f| f.to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.problem(
                    key,
                    format!("`{key}` must be text, not {}", kind(other)),
                    &format!("quote it: `{key}: \"...\"`"),
                );
                None
            }
        }
    }

    pub(super) fn strings(&mut self, key: &str) -> Vec<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some(other) => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("`{key}` must be a list of text, not {what}"),
                    &format!("write `{key}: [\"a\", \"b\"]`"),
                );
                Vec::new()
            }
        }
    }

    /// True or false as Hugo reads it: Go's `strconv.ParseBool` words, and in YAML a whole number
    /// other than 0 and the YAML 1.1 words Hugo's YAML parser takes for booleans (`yes`, `on`).
    pub(super) fn boolean(&mut self, key: &str) -> bool {
        const TRUE: &[&str] = &["1", "t", "T", "TRUE", "true", "True"];
        const FALSE: &[&str] = &["0", "f", "F", "FALSE", "false", "False"];
        const YAML_TRUE: &[&str] = &["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"];
        const YAML_FALSE: &[&str] = &["n", "N", "no", "No", "NO", "off", "Off", "OFF"];
        let yaml = self.block.format == front_matter::Format::Yaml;
        match self.map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            // Go's cast takes an `int`, which only Hugo's YAML parser gives.
            Some(Value::Number(n)) if yaml && n.as_i64().is_some() => n.as_i64() != Some(0),
            Some(Value::String(s))
                if TRUE.contains(&s.as_str()) || (yaml && YAML_TRUE.contains(&s.as_str())) =>
            {
                true
            }
            Some(Value::String(s))
                if FALSE.contains(&s.as_str()) || (yaml && YAML_FALSE.contains(&s.as_str())) =>
            {
                false
            }
            Some(other) => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("`{key}` must be true or false, not {what}"),
                    &format!("write `{key}: true`"),
                );
                false
            }
        }
    }

    /// A whole number as Go's `cast.ToInt` makes one: `true`/`false` are 1 and 0 (real Stack
    /// posts write `weight: false`), a fraction is cut, a number in quotes is that number.
    pub(super) fn integer(&mut self, key: &str) -> i64 {
        match self.map.get(key) {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or(0),
            Some(Value::Number(n)) if n.as_f64().is_some() => n.as_f64().unwrap_or(0.0) as i64,
            Some(Value::Bool(b)) => i64::from(*b),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
                s.trim().parse().unwrap_or(0)
            }
            Some(other) => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("`{key}` must be a whole number, not {what}"),
                    &format!("write `{key}: 3`"),
                );
                0
            }
        }
    }

    pub(super) fn date(&mut self, key: &str) -> Option<Date> {
        let text = match self.map.get(key)? {
            Value::String(s) => s.clone(),
            Value::Null => return None,
            other => {
                let what = kind(other);
                self.problem(
                    key,
                    format!("`{key}` must be a date, not {what}"),
                    "write it as `2025-02-03` or `2025-02-03T15:00:00Z`",
                );
                return None;
            }
        };
        let parsed = date::parse(&text);
        if parsed.is_none() {
            self.problem(
                key,
                format!("`{key}: {text}` is not a date Hugo reads"),
                "write it as `2025-02-03`, `2025-02-03T15:00:00Z` or `2025-02-03 15:00:00+0000`",
            );
        }
        parsed
    }

    /// `_build` as Hugo's weak decoding reads it: keys in any case, `true`/`false` (or 1/0) for
    /// `list` and `render` as in Hugo before 0.67 and 0.76, anything unknown as `always`.
    pub(super) fn build(&mut self) -> Build {
        let mut build = Build::default();
        let table = match self.map.get("_build") {
            None | Some(Value::Null) => return build,
            Some(Value::Object(table)) => table,
            Some(other) => {
                let what = kind(other);
                self.problem(
                    "_build",
                    format!("`_build` must be a map of options, not {what}"),
                    "write `_build:` with `list: never` or `render: never` below it",
                );
                return build;
            }
        };
        let field = |name: &str| {
            table
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        };
        let word = |v: &Value| match v {
            Value::Bool(true) => "1".to_owned(),
            Value::Bool(false) => "0".to_owned(),
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        if let Some(v) = field("list") {
            build.list = match word(v).as_str() {
                "0" | "never" => List::Never,
                "local" => List::Local,
                _ => List::Always,
            };
        }
        if let Some(v) = field("render") {
            build.render = match word(v).as_str() {
                "0" | "never" => Render::Never,
                "link" => Render::Link,
                _ => Render::Always,
            };
        }
        if let Some(v) = field("publishresources") {
            build.publish_resources = !matches!(
                word(v).as_str(),
                "0" | "f" | "F" | "false" | "FALSE" | "False"
            );
        }
        build
    }

    /// Stack's cover `image`, when it may become a `src` (a card's URL policy).
    pub(super) fn image(&mut self) -> Option<String> {
        let url = self.string("image").filter(|u| !u.trim().is_empty())?;
        match escape::refuse_url(&url) {
            None => Some(url),
            Some(why) => {
                self.problem(
                    "image",
                    format!("cover `image` `{url}`: {why}"),
                    "use an http(s) URL or a file of the page bundle",
                );
                None
            }
        }
    }

    pub(super) fn cards(&mut self) -> Vec<Card> {
        let items = match self.map.get("links") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                let what = kind(other);
                self.problem(
                    "links",
                    format!("`links` must be a list of cards, not {what}"),
                    "write each card as `- title: ...` with `website: https://...`",
                );
                return Vec::new();
            }
        };
        let mut cards = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Value::Object(card) = item else {
                self.problem(
                    "links",
                    format!("`links` entry {} is not a card", i + 1),
                    "give it `title:` and `website:` keys",
                );
                continue;
            };
            let field = |name: &str| match card
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
            {
                Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
                None | Some(Value::Null) | Some(Value::String(_)) => Ok(None),
                Some(other) => Err(kind(other)),
            };
            let get = |name: &str, r: &mut Self| match field(name) {
                Ok(v) => v,
                Err(what) => {
                    r.problem(
                        "links",
                        format!("`links` entry {}: `{name}` must be text, not {what}", i + 1),
                        "quote it",
                    );
                    None
                }
            };
            let title = get("title", self);
            let description = get("description", self);
            let mut website = get("website", self);
            let mut image = get("image", self);
            let Some(title) = title.or_else(|| website.clone()) else {
                self.problem(
                    "links",
                    format!("`links` entry {} has neither `title` nor `website`", i + 1),
                    "give the card a `title:` and a `website:`",
                );
                continue;
            };
            // A card's URLs become an `href` and a `src`: one that may not is left out here, so
            // no `Post` ever holds it.
            for (field, value) in [("website", &mut website), ("image", &mut image)] {
                if let Some(why) = value.as_deref().and_then(escape::refuse_url) {
                    let url = value.take().unwrap_or_default();
                    self.problem(
                        "links",
                        format!("card `{title}`: {field} `{url}`: {why}"),
                        "use an http(s) URL or a path relative to the post",
                    );
                }
            }
            cards.push(Card {
                title,
                description,
                website,
                image,
            });
        }
        cards
    }
}

pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a map",
    }
}
