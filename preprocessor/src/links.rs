//! Links between posts, Hugo's way: `/p/<slug>/` permalinks (the pattern is configurable, and
//! absolute URLs on the site's base URL count), aliases and `url`s, and `ref`/`relref` shortcode
//! paths (and, in a book made from the site, relative links that lead to a page: `../x/`,
//! `x.md`), each resolved to the relative path of the target chapter's file, anchor and query kept.
//! What does not resolve says why, with the closest slug or heading when there is one. This is
//! the links stage of a chapter's rewrite: [`edits`] turns every link site into an edit or a
//! problem.

/// Posts on disk under the source folder that SUMMARY.md does not list: slug to file, read at
/// the edge (`disk`), so a link to one can say how to fix it.
pub type Unlisted = HashMap<String, String>;

/// The links stage: each of the chapter's link sites rewritten, or a problem (and under `mdbook
/// serve` a mark after the link, so the writer sees it in the page).
pub fn edits(
    read: &Read,
    source: &str,
    me: &Entry,
    resolver: &Resolver,
    settings: &Settings,
    edits: &mut Vec<Edit>,
    problems: &mut Vec<Diagnostic>,
) {
    for site in &read.scan.sites {
        match resolver.resolve(me, site) {
            Outcome::Leave => {}
            Outcome::Rewrite(text) => edits.push(Edit::replace(site.range.clone(), text)),
            Outcome::Problem(p) => {
                if settings.serve {
                    edits.push(Edit::insert(
                        site.after,
                        render::link_mark(&p.message, settings.html),
                    ));
                }
                let mut d = Diagnostic::at(&read.file, source, site.range.start, p.message)
                    .severity(p.severity);
                d.hint = p.hint;
                problems.push(d);
            }
        }
    }
}

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::edit::Edit;
use crate::escape;
use crate::index::Statics;
use crate::index::{self, Entry, Index};
use crate::read::Read;
use crate::render;
use crate::scan::{Form, Site};
use std::collections::HashMap;
use std::path::Path;

/// What to do with one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not a link to a post (an external URL, a relative file): left exactly as written.
    Leave,
    /// Replace the site's range with this text.
    Rewrite(String),
    /// A link to a post that does not resolve.
    Problem(Unresolved),
}

/// Why a link does not resolve, what to do, and whether the build may go on: a `ref` to no
/// page is an error as in Hugo, and so is a link that could mean two posts; a plain link to no
/// post or heading, which Hugo publishes as written, is a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

fn unresolved(severity: Severity, message: String, hint: Option<String>) -> Unresolved {
    Unresolved {
        severity,
        message,
        hint,
    }
}

/// A resolved target: the chapter's index, the query and the fragment; `None` when the link is
/// not to a post; `Err` with what is wrong.
/// A chapter found (its index), with the query and fragment of the link that found it.
type Target<'d> = (usize, Option<&'d str>, Option<&'d str>);
type Lookup<'d> = Result<Option<Target<'d>>, Unresolved>;

/// Resolves links against the book's index.
pub struct Resolver<'a> {
    index: &'a Index,
    settings: &'a Settings,
    prefix: String,
    suffix: String,
    unlisted: &'a Unlisted,
    /// The site's static files, in a book made from the site.
    statics: Option<&'a Statics>,
}

impl<'a> Resolver<'a> {
    /// The same resolver, also finding the site's static files (`/images/x.jpg`).
    pub fn with_statics(mut self, statics: &'a Statics) -> Self {
        self.statics = Some(statics);
        self
    }

    pub fn new(index: &'a Index, settings: &'a Settings, unlisted: &'a Unlisted) -> Self {
        let (prefix, suffix) = settings
            .permalink
            .split_once(":slug")
            .unwrap_or(("/p/", "/"));
        Resolver {
            index,
            settings,
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
            unlisted,
            statics: None,
        }
    }

