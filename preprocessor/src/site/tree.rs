//! The content tree as hugo 0.111 walks it: which files of the content folder are pages, which
//! are a bundle's resources and which it skips. A folder with `_index.<ext>` is a branch bundle
//! (its other content files are pages, its other files its resources, and the walk goes on into
//! its folders); a folder with `index.<ext>` (and no `_index`) is a leaf bundle: one page, and
//! every other file below it, `.md` included, a resource. Names starting with `.` or `#` or
//! ending with `~` are skipped, folders included, and so is any path an `ignoreFiles`
//! expression matches (Hugo matches the absolute path). `x.fr.md` is a translation when `fr`
//! is a configured language: only the default language is kept. `_`-prefixed names other than
//! `_index` are ordinary pages. A pure function from file paths to the tree.

use super::config::Config;
use super::hash::{Map as HashMap, Set as HashSet};
use std::collections::BTreeMap;

/// Hugo 0.111's content extensions.
const CONTENT_EXTENSIONS: [&str; 13] = [
    "html", "htm", "mdown", "markdown", "md", "asciidoc", "adoc", "ad", "rest", "rst", "org",
    "pandoc", "pdc",
];

/// Whether Hugo reads `name` as content (by its extension, case-sensitive as in Hugo).
pub fn is_content(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| CONTENT_EXTENSIONS.contains(&ext))
}

/// A file of the content folder as the walk found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path below the content folder, with `/` (`post/x/index.md`).
    pub path: String,
    /// For an `.html`/`.htm` file: whether it starts (after whitespace) with `<` and not an
    /// HTML comment, which makes it a plain file for Hugo, not content.
    pub html_document: bool,
    /// The caller's index for the file, handed back in [`PageFile::input`].
    pub index: usize,
}

/// What a page file heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// A single file page (`post/x.md`).
    None,
    /// `index.md`: a leaf bundle.
    Leaf,
    /// `_index.md`: a branch bundle (home, section, taxonomy or term).
    Branch,
}

/// A page file and what belongs to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    pub path: String,
    pub bundle: Bundle,
    /// The folder the page stands for: `post/x` for `post/x.md` and `post/x/index.md`,
    /// `post` for `post/_index.md`, `""` for the home page.
    pub dir: String,
    /// The name without language and extension: `x`, `index`, `_index`.
    pub base_name: String,
    /// Its resources' paths below the content folder, in Hugo's walk order.
    pub resources: Vec<String>,
    /// The [`Input::index`] of its file.
    pub input: usize,
}

/// Why the walk leaves a file out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A name (or a folder's) starting with `.` or `#` or ending with `~`.
    Hidden,
    /// An `ignoreFiles` expression matched (the expression).
    Ignored(String),
    /// A translation into another language (the language).
    Translation(String),
    /// Not content and in no bundle: Hugo copies it to the site as it is.
    NotContent,
    /// A second file for the same page (`x.md` beside `x.en.md`, or `index.md` beside
    /// `_index.md`, which Hugo warns about and reads as a page of the section).
    Duplicate,
}

/// The classified content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    /// Page files in path order.
    pub pages: Vec<PageFile>,
    pub skipped: Vec<(String, Skip)>,
    /// Files Hugo reads as pages of the section although named `index.*` (a folder with both
    /// `index` and `_index`): their paths, for a warning.
    pub both_indexes: Vec<String>,
}

