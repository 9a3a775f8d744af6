//! The shortcode calls of the hugo comparison: each as a post writes it, and as the test's
//! host object receives it (positional or named params, inner content).

/// A call as the post writes it and as the host object receives it.
pub struct Case {
    pub call: &'static str,
    pub name: &'static str,
    pub positional: &'static [&'static str],
    pub named: &'static [(&'static str, &'static str)],
    pub inner: Option<&'static str>,
}

const HOSTILE_TITLE: &str = r#""><script>alert('x')</script>"#;

pub const CASES: &[Case] = &[
    Case {
        call: r#"{{< notice warning "Watch <out>" >}}Some **bold** text & more{{< /notice >}}"#,
        name: "notice",
        positional: &["warning", "Watch <out>"],
        named: &[],
        inner: Some("Some **bold** text & more"),
    },
    Case {
        call: "{{< notice >}}plain{{< /notice >}}",
        name: "notice",
        positional: &[],
        named: &[],
        inner: Some("plain"),
    },
    Case {
        call: r#"{{< admonition type="Tip" title="Do it" id="tip-1" >}}Use *this*.{{< /admonition >}}"#,
        name: "admonition",
        positional: &[],
        named: &[("type", "Tip"), ("title", "Do it"), ("id", "tip-1")],
        inner: Some("Use *this*."),
    },
    Case {
        call: "{{< admonition danger_zone >}}Careful{{< /admonition >}}",
        name: "admonition",
        positional: &["danger_zone"],
        named: &[],
        inner: Some("Careful"),
    },
    Case {
        call: r#"{{< picture src="/img/a b.png" alt="An image" caption="A *caption*" link="https://example.org/x?y=1&z=2" width="300" raw="javascript:void(0)" >}}"#,
        name: "picture",
        positional: &[],
        named: &[
            ("src", "/img/a b.png"),
            ("alt", "An image"),
            ("caption", "A *caption*"),
            ("link", "https://example.org/x?y=1&z=2"),
            ("width", "300"),
            ("raw", "javascript:void(0)"),
        ],
        inner: None,
    },
    Case {
        call: r#"{{< loop items="a, b ,c,d, e" >}}"#,
        name: "loop",
        positional: &[],
        named: &[("items", "a, b ,c,d, e")],
        inner: None,
    },
    Case {
        call: r#"{{< textfn "Hello, World! 2024" >}}"#,
        name: "textfn",
        positional: &["Hello, World! 2024"],
        named: &[],
        inner: None,
    },
    Case {
        call: r#"{{< hostile url="javascript:alert(1)" title="\"><script>alert('x')</script>" img="data:image/png;base64,xx" color="red;background:url(x)" >}}"#,
        name: "hostile",
        positional: &[],
        named: &[
            ("url", "javascript:alert(1)"),
            ("title", HOSTILE_TITLE),
            ("img", "data:image/png;base64,xx"),
            ("color", "red;background:url(x)"),
        ],
        inner: None,
    },
    Case {
        call: r#"{{< boxed "Title & here" >}}Inner **md**{{< /boxed >}}"#,
        name: "boxed",
        positional: &["Title & here"],
        named: &[],
        inner: Some("Inner **md**"),
    },
    Case {
        call: r#"{{< scratch items="b, a ,c" title="Letters" >}}"#,
        name: "scratch",
        positional: &[],
        named: &[("items", "b, a ,c"), ("title", "Letters")],
        inner: None,
    },
    Case {
        call: r#"{{< summary len="12" text="Fish &amp; chips &lt;3 and more words" >}}A *long* **bold** inner text & more of it{{< /summary >}}"#,
        name: "summary",
        positional: &[],
        named: &[
            ("len", "12"),
            ("text", "Fish &amp; chips &lt;3 and more words"),
        ],
        inner: Some("A *long* **bold** inner text & more of it"),
    },
    Case {
        call: r#"{{< summary len="4" text="日本語のテキスト" >}}短い{{< /summary >}}"#,
        name: "summary",
        positional: &[],
        named: &[("len", "4"), ("text", "日本語のテキスト")],
        inner: Some("短い"),
    },
    Case {
        call: r#"{{< cached "a,b,c" "second" >}}"#,
        name: "cached",
        positional: &["a,b,c", "second"],
        named: &[],
        inner: None,
    },
];
