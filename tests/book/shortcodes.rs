//! Shortcodes end to end, through `mdbook build` with the real preprocessor binary. `hugo`: a
//! Hugo site of our own (`tests/fixtures/shortcodes/`, which is also the book: `book.toml` beside
//! `hugo.toml`) whose posts call callout templates of the kinds real blogs have, and Hugo 0.111's
//! built-ins, every way; the installed hugo and the book build it, and each call's HTML must be
//! the same. `promises`: what the stage promises a writer, without hugo (unknown shortcodes,
//! templates the engine cannot run, the book.toml entries, other renderers, links, chapters
//! without shortcodes).

mod html;
mod hugo;
mod promises;

use crate::support;
use std::path::{Path, PathBuf};

/// The fixture site, in the repository.
fn fixture() -> PathBuf {
    support::root().join("tests/fixtures/shortcodes")
}

/// A copy of the fixture site in a fresh folder (hugo and mdBook write beside it).
fn site_copy(name: &str) -> PathBuf {
    let dir = support::scratch(name);
    copy_dir(&fixture(), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
