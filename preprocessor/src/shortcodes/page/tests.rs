use super::*;
use crate::shortcodes::markup::render_markdown;
use crate::shortcodes::testing::{page_params, site_params};
use serde_json::json;

fn with_page(f: impl FnOnce(&Page<'_>)) {
    let params = page_params();
    let site_params = site_params();
    let site = Site {
        params: &site_params,
        privacy: Privacy::default(),
        stack: false,
        markdown: &render_markdown,
    };
    let page = Page {
        site: &site,
        params: &params,
        source: "",
        resolve: None,
    };
    f(&page);
}

#[test]
fn params_come_from_the_page_then_the_site_in_any_case() {
    with_page(|page| {
        assert_eq!(page.param("pp"), Some(&json!("x *y* <z>")));
        assert_eq!(page.param("PP"), Some(&json!("x *y* <z>")));
        assert_eq!(page.param("site_only"), Some(&json!("from site")));
        assert_eq!(page.param("nope"), None);
    });
}

#[test]
fn dotted_keys_look_into_nested_tables_page_first() {
    with_page(|page| {
        assert_eq!(page.param("nested.deep"), Some(&json!("page deep")));
        assert_eq!(page.param("Nested.Deep"), Some(&json!("page deep")));
        // The page's `nested` has no `other`: the site's table is looked into next.
        assert_eq!(page.param("nested.other"), Some(&json!("site other")));
        assert_eq!(page.param("nested.deep.deeper"), None);
        assert_eq!(page.param("pp.x"), None);
    });
}

#[test]
fn a_url_is_kept_unless_the_stage_maps_it() {
    with_page(|page| assert_eq!(page.resolve("/img/a.png"), "/img/a.png"));
    let map = |u: &str| u.strip_prefix('/').map(|u| format!("../{u}"));
    let params = page_params();
    let site = Site {
        params: &params,
        privacy: Privacy::default(),
        stack: false,
        markdown: &render_markdown,
    };
    let page = Page {
        site: &site,
        params: &params,
        source: "",
        resolve: Some(&map),
    };
    assert_eq!(page.resolve("/img/a.png"), "../img/a.png");
    assert_eq!(page.resolve("img/a.png"), "img/a.png");
}

#[test]
fn privacy_reads_hugos_keys_in_any_case() {
    let p = Privacy::from_config(&json!({
        "YouTube": {"privacyEnhanced": true},
        "vimeo": {"enablednt": true, "disable": false},
        "x": {"Disable": true},
        "instagram": "not a table"
    }));
    assert_eq!(
        p,
        Privacy {
            youtube_privacy_enhanced: true,
            vimeo_dnt: true,
            x_disable: true,
            ..Privacy::default()
        }
    );
    assert_eq!(Privacy::from_config(&json!(null)), Privacy::default());
}
