//! The Stack theme's shortcodes, as its templates structure them (our own code: the theme is
//! GPL-3.0): `quote`, `video`, `bilibili`, `tencent`, `gitlab`, and its `youtube`, which
//! replaces Hugo's on a Stack site. Players and scripts get the offline placeholder.

use super::args::{Args, text};
use super::builtin::{Input, nothing};
use super::call::Call;
use super::embed::{self, Embed, Via};
use super::markup::{self, Part};
use super::output::{Kind, Output, Problem, Target};
use super::page::Page;
use crate::escape;
use crate::markdown;
use mdbook_markdown::pulldown_cmark::{CowStr, LinkType, Tag, TagEnd};
use std::fmt::Write;

/// Stack's shortcodes, and whether each evaluates `.Inner`.
pub const NAMES: &[(&str, bool)] = &[
    ("quote", true),
    ("video", false),
    ("bilibili", false),
    ("tencent", false),
    ("gitlab", false),
    ("youtube", false),
];

/// Renders `call` when it is one of Stack's shortcodes; `None` for any other name.
pub fn render(
    call: &Call,
    inner: Option<&str>,
    page: &Page<'_>,
    target: Target,
) -> Option<Result<Output, Problem>> {
    let input = Input {
        args: Args::new(call),
        inner,
        page,
        target,
    };
    Some(match call.name.as_str() {
        "quote" => quote(&input),
        "video" => video(&input),
        "bilibili" => bilibili(&input),
        "tencent" => tencent(&input),
        "gitlab" => gitlab(&input),
        "youtube" => youtube(&input),
        _ => return None,
    })
}

/// The player's iframe in Stack's 16:9 `div.video-wrapper`, with the placeholder.
fn player(input: &Input<'_>, embed: &Embed<'_>, iframe: &str) -> Output {
    if !input.html() {
        return Output::new(embed.markdown(), Kind::Inline);
    }
    let markup = format!("<div class=\"video-wrapper\">{iframe}</div>");
    Output::new(embed.html(Via::Frame, &markup), Kind::Html)
}

/// `{{< youtube ID >}}` or `id=ID [autoplay="true"]`: a lazy iframe in `div.video-wrapper`.
fn youtube(input: &Input<'_>) -> Result<Output, Problem> {
    let privacy = input.page.site.privacy;
    if privacy.youtube_disable {
        return Ok(nothing());
    }
    let args = input.args;
    let id = args
        .get("id", 0)
        .map(|p| text(&p.value))
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            Problem::new(args.offset(), "`youtube` needs a video id").hint(
                "write `{{< youtube VIDEO_ID >}}` or `id=\"VIDEO_ID\"`: the `v=` part of the \
                 video's address",
            )
        })?;
    let host = if privacy.youtube_privacy_enhanced {
        "www.youtube-nocookie.com"
    } else {
        "www.youtube.com"
    };
    let mut src = format!("https://{host}/embed/{}", embed::path(&id));
    if args.is_string("autoplay", "true") {
        src.push_str("?autoplay=1");
    }
    let embed = Embed {
        service: "YouTube",
        title: None,
        link: format!("https://www.youtube.com/watch?v={}", embed::query(&id)),
        action: "Watch on YouTube",
    };
    let iframe = format!(
        "<iframe loading=\"lazy\" src=\"{}\" allowfullscreen title=\"YouTube Video\"></iframe>",
        escape::html(&src)
    );
    Ok(player(input, &embed, &iframe))
}

