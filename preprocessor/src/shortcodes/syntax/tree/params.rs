//! A call's parameters as Hugo collects them: positional or named by the first one, a name
//! given twice keeping its last value, values typed as Hugo's `ValTyped` types them (a quoted
//! value is always a string, with every backslash dropped when it holds a `\"`).

use super::super::lex::Val;
use super::Tree;
use crate::shortcodes::call::{Param, Params, Value};

/// `params` without those written after byte `end` of the source: a call read as its opening
/// tag alone keeps only the parameters of that tag (not those Hugo would take from the rest of
/// a later tag that a closing slash cut short).
pub(super) fn keep_before(params: &mut Option<Params>, end: usize) {
    match params {
        Some(Params::Positional(list)) => list.retain(|p| p.range.end <= end),
        Some(Params::Named(list)) => list.retain(|(_, p)| p.range.end <= end),
        None => {}
    }
}

impl Tree<'_> {
    /// A parameter, named when `key` is given; Hugo takes them all positional or all named.
    pub(super) fn param(&mut self, key: Option<String>, param: Param) {
        let frame = self.top();
        match (&mut frame.params, key) {
            (None, None) => frame.params = Some(Params::Positional(vec![param])),
            (None, Some(key)) => frame.params = Some(Params::Named(vec![(key, param)])),
            (Some(Params::Positional(list)), None) => list.push(param),
            (Some(Params::Named(list)), Some(key)) => match list.iter_mut().find(|p| p.0 == key) {
                Some(old) => old.1 = param,
                None => list.push((key, param)),
            },
            _ if !frame.mixed => {
                frame.mixed = true;
                let (at, name) = (frame.start, self.frame_name());
                self.problem(
                    at,
                    format!("shortcode `{name}` mixes positional and named parameters"),
                    "write every parameter as name=value, with no space around `=`, or none".into(),
                );
            }
            _ => {}
        }
    }

    /// A parameter's value, typed.
    pub(super) fn value(&self, val: &Val) -> Value {
        if val.quoted {
            Value::String(self.text(val))
        } else {
            Value::bare(self.body.get(val.text.clone()).unwrap_or_default())
        }
    }

    /// A parameter's text, as Hugo reads it.
    pub(super) fn text(&self, val: &Val) -> String {
        let text = self.body.get(val.text.clone()).unwrap_or_default();
        if val.strip {
            text.replace('\\', "")
        } else {
            text.to_owned()
        }
    }
}
