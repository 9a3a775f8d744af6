use super::*;
use serde_json::json;

fn read(value: serde_json::Value) -> (Config, Vec<Diagnostic>) {
    Config::from_map(value.as_object().cloned().unwrap(), "hugo.toml")
}

#[test]
fn defaults_are_hugo_0111s() {
    let (c, problems) = read(json!({}));
    assert!(problems.is_empty());
    assert_eq!(c.content_dir, "content");
    assert_eq!(c.summary_length, 70);
    assert_eq!(c.default_language, "en");
    assert_eq!(c.static_dirs, ["static"]);
    let plurals: Vec<_> = c
        .taxonomies
        .iter()
        .map(|t| (t.singular.as_str(), t.plural.as_str()))
        .collect();
    assert_eq!(plurals, [("category", "categories"), ("tag", "tags")]);
    assert!(c.pluralize_list_titles);
}

#[test]
fn a_site_sets_its_own_taxonomies_or_none() {
    let (c, _) = read(json!({"taxonomies": {"series": "series", "tag": "tags"}}));
    let plurals: Vec<_> = c.taxonomies.iter().map(|t| t.plural.as_str()).collect();
    assert_eq!(plurals, ["series", "tags"]);
    let (c, _) = read(json!({"taxonomies": {}}));
    assert!(c.taxonomies.is_empty());
}

#[test]
fn settings_are_read_loosely_as_hugo_reads_them() {
    let (c, problems) = read(json!({
        "baseurl": "https://example.org/blog/",
        "title": 1984,
        "permalinks": {"post": "/p/:slug/", " / ": "/:filename/"},
        "theme": "hugo-theme-stack",
        "staticdir": ["static", "assets/static"],
        "summarylength": "30",
        "languages": {"en": {"contentdir": "content/english"}, "fr": {}},
        "disablekinds": ["taxonomyTerm", "RSS"],
        "ignorefiles": ["\\.draft\\.md$", "("],
        "params": {"mainsections": ["post", "notes"]}
    }));
    assert_eq!(c.base_path, "/blog");
    assert_eq!(c.title, "1984");
    assert_eq!(c.permalink("post"), Some("/p/:slug/"));
    assert_eq!(c.permalink(""), Some("/:filename/"));
    assert_eq!(c.themes, ["hugo-theme-stack"]);
    assert_eq!(c.static_dirs, ["static", "assets/static"]);
    assert_eq!(c.summary_length, 30);
    assert_eq!(c.content_dir, "content/english");
    assert_eq!(c.languages, ["en", "fr"]);
    assert!(c.kind_disabled("taxonomy"));
    assert_eq!(c.ignore_files.len(), 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("`(` is not a regular expression")
    );
    assert_eq!(c.main_sections().unwrap(), ["post", "notes"]);
}

#[test]
fn a_value_of_the_wrong_kind_is_a_problem_naming_the_key() {
    let (c, problems) = read(json!({"title": ["a"], "permalinks": "x"}));
    assert_eq!(c.title, "");
    assert_eq!(problems.len(), 2);
    assert!(problems[0].message.contains("`title`"), "{problems:?}");
    assert_eq!(problems[0].file, "hugo.toml");
}

#[test]
fn the_default_languages_title_and_params_are_the_sites() {
    // What hugo 0.111 made of this configuration: .Site.Title "Lang", .Site.Params.a
    // map[x:9], .Site.Params.b "root", .Site.Params.c "lang".
    let (c, problems) = read(json!({
        "title": "Root",
        "defaultcontentlanguage": "zh-cn",
        "params": {"a": {"x": 1, "y": 2}, "b": "root"},
        "languages": {
            "zh-cn": {"title": "Lang", "params": {"a": {"x": 9}, "c": "lang"}},
            "en": {"title": "Other"}
        }
    }));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.title, "Lang");
    assert_eq!(
        serde_json::Value::Object(c.params),
        json!({"a": {"x": 9}, "b": "root", "c": "lang"})
    );
}
