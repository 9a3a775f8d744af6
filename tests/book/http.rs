//! Just enough HTTP over `std::net` for the tests that look at the book as a browser gets it: a
//! client for one `GET` at a time, a static file server that publishes a folder under a
//! sub-path the way GitHub Pages does, and the links a page or stylesheet points at, resolved
//! the way a browser resolves them. Loopback only: nothing here ever leaves 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// One answer.
pub struct Response {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET path` from the server at `addr`; `None` when nothing answers (not listening yet).
pub fn get(addr: SocketAddr, path: &str) -> Option<Response> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let content_type = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    Some(Response {
        status,
        content_type,
        body: raw[split + 4..].to_vec(),
    })
}

/// A free port on 127.0.0.1 (bound, read, released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Serves `dir` at `prefix` (`/name/`) on 127.0.0.1, as GitHub Pages serves a project site:
/// `GET` only, a folder's `index.html` for a path ending in `/`, a redirect to add the `/` to a
/// folder's path, and for anything missing `404.html` with status 404. The server runs on its
/// own thread until the test binary exits.
pub fn serve_static(dir: PathBuf, prefix: &'static str) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(&dir, prefix, stream);
        }
    });
    addr
}

fn answer(dir: &Path, prefix: &str, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut words = request.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, location, file) = if method != "GET" {
        (405, None, None)
    } else {
        let path = target.split(['?', '#']).next().unwrap_or("");
        match lookup(dir, prefix, path) {
            Found::File(file) => (200, None, Some(file)),
            Found::Folder => (301, Some(format!("{path}/")), None),
            Found::Missing => (404, None, Some(dir.join("404.html"))),
        }
    };
    let body = match &file {
        Some(file) => std::fs::read(file).unwrap_or_default(),
        None => Vec::new(),
    };
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        file.as_deref().map_or("text/plain", content_type),
        body.len()
    );
    if let Some(location) = location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)
}

enum Found {
    File(PathBuf),
    Folder,
    Missing,
}

/// The file a URL path names under `prefix`; never anything outside `dir`.
fn lookup(dir: &Path, prefix: &str, path: &str) -> Found {
    if path == prefix.trim_end_matches('/') {
        return Found::Folder;
    }
    let Some(rest) = path.strip_prefix(prefix) else {
        return Found::Missing;
    };
    let rest = mdbook_hugo::percent::decode(rest);
    let relative = Path::new(rest.as_ref());
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Found::Missing;
    }
    let file = dir.join(relative);
    if file.is_dir() {
        if rest.is_empty() || rest.ends_with('/') {
            let index = file.join("index.html");
            return if index.is_file() {
                Found::File(index)
            } else {
                Found::Missing
            };
        }
        return Found::Folder;
    }
    if file.is_file() {
        Found::File(file)
    } else {
        Found::Missing
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The values of the `href` and `src` attributes of an HTML page's tags (not of text that shows
/// one), entities decoded, in order.
pub fn html_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(at) = html[from..].find(attr) {
            let start = from + at;
            from = start + attr.len();
            // A whole attribute name: `data-src=` is not `src=`.
            if start == 0 || !bytes[start - 1].is_ascii_whitespace() {
                continue;
            }
            // Inside a tag: `&lt;a href="..."&gt;` shown in a code block is text.
            let before = &html[..start];
            if before
                .rfind('<')
                .is_none_or(|lt| before.rfind('>').is_some_and(|gt| gt > lt))
            {
                continue;
            }
            let Some(&quote) = bytes.get(from).filter(|q| **q == b'"' || **q == b'\'') else {
                continue;
            };
            let value_start = from + 1;
            let Some(len) = html[value_start..].find(quote as char) else {
                continue;
            };
            out.push(decode_entities(&html[value_start..value_start + len]));
            from = value_start + len;
        }
    }
    out
}

/// The `<base href>` of a page, if it has one.
pub fn base_href(html: &str) -> Option<String> {
    let at = html.find("<base ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    html_links(tag).into_iter().next()
}

/// The targets of `url(...)` in a stylesheet, quotes removed.
pub fn css_urls(css: &str) -> Vec<String> {
    css.split("url(")
        .skip(1)
        .filter_map(|piece| {
            let value = piece[..piece.find(')')?].trim();
            Some(value.trim_matches(['"', '\'']).to_owned())
        })
        .collect()
}

fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Where `link`, found on a page whose base URL path is `base`, points on the server at
/// `origin` (`127.0.0.1:port`): a URL path with its fragment (if any) split off. `None` for
/// links that leave the server (other hosts, `mailto:`, `javascript:`, `data:`) and for links
/// to the page itself (`#x`, empty).
pub fn resolve(base: &str, link: &str, origin: &str) -> Option<(String, Option<String>)> {
    let link = link.trim();
    if link.is_empty() || link.starts_with('#') {
        return None;
    }
    let (link, fragment) = match link.split_once('#') {
        Some((l, f)) => (l, Some(f.to_owned())),
        None => (link, None),
    };
    let link = link.split('?').next().unwrap_or("");
    let scheme_end = link.find(':');
    let first_slash = link.find('/').unwrap_or(link.len());
    let path = if let Some(colon) = scheme_end.filter(|c| *c < first_slash) {
        let scheme = &link[..colon];
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return None;
        }
        on_origin(&link[colon + 1..], origin)?
    } else if link.starts_with("//") {
        on_origin(link, origin)?
    } else if link.starts_with('/') {
        link.to_owned()
    } else {
        format!("{}{link}", &base[..base.rfind('/').map_or(0, |i| i + 1)])
    };
    Some((normalize(&path), fragment))
}

/// The path of `//host/path` when host is `origin`.
fn on_origin(authority_and_path: &str, origin: &str) -> Option<String> {
    let rest = authority_and_path.strip_prefix("//")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    (host == origin).then(|| if path.is_empty() { "/" } else { path }.to_owned())
}

/// `.` and `..` segments removed, as RFC 3986 does.
fn normalize(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    let joined = segments.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[test]
fn links_resolve_as_a_browser_resolves_them() {
    let o = "127.0.0.1:9";
    let r = |base, link| resolve(base, link, o);
    assert_eq!(
        r("/site/post/a/index.html", "../b/index.html#x"),
        Some(("/site/post/b/index.html".into(), Some("x".into())))
    );
    assert_eq!(
        r("/site/", "css/a.css?v=1"),
        Some(("/site/css/a.css".into(), None))
    );
    assert_eq!(r("/site/x.html", "/site/"), Some(("/site/".into(), None)));
    assert_eq!(
        r("/site/x.html", "http://127.0.0.1:9/site/y.html"),
        Some(("/site/y.html".into(), None))
    );
    assert_eq!(r("/site/x.html", "https://example.org/"), None);
    assert_eq!(r("/site/x.html", "//example.org/a"), None);
    assert_eq!(r("/site/x.html", "mailto:a@b"), None);
    assert_eq!(r("/site/x.html", "#top"), None);
    assert_eq!(r("/site/a/b.html", "../../../x"), Some(("/x".into(), None)));
    assert_eq!(
        html_links(
            "<a href=\"a?b=1&amp;c=2\"><img data-src=\"no\" src='i.png'> &lt;a href=\"shown\"&gt;"
        ),
        ["a?b=1&c=2", "i.png"]
    );
    assert_eq!(
        css_urls("@font-face { src: url('../f.woff2') } a { background: url(x.png) }"),
        ["../f.woff2", "x.png"]
    );
}
