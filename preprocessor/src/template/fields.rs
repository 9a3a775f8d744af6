//! Which fields a template reads, as Hugo asks it of a shortcode template: one that reads
//! `.Inner` or `.InnerDeindent` anywhere (through dot, a variable or a parenthesised chain)
//! takes inner content, and its calls need a closing tag.

use super::ast::{Arg, List, Node, Pipe};

/// Whether any field chain in `list` has one of `names` among its identifiers.
pub fn mentions(list: &List, names: &[&str]) -> bool {
    list.nodes.iter().any(|node| match node {
        Node::Text(..) | Node::Break | Node::Continue => false,
        Node::Action(a) => in_pipe(&a.pipe, names),
        Node::If(b) | Node::With(b) | Node::Range(b) => {
            in_pipe(&b.pipe, names)
                || mentions(&b.list, names)
                || b.else_list.as_ref().is_some_and(|l| mentions(l, names))
        }
        Node::Template(c) => c.pipe.as_ref().is_some_and(|p| in_pipe(p, names)),
    })
}

fn in_pipe(pipe: &Pipe, names: &[&str]) -> bool {
    pipe.cmds
        .iter()
        .any(|cmd| cmd.args.iter().any(|arg| in_arg(arg, names)))
}

fn in_arg(arg: &Arg, names: &[&str]) -> bool {
    let any = |idents: &[Box<str>]| idents.iter().any(|i| names.contains(&&**i));
    match arg {
        Arg::Field { names: idents, .. } | Arg::Var { names: idents, .. } => any(idents),
        Arg::Chain {
            term,
            names: idents,
            ..
        } => any(idents) || in_arg(term, names),
        Arg::Pipe(pipe) => in_pipe(pipe, names),
        Arg::Dot | Arg::Nil(_) | Arg::Const(_) | Arg::Func { .. } => false,
    }
}
