//! String functions with Hugo's argument orders (`strings.TrimLeft CUTSET S`, `strings.Repeat
//! N S`, `replaceRE PATTERN REPL S`): trimming, case, replacing, splitting, searching,
//! substrings and counts. Regular expressions are Go's RE2 syntax, run by the `regex` crate
//! (the same family: no backreferences or lookaround), compiled once per pattern and shared.

use super::numbers::{to_int, to_string};
use super::{Bounds, Fail, Func, Result, want, want_between};
use crate::template::value::Value;
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

pub fn call(func: Func, name: &str, args: &[Value], bounds: Bounds) -> Result<Value> {
    use Func::*;
    let s = |i: usize| to_string(args.get(i).unwrap_or(&Value::Nil));
    Ok(match func {
        Chomp => {
            want(name, args, 1)?;
            let trimmed = s(0)?.trim_end_matches(['\r', '\n']).to_owned();
            match args.first() {
                Some(Value::Safe(kind, _)) => Value::safe(*kind, trimmed),
                _ => Value::from(trimmed),
            }
        }
        Trim => {
            want(name, args, 2)?;
            let cut = s(1)?;
            Value::from(s(0)?.trim_matches(|c| cut.contains(c)))
        }
        TrimLeft | TrimRight => {
            want(name, args, 2)?;
            let cut = s(0)?;
            let text = s(1)?;
            Value::from(if func == TrimLeft {
                text.trim_start_matches(|c| cut.contains(c))
            } else {
                text.trim_end_matches(|c| cut.contains(c))
            })
        }
        TrimPrefix | TrimSuffix => {
            want(name, args, 2)?;
            let affix = s(0)?;
            let text = s(1)?;
            Value::from(if func == TrimPrefix {
                text.strip_prefix(affix.as_str()).unwrap_or(&text)
            } else {
                text.strip_suffix(affix.as_str()).unwrap_or(&text)
            })
        }
        TrimSpace => {
            want(name, args, 1)?;
            Value::from(s(0)?.trim())
        }
        Lower => {
            want(name, args, 1)?;
            Value::from(s(0)?.to_lowercase())
        }
        Upper => {
            want(name, args, 1)?;
            Value::from(s(0)?.to_uppercase())
        }
        FirstUpper => {
            want(name, args, 1)?;
            let text = s(0)?;
            let mut chars = text.chars();
            Value::from(match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            })
        }
        Replace => {
            want_between(name, args, 3, 4)?;
            let (text, old, new) = (s(0)?, s(1)?, s(2)?);
            let limit = limit(args.get(3))?;
            let out = match limit {
                Some(n) => text.replacen(old.as_str(), &new, n),
                None => text.replace(old.as_str(), &new),
            };
            Value::from(out)
        }
        ReplaceRe => {
            want_between(name, args, 3, 4)?;
            let re = regex(&s(0)?)?;
            let (repl, text) = (s(1)?, s(2)?);
            let n = limit(args.get(3))?.unwrap_or(0);
            if text.len().saturating_mul(repl.len().max(1)) > bounds.string.saturating_mul(4) {
                return Err(Fail::Limit(format!(
                    "replaceRE on {} bytes could pass the output limit",
                    text.len()
                )));
            }
            Value::from(re.replacen(&text, n, repl.as_str()).into_owned())
        }
        FindRe => {
            want_between(name, args, 2, 3)?;
            let re = regex(&s(0)?)?;
            let text = s(1)?;
            let n = limit(args.get(2))?.unwrap_or(usize::MAX);
            Value::from(
                re.find_iter(&text)
                    .take(n)
                    .map(|m| Value::from(m.as_str()))
                    .collect::<Vec<_>>(),
            )
        }
        Split => {
            want(name, args, 2)?;
            let (text, sep) = (s(0)?, s(1)?);
            let parts: Vec<Value> = if sep.is_empty() {
                text.chars().map(|c| Value::from(c.to_string())).collect()
            } else {
                text.split(sep.as_str()).map(Value::from).collect()
            };
            Value::from(parts)
        }
        Contains | ContainsAny | HasPrefix | HasSuffix => {
            want(name, args, 2)?;
            let (text, sub) = (s(0)?, s(1)?);
            Value::Bool(match func {
                Contains => text.contains(sub.as_str()),
                ContainsAny => text.contains(|c| sub.contains(c)),
                HasPrefix => text.starts_with(sub.as_str()),
                _ => text.ends_with(sub.as_str()),
            })
        }
        Repeat => {
            want(name, args, 2)?;
            let n = to_int(args.first().unwrap_or(&Value::Nil))?;
            let text = s(1)?;
            let n = usize::try_from(n).map_err(|_| Fail::from("strings: negative Repeat count"))?;
            if text.len().saturating_mul(n) > bounds.string {
                return Err(Fail::Limit(format!(
                    "strings.Repeat of {} bytes {n} times passes the limit of {} bytes",
                    text.len(),
                    bounds.string
                )));
            }
            Value::from(text.repeat(n))
        }
        Substr => {
            want_between(name, args, 2, 3)?;
            let chars: Vec<char> = s(0)?.chars().collect();
            let len = chars.len() as i64;
            let mut start = to_int(args.get(1).unwrap_or(&Value::Nil))?;
            if start < 0 {
                start = (len + start).max(0);
            }
            let start = start.min(len);
            let end = match args.get(2) {
                None => len,
                Some(l) => {
                    let l = to_int(l)?;
                    if l < 0 {
                        (len + l).max(start)
                    } else {
                        (start + l).min(len)
                    }
                }
            };
            let (a, b) = (start as usize, end.max(start) as usize);
            Value::from(chars.get(a..b).unwrap_or(&[]).iter().collect::<String>())
        }
        SliceString => {
            want_between(name, args, 2, 3)?;
            let chars: Vec<char> = s(0)?.chars().collect();
            let len = chars.len() as i64;
            let start = to_int(args.get(1).unwrap_or(&Value::Nil))?;
            let end = match args.get(2) {
                Some(e) => to_int(e)?,
                None => len,
            };
            if start < 0 || end > len || start > end {
                return Err("slice bounds out of range".into());
            }
            Value::from(
                chars
                    .get(start as usize..end as usize)
                    .unwrap_or(&[])
                    .iter()
                    .collect::<String>(),
            )
        }
        Count => {
            want(name, args, 2)?;
            let (sub, text) = (s(0)?, s(1)?);
            Value::Int(if sub.is_empty() {
                text.chars().count() as i64 + 1
            } else {
                text.matches(sub.as_str()).count() as i64
            })
        }
        CountWords => {
            want(name, args, 1)?;
            Value::Int(s(0)?.split_whitespace().count() as i64)
        }
        CountRunes => {
            want(name, args, 1)?;
            Value::Int(s(0)?.chars().filter(|c| !c.is_whitespace()).count() as i64)
        }
        _ => {
            want(name, args, 1)?;
            Value::Int(s(0)?.chars().count() as i64)
        }
    })
}

/// An optional replacement/match limit: negative means all.
fn limit(v: Option<&Value>) -> Result<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) => {
            let n = to_int(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// The compiled pattern, from a cache shared by every template and thread.
fn regex(pattern: &str) -> Result<Arc<Regex>> {
    static CACHE: OnceLock<RwLock<HashMap<String, Arc<Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(re) = cache.read().ok().and_then(|c| c.get(pattern).cloned()) {
        return Ok(re);
    }
    let re = regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| Fail::Error(format!("invalid regular expression {pattern:?}: {e}")))?;
    let re = Arc::new(re);
    if let Ok(mut c) = cache.write() {
        if c.len() > 1000 {
            c.clear();
        }
        c.insert(pattern.to_owned(), re.clone());
    }
    Ok(re)
}
