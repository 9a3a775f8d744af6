//! `highlight` (a fenced code block that mdBook highlights), `gist` (GitHub's script with the
//! offline placeholder) and `param` (a page or site param, printed as Go prints it).

use super::Input;
use crate::escape;
use crate::markdown;
use crate::shortcodes::args::{self, json_text};
use crate::shortcodes::embed::{self, Embed, Via};
use crate::shortcodes::output::{Kind, Output, Problem, Target};
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, CowStr, Tag, TagEnd};
use std::fmt::Write;

/// `{{< highlight LANG ["OPTIONS"] >}}code{{< /highlight >}}`: a fenced code block in `LANG`,
/// the code de-indented by the call's own indentation and trimmed of leading and trailing line
/// breaks, as Hugo does. Chroma's options have no mdBook equivalent and are dropped; line
/// numbers (`linenos`) and highlighted lines (`hl_lines`) get a warning, as the reader loses them.
pub(super) fn highlight(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let lang: String = args
        .text_at(0)
        .unwrap_or_default()
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '`' && *c != '~')
        .collect();
    let mut warnings = Vec::new();
    if let Some(options) = args.at(1) {
        let options = args::text(&options.value);
        let lost: Vec<&str> = options
            .split(',')
            .filter_map(|o| {
                let (key, value) = o.split_once('=').unwrap_or((o, ""));
                let key = key.trim();
                let value = value.trim();
                let shown = match key {
                    "linenos" => !matches!(value, "false" | ""),
                    "hl_lines" => !value.is_empty(),
                    _ => false,
                };
                shown.then_some(key)
            })
            .collect();
        if !lost.is_empty() {
            warnings.push(
                Problem::new(
                    options_offset(input),
                    format!(
                        "`highlight` option {} has no mdBook equivalent: the code shows without it",
                        lost.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                )
                .hint("drop the option, or accept plain code blocks in the book"),
            );
        }
    }
    let code = deindent(input.inner.unwrap_or_default(), indentation(input));
    let code = code.trim_matches(['\n', '\r']);
    let mut text = String::with_capacity(code.len() + 1);
    text.push_str(code);
    text.push('\n');
    let events = [
        mdbook_markdown::pulldown_cmark::Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
            CowStr::from(lang),
        ))),
        mdbook_markdown::pulldown_cmark::Event::Text(CowStr::from(text)),
        mdbook_markdown::pulldown_cmark::Event::End(TagEnd::CodeBlock),
    ];
    Ok(Output::new(markdown::write(&events), Kind::Blocks).warn(warnings))
}

fn options_offset(input: &Input<'_>) -> usize {
    input
        .args
        .at(1)
        .map_or(input.args.offset(), |p| p.range.start)
}

/// The spaces and tabs before the call on its line, when only they are (Hugo's indentation).
fn indentation<'s>(input: &Input<'s>) -> &'s str {
    let source = input.page.source;
    let start = input.args.offset().min(source.len());
    let Some(before) = source.get(..start) else {
        return "";
    };
    let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    if line.chars().all(|c| c == ' ' || c == '\t') {
        line
    } else {
        ""
    }
}

/// Hugo's InnerDeindent: `indent` taken off every line that starts with it.
fn deindent(inner: &str, indent: &str) -> String {
    if indent.is_empty() {
        return inner.to_owned();
    }
    let mut out = String::with_capacity(inner.len());
    for line in inner.split_inclusive('\n') {
        out.push_str(line.strip_prefix(indent).unwrap_or(line));
    }
    out
}

/// `{{< gist USER ID [FILE] >}}`: GitHub's script, and a link to the gist where it cannot load.
pub(super) fn gist(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let (Some(user), Some(id)) = (args.text_at(0), args.text_at(1)) else {
        return Err(
            Problem::new(args.offset(), "`gist` needs a user and a gist id")
                .hint("write `{{< gist USER ID >}}`, or `{{< gist USER ID FILE >}}` for one file"),
        );
    };
    let file = if args.positional() == 3 {
        args.text_at(2)
    } else {
        None
    };
    let label = match &file {
        Some(file) => format!("{user}/{id}: {file}"),
        None => format!("{user}/{id}"),
    };
    let embed = Embed {
        service: "GitHub Gist",
        title: Some(&label),
        link: format!(
            "https://gist.github.com/{}/{}",
            embed::path(&user),
            embed::path(&id)
        ),
        action: "View the gist on GitHub",
    };
    if input.target == Target::Markdown {
        return Ok(Output::new(embed.markdown(), Kind::Inline));
    }
    let mut src = format!(
        "https://gist.github.com/{}/{}.js",
        embed::path(&user),
        embed::path(&id)
    );
    if let Some(file) = &file {
        let _ = write!(src, "?file={}", embed::query(file));
    }
    let markup = format!(
        "<script type=\"application/javascript\" src=\"{}\"></script>",
        escape::html(&src)
    );
    Ok(Output::new(embed.html(Via::Script, &markup), Kind::Html))
}

/// `{{< param NAME >}}`: the page's param `NAME`, else the site's (`a.b` for nested ones).
/// Hugo fails on a param that is missing, false, 0 or empty, and so do we.
pub(super) fn param(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let Some(name) = args
        .at(0)
        .map(|p| args::text(&p.value))
        .filter(|n| !n.is_empty())
    else {
        return Err(
            Problem::new(args.offset(), "`param` needs the name of a param").hint(
                "write `{{< param NAME >}}`, NAME a key of the front matter or the site's `params`",
            ),
        );
    };
    let Some(text) = input.page.param(&name).and_then(json_text) else {
        return Err(Problem::new(
            args.at(0).map_or(args.offset(), |p| p.range.start),
            format!("param `{name}` not found (Hugo fails the build on it too)"),
        )
        .hint(format!(
            "set `{name}` in the front matter or in the site's `params`; a false, 0 or empty value counts as missing"
        )));
    };
    Ok(match input.target {
        Target::Html => Output::new(literal(&text), Kind::Html),
        Target::Markdown => Output::new(markdown::inline(vec![markdown::text(text)]), Kind::Inline),
    })
}

/// `text` as HTML that markdown reads as plain text anywhere, even at the start of a line:
/// every ASCII punctuation character as a character reference, line breaks as spaces.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
