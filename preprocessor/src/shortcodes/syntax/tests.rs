use super::*;
use crate::shortcodes::call::{Call, Param, Params, Value};
use std::cell::RefCell;

mod fixtures;
mod hugo;
mod params;
mod problems;
mod robust;

fn read(body: &str) -> Parsed {
    parse(body, 0, &fixtures::inner)
}

/// The calls of a body Hugo builds (no problem allowed).
fn calls(body: &str) -> Vec<Call> {
    let parsed = read(body);
    assert_eq!(parsed.problems, [], "{body:?}");
    parsed
        .nodes
        .into_iter()
        .filter_map(|n| match n {
            Node::Call(call) => Some(call),
            Node::Literal { .. } => None,
        })
        .collect()
}

/// The one call of a body.
fn call(body: &str) -> Call {
    let mut calls = calls(body);
    assert_eq!(calls.len(), 1, "{body:?}: {calls:#?}");
    calls.remove(0)
}

fn s(text: &str) -> Value {
    Value::String(text.into())
}

fn positional(call: &Call) -> Vec<(Value, Range<usize>)> {
    match &call.params {
        Params::Positional(list) => list
            .iter()
            .map(|p| (p.value.clone(), p.range.clone()))
            .collect(),
        Params::Named(_) => panic!("{} has named params", call.name),
    }
}

fn named(call: &Call) -> Vec<(&str, Value, Range<usize>)> {
    match &call.params {
        Params::Named(list) => list
            .iter()
            .map(|(k, p)| (k.as_str(), p.value.clone(), p.range.clone()))
            .collect(),
        Params::Positional(_) => panic!("{} has positional params", call.name),
    }
}

fn children(call: &Call) -> Vec<&Call> {
    call.children
        .iter()
        .filter_map(|n| match n {
            Node::Call(c) => Some(c),
            Node::Literal { .. } => None,
        })
        .collect()
}

use std::ops::Range;

#[test]
fn a_body_without_shortcodes_has_no_nodes() {
    for body in [
        "",
        "plain text",
        "{ {",
        "a { b } c",
        "{{ .Title }} and {{",
        "{{",
    ] {
        assert_eq!(read(body), Parsed::default(), "{body:?}");
    }
}

#[test]
fn a_call_its_range_and_inner_content() {
    let body = "x {{< inner a >}}in{{< /inner >}} y";
    let c = call(body);
    assert_eq!(c.name, "inner");
    assert!(!c.markdown);
    assert_eq!(&body[c.range.clone()], "{{< inner a >}}in{{< /inner >}}");
    assert_eq!(c.inner, Some(17..19));
    assert_eq!(positional(&c), [(s("a"), 12..13)]);
    assert_eq!((c.ordinal, c.indent.clone()), (0, 2..2));
    assert!(c.has_closing_tag() && !c.is_inline());
}

#[test]
fn ranges_count_from_base() {
    let body = "{{< inner k=v >}}x{{< /inner >}}{{< nope >}}";
    let parsed = parse(body, 100, &fixtures::inner);
    let Node::Call(c) = &parsed.nodes[0] else {
        panic!("{parsed:?}")
    };
    assert_eq!(c.range, 100..132);
    assert_eq!(c.inner, Some(117..118));
    assert_eq!(named(c), [("k", s("v"), 112..113)]);
    assert_eq!(c.indent, 100..100);
    assert_eq!(parsed.problems[0].at, 132);
}

#[test]
fn a_call_that_ignores_inner_content_is_its_opening_tag() {
    let body = "{{< plain >}}after{{< p >}}";
    let cs = calls(body);
    assert_eq!(cs[0].range, 0..13);
    assert_eq!(cs[0].inner, None);
    assert_eq!((cs[1].range.clone(), cs[1].ordinal), (18..27, 1));
    assert!(!cs[0].has_closing_tag());
}