/// Classifies `files`, the content folder's files. `content_root` is the folder's absolute
/// path (for `ignoreFiles`), with `/` separators.
pub fn classify(files: &[Input], config: &Config, content_root: &str) -> Tree {
    let mut tree = Tree::default();
    let mut by_dir: BTreeMap<&str, Vec<&Input>> = BTreeMap::new();
    for file in files {
        if let Some(skip) = skipped_by_name(&file.path, config, content_root) {
            tree.skipped.push((file.path.clone(), skip));
            continue;
        }
        let dir = file.path.rsplit_once('/').map_or("", |(d, _)| d);
        by_dir.entry(dir).or_default().push(file);
    }
    // Leaf bundles own everything below them: find them first, shallowest wins (a folder's
    // ancestors sort before it, so they are known when it is reached).
    let mut kinds: HashMap<&str, Bundle> = HashMap::default();
    for (&dir, files) in &by_dir {
        kinds.insert(dir, dir_kind(files, config));
    }
    let mut leaves: HashSet<&str> = HashSet::default();
    let mut owner: HashMap<&str, &str> = HashMap::default();
    for &dir in by_dir.keys() {
        let mut up = dir;
        let mut found = None;
        while let Some((parent, _)) = up.rsplit_once('/') {
            if leaves.contains(parent) {
                found = Some(parent);
            }
            up = parent;
        }
        if !dir.is_empty() && leaves.contains("") {
            found = Some("");
        }
        if let Some(leaf) = found {
            owner.insert(dir, leaf);
        } else if kinds.get(dir) == Some(&Bundle::Leaf) {
            leaves.insert(dir);
        }
    }
    let mut pages: Vec<PageFile> = Vec::new();
    let mut leaf_index: HashMap<&str, usize> = HashMap::default();
    for (&dir, files) in &by_dir {
        if owner.contains_key(dir) {
            // A folder inside a leaf bundle: all resources of the leaf (added below).
            continue;
        }
        let kind = kinds.get(dir).copied().unwrap_or(Bundle::None);
        let mut seen: HashSet<(&str, &str)> = HashSet::default();
        let mut branch_resources = Vec::new();
        let mut header: Option<usize> = None;
        for file in order_in_dir(files) {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let (base, lang, ext) = split_name(name, config);
            if let Some(lang) = lang.filter(|l| *l != config.default_language) {
                tree.skipped
                    .push((file.path.clone(), Skip::Translation(lang.to_owned())));
                continue;
            }
            let content = is_content(name) && !file.html_document;
            if files.len() > 1 && !seen.insert((base, ext)) {
                tree.skipped.push((file.path.clone(), Skip::Duplicate));
                continue;
            }
            let is_header = |b: &str| content && base == b;
            match kind {
                Bundle::Leaf if is_header("index") && header.is_none() => {
                    header = Some(pages.len());
                    leaf_index.insert(dir, pages.len());
                    pages.push(PageFile {
                        path: file.path.clone(),
                        bundle: Bundle::Leaf,
                        dir: dir.to_owned(),
                        base_name: base.to_owned(),
                        resources: Vec::new(),
                        input: file.index,
                    });
                }
                Bundle::Leaf => branch_resources.push(file.path.clone()),
                Bundle::Branch if is_header("_index") && header.is_none() => {
                    header = Some(pages.len());
                    pages.push(PageFile {
                        path: file.path.clone(),
                        bundle: Bundle::Branch,
                        dir: dir.to_owned(),
                        base_name: base.to_owned(),
                        resources: Vec::new(),
                        input: file.index,
                    });
                }
                _ if content => {
                    if base == "index" && kind == Bundle::Branch {
                        tree.both_indexes.push(file.path.clone());
                    }
                    pages.push(PageFile {
                        path: file.path.clone(),
                        bundle: Bundle::None,
                        dir: super::path::join(&[dir, base]),
                        base_name: base.to_owned(),
                        resources: Vec::new(),
                        input: file.index,
                    });
                }
                Bundle::Branch => branch_resources.push(file.path.clone()),
                _ => tree.skipped.push((file.path.clone(), Skip::NotContent)),
            }
        }
        if let Some(h) = header
            && let Some(page) = pages.get_mut(h)
        {
            page.resources = branch_resources;
        }
    }
    // Files in folders below a leaf bundle, in path order after the leaf's own.
    for (&dir, files) in &by_dir {
        let Some(&leaf) = owner.get(dir) else {
            continue;
        };
        let Some(page) = leaf_index.get(leaf).and_then(|&i| pages.get_mut(i)) else {
            continue;
        };
        for file in order_in_dir(files) {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            match split_name(name, config).1 {
                Some(lang) if lang != config.default_language => tree
                    .skipped
                    .push((file.path.clone(), Skip::Translation(lang.to_owned()))),
                _ => page.resources.push(file.path.clone()),
            }
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    tree.pages = pages;
    tree
}

/// What a folder's own files make of it: branch when it has an `_index` content file, else
/// leaf when it has an `index` one (in any configured language).
fn dir_kind(files: &[&Input], config: &Config) -> Bundle {
    let mut kind = Bundle::None;
    for file in files {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        if !is_content(name) || file.html_document {
            continue;
        }
        match split_name(name, config).0 {
            "_index" => return Bundle::Branch,
            "index" => kind = Bundle::Leaf,
            _ => {}
        }
    }
    kind
}

/// A folder's files in Hugo's walk order: files before content, then a language suffix
/// before none (Hugo weighs `x.en.md` above `x.md`), then by name.
fn order_in_dir<'a>(files: &[&'a Input]) -> Vec<&'a Input> {
    if files.len() < 2 {
        return files.to_vec();
    }
    let mut ordered: Vec<(u8, bool, &str, &'a Input)> = files
        .iter()
        .map(|f| {
            let name = f.path.rsplit('/').next().unwrap_or(&f.path);
            let content = is_content(name) && !f.html_document;
            let class = match name.split('.').next() {
                Some("_index") | Some("index") if content => 0,
                _ if content => 2,
                _ => 1,
            };
            let suffixed = name.matches('.').count() > 1;
            (class, !suffixed, name, *f)
        })
        .collect();
    ordered.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    ordered.into_iter().map(|(_, _, _, f)| f).collect()
}

