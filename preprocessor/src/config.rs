//! Settings: the `[preprocessor.hugo]` table of `book.toml`, and what the run is (which renderer,
//! `mdbook build` or `mdbook serve`), deserialized with serde. Keys nobody knows are an error
//! that names every one of them.

use mdbook_preprocessor::PreprocessorContext;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Keys we read (the names in [`Table`]), for the error that names an unknown one.
const OUR_KEYS: &[&str] = &[
    "drafts",
    "permalink",
    "base-url",
    "cards",
    "site",
    "chapters",
    "order",
    "taxonomies",
    "shortcodes",
];

/// Keys of `[preprocessor.hugo]` that mdBook itself reads.
const MDBOOK_KEYS: &[&str] = &["command", "renderers", "before", "after", "optional"];

/// Where a post's link cards go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardsAt {
    /// In a section at the end of the post, as the Stack theme shows them.
    #[default]
    End,
    /// Right under the post header.
    Header,
}

/// The `[preprocessor.hugo]` table as written in `book.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Table {
    drafts: Option<bool>,
    permalink: Option<String>,
    base_url: Option<String>,
    #[serde(default)]
    cards: CardsAt,
    site: Option<std::path::PathBuf>,
    #[serde(default)]
    chapters: Chapters,
    #[serde(default)]
    order: Order,
    taxonomies: Option<bool>,
    #[serde(default)]
    shortcodes: BTreeMap<String, Shortcode>,
    /// Every other key: mdBook's own, or a mistake to name.
    #[serde(flatten)]
    other: BTreeMap<String, serde::de::IgnoredAny>,
}

/// Where the book's chapters come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chapters {
    /// The chapters SUMMARY.md lists.
    #[default]
    Summary,
    /// The Hugo site's content tree: every page Hugo publishes, in Hugo's order.
    Site,
}

/// The order of the pages of a section when the chapters come from the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Hugo's: weight, then newest first, then title, then file.
    #[default]
    Hugo,
    /// Oldest first, as a book often reads.
    OldestFirst,
}

/// `[preprocessor.hugo.shortcodes.NAME]`: how the book renders a shortcode whose template is not
/// on disk (a theme that is a Hugo module), or renders it its own way: an inline Go template, or
/// one of mdBook's admonitions (`> [!NOTE]`), its kind fixed or read from a parameter, its title
/// from another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Shortcode {
    /// A Go template, as it would be in `layouts/shortcodes/NAME.html`.
    pub template: Option<String>,
    /// The admonition the call becomes: `note`, `tip`, `important`, `warning` or `caution`
    /// (the default when `kind` names none).
    pub admonition: Option<String>,
    /// The parameter naming the admonition's kind (`{{< notice warning >}}`: `kind = 0`).
    pub kind: Option<ParamRef>,
    /// The parameter holding the admonition's title.
    pub title: Option<ParamRef>,
}

/// A shortcode parameter, by position (`0`) or by name (`"type"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ParamRef {
    Position(usize),
    Name(String),
}

/// What this run is and how the book wants it done.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The book's source folder relative to its root (`book`), to name files in diagnostics.
    pub src: String,
    /// The renderer the book is being preprocessed for: `html` gets HTML, others markdown.
    pub html: bool,
    /// Under `mdbook serve`: problems show in the page instead of failing the build.
    pub serve: bool,
    /// Whether drafts are in the book: by default under serve only.
    pub drafts: bool,
    /// The permalink pattern posts are linked by, with `:slug`.
    pub permalink: String,
    /// The site's own base URL: absolute links on it resolve like site-relative ones.
    pub base_url: Option<String>,
    pub cards: CardsAt,
    /// The book's title, for page titles set with `{{#title}}`.
    pub book_title: Option<String>,
    /// mdBook's built-in preprocessors (`index`, `links`) run.
    pub default_preprocessors: bool,
    /// The book's root on disk (where book.toml is).
    pub root: Option<std::path::PathBuf>,
    /// The source folder on disk, to find posts SUMMARY.md does not list.
    pub src_dir: Option<std::path::PathBuf>,
    /// The Hugo site's root on disk (`site`, relative to the book root; the book root itself by
    /// default): its templates, config and files.
    pub site_dir: Option<std::path::PathBuf>,
    /// `[preprocessor.hugo.shortcodes]`, by name.
    pub shortcodes: BTreeMap<String, Shortcode>,
    pub chapters: Chapters,
    pub order: Order,
    /// A chapter per taxonomy and per term (on by default).
    pub taxonomies: bool,
}

