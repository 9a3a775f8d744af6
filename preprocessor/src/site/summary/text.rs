//! The plain text of a summary as it is gathered: whitespace runs collapsed as the characters
//! come ([`Collapsed`]), and the point where enough of it has come to settle an automatic
//! summary ([`Enough`]), so the rest of a long page need not be gathered.

/// The plain text so far, whitespace runs collapsed to their first character as it comes (a
/// run at the start dropped): the same text as collapsing it all at the end.
pub(super) struct Collapsed {
    pub out: Vec<(char, usize)>,
    pub was_space: bool,
}

impl Collapsed {
    pub fn push(&mut self, (c, w): (char, usize)) {
        let space = c.is_whitespace();
        if !space || !(self.was_space || self.out.is_empty()) {
            self.out.push((c, w));
        }
        self.was_space = space;
    }
}

/// When a text's automatic summary is settled, whatever follows: `whole_sentences` cuts at
/// the first sentence end at or after the `length`-th whitespace, and a character after that
/// end makes it truncated. Reads each character of the text once, as it grows.
#[derive(Clone)]
pub(super) struct Enough {
    length: usize,
    words: usize,
    /// The `length`-th whitespace is in.
    limit: bool,
    /// A sentence end after it is in.
    end: bool,
    seen: usize,
}

impl Enough {
    pub fn new(length: usize) -> Enough {
        Enough {
            length,
            words: 0,
            limit: false,
            end: false,
            seen: 0,
        }
    }

    /// Whether the summary of any text starting with `text` is the summary of `text`.
    pub fn settled(&mut self, text: &[(char, usize)]) -> bool {
        for &(c, _) in text.get(self.seen..).unwrap_or_default() {
            self.seen += 1;
            if self.end {
                return true;
            }
            if !self.limit {
                if !c.is_whitespace() {
                    continue;
                }
                self.words += 1;
                if self.words < self.length {
                    continue;
                }
                self.limit = true;
            }
            // From the limit's own whitespace on (a `\n` there ends the sentence).
            self.end = matches!(c, '.' | '?' | '!' | '\n');
        }
        false
    }
}
