//! Hugo's scratch pad (`maps.Scratch`): the mutable map a template writes state into, as
//! `.Scratch` of a page or shortcode and as `newScratch` makes one. Its methods are Hugo's:
//! `Set`, `Get`, `Add` (numbers added, strings joined, lists appended to, as Hugo's `add` and
//! `append` do), `SetInMap`, `DeleteInMap`, `GetSortedMapValues`, `Delete` and `Values`; the
//! ones that change it print as nothing. One pad may be shared by threads. A pad never holds
//! a pad (nor a list or map holding one), so pads cannot form a cycle that is never freed.

use super::funcs::{self, Bounds, Func};
use super::value::{Map, Object, Value};
use super::{Limits, MAX_NESTING};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

const TYPE_NAME: &str = "*maps.Scratch";

/// A scratch pad; give a host object's `.Scratch` one `Arc<Scratch>` for its whole life.
#[derive(Debug, Default)]
pub struct Scratch {
    values: Mutex<BTreeMap<String, Value>>,
}

impl Scratch {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value at `key`, nil when unset.
    pub fn get_value(&self, key: &str) -> Value {
        self.values().get(key).cloned().unwrap_or_default()
    }

    fn values(&self) -> MutexGuard<'_, BTreeMap<String, Value>> {
        // A panic elsewhere cannot leave the map half-written: every change is one insert.
        self.values.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, key: &str, v: Value) -> Result<Value, String> {
        refuse_pads(&v, 0)?;
        self.values().insert(key.to_owned(), v);
        Ok(Value::from(""))
    }

    fn add(&self, key: &str, addend: &Value) -> Result<Value, String> {
        let bounds = Bounds {
            string: Limits::default().max_output,
            list: Limits::default().max_iterations as usize,
        };
        let existing = self.values().get(key).cloned();
        let sum = match existing {
            None => Ok(addend.clone()),
            Some(list @ Value::List(_)) => {
                funcs::call(Func::Append, "append", &[addend.clone(), list], bounds)
            }
            Some(v) => funcs::call(Func::Add, "add", &[v, addend.clone()], bounds),
        }
        .map_err(|f| match f {
            funcs::Fail::Error(m) | funcs::Fail::Limit(m) => m,
        })?;
        self.set(key, sum)
    }

    fn set_in_map(&self, key: &str, map_key: &str, v: Value) -> Result<Value, String> {
        refuse_pads(&v, 0)?;
        let mut values = self.values();
        let mut entries: BTreeMap<String, Value> = match values.get(key) {
            None => BTreeMap::new(),
            Some(Value::Map(m)) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Some(other) => {
                return Err(format!(
                    "SetInMap: the value at {key:?} is a {}, not a map",
                    other.go_type()
                ));
            }
        };
        entries.insert(map_key.to_owned(), v);
        values.insert(key.to_owned(), Value::from(Map::new(entries)));
        Ok(Value::from(""))
    }

    fn delete_in_map(&self, key: &str, map_key: &str) -> Value {
        let mut values = self.values();
        if let Some(Value::Map(m)) = values.get(key) {
            let entries = m
                .iter()
                .filter(|(k, _)| *k != map_key)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            values.insert(key.to_owned(), Value::from(Map::new(entries)));
        }
        Value::from("")
    }

    fn sorted_map_values(&self, key: &str) -> Result<Value, String> {
        match self.values().get(key) {
            None | Some(Value::Nil) => Ok(Value::Nil),
            Some(Value::Map(m)) => Ok(Value::from(
                m.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>(),
            )),
            Some(other) => Err(format!(
                "GetSortedMapValues: the value at {key:?} is a {}, not a map",
                other.go_type()
            )),
        }
    }
}

/// Refuses a scratch pad, or a list or map holding one, as a value to keep.
fn refuse_pads(v: &Value, depth: usize) -> Result<(), String> {
    match v {
        Value::Object(o) if o.type_name() == TYPE_NAME => {
            Err("a scratch pad cannot hold a scratch pad".into())
        }
        _ if depth > MAX_NESTING => Err(format!("a value nested deeper than {MAX_NESTING} levels")),
        Value::List(l) => l.iter().try_for_each(|e| refuse_pads(e, depth + 1)),
        Value::Map(m) => m.iter().try_for_each(|(_, e)| refuse_pads(e, depth + 1)),
        _ => Ok(()),
    }
}

fn key(method: &str, v: Option<&Value>) -> Result<String, String> {
    funcs::to_string(v.unwrap_or(&Value::Nil)).map_err(|_| {
        format!(
            "{method}: the key must be a string, not {}",
            v.map_or("nothing", Value::go_type)
        )
    })
}

impl Object for Scratch {
    fn type_name(&self) -> &str {
        TYPE_NAME
    }

    fn get(&self, name: &str, args: &[Value]) -> Result<Option<Value>, String> {
        let want = |n: usize| {
            if args.len() == n {
                Ok(())
            } else {
                Err(format!(
                    "wrong number of args for {name}: want {n} got {}",
                    args.len()
                ))
            }
        };
        let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
        Ok(Some(match name {
            "Set" => {
                want(2)?;
                self.set(&key(name, args.first())?, arg(1))?
            }
            "Get" => {
                want(1)?;
                self.get_value(&key(name, args.first())?)
            }
            "Add" => {
                want(2)?;
                self.add(&key(name, args.first())?, &arg(1))?
            }
            "SetInMap" => {
                want(3)?;
                self.set_in_map(&key(name, args.first())?, &key(name, args.get(1))?, arg(2))?
            }
            "DeleteInMap" => {
                want(2)?;
                self.delete_in_map(&key(name, args.first())?, &key(name, args.get(1))?)
            }
            "GetSortedMapValues" => {
                want(1)?;
                self.sorted_map_values(&key(name, args.first())?)?
            }
            "Delete" => {
                want(1)?;
                self.values().remove(&key(name, args.first())?);
                Value::from("")
            }
            "Values" => {
                want(0)?;
                Value::from(Map::new(self.values().clone()))
            }
            _ => return Ok(None),
        }))
    }
}

/// A new pad as a template value (`newScratch`).
pub fn new_value() -> Value {
    Value::Object(Arc::new(Scratch::new()))
}

#[cfg(test)]
mod tests;
