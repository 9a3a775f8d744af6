//! The fixture bodies: every form of shortcode syntax the parser reads, each as its own page
//! body. They are ours, written for these tests (the forms seen in real Stack blogs' posts
//! reproduced in our own words). The shortcodes they call: `inner`, `a`, `b`, `notice`,
//! `spoiler` and `dir/name` take inner content, `plain`, `p` and `q` ignore it; any other name
//! has no template.

use crate::shortcodes::syntax::Inner;

/// Shortcodes whose template evaluates `.Inner`.
pub const TAKES: &[&str] = &["inner", "a", "b", "notice", "spoiler", "dir/name"];
/// Shortcodes whose template never evaluates `.Inner`.
pub const IGNORES: &[&str] = &["plain", "p", "q"];

/// What the fixtures' site templates say about inner content.
pub fn inner(name: &str) -> Inner {
    if TAKES.contains(&name) {
        Inner::Takes
    } else if IGNORES.contains(&name) {
        Inner::Ignores
    } else {
        Inner::Unknown
    }
}

/// Bodies Hugo builds: (page name, body).
pub const BUILT: &[(&str, &str)] = &[
    (
        "positional",
        "{{< plain a \"b c\" 42 -7 3.5 -.5 true false \"42\" `raw` 1.2.3 007 99999999999999999999 >}}\n",
    ),
    (
        "named",
        "{{< plain a=1 b=\"2\" c=`x y` d=true e=+5 f=1e5 g=.5 h=True i=9223372036854775808 j=0x10 >}}\n",
    ),
    ("named-twice", "{{< plain a=1 a=2 >}}\n"),
    ("named-spaced", "{{< plain a = b >}}\n"),
    ("named-quoted-key", "{{< plain \"k\"=v >}}\n"),
    ("value-alone", "{{< plain =v >}}\n"),
    ("value-to-space", "{{< plain k=v>}} >}}\n"),
    (
        "quote-escapes",
        "{{< plain \"a \\\"b\\\" c\" \"C:\\path\" \"C:\\p \\\"x\\\"\" >}}\n",
    ),
    ("escaped-quotes", "{{< plain \\\"x y\\\" >}}\n"),
    ("named-escaped", "{{< plain k=\\\"x y\\\" j=\"1\" >}}\n"),
    ("raw-lines", "{{< plain `multi\nline \"q\"` >}}\n"),
    ("hyphen-id", "{{< plain 9C7O6B5elhk -x- >}}\n"),
    ("unicode", "{{< plain héllo 日本 ٣ >}}\n"),
    ("backslash-alone", "{{< plain \\a >}}\n"),
    (
        "spacing",
        "{{<inner>}}x{{</inner>}} {{<\tinner\t>}}y{{<\t/inner\t>}} {{<\ninner\n>}}z{{<  /inner >}}\n",
    ),
    (
        "markdown",
        "{{% inner %}}*x*{{% /inner %}} and {{%inner%}}y{{%/inner%}}\n",
    ),
    ("delimiters-mixed", "{{% inner %}}x{{< /inner >}}\n"),
    ("self-closed", "{{< inner />}} and {{< inner / >}}\n"),
    ("empty-inner", "{{< inner >}}{{< /inner >}}\n"),
    ("slash-name", "{{< dir/name k=v >}}x{{< /dir/name >}}\n"),
    (
        "nesting",
        "{{< plain >}}{{< a >}}{{< p >}}{{< q >}}{{< b >}}{{< p >}}{{< /b >}}{{< /a >}}{{< plain >}}\n",
    ),
    (
        "nesting-markdown",
        "{{% a %}}A {{< b >}}B{{< /b >}} {{% p %}}{{% /a %}}\n",
    ),
    (
        "nested-params",
        "{{< a x=1 >}}{{< b 2 >}}{{< /b >}}{{< /a >}}\n",
    ),
    (
        "nesting-deep",
        "{{< a >}}{{< a >}}{{< a >}}{{< a >}}{{< b >}}{{< a >}}x{{< /a >}}{{< /b >}}{{< /a >}}{{< /a >}}{{< /a >}}{{< /a >}}\n",
    ),
    (
        "closer-names-ignored",
        "{{< a >}}A{{< b >}}B{{< /a >}}C{{< /b >}}\n",
    ),
    ("closer-without-name", "{{< a >}}x{{< / >}}y\n"),
    (
        "escaped",
        "x {{</* a b=\"c\" */>}} y {{%/*  a  */%}} z {{</*a*/>}} w {{</* inner */>}}x{{</* /inner */>}}\n",
    ),
    ("escaped-inside", "{{< a >}}A{{</* b */>}}B{{< /a >}}\n"),
    (
        "escaped-lines",
        "{{</* notice\n  x */>}} and {{</* x */%}} still */>}}\n",
    ),
    (
        "code",
        "```\n{{< plain x >}}\n```\n\n`{{< plain y >}}`\n\n    {{< plain z >}}\n\n```\n{{% plain \"+\" %}}\n```\n",
    ),
    (
        "crlf",
        "{{< inner a=\"b\"\r\n c=\"d\" >}}\r\nx\r\n{{< /inner >}}\r\n\r\n{{< plain\r\n>}}\r\n",
    ),
    (
        "indent-list",
        "- item\n\n  {{< inner >}}\n  a\n    b\n  {{< /inner >}}\n",
    ),
    (
        "indent-plain",
        "  {{< plain >}}\n\t{{< plain >}}\nx {{< plain >}}\n{{< plain >}}  {{< plain >}}\n",
    ),
    ("indent-cr", "para\n \r {{< plain >}}\n"),
    ("indent-empty-inner", "  {{< inner >}}{{< /inner >}}\n"),
    (
        "divider-inside",
        "{{< inner >}}a<!--more-->  \n b{{< /inner >}}\n",
    ),
    ("divider-before", "text\n<!--more-->  {{< plain >}}\n"),
    (
        "divider-second",
        "<!--more-->\n{{< inner >}}a<!--more-->b{{< /inner >}}\n",
    ),
    (
        "inline",
        "A {{< foo.inline >}}{{ .Name }}{{< /foo.inline >}} B {{< foo.inline />}} C {{< plain >}}\n",
    ),
    ("inline-to-end", "A {{< foo.inline >}}X\n\nmore text\n"),
    ("not-shortcodes", "a {{ b }} {{ {{x}} }} {{/* c */}} {{\n"),
    (
        "html-comment",
        "a\n\n<!-- {{< plain >}} -->\n\n<!--\n{{< inner >}}x{{< /inner >}}\n-->\n",
    ),
    ("brace-before", "{{{< plain >}}\n"),
    ("stray-right", "{{< a >}}{{< b / c d e >}}{{< /a >}}\n"),
    ("comment-like-param", "{{< plain \"/* x */\" >}}\n"),
    (
        "tight-delimiters",
        "{{< notice \"A title\">}}x{{< /notice>}} {{% notice tip Note%}}y{{% /notice %}} {{% notice 提示%}}z{{% /notice%}}\n",
    ),
    (
        "in-link",
        "See [the page]({{< plain \"post/x/#part\" >}}).\n",
    ),
    (
        "escaped-braces",
        "\\{\\{< plain >\\}\\} and {\\{< plain >}}\n",
    ),
];

