//! Front matter: finding it exactly where Hugo does (YAML between `---` lines, TOML between `+++`
//! lines, a JSON object, at the very start of the file after an optional BOM and whitespace) and
//! parsing it into a map of lowercased keys, as Hugo's keys are case-insensitive. Pure functions
//! from a chapter's text to data; positions are byte offsets into that text.

use crate::diagnostic::Diagnostic;
use serde_json::{Map, Value};

/// The three syntaxes Hugo reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }
}

/// Where a chapter's front matter is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub format: Format,
    /// Byte range of the text between the delimiters (for JSON, the object itself).
    pub inner: std::ops::Range<usize>,
    /// Byte offset where the body starts, after the closing delimiter's line.
    pub body_start: usize,
}

/// What [`find`] saw at the start of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No front matter: the chapter is all body.
    None,
    Block(Block),
    /// An opening delimiter with no closing one, at this byte offset.
    Unclosed {
        format: Format,
        at: usize,
    },
}

/// A front-matter problem, at a byte offset of the chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: usize,
    pub message: String,
    pub hint: String,
}

impl Problem {
    /// The problem as a diagnostic of `file`, whose text is `source`.
    pub fn diagnostic(self, file: &str, source: &str) -> Diagnostic {
        Diagnostic::at(file, source, self.at, self.message).hint(self.hint)
    }
}

/// Front matter opened in `format` at `at` and never closed.
pub fn unclosed(format: Format, at: usize) -> Problem {
    let fence = match format {
        Format::Yaml => "`---`",
        Format::Toml => "`+++`",
        Format::Json => "`}`",
    };
    Problem {
        at,
        message: format!("front matter opened here is never closed: no closing {fence}"),
        hint: format!("end the front matter with a line holding only {fence}"),
    }
}

/// Finds the front matter at the start of `source`.
pub fn find(source: &str) -> Found {
    let start = leading_skip(source);
    let rest = &source[start..];
    if rest.starts_with('{') {
        return match json_object_end(rest) {
            Some(end) => Found::Block(Block {
                format: Format::Json,
                inner: start..start + end,
                body_start: start + end + line_rest(&rest[end..]),
            }),
            None => Found::Unclosed {
                format: Format::Json,
                at: start,
            },
        };
    }
    for (delim, format) in [("---", Format::Yaml), ("+++", Format::Toml)] {
        let Some(after) = rest.strip_prefix(delim) else {
            continue;
        };
        // The opening delimiter is a line of its own (trailing spaces allowed).
        let first_line = &after[..after.find('\n').map_or(after.len(), |i| i + 1)];
        if !first_line.trim().is_empty() {
            return Found::None;
        }
        let inner_start = start + delim.len() + first_line.len();
        let mut line_start = inner_start;
        while line_start < source.len() {
            let line_end = source[line_start..]
                .find('\n')
                .map_or(source.len(), |i| line_start + i + 1);
            let line = &source[line_start..line_end];
            if line.starts_with(delim) && line[delim.len()..].trim().is_empty() {
                return Found::Block(Block {
                    format,
                    inner: inner_start..line_start,
                    body_start: line_end,
                });
            }
            line_start = line_end;
        }
        return Found::Unclosed { format, at: start };
    }
    Found::None
}

/// Bytes before the front matter that Hugo skips: a UTF-8 BOM, then whitespace. Only skipped
/// when a delimiter follows; otherwise the chapter has no front matter at all.
fn leading_skip(source: &str) -> usize {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let ws = source[bom..].len() - source[bom..].trim_start().len();
    bom + ws
}

/// The length of the rest of the line at the start of `s`, newline included.
fn line_rest(s: &str) -> usize {
    s.find('\n').map_or(s.len(), |i| i + 1)
}

