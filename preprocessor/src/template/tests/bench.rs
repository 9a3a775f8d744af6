//! Timing, not a test of behaviour: parses and runs the notice template 10,000 times each and
//! prints the cost per run (`cargo test --release -p mdbook-hugo --lib template::tests::bench
//! -- --ignored --nocapture`). It asserts only that the output is the notice.

use super::super::*;
use super::hugo::test_shortcode;
use std::time::Instant;

const NOTICE: &str = include_str!("../testdata/shortcodes/notice.html");

/// A host whose markdown is the text itself: the timing is the engine's.
struct Plain;
impl Host for Plain {
    fn markdownify(&self, markdown: &str) -> Result<String, String> {
        Ok(markdown.to_owned())
    }
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn notice_parse_and_exec_10k() {
    const N: u32 = 10_000;
    let start = Instant::now();
    for _ in 0..N {
        std::hint::black_box(Template::parse("notice.html", NOTICE).expect("parses"));
    }
    let parse = start.elapsed() / N;
    let t = Template::parse("notice.html", NOTICE).expect("parses");
    let dot = test_shortcode(&["warning", "Watch out"], "Some <b>bold</b> text & more");
    let start = Instant::now();
    let mut len = 0;
    for _ in 0..N {
        len += std::hint::black_box(t.exec(&dot, &Plain).expect("runs")).len();
    }
    let exec = start.elapsed() / N;
    let out = t.exec(&dot, &Plain).expect("runs");
    assert!(
        out.contains("notice-warning") && out.contains("Watch out"),
        "{out}"
    );
    println!("notice.html: parse {parse:?} per template, exec {exec:?} per call ({len} bytes)");
}
