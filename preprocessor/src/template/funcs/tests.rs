use crate::template::Value;
use crate::template::tests::run;

fn r(src: &str) -> String {
    run(src, &Value::Nil)
}

#[test]
fn comparisons_are_hugos() {
    assert_eq!(
        r(
            "{{ eq 1 1.0 }} {{ eq 1 1 }} {{ eq \"a\" \"b\" \"a\" }} {{ ne 1 \"1\" }} {{ eq (safeHTML \"a\") \"a\" }}"
        ),
        "false true true true true"
    );
    assert_eq!(
        r(
            "{{ lt 1 2.5 }} {{ lt \"2\" 10 }} {{ lt \"a\" \"b\" }} {{ gt (slice 1 2) 1 }} {{ ge 2 2.0 }} {{ lt nil 1 }}"
        ),
        "true true true true true true"
    );
    assert_eq!(
        r(
            "{{ default \"d\" \"\" }} {{ default \"d\" 0 }} {{ default \"d\" false }} {{ default \"d\" \"x\" }} {{ cond false 1 2 }}"
        ),
        "d d false x 2"
    );
}

#[test]
fn strings() {
    assert_eq!(
        r(
            "{{ lower \"ÀB\" }} {{ upper \"é\" }} {{ title \"the lord of the rings\" }} {{ strings.FirstUpper \"abc\" }}"
        ),
        "àb É The Lord of the Rings Abc"
    );
    assert_eq!(
        r(
            "{{ trim \"--a--\" \"-\" }} {{ strings.TrimLeft \"a\" \"aab\" }} {{ strings.TrimPrefix \"a\" \"aab\" }} {{ strings.TrimSuffix \"b\" \"aab\" }} {{ chomp \"x\\r\\n\" }}"
        ),
        "a b ab aa x"
    );
    assert_eq!(
        r(
            "{{ replace \"aaa\" \"a\" \"b\" 2 }} {{ replaceRE \"(a)(b)\" \"$2$1\" \"abab\" }} {{ findRE \"b+\" \"abbcb\" }} {{ split \"a-b\" \"-\" }}"
        ),
        "bba baba [bb b] [a b]"
    );
    assert_eq!(
        r(
            "{{ strings.Contains \"abc\" \"b\" }} {{ strings.ContainsAny \"abc\" \"xc\" }} {{ hasPrefix \"abc\" \"a\" }} {{ strings.Repeat 2 \"ab\" }} {{ strings.Count \"a\" \"banana\" }}"
        ),
        "true true true abab 3"
    );
    assert_eq!(
        r(
            "{{ substr \"abcdef\" 1 3 }} {{ substr \"abcdef\" -2 }} {{ slicestr \"abcdef\" 1 3 }} {{ countwords \"a b  c\" }} {{ countrunes \"a b\" }}"
        ),
        "bcd ef bc 3 2"
    );
    assert!(r("{{ replaceRE \"(\" \"\" \"x\" }}").contains("invalid regular expression"));
}

#[test]
fn transformations() {
    assert_eq!(
        r(
            "{{ htmlEscape \"<a>\" | safeHTML }} {{ htmlUnescape \"&lt;&#65;&amp;\" | safeHTML }} {{ plainify \"<b>x</b>\" }} {{ emojify \":smile:\" }}"
        ),
        "&lt;a&gt; <A& x :smile:"
    );
    assert_eq!(
        r(
            "{{ jsonify (dict \"a\" (slice 1 \"<\")) }} {{ urlize \"Café Au Lait\" }} {{ anchorize \"A B_c!\" }} {{ humanize \"oneTwo-three\" }} {{ humanize 11 }}"
        ),
        "{\"a\":[1,\"\\u003c\"]} caf%C3%A9-au-lait a-b_c One two three 11th"
    );
}

