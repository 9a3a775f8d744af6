//! The edge to the disk, the one place the preprocessor reads files (mdBook hands over the
//! chapters SUMMARY.md lists; everything else comes from here): the posts under the source
//! folder that SUMMARY.md does not list, so a link to one can say how to fix it. The folder is
//! walked on a thread of its own while mdBook's JSON is parsed.

use crate::front_matter::{self, Found};
use crate::links::Unlisted;
use crate::post::Post;
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
