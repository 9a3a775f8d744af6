//! Page URLs as hugo 0.111 computes them (resources/page/permalinks.go, page_paths.go): a
//! regular page or a term takes its top-level section's `permalinks` pattern (`:year`,
//! `:month`, `:monthname`, `:day`, `:weekday`, `:weekdayname`, `:yearday`, `:section`,
//! `:sections` and `:sections[1:]`-style slices, `:title`, `:slug`, `:slugorfilename`,
//! `:filename`, and Go date layouts such as `:2006`), expanded and then `QueryUnescape`d; else
//! its folder and slug or file name. A section is its path, a term `/<taxonomy>/<term>/`. Front
//! matter `url` replaces all of that (kept as written for a page). The path is sanitized and
//! lowercased (unless `disablePathToLower`), URL-escaped, and starts with the base URL's path.

use super::config::Config;
use super::path::{self, pjoin};
use crate::date::{Date, LONG_DAYS};
use chrono::{Datelike, Timelike};

/// What a page's URL is made from.
#[derive(Debug, Clone, Default)]
pub struct Target<'a> {
    /// `page`, `section`, `home`, `taxonomy` or `term`.
    pub kind: &'a str,
    /// The top-level section (`post`), `""` at the root; a taxonomy's or term's is its plural.
    pub section: &'a str,
    /// The page's section chain: a node's own path parts, a page's current section's.
    pub sections: &'a [String],
    /// The file's folder below the content folder with a trailing `/` (`post/`; a leaf
    /// bundle's is its parent folder), `""` at the root or without a file.
    pub dir: &'a str,
    /// The file's name without language and extension; a leaf bundle's folder name.
    pub base_name: &'a str,
    /// Front matter `slug`, trimmed of `-`.
    pub slug: Option<&'a str>,
    /// Front matter `url`.
    pub url: Option<&'a str>,
    pub title: &'a str,
    pub date: Option<&'a Date>,
}

/// The page's URL path (Hugo's `.RelPermalink`), from `config`'s permalinks and settings.
pub fn url(target: &Target, config: &Config) -> String {
    let keep_case = config.disable_path_to_lower;
    let kind = target.kind;
    let expanded = if kind == "page" || kind == "term" {
        config
            .permalink(target.section)
            .and_then(|pattern| expand(pattern, target, keep_case).ok())
            .and_then(|e| path::query_unescape(&e))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let url = target.url.filter(|u| !u.is_empty());
    let base_name = target
        .slug
        .filter(|s| !s.is_empty())
        .unwrap_or(target.base_name);
    let same_as_type = !base_name.is_empty() && base_name == "index";
    let ugly = config.ugly_urls || (expanded.is_empty() && same_as_type);
    let prefix = config.language_prefix();
    let prefix = prefix.trim_start_matches('/');

    let mut page_path = "/".to_owned();
    let mut needs_base = true;
    if kind != "page" && url.is_none() && !target.sections.is_empty() {
        page_path = if expanded.is_empty() {
            let parts: Vec<&str> = target.sections.iter().map(String::as_str).collect();
            pjoin(&parts)
        } else {
            pjoin(&[&page_path, &expanded])
        };
        needs_base = false;
    }
    let mut link;
    if let (Some(url), true) = (url, kind != "home") {
        page_path = pjoin(&[&page_path, url]);
        link = page_path.clone();
        let has_dot = url.contains('.');
        let has_slash = url.ends_with('/');
        if has_slash || !has_dot {
            page_path = pjoin(&[&page_path, "index.html"]);
        }
        if !page_path.ends_with("/index.html") {
            link = page_path;
        } else if !has_slash {
            link.push('/');
        }
        if !url.starts_with('/') && !prefix.is_empty() && !url.starts_with(&format!("/{prefix}")) {
            link = pjoin(&[prefix, &link]);
        }
    } else if kind == "page" {
        page_path = if expanded.is_empty() {
            pjoin(&[&page_path, target.dir, base_name])
        } else {
            pjoin(&[&page_path, &expanded])
        };
        link = page_path.clone();
        if same_as_type {
            link = link.strip_suffix(base_name).unwrap_or(&link).to_owned();
        }
        link.push('/');
        if ugly {
            page_path = format!("{}.html", page_path.trim_matches('/'));
        } else {
            page_path = pjoin(&[&page_path, "index.html"]);
        }
        if !page_path.ends_with("/index.html") {
            link = page_path;
        }
        if !prefix.is_empty() {
            link = pjoin(&[prefix, &link]);
        }
    } else {
        let base = if needs_base || !ugly { "index" } else { "" };
        link = page_path.clone();
        page_path = if base.is_empty() {
            format!("{}.html", page_path.trim_matches('/'))
        } else {
            path::join(&[&page_path, "index.html"])
        };
        if !page_path.ends_with("/index.html") {
            link = page_path;
        } else {
            link.push('/');
        }
        if !prefix.is_empty() {
            link = pjoin(&[prefix, &link]);
        }
    }
    let had_slash = link.ends_with('/');
    let mut link = link.trim_matches('/').to_owned();
    if had_slash {
        link.push('/');
    }
    if !link.starts_with('/') {
        link.insert(0, '/');
    }
    if kind != "page" || url.is_none() {
        link = path::make_path(&link, keep_case);
    }
    let mut link = path::url_escape(&link);
    if link.is_empty() {
        link.push('/');
    }
    format!("{}{link}", config.base_path)
}

/// Why a permalink pattern cannot be used, as Hugo says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// An empty segment (`//`) before the end.
    IllFormed,
    /// An attribute Hugo does not know (the attribute).
    Unknown(String),
}

