//! The edge to the disk, the one place the preprocessor reads files (mdBook hands over the
//! chapters SUMMARY.md lists; everything else comes from here): the posts under the source
//! folder that SUMMARY.md does not list, so a link to one can say how to fix it (walked on a
//! thread of its own while mdBook's JSON is parsed), and the Hugo site's shortcode and partial
//! templates.

use crate::config::{Chapters, Settings};
use crate::diagnostic::{Diagnostic, Severity};
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
    /// Starts listing the `.md` files under the book's source folder (relative paths), when it
    /// is a folder and SUMMARY.md lists the chapters. A book made from a site has every page as
    /// a chapter, and its source folder holds only the files copied for it.
    pub fn start(settings: &Settings) -> Walk {
        let dir = match settings.chapters {
            Chapters::Summary => settings.src_dir.clone(),
            Chapters::Site => None,
        };
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
pub fn templates(
    root: &Path,
    site: &Path,
    themes_dir: &str,
    themes: &[String],
) -> Vec<TemplateFile> {
    let mut layouts = vec![site.join("layouts")];
    layouts.extend(
        themes
            .iter()
            .map(|t| site.join(themes_dir).join(t).join("layouts")),
    );
    let mut out = Vec::new();
    for folder in ["shortcodes", "_shortcodes", "partials", "_partials"] {
        for (n, dir) in layouts.iter().enumerate() {
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
                    theme: n > 0,
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

/// Every file under `dir`, as paths relative to it with `/`.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files
        .iter()
        .filter_map(|f| f.strip_prefix(dir).ok())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// The book's own stylesheet and script, written into its source folder for a book made from
/// a site (book.toml names them in `additional-css` and `additional-js`).
pub const ASSETS: [(&str, &str); 3] = [
    ("mdbook-hugo/hugo.css", include_str!("../theme/hugo.css")),
    (
        "mdbook-hugo/shortcodes.css",
        include_str!("../theme/shortcodes.css"),
    ),
    (
        "mdbook-hugo/shortcodes.js",
        include_str!("../theme/shortcodes.js"),
    ),
];

/// The list of what the last run put in the source folder, so the next can take away what is no
/// longer wanted.
const MANIFEST: &str = ".mdbook-hugo-files";

/// Puts `files` (the file, its path in the book) and the book's [`ASSETS`] into the source
/// folder `src`, where mdBook copies everything but markdown from, and takes away what an
/// earlier run put there that is no longer wanted. A file already there with the same length
/// and no older than its original is left alone, so a quiet `mdbook serve` stays quiet; which
/// ones are is asked on `threads` threads (two `stat`s a file, for every image of a blog).
pub fn mirror(src: &Path, files: &[(PathBuf, String)], threads: usize) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut wanted: Vec<String> = Vec::with_capacity(files.len() + ASSETS.len());
    let mut problem = |path: &str, what: String| {
        problems.push(Diagnostic {
            severity: Severity::Warning,
            file: path.to_owned(),
            line: 1,
            column: 1,
            message: what,
            hint: Some("the book lacks the file; check the folder's permissions".into()),
        });
    };
    let checked = crate::schedule::map(threads, files.len(), &|i| {
        let (from, to) = &files[i];
        inside(src, to).map(|dest| {
            let fresh = fresh(from, &dest);
            (dest, fresh)
        })
    });
    for ((from, to), checked) in files.iter().zip(checked) {
        let Some((dest, fresh)) = checked else {
            continue;
        };
        wanted.push(to.clone());
        if fresh {
            continue;
        }
        let done = dest
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::copy(from, &dest).map(|_| ()));
        if let Err(e) = done {
            problem(
                &from.display().to_string(),
                format!("copying it into the book: {e}"),
            );
        }
    }
    for (to, text) in ASSETS {
        let Some(dest) = inside(src, to) else {
            continue;
        };
        wanted.push(to.to_owned());
        if std::fs::read_to_string(&dest).is_ok_and(|t| t == text) {
            continue;
        }
        let done = dest
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&dest, text));
        if let Err(e) = done {
            problem(to, format!("writing it into the book: {e}"));
        }
    }
    wanted.sort();
    wanted.dedup();
    let manifest = src.join(MANIFEST);
    let before = std::fs::read_to_string(&manifest).unwrap_or_default();
    for old in before
        .lines()
        .filter(|l| wanted.binary_search(&l.to_string()).is_err())
    {
        if let Some(dest) = inside(src, old) {
            let _ = std::fs::remove_file(&dest);
        }
    }
    let list: String = wanted.iter().map(|w| format!("{w}\n")).collect();
    if list != before {
        let _ = std::fs::write(&manifest, list);
    }
    // The folder is the book's: what mdbook-hugo puts there is not the writer's to commit.
    let ignore = src.join(".gitignore");
    if !ignore.exists() {
        let _ = std::fs::write(&ignore, GITIGNORE);
    }
    problems
}

/// The `.gitignore` of a book's source folder made from a site: everything but SUMMARY.md is
/// mdbook-hugo's, made again on every build.
const GITIGNORE: &str =
    "# Written by mdbook-hugo: copies of the site's files and the book's stylesheet, made
# again on every build.
/*
!/SUMMARY.md
!/.gitignore
";

/// `src/rel`, when `rel` stays inside `src`.
fn inside(src: &Path, rel: &str) -> Option<PathBuf> {
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.iter().any(|p| *p == ".." || *p == ".") {
        return None;
    }
    Some(parts.iter().fold(src.to_path_buf(), |p, part| p.join(part)))
}

/// Whether `dest` already holds `from`: the same length, and not older.
fn fresh(from: &Path, dest: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::metadata(from), std::fs::metadata(dest)) else {
        return false;
    };
    a.len() == b.len() && matches!((a.modified(), b.modified()), (Ok(x), Ok(y)) if y >= x)
}
