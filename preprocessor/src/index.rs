//! The index of the whole book: every post by slug, alias, `url`, source path and file name,
//! with the anchors each one's headings make. Built once, before any chapter is rewritten, so a
//! link can point forward; duplicate slugs are reported here, naming both files. Beside the
//! chapters, the site's static files a link may reach.

use crate::config::Settings;
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::read::Read;
use crate::render;
use crate::scan::anchors::id_from_content;
use mdbook_preprocessor::book::Chapter;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One chapter as a link target.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The chapter's path as mdBook renders it (`post/x/index.md`), relative to the source folder.
    pub path: PathBuf,
    /// The file the author wrote, relative to the source folder (`post/x/README.md`).
    pub source: PathBuf,
    /// The file relative to the book root, for diagnostics.
    pub file: String,
    /// `path` as a URL path ([`link_path`]), what links to the chapter are made of.
    pub link: String,
    pub slug: Option<String>,
    /// Site paths that also lead here: `aliases` and `url`, without their trailing `/`.
    pub paths: Vec<String>,
    pub anchors: HashSet<String>,
    /// A draft left out of this build.
    pub omitted: bool,
    /// Byte offset of the `slug` (or title) key, for duplicate-slug diagnostics.
    pub slug_at: (usize, usize),
}

impl Entry {
    /// Chapter `ch`'s entry, from its reading (whose anchors move here).
    pub fn of(settings: &Settings, ch: &Chapter, read: &mut Read) -> Entry {
        let path = ch.path.clone().unwrap_or_default();
        let mut entry = Entry {
            link: link_path(&path, settings.default_preprocessors),
            source: ch.source_path.clone().unwrap_or_else(|| path.clone()),
            path,
            file: read.file.clone(),
            anchors: std::mem::take(&mut read.scan.anchors),
            slug_at: (1, 1),
            ..Entry::default()
        };
        if let Some(post) = &read.post {
            entry.slug = post.slug.clone();
            entry.paths = post
                .aliases
                .iter()
                .chain(&post.url)
                .map(|p| p.trim_end_matches('/').to_owned())
                .collect();
            entry.omitted = post.draft && !settings.drafts;
            if !post.links.is_empty() {
                entry.anchors.insert(id_from_content(render::CARDS_HEADING));
            }
            let at = ["slug", "title"]
                .iter()
                .find_map(|k| read.key_offset(&ch.content, k));
            entry.slug_at = diagnostic::line_column(&ch.content, at.unwrap_or(0));
        }
        entry
    }
}

/// All chapters, looked up the ways links look them up.
#[derive(Debug, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    by_slug: HashMap<String, usize>,
    by_path: HashMap<String, usize>,
    /// Slugs that several posts have, with all of them.
    shared_slugs: HashMap<String, Vec<usize>>,
    /// The lookups of `ref` and `relref`, made when the first one needs them.
    refs: OnceLock<Refs>,
}

#[derive(Debug, Default)]
struct Refs {
    by_source: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_chapter: HashMap<PathBuf, usize>,
}

impl Index {
    /// Indexes `entries`; two posts with one slug are a diagnostic each, naming the other file.
    pub fn new(entries: Vec<Entry>) -> (Index, Vec<Diagnostic>) {
        let mut index = Index {
            by_slug: HashMap::with_capacity(entries.len()),
            entries,
            ..Index::default()
        };
        let mut problems = Vec::new();
        for (i, e) in index.entries.iter().enumerate() {
            if let Some(slug) = &e.slug {
                if let Some(&first) = index.by_slug.get(slug) {
                    // Hugo publishes one over the other: a warning in each file, and a link to
                    // the slug is ambiguous (the resolver says so, at the link).
                    let other = &index.entries[first];
                    for (at, with) in [(e, other), (other, e)] {
                        problems.push(Diagnostic {
                            severity: Severity::Warning,
                            file: at.file.clone(),
                            line: at.slug_at.0,
                            column: at.slug_at.1,
                            message: format!(
                                "two posts have the slug `{slug}`: {} and {}",
                                at.file, with.file
                            ),
                            hint: Some("give one of them another `slug:`".into()),
                        });
                    }
                    index
                        .shared_slugs
                        .entry(slug.clone())
                        .or_insert_with(|| vec![first])
                        .push(i);
                } else {
                    index.by_slug.insert(slug.clone(), i);
                }
            }
            for p in &e.paths {
                index.by_path.entry(p.clone()).or_insert(i);
            }
        }
        (index, problems)
    }

    fn refs(&self) -> &Refs {
        self.refs.get_or_init(|| {
            let mut refs = Refs::default();
            for (i, e) in self.entries.iter().enumerate() {
                refs.by_chapter.entry(e.path.clone()).or_insert(i);
                refs.by_source.insert(content_key(&e.source), i);
                if let Some(name) = bundle_or_file_name(&e.source) {
                    refs.by_name.entry(name).or_default().push(i);
                }
            }
            refs
        })
    }

    /// The first chapter at `path` (as mdBook renders it).
    pub fn chapter(&self, path: &Path) -> Option<usize> {
        self.refs().by_chapter.get(path).copied()
    }

    pub fn slug(&self, slug: &str) -> Option<usize> {
        self.by_slug.get(slug).copied()
    }

