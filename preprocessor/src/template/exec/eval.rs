//! Pipelines and their operands: commands in order, each one's value passed as the last
//! argument of the next; fields and chains on maps (missing keys are nil) and host objects;
//! variables by slot; parenthesised pipelines one level deeper; Go's "can't give argument to
//! non-function" for a value given arguments.

use super::{Exec, R};
use crate::template::ErrorKind;
use crate::template::ast::{Arg, Cmd, Pipe};
use crate::template::funcs;
use crate::template::value::Value;

impl Exec<'_> {
    pub(super) fn pipe(&mut self, pipe: &Pipe, dot: &Value) -> R<Value> {
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

    pub(super) fn arg(&mut self, arg: &Arg, dot: &Value) -> R<Value> {
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

    pub(super) fn args(&mut self, args: &[Arg], fin: Option<Value>, dot: &Value) -> R<Vec<Value>> {
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

    pub(super) fn field(
        &mut self,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        pos: usize,
    ) -> R<Value> {
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
                Ok(Some(v)) => funcs::check(v, self.bounds())
                    .map_err(|f| self.fail(f, pos, &what()))
                    .and_then(|(v, weight)| self.spend(weight, pos).map(|()| v)),
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
}
