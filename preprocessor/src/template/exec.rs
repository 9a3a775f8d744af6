//! The evaluator: walks an escaped tree with a dot and a frame of variables, as Go's
//! text/template executes, writing text and each action's escaped value to the output. Field
//! and method access go to maps and host objects, functions to `funcs`, `partial` and
//! `{{template}}` to other trees. Every run is bounded: nesting, template and partial calls,
//! range iterations and output size are counted against [`Limits`], and passing one stops the
//! run with an error at the node that did, never a hang or a stack overflow.

mod control;
mod eval;
mod funcs;
mod partial;

pub use partial::Cache;

use super::ast::{List, Node, Pipe, Tree};
use super::escaper;
use super::funcs::{Bounds, Fail};
use super::value::Value;
use super::{Error, ErrorKind, Host, Limits, Template};

/// What a body ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

/// Counters shared by one run and everything it calls.
#[derive(Debug, Default)]
pub struct Budget {
    pub iterations: u64,
    pub calls: u64,
    /// The weight of every value functions and fields returned, and of partials' output.
    pub built: u64,
}

/// How many times the output limit the values a run builds may weigh in all.
const BUILT_PER_OUTPUT: u64 = 16;

pub struct Exec<'a> {
    pub template: &'a Template,
    pub host: &'a dyn Host,
    pub limits: &'a Limits,
    pub budget: &'a mut Budget,
    pub depth: usize,
    vars: Vec<Value>,
}

type R<T> = Result<T, Error>;

impl<'a> Exec<'a> {
    pub fn new(
        template: &'a Template,
        host: &'a dyn Host,
        limits: &'a Limits,
        budget: &'a mut Budget,
        depth: usize,
    ) -> Self {
        Exec {
            template,
            host,
            limits,
            budget,
            depth,
            vars: Vec::new(),
        }
    }

    /// Runs `tree` with `dot`, appending to `out`, then evaluates `ret` (a partial's
    /// `return`) in its frame.
    pub fn run(
        &mut self,
        tree: &Tree,
        ret: Option<&Pipe>,
        dot: &Value,
        out: &mut String,
    ) -> R<Option<Value>> {
        let saved = std::mem::replace(&mut self.vars, vec![Value::Nil; tree.slots.max(1)]);
        if let Some(v) = self.vars.first_mut() {
            *v = dot.clone();
        }
        let result = self
            .list(&tree.root, dot, out)
            .and_then(|_| ret.map(|p| self.pipe(p, dot)).transpose());
        self.vars = saved;
        result
    }

    fn error(&self, kind: ErrorKind, at: usize, message: impl Into<String>) -> Error {
        Error::new(
            kind,
            self.template.name(),
            self.template.source(),
            at,
            message,
        )
    }

    fn exec_error(&self, at: usize, what: &str, message: impl std::fmt::Display) -> Error {
        self.error(
            ErrorKind::Exec,
            at,
            format!(
                "executing {:?} at <{what}>: {message}",
                self.template.name()
            ),
        )
    }

    fn bounds(&self) -> Bounds {
        Bounds {
            string: self.limits.max_output,
            list: self.limits.max_iterations as usize,
        }
    }

    fn enter(&mut self, at: usize) -> R<()> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(self.error(
                ErrorKind::Limit,
                at,
                format!(
                    "nesting of blocks, parentheses and template calls deeper than {}",
                    self.limits.max_depth
                ),
            ));
        }
        Ok(())
    }

    fn written(&self, at: usize, out: &str) -> R<()> {
        if out.len() > self.limits.max_output {
            return Err(self.error(
                ErrorKind::Limit,
                at,
                format!("output longer than {} bytes", self.limits.max_output),
            ));
        }
        Ok(())
    }

    fn list(&mut self, list: &List, dot: &Value, out: &mut String) -> R<Flow> {
        for node in &list.nodes {
            let flow = self.node(node, dot, out)?;
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn node(&mut self, node: &Node, dot: &Value, out: &mut String) -> R<Flow> {
        match node {
            Node::Text(at, text) => {
                out.push_str(text);
                self.written(*at, out)?;
            }
            Node::Action(a) => {
                let v = self.pipe(&a.pipe, dot)?;
                if a.pipe.decl.is_empty() {
                    escaper::apply(&a.escapers, &v, out);
                    self.written(a.pos, out)?;
                }
            }
            Node::If(b) | Node::With(b) => {
                self.enter(b.pos)?;
                let v = self.pipe(&b.pipe, dot)?;
                let flow = if v.truthy() {
                    let inner = if matches!(node, Node::With(_)) {
                        &v
                    } else {
                        dot
                    };
                    self.list(&b.list, inner, out)?
                } else if let Some(e) = &b.else_list {
                    self.list(e, dot, out)?
                } else {
                    Flow::Normal
                };
                self.depth -= 1;
                return Ok(flow);
            }
            Node::Range(b) => {
                self.enter(b.pos)?;
                self.range(b, dot, out)?;
                self.depth -= 1;
            }
            Node::Template(call) => self.call(call, dot, out)?,
            Node::Break => return Ok(Flow::Break),
            Node::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    fn set(&mut self, slot: usize, v: Value) {
        if let Some(s) = self.vars.get_mut(slot) {
            *s = v;
        }
    }

    fn count_call(&mut self, at: usize) -> R<()> {
        self.budget.calls += 1;
        if self.budget.calls > self.limits.max_calls {
            return Err(self.error(
                ErrorKind::Limit,
                at,
                format!(
                    "more than {} template and partial calls",
                    self.limits.max_calls
                ),
            ));
        }
        Ok(())
    }
    /// Counts `weight` against what a run may build, so a loop re-building a large value
    /// stops at a bound.
    fn spend(&mut self, weight: usize, at: usize) -> R<()> {
        self.budget.built = self.budget.built.saturating_add(weight as u64);
        let limit = (self.limits.max_output as u64).saturating_mul(BUILT_PER_OUTPUT);
        if self.budget.built > limit {
            return Err(self.error(
                ErrorKind::Limit,
                at,
                format!("values built weigh more than {limit} bytes and items in all"),
            ));
        }
        Ok(())
    }

    fn fail(&self, f: Fail, pos: usize, name: &str) -> Error {
        match f {
            Fail::Error(m) => self.exec_error(pos, name, format!("error calling {name}: {m}")),
            Fail::Limit(m) => self.error(ErrorKind::Limit, pos, format!("{name}: {m}")),
        }
    }
}

#[cfg(test)]
mod tests;
