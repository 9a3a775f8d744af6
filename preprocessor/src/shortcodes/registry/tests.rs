use super::*;
use crate::config::Shortcode;

fn file(name: &str, source: &str) -> TemplateFile {
    TemplateFile {
        name: name.into(),
        file: format!("layouts/{name}"),
        source: source.into(),
        theme: false,
    }
}

#[test]
fn the_site_comes_before_the_theme_and_the_book_before_both() {
    let files = [
        file("shortcodes/notice.html", "<div>{{ .Inner }}</div>"),
        file("shortcodes/notice.html", "theme's, never used"),
        file("shortcodes/badge.html", "<b>{{ .Get 0 }}</b>"),
        file("shortcodes/youtube.html", "<i>{{ .Get 0 }}</i>"),
        file("partials/icon.html", "*"),
    ];
    let mut own = BTreeMap::new();
    own.insert(
        "alert".to_owned(),
        Shortcode {
            admonition: Some("danger".into()),
            ..Shortcode::default()
        },
    );
    let (s, problems) = Shortcodes::new(&files, &own, false);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        matches!(s.get("notice"), Some(Renderer::Template(t)) if t.source().contains(".Inner"))
    );
    assert_eq!(s.inner("notice"), Inner::Takes);
    assert_eq!(s.inner("badge"), Inner::Ignores);
    // The site's `youtube` overrides Hugo's.
    assert!(matches!(s.get("youtube"), Some(Renderer::Template(_))));
    assert!(matches!(s.get("figure"), Some(Renderer::Builtin)));
    assert_eq!(s.inner("highlight"), Inner::Takes);
    assert!(matches!(s.get("alert"), Some(Renderer::Admonition(a)) if a.kind == "CAUTION"));
    assert_eq!(s.inner("nope"), Inner::Unknown);
    assert!(s.partials.partial("icon").is_some());
}

#[test]
fn on_a_stack_site_its_shortcodes_come_before_hugos() {
    let (s, _) = Shortcodes::new(&[], &BTreeMap::new(), true);
    assert!(matches!(s.get("youtube"), Some(Renderer::Stack)));
    assert_eq!(s.inner("quote"), Inner::Takes);
    let (s, _) = Shortcodes::new(&[], &BTreeMap::new(), false);
    assert_eq!(s.inner("quote"), Inner::Unknown);
}

#[test]
fn templates_that_cannot_run_say_where_and_why() {
    let files = [
        file("shortcodes/bad.html", "{{ if }}"),
        file("shortcodes/lacking.html", "{{ where .Site.Pages \"x\" 1 }}"),
    ];
    let (s, problems) = Shortcodes::new(&files, &BTreeMap::new(), false);
    assert!(problems.is_empty());
    let Some(Renderer::Broken(d, _)) = s.get("bad") else {
        panic!("a template that does not parse is broken")
    };
    assert_eq!(
        (d.file.as_str(), d.severity),
        ("layouts/shortcodes/bad.html", Severity::Error)
    );
    let Some(Renderer::Broken(d, _)) = s.get("lacking") else {
        panic!("a template using what the engine lacks is broken")
    };
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("where"), "{}", d.message);
}

#[test]
fn book_entries_say_one_thing() {
    let mut own = BTreeMap::new();
    own.insert("a".to_owned(), Shortcode::default());
    own.insert(
        "b".to_owned(),
        Shortcode {
            template: Some("x".into()),
            admonition: Some("note".into()),
            ..Shortcode::default()
        },
    );
    own.insert(
        "c".to_owned(),
        Shortcode {
            admonition: Some("shout".into()),
            ..Shortcode::default()
        },
    );
    let (_, problems) = Shortcodes::new(&[], &own, false);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].contains("neither `template` nor `admonition`"));
    assert!(messages[1].contains("both"));
    assert!(messages[2].contains("`admonition = \"shout\"`"));
}
