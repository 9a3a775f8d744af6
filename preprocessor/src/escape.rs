//! Front-matter values are text: escaping them for the HTML and markdown they land in, and
//! deciding which URLs may become an `href` or `src` (http, https and relative ones only).

/// `text` safe inside HTML text and double-quoted attributes.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // mdBook's own `{{#...}}` directives must not fire inside a value.
            '{' => out.push_str("&#123;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as literal markdown: every ASCII punctuation character backslash-escaped, line breaks
/// folded, so a value can never open a link, a tag or a heading.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Why a URL may not be linked, or `None` when it may: `http(s)` URLs, protocol-relative ones and
/// relative paths are fine; any other scheme (`javascript:`, `data:`, `file:`) is refused.
pub fn refuse_url(url: &str) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters here (`java\tscript:`), so do we.
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let scheme_end = compact.find(':')?;
    let scheme = &compact[..scheme_end];
    if compact[..scheme_end].contains(['/', '?', '#']) {
        return None; // a colon later in a relative path, not a scheme
    }
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    Some(format!("`{scheme}:` URLs are not allowed"))
}

/// A URL for a markdown link destination: spaces percent-encoded, wrapped in `<>` when it holds
/// parentheses.
pub fn markdown_url(url: &str) -> String {
    let url = url
        .replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E");
    if url.contains(['(', ')']) {
        format!("<{url}>")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_quotes_and_directives() {
        assert_eq!(
            html(r#"<b>"A" & 'B'</b> {{#include x}}"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt; &#123;&#123;#include x}}"
        );
    }

    #[test]
    fn markdown_escapes_everything_that_could_mean_something() {
        assert_eq!(
            markdown("[x](javascript:1) *y*\n# z"),
            r"\[x\]\(javascript\:1\) \*y\* \# z"
        );
    }

    #[test]
    fn only_web_and_relative_urls_pass() {
        for ok in [
            "https://kubernetes.io",
            "HTTP://x",
            "//cdn.example/x.png",
            "logo.png",
            "../a/b.md#c",
            "/p/x/?a=b:c",
        ] {
            assert_eq!(refuse_url(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(refuse_url(bad).is_some(), "{bad}");
        }
    }
}