#[test]
fn collections_and_numbers() {
    assert_eq!(
        r(
            "{{ index (dict \"a\" (slice 1 2)) \"a\" 1 }} {{ index (slice 1) 9 }} {{ index nil 1 }} {{ isset (dict \"a\" 1) \"a\" }} {{ isset (slice 1) 3 }}"
        ),
        "2   true false"
    );
    assert_eq!(
        r(
            "{{ append 3 (slice 1 2) }} {{ append (slice 3 4) (slice 1) }} {{ first 2 \"abc\" }} {{ last 2 (slice 1 2 3) }} {{ after 5 (slice 1) }}"
        ),
        "[1 2 3] [1 3 4] ab [2 3] []"
    );
    assert_eq!(
        r(
            "{{ in (slice 1 2) 2 }} {{ in (slice \"1\") 1 }} {{ delimit (dict \"b\" 2 \"a\" 1) \",\" }} {{ seq 2 }} {{ seq 3 -1 1 }}"
        ),
        "true false 1,2 [1 2] [3 2 1]"
    );
    assert_eq!(
        r(
            "{{ add 1 2 3 }} {{ sub 1 0.5 }} {{ mul 2 2.5 }} {{ div 1 4.0 }} {{ mod -7 3 }} {{ math.Ceil 1.2 }} {{ math.Max 1 3 }} {{ int 3.9 }} {{ int \"0x10\" }} {{ float \"2\" }}"
        ),
        "6 0.5 5 0.25 -1 2 3 3 16 2"
    );
    assert!(r("{{ div 1 0 }}").contains("can't divide the value by 0"));
    assert!(r("{{ seq 5000 }}").contains("size of result exceeds limit"));
    assert!(r("{{ dict \"a\" }}").contains("invalid dictionary call"));
}

#[test]
fn printing_and_trusted_types() {
    assert_eq!(
        r(
            "{{ print \"<\" 1 2 }} {{ println 1 }}{{ printf \"%d%%\" 5 }} {{ html \"<a>\" }} {{ urlquery \"a b\" }}"
        ),
        "&lt;1 2 1\n5% &lt;a&gt; a&#43;b"
    );
    assert_eq!(
        r(
            "{{ safeHTML \"<b>\" }} <a href=\"{{ safeURL \"javascript:x\" }}\" {{ safeHTMLAttr \"data-x=\\\"1\\\"\" }}>"
        ),
        "<b> <a href=\"javascript:x\" data-x=\"1\">"
    );
}

#[test]
fn truncate_cuts_at_words_and_keeps_html_balanced() {
    assert_eq!(
        r(
            "{{ truncate 10 \"Hello, world & all\" }}|{{ truncate 10 \"short\" }}|{{ truncate 5 \"Superlongword\" }}"
        ),
        "Hello, …|short|Super …"
    );
    assert_eq!(
        r(
            "{{ truncate 10 \"...\" \"Hello <b>world</b> again\" }}|{{ truncate 8 (safeHTML \"...\") \"a b c d e f g h i\" }}"
        ),
        "Hello...|a b c d..."
    );
    assert_eq!(
        r(
            "{{ truncate 9 (safeHTML \"<p>Hello <em>big world</em> again</p>\") }}|{{ truncate 4 (safeHTML \"a<br>bc<img src=x/>def\") }}"
        ),
        "<p>Hello <em>big …</em></p>|a<br>bc …"
    );
    assert_eq!(r("{{ truncate 3 \"日本語です\" }}"), "日本語 …");
    assert!(r("{{ truncate 3 }}").contains("requires a length and a string"));
    assert!(r("{{ truncate 3 \"a\" \"b\" \"c\" }}").contains("too many arguments"));
}

#[test]
fn html_unescape_knows_every_html5_reference() {
    use crate::template::funcs::unescape_html;
    assert_eq!(
        unescape_html(
            "&hearts; &NotNestedGreaterGreater; &aacute &lt;x&gt; &#x1F600;&#128512; &#0; &#x80; &amp;lt; &nosuch; &"
        ),
        "♥ ⪢̸ á <x> 😀😀 \u{FFFD} € &lt; &nosuch; &"
    );
    assert_eq!(
        r("{{ htmlUnescape \"&Aring;&zwnj;&ThickSpace;\" | safeHTML }}"),
        "Å\u{200c}\u{205f}\u{200a}"
    );
}
