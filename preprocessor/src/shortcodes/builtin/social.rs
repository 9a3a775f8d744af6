//! Posts that Hugo fetches while building (`tweet`, `twitter_simple`, `x`, `x_simple`,
//! `instagram`): the book cannot, so each becomes the blockquote the service's own script turns
//! into an embed when it loads, naming and linking the post, which is what remains offline.

use super::{Input, nothing};
use crate::escape;
use crate::markdown;
use crate::shortcodes::embed;
use crate::shortcodes::markup;
use crate::shortcodes::output::{Kind, Output, Problem};
use mdbook_markdown::pulldown_cmark::{Tag, TagEnd};
use std::fmt::Write;

/// `{{< tweet user=U id=ID >}}`, or positional `USER ID` (0.111 also takes a lone `ID`).
pub(super) fn tweet(input: &Input<'_>) -> Result<Output, Problem> {
    if input.page.site.privacy.twitter_disable {
        return Ok(nothing());
    }
    let args = input.args;
    let (user, id) = if args.is_named() {
        (args.text("user"), args.text("id"))
    } else if args.positional() == 1 {
        // 0.111: `user` "x", which twitter.com redirects.
        (Some("x".into()), args.text_at(0))
    } else {
        (args.text_at(0), args.text_at(1))
    };
    post(
        input,
        user,
        id,
        "twitter.com",
        "Twitter",
        input.args.call.name != "twitter_simple",
    )
}

/// `{{< x user=U id=ID >}}` (Hugo 0.141+).
pub(super) fn x(input: &Input<'_>) -> Result<Output, Problem> {
    if input.page.site.privacy.x_disable {
        return Ok(nothing());
    }
    let args = input.args;
    post(
        input,
        args.text("user"),
        args.text("id"),
        "x.com",
        "X",
        args.call.name == "x",
    )
}

fn post(
    input: &Input<'_>,
    user: Option<String>,
    id: Option<String>,
    host: &str,
    service: &str,
    script: bool,
) -> Result<Output, Problem> {
    let name = &input.args.call.name;
    let (Some(user), Some(id)) = (user, id) else {
        return Err(Problem::new(
            input.args.offset(),
            format!("`{name}` needs two named parameters: user and id"),
        )
        .hint(format!(
            "write `{{{{< {name} user=\"USER\" id=\"POST_ID\" >}}}}`"
        )));
    };
    let url = format!(
        "https://{host}/{}/status/{}",
        embed::path(&user),
        embed::path(&id)
    );
    let shown = format!("{host}/{user}/status/{id}");
    let said = format!("A post by @{user} on {service}");
    if !input.html() {
        let mut quote = markdown::paragraph(vec![markdown::text(said)]);
        quote.extend(markdown::paragraph(markdown::link(
            &url,
            vec![markdown::text(shown)],
        )));
        let events = markdown::wrap(Tag::BlockQuote(None), TagEnd::BlockQuote(None), quote);
        return Ok(Output::new(markdown::write(&events), Kind::Blocks));
    }
    let mut out = String::with_capacity(256);
    let _ = write!(
        out,
        "<blockquote class=\"twitter-tweet\"><p>{}</p>&mdash; <a href=\"{}\">{}</a></blockquote>",
        escape::html(&said),
        escape::html(&url),
        escape::html(&shown)
    );
    if script {
        out.push_str(
            "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
        );
    }
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

/// `{{< instagram ID >}}`: newer Hugo's static blockquote (0.111 needs an access token and the
/// network), with Instagram's script for `instagram`, without it for `instagram_simple`.
pub(super) fn instagram(input: &Input<'_>) -> Result<Output, Problem> {
    if input.page.site.privacy.instagram_disable {
        return Ok(nothing());
    }
    let args = input.args;
    let Some(id) = args.text_at(0) else {
        return Err(
            Problem::new(args.offset(), "`instagram` needs the id of the post").hint(
                "write `{{< instagram POST_ID >}}`: the part after /p/ in the post's address",
            ),
        );
    };
    let url = format!("https://www.instagram.com/p/{}", embed::path(&id));
    let label = "View this post on Instagram";
    if !input.html() {
        let events = markdown::wrap(
            Tag::BlockQuote(None),
            TagEnd::BlockQuote(None),
            markdown::paragraph(markdown::link(&url, vec![markdown::text(label)])),
        );
        return Ok(Output::new(markdown::write(&events), Kind::Blocks));
    }
    let url = escape::html(&url);
    let mut out = format!(
        "<blockquote class=\"instagram-media\" data-instgrm-captioned \
         data-instgrm-permalink=\"{url}\" data-instgrm-version=\"14\"><div><a href=\"{url}\" \
         target=\"_blank\">{label}</a></div></blockquote>"
    );
    if args.call.name == "instagram" {
        out.push_str("<script async src=\"https://www.instagram.com/embed.js\"></script>");
    }
    Ok(Output::new(markup::inert(&out), Kind::Html))
}

#[cfg(test)]
mod tests;
