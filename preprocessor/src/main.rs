//! The `mdbook-hugo` command: `mdbook-hugo supports <renderer>` (every renderer: HTML ones get
//! HTML, the others markdown), `mdbook-hugo init` (a book.toml for the Hugo site in the current
//! folder), `--help`, and otherwise mdBook's `[context, book]` JSON on stdin, the rewritten book
//! on stdout, problems on stderr. Under `mdbook build` an error fails the run after every problem
//! is listed (warnings only are printed); under `mdbook serve` they are shown in the pages
//! instead.

use mdbook_hugo::engine::{self, Failure};
use std::io::Read;
use std::process::ExitCode;

/// Chapters are parsed on one thread and freed on another, and each chapter's work allocates and
/// frees a few dozen blocks of 4 to 30 KB. glibc's malloc serves that with per-thread arenas that
/// lock on every cross-thread free and grow and trim their heaps a page at a time (8,500
/// `mprotect` calls on 10,000 posts); with mimalloc's thread-local heaps that run takes a fifth
/// less time (`scripts/bench.sh`). Its version 2, because version 3 kept 40% more memory resident.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("supports") if args.len() == 2 => ExitCode::SUCCESS,
        None => match preprocess() {
            Ok(code) => code,
            Err(message) => {
                eprintln!("mdbook-hugo: error: {message}");
                ExitCode::FAILURE
            }
        },
        Some("--version" | "-V") => {
            println!("mdbook-hugo {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("init") if args.len() == 1 => match init(std::path::Path::new(".")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("mdbook-hugo: error: {message}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}

const HELP: &str = "\
mdbook-hugo: your Hugo blog as an mdBook. An mdBook preprocessor: mdBook runs it.

Usage:
  mdbook-hugo init                 in a Hugo site's folder: writes book.toml and book/SUMMARY.md
  mdbook-hugo supports <renderer>  (mdBook asks; every renderer is supported)
  mdbook-hugo --help | --version

Then, in the site's folder:
  mdbook serve --open              the blog as a book, rebuilt as you write
  mdbook build                     the book in public-book/, for GitHub Pages

What it does: every page Hugo publishes becomes a chapter, in Hugo's order (each top-level
section a part; drafts, future and expired posts left out as Hugo leaves them out), with its
front matter as a post header (title, date, reading time, description, categories and tags
linking to their own pages, Stack's cover image) and its `links:` as cards; shortcodes render
as Hugo renders them (the built-ins, the Stack theme's, the site's own layouts/shortcodes/);
links between posts (/p/<slug>/, ref/relref, /tags/x/, static files) become relative links
between chapters that work offline and under any sub-path.

book.toml, [preprocessor.hugo]:
  chapters = \"site\"        the chapters come from the Hugo site (default: SUMMARY.md lists them)
  site = \"..\"              the Hugo site's folder (default: the book's)
  order = \"oldest-first\"   a section's posts oldest first (default: Hugo's order)
  taxonomies = false        no tag and category pages
  drafts = true             drafts in the book (default: under `mdbook serve` only)
  cards = \"header\"         link cards under the header (default: at the end)
  [preprocessor.hugo.shortcodes.NAME]   a shortcode whose template is not on disk:
    template = \"...\"        an inline Go template, or
    admonition = \"warning\"  one of mdBook's admonitions, kind = 0 and title = 1 from parameters
";

/// The book.toml a Hugo site needs to be a book, in its folder.
fn book_toml(title: &str) -> String {
    format!(
        r#"# The Hugo site in this folder as an mdBook: `mdbook serve --open`, `mdbook build`.
[book]
title = {title:?}
# The book's own folder: a one-line SUMMARY.md (mdBook needs one; no chapter list in it), and
# the files mdbook-hugo puts there for the book (images, static files, its stylesheet).
src = "book"

[build]
build-dir = "public-book"
# mdBook never writes into the site.
create-missing = false
# `mdbook serve` rebuilds when a post, an image or a template changes.
extra-watch-dirs = ["content", "static", "layouts"]

[preprocessor.hugo]
# The chapters come from the site's content tree, in Hugo's order.
chapters = "site"

[output.html]
additional-css = ["book/mdbook-hugo/hugo.css", "book/mdbook-hugo/shortcodes.css"]
additional-js = ["book/mdbook-hugo/shortcodes.js"]
"#
    )
}

/// `mdbook-hugo init` in `dir`: book.toml and book/SUMMARY.md, unless they are there.
fn init(dir: &std::path::Path) -> Result<(), String> {
    let Some((config, _)) = mdbook_hugo::site::Site::config_at(dir) else {
        return Err(
            "no Hugo site here (hugo.toml, config.toml, config/_default/...): run it in the site's folder"
                .into(),
        );
    };
    let toml = dir.join("book.toml");
    if toml.exists() {
        println!("book.toml is there already: left as it is");
    } else {
        std::fs::write(&toml, book_toml(&config.title))
            .map_err(|e| format!("writing book.toml: {e}"))?;
        println!("wrote book.toml");
    }
    let summary = dir.join("book/SUMMARY.md");
    if !summary.exists() {
        std::fs::create_dir_all(dir.join("book"))
            .and_then(|()| std::fs::write(&summary, "# Summary\n"))
            .map_err(|e| format!("writing book/SUMMARY.md: {e}"))?;
        println!("wrote book/SUMMARY.md");
    }
    println!("next: `mdbook serve --open` here (and add public-book/ to .gitignore)");
    Ok(())
}

fn preprocess() -> Result<ExitCode, String> {
    let input = read_input(&mut std::io::stdin().lock())
        .map_err(|e| format!("reading the book from standard input: {e}"))?;
    // Parsing, the work on chapters and writing overlap on the machine's cores (see `engine`).
    // The whole book is written even when there are problems: mdBook reads the output only when
    // the exit status says success.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let report = match engine::run_json(input, &mut out, engine::threads()) {
        Ok(report) => report,
        Err(Failure::Input(message) | Failure::Output(message)) => return Err(message),
        Err(Failure::Settings {
            mdbook_version,
            message,
        }) => {
            warn_version(&mdbook_version);
            return Err(message);
        }
    };
    drop(out);
    report.leftovers.leave();
    warn_version(&report.mdbook_version);
    let problems = &report.problems;
    for p in problems {
        eprintln!("{p}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors > 0 && !report.settings.serve {
        eprintln!(
            "mdbook-hugo: {errors} error{} in the book; the build stops here (`mdbook serve` shows them in the pages)",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// All of standard input, read straight into memory mapped from the operating system. Read into
/// a growing `String`, a 43 MB book was copied five times over and left some 60 MB of old buffers
/// resident; a mapping grows in place (`mremap` on Linux), its pages untouched until read into,
/// and goes back to the system the moment it is dropped, which [`engine::run_json`] does as soon as
/// the JSON is parsed.
fn read_input(stdin: &mut impl Read) -> std::io::Result<Input> {
    let mut map = memmap2::MmapMut::map_anon(1 << 20)?;
    let mut len = 0;
    loop {
        if len == map.len() {
            grow(&mut map, 2 * len)?;
        }
        match stdin.read(&mut map[len..]) {
            Ok(0) => return Ok(Input { map, len }),
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(target_os = "linux")]
fn grow(map: &mut memmap2::MmapMut, len: usize) -> std::io::Result<()> {
    // SAFETY: `remap` may move the mapping; no reference into it outlives this call.
    unsafe { map.remap(len, memmap2::RemapOptions::new().may_move(true)) }
}

#[cfg(not(target_os = "linux"))]
fn grow(map: &mut memmap2::MmapMut, len: usize) -> std::io::Result<()> {
    let mut bigger = memmap2::MmapMut::map_anon(len)?;
    bigger[..map.len()].copy_from_slice(map);
    *map = bigger;
    Ok(())
}

/// The first `len` bytes of `map`: what standard input held.
struct Input {
    map: memmap2::MmapMut,
    len: usize,
}

impl AsRef<[u8]> for Input {
    fn as_ref(&self) -> &[u8] {
        &self.map[..self.len]
    }
}

fn warn_version(calling: &str) {
    if let Some(warning) =
        mdbook_hugo::config::version_warning(mdbook_preprocessor::MDBOOK_VERSION, calling)
    {
        eprintln!("mdbook-hugo: warning: {warning}");
    }
}
