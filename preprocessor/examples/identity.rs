//! The benchmark's floor (`scripts/bench.sh`): a preprocessor that does nothing, written the
//! usual way: `mdbook_preprocessor::parse_input` on stdin, `serde_json::to_writer` to stdout.
//! `identity supports <renderer>` answers yes, so it also runs inside `mdbook build`.

use std::io::Write;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return;
    }
    let (_ctx, book) =
        mdbook_preprocessor::parse_input(std::io::stdin()).expect("mdBook's [context, book] JSON");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer(&mut out, &book).expect("writing the book");
    out.flush().expect("writing the book");
}
