//! Where a Hugo site's configuration comes from and how hugo 0.111 merges it: the first of
//! `hugo.toml|yaml|yml|json` and then `config.*` at the root (one file only: `hugo.*` wins),
//! then every file below `config/_default/` and then `config/<environment>/`, each set on top
//! of what came before (maps merged key by key, the later value winning). A file below the
//! config folder is a root table when it is named `hugo.*` or `config.*`, else the table of its
//! name (`params.toml` is `params`, `menus.en.toml` is `languages.en.menus`). Keys are
//! case-insensitive: every map's keys are lowercased. A theme's configuration only fills gaps:
//! `params` key by key, and root values that are not maps. Parsing and merging are pure; which
//! files exist is the caller's (the disk edge's) business.

use crate::diagnostic::Diagnostic;
use serde_json::{Map, Value};

/// One configuration file as read from the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFile {
    /// The file relative to the site root (`config/_default/params.toml`), for diagnostics and
    /// to know where below the config folder it sits.
    pub path: String,
    pub text: String,
}

/// The names hugo 0.111 tries at a site's (or theme's) root, in its order.
pub const ROOT_NAMES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// Whether a file below the config folder is one Hugo reads (by its extension, any case).
pub fn is_config_file(name: &str) -> bool {
    format_of(name).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Toml,
    Yaml,
    Json,
}

fn format_of(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "toml" => Some(Format::Toml),
        "yaml" | "yml" => Some(Format::Yaml),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Parses one file into a map with lowercased keys, or the problem at its line.
pub fn parse(file: &ConfigFile) -> Result<Map<String, Value>, Diagnostic> {
    let problem = |at: usize, detail: &str| {
        Diagnostic::at(
            &file.path,
            &file.text,
            at,
            format!("malformed site configuration: {}", detail.trim()),
        )
        .hint("fix the file; hugo refuses to build with it too")
    };
    let value = match format_of(&file.path) {
        Some(Format::Toml) => file
            .text
            .parse::<toml::Table>()
            .map(|t| toml_to_json(toml::Value::Table(t)))
            .map_err(|e| problem(e.span().map_or(0, |s| s.start), e.message()))?,
        Some(Format::Yaml) => serde_yaml::from_str::<Value>(&file.text).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            problem(e.location().map_or(0, |l| l.index()), message)
        })?,
        Some(Format::Json) => serde_json::from_str::<Value>(&file.text).map_err(|e| {
            let at =
                crate::front_matter::offset_of(&file.text, e.line(), e.column().saturating_sub(1));
            problem(at, &e.to_string())
        })?,
        None => {
            return Err(Diagnostic::at(
                &file.path,
                &file.text,
                0,
                "not a configuration file Hugo reads",
            )
            .hint("name it with .toml, .yaml, .yml or .json"));
        }
    };
    match value {
        Value::Object(map) => Ok(lowercase_keys(map)),
        Value::Null => Ok(Map::new()),
        _ => Err(problem(0, "the file is not a table of settings")),
    }
}

/// TOML values as JSON ones; datetimes become their RFC 3339 text.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Every map's keys lowercased, recursively (Hugo's `PrepareParams`), lists' maps included.
fn lowercase_keys(map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter()
        .map(|(k, v)| (k.to_lowercase(), lowercase_value(v)))
        .collect()
}

fn lowercase_value(value: Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(lowercase_keys(m)),
        other => other,
    }
}

/// Where a file below the config folder goes in the configuration: `[]` for the root
/// (`hugo.toml`, `config.yaml`), else its key path (`params.toml` is `["params"]`,
/// `params.en.toml` is `["languages", "en", "params"]`, `menus.en.toml` `["languages", "en",
/// "menus"]`, another `x.en.toml` `["languages", "en"]`).
pub fn key_path(path: &str) -> Vec<String> {
    let base = path.rsplit('/').next().unwrap_or(path);
    let name = base.rsplit_once('.').map_or(base, |(n, _)| n);
    if name == "hugo" || name == "config" {
        return Vec::new();
    }
    match name.rsplit_once('.') {
        Some((name, lang)) if !lang.is_empty() => {
            let mut keys = vec!["languages".to_owned(), lang.to_lowercase()];
            match name {
                "menu" | "menus" => keys.push("menus".into()),
                "params" => keys.push("params".into()),
                _ => {}
            }
            keys
        }
        _ => vec![name.to_lowercase()],
    }
}

/// Sets `over` on top of `base` as Hugo's `Set` does: maps merged key by key, any other value
/// replacing what was there.
pub fn set(base: &mut Map<String, Value>, over: Map<String, Value>) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(existing)), Value::Object(new)) => set(existing, new),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// `value` placed at `keys` (`["languages", "en"]` wraps it twice).
pub fn nest(keys: &[String], value: Map<String, Value>) -> Map<String, Value> {
    keys.iter().rev().fold(value, |inner, key| {
        let mut outer = Map::new();
        outer.insert(key.clone(), Value::Object(inner));
        outer
    })
}

/// Merges the files of one site (or theme) in the order given: the root file first, then
/// the config folder's files in walk order. Returns the merged map and the files' problems.
pub fn merge(files: &[ConfigFile], config_dir: &str) -> (Map<String, Value>, Vec<Diagnostic>) {
    let mut merged = Map::new();
    let mut problems = Vec::new();
    let prefix = format!("{}/", config_dir.trim_end_matches('/'));
    for file in files {
        match parse(file) {
            Ok(map) => {
                let keys = match file.path.strip_prefix(&prefix) {
                    Some(_) => key_path(&file.path),
                    None => Vec::new(),
                };
                set(&mut merged, nest(&keys, map));
            }
            Err(problem) => problems.push(problem),
        }
    }
    (merged, problems)
}

/// Fills gaps in `site` from a theme's configuration as hugo 0.111 merges a theme: `params`
/// key by key at every depth, and root keys the site lacks whose value is not a map.
pub fn merge_theme(site: &mut Map<String, Value>, theme: &Map<String, Value>) {
    for (key, value) in theme {
        match (site.get_mut(key), value) {
            (Some(Value::Object(mine)), Value::Object(theirs)) if key == "params" => {
                fill(mine, theirs);
            }
            (None, Value::Object(theirs)) if key == "params" => {
                site.insert(key.clone(), Value::Object(theirs.clone()));
            }
            (None, Value::Object(_)) | (Some(_), _) => {}
            (None, value) => {
                site.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Adds the keys of `theirs` that `mine` lacks, recursively into maps both have.
fn fill(mine: &mut Map<String, Value>, theirs: &Map<String, Value>) {
    for (key, value) in theirs {
        match (mine.get_mut(key), value) {
            (Some(Value::Object(m)), Value::Object(t)) => fill(m, t),
            (Some(_), _) => {}
            (None, value) => {
                mine.insert(key.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests;
