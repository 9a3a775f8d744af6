//! Hugo's word count, for the reading time: runs of non-space characters in the text of the
//! rendered page, fed one pulldown-cmark event at a time by the chapter's single pass.

use crate::strip_html::Markup;
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};

/// Hugo's word count: runs of non-space characters in the text of the rendered page (tags
/// stripped, raw HTML's text kept, image alt text gone). Inline markup joins what it touches, as
/// in the HTML: `**kube**let` and the smart quote in `don't` (its own event) are one word each.
#[derive(Default)]
pub struct Words {
    pub count: usize,
    in_word: bool,
    markup: Markup,
    images: usize,
}

impl Words {
    pub fn event(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Text(_) | Event::Code(_) if self.images > 0 => {}
            Event::Text(text) | Event::Code(text) => self.text(text),
            Event::Html(html) | Event::InlineHtml(html) => self.html(html),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. },
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link,
            )
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
            // Block starts and ends, line breaks and rules: a line break in the HTML.
            _ => self.in_word = false,
        }
    }

    /// Words as runs of characters that are not `char::is_whitespace`; ASCII is looked at a
    /// byte at a time (the profile's hot spot was decoding every character).
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // char::is_whitespace on ASCII, vertical tab included.
        let space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
        if text.is_ascii() {
            // A word starts at each non-space after a space (or after the event before, when
            // that ended outside a word); counted without branches.
            let mut after_space = !self.in_word;
            let mut starts = 0;
            for &b in bytes {
                let is_space = space(b);
                starts += usize::from(after_space & !is_space);
                after_space = is_space;
            }
            self.count += starts;
            self.in_word = !after_space;
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            let word = if bytes[i].is_ascii() {
                i += 1;
                !space(bytes[i - 1])
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                !c.is_whitespace()
            };
            if word && !self.in_word {
                self.count += 1;
            }
            self.in_word = word;
        }
    }

    /// Raw HTML's text, as Hugo's `StripHTML` leaves it (a tag joins what it touches; a `<br>`
    /// or `</p>` is a line break; a script or style has no words).
    fn html(&mut self, html: &str) {
        let mut markup = self.markup;
        markup.strip(html, |c| {
            let mut buf = [0; 4];
            self.text(c.encode_utf8(&mut buf));
        });
        self.markup = markup;
    }
}

#[cfg(test)]
mod tests;
