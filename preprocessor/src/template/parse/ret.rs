//! Hugo's `return` in a partial, as Hugo 0.111 rewrites the partial's tree: the first command
//! `return VALUE` found (actions, then `if`/`with`/`range` pipelines and bodies in order,
//! parenthesised pipelines included) is taken out of its pipeline, and VALUE is evaluated once
//! the whole partial has run, with the context as dot; the partial's output is dropped. Any
//! other `return` stays a call of Hugo's `return` function, which takes no arguments, and a
//! template that is not a partial has no return at all.

use crate::template::ast::{Arg, Cmd, List, Node, Pipe};
use crate::template::funcs::Func;

/// Whether the template called `name` is a partial (`partials/x.html`, also under a layouts
/// folder or Hugo's newer `_partials/`).
pub fn is_partial(name: &str) -> bool {
    ["partials/", "_partials/"]
        .iter()
        .any(|p| name.starts_with(p) || name.contains(&format!("/{p}")))
}

/// Takes the first `return VALUE` out of `list`, as the pipeline that gives VALUE.
pub fn take_return(list: &mut List) -> Option<Pipe> {
    list.nodes.iter_mut().find_map(|node| match node {
        Node::Action(a) => in_pipe(&mut a.pipe),
        Node::If(b) | Node::With(b) | Node::Range(b) => in_pipe(&mut b.pipe)
            .or_else(|| take_return(&mut b.list))
            .or_else(|| b.else_list.as_mut().and_then(take_return)),
        Node::Text(..) | Node::Template(_) | Node::Break | Node::Continue => None,
    })
}

fn in_pipe(pipe: &mut Pipe) -> Option<Pipe> {
    for i in 0..pipe.cmds.len() {
        let cmd = pipe.cmds.get_mut(i)?;
        let is_return = matches!(
            cmd.args.first(),
            Some(Arg::Func {
                func: Func::Return,
                ..
            })
        ) && cmd.args.len() >= 2;
        if is_return {
            let mut cmd = pipe.cmds.remove(i);
            cmd.args.remove(0);
            let pos = cmd.pos;
            return Some(Pipe {
                pos,
                decl: Vec::new(),
                cmds: vec![Cmd {
                    pos,
                    args: cmd.args,
                }],
            });
        }
        let nested = cmd.args.iter_mut().find_map(|a| match a {
            Arg::Pipe(p) => in_pipe(p),
            _ => None,
        });
        if nested.is_some() {
            return nested;
        }
    }
    None
}
