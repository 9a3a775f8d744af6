//! The real book and the fixture blog in a real browser: `tests/browser/check.mjs` drives headless
//! Chromium over the built HTML (five themes, desktop and phone widths, print) and fails on what
//! a reader would see wrong: anything outside the column, sideways scrolling, text below WCAG AA
//! contrast, console errors, a broken-image icon where the offline placeholder belongs, card links
//! that differ from the front matter; on the fixture blog (`tests/browser/fixture`, a Hugo site
//! built as a book with `chapters = "site"`), every shortcode's output, the embeds' placeholders
//! from disk and their players over http, the cover, term chips as links, the term, section and
//! archives pages. Screenshots land in `target/browser-screenshots/`.
//!
//! It needs Node, Debian's Chromium and `npm ci` in `tests/browser/`, so `cargo test` lists it as
//! ignored; `cargo test -- --include-ignored` runs it, and fails saying what is missing.

use crate::support;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium the check drives (`CHROMIUM` overrides, as in check.mjs).
fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Copies the folder `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let (src, dest) = (entry.path(), to.join(entry.file_name()));
        if entry.file_name() == "public-book" {
            continue; // what `mdbook build` in the fixture itself writes
        } else if entry.file_type().unwrap().is_dir() {
            copy_tree(&src, &dest);
        } else {
            std::fs::copy(&src, &dest).unwrap();
        }
    }
}

/// The fixture blog built as a book, in a scratch copy (the preprocessor writes into the book's
/// source folder, which must not be the repository's), with the binary this run built.
fn build_fixture() -> PathBuf {
    let fixture = support::root().join("tests/browser/fixture");
    let copy = support::scratch("browser-fixture");
    copy_tree(&fixture, &copy);
    support::build_at(&copy, false, Some(&support::binary().display().to_string()))
        .unwrap_or_else(|e| panic!("the fixture blog (tests/browser/fixture) does not build: {e}"))
}

#[test]
#[ignore = "needs node, chromium and `npm ci` in tests/browser (.ci/run installs them)"]
fn every_part_of_a_page_reads_well_in_every_theme_at_desktop_and_phone_widths_and_in_print() {
    let dir = support::root().join("tests/browser");
    support::require("node", "it runs tests/browser/check.mjs");
    support::require_path(
        &chromium(),
        "Chromium",
        "install Debian's `chromium` package, or set CHROMIUM to a Chromium binary",
    );
    support::require_path(
        &dir.join("node_modules/playwright-core"),
        "playwright-core",
        "run `npm ci` in tests/browser",
    );

    let book = support::build_book();
    let fixture = build_fixture();
    let output = Command::new("node")
        .arg(dir.join("check.mjs"))
        .arg(&book)
        .arg("--fixture")
        .arg(&fixture)
        .current_dir(support::root())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "the browser check failed ({}) on {} and {}:\n{stderr}\nScreenshots: target/browser-screenshots/",
        output.status,
        book.display(),
        fixture.display()
    );
}
