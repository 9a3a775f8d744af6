use super::*;
use serde_json::json;

fn file(path: &str, text: &str) -> ConfigFile {
    ConfigFile {
        path: path.into(),
        text: text.into(),
    }
}

#[test]
fn keys_are_lowercased_at_every_depth() {
    let map = parse(&file(
        "hugo.toml",
        "baseURL = 'x'\n[Params.Sub]\nMixedKey = 1\n",
    ))
    .unwrap();
    assert_eq!(
        Value::Object(map),
        json!({"baseurl": "x", "params": {"sub": {"mixedkey": 1}}})
    );
}

#[test]
fn files_below_the_config_folder_are_the_table_of_their_name() {
    assert!(key_path("config/_default/hugo.toml").is_empty());
    assert!(key_path("config/_default/config.yaml").is_empty());
    assert_eq!(key_path("config/_default/params.toml"), ["params"]);
    assert_eq!(
        key_path("config/_default/params.en.toml"),
        ["languages", "en", "params"]
    );
    assert_eq!(
        key_path("config/_default/menu.zh-CN.toml"),
        ["languages", "zh-cn", "menus"]
    );
    assert_eq!(key_path("config/_default/languages.toml"), ["languages"]);
    assert_eq!(
        key_path("config/production/_languages.toml"),
        ["_languages"]
    );
}

#[test]
fn later_files_win_and_maps_merge() {
    // As hugo 0.111 merged the fixture `config-dir` (checked with `hugo config`).
    let files = [
        file("hugo.toml", "title = 'root'\n[params]\na = 1\n"),
        file(
            "config/_default/config.toml",
            "title = 'dir config'\n[params]\nd = 4\n",
        ),
        file("config/_default/hugo.toml", "title = 'dir hugo'\n"),
        file("config/_default/params.toml", "b = 2\n[nested]\nc = 3\n"),
        file("config/production/hugo.json", "{\"Title\": \"production\"}"),
    ];
    let (map, problems) = merge(&files, "config");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map["title"], "production");
    assert_eq!(
        map["params"],
        json!({"a": 1, "b": 2, "d": 4, "nested": {"c": 3}})
    );
}

#[test]
fn a_malformed_file_is_a_problem_at_its_line() {
    let files = [
        file("config.yaml", "title: ok\npermalinks:\n  post: [unclosed\n"),
        file("config/_default/params.toml", "a = \n"),
    ];
    let (_, problems) = merge(&files, "config");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].file, "config.yaml");
    assert!(problems[0].line >= 3, "{:?}", problems[0]);
    assert_eq!(problems[1].file, "config/_default/params.toml");
    assert_eq!(problems[1].line, 1);
    assert!(
        problems[1]
            .message
            .starts_with("malformed site configuration")
    );
}

#[test]
fn a_theme_fills_params_and_plain_root_values_only() {
    let mut site = json!({"title": "mine", "params": {"a": 1, "deep": {"x": 1}}})
        .as_object()
        .cloned()
        .unwrap();
    let theme = json!({
        "title": "theirs",
        "summarylength": 10,
        "params": {"a": 2, "b": 3, "deep": {"x": 2, "y": 3}},
        "permalinks": {"post": "/t/:slug/"}
    });
    merge_theme(&mut site, theme.as_object().unwrap());
    assert_eq!(
        Value::Object(site),
        json!({"title": "mine", "summarylength": 10,
               "params": {"a": 1, "b": 3, "deep": {"x": 1, "y": 3}}})
    );
}