/// Bodies Hugo refuses to build: (page name, body).
pub const REFUSED: &[(&str, &str)] = &[
    ("self-closed-plain", "{{< plain />}}\n"),
    ("closed-plain", "{{< plain >}}x{{< /plain >}}\n"),
    ("unclosed", "{{< inner >}}x\n"),
    ("unclosed-outer", "{{< a >}}{{< b >}}x{{< /b >}}\n"),
    ("closer-first", "{{< /inner >}}\n"),
    ("closer-unopened", "{{< plain >}}{{< /inner >}}\n"),
    (
        "closer-twice",
        "{{< inner >}}{{< /inner >}}{{< /inner >}}\n",
    ),
    (
        "closer-after-plain",
        "{{< a >}}{{< plain >}}{{< /plain >}}{{< /a >}}\n",
    ),
    (
        "closer-mismatch-unclosed",
        "{{< a >}}A{{< b >}}B{{< /a >}}C\n",
    ),
    ("unknown", "{{< nope >}}\n"),
    ("unknown-closed", "{{< nope >}}x{{< /nope >}}\n"),
    ("unknown-slash", "{{< inner/>}}\n"),
    ("mixed-named", "{{< plain a b=1 >}}\n"),
    ("mixed-positional", "{{< plain b=1 a >}}\n"),
    ("mixed-quoted", "{{< plain b=1 \"a\" >}}\n"),
    ("mixed-spaced", "{{< plain a = b c >}}\n"),
    ("mixed-spaced-map", "{{< plain a b = c >}}\n"),
    ("no-name", "{{< >}}\n"),
    ("no-name-markdown", "{{% %}}\n"),
    ("no-name-param", "{{< \\\"x\\\" >}}\n"),
    ("unrecognized", "x {{<- y\n"),
    ("slash-param", "{{< plain a/b >}}\n"),
    ("go-template", "{{< .Title >}}\n"),
    ("cpp-template", "std::vector<{{<int>}}>\n"),
    ("unterminated-quote", "{{< plain \"abc\n\" >}}\n"),
    ("unterminated-raw", "{{< plain `abc >}}\n"),
    ("wrong-delimiter", "{{% plain >}}\n"),
    ("end-in-tag", "{{< plain a\n"),
    ("backtick-escape", "{{< plain \\`a` >}}\n"),
    ("backtick-escape-quoted", "{{< plain \"a\\`b\" >}}\n"),
    ("nbsp", "{{< plain\u{a0}a >}}\n"),
    ("period", "{{< foo.bar >}}\n"),
    ("inline-then-call", "{{< foo.inline >}}X {{< plain >}}\n"),
    (
        "inline-closer-tight",
        "{{< foo.inline >}}x{{< /foo.inline>}}\n",
    ),
    ("escaped-unclosed", "{{</* x */%}}\n"),
    ("escaped-short", "{{</*/>}}\n"),
    ("escaped-spaced", "{{< /* x */ >}}\n"),
    ("closer-junk", "{{< inner >}}x{{< /inner y >}}\n"),
    ("closer-newline", "{{< inner >}}x{{< /inner\r\n>}}\n"),
];