/// Checks `pattern` as Hugo does when it loads the configuration.
pub fn validate(pattern: &str) -> Result<(), PatternError> {
    let rest = pattern.get(1..).unwrap_or("");
    let fragments: Vec<&str> = rest.split('/').collect();
    let mut bail = false;
    for fragment in fragments {
        if bail {
            return Err(PatternError::IllFormed);
        }
        if fragment.is_empty() {
            bail = true;
            continue;
        }
        for (attr, _) in attributes(fragment) {
            if !known(attr) {
                return Err(PatternError::Unknown(attr.to_owned()));
            }
        }
    }
    Ok(())
}

/// The `:name` and `:name[...]` attributes of `pattern` (Go's `:\w+(\[.+?\])?`): each
/// attribute's text without the `:`, and its byte range in `pattern`.
fn attributes(pattern: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let bytes = pattern.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b':') || !bytes.get(i + 1).copied().is_some_and(word) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while bytes.get(end).copied().is_some_and(word) {
            end += 1;
        }
        if bytes.get(end) == Some(&b'[')
            && let Some(close) = pattern.get(end + 2..).and_then(|r| r.find(']'))
        {
            end = end + 2 + close + 1;
        }
        if let Some(attr) = pattern.get(i + 1..end) {
            out.push((attr, i..end));
        }
        i = end;
    }
    out
}

const NAMED: [&str; 13] = [
    "year",
    "month",
    "monthname",
    "day",
    "weekday",
    "weekdayname",
    "yearday",
    "section",
    "sections",
    "title",
    "slug",
    "slugorfilename",
    "filename",
];

fn known(attr: &str) -> bool {
    NAMED.contains(&attr) || attr.starts_with("sections[") || go_layout(attr).is_some()
}

/// Expands `pattern` for `target`, each attribute replaced in turn (the first occurrence of
/// its text, as Hugo's `strings.Replace(.., 1)` does). Check the pattern with [`validate`]
/// first: an unknown attribute is an error here too, an ill-formed pattern is not.
pub fn expand(pattern: &str, target: &Target, keep_case: bool) -> Result<String, PatternError> {
    let mut out = pattern.to_owned();
    for (attr, range) in attributes(pattern) {
        let value = value(attr, target, keep_case)?;
        let text = pattern.get(range).unwrap_or("");
        out = out.replacen(text, &value, 1);
    }
    Ok(out)
}

