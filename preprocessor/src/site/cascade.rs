//! Front-matter `cascade` as hugo 0.111 applies it: a branch bundle's `cascade` (a map, or a
//! list of maps each with an optional `_target` of `kind`, `path`, `lang`, `environment`
//! globs) gives its values to itself and every page below it that does not set the key
//! itself; a nearer section's value wins over a farther one's for the same target. It is how
//! a 0.111 site makes a whole section headless (`cascade: {_build: {render: never}}`).

use super::{Kind, Page, PageId};
use crate::front_matter;
use serde_json::{Map, Value};

/// A page's cascade: for each target, the values it gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cascade(pub Vec<(Target, Map<String, Value>)>);

/// Which pages a cascade entry is for (empty fields match every page).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    pub kind: String,
    pub path: String,
    pub lang: String,
    pub environment: String,
}

impl Cascade {
    /// The `cascade` of a front-matter map (keys lowercased), if any.
    pub fn of(front_matter: &Map<String, Value>) -> Option<Cascade> {
        let entries: Vec<Map<String, Value>> = match front_matter.get("cascade")? {
            Value::Object(m) => vec![m.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_object().cloned())
                .collect(),
            _ => return None,
        };
        let mut cascade = Cascade::default();
        for entry in entries {
            let entry: Map<String, Value> = entry
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect();
            let target = entry.get("_target").map(target_of).unwrap_or_default();
            cascade.add(target, entry);
        }
        Some(cascade)
    }

    /// Adds `values` for `target`, keeping values already there (Hugo merges same targets).
    fn add(&mut self, target: Target, values: Map<String, Value>) {
        match self.0.iter_mut().find(|(t, _)| *t == target) {
            Some((_, mine)) => {
                for (k, v) in values {
                    mine.entry(k).or_insert(v);
                }
            }
            None => self.0.push((target, values)),
        }
    }

    /// This cascade with what `parent` gives filled in (the nearer section wins).
    pub fn under(&self, parent: &Cascade) -> Cascade {
        let mut merged = self.clone();
        for (target, values) in &parent.0 {
            merged.add(target.clone(), values.clone());
        }
        merged
    }

    /// Fills `front_matter` with the values meant for a page of `kind` at content path
    /// `path` (`/post/x.md`); whether any key was added.
    pub fn apply(
        &self,
        front_matter: &mut Map<String, Value>,
        kind: &str,
        path: &str,
        lang: &str,
    ) -> bool {
        let mut added = false;
        for (target, values) in &self.0 {
            if !target.matches(kind, path, lang) {
                continue;
            }
            for (k, v) in values {
                if k != "_target" && !front_matter.contains_key(k) {
                    front_matter.insert(k.clone(), v.clone());
                    added = true;
                }
            }
        }
        added
    }
}