/// `{{< bilibili BV... [PART] >}}` or `av...`: Bilibili's player, page `PART` (1 by default).
fn bilibili(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let vid = args.text_at(0).unwrap_or_default();
    let part = args.text_at(1).unwrap_or_else(|| "1".into());
    let lower = vid.to_lowercase();
    let (key, value, page) = if let Some(aid) = lower.strip_prefix("av") {
        ("aid", aid.to_owned(), format!("av{aid}"))
    } else if lower.starts_with("bv") {
        ("bvid", vid.clone(), vid.clone())
    } else {
        return Err(Problem::new(
            args.at(0).map_or(args.offset(), |p| p.range.start),
            format!("`bilibili` video id `{vid}` is neither an av nor a BV number"),
        )
        .hint("write `{{< bilibili BV1xx411c7mD >}}` or `{{< bilibili av170001 >}}`, and the part number second if any"));
    };
    // Go's querify: keys sorted, values query-escaped.
    let src = format!(
        "https://player.bilibili.com/player.html?as_wide=1&high_quality=1&page={}&{key}={}",
        query_escape(&part),
        query_escape(&value)
    );
    let embed = Embed {
        service: "Bilibili",
        title: None,
        link: format!(
            "https://www.bilibili.com/video/{}?p={}",
            embed::path(&page),
            embed::query(&part)
        ),
        action: "Watch on Bilibili",
    };
    Ok(player(input, &embed, &china_iframe(&src)))
}

/// The iframe Stack writes for Bilibili's and Tencent Video's players.
fn china_iframe(src: &str) -> String {
    format!(
        "<iframe src=\"{}\" scrolling=\"no\" frameborder=\"no\" framespacing=\"0\" \
         allowfullscreen=\"true\"></iframe>",
        escape::html(src)
    )
}

/// `{{< tencent VID >}}`: Tencent Video's player.
fn tencent(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let Some(vid) = args.text_at(0) else {
        return Err(
            Problem::new(args.offset(), "`tencent` needs a video id").hint(
                "write `{{< tencent VID >}}`: the id at the end of the video's v.qq.com address",
            ),
        );
    };
    let src = format!(
        "https://v.qq.com/txp/iframe/player.html?vid={}&auto=0",
        embed::query(&vid)
    );
    let embed = Embed {
        service: "Tencent Video",
        title: None,
        link: format!("https://v.qq.com/x/page/{}.html", embed::path(&vid)),
        action: "Watch on Tencent Video",
    };
    Ok(player(input, &embed, &china_iframe(&src)))
}

/// `{{< gitlab SNIPPET_ID >}}`: GitLab's snippet script, with the placeholder.
fn gitlab(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let Some(id) = args.text_at(0) else {
        return Err(Problem::new(args.offset(), "`gitlab` needs a snippet id")
            .hint("write `{{< gitlab SNIPPET_ID >}}`: the number in the snippet's address"));
    };
    let embed = Embed {
        service: "GitLab snippet",
        title: Some(&id),
        link: format!("https://gitlab.com/-/snippets/{}", embed::path(&id)),
        action: "View the snippet on GitLab",
    };
    if !input.html() {
        return Ok(Output::new(embed.markdown(), Kind::Inline));
    }
    let markup = format!(
        "<script type=\"application/javascript\" src=\"https://gitlab.com/-/snippets/{}.js\"></script>",
        escape::html(&embed::path(&id))
    );
    Ok(Output::new(embed.html(Via::Script, &markup), Kind::Html))
}