/// The byte length of the JSON object at the start of `s`, where its braces balance outside
/// strings; `None` if they never do.
fn json_object_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in s.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Parses the front matter of `block` in `source` into a map with lowercased keys.
pub fn parse(source: &str, block: &Block) -> Result<Map<String, Value>, Problem> {
    let text = &source[block.inner.clone()];
    let value = match block.format {
        Format::Yaml => parse_yaml(text, block.inner.start)?,
        Format::Toml => parse_toml(text, block.inner.start)?,
        Format::Json => serde_json::from_str::<Value>(text).map_err(|e| {
            let at = block.inner.start + offset_of(text, e.line(), e.column().saturating_sub(1));
            syntax_problem(Format::Json, at, &e.to_string())
        })?,
    };
    match value {
        Value::Object(map) => Ok(lowercase_keys(map)),
        // An empty YAML block is no front matter worth complaining about.
        Value::Null => Ok(Map::new()),
        _ => Err(Problem {
            at: block.inner.start,
            message: format!(
                "the {} front matter is not a map of keys to values",
                block.format.name()
            ),
            hint: "write one `key: value` per line, such as `title: My post`".into(),
        }),
    }
}

fn parse_yaml(text: &str, base: usize) -> Result<Value, Problem> {
    if let Some(value) = crate::yaml::simple(text) {
        return Ok(value);
    }
    serde_yaml::from_str::<Value>(text).map_err(|e| {
        // An error at the very end (an unclosed `[`) belongs to the last line, not the fence.
        let index = e
            .location()
            .map_or(0, |l| l.index())
            .min(text.trim_end().len());
        let at = base + index;
        // serde_yaml appends its own "at line L column C", which counts from the block's start: drop it.
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        syntax_problem(Format::Yaml, at, &message)
    })
}

fn parse_toml(text: &str, base: usize) -> Result<Value, Problem> {
    let table = text.parse::<toml::Table>().map_err(|e| {
        let at = base + e.span().map_or(0, |s| s.start);
        syntax_problem(Format::Toml, at, e.message())
    })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

/// TOML values as JSON ones; datetimes become their RFC 3339 text, as Hugo reads them.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(mut d) => {
            // hugo 0.111 (its TOML parser) drops the fraction of a datetime with an offset.
            if d.offset.is_some()
                && let Some(time) = d.time.as_mut()
            {
                time.nanosecond = None;
            }
            Value::String(d.to_string())
        }
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn syntax_problem(format: Format, at: usize, detail: &str) -> Problem {
    let fence = match format {
        Format::Yaml => "`---` lines",
        Format::Toml => "`+++` lines",
        Format::Json => "the braces",
    };
    Problem {
        at,
        message: format!(
            "malformed {} front matter: {}",
            format.name(),
            detail.trim()
        ),
        hint: format!(
            "fix the {} between {fence}; `mdbook serve` shows the page meanwhile",
            format.name()
        ),
    }
}

fn lowercase_keys(map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter()
        .map(|(k, v)| (k.to_lowercase(), v))
        .collect()
}

/// The byte offset of 1-based `line` and 0-based byte `column` in `text`.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// Where `key` is written in the front matter, for diagnostics about its value: the byte offset
/// of the key's first occurrence at the start of a line (YAML, TOML) or as a quoted key (JSON).
pub fn key_offset(source: &str, block: &Block, key: &str) -> Option<usize> {
    let text = &source[block.inner.clone()];
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // JSON keys may follow the object's `{` or a `,` on the same line.
        let trimmed = line.trim_start_matches(|c: char| {
            c.is_whitespace() || (block.format == Format::Json && (c == '{' || c == ','))
        });
        let indent = line.len() - trimmed.len();
        let candidate = trimmed.strip_prefix('"').unwrap_or(trimmed);
        if candidate.len() >= key.len()
            && candidate.is_char_boundary(key.len())
            && candidate[..key.len()].eq_ignore_ascii_case(key)
        {
            let after = candidate[key.len()..].trim_start_matches('"').trim_start();
            if after.starts_with(':') || after.starts_with('=') {
                return Some(block.inner.start + line_start + indent);
            }
        }
        line_start += line.len();
    }
    None
}

#[cfg(test)]
mod tests;
