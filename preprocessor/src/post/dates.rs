//! Where a page's four dates come from when the site's `[frontmatter]` (or `enableGitInfo`)
//! says more than Hugo's default, as hugo 0.111's `pagemeta` reads it: for each of `date`,
//! `lastmod`, `publishDate` and `expiryDate` a list of sources tried in order, each a
//! front-matter key (with Hugo's aliases: `lastmod` also `modified`, `publishDate` also
//! `pubdate` and `published`, `expiryDate` also `unpublishdate`), `:default` (Hugo's list for
//! that date), `:filename` (a `2024-02-03-name.md` file's date, and its slug when the front
//! matter has none), `:fileModTime` or `:git` (the file's last commit, when `enableGitInfo`).
//! Without such settings [`Post::from_map`](super::Post::from_map) already reads the default
//! lists, and nothing here runs.

use crate::date::{self, Date};
use serde_json::{Map, Value};

/// One place a date may come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A front-matter key, lowercased.
    Key(String),
    Filename,
    ModTime,
    Git,
}

/// The sources of each date, in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub date: Vec<Source>,
    pub lastmod: Vec<Source>,
    pub publish_date: Vec<Source>,
    pub expiry_date: Vec<Source>,
}

/// What a page's file says of its dates.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileDates<'a> {
    /// Hugo's `ContentBaseName`: the file's name without language and extension, a bundle's
    /// folder name for its `index.md` or `_index.md`.
    pub name: &'a str,
    pub modified: Option<Date>,
    pub committed: Option<Date>,
}

impl Sources {
    /// The sources `frontmatter` (the configuration's table, lowercased keys) names; `None`
    /// when they are Hugo's defaults without git, which the front matter alone decides.
    pub fn from_config(
        frontmatter: Option<&Map<String, Value>>,
        git_info: bool,
    ) -> Option<Sources> {
        let sources = Sources::read(frontmatter, git_info);
        (sources != Sources::read(None, false)).then_some(sources)
    }

    fn read(frontmatter: Option<&Map<String, Value>>, git_info: bool) -> Sources {
        let field = |name: &str| {
            let mut listed: Vec<String> = match frontmatter.and_then(|f| f.get(name)) {
                Some(Value::String(s)) => vec![s.to_lowercase()],
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_lowercase)
                    .collect(),
                _ => Vec::new(),
            };
            if listed.is_empty() {
                listed.push(":default".into());
            }
            let mut out = Vec::new();
            for entry in listed {
                let expanded = if entry == ":default" {
                    default(name)
                } else {
                    vec![entry]
                };
                for s in expanded.iter().flat_map(|e| with_aliases(e)) {
                    if !out.contains(&s) && (s != Source::Git || git_info) {
                        out.push(s);
                    }
                }
            }
            out
        };
        Sources {
            date: field("date"),
            lastmod: field("lastmod"),
            publish_date: field("publishdate"),
            expiry_date: field("expirydate"),
        }
    }

    /// Whether any date is read from the file's modification time, or from git.
    pub fn wants(&self, source: &Source) -> bool {
        [
            &self.date,
            &self.lastmod,
            &self.publish_date,
            &self.expiry_date,
        ]
        .iter()
        .any(|l| l.contains(source))
    }
}

/// Hugo's default list for a date (`frontmatterConfig`'s defaults).
fn default(name: &str) -> Vec<String> {
    let list: &[&str] = match name {
        "date" => &["date", "publishdate", "lastmod"],
        "lastmod" => &[":git", "lastmod", "date", "publishdate"],
        "publishdate" => &["publishdate", "date"],
        _ => &["expirydate"],
    };
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// An entry as sources: a key and its aliases, or a handler.
fn with_aliases(entry: &str) -> Vec<Source> {
    let key = |k: &str| Source::Key(k.to_owned());
    match entry {
        ":filename" => vec![Source::Filename],
        ":filemodtime" => vec![Source::ModTime],
        ":git" => vec![Source::Git],
        "lastmod" => vec![key("lastmod"), key("modified")],
        "publishdate" => vec![key("publishdate"), key("pubdate"), key("published")],
        "expirydate" => vec![key("expirydate"), key("unpublishdate")],
        other => vec![key(other)],
    }
}

/// The four dates, and the slug `:filename` gives (when one of its dates came from the name and
/// the front matter has no `slug`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub date: Option<Date>,
    pub lastmod: Option<Date>,
    pub publish_date: Option<Date>,
    pub expiry_date: Option<Date>,
    pub slug: Option<String>,
}

/// The dates `map` and `file` give by `sources`. A value that is no date is passed over (the
/// front matter's reading reports it where Hugo's own keys hold it).
pub fn resolve(sources: &Sources, map: &Map<String, Value>, file: &FileDates) -> Resolved {
    let named = from_name(file.name);
    let mut from_filename = false;
    let mut pick = |list: &[Source]| {
        list.iter().find_map(|s| match s {
            Source::Key(k) => match map.get(k) {
                Some(Value::String(text)) => date::parse(text),
                _ => None,
            },
            Source::Filename => {
                let d = named.as_ref().map(|(d, _)| *d);
                from_filename |= d.is_some();
                d
            }
            Source::ModTime => file.modified,
            Source::Git => file.committed,
        })
    };
    let mut out = Resolved {
        date: pick(&sources.date),
        lastmod: pick(&sources.lastmod),
        publish_date: pick(&sources.publish_date),
        expiry_date: pick(&sources.expiry_date),
        slug: None,
    };
    if from_filename && !map.contains_key("slug") {
        out.slug = named.map(|(_, slug)| slug);
    }
    out
}

/// Hugo's `dateAndSlugFromBaseFilename`: a name whose first ten characters are a date, and what
/// follows, trimmed of spaces, `-` and `_`.
fn from_name(name: &str) -> Option<(Date, String)> {
    let head = name.get(..10)?;
    let d = date::parse(head)?;
    let slug = name[10..].trim_matches([' ', '-', '_']).to_owned();
    Some((d, slug))
}

#[cfg(test)]
mod tests;
