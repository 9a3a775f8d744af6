use super::*;
use crate::index::Index;
use crate::links::Unlisted;
use crate::shortcodes::registry::Shortcodes;

/// Rewrites `source` as the only chapter `a.md` of a book.
fn rewrite_alone(source: &str, settings: &Settings) -> (String, Vec<Diagnostic>) {
    let read = Read::new("book/a.md".into(), source, &Shortcodes::builtin());
    let entry = Entry {
        path: "a.md".into(),
        source: "a.md".into(),
        file: "book/a.md".into(),
        link: "a.md".into(),
        slug: read.post.as_ref().and_then(|p| p.slug.clone()),
        ..Entry::default()
    };
    let (index, _) = Index::new(vec![entry]);
    let unlisted = Unlisted::new();
    let resolver = Resolver::new(&index, settings, &unlisted);
    let shortcodes = Shortcodes::builtin();
    let site = std::sync::Arc::new(crate::shortcodes::host::Site::default());
    let site_params = serde_json::Map::new();
    let stage = Stage {
        shortcodes: &shortcodes,
        site: &site,
        site_params: &site_params,
        privacy: Default::default(),
        settings,
        resolver: &resolver,
    };
    let terms = std::collections::HashMap::new();
    let cx = Context {
        settings,
        resolver: &resolver,
        shortcodes: &stage,
        terms: &terms,
    };
    rewrite(&read, source, &index.entries[0], &cx)
}

#[test]
fn without_front_matter_nothing_changes() {
    let src = "# Title\r\n\r\n---\r\n\r\n[x](y.md) <b>html</b>\r\n";
    assert_eq!(
        rewrite_alone(src, &Settings::for_build()),
        (src.to_owned(), vec![])
    );
}

#[test]
fn front_matter_becomes_the_header_and_the_body_is_kept_byte_for_byte() {
    let body = "\nSome *body* [self](/p/a/)\n\n---\n\nend\n";
    let src = format!("\u{feff}---\r\ntitle: A\r\nslug: a\r\n---\r\n{body}");
    let (out, problems) = rewrite_alone(&src, &Settings::for_build());
    assert!(problems.is_empty(), "{problems:?}");
    assert!(out.starts_with("<header class=\"hugo-header\">\n"), "{out}");
    assert!(out.ends_with(&body.replace("(/p/a/)", "(a.md)")), "{out}");
    assert!(!out.contains("slug"));
}

#[test]
fn cards_go_at_the_end_or_under_the_header() {
    let src = "---\ntitle: A\nlinks:\n- title: K\n  website: https://kubernetes.io\n---\nbody";
    let (end, _) = rewrite_alone(src, &Settings::for_build());
    assert!(end.ends_with("body\n\n## Links\n\n<section class=\"hugo-links\" aria-label=\"Links\">\n<div class=\"hugo-cards\">\n<article class=\"hugo-card\"><a class=\"hugo-card-link\" href=\"https://kubernetes.io\" target=\"_blank\" rel=\"noopener\"><div class=\"hugo-card-body\"><p class=\"hugo-card-title\">K</p><p class=\"hugo-card-description\">kubernetes.io</p></div><div class=\"hugo-card-media\"><span class=\"hugo-card-initial\" aria-hidden=\"true\">K</span></div></a></article>\n</div>\n</section>\n"), "{end}");
    let header = Settings {
        cards: CardsAt::Header,
        ..Settings::for_build()
    };
    let (top, _) = rewrite_alone(src, &header);
    assert!(
        top.find("hugo-links").unwrap() < top.find("body").unwrap(),
        "{top}"
    );
}

#[test]
fn unsafe_card_urls_are_refused_and_the_card_kept() {
    let src = "---\ntitle: A\nlinks:\n- title: Evil\n  website: \"javascript:alert(1)\"\n  image: \"data:image/svg+xml,<svg onload=alert(1)>\"\n---\nbody";
    let (out, problems) = rewrite_alone(src, &Settings::for_build());
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!((problems[0].line, problems[0].column), (3, 1));
    assert!(
        problems[0]
            .message
            .contains("`javascript:` URLs are not allowed")
    );
    assert!(
        !out.contains("javascript:") && !out.contains("data:") && !out.contains("onload"),
        "{out}"
    );
    assert!(out.contains("<div class=\"hugo-card-link\"><div class=\"hugo-card-body\"><p class=\"hugo-card-title\">Evil</p>"), "{out}");
}

#[test]
fn front_matter_values_are_escaped_everywhere() {
    let src = "---\ntitle: \"<script>alert(1)</script>\"\ndescription: \"{{#include /etc/passwd}}\"\ntags: [\"<img src=x onerror=alert(1)>\"]\nlinks:\n- title: \"\\\"><script>x</script>\"\n  website: \"https://x.org/\\\"onmouseover=\\\"alert(1)\"\n---\n";
    let (out, _) = rewrite_alone(src, &Settings::for_build());
    for bad in ["<script", "<img src=x", "{{#include", "\"onmouseover"] {
        assert!(!out.contains(bad), "{bad} in {out}");
    }
}

#[test]
fn under_serve_problems_show_in_the_page_and_the_body_survives() {
    let serve = Settings {
        serve: true,
        drafts: true,
        ..Settings::for_build()
    };
    let (out, problems) = rewrite_alone("---\ntitle: [x\n---\nThe body.\n", &serve);
    assert_eq!(problems.len(), 1);
    assert!(
        out.starts_with("<div class=\"hugo-error\" role=\"alert\">"),
        "{out}"
    );
    assert!(out.ends_with("The body.\n"));

    let (out, problems) = rewrite_alone("---\ntitle: A\nThe body, never closed.\n", &serve);
    assert!(problems[0].message.contains("never closed"), "{problems:?}");
    assert!(
        out.ends_with("---\ntitle: A\nThe body, never closed.\n"),
        "nothing is lost: {out}"
    );

    let (out, _) = rewrite_alone("---\ntitle: A\n---\nSee [x](/p/nope/).\n", &serve);
    assert!(
        out.contains("[x](/p/nope/)<mark class=\"hugo-link-error\""),
        "{out}"
    );
}

#[test]
fn drafts_are_marked() {
    let serve = Settings {
        serve: true,
        drafts: true,
        ..Settings::for_build()
    };
    let (out, _) = rewrite_alone("---\ntitle: A\ndraft: true\n---\nx", &serve);
    assert!(out.starts_with("<div class=\"hugo-draft\""), "{out}");
}

/// Hugo renders calls in code too, and its HTML shows inside `<pre>`; in the book's markdown,
/// code shows what is written, so a call there is what a browser shows of its output.
#[test]
fn calls_in_code_are_the_text_of_what_they_render() {
    let src = "---\ntitle: A\nslug: a\nflavour: \"a*b <c>\"\n---\n\n\
               Span: `{{< param flavour >}}`.\n\n\
               - Item:\n\n  ```text\n  value: {{< param flavour >}}\n  \
               {{< figure src=\"/a.png\" caption=\"Line *one*\" >}}\n  ```\n";
    let (out, problems) = rewrite_alone(src, &Settings::for_build());
    assert!(problems.is_empty(), "{problems:?}");
    let body = &out[out.find("Span:").unwrap()..];
    assert_eq!(
        body,
        "Span: `a*b <c>`.\n\n- Item:\n\n  ```text\n  value: a*b <c>\n  Line one\n  ```\n"
    );
}
