//! The escapers of one printing action, html/template's `escapeAction`: chosen by the state
//! the action prints in (URL part, script, string, style, text, attribute name, ...) and the
//! attribute's delimiter, redundant ones dropped as Go's `appendCmd` drops them, and a pipeline
//! ending in the predefined `html` or `urlquery` standing for its equivalent (anywhere else in
//! the pipeline, or `html` in an unquoted attribute, it is refused, as Go refuses it).

use super::{Escape, describe, nudge};
use crate::template::Error;
use crate::template::ast::{Action, Arg};
use crate::template::context::{Ctx, Delim, JsCtx, State, UrlPart};
use crate::template::escaper::Escaper;
use crate::template::funcs::Func;

impl Escape<'_> {
    pub(super) fn action(&mut self, c: Ctx, a: &mut Action) -> Result<Ctx, Error> {
        if !a.pipe.decl.is_empty() {
            return Ok(c);
        }
        let mut c = nudge(c);
        let last = a.pipe.cmds.len().saturating_sub(1);
        let mut predefined = None;
        for (i, cmd) in a.pipe.cmds.iter().enumerate() {
            if let Some(Arg::Func { func, name, pos }) = cmd.args.first()
                && matches!(func, Func::Html | Func::UrlQuery)
            {
                if i < last
                    || (c.state == State::Attr
                        && c.delim == Delim::SpaceOrTagEnd
                        && *func == Func::Html)
                {
                    return Err(self.error(
                        *pos,
                        format!("predefined escaper {name:?} disallowed in template"),
                    ));
                }
                predefined = Some(*func);
            }
        }
        let mut chain = Vec::with_capacity(3);
        match c.state {
            State::Url
            | State::CssDqStr
            | State::CssSqStr
            | State::CssDqUrl
            | State::CssSqUrl
            | State::CssUrl => match c.url {
                UrlPart::None | UrlPart::PreQuery => {
                    if c.url == UrlPart::None {
                        chain.push(Escaper::UrlFilter);
                    }
                    if matches!(c.state, State::CssDqStr | State::CssSqStr) {
                        chain.push(Escaper::Css);
                    } else {
                        chain.push(Escaper::UrlNormalizer);
                    }
                }
                UrlPart::QueryOrFrag => chain.push(Escaper::UrlEscape),
                UrlPart::Unknown => {
                    return Err(
                        self.error(a.pos, "action appears in an ambiguous context within a URL")
                    );
                }
            },
            State::Js => {
                chain.push(Escaper::JsVal);
                c.js = JsCtx::DivOp;
            }
            State::JsDqStr | State::JsSqStr => chain.push(Escaper::JsStr),
            State::JsRegexp => chain.push(Escaper::JsRegexp),
            State::Css => chain.push(Escaper::CssValue),
            State::Text => chain.push(Escaper::Html),
            State::Rcdata => chain.push(Escaper::Rcdata),
            State::Attr => {}
            State::AttrName | State::Tag => {
                c.state = State::AttrName;
                chain.push(Escaper::HtmlName);
            }
            State::Srcset => chain.push(Escaper::Srcset),
            _ if c.is_comment() => chain.push(Escaper::Comment),
            _ => return Err(self.error(a.pos, format!("unexpected context {}", describe(c)))),
        }
        match c.delim {
            Delim::None => {}
            Delim::SpaceOrTagEnd => chain.push(Escaper::NoSpace),
            _ => chain.push(Escaper::Attr),
        }
        // Drop escapers made redundant by the one before them, as Go's appendCmd does.
        chain.dedup_by(|next, prev| redundant(*prev, *next));
        if let Some(p) = predefined {
            for e in &mut chain {
                let same = match p {
                    Func::Html => matches!(e, Escaper::Html | Escaper::Attr | Escaper::Rcdata),
                    _ => matches!(e, Escaper::UrlEscape | Escaper::UrlNormalizer),
                };
                if same {
                    *e = Escaper::Noop;
                    break;
                }
            }
        }
        chain.retain(|e| *e != Escaper::Noop);
        a.escapers = chain;
        Ok(c)
    }
}

/// Go's `redundantFuncs`: `next` adds nothing after `prev`.
fn redundant(prev: Escaper, next: Escaper) -> bool {
    use Escaper::*;
    matches!(
        (prev, next),
        (Comment, Attr | Html) | (Css | JsRegexp | JsStr, Attr) | (UrlEscape, UrlNormalizer)
    )
}