#[test]
fn self_closing_gives_empty_inner_content() {
    for (body, end) in [
        ("{{< inner />}}", 14),
        ("{{< inner / >}}", 15),
        ("{{<inner />}}", 13),
    ] {
        let c = call(body);
        assert_eq!(
            (c.range.clone(), c.inner.clone()),
            (0..end, Some(end..end)),
            "{body}"
        );
        assert!(!c.has_closing_tag());
    }
    // Hugo reads `inner/` as a name: names may hold `/`.
    assert_eq!(
        read("{{< inner/>}}").problems[0].message,
        "unknown shortcode `inner/`"
    );
}

#[test]
fn spacing_inside_the_delimiters() {
    let body =
        "{{<inner>}}x{{</inner>}}{{<\tinner\t>}}y{{<\t/inner\t>}}{{<\ninner\n>}}z{{<  /inner >}}";
    let cs = calls(body);
    let inners: Vec<_> = cs.iter().map(|c| &body[c.inner.clone().unwrap()]).collect();
    assert_eq!(inners, ["x", "y", "z"]);
    assert_eq!(cs[2].ordinal, 2);
    let c = call("{{< plain\r\n  a\r\n>}}");
    assert_eq!(positional(&c)[0].0, s("a"));
}

#[test]
fn markdown_delimiters() {
    let body =
        "{{% inner %}}*x*{{% /inner %}} {{%inner%}}y{{%/inner%}} {{% inner %}}z{{< /inner >}}";
    let cs = calls(body);
    assert!(cs.iter().all(|c| c.markdown));
    assert_eq!(&body[cs[2].inner.clone().unwrap()], "z");
    let c = call("{{< inner >}}z{{% /inner %}}");
    assert!(!c.markdown);
}

#[test]
fn names_with_slashes_and_digits() {
    let body = "{{< dir/name k=v >}}x{{< /dir/name >}}{{< plain 9C7O6B5elhk >}}";
    let cs = calls(body);
    assert_eq!(
        (cs[0].name.as_str(), cs[1].name.as_str()),
        ("dir/name", "plain")
    );
    assert_eq!(positional(&cs[1])[0].0, s("9C7O6B5elhk"));
    let parsed = read("{{< 3d >}}");
    assert_eq!(parsed.problems[0].message, "unknown shortcode `3d`");
}

#[test]
fn nesting_ordinals_and_parents() {
    let body = "{{< plain >}}{{< a >}}{{< p >}}{{< q >}}{{< b >}}{{< p >}}{{< /b >}}{{< /a >}}{{< plain >}}";
    let cs = calls(body);
    let top: Vec<_> = cs.iter().map(|c| (c.name.as_str(), c.ordinal)).collect();
    assert_eq!(top, [("plain", 0), ("a", 1), ("plain", 2)]);
    let a = &cs[1];
    assert_eq!(
        &body[a.inner.clone().unwrap()],
        "{{< p >}}{{< q >}}{{< b >}}{{< p >}}{{< /b >}}"
    );
    let inside: Vec<_> = children(a)
        .iter()
        .map(|c| (c.name.as_str(), c.ordinal))
        .collect();
    assert_eq!(inside, [("p", 0), ("q", 1), ("b", 2)]);
    let b = children(a)[2];
    assert_eq!(
        (children(b)[0].name.as_str(), children(b)[0].ordinal),
        ("p", 0)
    );
    assert_eq!(&body[b.range.clone()], "{{< b >}}{{< p >}}{{< /b >}}");
}

#[test]
fn a_closing_tag_closes_the_call_open_whatever_its_name() {
    let body = "{{< a >}}A{{< b >}}B{{< /a >}}C{{< /b >}}";
    let a = call(body);
    assert_eq!(&body[a.inner.clone().unwrap()], "A{{< b >}}B{{< /a >}}C");
    let b = children(&a)[0];
    assert_eq!(
        (&body[b.range.clone()], &body[b.inner.clone().unwrap()]),
        ("{{< b >}}B{{< /a >}}", "B")
    );
    let body = "{{< a >}}x{{< / >}}y";
    let a = call(body);
    assert_eq!(
        (&body[a.range.clone()], &body[a.inner.clone().unwrap()]),
        ("{{< a >}}x{{< / >}}", "x")
    );
}

