//! Comparison, arithmetic and casts as Hugo does them: `eq` compares ints with ints, floats
//! with floats and strings with strings (an int never equals a float); `lt` and friends compare
//! as floats, numeric strings included, lists and maps by length, other strings as strings;
//! `add` adds ints as ints, anything with a float as floats, and joins two strings; `default`
//! and `cond`; spf13/cast's `int`, `float` and `string`.

use super::{Fail, Func, Result, want, want_between};
use crate::template::value::Value;

pub fn call(func: Func, name: &str, args: &[Value]) -> Result<Value> {
    use Func::*;
    let arg = |i: usize| args.get(i).unwrap_or(&Value::Nil);
    Ok(match func {
        Eq | Ne => {
            let (first, others) = comparands(name, args)?;
            let any = others.iter().any(|o| equal(first, o));
            Value::Bool(if func == Eq {
                any
            } else {
                !others.iter().any(|o| equal(first, o))
            })
        }
        Lt | Le | Gt | Ge => {
            let (first, others) = comparands(name, args)?;
            Value::Bool(others.iter().all(|o| {
                let (l, r) = compare_get(first, o);
                match func {
                    Lt => l < r,
                    Le => l <= r,
                    Gt => l > r,
                    _ => l >= r,
                }
            }))
        }
        Default => {
            // `default DEFAULT GIVEN`; GIVEN may be missing when piped from a missing key.
            want_between(name, args, 1, 2)?;
            match args.get(1) {
                Some(given) if is_set(given) => given.clone(),
                _ => arg(0).clone(),
            }
        }
        Cond => {
            want(name, args, 3)?;
            match arg(0) {
                Value::Bool(true) => arg(1).clone(),
                Value::Bool(false) => arg(2).clone(),
                v => {
                    return Err(Fail::Error(format!(
                        "wrong type for value; expected bool; got {}",
                        v.go_type()
                    )));
                }
            }
        }
        Add | Sub | Mul | Div => {
            if args.len() < 2 {
                return Err(Fail::Error(format!(
                    "wrong number of args for {name}: want at least 2 got {}",
                    args.len()
                )));
            }
            let mut acc = arg(0).clone();
            for b in args.iter().skip(1) {
                acc = arithmetic(&acc, b, func)?;
            }
            acc
        }
        Mod => {
            want(name, args, 2)?;
            let (a, b) = (to_int(arg(0))?, to_int(arg(1))?);
            if b == 0 {
                return Err("the number can't be divided by zero at modulo operation".into());
            }
            Value::Int(a.wrapping_rem(b))
        }
        Ceil | Floor | Round | Abs | Sqrt => {
            want(name, args, 1)?;
            let x = to_float(arg(0)).map_err(|_| Fail::from("requires a numeric argument"))?;
            Value::Float(match func {
                Ceil => x.ceil(),
                Floor => x.floor(),
                Round => x.round(),
                Abs => x.abs(),
                _ => x.sqrt(),
            })
        }
        Max | Min | Pow => {
            want(name, args, 2)?;
            let a = to_float(arg(0)).map_err(|_| Fail::from("requires numeric arguments"))?;
            let b = to_float(arg(1)).map_err(|_| Fail::from("requires numeric arguments"))?;
            Value::Float(match func {
                Max => a.max(b),
                Min => a.min(b),
                _ => a.powf(b),
            })
        }
        ToInt => {
            want(name, args, 1)?;
            Value::Int(to_int(arg(0))?)
        }
        ToFloat => {
            want(name, args, 1)?;
            Value::Float(to_float(arg(0))?)
        }
        _ => {
            want(name, args, 1)?;
            Value::from(to_string(arg(0))?)
        }
    })
}

fn comparands<'a>(name: &str, args: &'a [Value]) -> Result<(&'a Value, &'a [Value])> {
    match args.split_first() {
        Some((first, others)) if !others.is_empty() => Ok((first, others)),
        _ => Err(Fail::Error(format!(
            "missing arguments for comparison: {name} needs at least 2"
        ))),
    }
}

/// Hugo's `compare.Eq` of two values, after its normalization.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::String(x) | Value::Safe(_, x), Value::String(y) | Value::Safe(_, y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| deep_equal(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && deep_equal(v1, v2))
        }
        (Value::Object(x), Value::Object(y)) => std::sync::Arc::ptr_eq(x, y),
        _ => false,
    }
}

/// `reflect.DeepEqual` inside lists and maps: the types must match exactly.
fn deep_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(_), Value::Safe(..)) | (Value::Safe(..), Value::String(_)) => false,
        (Value::Safe(k, x), Value::Safe(l, y)) => k == l && x == y,
        _ => equal(a, b),
    }
}

