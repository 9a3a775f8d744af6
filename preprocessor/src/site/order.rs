//! The order Hugo lists pages in, as hugo 0.111's `DefaultPageSort` has it: weight ascending
//! with every non-zero weight before the unweighted (0), then date descending (to the second),
//! then `linkTitle` by Go's x/text collator for the site's language (the CLDR root order here,
//! through `feruca`: punctuation, then digits, then letters, case and accents second), then the
//! file path by Hugo's case-folding comparison, pages without a file first. The sort is stable.
//! Also the "oldest first" order a book may prefer: date ascending, then the same tie-breaks.

use feruca::{Collator, Locale, Tailoring};
use std::cmp::Ordering;

/// What the sort looks at in a page.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub weight: i64,
    /// Seconds since the Unix epoch; `None` for no date (Go's zero time, year 1).
    pub date: Option<i64>,
    pub link_title: &'a str,
    /// The page's file, `None` for a page Hugo made itself (a section without `_index.md`).
    pub file: Option<&'a str>,
}

/// The two orders a list can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Hugo's default: weight, newest first, title, path.
    #[default]
    Hugo,
    /// Weight, oldest first, title, path.
    OldestFirst,
}

/// Go's zero time (0001-01-01T00:00:00Z) in Unix seconds: where an undated page sorts.
const ZERO_TIME: i64 = -62_135_596_800;

/// Sorts `items` stably by `order`, with `key` giving each item's sort key.
pub fn sort_by<'k, T>(items: &mut [T], order: Order, key: impl Fn(&T) -> Key<'k>) {
    let mut collator = Collator::new(Tailoring::Cldr(Locale::Root), false, false);
    items.sort_by(|a, b| compare(&key(a), &key(b), order, &mut collator));
}

/// The comparison behind [`sort_by`].
pub fn compare(a: &Key, b: &Key, order: Order, collator: &mut Collator) -> Ordering {
    if a.weight != b.weight {
        return match (a.weight, b.weight) {
            (_, 0) => Ordering::Less,
            (0, _) => Ordering::Greater,
            (x, y) => x.cmp(&y),
        };
    }
    let (da, db) = (a.date.unwrap_or(ZERO_TIME), b.date.unwrap_or(ZERO_TIME));
    if da != db {
        return match order {
            Order::Hugo => db.cmp(&da),
            Order::OldestFirst => da.cmp(&db),
        };
    }
    match collator.collate(a.link_title, b.link_title) {
        Ordering::Equal => match (a.file, b.file) {
            (Some(x), Some(y)) => compare_fold(x, y),
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        other => other,
    }
}

/// Hugo's `compare.Strings`: a case-folding comparison (ASCII letters compared as lowercase,
/// other characters by Unicode simple folding), ties broken by plain byte order.
pub fn compare_fold(s: &str, t: &str) -> Ordering {
    match fold(s, t) {
        Ordering::Equal => s.cmp(t),
        other => other,
    }
}

/// Go's `compareFold` from Hugo's compare package, character by character.
fn fold(s: &str, t: &str) -> Ordering {
    let (mut s_chars, mut t_chars) = (s.chars(), t.chars());
    loop {
        let (sr, tr) = match (s_chars.next(), t_chars.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(a), Some(b)) => (a, b),
        };
        if sr == tr {
            continue;
        }
        // Order the pair so that `small < large`; `flip` is the answer when s held `small`.
        let (small, large, less) = if tr < sr {
            (tr, sr, Ordering::Greater)
        } else {
            (sr, tr, Ordering::Less)
        };
        if large.is_ascii() && small.is_ascii_uppercase() {
            if large <= 'Z' {
                return less;
            }
            let lower = small.to_ascii_lowercase();
            match large.cmp(&lower) {
                Ordering::Equal => continue,
                Ordering::Less => return less.reverse(),
                Ordering::Greater => return less,
            }
        }
        if folds_to(small, large) {
            continue;
        }
        return less;
    }
}

/// Whether `large` is in the simple case-folding orbit of `small` (Go's `unicode.SimpleFold`
/// loop), approximated by Rust's lowercase and uppercase mappings of single characters.
fn folds_to(small: char, large: char) -> bool {
    let single = |mut it: std::iter::Peekable<std::vec::IntoIter<char>>| {
        let first = it.next();
        if it.peek().is_some() { None } else { first }
    };
    let lower = |c: char| single(c.to_lowercase().collect::<Vec<_>>().into_iter().peekable());
    let upper = |c: char| single(c.to_uppercase().collect::<Vec<_>>().into_iter().peekable());
    lower(small) == Some(large)
        || upper(small) == Some(large)
        || lower(large) == Some(small)
        || upper(large) == Some(small)
        || (lower(small).is_some() && lower(small) == lower(large))
}

#[cfg(test)]
mod tests;
