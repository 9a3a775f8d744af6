//! The real book in a real browser: `tests/browser/check.mjs` drives headless Chromium over the
//! built HTML (five themes, desktop and phone widths, print) and fails on what a reader would see
//! wrong: cards outside the column, sideways scrolling, text below WCAG AA contrast, console
//! errors, a broken-image icon where the offline placeholder belongs, card links that differ from
//! the front matter. Screenshots land in `target/browser-screenshots/`.
//!
//! It needs Node, Debian's Chromium and `npm ci` in `tests/browser/`; without them the test says
//! what is missing and passes, except under CI (`CI=true`), where it fails.

use crate::support;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium the check drives (`CHROMIUM` overrides, as in check.mjs).
fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Skips (true) when `path` is missing locally; fails under CI.
fn absent(path: &Path, what: &str, fix: &str) -> bool {
    if path.exists() {
        return false;
    }
    assert!(
        !support::ci(),
        "{what} is needed for the browser check and CI=true, but {} does not exist: {fix}",
        path.display()
    );
    eprintln!("skipped: {what} is not at {} ({fix})", path.display());
    true
}

#[test]
fn the_seed_post_reads_well_in_every_theme_at_desktop_and_phone_widths() {
    let dir = support::root().join("tests/browser");
    if support::missing("node", "it runs tests/browser/check.mjs")
        || absent(
            &chromium(),
            "Chromium",
            "install Debian's `chromium` package, or set CHROMIUM to a Chromium binary",
        )
        || absent(
            &dir.join("node_modules/playwright-core"),
            "playwright-core",
            "run `npm ci` in tests/browser",
        )
    {
        return;
    }

    let book = support::build_book();
    let output = Command::new("node")
        .arg(dir.join("check.mjs"))
        .arg(&book)
        .current_dir(support::root())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "the browser check failed ({}) on {}:\n{stderr}\nScreenshots: target/browser-screenshots/",
        output.status,
        book.display()
    );
}
