//! The parse tree of a template, as Go's text/template/parse builds it, with variables resolved
//! to slots in their template's frame and functions to their implementation. The escaping pass
//! annotates it: each action gets the escapers for the context it prints in, text loses its
//! HTML comments, and each `{{template}}` call names the copy of the callee escaped for the
//! context of the call. Positions are byte offsets into the template's source.

use super::escaper::Escaper;
use super::funcs::Func;
use super::value::Value;

/// A sequence of nodes: a template body, a branch.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    /// Text at its byte offset.
    Text(usize, Box<str>),
    Action(Action),
    If(Box<Branch>),
    With(Box<Branch>),
    Range(Box<Branch>),
    Template(Box<Call>),
    Break,
    Continue,
}

/// `{{ pipeline }}`: printed through its escapers unless it declares variables.
#[derive(Debug, Clone)]
pub struct Action {
    pub pos: usize,
    pub pipe: Pipe,
    pub escapers: Vec<Escaper>,
}

/// `if`, `with` and `range`: the pipeline, the body, and the `else` part.
#[derive(Debug, Clone)]
pub struct Branch {
    pub pos: usize,
    pub pipe: Pipe,
    pub list: List,
    pub else_list: Option<List>,
}

/// `{{ template "name" pipeline }}`.
#[derive(Debug, Clone)]
pub struct Call {
    pub pos: usize,
    pub name: String,
    pub pipe: Option<Pipe>,
    pub target: Target,
}

/// What a `{{template}}` call runs, decided by the escaping pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Not yet escaped.
    Unresolved,
    /// The template's own `define`, escaped for the call's context: an index into its variants.
    Local(usize),
    /// A template of the host's (a partial by its full name), run as HTML text.
    External,
}

/// A pipeline: optional variable declarations, then commands joined by `|`.
#[derive(Debug, Clone)]
pub struct Pipe {
    pub pos: usize,
    /// The slots of the declared or assigned variables (the same thing, once resolved).
    pub decl: Vec<usize>,
    pub cmds: Vec<Cmd>,
}

/// One command: a function, method or value and its arguments.
#[derive(Debug, Clone)]
pub struct Cmd {
    pub pos: usize,
    pub args: Vec<Arg>,
}

/// An operand.
#[derive(Debug, Clone)]
pub enum Arg {
    Dot,
    Nil(usize),
    Const(Value),
    /// `.A.B`: fields of dot.
    Field {
        pos: usize,
        names: Vec<Box<str>>,
    },
    /// `$x.A.B`.
    Var {
        pos: usize,
        slot: usize,
        name: Box<str>,
        names: Vec<Box<str>>,
    },
    /// A function, by its resolved implementation.
    Func {
        pos: usize,
        func: Func,
        name: Box<str>,
    },
    /// `( pipeline )`.
    Pipe(Box<Pipe>),
    /// `(pipeline).A.B`.
    Chain {
        pos: usize,
        term: Box<Arg>,
        names: Vec<Box<str>>,
    },
}

/// One template body with the number of variable slots its frame needs (slot 0 is `$`).
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub root: List,
    pub slots: usize,
}

/// A parsed file: its main body and the templates it defines.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub main: Tree,
    /// `define`d (and `block`) templates in source order, by name.
    pub defines: Vec<(String, Tree)>,
    /// A partial's `return VALUE`: the pipeline evaluated after the main body.
    pub ret: Option<Pipe>,
}
