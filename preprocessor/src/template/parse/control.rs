//! The parser's control structures and templates: `if`, `with` and `range` with their `else`,
//! `else if` and `else with` branches (each nested level counted against the depth bound),
//! `{{define}}` at the top level (a later non-empty definition of a name is an error, an
//! empty one is ignored, as Go does), `{{block}}` as a define and a call, and `{{template}}`.

use super::{Item, Parser, literal};
use crate::template::Error;
use crate::template::ast::{Branch, Call, List, Node, Target, Tree};
use crate::template::lex::{Keyword, Kind, Token};

impl Parser<'_> {
    /// `{{define "name"}} body {{end}}` at the top level.
    pub(super) fn define(&mut self) -> Result<(), Error> {
        self.next(); // {{
        let kw = self.next_non_space();
        let token = self.next_non_space();
        let name = self.template_name(&token, "define clause")?;
        let right = self.next_non_space();
        if right.kind != Kind::Right {
            return Err(self.unexpected(&right, "define clause"));
        }
        let tree = self.body("define clause")?;
        self.add_define(name, tree, kw.range.start)
    }

    /// A new template body, `{{end}}` included, with a fresh frame of variables.
    fn body(&mut self, context: &str) -> Result<Tree, Error> {
        let vars = std::mem::replace(&mut self.vars, vec![("$".into(), 0)]);
        let slots = std::mem::replace(&mut self.slots, 1);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let (list, end) = self.item_list()?;
        if let Item::Else(pos, _) = end {
            return Err(self.error(pos, format!("unexpected {{{{else}}}} in {context}")));
        }
        let tree = Tree {
            root: list,
            slots: self.slots,
        };
        self.vars = vars;
        self.slots = slots;
        self.range_depth = range_depth;
        Ok(tree)
    }

    fn add_define(&mut self, name: String, tree: Tree, at: usize) -> Result<(), Error> {
        let empty = |t: &Tree| {
            t.root
                .nodes
                .iter()
                .all(|n| matches!(n, Node::Text(_, s) if s.trim().is_empty()))
        };
        if let Some(existing) = self.defines.iter_mut().find(|(n, _)| *n == name) {
            if empty(&tree) {
                return Ok(());
            }
            if !empty(&existing.1) {
                return Err(self.error(at, format!("multiple definition of template {name:?}")));
            }
            existing.1 = tree;
            return Ok(());
        }
        self.defines.push((name, tree));
        Ok(())
    }

    fn template_name(&self, token: &Token, context: &str) -> Result<String, Error> {
        match token.kind {
            Kind::String | Kind::RawString => {
                literal::unquote(self.text(token)).map_err(|m| self.error(token.range.start, m))
            }
            _ => Err(self.unexpected(token, context)),
        }
    }

    /// `if`, `with` and `range`, with `else`, `else if` and `else with`.
    pub(super) fn control(&mut self, at: usize, kw: Keyword) -> Result<Node, Error> {
        self.enter(at)?;
        let context = match kw {
            Keyword::If => "if",
            Keyword::With => "with",
            _ => "range",
        };
        let scope = self.vars.len();
        let pipe = self.pipeline(context, Kind::Right)?;
        if kw == Keyword::Range {
            self.range_depth += 1;
        }
        let (list, end) = self.item_list()?;
        if kw == Keyword::Range {
            self.range_depth -= 1;
        }
        let else_list = match end {
            Item::Else(pos, Some(k)) if k == kw => {
                self.next_non_space(); // the `if`/`with` of `else if`/`else with`
                Some(List {
                    nodes: vec![self.control(pos, k)?],
                })
            }
            Item::Else(_, Some(_)) => {
                let t = self.peek_non_space().clone();
                return Err(self.unexpected(&t, "input"));
            }
            Item::Else(_, None) => {
                let (list, end) = self.item_list()?;
                if let Item::Else(pos, _) = end {
                    return Err(self.error(pos, "expected end; found {{else}}"));
                }
                Some(list)
            }
            Item::End(_) | Item::Node(_) => None,
        };
        self.vars.truncate(scope);
        self.depth -= 1;
        let branch = Box::new(Branch {
            pos: at,
            pipe,
            list,
            else_list,
        });
        Ok(match kw {
            Keyword::If => Node::If(branch),
            Keyword::With => Node::With(branch),
            _ => Node::Range(branch),
        })
    }

    pub(super) fn template_call(&mut self, at: usize) -> Result<Node, Error> {
        let context = "template clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let pipe = if self.peek_non_space().kind == Kind::Right {
            self.next();
            None
        } else {
            Some(self.pipeline(context, Kind::Right)?)
        };
        Ok(Node::Template(Box::new(Call {
            pos: at,
            name,
            pipe,
            target: Target::Unresolved,
        })))
    }

    /// `{{block "name" pipeline}} default {{end}}`: a define and a call.
    pub(super) fn block(&mut self, at: usize) -> Result<Node, Error> {
        let context = "block clause";
        self.enter(at)?;
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let pipe = self.pipeline(context, Kind::Right)?;
        let tree = self.body(context)?;
        self.add_define(name.clone(), tree, at)?;
        self.depth -= 1;
        Ok(Node::Template(Box::new(Call {
            pos: at,
            name,
            pipe: Some(pipe),
            target: Target::Unresolved,
        })))
    }
}
