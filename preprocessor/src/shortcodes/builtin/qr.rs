//! `qr` (Hugo 0.141+): the text (an argument, or the inner content) as a QR code image. Hugo
//! writes a PNG file; the book inlines an SVG of the same size as a data URI, so it needs no
//! file and works offline and under any path.

use super::Input;
use crate::escape;
use crate::markdown;
use crate::shortcodes::args::{self, truthy};
use crate::shortcodes::call::Value;
use crate::shortcodes::markup;
use crate::shortcodes::output::{Kind, Output, Problem};
use mdbook_markdown::pulldown_cmark::{CowStr, LinkType, Tag, TagEnd};
use qrcode::{EcLevel, QrCode, render::svg};
use std::fmt::Write;

/// `{{< qr text=... [level scale alt class id title loading] />}}` or
/// `{{< qr >}}text{{< /qr >}}`.
pub(super) fn qr(input: &Input<'_>) -> Result<Output, Problem> {
    let args = input.args;
    let text = args
        .text("text")
        .or_else(|| input.inner.map(|i| i.trim().to_owned()))
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Problem::new(args.offset(), "`qr` needs the text to encode")
                .hint("write `{{< qr text=\"https://...\" />}}` or put the text between `{{< qr >}}` and `{{< /qr >}}`")
        })?;
    let level = match args.text("level").as_deref().unwrap_or("medium") {
        "low" => EcLevel::L,
        "medium" => EcLevel::M,
        "quartile" => EcLevel::Q,
        "high" => EcLevel::H,
        other => {
            return Err(Problem::new(
                args.offset_of("level"),
                format!("`qr` level `{other}` is not one of low, medium, quartile, or high"),
            ));
        }
    };
    let scale = match args.named("scale").map(|p| &p.value) {
        None => 4,
        Some(v) if !truthy(v) => 4,
        Some(Value::Int(i)) if *i >= 2 => u32::try_from(*i).unwrap_or(u32::MAX).min(64),
        Some(Value::String(s)) if s.parse::<u32>().is_ok_and(|n| n >= 2) => {
            s.parse::<u32>().unwrap_or(4).min(64)
        }
        Some(v) => {
            return Err(Problem::new(
                args.offset_of("scale"),
                format!(
                    "`qr` scale `{}` is not an integer of at least 2",
                    args::text(v)
                ),
            ));
        }
    };
    let code = QrCode::with_error_correction_level(text.as_bytes(), level).map_err(|e| {
        Problem::new(args.offset(), format!("`qr` cannot encode the text: {e}"))
            .hint("QR codes hold at most about 2,900 bytes: shorten the text or lower `level`")
    })?;
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(scale, scale)
        .build();
    let size = (u32::try_from(code.width())
        .unwrap_or(u32::MAX)
        .saturating_add(8))
    .saturating_mul(scale);
    let src = data_uri(&image);
    let alt = args.text("alt");
    if !input.html() {
        let events = markdown::wrap(
            Tag::Image {
                link_type: LinkType::Inline,
                dest_url: CowStr::from(src),
                title: CowStr::from(args.text("title").unwrap_or_default()),
                id: CowStr::from(""),
            },
            TagEnd::Image,
            vec![markdown::text(alt.unwrap_or(text))],
        );
        return Ok(Output::new(markdown::inline(events), Kind::Inline));
    }
    let mut out = String::with_capacity(src.len() + 128);
    let _ = write!(
        out,
        "<img src=\"{}\" width=\"{size}\" height=\"{size}\"",
        escape::html(&src)
    );
    for key in ["alt", "class", "id", "title", "loading"] {
        if let Some(v) = args.text(key) {
            let _ = write!(out, " {key}=\"{}\"", escape::html(&v));
        }
    }
    out.push('>');
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

/// An SVG image as a `data:` URI, percent-encoding what a URL or a markdown destination cannot
/// hold as is.
fn data_uri(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 4 + 24);
    out.push_str("data:image/svg+xml,");
    for &b in svg.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&*+,/:;=?@".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests;
