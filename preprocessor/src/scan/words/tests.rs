use super::*;

#[test]
fn words_split_on_every_unicode_whitespace() {
    let samples = [
        "one two\tthree\nfour\u{0B}five\u{0C}six\rseven",
        "no\u{A0}break\u{3000}ideographic\u{85}next\u{2028}line",
        "  leading and trailing  ",
        "émigré café naïve — dash",
        "",
    ];
    for text in samples {
        let mut words = Words::default();
        words.text(text);
        assert_eq!(words.count, text.split_whitespace().count(), "{text:?}");
    }
    // A word goes on across pieces of text (events) until a space.
    for pieces in [
        &["ab", "cd"][..],
        &["ab ", "cd"],
        &["ab", " cd "],
        &["é", "a b"],
        &["a\u{A0}", "b"],
    ] {
        let mut words = Words::default();
        pieces.iter().for_each(|p| words.text(p));
        let all = pieces.concat();
        assert_eq!(words.count, all.split_whitespace().count(), "{pieces:?}");
    }
}
