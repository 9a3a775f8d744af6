//! The functions the evaluator runs itself because they need more than their arguments: `and`
//! and `or` (arguments evaluated only as far as needed), `markdownify` (the host renders),
//! `partial` and `partialCached` (in `partial`), and `errorf` and `warnf` (reported to the
//! host). The rest go to the pure functions of `funcs`.

use super::{Exec, R};
use crate::template::ErrorKind;
use crate::template::ast::Arg;
use crate::template::funcs::{self, Fail, Func};
use crate::template::value::Value;

impl Exec<'_> {
    pub(super) fn func(
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
            Func::Partial | Func::PartialCached => {
                let argv = self.args(args, fin, dot)?;
                self.partial(func, name, pos, &argv)
            }
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
                self.spend(html.len(), pos)?;
                Ok(Value::html(html))
            }
            Func::Errorf | Func::Warnf => {
                let format = funcs::to_string(argv.first().unwrap_or(&Value::Nil))
                    .map_err(|f| self.fail(f, pos, name))?;
                let message = crate::template::fmt::sprintf(&format, argv.get(1..).unwrap_or(&[]));
                let kind = if func == Func::Errorf {
                    ErrorKind::Errorf
                } else {
                    ErrorKind::Warnf
                };
                self.host.report(self.error(kind, pos, message));
                Ok(Value::from(""))
            }
            _ => {
                let (v, weight) = funcs::call_weighed(func, name, argv, self.bounds())
                    .map_err(|f| self.fail(f, pos, name))?;
                self.spend(weight, pos)?;
                Ok(v)
            }
        }
    }
}
