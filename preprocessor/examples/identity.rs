//! The benchmark's floor (`scripts/bench.sh`): a preprocessor that does nothing, written the
//! usual way: `mdbook_preprocessor::parse_input` on stdin, `serde_json::to_writer` to stdout.
//! `identity supports <renderer>` answers yes, so it also runs inside `mdbook build`.
//!
//! Stdin is locked for the parse: serde_json reads it a byte at a time, and through the unlocked
//! handle every byte takes the lock, which on this benchmark costs more than the parse itself.
//! Two other floors, for reference:
//! - `identity --unlocked`: `parse_input(std::io::stdin())`, the slow one just described.
//! - `identity --fast`: stdin read into one string, parsed with `serde_json::from_str` (how
//!   `mdbook-hugo` reads), written through a 64 KiB buffer.

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::Book;
use std::io::{Read, Write};

fn main() {
    let arg = std::env::args().nth(1);
    let book = match arg.as_deref() {
        Some("supports") => return,
        Some("--fast") => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .expect("reading stdin");
            let (_ctx, book): (PreprocessorContext, Book) =
                serde_json::from_str(&input).expect("mdBook's [context, book] JSON");
            book
        }
        Some("--unlocked") => {
            mdbook_preprocessor::parse_input(std::io::stdin())
                .expect("mdBook's [context, book] JSON")
                .1
        }
        _ => {
            mdbook_preprocessor::parse_input(std::io::stdin().lock())
                .expect("mdBook's [context, book] JSON")
                .1
        }
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer(&mut out, &book).expect("writing the book");
    out.flush().expect("writing the book");
}
