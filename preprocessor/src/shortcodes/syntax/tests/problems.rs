//! Where Hugo fails the build: the problem, where it points, and what the parser still reads.

use super::*;

/// (offset, message) of every problem of `body`.
fn problems(body: &str) -> Vec<(usize, String)> {
    read(body)
        .problems
        .into_iter()
        .map(|p| (p.at, p.message))
        .collect()
}

fn one(body: &str) -> (usize, String) {
    let mut all = problems(body);
    assert_eq!(all.len(), 1, "{body:?}: {all:?}");
    all.remove(0)
}

fn top_calls(parsed: &Parsed) -> Vec<(&str, Range<usize>, usize)> {
    parsed
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Call(c) => Some((c.name.as_str(), c.range.clone(), c.ordinal)),
            Node::Literal { .. } => None,
        })
        .collect()
}

#[test]
fn an_unknown_shortcode() {
    let parsed = read("x {{< nope a >}}");
    assert_eq!(parsed.problems.len(), 1);
    let p = &parsed.problems[0];
    assert_eq!((p.at, p.message.as_str()), (2, "unknown shortcode `nope`"));
    assert!(
        p.hint
            .as_deref()
            .unwrap()
            .contains("layouts/shortcodes/nope.html")
    );
    // The call is still read: without inner content unless a closing tag for it follows.
    assert_eq!(top_calls(&parsed), [("nope", 2..16, 0)]);
    let body = "{{< nope >}}x{{< /nope >}}";
    let parsed = read(body);
    assert_eq!(parsed.problems.len(), 1);
    let Node::Call(c) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!(c.inner, Some(12..13));
    let Node::Call(c) = &read("{{< nope />}}").nodes[0] else {
        panic!()
    };
    assert_eq!(c.inner, Some(13..13));
}

#[test]
fn a_self_closed_call_whose_template_ignores_inner_content() {
    let parsed = read("{{< plain />}} {{% p /%}}");
    let got: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.at, p.hint.clone().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (
                0,
                "Hugo 0.111 rejects this: write {{< plain >}} without the `/`".into()
            ),
            (
                15,
                "Hugo 0.111 rejects this: write {{% p %}} without the `/`".into()
            ),
        ]
    );
    assert_eq!(top_calls(&parsed), [("plain", 0..14, 0), ("p", 15..25, 1)]);
    let Node::Call(c) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!(c.inner, None);
}

#[test]
fn a_closing_tag_for_a_call_that_takes_no_inner_content() {
    let body = "{{< plain >}}x{{< /plain >}}";
    let parsed = read(body);
    assert_eq!(
        parsed.problems,
        [Problem {
            at: 14,
            message: "shortcode `plain` does not evaluate .Inner or .InnerDeindent, yet a \
                      closing tag was provided"
                .into(),
            hint: Some("remove {{< /plain >}}: the call ends with its opening tag".into()),
        }]
    );
    // The closing tag is left as text.
    assert_eq!(top_calls(&parsed), [("plain", 0..13, 0)]);
}

#[test]
fn closing_tags_with_nothing_to_close() {
    assert_eq!(
        one("{{< /inner >}}"),
        (0, "closing tag with no shortcode open before it".into())
    );
    assert_eq!(
        one("{{< plain >}} {{< /inner >}}"),
        (
            14,
            "closing tag for shortcode `inner` does not match any opening tag".into()
        )
    );
    assert_eq!(
        one("{{< inner >}}{{< /inner >}} {{< /inner >}}"),
        (
            28,
            "closing tag {{< /inner >}} has no open shortcode to close".into()
        )
    );
    // `/plain` closes `a` (any closing tag closes the call open); `/a` then closes nothing.
    let body = "{{< a >}}{{< plain >}}{{< /plain >}}{{< /a >}}";
    assert_eq!(
        one(body),
        (
            36,
            "closing tag {{< /a >}} has no open shortcode to close".into()
        )
    );
    assert_eq!(top_calls(&read(body)), [("a", 0..36, 0)]);
}

/// Found by the `shortcodes` fuzz target: a nested call's self-closing slash ends that call and
/// leaves the rest of its tag to the call around it, whose parameters Hugo then reads it as;
/// when that outer call is never closed, it is read as its opening tag alone, and the
/// parameters it took from the later tag pointed outside it.
#[test]
fn an_unclosed_call_keeps_only_its_own_tags_parameters() {
    let body = "{{< a k >}}{{< b / c 2 e1 x >}}";
    let parsed = read(body);
    let Node::Call(a) = &parsed.nodes[0] else {
        panic!("{parsed:?}")
    };
    assert_eq!((a.name.as_str(), a.range.clone()), ("a", 0..11));
    assert_eq!(positional(a), [(s("k"), 6..7)]);
    assert_eq!(
        problems(body),
        [(0, "unclosed shortcode `a` opened here".into())]
    );
}

