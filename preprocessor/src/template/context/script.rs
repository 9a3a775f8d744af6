//! The transitions inside scripts and styles: JS strings, regexps and comments (with Go's
//! guess at whether a `/` starts a regexp or a division), CSS strings, `url(...)` and comments.

use super::{Ctx, JsCtx, State, Step, find, find_any, t_url};

pub(super) fn t_js(c: Ctx, s: &[u8]) -> Step {
    let mut c = c;
    let Some(i) = find_any(s, b"\"'/") else {
        c.js = next_js_ctx(s, c.js);
        return Ok((c, s.len()));
    };
    c.js = next_js_ctx(s.get(..i).unwrap_or(&[]), c.js);
    let mut i = i;
    match s.get(i) {
        Some(b'"') => (c.state, c.js) = (State::JsDqStr, JsCtx::Regexp),
        Some(b'\'') => (c.state, c.js) = (State::JsSqStr, JsCtx::Regexp),
        _ => match s.get(i + 1) {
            Some(b'/') => {
                c.state = State::JsLineCmt;
                i += 1;
            }
            Some(b'*') => {
                c.state = State::JsBlockCmt;
                i += 1;
            }
            _ => match c.js {
                JsCtx::Regexp => c.state = State::JsRegexp,
                JsCtx::DivOp => c.js = JsCtx::Regexp,
                JsCtx::Unknown => {
                    return Err(format!(
                        "'/' could start a division or regexp: {:.32?}",
                        String::from_utf8_lossy(s.get(i..).unwrap_or(&[]))
                    ));
                }
            },
        },
    }
    Ok((c, i + 1))
}

pub(super) fn t_js_delimited(c: Ctx, s: &[u8]) -> Step {
    let specials: &[u8] = match c.state {
        State::JsSqStr => b"\\'",
        State::JsRegexp => b"\\/[]",
        _ => b"\\\"",
    };
    let mut k = 0;
    let mut in_charset = false;
    let mut c = c;
    while let Some(off) = s.get(k..).and_then(|r| find_any(r, specials)) {
        let mut i = k + off;
        match s.get(i) {
            Some(b'\\') => {
                i += 1;
                if i == s.len() {
                    return Err(format!(
                        "unfinished escape sequence in JS string: {:?}",
                        String::from_utf8_lossy(s)
                    ));
                }
            }
            Some(b'[') => in_charset = true,
            Some(b']') => in_charset = false,
            _ => {
                if !in_charset {
                    c.state = State::Js;
                    c.js = JsCtx::DivOp;
                    return Ok((c, i + 1));
                }
            }
        }
        k = i + 1;
    }
    if in_charset {
        return Err(format!(
            "unfinished JS regexp charset: {:?}",
            String::from_utf8_lossy(s)
        ));
    }
    Ok((c, s.len()))
}

pub(super) fn t_line_cmt(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let mut c = c;
    let (ends, end_state): (&[&[u8]], State) = if c.state == State::JsLineCmt {
        (
            &[b"\n", b"\r", "\u{2028}".as_bytes(), "\u{2029}".as_bytes()],
            State::Js,
        )
    } else {
        (&[b"\n", b"\x0c", b"\r"], State::Css)
    };
    let at = ends.iter().filter_map(|e| find(s, e)).min();
    match at {
        Some(i) => {
            c.state = end_state;
            (c, i)
        }
        None => (c, s.len()),
    }
}

pub(super) fn t_css(c: Ctx, s: &[u8]) -> (Ctx, usize) {
    let mut c = c;
    let mut k = 0;
    loop {
        let Some(off) = s.get(k..).and_then(|r| find_any(r, b"(\"'/")) else {
            return (c, s.len());
        };
        let i = k + off;
        match s.get(i) {
            Some(b'(') => {
                let before = s.get(..i).unwrap_or(&[]);
                let p = trim_right(before, b"\t\n\x0c\r ");
                if ends_with_css_keyword(p, b"url") {
                    let after = s.get(i + 1..).unwrap_or(&[]);
                    let j = s.len() - trim_left(after, b"\t\n\x0c\r ").len();
                    return match s.get(j) {
                        Some(b'"') => {
                            c.state = State::CssDqUrl;
                            (c, j + 1)
                        }
                        Some(b'\'') => {
                            c.state = State::CssSqUrl;
                            (c, j + 1)
                        }
                        _ => {
                            c.state = State::CssUrl;
                            (c, j)
                        }
                    };
                }
            }
            Some(b'/') => match s.get(i + 1) {
                Some(b'/') => {
                    c.state = State::CssLineCmt;
                    return (c, i + 2);
                }
                Some(b'*') => {
                    c.state = State::CssBlockCmt;
                    return (c, i + 2);
                }
                _ => {}
            },
            Some(b'"') => {
                c.state = State::CssDqStr;
                return (c, i + 1);
            }
            Some(b'\'') => {
                c.state = State::CssSqStr;
                return (c, i + 1);
            }
            _ => {}
        }
        k = i + 1;
    }
}