/// `{{< video SRC >}}` or `src=... [poster=... autoplay="true" muted="true"]`: an HTML5 video
/// in `div.video-wrapper`, with Stack's link to the file for browsers without video.
fn video(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let page = input.page;
    let offset = args
        .named("src")
        .or(args.at(0))
        .map_or(args.offset(), |p| p.range.start);
    let Some(src) = args
        .get("src", 0)
        .map(|p| text(&p.value))
        .filter(|s| !s.is_empty())
    else {
        return Err(
            Problem::new(offset, "`video` needs the video's address").hint(
                "write `{{< video src=\"/videos/x.mp4\" >}}` or `{{< video \"/videos/x.mp4\" >}}`",
            ),
        );
    };
    let src = page.resolve(&src);
    let refuse = |key: &str, at: usize, url: &str| {
        markup::url(url, Part::Start).map_err(|why| {
            Problem::new(at, format!("`video` {key}: {why}"))
                .hint("link an http(s) address or a path")
        })
    };
    let src_attr = refuse("src", offset, &src)?;
    let poster = match args.text("poster") {
        Some(p) => {
            let p = page.resolve(&p);
            Some((refuse("poster", args.offset_of("poster"), &p)?, p))
        }
        None => None,
    };
    if !input.html() {
        let label = vec![markdown::text("Watch the video")];
        let content = match &poster {
            Some((_, p)) => markdown::wrap(
                Tag::Image {
                    link_type: LinkType::Inline,
                    dest_url: CowStr::from(p.clone()),
                    title: CowStr::from(""),
                    id: CowStr::from(""),
                },
                TagEnd::Image,
                label,
            ),
            None => label,
        };
        return Ok(Output::new(
            markdown::inline(markdown::link(&src, content)),
            Kind::Inline,
        ));
    }
    let mut out = String::with_capacity(320);
    let _ = write!(
        out,
        "<div class=\"video-wrapper\"><video controls src=\"{src_attr}\""
    );
    if let Some((poster, _)) = &poster {
        let _ = write!(out, " poster=\"{poster}\"");
    }
    for key in ["autoplay", "muted"] {
        if args.is_string(key, "true") {
            let _ = write!(out, " {key}");
        }
    }
    let _ = write!(
        out,
        "><p>Your browser doesn't support HTML5 video. Here is a <a href=\"{src_attr}\">link to \
         the video</a> instead.</p></video></div>"
    );
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

/// `{{< quote [author=... source=... url=...] >}}text{{< /quote >}}`: the text (markdown) in a
/// blockquote, then Stack's `― author, source` line, the source linked to `url`.
fn quote(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let inner = input.inner.unwrap_or_default();
    let author = args.text("author");
    let source = args.text("source");
    let url = args.text("url");
    let url_attr = match &url {
        Some(u) => Some(markup::url(u, Part::Start).map_err(|why| {
            Problem::new(args.offset_of("url"), format!("`quote` url: {why}"))
                .hint("link an http(s) address or a path")
        })?),
        None => None,
    };
    let cited = author.is_some() || source.is_some();
    if !input.html() {
        return Ok(Output::new(
            quote_markdown(inner, cited, author, source, url),
            Kind::Blocks,
        ));
    }
    let mut out = String::with_capacity(inner.len() + 256);
    let _ = write!(
        out,
        "<blockquote><p>{}</p>",
        markup::markdownify(input.page.site.markdown, inner)
    );
    if cited {
        out.push_str("<span class=\"cite\"><span>― </span>");
        if let Some(author) = &author {
            let comma = if source.is_some() { ", " } else { "" };
            let _ = write!(out, "<span>{}{comma}</span>", escape::html(author));
        }
        if let Some(url) = &url_attr {
            let _ = write!(out, "<a href=\"{url}\">");
        }
        let _ = write!(
            out,
            "<cite>{}</cite>",
            escape::html(source.as_deref().unwrap_or_default())
        );
        if url_attr.is_some() {
            out.push_str("</a>");
        }
        out.push_str("</span>");
    }
    out.push_str("</blockquote>");
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

/// The quote as a markdown blockquote: the author's text as written, then `— author, source`.
fn quote_markdown(
    inner: &str,
    cited: bool,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
) -> String {
    let mut out = String::with_capacity(inner.len() + 64);
    for line in inner.trim_matches(['\n', '\r']).lines() {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
    if !cited {
        out.truncate(out.trim_end().len());
        return out;
    }
    let mut line = vec![markdown::text("— ")];
    if let Some(author) = author {
        line.push(markdown::text(if source.is_some() {
            format!("{author}, ")
        } else {
            author
        }));
    }
    if let Some(source) = source {
        let cite = markdown::wrap(
            Tag::Emphasis,
            TagEnd::Emphasis,
            vec![markdown::text(source)],
        );
        match &url {
            Some(url) => line.extend(markdown::link(url, cite)),
            None => line.extend(cite),
        }
    }
    if !out.is_empty() {
        out.push_str(">\n");
    }
    out.push_str(&markdown::write(&markdown::wrap(
        Tag::BlockQuote(None),
        TagEnd::BlockQuote(None),
        markdown::paragraph(line),
    )));
    out
}

/// Go's `url.QueryEscape`, which `querify` uses: spaces as `+`, hex digits in upper case.
fn query_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for &b in value.as_bytes() {
        match b {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') => {
                out.push(char::from(b))
            }
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