#[test]
fn escaped_calls_are_literal_text() {
    let body = "x {{</* a b=\"c\" */>}} y {{%/*  a  */%}} z {{</*a*/>}} {{</* notice\n */>}}";
    let parsed = read(body);
    assert_eq!(parsed.problems, []);
    let literals: Vec<_> = parsed
        .nodes
        .iter()
        .map(|n| match n {
            Node::Literal { range, text } => (&body[range.clone()], text.as_str()),
            Node::Call(c) => panic!("a call: {c:?}"),
        })
        .collect();
    assert_eq!(
        literals,
        [
            ("{{</* a b=\"c\" */>}}", "{{< a b=\"c\" >}}"),
            ("{{%/*  a  */%}}", "{{%  a  %}}"),
            ("{{</*a*/>}}", "{{<a>}}"),
            ("{{</* notice\n */>}}", "{{< notice\n >}}"),
        ]
    );
    // The first `*/>}}` ends it, whatever comes between.
    let parsed = read("{{</* x */%}} y */>}}");
    assert_eq!(
        parsed.nodes,
        [Node::Literal {
            range: 0..21,
            text: "{{< x */%}} y >}}".into()
        }]
    );
}

#[test]
fn an_escaped_call_inside_inner_content_is_a_child() {
    let body = "{{< a >}}A{{</* b */>}}B{{< /a >}}";
    let a = call(body);
    assert_eq!(
        a.children,
        [Node::Literal {
            range: 10..23,
            text: "{{< b >}}".into()
        }]
    );
    assert_eq!(children(&a), Vec::<&Call>::new());
}

#[test]
fn the_summary_divider_is_left_out_of_inner_content() {
    let body = "{{< inner >}}a<!--more-->  \n b{{< /inner >}}";
    let c = call(body);
    assert_eq!(
        c.children,
        [Node::Literal {
            range: 14..29,
            text: String::new()
        }]
    );
    // Only the page's first divider is one; a divider outside calls is not a node.
    let body = "<!--more-->\n{{< inner >}}a<!--more-->b{{< /inner >}}";
    let parsed = read(body);
    assert_eq!(parsed.nodes.len(), 1);
    let Node::Call(c) = &parsed.nodes[0] else {
        panic!()
    };
    assert_eq!(c.children, []);
    // Inside a tag it is a parameter, not the divider.
    let body = "{{< plain \"<!--more-->\" >}}{{< inner >}}<!--more-->{{< /inner >}}";
    let cs = calls(body);
    assert_eq!(cs[1].children.len(), 1);
}

#[test]
fn indentation_before_a_tag() {
    let body = "  {{< plain >}}\n\t{{< plain >}}\nx {{< plain >}}\n{{< plain >}}  {{< plain >}}\n \r {{< plain >}}";
    let indents: Vec<_> = calls(body)
        .iter()
        .map(|c| &body[c.indent.clone()])
        .collect();
    assert_eq!(indents, ["  ", "\t", "", "", "  ", " \r "]);
    // After the divider (and the whitespace it takes), there is none.
    let body = "<!--more-->  {{< plain >}}";
    assert_eq!(call(body).indent, 13..13);
    let body = "- item\n\n  {{< inner >}}\n  a\n  {{< /inner >}}";
    assert_eq!(call(body).indent, 8..10);
}

#[test]
fn inline_shortcodes() {
    let body = "A {{< foo.inline >}}{{ .Name }}{{< /foo.inline >}} B {{< foo.inline />}} C";
    let cs = calls(body);
    assert!(cs.iter().all(|c| c.is_inline() && c.name == "foo.inline"));
    assert_eq!(&body[cs[0].inner.clone().unwrap()], "{{ .Name }}");
    assert!(cs[0].has_closing_tag() && !cs[1].has_closing_tag());
    // Without a closing tag, it takes the rest of the page (which Hugo then renders as nothing).
    let body = "A {{< foo.inline >}}X\n\nmore";
    let c = call(body);
    assert_eq!(
        (c.range.clone(), c.inner.clone()),
        (2..body.len(), Some(20..body.len()))
    );
    assert!(!c.has_closing_tag());
}

