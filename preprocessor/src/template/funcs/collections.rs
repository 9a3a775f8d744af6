//! Lists and maps as Hugo's collections namespace handles them: `index` (nil-safe, an index
//! out of range is nil, `.Params` keys case-insensitive), `slice` and `dict` to build,
//! `append`, `first`/`last`/`after`, `in`, `isset`, `delimit` (which returns HTML), `seq`
//! (GNU seq's arguments, at most 2,000 items as Hugo allows), and Go's `len`.

use super::numbers::{equal, to_int, to_string};
use super::{Bounds, Fail, Func, Result, want, want_between};
use crate::template::value::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Hugo's cap on `seq`.
const SEQ_MAX: i64 = 2000;

pub fn call(func: Func, name: &str, args: &[Value], bounds: Bounds) -> Result<Value> {
    use Func::*;
    let arg = |i: usize| args.get(i).unwrap_or(&Value::Nil);
    Ok(match func {
        Len => {
            want(name, args, 1)?;
            Value::Int(match arg(0) {
                Value::String(s) | Value::Safe(_, s) => s.len(),
                Value::List(l) => l.len(),
                Value::Map(m) => m.len(),
                Value::Nil => return Err("len of nil pointer".into()),
                v => return Err(Fail::Error(format!("len of type {}", v.go_type()))),
            } as i64)
        }
        Index => {
            let Some((item, indices)) = args.split_first() else {
                return Err(
                    format!("wrong number of args for {name}: want at least 1 got 0").into(),
                );
            };
            let path: &[Value] = match indices {
                [Value::List(l)] => l,
                _ => indices,
            };
            let mut v = item.clone();
            for key in path {
                v = index(&v, key)?;
            }
            v
        }
        Slice => Value::from(args.to_vec()),
        Dict => {
            if !args.len().is_multiple_of(2) {
                return Err("invalid dictionary call".into());
            }
            let mut m = BTreeMap::new();
            for pair in args.chunks(2) {
                let (Some(k), Some(v)) = (pair.first(), pair.get(1)) else {
                    continue;
                };
                let Some(k) = k.as_str() else {
                    return Err("dictionary keys must be strings".into());
                };
                m.insert(k.to_owned(), v.clone());
            }
            Value::from(Map::new(m))
        }
        Append => {
            let Some((to, from)) = args.split_last() else {
                return Err("expected at least 2 arguments to append".into());
            };
            if from.is_empty() {
                return Err("expected at least 2 arguments to append".into());
            }
            let mut list = match to {
                Value::List(l) => l.as_ref().clone(),
                Value::Nil => Vec::new(),
                v => {
                    return Err(Fail::Error(format!(
                        "expected a slice, got {}",
                        v.go_type()
                    )));
                }
            };
            match from {
                [Value::List(more)] => list.extend(more.iter().cloned()),
                _ => list.extend(from.iter().cloned()),
            }
            if list.len() > bounds.list {
                return Err(Fail::Limit(format!(
                    "a list of {} items, over the limit of {}",
                    list.len(),
                    bounds.list
                )));
            }
            Value::from(list)
        }
        First | Last | After => {
            want(name, args, 2)?;
            let n = to_int(arg(0)).map_err(|_| Fail::from("sequence length must be an integer"))?;
            if n < 0 {
                return Err("sequence length must be non-negative".into());
            }
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            match arg(1) {
                Value::Nil => Value::Nil,
                Value::List(l) => {
                    let len = l.len();
                    let range = match func {
                        First => 0..n.min(len),
                        Last => len.saturating_sub(n)..len,
                        _ => n.min(len)..len,
                    };
                    Value::from(l.get(range).unwrap_or(&[]).to_vec())
                }
                Value::String(s) => {
                    let len = s.len();
                    let range = match func {
                        First => 0..n.min(len),
                        Last => len.saturating_sub(n)..len,
                        _ => n.min(len)..len,
                    };
                    Value::from(s.get(range).unwrap_or(""))
                }
                v => return Err(Fail::Error(format!("can't iterate over {}", v.go_type()))),
            }
        }
        In => {
            want(name, args, 2)?;
            Value::Bool(match (arg(0), arg(1)) {
                (Value::List(l), v) => l.iter().any(|e| !matches!(e, Value::Nil) && equal(e, v)),
                (Value::String(s) | Value::Safe(_, s), v) => match to_string(v) {
                    Ok(v) => s.contains(v.as_str()),
                    Err(_) => false,
                },
                _ => false,
            })
        }
        IsSet => {
            want(name, args, 2)?;
            Value::Bool(match (arg(0), arg(1)) {
                (Value::Map(m), k) => k.as_str().is_some_and(|k| m.contains_exact(k)),
                (Value::List(l), k) => to_int(k).is_ok_and(|i| i >= 0 && (i as usize) < l.len()),
                _ => false,
            })
        }
        Delimit => {
            want_between(name, args, 2, 3)?;
            let sep = to_string(arg(1))?;
            let items: Vec<String> = match arg(0) {
                Value::List(l) => l.iter().filter_map(|v| to_string(v).ok()).collect(),
                Value::Map(m) => m.iter().filter_map(|(_, v)| to_string(v).ok()).collect(),
                v => return Err(Fail::Error(format!("can't iterate over {}", v.go_type()))),
            };
            let last = match args.get(2) {
                Some(l) => Some(to_string(l)?),
                None => None,
            };
            let mut out = String::new();
            let n = items.len();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    match &last {
                        Some(l) if i == n - 1 => out.push_str(l),
                        _ => out.push_str(&sep),
                    }
                }
                out.push_str(item);
                if out.len() > bounds.string {
                    return Err(Fail::Limit(format!(
                        "a string over the limit of {} bytes",
                        bounds.string
                    )));
                }
            }
            Value::html(out)
        }
        _ => seq(name, args)?,
    })
}

