//! Reading one chapter, independent of every other: its front matter found and parsed, resolved
//! into a `Post` (what Hugo would make of it; for a page of a Hugo site, the site's own reading),
//! its shortcodes read as Hugo reads them, and its body scanned once. Every problem is kept as a
//! diagnostic at its place in the author's source.

use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::{self, Found};
use crate::post::Post;
use crate::scan::{self, Scan};
use crate::shortcodes::call::Node;
use crate::shortcodes::registry::Shortcodes;
use crate::shortcodes::syntax;

/// What is known of a chapter's front matter before it is read.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "made for one call of Read::with and taken apart there: a box would be one more allocation a chapter"
)]
pub enum Known {
    /// Nothing: the reading parses it and reports its problems.
    Nothing,
    /// A Hugo site read the same file and reported its problems: the post it made (with the
    /// site's `cascade`), `None` where the front matter did not parse.
    Site(Option<Post>),
}

/// What reading a chapter found.
#[derive(Debug, Default)]
pub struct Read {
    /// The file relative to the book root, for diagnostics.
    pub file: String,
    /// The front matter, when there is a closed one (an unclosed one is body).
    pub block: Option<front_matter::Block>,
    pub post: Option<Post>,
    pub problems: Vec<Diagnostic>,
    pub scan: Scan,
    /// The body's shortcode calls and escaped calls, at the top level (calls nested in them are
    /// their children).
    pub shortcodes: Vec<Node>,
    /// A list page the book stage made (a section's, a taxonomy's, a term's): no reading time.
    pub list: bool,
}

impl Read {
    /// Reads `source`, the chapter `file` as the author wrote it, with the run's `shortcodes`
    /// deciding which calls take inner content.
    pub fn new(file: String, source: &str, shortcodes: &Shortcodes) -> Read {
        Read::with(file, source, shortcodes, Known::Nothing)
    }

    /// [`Read::new`], with what is `known` of its front matter already.
    pub fn with(file: String, source: &str, shortcodes: &Shortcodes, known: Known) -> Read {
        let mut read = Read {
            file,
            ..Read::default()
        };
        let body_start = match front_matter::find(source) {
            Found::None => 0,
            Found::Unclosed { format, at } => {
                if matches!(known, Known::Nothing) {
                    let problem = front_matter::unclosed(format, at);
                    read.problems.push(problem.diagnostic(&read.file, source));
                }
                0
            }
            Found::Block(block) => {
                match known {
                    Known::Site(post) => read.post = post,
                    Known::Nothing => match front_matter::parse(source, &block) {
                        Ok(map) => {
                            let (post, problems) = Post::from_map(&map, source, &block);
                            // Hugo builds a page whatever its values: a value it can't use is a
                            // warning.
                            read.problems.extend(problems.into_iter().map(|p| {
                                p.diagnostic(&read.file, source).severity(Severity::Warning)
                            }));
                            read.post = Some(post);
                        }
                        Err(p) => read.problems.push(p.diagnostic(&read.file, source)),
                    },
                }
                let body_start = block.body_start;
                read.block = Some(block);
                body_start
            }
        };
        let parsed = syntax::parse(&source[body_start..], body_start, &|name| {
            shortcodes.inner(name)
        });
        read.problems.extend(
            parsed
                .problems
                .iter()
                .map(|p| p.diagnostic(&read.file, source)),
        );
        read.scan = scan::scan(source, body_start, &parsed.nodes);
        read.shortcodes = parsed.nodes;
        read
    }

    /// The front matter as parsed (keys lowercased), for shortcodes that read the page's
    /// params: parsed again on demand rather than kept for every chapter.
    pub fn params(&self, source: &str) -> serde_json::Map<String, serde_json::Value> {
        self.block
            .as_ref()
            .and_then(|b| front_matter::parse(source, b).ok())
            .unwrap_or_default()
    }

    /// Byte offset of front-matter `key` in `source`, or of the front matter's start.
    pub fn key_offset(&self, source: &str, key: &str) -> Option<usize> {
        front_matter::key_offset(source, self.block.as_ref()?, key)
    }

    /// Hugo's reading time: ceil(words / 213), at least a minute.
    pub fn minutes(&self) -> usize {
        self.scan.words.div_ceil(213).max(1)
    }
}
