use super::*;
use crate::shortcodes::testing::rendered;

fn youtube(title: Option<&str>) -> Embed<'_> {
    Embed {
        service: "YouTube",
        title,
        link: format!("https://www.youtube.com/watch?v={}", query("a&b")),
        action: "Watch on YouTube",
    }
}

#[test]
fn the_placeholder_names_the_service_and_title_and_links_the_video() {
    let html = youtube(Some("Pods <explained>")).html(Via::Frame, "<iframe src=\"x\"></iframe>");
    assert!(html.starts_with("<div class=\"hugo-embed hugo-embed-frame\"><iframe src=\"x\"></iframe><a class=\"hugo-embed-fallback\""), "{html}");
    assert!(
        html.contains("href=\"https://www.youtube.com/watch?v=a%26b\""),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"hugo-embed-service\">YouTube</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"hugo-embed-title\">Pods &lt;explained&gt;</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"hugo-embed-action\">Watch on YouTube</span>"),
        "{html}"
    );
    let no_title = youtube(Some("  ")).html(Via::Script, "");
    assert!(no_title.contains("hugo-embed-script"), "{no_title}");
    assert!(!no_title.contains("hugo-embed-title"), "{no_title}");
}

#[test]
fn as_markdown_an_embed_is_a_link() {
    assert_eq!(
        youtube(Some("Pods [1]")).markdown(),
        "[YouTube: Pods \\[1\\]](https://www.youtube.com/watch?v=a%26b)"
    );
    let html = rendered(&youtube(None).markdown());
    assert_eq!(
        html.trim(),
        "<p><a href=\"https://www.youtube.com/watch?v=a%26b\">Watch on YouTube</a></p>"
    );
}
