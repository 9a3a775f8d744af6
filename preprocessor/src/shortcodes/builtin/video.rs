//! `youtube` and `vimeo`: Hugo 0.111's wrapper and iframe, with the arguments of newer Hugo
//! (`loading`, `start`, `end`, `mute`, `loop`, `controls`, `allowFullScreen`) honoured when
//! given, and the offline placeholder around them.

use super::{Input, nothing};
use crate::escape;
use crate::shortcodes::embed::{self, Embed, Via};
use crate::shortcodes::output::{Kind, Output, Problem};
use std::fmt::Write;

const DIV_STYLE: &str = "position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;";
const FRAME_STYLE: &str =
    "position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;";

/// `{{< youtube ID >}}`, `{{< youtube id=ID title=... class=... autoplay="true" >}}`.
pub(super) fn youtube(input: &Input<'_>) -> Result<Output, Problem> {
    let privacy = input.page.site.privacy;
    if privacy.youtube_disable {
        return Ok(nothing());
    }
    let args = input.args;
    let id = args
        .get("id", 0)
        .map(|p| crate::shortcodes::args::text(&p.value))
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            Problem::new(args.offset(), "`youtube` needs a video id").hint(
                "write `{{< youtube VIDEO_ID >}}` or `id=\"VIDEO_ID\"`: the `v=` part of the \
                 video's address",
            )
        })?;
    let class = args.text("class").or_else(|| args.text_at(1));
    let title = args.text("title");

    let mut query: Vec<(&str, String)> = Vec::new();
    if args.is_string("autoplay", "true") {
        query.push(("autoplay", "1".into()));
    }
    if let Some(start) = args.text("start") {
        query.push(("start", start));
    }
    if let Some(end) = args.text("end") {
        query.push(("end", end));
    }
    for key in ["mute", "controls"] {
        if let Some(on) = args.flag(key) {
            query.push((key, if on { "1" } else { "0" }.into()));
        }
    }
    if args.flag("loop") == Some(true) {
        query.push(("loop", "1".into()));
        query.push(("playlist", id.clone()));
    }
    query.sort_by(|a, b| a.0.cmp(b.0));

    let host = if privacy.youtube_privacy_enhanced {
        "www.youtube-nocookie.com"
    } else {
        "www.youtube.com"
    };
    let mut watch = format!("https://www.youtube.com/watch?v={}", embed::query(&id));
    if let Some(start) = args.text("start") {
        let _ = write!(watch, "&t={}", embed::query(&start));
    }
    let embed = Embed {
        service: "YouTube",
        title: title.as_deref(),
        link: watch,
        action: "Watch on YouTube",
    };
    if !input.html() {
        return Ok(Output::new(embed.markdown(), Kind::Inline));
    }

    let mut src = format!("https://{host}/embed/{}", embed::path(&id));
    for (i, (key, value)) in query.iter().enumerate() {
        let _ = write!(
            src,
            "{}{key}={}",
            if i == 0 { '?' } else { '&' },
            embed::query(value)
        );
    }
    let mut markup = String::with_capacity(320);
    wrapper(&mut markup, class.as_deref());
    let _ = write!(markup, "<iframe src=\"{}\"", escape::html(&src));
    if class.is_none() {
        let _ = write!(markup, " style=\"{FRAME_STYLE}\"");
    }
    if args.flag("allowFullScreen") != Some(false) {
        markup.push_str(" allowfullscreen");
    }
    let _ = write!(
        markup,
        " title=\"{}\"",
        escape::html(title.as_deref().unwrap_or("YouTube Video"))
    );
    loading(&mut markup, input);
    markup.push_str("></iframe></div>");
    Ok(Output::new(embed.html(Via::Frame, &markup), Kind::Html))
}

/// `{{< vimeo ID [CLASS [TITLE]] >}}`, `{{< vimeo id=ID class=... title=... >}}`.
pub(super) fn vimeo(input: &Input<'_>) -> Result<Output, Problem> {
    let privacy = input.page.site.privacy;
    if privacy.vimeo_disable {
        return Ok(nothing());
    }
    let args = input.args;
    let (id, class, title) = if args.is_named() {
        (args.text("id"), args.text("class"), args.text("title"))
    } else {
        let n = args.positional();
        let class = if n > 1 { args.text_at(1) } else { None };
        let title = if n == 3 { args.text_at(2) } else { None };
        (args.text_at(0), class, title)
    };
    let id = id.ok_or_else(|| {
        Problem::new(args.offset(), "`vimeo` needs a video id")
            .hint("write `{{< vimeo VIDEO_ID >}}` or `id=\"VIDEO_ID\"`: the number in the video's address")
    })?;
    let embed = Embed {
        service: "Vimeo",
        title: title.as_deref(),
        link: format!("https://vimeo.com/{}", embed::path(&id)),
        action: "Watch on Vimeo",
    };
    if !input.html() {
        return Ok(Output::new(embed.markdown(), Kind::Inline));
    }
    let mut src = format!("https://player.vimeo.com/video/{}", embed::path(&id));
    if privacy.vimeo_dnt {
        src.push_str("?dnt=1");
    }
    let mut markup = String::with_capacity(320);
    // 0.111 styles the player only without a class (positional: with the id alone).
    let styled = if args.is_named() {
        class.is_none()
    } else {
        args.positional() == 1
    };
    wrapper(
        &mut markup,
        if styled {
            None
        } else {
            class.as_deref().or(Some(""))
        },
    );
    let _ = write!(markup, "<iframe src=\"{}\"", escape::html(&src));
    if styled {
        let _ = write!(markup, " style=\"{FRAME_STYLE}\"");
    }
    let _ = write!(
        markup,
        " title=\"{}\"",
        escape::html(title.as_deref().unwrap_or("vimeo video"))
    );
    if args.flag("allowFullScreen") != Some(false) {
        markup.push_str(" webkitallowfullscreen mozallowfullscreen allowfullscreen");
    }
    loading(&mut markup, input);
    markup.push_str("></iframe></div>");
    Ok(Output::new(embed.html(Via::Frame, &markup), Kind::Html))
}

/// Hugo's `<div>` around the player: the class when there is one, else the 16:9 box.
fn wrapper(out: &mut String, class: Option<&str>) {
    match class {
        Some(class) => {
            let _ = write!(out, "<div class=\"{}\">", escape::html(class));
        }
        None => {
            let _ = write!(out, "<div style=\"{DIV_STYLE}\">");
        }
    }
}

/// Newer Hugo's `loading` argument, on the iframe.
fn loading(out: &mut String, input: &Input<'_>) {
    if let Some(loading) = input.args.text("loading") {
        let _ = write!(out, " loading=\"{}\"", escape::html(&loading));
    }
}

#[cfg(test)]
mod tests;
