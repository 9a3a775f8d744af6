//! The `mdbook-hugo` command: `mdbook-hugo supports <renderer>` (every renderer: HTML ones get
//! HTML, the others markdown), and otherwise mdBook's `[context, book]` JSON on stdin, the
//! rewritten book on stdout, problems on stderr. Under `mdbook build` an error fails the run
//! after every problem is listed (warnings only are printed); under `mdbook serve` they are shown
//! in the pages instead.

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
        _ => {
            eprintln!(
                "usage: mdbook-hugo [supports <renderer>]\n\nAn mdBook preprocessor: configure it as [preprocessor.hugo] in book.toml; mdBook runs it."
            );
            ExitCode::from(2)
        }
    }
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