fn target_of(value: &Value) -> Target {
    let field = |name: &str| {
        value
            .as_object()
            .and_then(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .and_then(|(_, v)| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    Target {
        kind: field("kind").to_lowercase(),
        path: field("path"),
        lang: field("lang"),
        environment: field("environment"),
    }
}

impl Target {
    fn matches(&self, kind: &str, path: &str, lang: &str) -> bool {
        let ok = |pattern: &str, value: &str| pattern.is_empty() || glob(pattern, value);
        ok(&self.kind, kind)
            && ok(&self.path, &path.to_lowercase())
            && ok(&self.lang, lang)
            && ok(&self.environment, "production")
    }
}

/// A glob as Hugo's (gobwas) with `/` as separator: `**` any text, `*` any text without `/`,
/// `?` one character, `{a,b}` either; other characters themselves.
pub fn glob(pattern: &str, text: &str) -> bool {
    if let Some(open) = pattern.find('{')
        && let Some(close) = pattern
            .get(open..)
            .and_then(|r| r.find('}'))
            .map(|c| open + c)
    {
        let (head, tail) = (&pattern[..open], &pattern[close + 1..]);
        return pattern[open + 1..close]
            .split(',')
            .any(|alt| glob(&format!("{head}{alt}{tail}"), text));
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    matches(&p, &t)
}

fn matches(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') if p.get(1) == Some(&'*') => (0..=t.len()).any(|i| matches(&p[2..], &t[i..])),
        Some('*') => (0..=t.len())
            .take_while(|&i| i == 0 || t.get(i - 1) != Some(&'/'))
            .any(|i| matches(&p[1..], &t[i..])),
        Some('?') => !t.is_empty() && t[0] != '/' && matches(&p[1..], &t[1..]),
        Some(c) => t.first() == Some(c) && matches(&p[1..], &t[1..]),
    }
}

/// Applies every branch bundle's `cascade` to the pages below it (and itself): a page given
/// a value it lacks is read again with it.
pub(super) fn apply_all(
    pages: &mut [Page],
    own: &[Option<Cascade>],
    plurals: &[String],
    lang: &str,
) {
    if own.iter().all(Option::is_none) {
        return;
    }
    let mut branches: Vec<PageId> = (0..pages.len())
        .filter(|&i| pages[i].kind != Kind::Page)
        .collect();
    branches.sort_by_key(|&i| (pages[i].kind != Kind::Home, pages[i].sections.len()));
    let mut effective: Vec<Option<Cascade>> = vec![None; pages.len()];
    for id in branches {
        let inherited = pages[id]
            .parent
            .and_then(|p| effective.get(p).cloned().flatten());
        let mine = own.get(id).cloned().flatten();
        effective[id] = match (mine, inherited) {
            (Some(m), Some(p)) => Some(m.under(&p)),
            (m, p) => m.or(p),
        };
    }
    for (id, page) in pages.iter_mut().enumerate() {
        let from = if page.kind == Kind::Page {
            page.parent
        } else {
            Some(id)
        };
        let Some(c) = from.and_then(|f| effective.get(f)).and_then(Option::as_ref) else {
            continue;
        };
        let Some(file) = &page.file else { continue };
        let Some(block) = &file.front_matter else {
            continue;
        };
        let Ok(mut map) = front_matter::parse(&file.text, block) else {
            continue;
        };
        let path = format!("/{}", file.path);
        if !c.apply(&mut map, page.kind.name(), &path, lang) {
            continue;
        }
        // The file's own problems were reported when it was first read.
        let (post, terms, _) = super::assemble::resolve(&map, &file.text, block, plurals);
        page.title = post.title.clone().unwrap_or_default();
        page.link_title = post
            .link_title
            .clone()
            .unwrap_or_else(|| page.title.clone());
        page.date = post.date;
        page.weight = post.weight;
        page.terms = terms;
        page.post = post;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn nearer_values_win_and_the_page_own_values_most() {
        let section = Cascade::of(&map(
            json!({"cascade": {"_build": {"list": "never"}, "x": 1}}),
        ))
        .unwrap();
        let home = Cascade::of(&map(json!({"cascade": [{"x": 2, "y": 3}]}))).unwrap();
        let merged = section.under(&home);
        let mut fm = map(json!({"y": 9}));
        assert!(merged.apply(&mut fm, "page", "/post/a.md", "en"));
        assert_eq!(
            Value::Object(fm),
            json!({"_build": {"list": "never"}, "x": 1, "y": 9})
        );
    }

    #[test]
    fn targets_choose_the_pages() {
        let c = Cascade::of(&map(json!({"cascade": [
            {"_target": {"kind": "page", "path": "/post/**"}, "a": 1},
            {"_target": {"kind": "section"}, "b": 2}
        ]})))
        .unwrap();
        let mut page = Map::new();
        c.apply(&mut page, "page", "/post/deep/x.md", "en");
        assert_eq!(Value::Object(page), json!({"a": 1}));
        let mut other = Map::new();
        c.apply(&mut other, "page", "/notes/x.md", "en");
        assert!(other.is_empty());
        assert!(glob("{/a/**,/b/*}", "/b/x"));
        assert!(!glob("/b/*", "/b/x/y"));
    }
}