    /// Resolves `site`, found in chapter `from`.
    pub fn resolve(&self, from: &Entry, site: &Site) -> Outcome {
        let target = match site.form {
            Form::Shortcode => self.shortcode(from, &site.dest),
            Form::Destination | Form::Autolink => match self.permalink(&site.dest) {
                Ok(None) => Ok(self.relative(from, &site.dest)),
                other => other,
            },
        };
        let (i, query, fragment) = match target {
            Ok(Some(t)) => t,
            Ok(None) | Err(_) if site.form != Form::Shortcode && self.is_static(&site.dest) => {
                return self.static_url(from, site);
            }
            Ok(None) => return Outcome::Leave,
            Err(p) => return Outcome::Problem(p),
        };
        let to = &self.index.entries[i];
        // A `ref` must find its page, as in Hugo; a plain link is published whatever it says.
        let missing = match site.form {
            Form::Shortcode => Severity::Error,
            _ => Severity::Warning,
        };
        if to.omitted {
            return Outcome::Problem(unresolved(
                missing,
                format!("`{}` links to {}, a draft left out of this build", site.dest, to.file),
                Some("link to it once it is published, or build with `drafts = true` in [preprocessor.hugo]".into()),
            ));
        }
        let wanted = fragment.map(crate::percent::decode);
        if let Some(f) = wanted.filter(|f| !f.is_empty() && !to.anchors.contains(f.as_ref())) {
            let hint = did_you_mean(&f, to.anchors.iter().map(String::as_str))
                .map(|c| format!("did you mean `#{c}`?"))
                .or_else(|| Some(format!("link to one of the headings of {}", to.file)));
            return Outcome::Problem(unresolved(
                Severity::Warning,
                format!(
                    "no heading `#{f}` in {} (linked as `{}`)",
                    to.file, site.dest
                ),
                hint,
            ));
        }
        // The query and fragment go out as the author wrote them (escapes and all), so the
        // markdown means the same; only the path changes.
        let (raw, raw_fragment) = split_off(&site.raw, '#');
        let (_, raw_query) = split_off(raw, '?');
        let url = self.url(from, to, query.and(raw_query), fragment.and(raw_fragment));
        Outcome::Rewrite(match site.form {
            Form::Autolink => format!("[{}]({url})", escape::markdown(&site.dest)),
            _ => url,
        })
    }