/// Hugo's `compareGet`: the two values as numbers to compare, strings compared as strings
/// when neither reads as a number.
fn compare_get(a: &Value, b: &Value) -> (f64, f64) {
    fn side(v: &Value) -> (f64, Option<&str>) {
        match v {
            Value::List(l) => (l.len() as f64, None),
            Value::Map(m) => (m.len() as f64, None),
            Value::Int(i) => (*i as f64, None),
            Value::Float(x) => (*x, None),
            Value::String(s) | Value::Safe(_, s) => match s.parse::<f64>() {
                Ok(x) if x.is_finite() && !s.trim().is_empty() && !s.contains(['_']) => (x, None),
                _ => (0.0, Some(s)),
            },
            Value::Bool(b) => (f64::from(u8::from(*b)), None),
            Value::Nil | Value::Object(_) => (0.0, None),
        }
    }
    let (l, ls) = side(a);
    let (r, rs) = side(b);
    if let (Some(ls), Some(rs)) = (ls, rs) {
        return match ls.cmp(rs) {
            std::cmp::Ordering::Less => (0.0, 1.0),
            std::cmp::Ordering::Greater => (1.0, 0.0),
            std::cmp::Ordering::Equal => (0.0, 0.0),
        };
    }
    (l, r)
}

/// Hugo's `default`: whether the given value counts as set.
fn is_set(v: &Value) -> bool {
    match v {
        Value::Nil => false,
        Value::Bool(_) => true,
        Value::Int(i) => *i != 0,
        Value::Float(x) => *x != 0.0,
        Value::String(s) | Value::Safe(_, s) => !s.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Map(m) => !m.is_empty(),
        Value::Object(_) => true,
    }
}

/// Hugo's `DoArithmetic`.
fn arithmetic(a: &Value, b: &Value, op: Func) -> Result<Value> {
    let cannot = || Fail::from("can't apply the operator to the values");
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(match op {
            Func::Add => x.wrapping_add(*y),
            Func::Sub => x.wrapping_sub(*y),
            Func::Mul => x.wrapping_mul(*y),
            _ => {
                if *y == 0 {
                    return Err("can't divide the value by 0".into());
                }
                x.wrapping_div(*y)
            }
        })),
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            let x = to_float(a).map_err(|_| cannot())?;
            let y = to_float(b).map_err(|_| cannot())?;
            Ok(Value::Float(match op {
                Func::Add => x + y,
                Func::Sub => x - y,
                Func::Mul => x * y,
                _ => {
                    if y == 0.0 {
                        return Err("can't divide the value by 0".into());
                    }
                    x / y
                }
            }))
        }
        (Value::String(x) | Value::Safe(_, x), Value::String(y) | Value::Safe(_, y))
            if op == Func::Add =>
        {
            Ok(Value::from(format!("{x}{y}")))
        }
        _ => Err(cannot()),
    }
}

/// spf13/cast's `ToStringE`: numbers in decimal (floats without an exponent), nil as "".
pub fn to_string(v: &Value) -> Result<String> {
    Ok(match v {
        Value::Nil => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) if x.is_nan() => "NaN".into(),
        Value::Float(x) if x.is_infinite() => if *x > 0.0 { "+Inf" } else { "-Inf" }.into(),
        Value::Float(x) => format!("{x}"),
        Value::String(s) | Value::Safe(_, s) => s.to_string(),
        other => {
            return Err(Fail::Error(format!(
                "unable to cast {} of type {} to string",
                other.to_go_string(),
                other.go_type()
            )));
        }
    })
}

/// spf13/cast's `ToIntE`: floats truncated, strings parsed (Go's base prefixes; a zero
/// fraction like `1.0` dropped), bools 0/1, nil 0.
pub fn to_int(v: &Value) -> Result<i64> {
    let fail = || {
        Fail::Error(format!(
            "unable to cast {:?} of type {} to int",
            v.to_go_string(),
            v.go_type()
        ))
    };
    match v {
        Value::Nil => Ok(0),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Int(i) => Ok(*i),
        Value::Float(x) if x.is_finite() => Ok(*x as i64),
        Value::String(s) | Value::Safe(_, s) => {
            let t = s.trim_end_matches('0');
            let t = t
                .strip_suffix('.')
                .filter(|t| t.contains(char::is_numeric))
                .unwrap_or(s);
            match crate::template::parse::number(t) {
                Some(Value::Int(i)) => Ok(i),
                _ => Err(fail()),
            }
        }
        _ => Err(fail()),
    }
}

/// spf13/cast's `ToFloat64E`.
pub fn to_float(v: &Value) -> Result<f64> {
    match v {
        Value::Nil => Ok(0.0),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Int(i) => Ok(*i as f64),
        Value::Float(x) => Ok(*x),
        Value::String(s) | Value::Safe(_, s) => s
            .trim()
            .parse::<f64>()
            .map_err(|_| Fail::Error(format!("unable to cast {s:?} of type string to float64"))),
        other => Err(Fail::Error(format!(
            "unable to cast {} of type {} to float64",
            other.to_go_string(),
            other.go_type()
        ))),
    }
}
