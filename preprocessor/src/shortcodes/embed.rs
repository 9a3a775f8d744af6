//! Embedded players and scripts that need the network (YouTube, Vimeo, Bilibili, Tencent Video,
//! gists, GitLab snippets): Hugo's markup kept as is, inside a wrapper with a placeholder that
//! names the service and the title and links to the page that plays or shows it. The placeholder
//! shows where the embed cannot load (theme/shortcodes.css and .js): under `file://` or offline
//! for players, until the script has written something for scripts, and in print.

use super::markup::{self, Part};
use crate::escape;
use crate::markdown;
use std::fmt::Write;

/// What an embed is, for its placeholder.
pub(crate) struct Embed<'a> {
    /// The service's name, as its placeholder shows it: `YouTube`.
    pub service: &'a str,
    /// The title the author gave, if any.
    pub title: Option<&'a str>,
    /// The page that plays or shows it, percent-encoded (see [`query`] and [`path`]).
    pub link: String,
    /// What following the link does: `Watch on YouTube`.
    pub action: &'a str,
}

/// The kind of embed, which decides when the placeholder shows.
#[derive(Clone, Copy)]
pub(crate) enum Via {
    /// An iframe: replaced by the placeholder under `file://`, offline and in print.
    Frame,
    /// A script that writes the content after itself: the placeholder shows until it has.
    Script,
}

impl Embed<'_> {
    /// Hugo's `markup` inside the wrapper, followed by the placeholder.
    pub fn html(&self, via: Via, markup: &str) -> String {
        let via = match via {
            Via::Frame => "hugo-embed-frame",
            Via::Script => "hugo-embed-script",
        };
        let mut out = String::with_capacity(markup.len() + 320);
        let _ = write!(
            out,
            "<div class=\"hugo-embed {via}\">{markup}<a class=\"hugo-embed-fallback\" href=\"{}\" \
             target=\"_blank\" rel=\"noopener\"><span class=\"hugo-embed-service\">{}</span>",
            escape::html(&self.link),
            escape::html(self.service),
        );
        if let Some(title) = self.title.filter(|t| !t.trim().is_empty()) {
            let _ = write!(
                out,
                "<span class=\"hugo-embed-title\">{}</span>",
                escape::html(title)
            );
        }
        let _ = write!(
            out,
            "<span class=\"hugo-embed-action\">{}</span></a></div>",
            escape::html(self.action)
        );
        markup::inert(&out)
    }

    /// The embed as a markdown link: `[YouTube: title](link)`, or `[Watch on YouTube](link)`.
    pub fn markdown(&self) -> String {
        let label = match self.title.filter(|t| !t.trim().is_empty()) {
            Some(title) => format!("{}: {title}", self.service),
            None => self.action.to_owned(),
        };
        markdown::inline(markdown::link(&self.link, vec![markdown::text(label)]))
    }
}

/// `value` encoded for the query of a link we build (every byte but letters, digits and `-._~`).
pub(crate) fn query(value: &str) -> String {
    markup::percent(value, Part::Query)
}

/// `value` encoded for the path of a link we build (what is not valid in a URL).
pub(crate) fn path(value: &str) -> String {
    markup::percent(value, Part::Path)
}

#[cfg(test)]
mod tests;