pub(super) fn t_css_str(c: Ctx, s: &[u8]) -> Step {
    let end_and_esc: &[u8] = match c.state {
        State::CssDqStr | State::CssDqUrl => b"\\\"",
        State::CssSqStr | State::CssSqUrl => b"\\'",
        _ => b"\\\t\n\x0c\r )",
    };
    let mut c = c;
    let mut k = 0;
    loop {
        let Some(off) = s.get(k..).and_then(|r| find_any(r, end_and_esc)) else {
            let (c2, n) = t_url(
                c,
                &crate::template::escaper::decode_css(s.get(k..).unwrap_or(&[])),
            );
            let _ = n;
            return Ok((c2, s.len()));
        };
        let mut i = k + off;
        if s.get(i) == Some(&b'\\') {
            i += 1;
            if i == s.len() {
                return Err(format!(
                    "unfinished escape sequence in CSS string: {:?}",
                    String::from_utf8_lossy(s)
                ));
            }
        } else {
            c.state = State::Css;
            return Ok((c, i + 1));
        }
        c = t_url(
            c,
            &crate::template::escaper::decode_css(s.get(..i + 1).unwrap_or(&[])),
        )
        .0;
        k = i + 1;
    }
}

fn trim_right<'a>(s: &'a [u8], set: &[u8]) -> &'a [u8] {
    let mut end = s.len();
    while end > 0 && s.get(end - 1).is_some_and(|b| set.contains(b)) {
        end -= 1;
    }
    s.get(..end).unwrap_or(&[])
}

fn trim_left<'a>(s: &'a [u8], set: &[u8]) -> &'a [u8] {
    let start = s.iter().position(|b| !set.contains(b)).unwrap_or(s.len());
    s.get(start..).unwrap_or(&[])
}

fn ends_with_css_keyword(b: &[u8], kw: &[u8]) -> bool {
    let Some(i) = b.len().checked_sub(kw.len()) else {
        return false;
    };
    if i != 0 {
        let prev = String::from_utf8_lossy(b.get(..i).unwrap_or(&[]));
        if prev
            .chars()
            .next_back()
            .is_some_and(crate::template::escaper::is_css_nmchar)
        {
            return false;
        }
    }
    b.get(i..).is_some_and(|t| t.eq_ignore_ascii_case(kw))
}

/// Whether a `/` after `s` starts a regexp or a division, as Go guesses it.
pub fn next_js_ctx(s: &[u8], preceding: JsCtx) -> JsCtx {
    let text = String::from_utf8_lossy(s);
    let s = text.trim_end_matches(['\t', '\n', '\x0c', '\r', ' ', '\u{2028}', '\u{2029}']);
    let b = s.as_bytes();
    let Some(&c) = b.last() else {
        return preceding;
    };
    let n = b.len();
    match c {
        b'+' | b'-' => {
            let mut start = n - 1;
            while start > 0 && b.get(start - 1) == Some(&c) {
                start -= 1;
            }
            if (n - start) & 1 == 1 {
                JsCtx::Regexp
            } else {
                JsCtx::DivOp
            }
        }
        b'.' => {
            if n != 1 && b.get(n - 2).is_some_and(u8::is_ascii_digit) {
                JsCtx::DivOp
            } else {
                JsCtx::Regexp
            }
        }
        b',' | b'<' | b'>' | b'=' | b'*' | b'%' | b'&' | b'|' | b'^' | b'?' | b'!' | b'~'
        | b'(' | b'[' | b':' | b';' | b'{' | b'}' => JsCtx::Regexp,
        _ => {
            let mut j = n;
            while j > 0 && b.get(j - 1).is_some_and(|&x| is_js_ident_part(x)) {
                j -= 1;
            }
            let word = s.get(j..).unwrap_or("");
            if matches!(
                word,
                "break"
                    | "case"
                    | "continue"
                    | "delete"
                    | "do"
                    | "else"
                    | "finally"
                    | "in"
                    | "instanceof"
                    | "return"
                    | "throw"
                    | "try"
                    | "typeof"
                    | "void"
            ) {
                JsCtx::Regexp
            } else {
                JsCtx::DivOp
            }
        }
    }
}

pub fn is_js_ident_part(b: u8) -> bool {
    b == b'$' || b == b'_' || b.is_ascii_alphanumeric()
}