#[test]
fn the_template_question_is_asked_once_per_call_and_never_for_inline_ones() {
    let asked = RefCell::new(Vec::new());
    let inner = |name: &str| {
        asked.borrow_mut().push(name.to_owned());
        fixtures::inner(name)
    };
    parse(
        "{{< a >}}{{< plain >}}{{< /a >}}{{< x.inline />}}{{< plain >}}{{</* q */>}}",
        0,
        &inner,
    );
    assert_eq!(*asked.borrow(), ["a", "plain", "plain"]);
}

/// Found by the `shortcodes` fuzz target: after an inline shortcode's tag Hugo cannot lex, the
/// closing tag of that inline shortcode, with nothing open, asked the template question about
/// `foo.inline` to word its problem.
#[test]
fn a_stray_inline_closing_tag_asks_nothing() {
    let asked = RefCell::new(Vec::new());
    let inner = |name: &str| {
        asked.borrow_mut().push(name.to_owned());
        Inner::Ignores
    };
    let parsed = parse("{{< foo.inline /G}} {{< /foo.inline >}}", 0, &inner);
    assert_eq!(*asked.borrow(), [] as [&str; 0]);
    let messages: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.at, &*p.message))
        .collect();
    assert_eq!(
        messages,
        [
            (17, "unrecognized character U+007D '}' in shortcode tag"),
            (
                20,
                "closing tag {{< /foo.inline >}} has no open shortcode to close"
            )
        ]
    );
}

#[test]
fn crlf_line_endings() {
    let body = "{{< inner a=\"b\"\r\n c=\"d\" >}}\r\nx\r\n{{< /inner >}}\r\n";
    let c = call(body);
    assert_eq!(&body[c.inner.clone().unwrap()], "\r\nx\r\n");
    assert_eq!(named(&c).len(), 2);
}

#[test]
fn calls_in_code_are_calls() {
    let body = "```\n{{< plain x >}}\n```\n\n`{{< plain y >}}`\n\n    {{< plain z >}}";
    let names: Vec<_> = calls(body)
        .iter()
        .map(|c| positional(c)[0].0.clone())
        .collect();
    assert_eq!(names, [s("x"), s("y"), s("z")]);
}

#[test]
fn calls_in_html_comments_are_calls() {
    let body = "<!-- {{< plain >}} -->\n<!--\n{{< inner >}}x{{< /inner >}}\n-->";
    let names: Vec<_> = calls(body).iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, ["plain", "inner"]);
}

#[test]
fn braces_that_start_no_call() {
    assert_eq!(read("a {{ b }} {{ {{x}} }} {{/* c */}} {{").nodes, []);
    let c = call("{{{< plain >}}");
    assert_eq!(c.range, 1..14);
}

#[test]
fn the_rest_of_a_tag_a_closing_slash_cut_short() {
    // `/` ends `b` and Hugo takes two more items (`c`, `d`) as its closing tag; the rest of the
    // tag is read by the call around it (`e` is a's) and is not inner content.
    let body = "{{< a >}}{{< b / c d e >}}{{< /a >}}";
    let a = call(body);
    assert_eq!(positional(&a)[0].0, s("e"));
    assert_eq!(
        a.children[1],
        Node::Literal {
            range: 20..26,
            text: String::new()
        }
    );
    // At the page level Hugo keeps the items' text, without the spaces between them.
    let body = "A{{< b / c d \"e\" f >}}Z";
    let parsed = read(body);
    assert_eq!(parsed.problems, []);
    assert_eq!(
        parsed.nodes[1],
        Node::Literal {
            range: 12..22,
            text: "ef>}}".into()
        }
    );
}