/// Calls left open inside calls left open: each is its opening tag alone, and what they held
/// comes after them at the top level, in order, numbered there; an inline call open at the end
/// runs to it.
#[test]
fn calls_left_open_inside_calls_left_open() {
    let body = "{{< a >}}x{{< p >}}{{< b >}}{{</* e */>}}{{< q >}}{{< a >}}{{< foo.inline >}}y";
    let parsed = read(body);
    assert_eq!(
        top_calls(&parsed),
        [
            ("a", 0..9, 0),
            ("p", 10..19, 1),
            ("b", 19..28, 2),
            ("q", 41..50, 3),
            ("a", 50..59, 4),
            ("foo.inline", 59..78, 5)
        ]
    );
    let literal = parsed.nodes.iter().find_map(|n| match n {
        Node::Literal { range, text } => Some((range.clone(), text.as_str())),
        Node::Call(_) => None,
    });
    assert_eq!(literal, Some((28..41, "{{< e >}}")));
    assert_eq!(
        problems(body).iter().map(|p| p.0).collect::<Vec<_>>(),
        [0, 19, 50]
    );
}

#[test]
fn an_unclosed_call_is_read_as_its_opening_tag() {
    let body = "{{< a >}}x{{< p >}}{{< b >}}y{{< /b >}}";
    let parsed = read(body);
    assert_eq!(
        parsed.problems,
        [Problem {
            at: 0,
            message: "unclosed shortcode `a` opened here".into(),
            hint: Some("close it with {{< /a >}}, or self-close it: {{< a />}}".into()),
        }]
    );
    // What it held moves out to the page, numbered there.
    assert_eq!(
        top_calls(&parsed),
        [("a", 0..9, 0), ("p", 10..19, 1), ("b", 19..39, 2)]
    );
    let Node::Call(a) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!((a.inner.clone(), a.children.len()), (None, 0));
    // Each call left open is a problem, the outer one too.
    let body = "{{% a %}}{{< b >}}x";
    assert_eq!(
        problems(body).iter().map(|p| p.0).collect::<Vec<_>>(),
        [0, 9]
    );
    assert!(problems(body)[0].1.contains("`a`"));
    assert!(
        read(body).problems[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("{{% /a %}}")
    );
    // A closing tag naming another call closes the inner one; the outer stays open.
    assert_eq!(
        one("{{< a >}}A{{< b >}}B{{< /a >}}C").1,
        "unclosed shortcode `a` opened here"
    );
}

#[test]
fn mixing_positional_and_named_parameters() {
    for (body, at, message) in [
        (
            "{{< plain a b=1 >}}",
            12,
            "got named parameter 'b'. Cannot mix named and positional parameters",
        ),
        (
            "{{< plain b=1 a >}}",
            14,
            "got positional parameter 'a'. Cannot mix named and positional parameters",
        ),
        (
            "{{< plain b=1 \"a\" >}}",
            14,
            "got quoted positional parameter. Cannot mix named and positional parameters",
        ),
        (
            "{{< plain a = b c >}}",
            0,
            "shortcode `plain` mixes positional and named parameters",
        ),
        (
            "{{< plain a b = c >}}",
            0,
            "shortcode `plain` mixes positional and named parameters",
        ),
    ] {
        assert_eq!(one(body), (at, message.into()), "{body}");
    }
    // Where the parser reads past the mix, the call keeps the kind its first parameter gave.
    let parsed = read("{{< plain a = b c >}}");
    let Node::Call(c) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!(named(c), [("a", s("b"), 14..15)]);
}

#[test]
fn tags_hugo_cannot_lex_are_text() {
    for (body, at, message) in [
        ("{{< >}}", 0, "shortcode has no name"),
        ("{{% %}}", 0, "shortcode has no name"),
        ("{{< \\\"x\\\" >}}", 0, "shortcode has no name"),
        (
            "x {{<- y",
            5,
            "unrecognized character U+002D '-' in shortcode tag",
        ),
        (
            "{{< .Title >}}",
            4,
            "unrecognized character U+002E '.' in shortcode tag",
        ),
        (
            "{{< plain\u{a0}a >}}",
            9,
            "unrecognized character U+00A0 in shortcode tag",
        ),
        (
            "{{< plain\u{1} >}}",
            9,
            "unrecognized character U+0001 in shortcode tag",
        ),
        (
            "{{% plain >}}",
            10,
            "unrecognized character U+003E '>' in shortcode tag",
        ),
        ("{{< plain a", 0, "shortcode tag has no >}} before the end"),
        (
            "{{< plain \"abc\n\" >}}",
            10,
            "unterminated quoted string in shortcode parameter: \"abc",
        ),
        (
            "{{< plain `abc >}}",
            10,
            "unterminated raw string (`) in shortcode parameter",
        ),
        (
            "{{< plain \\`a` >}}",
            10,
            "unrecognized escape character `\\`` in shortcode parameter",
        ),
        (
            "{{< plain \"a\\`b\" >}}",
            12,
            "unrecognized escape character `\\`` in shortcode parameter",
        ),
        (
            "{{< foo.bar >}}",
            0,
            "a period in a shortcode name is only allowed in an inline shortcode's `.inline`",
        ),
        ("{{</* x */%}}", 0, "escaped shortcode {{</* is not closed"),
        ("{{</*/>}}", 0, "escaped shortcode {{</* is not closed"),
        (
            "{{< /* x */ >}}",
            0,
            "closing tag with no shortcode open before it",
        ),
        (
            "{{< inner >}}x{{< /inner y >}}",
            25,
            "a closing tag holds only the shortcode's name",
        ),
        (
            "{{< inner >}}x{{< /inner\r\n>}}",
            24,
            "a closing tag holds only the shortcode's name",
        ),
    ] {
        let parsed = read(body);
        let got: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.at, p.message.as_str()))
            .collect();
        assert!(got.contains(&(at, message)), "{body:?}: {got:?}");
        assert!(parsed.problems.iter().all(|p| p.hint.is_some()), "{body:?}");
    }
    // The tag in error is text: no call is read from it.
    assert_eq!(read("{{< plain \"abc\n\" >}}").nodes, []);
}

