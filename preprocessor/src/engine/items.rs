//! mdBook's item tree, walked the way the run needs it: the chapters with a file in book order
//! (depth first), each read into its `Read` and index entry; their sources moved out for the
//! rewrite and the results put back in the same order; drafts left out with their sub-chapters
//! kept in place.

use super::Run;
use crate::config::Settings;
use crate::index::{Entry, link_path};
use crate::read::{Known, Read};
use mdbook_preprocessor::book::{BookItem, Chapter};
use std::collections::HashSet;
use std::path::PathBuf;

/// Reads every chapter with a file in `item`, depth first.
pub fn read_item(run: &Run, item: &BookItem) -> Vec<(Read, Entry)> {
    let settings = &run.settings;
    let mut chapters = Vec::new();
    collect(std::slice::from_ref(item), &mut chapters);
    // Exactly: an item is mostly one chapter, and `extend` would make room for four.
    let mut out = Vec::with_capacity(chapters.len());
    out.extend(chapters.into_iter().map(|ch| {
        // A chapter made from a site's page has its front matter read already.
        let known = ch
            .path
            .as_ref()
            .and_then(|path| {
                let mut posts = run.posts.lock().ok()?;
                if posts.is_empty() {
                    return None;
                }
                posts.remove(&link_path(path, settings.default_preprocessors))
            })
            .map_or(Known::Nothing, Known::Site);
        let mut read = Read::with(file_name(settings, ch), &ch.content, &run.shortcodes, known);
        let entry = Entry::of(settings, ch, &mut read);
        (read, entry)
    }));
    out
}

/// The site's `enableEmoji`: every chapter's body (after its front matter) emojified, before
/// it is read, as hugo's lexer emojifies a page's source.
pub fn emojify(item: &mut BookItem) {
    if let BookItem::Chapter(ch) = item {
        let body_start = match crate::front_matter::find(&ch.content) {
            crate::front_matter::Found::Block(b) if ch.content.is_char_boundary(b.body_start) => {
                b.body_start
            }
            _ => 0,
        };
        let (head, body) = ch.content.split_at(body_start);
        if let std::borrow::Cow::Owned(body) = crate::emoji::emojify(body) {
            ch.content = format!("{head}{body}");
        }
        ch.sub_items.iter_mut().for_each(emojify);
    }
}

/// The chapters with a file, in book order (depth first).
fn collect<'a>(items: &'a [BookItem], out: &mut Vec<&'a Chapter>) {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.is_some() {
                out.push(ch);
            }
            collect(&ch.sub_items, out);
        }
    }
}

/// The chapter's file relative to the book root, for diagnostics: `book/post/x/index.md`.
fn file_name(settings: &Settings, ch: &Chapter) -> String {
    let path = ch
        .source_path
        .as_ref()
        .or(ch.path.as_ref())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let joined = if settings.src.is_empty() || settings.src == "." {
        path
    } else {
        format!("{}/{path}", settings.src)
    };
    // A chapter from a Hugo site's content folder is named from the book's root:
    // `book/../content/x.md` is `content/x.md`.
    if joined.contains("..") {
        let mut parts: Vec<&str> = Vec::new();
        for part in joined.split('/') {
            match part {
                ".." if parts.last().is_some_and(|p| *p != "..") => {
                    parts.pop();
                }
                "." | "" => {}
                p => parts.push(p),
            }
        }
        parts.join("/")
    } else {
        joined
    }
}

/// Moves the content of every chapter with a file out of `items`, depth first.
pub fn take_sources(items: &mut [BookItem], out: &mut Vec<String>) {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.is_some() {
                out.push(std::mem::take(&mut ch.content));
            }
            take_sources(&mut ch.sub_items, out);
        }
    }
}

/// Gives the chapters of `item` with a file, depth first from number `*i` on, their new content
/// and name.
pub fn fill(
    item: &mut BookItem,
    i: &mut usize,
    get: &mut impl FnMut(usize) -> (String, Option<String>),
) {
    if let BookItem::Chapter(ch) = item {
        if ch.path.is_some() {
            let (content, name) = get(*i);
            *i += 1;
            ch.content = content;
            if let Some(name) = name {
                ch.name = name;
            }
        }
        for sub in &mut ch.sub_items {
            fill(sub, i, get);
        }
    }
}

/// The sidebar name a chapter gets, when its front matter gives one.
pub fn nav_name(read: &Read) -> Option<String> {
    read.post.as_ref().and_then(|post| {
        let name = post.nav_title()?;
        Some(if post.draft {
            format!("{name} (draft)")
        } else {
            name.to_owned()
        })
    })
}

/// Removes the chapters at `paths` (drafts), keeping their sub-chapters in their place.
pub fn leave_out(items: &mut Vec<BookItem>, paths: &HashSet<PathBuf>) {
    let mut kept = Vec::with_capacity(items.len());
    for mut item in std::mem::take(items) {
        if let BookItem::Chapter(ch) = &mut item {
            leave_out(&mut ch.sub_items, paths);
            if ch.path.as_ref().is_some_and(|p| paths.contains(p)) {
                kept.append(&mut ch.sub_items);
                continue;
            }
        }
        kept.push(item);
    }
    *items = kept;
}