    /// The posts sharing `slug`, when more than one has it.
    pub fn shared_slug(&self, slug: &str) -> Option<&[usize]> {
        self.shared_slugs.get(slug).map(Vec::as_slice)
    }

    /// A site path (`/old/path/`) that an alias or `url` gives.
    pub fn site_path(&self, path: &str) -> Option<usize> {
        self.by_path.get(path.trim_end_matches('/')).copied()
    }

    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.by_slug.keys().map(String::as_str)
    }

    /// Resolves a `ref`/`relref` path as Hugo does: lowercased, spaces to `-`, `.md` added when
    /// there is no extension; relative to the page's folder, then from the content root, then a
    /// bare name by file or bundle name. `Err` names the candidates when a name is ambiguous.
    pub fn content_path(&self, from: &Path, path: &str) -> Result<Option<usize>, Vec<usize>> {
        let clean = path.trim().to_lowercase().replace(' ', "-");
        let rooted = clean.trim_start_matches('/');
        let dir = from.parent().unwrap_or(Path::new(""));
        let refs = self.refs();
        let mut tries = Vec::new();
        if !clean.starts_with('/') {
            tries.push(normalize(&dir.join(rooted)));
        }
        tries.push(normalize(Path::new(rooted)));
        for t in tries {
            let t = t.trim_end_matches('/').to_owned();
            let stem = t.strip_suffix(".md").unwrap_or(&t).to_owned();
            for key in [
                stem.clone(),
                format!("{stem}/index"),
                format!("{stem}/_index"),
            ] {
                if let Some(&i) = refs.by_source.get(&key) {
                    return Ok(Some(i));
                }
            }
        }
        if !rooted.contains('/') {
            let name = rooted.strip_suffix(".md").unwrap_or(rooted);
            let name = name.strip_suffix("/index").unwrap_or(name);
            return match refs.by_name.get(name).map(Vec::as_slice) {
                Some([one]) => Ok(Some(*one)),
                Some(many) => Err(many.to_vec()),
                None => Ok(None),
            };
        }
        Ok(None)
    }
}

/// A source path as `ref` compares them: lowercased, `/`-separated, without `.md`.
fn content_key(source: &Path) -> String {
    let s = normalize(source).to_lowercase().replace(' ', "-");
    s.strip_suffix(".md").map(str::to_owned).unwrap_or(s)
}

/// The name a bare `ref "x"` finds: the file's stem, or the bundle folder of an `index.md`.
fn bundle_or_file_name(source: &Path) -> Option<String> {
    let stem = source
        .file_stem()?
        .to_str()?
        .to_lowercase()
        .replace(' ', "-");
    if stem == "index" || stem == "_index" {
        return Some(
            source
                .parent()?
                .file_name()?
                .to_str()?
                .to_lowercase()
                .replace(' ', "-"),
        );
    }
    Some(stem)
}

/// `a/./b/../c` as `a/c`, with `/` separators.
/// `path` with `/` separators, `.` and `..` resolved, empty parts dropped.
pub(crate) fn normalize(path: &Path) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.to_str().unwrap_or_default().split(['/', '\\']) {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    parts.join("/")
}

/// A chapter's path (relative to the source folder) as links write it: `/`-separated, `.` and
/// `..` resolved, spaces as `%20`, and a README as the `index.md` mdBook's index preprocessor
/// renames it to when `readme_is_index`.
pub fn link_path(path: &Path, readme_is_index: bool) -> String {
    let mut link = normalize(path).replace(' ', "%20");
    if readme_is_index
        && path
            .file_stem()
            .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
    {
        let dir = link.rfind('/').map_or(0, |i| i + 1);
        link.replace_range(dir.., "index.md");
    }
    link
}

/// The relative URL from the chapter at link path `from` to the one at `to` (both from
/// [`link_path`]): `../kubernetes-intro/index.md`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    // The folders both share are left out; each other folder of `from` is a `../`.
    let mut rest = to;
    let mut up = 0;
    for folder in from_dir.split('/').filter(|f| !f.is_empty()) {
        match rest.strip_prefix(folder).and_then(|r| r.strip_prefix('/')) {
            Some(r) if up == 0 => rest = r,
            _ => up += 1,
        }
    }
    let mut out = String::with_capacity(3 * up + rest.len());
    for _ in 0..up {
        out.push_str("../");
    }
    out.push_str(rest);
    out
}

/// The site's static files (`images/x.jpg` to the file on disk), and those the book's links
/// reach, which the book copies.
#[derive(Debug, Default)]
pub struct Statics {
    pub files: std::collections::HashMap<String, PathBuf>,
    pub used: std::sync::Mutex<std::collections::BTreeSet<String>>,
}

impl Statics {
    /// Whether `path` (`images/x.jpg`) is a static file; it is then copied into the book.
    pub fn reach(&self, path: &str) -> bool {
        let found = self.files.contains_key(path);
        if found && let Ok(mut used) = self.used.lock() {
            used.insert(path.to_owned());
        }
        found
    }

    /// The static files the book's links reached: (the file, its path in the book).
    pub fn reached(&self) -> Vec<(PathBuf, String)> {
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        used.into_iter()
            .filter_map(|p| Some((self.files.get(&p)?.clone(), p)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