impl Settings {
    /// Reads the settings from the context mdBook passes; an unusable key is an error naming it.
    pub fn from_context(ctx: &PreprocessorContext) -> Result<Settings, String> {
        let value: serde_json::Value = ctx
            .config
            .get("preprocessor.hugo")
            .map_err(|e| format!("[preprocessor.hugo] in book.toml: {e:#}"))?
            .unwrap_or_default();
        let table: Table = match value {
            serde_json::Value::Null => Table::default(),
            value => serde_path_to_error::deserialize(value).map_err(|e| {
                format!(
                    "book.toml: [preprocessor.hugo] `{}`: {}",
                    e.path(),
                    e.inner()
                )
            })?,
        };
        let unknown: Vec<&str> = table
            .other
            .keys()
            .map(String::as_str)
            .filter(|k| !MDBOOK_KEYS.contains(k))
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "book.toml: unknown key{} {} in [preprocessor.hugo]; the keys are {} (and mdBook's {})",
                if unknown.len() == 1 { "" } else { "s" },
                unknown
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                OUR_KEYS.join(", "),
                MDBOOK_KEYS.join(", "),
            ));
        }
        let serve = ctx.config.contains_key("output.html.live-reload-endpoint");
        let permalink = table.permalink.unwrap_or_else(|| "/p/:slug/".into());
        if !permalink.starts_with('/') || permalink.matches(":slug").count() != 1 {
            return Err(format!(
                "book.toml: [preprocessor.hugo] `permalink = \"{permalink}\"` must start with `/` and hold `:slug` once, like \"/p/:slug/\""
            ));
        }
        Ok(Settings {
            src: ctx
                .config
                .book
                .src
                .to_string_lossy()
                .trim_end_matches('/')
                .to_owned(),
            html: ctx.renderer == "html",
            serve,
            drafts: table.drafts.unwrap_or(serve),
            permalink,
            base_url: table.base_url.map(|u| u.trim_end_matches('/').to_owned()),
            cards: table.cards,
            book_title: ctx.config.book.title.clone(),
            default_preprocessors: ctx.config.build.use_default_preprocessors,
            root: Some(ctx.root.clone()),
            src_dir: Some(ctx.root.join(&ctx.config.book.src)),
            site_dir: Some(ctx.root.join(table.site.unwrap_or_default())),
            shortcodes: table.shortcodes,
            chapters: table.chapters,
            order: table.order,
            taxonomies: table.taxonomies.unwrap_or(true),
        })
    }

    /// Settings for tests and tools: the html renderer under `mdbook build`.
    pub fn for_build() -> Settings {
        Settings {
            src: "book".into(),
            html: true,
            serve: false,
            drafts: false,
            permalink: "/p/:slug/".into(),
            base_url: None,
            cards: CardsAt::End,
            book_title: None,
            default_preprocessors: true,
            root: None,
            src_dir: None,
            site_dir: None,
            shortcodes: BTreeMap::new(),
            chapters: Chapters::Summary,
            order: Order::Hugo,
            // Tests look at the chapters they give; the term pages have tests of their own.
            taxonomies: false,
        }
    }
}

/// A warning when the calling mdBook's major.minor differs from `ours`, the one we were built
/// against; nothing on a patch difference.
pub fn version_warning(ours: &str, calling: &str) -> Option<String> {
    let minor = |v: &str| v.split('.').take(2).collect::<Vec<_>>().join(".");
    (minor(calling) != minor(ours))
        .then(|| format!("built for mdBook {ours}, called by mdBook {calling}; if pages look wrong, update mdbook-hugo"))
}

#[cfg(test)]
mod tests;
