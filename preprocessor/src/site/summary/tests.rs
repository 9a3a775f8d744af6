use super::*;

const OPTIONS: Options = Options {
    length: 70,
    cjk: false,
    line_numbers: None,
    raw_html: false,
};

#[test]
fn the_divider_wins_and_truncates_when_more_follows() {
    let s = summary(
        "Intro *here*.\n\n<!--more-->\n\nRest.\n",
        Some("ignored"),
        OPTIONS,
    );
    assert_eq!(s.source, Source::Divider);
    assert_eq!(s.markdown.as_deref(), Some("Intro *here*."));
    assert_eq!(s.text, "Intro here.");
    assert!(s.truncated);
    let s = summary("All of it.\n<!--more-->\n  \n", None, OPTIONS);
    assert!(!s.truncated);
}

#[test]
fn front_matter_summary_is_markdown_and_never_truncated() {
    let s = summary("Body text.", Some("A **bold** claim."), OPTIONS);
    assert_eq!(s.source, Source::FrontMatter);
    assert_eq!(s.markdown.as_deref(), Some("A **bold** claim."));
    assert_eq!(s.text, "A bold claim.");
    assert!(!s.truncated);
}

#[test]
fn automatic_summaries_end_at_the_sentence_after_the_limit() {
    let options = Options {
        length: 5,
        ..OPTIONS
    };
    // The fifth space falls in the second sentence; the summary runs to its end.
    let s = summary(
        "One two three. Four five six seven. Eight nine.",
        None,
        options,
    );
    assert_eq!(s.text, "One two three. Four five six seven.");
    assert!(s.truncated);
    // A paragraph's end ends a sentence; a heading's does not.
    let s = summary(
        "# Title here\n\nFirst para has words\n\nSecond para.",
        None,
        options,
    );
    assert_eq!(s.text, "Title here First para has words");
    assert!(s.truncated);
    // No sentence end after the limit: the whole text.
    let s = summary("a b c d e f g h", None, options);
    assert_eq!((s.text.as_str(), s.truncated), ("a b c d e f g h", false));
}

#[test]
fn shortcodes_are_dropped_but_their_content_kept() {
    let s = summary(
        "Before {{< figure src=\"x.png\" >}} after {{% note %}}inside{{% /note %}} end {{</* raw */>}}.",
        None,
        OPTIONS,
    );
    assert_eq!(s.text, "Before after inside end {{< raw >}}.");
}

#[test]
fn cjk_pages_count_characters() {
    let options = Options {
        length: 5,
        cjk: true,
        ..OPTIONS
    };
    let s = summary("这是一个很长的句子 second", None, options);
    assert_eq!(s.text, "这是一个很");
    assert!(s.truncated);
    assert!(has_cjk("混合 text"));
    assert!(!has_cjk("plain text"));
}

#[test]
fn numbered_code_has_its_numbers_in_the_text() {
    // The Stack starter sets `lineNos` and `guessSyntax`: hugo's summary had `Syntax 1 ...`.
    let numbers = LineNumbers {
        start: 1,
        in_table: true,
        guess_syntax: true,
    };
    let options = Options {
        line_numbers: Some(numbers),
        ..OPTIONS
    };
    let s = summary("Syntax\n\n```\na\nb\n```\n\nEnd.", None, options);
    assert_eq!(s.text, "Syntax\n1 2 a b End.");
    let inline = Options {
        line_numbers: Some(LineNumbers {
            in_table: false,
            guess_syntax: false,
            ..numbers
        }),
        ..OPTIONS
    };
    let s = summary("```rust\nx\ny\n```\n\n```\nplain\n```", None, inline);
    assert_eq!(s.text, "1x 2y plain");
}

