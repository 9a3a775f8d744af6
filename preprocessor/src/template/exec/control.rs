//! Range loops and template calls: `range` over lists, maps in key order and ints, with one or
//! two variables, `else`, `break` and `continue`, each iteration counted against the bound;
//! `{{template}}` of a define (the variant escaped for the call's context) or of a template of
//! the host's, each call counted and nested one level deeper.

use super::{Exec, Flow, R};
use crate::template::ErrorKind;
use crate::template::ast::{Branch, Call, Target};
use crate::template::value::Value;

impl Exec<'_> {
    pub(super) fn range(&mut self, b: &Branch, dot: &Value, out: &mut String) -> R<()> {
        let v = self.pipe(&b.pipe, dot)?;
        let mut ran = false;
        match &v {
            Value::List(l) => {
                for (i, e) in l.iter().enumerate() {
                    ran = true;
                    if self.iteration(b, Value::Int(i as i64), e, out)? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Map(m) => {
                for (k, e) in m.iter() {
                    ran = true;
                    if self.iteration(b, Value::from(k.as_str()), e, out)? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Int(n) => {
                if b.pipe.decl.len() > 1 {
                    return Err(self.exec_error(
                        b.pos,
                        "range",
                        "can't use two variables ranging over an int",
                    ));
                }
                for i in 0..*n {
                    ran = true;
                    if self.iteration(b, Value::Int(i), &Value::Int(i), out)? == Flow::Break {
                        break;
                    }
                }
            }
            Value::Nil => {}
            other => {
                return Err(self.exec_error(
                    b.pos,
                    "range",
                    format!("range can't iterate over {}", other.to_go_string()),
                ));
            }
        }
        if !ran && let Some(e) = &b.else_list {
            self.list(e, dot, out)?;
        }
        Ok(())
    }

    fn iteration(&mut self, b: &Branch, index: Value, elem: &Value, out: &mut String) -> R<Flow> {
        self.budget.iterations += 1;
        if self.budget.iterations > self.limits.max_iterations {
            return Err(self.error(
                ErrorKind::Limit,
                b.pos,
                format!("more than {} range iterations", self.limits.max_iterations),
            ));
        }
        match b.pipe.decl.as_slice() {
            [v] => self.set(*v, elem.clone()),
            [i, v] => {
                self.set(*i, index);
                self.set(*v, elem.clone());
            }
            _ => {}
        }
        self.list(&b.list, elem, out)
    }

    pub(super) fn call(&mut self, call: &Call, dot: &Value, out: &mut String) -> R<()> {
        let dot = match &call.pipe {
            Some(p) => self.pipe(p, dot)?,
            None => Value::Nil,
        };
        self.count_call(call.pos)?;
        self.enter(call.pos)?;
        match call.target {
            Target::Local(i) => {
                let Some(v) = self.template.escaped.variants.get(i) else {
                    return Err(self.exec_error(
                        call.pos,
                        "template",
                        format!("no such template {:?}", call.name),
                    ));
                };
                self.run(&v.tree, None, &dot, out)?;
            }
            Target::External | Target::Unresolved => {
                let Some(t) = self.host.template(&call.name) else {
                    return Err(self.exec_error(
                        call.pos,
                        "template",
                        format!("no such template {:?}", call.name),
                    ));
                };
                let mut inner = Exec::new(t, self.host, self.limits, self.budget, self.depth);
                inner.run(&t.escaped.main, None, &dot, out)?;
                self.written(call.pos, out)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }
}
