//! Hugo's `StripHTML` over raw HTML met a piece at a time (a raw HTML block comes a line per
//! event): tags dropped, with what a `<script>` or `<style>` holds; `</p>` and `<br>` line
//! breaks; other line ends spaces; the rest of the text as written (an entity is its letters).
//! The state carries a tag or a script over from one piece to the next.

/// Where the text met so far stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    #[default]
    Text,
    Tag,
    /// In a `<script>` or `<style>`, until this end tag.
    Raw(&'static str),
}

impl Markup {
    /// Hands each character of `html`'s text to `text` in order: `'\n'` for a line break,
    /// `' '` for a line end.
    pub fn strip(&mut self, html: &str, mut text: impl FnMut(char)) {
        let mut rest = html;
        while let Some(c) = rest.chars().next() {
            if let Markup::Raw(end) = *self {
                match find_ascii_ci(rest, end) {
                    Some(at) => {
                        rest = &rest[at + end.len()..];
                        *self = Markup::Text;
                    }
                    None => return,
                }
                continue;
            }
            if c == '<' {
                if let Some(len) = ["</p>", "<br>", "<br />"]
                    .iter()
                    .find(|b| rest.starts_with(**b))
                    .map(|b| b.len())
                {
                    text('\n');
                    *self = Markup::Text;
                    rest = &rest[len..];
                    continue;
                }
                if *self == Markup::Text
                    && let Some((_, end)) = [("<script", "</script>"), ("<style", "</style>")]
                        .into_iter()
                        .find(|(open, _)| {
                            rest.get(..open.len())
                                .is_some_and(|h| h.eq_ignore_ascii_case(open))
                        })
                {
                    *self = Markup::Raw(end);
                    continue;
                }
            }
            match (c, *self) {
                ('<', _) => *self = Markup::Tag,
                ('>', _) => *self = Markup::Text,
                ('\n', Markup::Text) => text(' '),
                (_, Markup::Text) => text(c),
                _ => {}
            }
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Where `needle` (ASCII) first is in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(pieces: &[&str]) -> String {
        let mut state = Markup::default();
        let mut out = String::new();
        for p in pieces {
            state.strip(p, |c| out.push(c));
        }
        out
    }

    #[test]
    fn text_stays_and_tags_go_even_across_pieces() {
        assert_eq!(strip(&["<b>bold</b> &amp; <i>it</i>"]), "bold &amp; it");
        assert_eq!(strip(&["<div\n", "  class=\"x\">in</div>\n"]), "in ");
        assert_eq!(strip(&["a<br>b<br />c</p>d"]), "a\nb\nc\nd");
        assert_eq!(
            strip(&[
                "<SCRIPT>var a = '<b>';\n",
                "</script>after <style>x{}</style>end"
            ]),
            "after end"
        );
        assert_eq!(strip(&["<!-- gone -->kept"]), "kept");
    }
}
