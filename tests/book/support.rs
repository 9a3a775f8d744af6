//! Building books for the tests: the real book from the real `book.toml` through mdbook-driver
//! (the preprocessor runs as its own process over mdBook's JSON protocol), small fixture books
//! written on the fly, and the preprocessor binary fed the same JSON directly when a test needs
//! its exit status and stderr.

use mdbook_driver::MDBook;
use mdbook_driver::book::Book;
use mdbook_preprocessor::PreprocessorContext;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set (relative to the root), else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| root().join(dir))
        .unwrap_or_else(|| root().join("target"))
}

/// A fresh, empty folder under `target/test-books/`.
pub fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = root().join("target/test-books").join(format!(
        "{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The release binary of the preprocessor, built once per test run.
pub fn binary() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--locked",
                "--release",
                "--package",
                "mdbook-hugo",
            ])
            .current_dir(root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building mdbook-hugo failed");
        target_dir().join("release/mdbook-hugo")
    })
    .clone()
}

/// Builds the real book, from the real `book.toml`, into a fresh folder; returns the HTML output
/// folder. The preprocessor is the release binary [`binary`] builds, which is what the book's
/// `cargo run` command runs (`serve.rs` runs that command itself, through `mdbook serve`).
pub fn build_book() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            build_at(&root(), false, Some(&binary().display().to_string()))
                .unwrap_or_else(|e| panic!("the book does not build: {e}"))
        })
        .clone()
}

/// Builds the book at `root` with mdbook-driver into a fresh folder; `serve` sets what
/// `mdbook serve` sets; `command` replaces the preprocessor's command.
pub fn build_at(root: &Path, serve: bool, command: Option<&str>) -> Result<PathBuf, String> {
    // The settings go in before the book is loaded: mdBook makes its preprocessors then.
    let mut config = mdbook_driver::config::Config::from_disk(root.join("book.toml"))
        .map_err(|e| format!("{e:#}"))?;
    config.update_from_env().map_err(|e| format!("{e:#}"))?;
    let out = scratch("build");
    config.build.build_dir = out.clone();
    if serve {
        config
            .set("output.html.live-reload-endpoint", "__livereload")
            .unwrap();
    }
    if let Some(command) = command {
        config.set("preprocessor.hugo.command", command).unwrap();
    }
    let md = MDBook::load_with_config(root, config).map_err(|e| format!("{e:#}"))?;
    md.build().map_err(|e| format!("{e:#}"))?;
    // With one renderer mdBook writes straight into the build folder; with several, into `html/`.
    Ok(if out.join("html").is_dir() {
        out.join("html")
    } else {
        out
    })
}

/// A small book written on the fly: `book.toml` wiring the preprocessor's binary, and files.
pub struct Fixture {
    pub root: PathBuf,
}

impl Fixture {
    /// A book with `files` (path under the book root, text); `book.toml` is added unless given.
    pub fn new(name: &str, files: &[(&str, &str)]) -> Fixture {
        let root = scratch(name);
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        if !root.join("book.toml").exists() {
            let toml = format!(
                "[book]\ntitle = \"Fixture\"\nsrc = \"book\"\n\n[preprocessor.hugo]\ncommand = {:?}\nafter = [\"index\"]\nbefore = [\"links\"]\n",
                binary().display().to_string()
            );
            std::fs::write(root.join("book.toml"), toml).unwrap();
        }
        Fixture { root }
    }

    /// Builds it with mdbook-driver; the HTML output folder.
    pub fn build(&self, serve: bool) -> Result<PathBuf, String> {
        build_at(&self.root, serve, None)
    }

    /// Runs the preprocessor binary over mdBook's JSON for this book, as mdBook does.
    pub fn preprocess(&self, renderer: &str, serve: bool) -> Run {
        preprocess(&self.root, renderer, serve)
    }
}

/// What one run of the binary gave.
pub struct Run {
    pub success: bool,
    pub stderr: String,
    pub book: Option<Book>,
}

/// Feeds the binary the `[context, book]` JSON mdBook would send for the book at `root`.
pub fn preprocess(root: &Path, renderer: &str, serve: bool) -> Run {
    let md = MDBook::load(root).unwrap();
    let mut config = md.config.clone();
    if serve {
        config
            .set("output.html.live-reload-endpoint", "__livereload")
            .unwrap();
    }
    let ctx = PreprocessorContext::new(root.to_owned(), config, renderer.to_owned());
    let input = serde_json::to_vec(&(&ctx, &md.book)).unwrap();
    let mut child = Command::new(binary())
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    Run {
        success: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        book: serde_json::from_slice(&output.stdout).ok(),
    }
}

/// A page of the HTML output.
pub fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Fails, saying how to get it, when `tool` does not run. The tests that call this are
/// `#[ignore = "needs <tool> ..."]`, so `cargo test` lists them as ignored with the reason, and
/// `cargo test -- --include-ignored` (what `.ci/run` does) runs them: there a missing tool is a
/// failure, never a silent pass.
pub fn require(tool: &str, why: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    assert!(
        found,
        "{tool} is needed ({why}) but does not run here: install it (.ci/run does), or run \
         `cargo test` without `--include-ignored`"
    );
}

/// Fails like [`require`] when `path` does not exist.
pub fn require_path(path: &Path, what: &str, fix: &str) {
    assert!(
        path.exists(),
        "{what} is needed but {} does not exist: {fix}",
        path.display()
    );
}

/// Every `.html` file under `dir`, recursively.
pub fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}
