//! The values a template computes with, as Go's `any` holds them in Hugo: nil, bool, int,
//! float, string, the html/template safe-string types, lists, maps with string keys, and host
//! objects (the shortcode, its page, the site) that answer fields and methods through
//! [`Object`]. Cloning is cheap (strings, lists and maps are shared). Also Go's truthiness and
//! the text `fmt.Sprint` makes of a value.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// A value in a template.
#[derive(Clone, Default)]
pub enum Value {
    /// Go's nil: a missing map key, a missing parameter, `nil`.
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Arc<str>),
    /// A string of one of html/template's trusted types (`template.HTML`, ...).
    Safe(Safe, Arc<str>),
    List(Arc<Vec<Value>>),
    Map(Arc<Map>),
    /// A value of the host's: `.Page`, `.Site`, the shortcode itself.
    Object(Arc<dyn Object>),
}

/// html/template's trusted string types: content of that kind is inserted without escaping
/// where Go lets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Safe {
    /// `template.HTML`: `safeHTML`, `markdownify`, `.Inner`, `partial`.
    Html,
    /// `template.HTMLAttr`: `safeHTMLAttr`, a whole `name="value"` attribute.
    HtmlAttr,
    /// `template.URL`: `safeURL`.
    Url,
    /// `template.JS`: `safeJS`.
    Js,
    /// `template.CSS`: `safeCSS`.
    Css,
}

impl Safe {
    /// The Go type's name, as `printf "%T"` prints it.
    pub fn go_type(self) -> &'static str {
        match self {
            Safe::Html => "template.HTML",
            Safe::HtmlAttr => "template.HTMLAttr",
            Safe::Url => "template.URL",
            Safe::Js => "template.JS",
            Safe::Css => "template.CSS",
        }
    }
}

/// A map with string keys, ranged over in key order as Go does. Hugo's `Params` maps are
/// case-insensitive: their keys are stored lowercased and looked up lowercased
/// (`.Params.someKey` finds `somekey`); a `dict` is exact.
#[derive(Clone, Debug, Default)]
pub struct Map {
    entries: BTreeMap<String, Value>,
    params: bool,
}

impl Map {
    /// An exact-key map, as `dict` makes.
    pub fn new(entries: BTreeMap<String, Value>) -> Self {
        Map {
            entries,
            params: false,
        }
    }

    /// A case-insensitive map, as Hugo's `.Params` and `.Site.Params` are: keys lowercased.
    pub fn params(entries: impl IntoIterator<Item = (String, Value)>) -> Self {
        Map {
            entries: entries
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            params: true,
        }
    }

    /// The value at `key`, as field access and `index` find it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        let found = self.entries.get(key);
        if found.is_none() && self.params && key.chars().any(char::is_uppercase) {
            return self.entries.get(&key.to_lowercase());
        }
        found
    }

    /// Whether `key` is there exactly as written (Hugo's `isset` does not lowercase).
    pub fn contains_exact(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter()
    }

    pub fn is_params(&self) -> bool {
        self.params
    }
}

/// A host value's fields and methods (`.Get 0`, `.Page.Title`, `.Site.Params`). The template
/// names one with its arguments; the object answers `Ok(None)` when it has no such field or
/// method (the template then fails with Go's "can't evaluate field" and the caller can fall
/// back), or an error message when the call itself fails.
pub trait Object: Send + Sync {
    /// The Go type's name, for messages and `printf "%T"`: `*hugolib.ShortcodeWithPage`.
    fn type_name(&self) -> &str;
    /// The field or method `name` called with `args` (empty for a field).
    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String>;
    /// How `{{ . }}` prints it.
    fn display(&self) -> String {
        self.type_name().to_owned()
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => f.write_str("nil"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Safe(k, s) => write!(f, "{k:?}({s:?})"),
            Value::List(l) => f.debug_list().entries(l.iter()).finish(),
            Value::Map(m) => f.debug_map().entries(m.iter()).finish(),
            Value::Object(o) => write!(f, "<{}>", o.type_name()),
        }
    }
}

impl PartialEq for Value {
    /// Structural equality, for tests; templates compare with `eq`.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Safe(k, a), Value::Safe(l, b)) => k == l && a == b,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => a.entries == b.entries,
            (Value::Object(a), Value::Object(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s.into())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Float(x)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<Vec<Value>> for Value {
    fn from(l: Vec<Value>) -> Self {
        Value::List(Arc::new(l))
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Map(Arc::new(m))
    }
}

impl Value {
    /// A trusted string of kind `safe`.
    pub fn safe(safe: Safe, s: impl Into<Arc<str>>) -> Self {
        Value::Safe(safe, s.into())
    }

    /// `template.HTML`, as `.Inner` and `markdownify` return.
    pub fn html(s: impl Into<Arc<str>>) -> Self {
        Value::Safe(Safe::Html, s.into())
    }

    /// Go's truth of a value, as `if`, `with`, `and`, `or` and `not` see it: false for nil,
    /// false, zero numbers and empty strings, lists and maps.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(x) => *x != 0.0,
            Value::String(s) | Value::Safe(_, s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Object(_) => true,
        }
    }

    /// The text, when the value is a string of any kind.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Safe(_, s) => Some(s),
            _ => None,
        }
    }

    /// The Go type's name, as `printf "%T"` and error messages print it.
    pub fn go_type(&self) -> &str {
        match self {
            Value::Nil => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float64",
            Value::String(_) => "string",
            Value::Safe(k, _) => k.go_type(),
            Value::List(_) => "[]interface {}",
            Value::Map(m) if m.params => "maps.Params",
            Value::Map(_) => "map[string]interface {}",
            Value::Object(o) => o.type_name(),
        }
    }

    /// `fmt.Sprint` of the value alone: nil as `<nil>`, floats as `%v`, lists as `[a b]`,
    /// maps as `map[k:v]`.
    pub fn to_go_string(&self) -> String {
        match self {
            Value::String(s) | Value::Safe(_, s) => s.to_string(),
            _ => {
                let mut out = String::new();
                self.write_go(&mut out);
                out
            }
        }
    }

    /// Appends what `fmt.Sprint` prints for the value to `out`.
    pub fn write_go(&self, out: &mut String) {
        match self {
            Value::Nil => out.push_str("<nil>"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(x) => super::fmt::float_v(*x, out),
            Value::String(s) | Value::Safe(_, s) => out.push_str(s),
            Value::List(l) => {
                out.push('[');
                for (i, v) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    v.write_go(out);
                }
                out.push(']');
            }
            Value::Map(m) => {
                out.push_str("map[");
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(k);
                    out.push(':');
                    v.write_go(out);
                }
                out.push(']');
            }
            Value::Object(o) => out.push_str(&o.display()),
        }
    }
}

mod weight;

#[cfg(test)]
mod tests;
