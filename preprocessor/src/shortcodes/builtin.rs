//! Hugo's built-in shortcodes, rendered for the book: those of Hugo 0.111 (`youtube`, `vimeo`,
//! `figure`, `highlight`, `param`, `gist`, `tweet`, `twitter_simple`, `instagram`) as 0.111
//! renders them, and the newer `details`, `x`, `x_simple`, `qr` and `comment` as current Hugo
//! defines them. `ref`/`relref` are the link resolver's. When the site's theme is Stack, its
//! shortcodes come first, as a theme's templates override the built-ins.

mod code;
mod details;
mod figure;
mod qr;
mod social;
mod video;

use super::args::Args;
use super::call::Call;
use super::output::{Kind, Output, Problem, Target};
use super::page::Page;
use super::stack;

/// Every built-in's name, and whether its template evaluates `.Inner` (so its calls take a
/// closing tag), as in Hugo's embedded templates. `ref` and `relref` are the link resolver's.
pub const NAMES: &[(&str, bool)] = &[
    ("youtube", false),
    ("vimeo", false),
    ("vimeo_simple", false),
    ("figure", false),
    ("highlight", true),
    ("gist", false),
    ("param", false),
    ("details", true),
    ("comment", true),
    ("tweet", false),
    ("twitter", false),
    ("twitter_simple", false),
    ("x", false),
    ("x_simple", false),
    ("instagram", false),
    ("instagram_simple", false),
    ("qr", true),
    ("ref", false),
    ("relref", false),
];

/// What a renderer reads: the call, its inner content, the page and the target.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub args: Args<'a>,
    /// Hugo's `.Inner`: the text between the tags, nested calls already rendered.
    pub inner: Option<&'a str>,
    pub page: &'a Page<'a>,
    pub target: Target,
}

impl Input<'_> {
    pub fn html(&self) -> bool {
        self.target == Target::Html
    }
}

/// Renders `call` when it is a built-in (or, on a Stack site, one of Stack's); `None` for any
/// other name. `inner` is the call's inner content, with the calls nested in it rendered.
pub fn render(
    call: &Call,
    inner: Option<&str>,
    page: &Page<'_>,
    target: Target,
) -> Option<Result<Output, Problem>> {
    if page.site.stack
        && let Some(done) = stack::render(call, inner, page, target)
    {
        return Some(done);
    }
    let input = Input {
        args: Args::new(call),
        inner,
        page,
        target,
    };
    Some(match call.name.as_str() {
        "youtube" => video::youtube(&input),
        // `vimeo_simple` asks Vimeo for a thumbnail while building; the book shows the player.
        "vimeo" | "vimeo_simple" => video::vimeo(&input),
        "figure" => figure::figure(&input),
        "highlight" => code::highlight(&input),
        "gist" => code::gist(&input),
        "param" => code::param(&input),
        "details" => details::details(&input),
        "comment" => Ok(nothing()),
        "tweet" | "twitter" | "twitter_simple" => social::tweet(&input),
        "x" | "x_simple" => social::x(&input),
        "instagram" | "instagram_simple" => social::instagram(&input),
        "qr" => qr::qr(&input),
        _ => return None,
    })
}

/// What a disabled service (privacy settings) or a `comment` renders: nothing.
pub(crate) fn nothing() -> Output {
    Output::new(String::new(), Kind::Inline)
}

#[cfg(test)]
mod tests;
