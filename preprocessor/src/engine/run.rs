//! A run's setup, at the edge, once: the settings, the Hugo site (its configuration always when
//! there is one; its whole content tree when the book's chapters come from it), and the site's
//! shortcodes (its templates and its themes', read from disk and parsed). Shared read-only by
//! every chapter's reading and rewriting.

use crate::config::{Chapters, Settings};
use crate::date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::disk;
use crate::index::Statics;
use crate::post::Post;
use crate::shortcodes::host;
use crate::shortcodes::page::Privacy;
use crate::shortcodes::registry::Shortcodes;
use crate::site::{Config, Site};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What every chapter of a run is read and rewritten with.
#[derive(Debug)]
pub struct Run {
    pub settings: Settings,
    pub shortcodes: Shortcodes,
    /// The site as a template sees it (`.Site`).
    pub site: Arc<host::Site>,
    /// The site's `params`, for the built-ins.
    pub site_params: serde_json::Map<String, serde_json::Value>,
    pub privacy: Privacy,
    /// The Hugo site's configuration, when the book has a site.
    pub config: Option<Config>,
    /// The content tree, when the chapters come from it: the book stage takes it.
    pub content: Mutex<Option<Site>>,
    /// The site's posts of the chapters made from its pages (`None` where the front matter
    /// did not parse: the site said why), by chapter link, each taken when its chapter is read
    /// (the book stage puts them here before it drops the site).
    pub posts: Mutex<HashMap<String, Option<Post>>>,
    /// The site's folder on disk.
    pub site_dir: Option<PathBuf>,
    /// The files of the site's `static/` folders, in a book made from the site.
    pub statics: Statics,
    /// Problems setting up: the site's configuration and content, templates that do not parse,
    /// book.toml entries that say nothing.
    pub problems: Vec<Diagnostic>,
}

impl Run {
    /// Sets up a run with `settings`, reading the Hugo site from disk.
    pub fn new(mut settings: Settings) -> Run {
        let mut problems = Vec::new();
        let site_dir = settings.site_dir.clone();
        let root = settings.root.clone().or_else(|| site_dir.clone());
        let (config, content) = match (&site_dir, settings.chapters) {
            (Some(dir), Chapters::Site) => {
                let (site, found) = Site::load(dir, &date::now());
                problems.extend(
                    found
                        .into_iter()
                        .map(|d| relative_to(d, dir, root.as_deref())),
                );
                (Some(site.config.clone()), Some(site))
            }
            (Some(dir), Chapters::Summary) => match Site::config_at(dir) {
                Some((config, found)) => {
                    problems.extend(
                        found
                            .into_iter()
                            .map(|d| relative_to(d, dir, root.as_deref())),
                    );
                    (Some(config), None)
                }
                None => (None, None),
            },
            (None, Chapters::Site) => {
                problems.push(Diagnostic {
                    severity: Severity::Error,
                    file: "book.toml".into(),
                    line: 1,
                    column: 1,
                    message: "`chapters = \"site\"` but the book has no Hugo site".into(),
                    hint: Some("set `site` to the Hugo site's folder".into()),
                });
                (None, None)
            }
            (None, Chapters::Summary) => (None, None),
        };
        let themes = config
            .as_ref()
            .map(|c| c.themes.clone())
            .unwrap_or_default();
        let files = match (&site_dir, &root) {
            (Some(site), Some(root)) => {
                let themes_dir = config.as_ref().map_or("themes", |c| c.themes_dir.as_str());
                disk::templates(root, site, themes_dir, &themes)
            }
            _ => Vec::new(),
        };
        let stack = themes
            .iter()
            .any(|t| t.to_ascii_lowercase().contains("stack"));
        let (shortcodes, found) = Shortcodes::new(&files, &settings.shortcodes, stack);
        problems.extend(found);
        let mut site = host::Site::default();
        let mut site_params = serde_json::Map::new();
        let mut privacy = Privacy::default();
        if let Some(c) = &config {
            site.title = c.title.clone();
            site.base_url = c.base_url.clone();
            site.language = c.default_language.clone();
            site.params = host::from_json(&serde_json::Value::Object(c.params.clone()));
            site.config = host::from_json(&serde_json::Value::Object(c.raw.clone()));
            site_params = c.params.clone();
            if let Some(p) = c.raw.get("privacy") {
                privacy = Privacy::from_config(p);
            }
            // The site's own base URL: links on it are links within the book.
            if settings.base_url.is_none() && !c.base_url.is_empty() {
                settings.base_url = Some(c.base_url.trim_end_matches('/').to_owned());
            }
        }
        let mut statics = Statics::default();
        if let (Some(dir), Some(c), Chapters::Site) = (&site_dir, &config, settings.chapters) {
            // Later folders win, as in Hugo.
            for s in &c.static_dirs {
                let base = dir.join(s);
                for rel in disk::files_under(&base) {
                    statics.files.insert(rel.clone(), base.join(&rel));
                }
            }
        }
        Run {
            settings,
            shortcodes,
            site: Arc::new(site),
            site_params,
            privacy,
            config,
            content: Mutex::new(content),
            posts: Mutex::default(),
            site_dir,
            statics,
            problems,
        }
    }
}

/// A problem the site reported with a path relative to the site, made relative to the book's
/// root as the book's other problems are.
fn relative_to(mut d: Diagnostic, site: &Path, root: Option<&Path>) -> Diagnostic {
    if let Some(root) = root
        && let Ok(prefix) = site.strip_prefix(root)
        && !prefix.as_os_str().is_empty()
        && !Path::new(&d.file).is_absolute()
    {
        d.file = format!("{}/{}", prefix.display(), d.file);
    }
    d
}
