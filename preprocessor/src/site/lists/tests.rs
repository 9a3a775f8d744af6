use super::super::tests::site;
use crate::diagnostic::Severity;

#[test]
fn two_pages_with_one_url_are_a_warning_naming_both() {
    let (s, problems) = site(
        "baseURL = 'https://example.org/'\n",
        &[
            ("post/one.md", "---\ntitle: Twin\ndate: 2022-05-01\n---\n"),
            (
                "post/two.md",
                "---\ntitle: Twin\nslug: one\ndate: 2022-05-02\n---\n",
            ),
        ],
    );
    let twins: Vec<_> = problems
        .iter()
        .filter(|p| p.message.contains("is also the URL of"))
        .collect();
    assert_eq!(twins.len(), 1, "{problems:?}");
    assert_eq!(twins[0].severity, Severity::Warning);
    assert!(
        twins[0]
            .message
            .starts_with("/post/one/ is also the URL of content/post/"),
        "{}",
        twins[0].message
    );
    // Both stay pages of the site, with that URL.
    let urls: Vec<_> = s
        .pages
        .iter()
        .filter(|p| p.file.is_some())
        .filter_map(|p| p.url.as_deref())
        .collect();
    assert_eq!(
        urls.iter().filter(|u| **u == "/post/one/").count(),
        2,
        "{urls:?}"
    );
}
