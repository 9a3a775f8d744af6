//! Any text as a chapter: finding, parsing and resolving its front matter, and reading the whole
//! chapter (front matter, then the body scan), never panics; every problem points inside it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_hugo::read::Read;
use mdbook_hugo::shortcodes::registry::Shortcodes;
use mdbook_hugo::front_matter::{self, Found};
use mdbook_hugo::post::Post;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let source = source.as_ref();
    match front_matter::find(source) {
        Found::Block(block) => {
            assert!(block.inner.start <= block.inner.end);
            assert!(block.inner.end <= block.body_start && block.body_start <= source.len());
            assert!(source.is_char_boundary(block.body_start));
            if let Ok(map) = front_matter::parse(source, &block) {
                let (_post, problems) = Post::from_map(&map, source, &block);
                for p in problems {
                    assert!(p.at <= source.len(), "problem past the end: {p:?}");
                }
            }
            for key in ["title", "slug", "links", "date"] {
                if let Some(at) = front_matter::key_offset(source, &block, key) {
                    assert!(at < block.inner.end);
                }
            }
        }
        Found::Unclosed { at, .. } => assert!(at < source.len()),
        Found::None => {}
    }
    let read = Read::new("book/fuzz.md".into(), source, &Shortcodes::builtin());
    for p in &read.problems {
        assert!(p.line >= 1 && p.column >= 1, "{p}");
    }
    for site in &read.scan.sites {
        assert!(site.range.start <= site.range.end && site.range.end <= source.len());
        assert!(source.is_char_boundary(site.range.start) && source.is_char_boundary(site.range.end));
    }
});
