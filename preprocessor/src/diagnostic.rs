//! Diagnostics: what is wrong in which file, at which line and column, and what to do about it.
//! They are data, collected while the book is read and rewritten, and printed in one place; the
//! run decides from them whether the build fails (`mdbook build`, on errors only) or the pages
//! show them (`mdbook serve`). What Hugo refuses (malformed front matter, an unknown shortcode,
//! a `ref` to no page) is an error; what Hugo builds without a word (a value of the wrong type,
//! a link to no post, two posts with one slug) is a warning.

use std::fmt;

/// Whether a problem stops `mdbook build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Hugo accepts it: printed, and shown in the page under `mdbook serve`.
    Warning,
    /// Hugo refuses it, or it would break the book: `mdbook build` fails.
    Error,
}

/// One problem found in the book, pointing at the author's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the book root (`book/post/x/index.md`).
    pub file: String,
    /// 1-based line in the source file, front matter counted.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it, when there is something to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at byte `offset` of `source`, the chapter's whole text as the author wrote it.
    pub fn at(file: &str, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(source, offset);
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// The same diagnostic with a hint saying what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic as a warning, or as `severity`.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, the location as editors and terminals link it.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {severity}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// The 1-based line and character column of byte `offset` in `source`. An offset past the end
/// or inside a character is clamped, never a panic.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The closest of `candidates` to `wanted`, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "---\ntitle: é\nx: [\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 4), (2, 1));
        let x = src.find("x:").unwrap();
        assert_eq!(line_column(src, x + 3), (3, 4));
        // inside the two-byte é: clamped back to its start
        let e = src.find('é').unwrap();
        assert_eq!(line_column(src, e + 1), (2, 8));
        assert_eq!(line_column(src, 10_000), (4, 1));
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let d = Diagnostic::at("book/a.md", "ab\ncd", 4, "bad").hint("fix it");
        assert_eq!(d.to_string(), "book/a.md:2:2: error: bad (fix it)");
        let w = d.severity(Severity::Warning);
        assert_eq!(w.to_string(), "book/a.md:2:2: warning: bad (fix it)");
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["kubernetes-intro", "kubernetes-node"];
        assert_eq!(
            did_you_mean("kubernetes-intr", names),
            Some("kubernetes-intro")
        );
        assert_eq!(did_you_mean("storage", names), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
