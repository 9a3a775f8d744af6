//! The real book in a real browser: `tests/browser/check.mjs` drives headless Chromium over the
//! built HTML (five themes, desktop and phone widths, print) and fails on what a reader would see
//! wrong: cards outside the column, sideways scrolling, text below WCAG AA contrast, console
//! errors, a broken-image icon where the offline placeholder belongs, card links that differ from
//! the front matter. Screenshots land in `target/browser-screenshots/`.
//!
//! It needs Node, Debian's Chromium and `npm ci` in `tests/browser/`, so `cargo test` lists it as
//! ignored; `cargo test -- --include-ignored` runs it, and fails saying what is missing.

use crate::support;
use std::path::PathBuf;
use std::process::Command;

/// The Chromium the check drives (`CHROMIUM` overrides, as in check.mjs).
fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

#[test]
#[ignore = "needs node, chromium and `npm ci` in tests/browser (.ci/run installs them)"]
fn the_seed_post_reads_well_in_every_theme_at_desktop_and_phone_widths() {
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
