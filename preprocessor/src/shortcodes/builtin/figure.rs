//! `figure`: an image with an optional link, title, caption (markdown) and attribution, as
//! Hugo 0.111 writes it (plus newer Hugo's `loading`); for other renderers, the image and a
//! caption paragraph.

use super::Input;
use crate::escape;
use crate::markdown;
use crate::shortcodes::markup::{self, Part};
use crate::shortcodes::output::{Kind, Output, Problem};
use mdbook_markdown::pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::fmt::Write;

/// `{{< figure src=... [link target rel alt title caption attr attrlink width height class
/// loading] >}}`.
pub(super) fn figure(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let page = input.page;
    let get = |key: &str| args.text(key);
    let src = page.resolve(&get("src").unwrap_or_default());
    let link = get("link").map(|l| page.resolve(&l));
    let (title, caption, attr, attrlink) =
        (get("title"), get("caption"), get("attr"), get("attrlink"));
    let checked = |key: &str, url: &str| {
        markup::url(url, Part::Start).map_err(|why| {
            Problem::new(args.offset_of(key), format!("`figure` {key}: {why}"))
                .hint("link an http(s) address or a path")
        })
    };
    if !input.html() {
        for (key, url) in [
            ("src", Some(&src)),
            ("link", link.as_ref()),
            ("attrlink", attrlink.as_ref()),
        ] {
            if let Some(url) = url {
                checked(key, url)?;
            }
        }
        return Ok(Output::new(
            as_markdown(
                &src,
                link.as_deref(),
                input,
                [&title, &caption, &attr, &attrlink],
            ),
            Kind::Blocks,
        ));
    }

    let render = page.site.markdown;
    let mut out = String::with_capacity(256);
    out.push_str("<figure");
    if let Some(class) = get("class") {
        let _ = write!(out, " class=\"{}\"", escape::html(&class));
    }
    out.push('>');
    if let Some(link) = &link {
        let _ = write!(out, "<a href=\"{}\"", checked("link", link)?);
        for key in ["target", "rel"] {
            if let Some(v) = get(key) {
                let _ = write!(out, " {key}=\"{}\"", escape::html(&v));
            }
        }
        out.push('>');
    }
    let _ = write!(out, "<img src=\"{}\"", checked("src", &src)?);
    let alt = get("alt").or_else(|| {
        caption
            .as_deref()
            .map(|c| markup::plainify(&markup::markdownify(render, c)))
    });
    if let Some(alt) = alt {
        let _ = write!(out, " alt=\"{}\"", escape::html(&alt));
    }
    for key in ["width", "height", "loading"] {
        if let Some(v) = get(key) {
            let _ = write!(out, " {key}=\"{}\"", escape::html(&v));
        }
    }
    out.push_str(" />");
    if link.is_some() {
        out.push_str("</a>");
    }
    if title.is_some() || caption.is_some() || attr.is_some() {
        out.push_str("<figcaption>");
        if let Some(title) = &title {
            let _ = write!(out, "<h4>{}</h4>", escape::html(title));
        }
        if caption.is_some() || attr.is_some() {
            out.push_str("<p>");
            if let Some(caption) = &caption {
                out.push_str(&markup::markdownify(render, caption));
            }
            // 0.111 puts a line break (a space) before the attribution's link only.
            if let Some(attrlink) = &attrlink {
                let _ = write!(out, " <a href=\"{}\">", checked("attrlink", attrlink)?);
            }
            if let Some(attr) = &attr {
                out.push_str(&markup::markdownify(render, attr));
            }
            if attrlink.is_some() {
                out.push_str("</a>");
            }
            out.push_str("</p>");
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

/// The image (linked when there is a link), then a paragraph of the title in bold, the caption
/// and the attribution (linked when there is an `attrlink`).
fn as_markdown(
    src: &str,
    link: Option<&str>,
    input: &Input<'_>,
    [title, caption, attr, attrlink]: [&Option<String>; 4],
) -> String {
    let alt = input
        .args
        .text("alt")
        .or_else(|| caption.as_deref().map(plain))
        .unwrap_or_default();
    let image = markdown::wrap(
        Tag::Image {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(src.to_owned()),
            title: CowStr::from(title.clone().unwrap_or_default()),
            id: CowStr::from(""),
        },
        TagEnd::Image,
        vec![markdown::text(alt)],
    );
    let image = match link {
        Some(link) => markdown::link(link, image),
        None => image,
    };
    let mut events = markdown::paragraph(image);
    let mut line: Vec<Event<'static>> = Vec::new();
    if let Some(title) = title {
        line.extend(markdown::wrap(
            Tag::Strong,
            TagEnd::Strong,
            vec![markdown::text(title.clone())],
        ));
    }
    for (part, url) in [(caption, None), (attr, attrlink.as_deref())] {
        let Some(part) = part else { continue };
        if !line.is_empty() {
            line.push(markdown::text(" "));
        }
        let inline = markdown::inline_events(part);
        match url {
            Some(url) => line.extend(markdown::link(url, inline)),
            None => line.extend(inline),
        }
    }
    if !line.is_empty() {
        events.extend(markdown::paragraph(line));
    }
    markdown::write(&events)
}

/// The caption as plain text, for an image's alt text.
fn plain(caption: &str) -> String {
    markdown::inline_events(caption)
        .into_iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
