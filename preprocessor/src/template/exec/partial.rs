//! `partial NAME CONTEXT` and `partialCached NAME CONTEXT VARIANT...` as Hugo 0.111 runs them:
//! the host's template, one call deeper, with CONTEXT as `.` and `$`. Its output is the value,
//! as trusted HTML; a partial with a `return` discards its output and gives the returned value
//! instead. `partialCached` runs a partial once per name and variants for as long as the
//! partial's [`Template`] lives (the whole run, when the caller keeps its templates), whatever
//! the context of later calls, as Hugo caches it for a whole build.

use super::{Exec, R};
use crate::template::ErrorKind;
use crate::template::funcs::{self, Func};
use crate::template::value::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// The most results one partial keeps for `partialCached` (Hugo keeps 1,000 in all).
const MAX_CACHED: usize = 1000;

/// The values `partialCached` computed, by name and variants.
#[derive(Debug, Clone, Default)]
pub struct Cache(Arc<Mutex<HashMap<String, Value>>>);

impl Cache {
    fn get(&self, key: &str) -> Option<Value> {
        self.0.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, v: &Value) {
        if let Ok(mut m) = self.0.lock()
            && m.len() < MAX_CACHED
        {
            m.entry(key).or_insert_with(|| v.clone());
        }
    }
}

/// The cache key of a call: the name as written and each variant, with its type, host objects
/// by identity.
fn key(name: &str, variants: &[Value]) -> String {
    let mut key = String::from(name);
    for v in variants {
        key.push('\0');
        match v {
            Value::Object(o) => {
                let _ = write!(key, "<{}@{:p}>", o.type_name(), Arc::as_ptr(o));
            }
            v => {
                let _ = write!(key, "{v:?}");
            }
        }
    }
    key
}

impl Exec<'_> {
    pub(super) fn partial(
        &mut self,
        func: Func,
        name: &str,
        pos: usize,
        argv: &[Value],
    ) -> R<Value> {
        let partial = funcs::to_string(argv.first().unwrap_or(&Value::Nil))
            .map_err(|f| self.fail(f, pos, name))?;
        let ctx = argv.get(1).cloned().unwrap_or_default();
        let Some(t) = self.host.partial(&partial) else {
            return Err(self
                .exec_error(
                    pos,
                    name,
                    format!("error calling partial: partial {partial:?} not found"),
                )
                .with_kind(ErrorKind::Unsupported));
        };
        let cached =
            (func == Func::PartialCached).then(|| key(&partial, argv.get(2..).unwrap_or(&[])));
        if let Some(v) = cached.as_deref().and_then(|k| t.cache.get(k)) {
            return Ok(v);
        }
        self.count_call(pos)?;
        self.enter(pos)?;
        let mut out = String::new();
        let mut inner = Exec::new(t, self.host, self.limits, self.budget, self.depth);
        let ret = t.escaped.ret.as_ref();
        let returned = inner.run(&t.escaped.main, ret, &ctx, &mut out)?;
        self.depth -= 1;
        self.spend(out.len(), pos)?;
        let v = returned.unwrap_or_else(|| Value::html(out));
        if let Some(k) = cached {
            t.cache.put(k, &v);
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests;