/// `x.fr.md` as (`x`, `Some("fr")`, `md`) when `fr` is a configured language, else
/// (`x.fr`, `None`, `md`). A name without extension is its own base.
/// Hugo's `ContentBaseName` of a page file whose name (without language and extension) is
/// `base_name` and which stands for the folder `dir`: a bundle's `index` or `_index` is its
/// folder's name (`""` for the home page's), another file its own name.
pub fn content_base_name<'a>(base_name: &'a str, dir: &'a str) -> &'a str {
    match base_name {
        "index" | "_index" => dir.rsplit('/').next().unwrap_or(""),
        other => other,
    }
}

pub fn split_name<'a>(name: &'a str, config: &Config) -> (&'a str, Option<&'a str>, &'a str) {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return (name, None, "");
    };
    if let Some((base, lang)) = stem.rsplit_once('.')
        && config.languages.iter().any(|l| l == lang)
    {
        return (base, Some(lang), ext);
    }
    (stem, None, ext)
}

/// Why Hugo skips `path` before looking at what it is: a hidden name on the way, or an
/// `ignoreFiles` match of the file or a folder on the way.
fn skipped_by_name(path: &str, config: &Config, content_root: &str) -> Option<Skip> {
    if config.ignore_files.is_empty() {
        let hidden = path
            .split('/')
            .any(|part| part.starts_with('.') || part.starts_with('#') || part.ends_with('~'));
        return hidden.then_some(Skip::Hidden);
    }
    let mut prefix = String::with_capacity(content_root.len() + path.len() + 1);
    prefix.push_str(content_root.trim_end_matches('/'));
    for part in path.split('/') {
        if part.starts_with('.') || part.starts_with('#') || part.ends_with('~') {
            return Some(Skip::Hidden);
        }
        prefix.push('/');
        prefix.push_str(part);
        if let Some(re) = config.ignore_files.iter().find(|re| re.is_match(&prefix)) {
            return Some(Skip::Ignored(re.as_str().to_owned()));
        }
    }
    None
}

#[cfg(test)]
mod tests;
