//! Any bytes as a page body through Hugo's shortcode syntax (`shortcodes::syntax::parse`): never
//! a panic, time linear in the body (the body eight times over costs about four times what it
//! costs twice over), and a well-formed tree. Every node's range lies inside the
//! body, on character boundaries, inside its parent's inner content; siblings come in order and
//! apart; each call's ordinal counts the calls among its siblings, its indentation ends where it
//! starts, its parameters lie inside it, and only a call with inner content has children. Every
//! problem's offset is inside the body (or at its end, where a tag the page cuts short would
//! go on), on a character boundary, and problems come in source order. The template question
//! (does this name take inner content?) is asked at most once per `{{`, never for an inline
//! shortcode.
//!
//! Input: the first byte chooses, with a hash of each name (and, unless its high bit is set, the
//! syntax tests' own table for their names), which names take inner content,
//! which ignore it and which have no template; the rest is the body (invalid UTF-8 replaced),
//! placed after a front matter so offsets count from a base that is not zero.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mdbook_hugo::shortcodes::call::{Node, Params};
use mdbook_hugo::shortcodes::syntax::{self, Inner, Parsed};
use std::cell::Cell;
use std::ops::Range;
use std::time::Duration;

/// The body starts after this, so ranges must count from a base that is not zero.
const FRONT: &str = "---\ntitle: fuzz\n---\n";

/// The syntax tests' shortcodes (`syntax/tests/fixtures.rs`): these take inner content, and
/// these ignore it, unless the first byte's high bit asks for hashed answers only.
const TAKES: &[&str] = &["inner", "a", "b", "notice", "spoiler", "dir/name", "details"];
const IGNORES: &[&str] = &["plain", "p", "q", "youtube", "figure"];

/// What the site's templates say about `name`, chosen by `flags`.
fn inner(flags: u8, name: &str) -> Inner {
    if flags & 0x80 == 0 {
        if TAKES.contains(&name) {
            return Inner::Takes;
        }
        if IGNORES.contains(&name) {
            return Inner::Ignores;
        }
    }
    // FNV-1a: the same name always gets the same answer within a run.
    let hash = name
        .bytes()
        .fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    match (u32::from(flags) ^ hash) % 4 {
        0 | 1 => Inner::Takes,
        2 => Inner::Ignores,
        _ => Inner::Unknown,
    }
}

/// Checks `nodes`, the children of something whose inner content is `outer`.
fn check_nodes(source: &str, nodes: &[Node], outer: Range<usize>) {
    let mut at = outer.start;
    let mut ordinal = 0;
    for node in nodes {
        let range = match node {
            Node::Call(c) => &c.range,
            Node::Literal { range, .. } => range,
        };
        assert!(
            at <= range.start && range.start <= range.end && range.end <= outer.end,
            "{range:?} out of order or outside {outer:?}: {node:?}"
        );
        assert!(
            source.is_char_boundary(range.start) && source.is_char_boundary(range.end),
            "{range:?} not on character boundaries"
        );
        at = range.end;
        let Node::Call(c) = node else {
            continue;
        };
        assert_eq!(c.ordinal, ordinal, "ordinal of {c:?}");
        ordinal += 1;
        assert!(
            c.indent.start <= c.indent.end && c.indent.end == c.range.start,
            "indentation {:?} of a call at {:?}",
            c.indent,
            c.range
        );
        assert!(c.indent.start >= FRONT.len(), "indentation before the body: {c:?}");
        match &c.inner {
            Some(inner) => {
                assert!(
                    c.range.start <= inner.start
                        && inner.start <= inner.end
                        && inner.end <= c.range.end,
                    "inner content {inner:?} outside the call {:?}",
                    c.range
                );
                assert!(
                    source.is_char_boundary(inner.start) && source.is_char_boundary(inner.end),
                    "inner content {inner:?} not on character boundaries"
                );
                check_nodes(source, &c.children, inner.clone());
            }
            None => assert!(c.children.is_empty(), "children without inner content: {c:?}"),
        }
        let params: Vec<_> = match &c.params {
            Params::Positional(list) => list.iter().collect(),
            Params::Named(list) => list.iter().map(|(_, p)| p).collect(),
        };
        for p in params {
            assert!(
                c.range.start <= p.range.start
                    && p.range.start <= p.range.end
                    && p.range.end <= c.range.end,
                "parameter {p:?} outside the call {:?}",
                c.range
            );
        }
    }
}

fn parse(flags: u8, body: &str, base: usize, asked: &Cell<usize>) -> Parsed {
    syntax::parse(body, base, &|name| {
        assert!(!name.ends_with(".inline"), "asked about inline shortcode {name:?}");
        asked.set(asked.get() + 1);
        inner(flags, name)
    })
}

/// The CPU time this thread has used: what parsing costs, whatever else the machine runs.
fn thread_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// The fastest of `runs` parses of `body`, in CPU time.
fn fastest(flags: u8, body: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = thread_time();
            std::hint::black_box(parse(flags, body, 0, &Cell::new(0)));
            thread_time().saturating_sub(start)
        })
        .min()
        .unwrap_or_default()
}

/// Parsing `body` eight times over costs about four times as much as twice over, not sixteen:
/// checked on bodies long enough to time, in this thread's CPU time, with a margin. One
/// measurement each first (most bodies pass at once); one that looks more than linear is
/// measured again before it is called a failure. (Against the body once, a repetition may read
/// quite differently: the first tag in error can make the rest of a page plain text.)
fn check_linear(flags: u8, body: &str) {
    if body.len() < 64 {
        return;
    }
    let few = body.repeat(2);
    let many = body.repeat(8);
    let linear = |a: Duration, b: Duration| b <= a * 10 + Duration::from_micros(100);
    if linear(fastest(flags, &few, 1), fastest(flags, &many, 1)) {
        return;
    }
    let mut last = (Duration::ZERO, Duration::ZERO);
    for _ in 0..4 {
        let (a, b) = (fastest(flags, &few, 3), fastest(flags, &many, 3));
        if linear(a, b) {
            return;
        }
        last = (a, b);
    }
    panic!(
        "parsing {} bytes twice over took {:?}, eight times {:?}: more than linear",
        body.len(),
        last.0,
        last.1
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let body = String::from_utf8_lossy(rest);
    let source = format!("{FRONT}{body}");
    let base = FRONT.len();
    let body = &source[base..];

    let asked = Cell::new(0);
    let parsed = parse(flags, body, base, &asked);
    assert!(
        asked.get() <= body.matches("{{").count(),
        "asked {} times for {} `{{{{`",
        asked.get(),
        body.matches("{{").count()
    );
    check_nodes(&source, &parsed.nodes, base..source.len());
    for w in parsed.problems.windows(2) {
        assert!(w[0].at <= w[1].at, "problems out of order: {:?}", parsed.problems);
    }
    for p in &parsed.problems {
        assert!(
            p.at >= base && p.at <= source.len() && source.is_char_boundary(p.at),
            "problem outside the body ({base}..{}): {p:?}",
            source.len()
        );
        assert!(!p.message.is_empty(), "a problem without a message: {p:?}");
    }
    check_linear(flags, body);
});
