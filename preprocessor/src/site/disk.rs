//! The one place the site is read from the disk: which configuration files exist (the root
//! file, `config/_default/` and `config/<environment>/`, and the same in each theme's folder),
//! and the content folder's files, whose text is read for content files only, spread over the
//! machine's cores, with their modification times and last commits (`git log`) when the
//! site's `[frontmatter]` takes dates from them. Everything read goes to the pure [`Site::new`].

use super::config_source::{self, ConfigFile, ROOT_NAMES};
use super::{Config, ContentFile, Site};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::post::dates::{Source, Sources};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(super) fn load(root: &Path, environment: &str, now: &Date) -> (Site, Vec<Diagnostic>) {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
    let (config, mut problems) = config(&root, environment);
    let content_root = root.join(&config.content_dir);
    let files = content_files(&content_root, config.dates.as_ref());
    let content_root = content_root.to_string_lossy().replace('\\', "/");
    let (site, found) = Site::new(config, &content_root, files, now);
    problems.extend(found);
    (site, problems)
}

/// The site's merged configuration, its themes' included.
pub(super) fn config(root: &Path, environment: &str) -> (Config, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let files = config_files(root, environment, &mut problems);
    let first = files
        .first()
        .map_or("hugo.toml".to_owned(), |f| f.path.clone());
    if files.is_empty() {
        problems.push(Diagnostic {
            severity: Severity::Error,
            file: root.display().to_string(),
            line: 1,
            column: 1,
            message: "no Hugo configuration here (hugo.toml, config.toml, config/_default/...)"
                .into(),
            hint: Some(
                "point at the folder of the Hugo site; its defaults are used meanwhile".into(),
            ),
        });
    }
    let (mut map, found) = config_source::merge(&files, "config");
    problems.extend(found);
    let (first_read, _) = Config::from_map(map.clone(), &first);
    for theme in &first_read.themes {
        let dir = root.join(&first_read.themes_dir).join(theme);
        if !dir.is_dir() {
            problems.push(Diagnostic {
                severity: Severity::Warning,
                file: first.clone(),
                line: 1,
                column: 1,
                message: format!(
                    "theme `{theme}` is not in {}/; its configuration (params) is not read",
                    first_read.themes_dir
                ),
                hint: Some("a theme imported as a Hugo module is not read either".into()),
            });
            continue;
        }
        let theme_files = config_files(&dir, environment, &mut problems);
        let (theme_map, found) = config_source::merge(&theme_files, "config");
        problems.extend(found);
        config_source::merge_theme(&mut map, &theme_map);
    }
    let (config, found) = Config::from_map(map, &first);
    problems.extend(found);
    (config, problems)
}

/// Whether `root` holds a Hugo site's configuration.
pub(super) fn has_config(root: &Path) -> bool {
    ROOT_NAMES.iter().any(|n| root.join(n).is_file()) || root.join("config/_default").is_dir()
}

/// The configuration files of the site (or theme) at `root`, in Hugo's merge order, with
/// paths relative to `root`.
fn config_files(root: &Path, environment: &str, problems: &mut Vec<Diagnostic>) -> Vec<ConfigFile> {
    let mut out = Vec::new();
    if let Some(name) = ROOT_NAMES.iter().find(|n| root.join(n).is_file()) {
        push(root, Path::new(name), &mut out, problems);
    }
    for dir in ["_default", environment] {
        let base = Path::new("config").join(dir);
        let mut found = Vec::new();
        walk(&root.join(&base), &base, &mut found);
        for rel in found {
            let name = rel.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.is_some_and(|n| config_source::is_config_file(&n)) {
                push(root, &rel, &mut out, problems);
            }
        }
    }
    out
}

