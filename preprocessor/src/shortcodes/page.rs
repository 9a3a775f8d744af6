//! What a shortcode reads besides its call: the page (its params, its source) and the site (its
//! params, its privacy settings, whether its theme is Stack, how it renders markdown). Built once
//! per site and per page by the stage and shared read-only; the lookup `param` does, too.

use serde_json::{Map, Value};

/// Renders markdown to HTML, as the page's own markdown is rendered.
pub type Markdown<'a> = &'a (dyn Fn(&str) -> String + Sync);

/// Maps a URL the author wrote for an image, a video or a link (figure `src` and `link`, video
/// `src` and `poster`) to the book's, or `None` to keep it as written.
pub type Resolve<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// The site: what is the same for every page.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    /// The site config's `params`.
    pub params: &'a Map<String, Value>,
    pub privacy: Privacy,
    /// The site's theme is Stack: its shortcodes replace Hugo's of the same name (`youtube`).
    pub stack: bool,
    /// Renders figure captions, details summaries and quotes (see [`super::render_markdown`]).
    pub markdown: Markdown<'a>,
}

/// The page a call is on.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    pub site: &'a Site<'a>,
    /// The page's front matter, every key, `title` included (Hugo's `.Params`).
    pub params: &'a Map<String, Value>,
    /// The chapter's source, which the calls' byte ranges index.
    pub source: &'a str,
    pub resolve: Option<Resolve<'a>>,
}

impl Page<'_> {
    /// Hugo's `.Page.Param key`: the page's param, else the site's; keys match whatever their
    /// case, and `a.b` looks into nested tables when no key is literally `a.b`.
    pub fn param(&self, key: &str) -> Option<&Value> {
        let candidates = [self.params, self.site.params];
        candidates
            .iter()
            .find_map(|m| lookup(m, key))
            .or_else(|| candidates.iter().find_map(|m| nested(m, key)))
    }

    /// `url` as the book links it.
    pub(crate) fn resolve(&self, url: &str) -> String {
        self.resolve
            .and_then(|f| f(url))
            .unwrap_or_else(|| url.to_owned())
    }
}

/// `key` in `map`, whatever its case.
fn lookup<'m>(map: &'m Map<String, Value>, key: &str) -> Option<&'m Value> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// `a.b.c` through nested tables of `map`.
fn nested<'m>(map: &'m Map<String, Value>, key: &str) -> Option<&'m Value> {
    let mut parts = key.split('.');
    let mut value = lookup(map, parts.next()?)?;
    for part in parts {
        value = lookup(value.as_object()?, part)?;
    }
    Some(value)
}

/// The site's `privacy` settings that change what a built-in renders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Privacy {
    /// `privacy.youtube.disable`: `youtube` renders nothing.
    pub youtube_disable: bool,
    /// `privacy.youtube.privacyEnhanced`: embeds come from www.youtube-nocookie.com.
    pub youtube_privacy_enhanced: bool,
    pub vimeo_disable: bool,
    /// `privacy.vimeo.enableDNT`: the player is asked not to track (`?dnt=1`).
    pub vimeo_dnt: bool,
    /// `privacy.twitter.disable`: `tweet`, `twitter` and `twitter_simple` render nothing.
    pub twitter_disable: bool,
    /// `privacy.x.disable`: `x` and `x_simple` render nothing.
    pub x_disable: bool,
    pub instagram_disable: bool,
}

impl Privacy {
    /// The settings in a site config's `privacy` table (keys in any case, as Hugo reads them).
    pub fn from_config(privacy: &Value) -> Self {
        let flag = |service: &str, key: &str| {
            privacy
                .as_object()
                .and_then(|p| lookup(p, service))
                .and_then(Value::as_object)
                .and_then(|s| lookup(s, key))
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        Privacy {
            youtube_disable: flag("youtube", "disable"),
            youtube_privacy_enhanced: flag("youtube", "privacyEnhanced"),
            vimeo_disable: flag("vimeo", "disable"),
            vimeo_dnt: flag("vimeo", "enableDNT"),
            twitter_disable: flag("twitter", "disable"),
            x_disable: flag("x", "disable"),
            instagram_disable: flag("instagram", "disable"),
        }
    }
}

#[cfg(test)]
mod tests;
