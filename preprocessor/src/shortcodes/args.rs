//! A call's arguments read the way Hugo's templates read them: `.Get "name"` (named only),
//! `.Get 0` (positional only), `default`, truthiness (`with`, `if`, `or`), and values printed as
//! Go prints them (`{{ . }}`: `1.5`, `1e+21`, `[a b]`).

use super::call::{Call, Param, Params, Value};
use std::fmt::Write;

/// A call, read as its template reads it.
#[derive(Clone, Copy)]
pub(crate) struct Args<'a> {
    pub call: &'a Call,
}

impl<'a> Args<'a> {
    pub fn new(call: &'a Call) -> Self {
        Args { call }
    }

    /// `.Get "key"`: the named argument (`None` when the arguments are positional).
    pub fn named(&self, key: &str) -> Option<&'a Param> {
        match &self.call.params {
            Params::Named(named) => named.iter().find(|(k, _)| k == key).map(|(_, p)| p),
            Params::Positional(_) => None,
        }
    }

    /// `.Get i`: the positional argument (`None` when the arguments are named).
    pub fn at(&self, i: usize) -> Option<&'a Param> {
        match &self.call.params {
            Params::Positional(list) => list.get(i),
            Params::Named(_) => None,
        }
    }

    /// `.Get "key" | default (.Get i)`: the first that is set and not a zero value.
    pub fn get(&self, key: &str, i: usize) -> Option<&'a Param> {
        self.named(key)
            .filter(|p| truthy(&p.value))
            .or_else(|| self.at(i))
    }

    /// The named argument as text, when it is set and not a zero value (`with .Get "key"`).
    pub fn text(&self, key: &str) -> Option<String> {
        self.named(key)
            .filter(|p| truthy(&p.value))
            .map(|p| text(&p.value))
    }

    /// The positional argument as text, when it is set and not a zero value.
    pub fn text_at(&self, i: usize) -> Option<String> {
        self.at(i)
            .filter(|p| truthy(&p.value))
            .map(|p| text(&p.value))
    }

    /// The number of positional arguments (`len .Params`), 0 for named ones.
    pub fn positional(&self) -> usize {
        match &self.call.params {
            Params::Positional(list) => list.len(),
            Params::Named(_) => 0,
        }
    }

    pub fn is_named(&self) -> bool {
        matches!(self.call.params, Params::Named(_))
    }

    /// Newer Hugo's `in (slice "true" true 1) (.Get key)` / `in (slice "false" false 0)`:
    /// `Some(true)`, `Some(false)` or `None` when neither.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match &self.named(key)?.value {
            Value::Bool(b) => Some(*b),
            Value::Int(1) => Some(true),
            Value::Int(0) => Some(false),
            Value::String(s) if s == "true" => Some(true),
            Value::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// `eq (.Get key) "text"`: only a string equals a string (Hugo 0.111's `autoplay="true"`;
    /// an unquoted `true` is a boolean and does not match).
    pub fn is_string(&self, key: &str, text: &str) -> bool {
        matches!(self.named(key), Some(Param { value: Value::String(s), .. }) if s == text)
    }

    /// Where the call starts, for problems with the call as a whole.
    pub fn offset(&self) -> usize {
        self.call.range.start
    }

    /// Where the named argument is written, else the call.
    pub fn offset_of(&self, key: &str) -> usize {
        self.named(key).map_or(self.offset(), |p| p.range.start)
    }
}

/// Go templates' truth: false, 0, 0.0 and "" are false.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::String(s) => !s.is_empty(),
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Bool(b) => *b,
    }
}

/// A value as `{{ . }}` prints it.
pub(crate) fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => go_float(*f),
        Value::Bool(b) => b.to_string(),
    }
}

/// A JSON value (a front-matter param) as Go prints the value Hugo decoded: lists as `[a b]`,
/// tables as `map[k:v]` with sorted keys. `None` for the zero values Go's `with` skips.
pub(crate) fn json_text(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value as J;
    let zero = match value {
        J::Null => true,
        J::Bool(b) => !b,
        J::Number(n) => n.as_f64() == Some(0.0),
        J::String(s) => s.is_empty(),
        J::Array(a) => a.is_empty(),
        J::Object(o) => o.is_empty(),
    };
    if zero {
        return None;
    }
    let mut out = String::new();
    write_json(&mut out, value);
    Some(out)
}

fn write_json(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value as J;
    match value {
        J::Null => out.push_str("<nil>"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => {
                let _ = write!(out, "{i}");
            }
            (None, Some(u), _) => {
                let _ = write!(out, "{u}");
            }
            (_, _, Some(f)) => out.push_str(&go_float(f)),
            _ => {}
        },
        J::String(s) => out.push_str(s),
        J::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        J::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push_str("map[");
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(key);
                out.push(':');
                if let Some(v) = map.get(key) {
                    write_json(out, v);
                }
            }
            out.push(']');
        }
    }
}

/// A float as Go's `%v` prints it: the shortest digits that read back, in `%e` form when the
/// exponent is below -4 or at least 6 (`1e+06`, `1e-05`), plain otherwise (`1.5`, `100000`).
pub(crate) fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    // Rust's `{:e}` gives the shortest round-tripping digits: `1.5e0`, `1e21`.
    let sci = format!("{f:e}");
    let Some((mantissa, exp)) = sci.split_once('e') else {
        return sci;
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..6).contains(&exp) {
        return format!("{f}");
    }
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
}

#[cfg(test)]
mod tests;