fn value(attr: &str, t: &Target, keep_case: bool) -> Result<String, PatternError> {
    let date = t.date.map(|d| d.naive_local()).unwrap_or_default();
    // Go's zero time: 0001-01-01, a Monday.
    let date = if t.date.is_some() {
        date
    } else {
        chrono::NaiveDate::from_ymd_opt(1, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default()
    };
    let urlize = |s: &str| path::urlize(s, keep_case);
    let filename = || {
        if t.base_name == "index" {
            let dir = t.dir.trim_end_matches('/');
            urlize(dir.rsplit('/').next().unwrap_or(dir))
        } else {
            urlize(t.base_name)
        }
    };
    let slug = t.slug.filter(|s| !s.is_empty());
    Ok(match attr {
        "year" => date.year().to_string(),
        "month" => format!("{:02}", date.month()),
        "monthname" => MONTHS
            .get(date.month0() as usize)
            .copied()
            .unwrap_or("")
            .to_owned(),
        "day" => format!("{:02}", date.day()),
        "weekday" => date.weekday().num_days_from_sunday().to_string(),
        "weekdayname" => LONG_DAYS
            .get(date.weekday().num_days_from_sunday() as usize)
            .copied()
            .unwrap_or("")
            .to_owned(),
        "yearday" => date.ordinal().to_string(),
        "section" => t.section.to_owned(),
        "sections" => t.sections.join("/"),
        "title" => urlize(t.title),
        "slug" => urlize(slug.unwrap_or(t.title)),
        "slugorfilename" => slug.map_or_else(filename, urlize),
        "filename" => filename(),
        _ if attr.starts_with("sections[") => {
            slice(t.sections, attr.trim_start_matches("sections")).join("/")
        }
        _ => go_layout(attr)
            .map(|tokens| format_go(&tokens, &date))
            .ok_or_else(|| PatternError::Unknown(attr.to_owned()))?,
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Hugo's `:sections[...]` cut: `[2]`, `[1:]`, `[:2]`, `[last]`, lenient out of bounds.
fn slice<'a>(sections: &'a [String], cut: &str) -> &'a [String] {
    let cut = cut.trim().to_lowercase();
    if cut.is_empty() {
        return sections;
    }
    let Some(inner) = cut.strip_prefix('[').and_then(|c| c.strip_suffix(']')) else {
        return &[];
    };
    if sections.is_empty() {
        return &[];
    }
    let n = |s: &str, low: bool| -> usize {
        match s {
            "" if low => 0,
            "" => sections.len(),
            "last" => sections.len() - 1,
            s => s
                .parse::<i64>()
                .unwrap_or(0)
                .clamp(0, sections.len() as i64) as usize,
        }
    };
    match inner.split_once(':') {
        None => {
            let i = n(inner, true);
            match sections.get(i..i + 1) {
                Some(one) if one.first().is_some_and(|s| !s.is_empty()) => one,
                _ => &[],
            }
        }
        Some((low, high)) => {
            let (low, high) = (n(low, true), n(high, false));
            sections.get(low..high).unwrap_or(&[])
        }
    }
}

/// The elements of a Go time layout an attribute is, when it differs from its own
/// formatting of Go's reference time (Hugo's test for a date-format attribute).
fn go_layout(attr: &str) -> Option<Vec<GoTok<'_>>> {
    let mut tokens = Vec::new();
    let mut rest = attr;
    let mut any = false;
    while !rest.is_empty() {
        if let Some((text, tok)) = GO_ELEMENTS.iter().find(|(text, _)| rest.starts_with(text)) {
            tokens.push(*tok);
            rest = &rest[text.len()..];
            any = true;
        } else {
            let n = rest.chars().next().map_or(1, char::len_utf8);
            tokens.push(GoTok::Lit(
                &attr[attr.len() - rest.len()..attr.len() - rest.len() + n],
            ));
            rest = &rest[n..];
        }
    }
    any.then_some(tokens)
}

#[derive(Debug, Clone, Copy)]
enum GoTok<'a> {
    Lit(&'a str),
    Year,
    ShortYear,
    Month,
    ZeroMonth,
    MonthName,
    LongMonthName,
    Day,
    ZeroDay,
    YearDay,
    WeekDay,
    LongWeekDay,
    Hour,
    Minute,
    Second,
}

const GO_ELEMENTS: &[(&str, GoTok<'static>)] = &[
    ("January", GoTok::LongMonthName),
    ("Jan", GoTok::MonthName),
    ("Monday", GoTok::LongWeekDay),
    ("Mon", GoTok::WeekDay),
    ("2006", GoTok::Year),
    ("002", GoTok::YearDay),
    ("01", GoTok::ZeroMonth),
    ("02", GoTok::ZeroDay),
    ("06", GoTok::ShortYear),
    ("15", GoTok::Hour),
    ("04", GoTok::Minute),
    ("05", GoTok::Second),
    ("1", GoTok::Month),
    ("2", GoTok::Day),
];

fn format_go(tokens: &[GoTok], d: &chrono::NaiveDateTime) -> String {
    let mut out = String::new();
    let weekday = d.weekday().num_days_from_sunday() as usize;
    let month = d.month0() as usize;
    for tok in tokens {
        let piece = match tok {
            GoTok::Lit(s) => (*s).to_owned(),
            GoTok::Year => format!("{:04}", d.year()),
            GoTok::ShortYear => format!("{:02}", d.year().rem_euclid(100)),
            GoTok::Month => d.month().to_string(),
            GoTok::ZeroMonth => format!("{:02}", d.month()),
            GoTok::MonthName => MONTHS.get(month).map_or("", |m| &m[..3]).to_owned(),
            GoTok::LongMonthName => MONTHS.get(month).copied().unwrap_or("").to_owned(),
            GoTok::Day => d.day().to_string(),
            GoTok::ZeroDay => format!("{:02}", d.day()),
            GoTok::YearDay => format!("{:03}", d.ordinal()),
            GoTok::WeekDay => LONG_DAYS.get(weekday).map_or("", |m| &m[..3]).to_owned(),
            GoTok::LongWeekDay => LONG_DAYS.get(weekday).copied().unwrap_or("").to_owned(),
            GoTok::Hour => format!("{:02}", d.hour()),
            GoTok::Minute => format!("{:02}", d.minute()),
            GoTok::Second => format!("{:02}", d.second()),
        };
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests;