    /// The path below the site's root of a link on the site (`/images/x.jpg`, or the same on
    /// the base URL), decoded: `images/x.jpg`.
    fn site_file<'d>(&self, dest: &'d str) -> Option<(String, &'d str)> {
        let on_site = match &self.settings.base_url {
            Some(base) => dest.strip_prefix(base.as_str()).unwrap_or(dest),
            None => dest,
        };
        if !on_site.starts_with('/') || on_site.starts_with("//") {
            return None;
        }
        let end = on_site.find(['?', '#']).unwrap_or(on_site.len());
        let (path, rest) = on_site.split_at(end);
        Some((
            crate::percent::decode(path.trim_start_matches('/')).into_owned(),
            rest,
        ))
    }

    fn is_static(&self, dest: &str) -> bool {
        let Some(statics) = self.statics else {
            return false;
        };
        self.site_file(dest)
            .is_some_and(|(path, _)| statics.reach(&path))
    }

    /// A link to a static file, relative to the chapter (the book copies the file to its place).
    fn static_url(&self, from: &Entry, site: &Site) -> Outcome {
        let Some((path, _)) = self.site_file(&site.dest) else {
            return Outcome::Leave;
        };
        let mut url = index::relative(&from.link, &path.replace(' ', "%20"));
        // The query and fragment as written.
        if let Some(at) = site.raw.find(['?', '#']) {
            url.push_str(&site.raw[at..]);
        }
        Outcome::Rewrite(match site.form {
            Form::Autolink => format!("[{}]({url})", escape::markdown(&site.dest)),
            _ => url,
        })
    }

    /// The relative URL from `from` to `to`: the `.md` file mdBook renames, or the `.html` page
    /// itself when a query must survive (mdBook's `.md` rewriting drops queries).
    fn url(&self, from: &Entry, to: &Entry, query: Option<&str>, fragment: Option<&str>) -> String {
        let mut url = index::relative(&from.link, &to.link);
        if let Some(q) = query {
            if self.settings.html {
                if url.ends_with(".md") {
                    url.truncate(url.len() - ".md".len());
                }
                url.push_str(".html");
            }
            url.push('?');
            url.push_str(q);
        }
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        url
    }

    /// A site path: `/p/<slug>/...`, an alias or `url`, or the same on the base URL.
    fn permalink<'d>(&self, dest: &'d str) -> Lookup<'d> {
        let on_site = match &self.settings.base_url {
            Some(base) => dest
                .strip_prefix(base.as_str())
                .filter(|r| r.is_empty() || r.starts_with(['/', '?', '#']))
                .unwrap_or(dest),
            None => dest,
        };
        if !on_site.starts_with('/') || on_site.starts_with("//") {
            return Ok(None);
        }
        let (rest, fragment) = split_off(on_site, '#');
        let (path, query) = split_off(rest, '?');
        if let Some(i) = self.index.site_path(path) {
            return Ok(Some((i, query, fragment)));
        }
        let Some(slug) = self.slug_of(path) else {
            return Ok(None);
        };
        if let Some(many) = self.index.shared_slug(slug) {
            let files: Vec<&str> = many
                .iter()
                .map(|&i| self.index.entries[i].file.as_str())
                .collect();
            return Err(unresolved(
                Severity::Error,
                format!(
                    "`{dest}` could be any of the posts with slug `{slug}`: {}",
                    files.join(", ")
                ),
                Some(
                    "give one of them another `slug:`, or link with `{{< ref \"path\" >}}`".into(),
                ),
            ));
        }
        match self.index.slug(slug) {
            Some(i) => Ok(Some((i, query, fragment))),
            None => Err(self.unknown_slug(slug, dest)),
        }
    }

    /// In a book made from the site, a relative link (`../configure/`, `other.md#x`) that
    /// leads to a page: from the page's URL, as on the blog, else from its content file. Other
    /// relative links (a bundle's `diagram.png`) are the author's, as written.
    fn relative<'d>(&self, from: &Entry, dest: &'d str) -> Option<Target<'d>> {
        if self.settings.chapters != crate::config::Chapters::Site {
            return None;
        }
        let scheme = dest
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'));
        if dest.starts_with(['/', '#', '?']) || scheme {
            return None;
        }
        let (rest, fragment) = split_off(dest, '#');
        let (path, query) = split_off(rest, '?');
        if path.is_empty() {
            return None;
        }
        let url_dir = from.link.rsplit_once('/').map_or("", |(d, _)| d);
        let file_dir = from.source.parent().unwrap_or(Path::new(""));
        [Path::new(url_dir), file_dir].into_iter().find_map(|dir| {
            let to = index::normalize(&dir.join(path));
            self.index
                .site_path(&format!("/{to}"))
                .map(|i| (i, query, fragment))
        })
    }

    /// The slug in a path shaped like the permalink pattern, with or without its trailing `/`.
    fn slug_of<'d>(&self, path: &'d str) -> Option<&'d str> {
        let rest = path.strip_prefix(self.prefix.as_str())?;
        let slug = rest
            .strip_suffix(self.suffix.as_str())
            .or_else(|| rest.strip_suffix(self.suffix.trim_end_matches('/')))
            .unwrap_or(rest);
        (!slug.is_empty() && !slug.contains('/')).then_some(slug)
    }

    fn unknown_slug(&self, slug: &str, dest: &str) -> Unresolved {
        if let Some(file) = self.unlisted.get(slug) {
            return unresolved(
                Severity::Warning,
                format!(
                    "`{dest}`: the post with slug `{slug}` is {file}, which SUMMARY.md does not list"
                ),
                Some(format!("add it to {}/SUMMARY.md", self.settings.src)),
            );
        }
        let hint = did_you_mean(slug, self.index.slugs())
            .map(|c| format!("did you mean `{c}`?"))
            .unwrap_or_else(|| "check the post's `slug:` front matter".into());
        unresolved(
            Severity::Warning,
            format!("unknown post `{slug}` in link {dest}"),
            Some(hint),
        )
    }

    fn shortcode<'d>(&self, from: &Entry, dest: &'d str) -> Lookup<'d> {
        let (path, fragment) = split_off(dest, '#');
        if path.is_empty() {
            let me = self.index.chapter(&from.path);
            return Ok(me.map(|i| (i, None, fragment)));
        }
        match self.index.content_path(&from.source, path) {
            Ok(Some(i)) => Ok(Some((i, None, fragment))),
            Ok(None) => Err(unresolved(
                Severity::Error,
                format!("`ref \"{dest}\"`: no post at `{path}` in the book"),
                Some("write the path from the book's source folder, like `post/x/index.md`, or the post's file name".into()),
            )),
            Err(many) => {
                let files: Vec<&str> = many.iter().map(|&i| self.index.entries[i].file.as_str()).collect();
                Err(unresolved(
                    Severity::Error,
                    format!("`ref \"{dest}\"` is ambiguous: {}", files.join(", ")),
                    Some("write more of the path".into()),
                ))
            }
        }
    }
}

/// `s` split at the first `sep`: before, and after when there is one.
fn split_off(s: &str, sep: char) -> (&str, Option<&str>) {
    match s.split_once(sep) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

#[cfg(test)]
mod tests;
