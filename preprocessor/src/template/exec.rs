//! The evaluator: walks an escaped tree with a dot and a frame of variables, as Go's
//! text/template executes, writing text and each action's escaped value to the output. Field
//! and method access go to maps and host objects, functions to `funcs`, `partial` and
//! `{{template}}` to other trees. Every run is bounded: nesting, template and partial calls,
//! range iterations and output size are counted against [`Limits`], and passing one stops the
//! run with an error at the node that did, never a hang or a stack overflow.

use super::ast::{Arg, Branch, Call, Cmd, List, Node, Pipe, Target, Tree};
use super::escaper;
use super::funcs::{self, Bounds, Fail, Func};
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
}

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

    /// Runs `tree` with `dot`, appending to `out`.
    pub fn run(&mut self, tree: &Tree, dot: &Value, out: &mut String) -> R<()> {
        let saved = std::mem::replace(&mut self.vars, vec![Value::Nil; tree.slots.max(1)]);
        if let Some(v) = self.vars.first_mut() {
            *v = dot.clone();
        }
        let result = self.list(&tree.root, dot, out);
        self.vars = saved;
        result.map(|_| ())
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

    fn range(&mut self, b: &Branch, dot: &Value, out: &mut String) -> R<()> {
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

    fn call(&mut self, call: &Call, dot: &Value, out: &mut String) -> R<()> {
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
                self.run(&v.tree, &dot, out)?;
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
                inner.run(&t.escaped.main, &dot, out)?;
                self.written(call.pos, out)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn pipe(&mut self, pipe: &Pipe, dot: &Value) -> R<Value> {
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            value = Some(self.cmd(cmd, dot, value.take())?);
        }
        let v = value.unwrap_or_default();
        for &slot in &pipe.decl {
            self.set(slot, v.clone());
        }
        Ok(v)
    }

    fn not_function(&self, cmd: &Cmd, fin: &Option<Value>, what: &str) -> R<()> {
        if cmd.args.len() > 1 || fin.is_some() {
            return Err(self.exec_error(
                cmd.pos,
                what,
                format!("can't give argument to non-function {what}"),
            ));
        }
        Ok(())
    }

    fn cmd(&mut self, cmd: &Cmd, dot: &Value, fin: Option<Value>) -> R<Value> {
        let rest = cmd.args.get(1..).unwrap_or(&[]);
        match cmd.args.first() {
            Some(Arg::Field { pos, names }) => self.chain(dot, dot.clone(), names, rest, fin, *pos),
            Some(Arg::Chain { pos, term, names }) => {
                let recv = self.arg(term, dot)?;
                self.chain(dot, recv, names, rest, fin, *pos)
            }
            Some(Arg::Var {
                pos,
                slot,
                name,
                names,
            }) => {
                let v = self.vars.get(*slot).cloned().unwrap_or_default();
                if names.is_empty() {
                    self.not_function(cmd, &fin, name)?;
                    return Ok(v);
                }
                self.chain(dot, v, names, rest, fin, *pos)
            }
            Some(Arg::Func { pos, func, name }) => self.func(*func, name, *pos, rest, fin, dot),
            Some(Arg::Pipe(p)) => {
                self.not_function(cmd, &fin, "(pipeline)")?;
                self.paren(p, dot)
            }
            Some(Arg::Dot) => {
                self.not_function(cmd, &fin, ".")?;
                Ok(dot.clone())
            }
            Some(Arg::Const(v)) => {
                self.not_function(cmd, &fin, &v.to_go_string())?;
                Ok(v.clone())
            }
            Some(Arg::Nil(at)) => Err(self.exec_error(*at, "nil", "nil is not a command")),
            None => Err(self.exec_error(cmd.pos, "", "empty command")),
        }
    }

    fn paren(&mut self, p: &Pipe, dot: &Value) -> R<Value> {
        self.enter(p.pos)?;
        let v = self.pipe(p, dot)?;
        self.depth -= 1;
        Ok(v)
    }

    fn arg(&mut self, arg: &Arg, dot: &Value) -> R<Value> {
        match arg {
            Arg::Dot => Ok(dot.clone()),
            Arg::Nil(_) => Ok(Value::Nil),
            Arg::Const(v) => Ok(v.clone()),
            Arg::Field { pos, names } => self.chain(dot, dot.clone(), names, &[], None, *pos),
            Arg::Var {
                pos, slot, names, ..
            } => {
                let v = self.vars.get(*slot).cloned().unwrap_or_default();
                if names.is_empty() {
                    Ok(v)
                } else {
                    self.chain(dot, v, names, &[], None, *pos)
                }
            }
            Arg::Func { pos, func, name } => self.func(*func, name, *pos, &[], None, dot),
            Arg::Pipe(p) => self.paren(p, dot),
            Arg::Chain { pos, term, names } => {
                let recv = self.arg(term, dot)?;
                self.chain(dot, recv, names, &[], None, *pos)
            }
        }
    }

    fn args(&mut self, args: &[Arg], fin: Option<Value>, dot: &Value) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(args.len() + usize::from(fin.is_some()));
        for a in args {
            out.push(self.arg(a, dot)?);
        }
        out.extend(fin);
        Ok(out)
    }

    /// `.A.B.C args`: each field of the one before; the last gets the arguments.
    fn chain(
        &mut self,
        dot: &Value,
        mut recv: Value,
        names: &[Box<str>],
        args: &[Arg],
        fin: Option<Value>,
        pos: usize,
    ) -> R<Value> {
        let Some((last, init)) = names.split_last() else {
            return Ok(recv);
        };
        for name in init {
            recv = self.field(&recv, name, Vec::new(), pos)?;
        }
        let argv = if args.is_empty() && fin.is_none() {
            Vec::new()
        } else {
            self.args(args, fin, dot)?
        };
        self.field(&recv, last, argv, pos)
    }

    fn field(&mut self, recv: &Value, name: &str, args: Vec<Value>, pos: usize) -> R<Value> {
        // The node's text for messages, made only when there is one to give.
        let what = || format!(".{name}");
        match recv {
            Value::Nil => Ok(Value::Nil),
            Value::Map(m) => {
                if !args.is_empty() {
                    return Err(self.exec_error(
                        pos,
                        &what(),
                        format!("{name} is not a method but has arguments"),
                    ));
                }
                Ok(m.get(name).cloned().unwrap_or_default())
            }
            Value::Object(o) => match o.get(name, &args) {
                Ok(Some(v)) => {
                    funcs::check(v, self.bounds()).map_err(|f| self.fail(f, pos, &what()))
                }
                Ok(None) => Err(self
                    .exec_error(
                        pos,
                        &what(),
                        format!("can't evaluate field {name} in type {}", o.type_name()),
                    )
                    .with_kind(ErrorKind::Unsupported)),
                Err(m) => Err(self.exec_error(pos, &what(), format!("error calling {name}: {m}"))),
            },
            other => Err(self.exec_error(
                pos,
                &what(),
                format!("can't evaluate field {name} in type {}", other.go_type()),
            )),
        }
    }

    fn fail(&self, f: Fail, pos: usize, name: &str) -> Error {
        match f {
            Fail::Error(m) => self.exec_error(pos, name, format!("error calling {name}: {m}")),
            Fail::Limit(m) => self.error(ErrorKind::Limit, pos, format!("{name}: {m}")),
        }
    }

    fn func(
        &mut self,
        func: Func,
        name: &str,
        pos: usize,
        args: &[Arg],
        fin: Option<Value>,
        dot: &Value,
    ) -> R<Value> {
        match func {
            Func::And | Func::Or => {
                let n = args.len() + usize::from(fin.is_some());
                if n == 0 {
                    return Err(self.fail(
                        format!("wrong number of args for {name}: want at least 1 got 0").into(),
                        pos,
                        name,
                    ));
                }
                let mut last = Value::Nil;
                for a in args {
                    last = self.arg(a, dot)?;
                    if last.truthy() == (func == Func::Or) {
                        return Ok(last);
                    }
                }
                Ok(fin.unwrap_or(last))
            }
            Func::Call => Err(self
                .exec_error(pos, name, "call: function values are not supported")
                .with_kind(ErrorKind::Unsupported)),
            Func::Namespace => Err(self.exec_error(
                pos,
                name,
                format!("{name} is a namespace: call one of its functions, as in strings.ToLower"),
            )),
            _ => {
                let argv = self.args(args, fin, dot)?;
                self.host_func(func, name, pos, &argv)
            }
        }
    }

    fn host_func(&mut self, func: Func, name: &str, pos: usize, argv: &[Value]) -> R<Value> {
        match func {
            Func::Markdownify => {
                funcs::want(name, argv, 1).map_err(|f| self.fail(f, pos, name))?;
                let text = funcs::to_string(argv.first().unwrap_or(&Value::Nil))
                    .map_err(|f| self.fail(f, pos, name))?;
                let html = self
                    .host
                    .markdownify(&text)
                    .map_err(|m| self.fail(Fail::Error(m), pos, name))?;
                Ok(Value::html(html))
            }
            Func::Partial | Func::PartialCached => {
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
                self.count_call(pos)?;
                self.enter(pos)?;
                let mut out = String::new();
                let mut inner = Exec::new(t, self.host, self.limits, self.budget, self.depth);
                inner.run(&t.escaped.main, &ctx, &mut out)?;
                self.depth -= 1;
                Ok(Value::html(out))
            }
            Func::Errorf | Func::Warnf => {
                let format = funcs::to_string(argv.first().unwrap_or(&Value::Nil))
                    .map_err(|f| self.fail(f, pos, name))?;
                let message = super::fmt::sprintf(&format, argv.get(1..).unwrap_or(&[]));
                let kind = if func == Func::Errorf {
                    ErrorKind::Errorf
                } else {
                    ErrorKind::Warnf
                };
                self.host.report(self.error(kind, pos, message));
                Ok(Value::from(""))
            }
            _ => funcs::call(func, name, argv, self.bounds()).map_err(|f| self.fail(f, pos, name)),
        }
    }
}

#[cfg(test)]
mod tests;
