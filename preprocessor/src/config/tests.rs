use super::*;
use mdbook_preprocessor::config::Config;

fn ctx(toml: &str, renderer: &str) -> PreprocessorContext {
    let config: Config = toml.parse().unwrap();
    PreprocessorContext::new("/book".into(), config, renderer.into())
}

#[test]
fn versions_warn_on_minor_differences_only() {
    assert_eq!(version_warning("0.5.4", "0.5.1"), None);
    assert!(
        version_warning("0.5.4", "0.6.0")
            .unwrap()
            .contains("called by mdBook 0.6.0")
    );
    assert!(version_warning("0.5.4", "1.5.4").is_some());
}

#[test]
fn defaults_follow_build_or_serve() {
    let build = Settings::from_context(&ctx("[preprocessor.hugo]\n", "html")).unwrap();
    assert!(build.html && !build.serve && !build.drafts);
    assert_eq!(build.permalink, "/p/:slug/");
    let serve = ctx(
        "[preprocessor.hugo]\n[output.html]\nlive-reload-endpoint = \"__livereload\"\n",
        "markdown",
    );
    let serve = Settings::from_context(&serve).unwrap();
    assert!(!serve.html && serve.serve && serve.drafts);
}

#[test]
fn keys_override_and_unknown_keys_are_named() {
    let s = Settings::from_context(&ctx(
        "[preprocessor.hugo]\ndrafts = true\ncards = \"header\"\nbase-url = \"https://x.org/\"\ncommand = \"x\"\n",
        "html",
    ))
    .unwrap();
    assert!(s.drafts);
    assert_eq!(s.cards, CardsAt::Header);
    assert_eq!(s.base_url.as_deref(), Some("https://x.org"));
    let err = Settings::from_context(&ctx("[preprocessor.hugo]\ndraft = true\nfoo = 1\n", "html"))
        .unwrap_err();
    assert!(err.contains("`draft`, `foo`"), "{err}");
    let err = Settings::from_context(&ctx("[preprocessor.hugo]\npermalink = \"/p/\"\n", "html"))
        .unwrap_err();
    assert!(err.contains(":slug"), "{err}");
}