#[test]
fn reading_goes_on_after_a_tag_in_error() {
    // A tag left without `>}}`: pointed at, and the next tag is read.
    let body = "x {{< plain a\n\ntext {{< plain >}}";
    assert_eq!(
        one(body),
        (2, "shortcode tag has no >}} before the next `{{`".into())
    );
    assert_eq!(top_calls(&read(body)), [("plain", 20..33, 0)]);
    // After an unterminated quote, lexing resumes on the next line.
    let body = "{{< plain \"a >}}\n{{< p >}}";
    assert_eq!(top_calls(&read(body)), [("p", 17..26, 0)]);
    // Every tag in error is reported, not just the first.
    assert_eq!(problems("{{< >}} {{< nope >}} {{<- x").len(), 3);
}

#[test]
fn inside_an_inline_shortcode_only_its_closing_tag_may_come() {
    let (at, message) = one("{{< foo.inline >}}X {{< plain >}}");
    assert_eq!(at, 20);
    assert_eq!(
        message,
        "inline shortcode `foo.inline` is still open: inline shortcodes do not support nesting"
    );
    assert_eq!(one("{{< foo.inline >}}x{{< /foo.inline>}}").0, 19);
}

#[test]
fn calls_nested_too_deep_are_left_out() {
    let depth = MAX_DEPTH + 10;
    let body = format!(
        "{}x{}",
        "{{< a >}}".repeat(depth),
        "{{< /a >}}".repeat(depth)
    );
    let parsed = read(&body);
    assert_eq!(
        parsed
            .problems
            .iter()
            .map(|p| (p.at, p.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            9 * MAX_DEPTH,
            "shortcode `a` is nested more than 64 levels deep"
        )]
    );
    let mut levels = 0;
    let mut nodes = &parsed.nodes;
    while let [Node::Call(c)] = nodes.as_slice() {
        levels += 1;
        nodes = &c.children;
    }
    assert_eq!((levels, nodes.len()), (MAX_DEPTH, 0));
    // The outer calls still end where their closing tags are.
    let Node::Call(outer) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!(outer.range, 0..body.len());
}

#[test]
fn a_problem_as_a_diagnostic() {
    let source = "---\ntitle: t\n---\nline\n  {{< nope >}}\n";
    let parsed = parse(&source[17..], 17, &fixtures::inner);
    let d = parsed.problems[0].diagnostic("book/post/x.md", source);
    assert_eq!((d.line, d.column), (5, 3));
    assert_eq!(
        d.to_string(),
        "book/post/x.md:5:3: error: unknown shortcode `nope` (add layouts/shortcodes/nope.html or \
         map it under [preprocessor.hugo.shortcodes])"
    );
}

#[test]
fn closing_tags_are_checked_against_every_name_seen() {
    // Past the first few names the lexer keeps them hashed; a closing tag's name must still be
    // found among them, or not.
    let opened: String = (0..20).map(|i| format!("{{{{< n{i} />}}}}")).collect();
    let messages = |body: &str| -> Vec<String> {
        read(body)
            .problems
            .into_iter()
            .map(|p| p.message)
            .filter(|m| m.contains("opening"))
            .collect()
    };
    assert_eq!(
        messages(&format!("{opened}{{{{< /n3 >}}}}")),
        Vec::<String>::new()
    );
    assert_eq!(
        messages(&format!("{opened}{{{{< /zz >}}}}")),
        ["closing tag for shortcode `zz` does not match any opening tag"]
    );
}
