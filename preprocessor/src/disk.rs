//! The edge to the disk, the one place the preprocessor reads files (mdBook hands over the
//! chapters SUMMARY.md lists; everything else comes from here): the posts under the source
//! folder that SUMMARY.md does not list, so a link to one can say how to fix it (walked on a
//! thread of its own while mdBook's JSON is parsed), and the Hugo site's shortcode and partial
//! templates.

use crate::front_matter::{self, Found};
use crate::links::Unlisted;
use crate::post::Post;
use crate::shortcodes::registry::TemplateFile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// The markdown files under a source folder, being listed on another thread.
pub struct Walk {
    handle: Option<JoinHandle<Vec<PathBuf>>>,
}

impl Walk {
    /// Starts listing the `.md` files under `dir` (relative paths), when it is a folder.
    pub fn start(dir: Option<PathBuf>) -> Walk {
        let handle = dir.filter(|d| d.is_dir()).and_then(|dir| {
            std::thread::Builder::new()
                .name("mdbook-hugo-walk".into())
                .spawn(move || markdown_files(&dir))
                .ok()
        });
        Walk { handle }
    }

    /// No folder to walk.
    pub fn none() -> Walk {
        Walk { handle: None }
    }

    /// The posts among the listed files that `listed` (chapters' source paths, relative to the
    /// source folder) does not hold, read for their slug: slug to file (`book/x.md`, under
    /// `src`, the folder as the book names it).
    pub fn unlisted(self, src_dir: Option<&Path>, src: &str, listed: &HashSet<&Path>) -> Unlisted {
        let (Some(handle), Some(dir)) = (self.handle, src_dir) else {
            return Unlisted::new();
        };
        let files = handle.join().unwrap_or_default();
        let mut found = Unlisted::new();
        for rel in files.iter().filter(|rel| !listed.contains(rel.as_path())) {
            if let Some(slug) = slug_of_file(&dir.join(rel)) {
                found.insert(slug, format!("{src}/{}", rel.display()));
            }
        }
        found
    }
}

/// Every `.md` file under `dir`, relative to it.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && let Ok(rel) = path.strip_prefix(dir)
            {
                out.push(rel.to_path_buf());
            }
        }
    }
    out
}

fn slug_of_file(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let Found::Block(block) = front_matter::find(&text) else {
        return None;
    };
    let map = front_matter::parse(&text, &block).ok()?;
    Post::from_map(&map, &text, &block).0.slug
}

/// The shortcode and partial templates of the Hugo site at `site`, in Hugo's lookup order: the
/// site's `layouts/shortcodes/` and `layouts/_shortcodes/`, then each theme's (`themes/<theme>/
/// layouts/...`), and the partials likewise; names as Hugo names them (`shortcodes/notice.html`,
/// `partials/icon.html`), files relative to the book root `root` for diagnostics.
pub fn templates(root: &Path, site: &Path, themes: &[String]) -> Vec<TemplateFile> {
    let mut layouts = vec![site.join("layouts")];
    layouts.extend(
        themes
            .iter()
            .map(|t| site.join("themes").join(t).join("layouts")),
    );
    let mut out = Vec::new();
    for folder in ["shortcodes", "_shortcodes", "partials", "_partials"] {
        for dir in &layouts {
            let base = dir.join(folder);
            let mut files = Vec::new();
            collect_files(&base, &mut files);
            files.sort();
            for path in files {
                let Ok(source) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let Ok(rel) = path.strip_prefix(dir) else {
                    continue;
                };
                let name = rel.to_string_lossy().replace('\\', "/");
                let name = name
                    .strip_prefix("_partials/")
                    .map_or(name.clone(), |n| format!("partials/{n}"));
                let file = path.strip_prefix(root).unwrap_or(&path);
                out.push(TemplateFile {
                    name,
                    file: file.to_string_lossy().replace('\\', "/"),
                    source,
                });
            }
        }
    }
    out
}

/// Every file under `dir`.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}
