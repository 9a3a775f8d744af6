//! The `mdbook-hugo` command: `mdbook-hugo supports <renderer>` (every renderer: HTML ones get
//! HTML, the others markdown), and otherwise mdBook's `[context, book]` JSON on stdin, the
//! rewritten book on stdout, problems on stderr. Under `mdbook build` any problem fails the run
//! after all are listed; under `mdbook serve` they are shown in the pages instead.

use mdbook_hugo::config::Settings;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::Book;
use std::io::{Read, Write};
use std::process::ExitCode;

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
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("reading the book from standard input: {e}"))?;
    let (ctx, book): (PreprocessorContext, Book) = serde_json::from_str(&input).map_err(|e| {
        format!(
            "the input is not mdBook's [context, book] JSON ({e}); run this through `mdbook build`"
        )
    })?;
    drop(input);
    if let Some(warning) = mdbook_hugo::config::version_warning(
        mdbook_preprocessor::MDBOOK_VERSION,
        &ctx.mdbook_version,
    ) {
        eprintln!("mdbook-hugo: warning: {warning}");
    }
    let settings = Settings::from_context(&ctx)?;
    let (book, problems) = mdbook_hugo::run(&settings, book);
    for p in &problems {
        eprintln!("{p}");
    }
    if !problems.is_empty() && !settings.serve {
        eprintln!(
            "mdbook-hugo: {} problem{} in the book; the build stops here (`mdbook serve` shows them in the pages)",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::FAILURE);
    }
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    serde_json::to_writer(&mut out, &book).map_err(|e| format!("writing the book: {e}"))?;
    out.flush().map_err(|e| format!("writing the book: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