/// `index` one step: a list by int, a map by key, nil stays nil.
fn index(item: &Value, key: &Value) -> Result<Value> {
    match item {
        Value::Nil => Ok(Value::Nil),
        Value::List(l) => {
            let i = match key {
                Value::Int(i) => *i,
                Value::Nil => return Err("cannot index slice/array with nil".into()),
                k => {
                    return Err(Fail::Error(format!(
                        "cannot index slice/array with type {}",
                        k.go_type()
                    )));
                }
            };
            Ok(usize::try_from(i)
                .ok()
                .and_then(|i| l.get(i))
                .cloned()
                .unwrap_or(Value::Nil))
        }
        Value::Map(m) => {
            let k = to_string(key)?;
            Ok(m.get(&k).cloned().unwrap_or(Value::Nil))
        }
        Value::String(s) | Value::Safe(_, s) => {
            let i = to_int(key)?;
            usize::try_from(i)
                .ok()
                .and_then(|i| s.as_bytes().get(i))
                .map(|b| Value::Int(i64::from(*b)))
                .ok_or_else(|| Fail::Error(format!("index out of range: {i}")))
        }
        v => Err(Fail::Error(format!(
            "can't index item of type {}",
            v.go_type()
        ))),
    }
}

/// Hugo's `seq`: `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`.
fn seq(name: &str, args: &[Value]) -> Result<Value> {
    want_between(name, args, 1, 3)?;
    let mut n = Vec::with_capacity(3);
    for a in args {
        n.push(to_int(a).map_err(|_| Fail::from("invalid arguments to Seq"))?);
    }
    let (first, inc, last) = match n.as_slice() {
        [last] => (if *last > 0 { 1 } else { -1 }, 0, *last),
        [first, last] => (*first, 0, *last),
        [first, inc, last] => (*first, *inc, *last),
        _ => return Err("invalid arguments to Seq".into()),
    };
    let inc = if inc == 0 && args.len() < 3 {
        if last < first { -1 } else { 1 }
    } else {
        inc
    };
    if inc == 0 {
        return Err("'increment' must not be 0".into());
    }
    if (inc > 0 && first > last) || (inc < 0 && first < last) || (args.len() == 1 && last == 0) {
        return Ok(Value::from(Vec::new()));
    }
    let size = (i128::from(last) - i128::from(first)) / i128::from(inc) + 1;
    if size > i128::from(SEQ_MAX) {
        return Err(Fail::Limit(format!(
            "size of result exceeds limit: seq of {size} numbers (Hugo allows {SEQ_MAX})"
        )));
    }
    let mut out = Vec::with_capacity(size.max(0) as usize);
    let mut v = first;
    for _ in 0..size {
        out.push(Value::Int(v));
        v = v.wrapping_add(inc);
    }
    Ok(Value::List(Arc::new(out)))
}
