//! The functions a template can call, by the names Hugo gives them (its aliases `lower`,
//! `replaceRE`, ... and the namespaced `strings.ToLower`, `collections.Index`, ...), resolved
//! once at parse time. Go's builtins are Hugo's where Hugo replaces them (`eq` and friends
//! compare numbers across kinds, `index` is nil-safe, `slice` builds a list). Names Hugo has
//! and this engine lacks are "not supported" (the caller can fall back); other names are "not
//! defined", as Go says. The pure functions live in the submodules; the ones that need the
//! running template (`and`, `or`, `partial`, `markdownify`, `errorf`) are run by `exec`.

mod collections;
mod names;
mod numbers;
mod text;
mod transform;
mod truncate;

pub use names::{Lookup, is_namespace, lookup};
pub use transform::{anchorize, json, unescape_html};

use super::value::{Safe, Value};

/// A function, resolved from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    // Evaluated by exec: lazy arguments or the running template.
    And,
    Or,
    Call,
    Markdownify,
    Partial,
    PartialCached,
    Errorf,
    Warnf,
    /// A namespace (`strings`) used without a method.
    Namespace,
    // Go's builtins.
    Not,
    Len,
    Index,
    Slice,
    Print,
    Printf,
    Println,
    Html,
    UrlQuery,
    // Comparison.
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Default,
    Cond,
    // Trusted strings.
    SafeHtml,
    SafeHtmlAttr,
    SafeUrl,
    SafeCss,
    SafeJs,
    // Strings.
    Chomp,
    Trim,
    TrimLeft,
    TrimRight,
    TrimPrefix,
    TrimSuffix,
    TrimSpace,
    Lower,
    Upper,
    Title,
    FirstUpper,
    Replace,
    ReplaceRe,
    FindRe,
    Split,
    Contains,
    ContainsAny,
    HasPrefix,
    HasSuffix,
    Repeat,
    Substr,
    SliceString,
    Count,
    CountWords,
    CountRunes,
    RuneCount,
    Truncate,
    // Transformations.
    HtmlEscape,
    HtmlUnescape,
    Plainify,
    Emojify,
    Jsonify,
    Urlize,
    Anchorize,
    Humanize,
    // Collections.
    Delimit,
    In,
    Dict,
    Append,
    First,
    Last,
    After,
    Seq,
    IsSet,
    // Numbers.
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Ceil,
    Floor,
    Round,
    Abs,
    Max,
    Min,
    Pow,
    Sqrt,
    ToInt,
    ToFloat,
    ToString,
    // Hugo's templates: `return` outside a partial's first `return X` takes no arguments.
    Return,
    NewScratch,
}

/// Why a function failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Fail {
    /// The call is wrong: Go's "error calling x: ...".
    Error(String),
    /// The result would pass an execution bound.
    Limit(String),
}

impl From<String> for Fail {
    fn from(s: String) -> Self {
        Fail::Error(s)
    }
}

impl From<&str> for Fail {
    fn from(s: &str) -> Self {
        Fail::Error(s.to_owned())
    }
}

pub type Result<T> = std::result::Result<T, Fail>;

/// The bounds a function's result must stay within.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The longest string, in bytes.
    pub string: usize,
    /// The longest list.
    pub list: usize,
}

/// Checks the argument count as Go does.
pub fn want(name: &str, args: &[Value], n: usize) -> Result<()> {
    if args.len() == n {
        Ok(())
    } else {
        Err(Fail::Error(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        )))
    }
}

/// Checks the argument count is within `lo..=hi`.
pub fn want_between(name: &str, args: &[Value], lo: usize, hi: usize) -> Result<()> {
    if (lo..=hi).contains(&args.len()) {
        Ok(())
    } else {
        Err(Fail::Error(format!(
            "wrong number of args for {name}: want {lo} to {hi} got {}",
            args.len()
        )))
    }
}

/// Runs a pure function.
pub fn call(func: Func, name: &str, args: &[Value], bounds: Bounds) -> Result<Value> {
    call_weighed(func, name, args, bounds).map(|(v, _)| v)
}

/// Runs a pure function; its result and what the result weighs.
pub fn call_weighed(
    func: Func,
    name: &str,
    args: &[Value],
    bounds: Bounds,
) -> Result<(Value, usize)> {
    use Func::*;
    let arg = |i: usize| args.get(i).unwrap_or(&Value::Nil);
    let result = match func {
        Not => {
            want(name, args, 1)?;
            Value::Bool(!arg(0).truthy())
        }
        Print => Value::from(super::fmt::sprint(args)),
        Println => Value::from(super::fmt::sprintln(args)),
        Printf => {
            let Some(format) = args.first() else {
                return Err(Fail::Error(format!(
                    "wrong number of args for {name}: want at least 1 got 0"
                )));
            };
            let format = numbers::to_string(format)?;
            Value::from(super::fmt::sprintf(&format, args.get(1..).unwrap_or(&[])))
        }
        Html => Value::from(super::escaper::go_html(&super::fmt::sprint(args))),
        UrlQuery => Value::from(super::escaper::query_escape(&super::fmt::sprint(args))),
        SafeHtml | SafeHtmlAttr | SafeUrl | SafeCss | SafeJs => {
            want(name, args, 1)?;
            let kind = match func {
                SafeHtml => Safe::Html,
                SafeHtmlAttr => Safe::HtmlAttr,
                SafeUrl => Safe::Url,
                SafeCss => Safe::Css,
                _ => Safe::Js,
            };
            Value::safe(kind, numbers::to_string(arg(0))?)
        }
        Len | Index | Slice | Delimit | In | Dict | Append | First | Last | After | Seq | IsSet => {
            collections::call(func, name, args, bounds)?
        }
        Eq | Ne | Lt | Le | Gt | Ge | Default | Cond | Add | Sub | Mul | Div | Mod | Ceil
        | Floor | Round | Abs | Max | Min | Pow | Sqrt | ToInt | ToFloat | ToString => {
            numbers::call(func, name, args)?
        }
        HtmlEscape | HtmlUnescape | Plainify | Emojify | Jsonify | Urlize | Anchorize
        | Humanize | Title => transform::call(func, name, args)?,
        Truncate => truncate::truncate(args)?,
        Return => {
            want(name, args, 0)?;
            Value::from("")
        }
        NewScratch => {
            want(name, args, 0)?;
            super::scratch::new_value()
        }
        _ => text::call(func, name, args, bounds)?,
    };
    check(result, bounds)
}

/// A result within the bounds, with its weight (string bytes, list and map entries, nested
/// ones included: what printing it costs), or the limit it passes.
pub fn check(v: Value, bounds: Bounds) -> Result<(Value, usize)> {
    let weight = match &v {
        Value::String(s) | Value::Safe(_, s) if s.len() > bounds.string => {
            return Err(Fail::Limit(format!(
                "a string of {} bytes, over the limit of {}",
                s.len(),
                bounds.string
            )));
        }
        Value::String(s) | Value::Safe(_, s) => s.len(),
        Value::List(l) if l.len() > bounds.list => {
            return Err(Fail::Limit(format!(
                "a list of {} items, over the limit of {}",
                l.len(),
                bounds.list
            )));
        }
        Value::List(_) | Value::Map(_) => v
            .weight_within(super::MAX_NESTING, bounds.string)
            .map_err(|e| Fail::Limit(e.to_string()))?,
        _ => 1,
    };
    Ok((v, weight))
}

/// Hugo's `cast.ToString` of a function argument.
pub fn to_string(v: &Value) -> Result<String> {
    numbers::to_string(v)
}

#[cfg(test)]
mod tests;