fn push(root: &Path, rel: &Path, out: &mut Vec<ConfigFile>, problems: &mut Vec<Diagnostic>) {
    let path = rel.to_string_lossy().replace('\\', "/");
    match std::fs::read_to_string(root.join(rel)) {
        Ok(text) => out.push(ConfigFile { path, text }),
        Err(e) => problems.push(Diagnostic {
            severity: Severity::Error,
            file: path,
            line: 1,
            column: 1,
            message: format!("cannot read the configuration file: {e}"),
            hint: None,
        }),
    }
}

/// Files below `dir` (recursively, in name order, folders walked where they sort), as paths
/// `prefix/...`. Symbolic links to folders are not followed (Hugo skips them too). A folder of
/// many folders (a blog's posts, a bundle each) is walked on every core.
fn walk(dir: &Path, prefix: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    let one = |entry: &std::fs::DirEntry, out: &mut Vec<PathBuf>| {
        let rel = prefix.join(entry.file_name());
        let Ok(kind) = entry.file_type() else {
            return;
        };
        if kind.is_dir() {
            walk(&entry.path(), &rel, out);
        } else if kind.is_file() || (kind.is_symlink() && entry.path().is_file()) {
            out.push(rel);
        }
    };
    let folders = entries
        .iter()
        .filter(|e| e.file_type().is_ok_and(|k| k.is_dir()))
        .count();
    if folders < 64 {
        entries.iter().for_each(|e| one(e, out));
        return;
    }
    let found = crate::schedule::map(crate::engine::threads(), entries.len(), &|i| {
        let mut found = Vec::new();
        one(&entries[i], &mut found);
        found
    });
    out.extend(found.into_iter().flatten());
}

/// The content folder's files, content files with their text, and the times a date may come
/// from when `dates` reads them (`:fileModTime`, `:git`).
fn content_files(content_root: &Path, dates: Option<&Sources>) -> Vec<ContentFile> {
    let mut paths = Vec::new();
    walk(content_root, Path::new(""), &mut paths);
    let paths: Vec<String> = paths
        .into_iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let mod_time = dates.is_some_and(|d| d.wants(&Source::ModTime));
    let committed = if dates.is_some_and(|d| d.wants(&Source::Git)) {
        commits(content_root)
    } else {
        HashMap::new()
    };
    let read = |path: &String| {
        let full = content_root.join(path);
        ContentFile {
            path: path.clone(),
            text: super::tree::is_content(path)
                .then(|| std::fs::read(&full).ok())
                .flatten()
                .map(|bytes| {
                    String::from_utf8(bytes)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
                }),
            modified: mod_time
                .then(|| std::fs::metadata(&full).and_then(|m| m.modified()).ok())
                .flatten()
                .map(|t| chrono::DateTime::<chrono::Utc>::from(t).fixed_offset()),
            committed: committed.get(path).copied(),
        }
    };
    let threads = if paths.len() < 64 {
        1
    } else {
        crate::engine::threads()
    };
    crate::schedule::map(threads, paths.len(), &|i| read(&paths[i]))
}

/// The author date of each content file's last commit, as Hugo's `enableGitInfo` reads it from
/// `git log` (paths below the content folder). Empty when the folder is in no repository or git
/// is not installed: those dates then come from the next source, as in Hugo.
fn commits(content_root: &Path) -> HashMap<String, Date> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(content_root)
        .args([
            "-c",
            "core.quotePath=false",
            "-c",
            "log.showSignature=false",
            "log",
            "--no-merges",
            "--name-only",
            "--relative",
            "--format=%x1e%aI",
        ])
        .stderr(std::process::Stdio::null())
        .output();
    let mut dates = HashMap::new();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        return dates;
    };
    for commit in String::from_utf8_lossy(&out.stdout).split('\x1e') {
        let mut lines = commit.lines();
        let Some(date) = lines.next().and_then(crate::date::parse) else {
            continue;
        };
        for file in lines.filter(|l| !l.is_empty()) {
            // The newest commit comes first.
            dates.entry(file.to_owned()).or_insert(date);
        }
    }
    dates
}