#[test]
fn the_text_stops_once_the_summary_is_settled_and_says_the_same() {
    // Bodies where the limit's whitespace is a paragraph end, where a sentence ends right at
    // the end of the text, where whitespace trails, with entities, code, images and numbered
    // code: at every limit, the summary from the text cut short is the summary of all of it.
    let bodies = [
        "One two three. Four five six seven.\n\nEight *nine* ten! Eleven? Twelve",
        "A b c\n\nd e f.",
        "Words & more words \"quoted\" here. ![alt *text* here](x.png) after the image.\n\n    code block. here\n\nEnd.  \n\n",
        "# Heading one\n\n- item one.\n- item two\n\n> quote. text\n\n```\na.\nb\n```\n\nTail text goes on and on.",
        "No sentence end at all here just words",
        "Ends exactly.",
        "",
    ];
    let numbered = Some(LineNumbers {
        start: 1,
        in_table: false,
        guess_syntax: true,
    });
    for body in bodies {
        for line_numbers in [None, numbered] {
            let all: String = plain(body, line_numbers, false, None)
                .into_iter()
                .map(|(c, _)| c)
                .collect();
            for length in 0..30 {
                let cut: String = plain(body, line_numbers, false, Some(Enough::new(length)))
                    .into_iter()
                    .map(|(c, _)| c)
                    .collect();
                assert!(all.starts_with(&cut), "{body:?} at {length}: {cut:?}");
                assert_eq!(
                    whole_sentences(&cut, length),
                    whole_sentences(&all, length),
                    "{body:?} at {length}"
                );
                let options = Options {
                    length,
                    line_numbers,
                    ..OPTIONS
                };
                assert_eq!(
                    summary(body, None, options).text,
                    whole_sentences(&all, length).0
                );
            }
        }
    }
    // A long body is cut short, at the event that settles it.
    let long = "Word one. Word two.\n\n".repeat(2000);
    let cut = plain(&long, None, false, Some(Enough::new(70)));
    assert!(cut.len() < 500, "{} characters", cut.len());
}

/// The examples of the Markdown specs in `tests/spec/` (CommonMark and the extensions mdBook
/// turns on), as markdown.
fn spec_examples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/spec");
    let fence = "`".repeat(32);
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for block in text.split(&format!("{fence} example")).skip(1) {
            let markdown = block.split("\n.\n").next().unwrap_or("");
            out.push(markdown.trim_start_matches('\n').replace('→', "\t") + "\n");
        }
    }
    out
}

#[test]
fn a_prefix_settles_a_summary_as_the_whole_page_does() {
    let examples = spec_examples();
    assert!(examples.len() > 800, "{} examples", examples.len());
    // Each example alone, and run on into the next one, so that blocks meet at blank lines.
    let mut pages = examples.clone();
    pages.extend(examples.windows(3).map(|w| w.join("\n")));
    pages.extend(examples.chunks(8).map(|w| w.join("\n")));
    let numbered = LineNumbers {
        start: 1,
        in_table: false,
        guess_syntax: true,
    };
    let mut settled_early = 0;
    for page in &pages {
        for (length, numbers) in [
            (1, None),
            (4, None),
            (12, Some(numbered)),
            (30, None),
            (70, None),
        ] {
            let whole = gather(page, numbers, false, Some(Enough::new(length)), None).unwrap();
            let mut from = 0;
            while let Some(cut) = prefix(page, from) {
                let early = gather(
                    &page[..cut],
                    numbers,
                    false,
                    Some(Enough::new(length)),
                    Some(cut),
                );
                if let Some(text) = early {
                    settled_early += 1;
                    let text: String = text.iter().map(|(c, _)| c).collect();
                    let whole: String = whole.iter().map(|(c, _)| c).collect();
                    assert_eq!(text, whole, "length {length}, cut at {cut} of:\n{page}");
                }
                from = cut;
            }
        }
    }
    assert!(
        settled_early > 1000,
        "only {settled_early} prefixes settled"
    );
}

#[test]
fn a_prefix_ends_where_nothing_before_it_runs_on() {
    let para = "Words here.\n\n";
    // A paragraph: the prefix ends after the blank line.
    assert_eq!(prefix(&format!("{para}Next.\n"), 0), Some(para.len()));
    // Not before a list item (the list might turn loose), an indented line, a quote or a
    // definition; after the next blank line instead, before a paragraph, which closes them.
    for next in [
        "- item\n",
        "2. item\n",
        "    code\n",
        "> quote\n",
        ": def\n",
    ] {
        let page = format!("{para}{next}\n{para}Last.\n");
        assert_eq!(
            prefix(&page, 0),
            Some(para.len() + next.len() + 1),
            "{next}"
        );
    }
    // Nowhere before a link reference definition, which links before it may use.
    assert_eq!(prefix(&format!("{para}Next.\n\n[a]: /x\n"), 0), None);
    assert_eq!(prefix(&format!("{para}Next.\n"), 5_000), None);
    // From inside a character, from the next one.
    assert_eq!(prefix("é\n\nNext.\n", 1), Some(4));
}
