//! The writer's loop under the real `mdbook serve`, on a copy of the book: a post whose front
//! matter breaks shows an error box while the other pages serve on, fixing it removes the box,
//! a draft shows marked, and once the files are quiet the server stops rebuilding. And a Hugo
//! blog served as a book (`chapters = "site"`): a new post saved into `content/` shows in the
//! sidebar and on its term page, editing its tags moves it between term pages, and the server
//! settles though the preprocessor writes the post's picture into the book's source folder.
//!
//! The copy has the repository's `book.toml` unchanged; the preprocessor's command is pointed at
//! the release binary through mdBook's environment override (`MDBOOK_PREPROCESSOR__HUGO__COMMAND`),
//! so no `cargo` runs inside the loop and the test stays fast.

use crate::http;
use crate::support;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BROKEN: &str = "post/kubernetes-services/index.md";
const BROKEN_PAGE: &str = "/post/kubernetes-services/index.html";
/// A page that does not link to the broken post, so it must stay free of problems.
const OTHER_PAGE: &str = "/post/kubernetes-api-request-lifecycle/index.html";
const DRAFT: &str = "post/kubernetes-scheduling/index.md";
const DRAFT_PAGE: &str = "/post/kubernetes-scheduling/index.html";
const STARTED: &str = "Book building has started";

/// A running `mdbook serve`, killed when dropped (also when the test panics).
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(book: &Path) -> Server {
        let port = http::free_port();
        let mut child = Command::new("mdbook")
            .args(["serve", "-p", &port.to_string(), "-n", "127.0.0.1"])
            .current_dir(book)
            .env("MDBOOK_PREPROCESSOR__HUGO__COMMAND", support::binary())
            .env_remove("MDBOOK_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mdbook serve starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            log,
        }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// Quiet files, quiet server: after `wait` for the last build to finish, no build starts by
    /// itself in the next 5 s (the watcher polls every second), and at least `changes` builds
    /// ran in all.
    fn assert_settles(&self, wait: Duration, changes: usize) {
        std::thread::sleep(wait);
        let builds = self.builds();
        std::thread::sleep(Duration::from_secs(5));
        assert_eq!(
            self.builds(),
            builds,
            "mdbook serve rebuilds with nothing changed:\n{}",
            self.log()
        );
        assert!(
            builds >= changes,
            "fewer builds than changes:\n{}",
            self.log()
        );
    }

    fn builds(&self) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(STARTED))
            .count()
    }

    /// Polls `path` until `ok` holds for its text; panics with mdBook's log after `secs`.
    fn wait_for(&mut self, path: &str, what: &str, secs: u64, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(response) = http::get(self.addr, path)
                && response.status == 200
            {
                let text = response.text();
                if ok(&text) {
                    return text;
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("mdbook serve exited ({status}):\n{}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "{path} did not show {what} within {secs}s; mdbook serve said:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until mdBook's log has a line containing `text`.
    fn wait_for_log(&self, text: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !self.log().contains(text) {
            assert!(
                Instant::now() < deadline,
                "mdbook serve never said {text:?}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The files `mdbook serve` reads and watches: `book.toml`, `book/`, the preprocessor's theme
/// and source (an `extra-watch-dirs` entry) and `.gitignore`, which mdBook's watcher
/// reads (without it the repository's `/target` rule would hide the copy, which sits in
/// `target/`, from the watcher).
fn copy_book() -> PathBuf {
    let root = support::root();
    let copy = support::scratch("serve");
    for file in ["book.toml", ".gitignore"] {
        std::fs::copy(root.join(file), copy.join(file)).unwrap();
    }
    for dir in ["book", "preprocessor/theme", "preprocessor/src"] {
        copy_dir(&root.join(dir), &copy.join(dir));
    }
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `text` with `line` added right after its opening `---`.
fn with_front_matter_line(text: &str, line: &str) -> String {
    let rest = text
        .strip_prefix("---\n")
        .expect("the post opens with YAML front matter");
    format!("---\n{line}\n{rest}")
}

#[test]
#[ignore = "needs the mdbook CLI (.ci/run installs it)"]
fn serve_shows_problems_and_drafts_and_settles() {
    support::require("mdbook", "the `mdbook serve` test");
    let book = copy_book();
    let mut server = Server::start(&book);
    let original = server.wait_for(BROKEN_PAGE, "the post", 120, |t| {
        t.contains("<h1 class=\"hugo-title\">Services and kube-proxy</h1>")
    });
    assert!(
        !original.contains("class=\"hugo-error\""),
        "an error box before any change"
    );
    // The watcher takes its first look at the files after the first build; change them after.
    server.wait_for_log("Watching for changes", 30);
    std::thread::sleep(Duration::from_millis(1500));

    // Break the front matter: the page shows the problem, the other pages serve on.
    let source = book.join("book").join(BROKEN);
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, with_front_matter_line(&text, "aliases: [unclosed")).unwrap();
    let broken = server.wait_for(BROKEN_PAGE, "an error box", 60, |t| {
        t.contains("class=\"hugo-error\"")
    });
    assert!(
        broken.contains(&format!("book/{BROKEN}:")),
        "the box does not name the file:\n{broken}"
    );
    assert!(
        broken.contains("ClusterIP"),
        "the post's body is gone while its front matter is broken"
    );
    let other = server.wait_for(OTHER_PAGE, "the other post", 10, |_| true);
    assert!(
        other.contains("<h1 class=\"hugo-title\">The life of a request</h1>")
            && !other.contains("class=\"hugo-error\""),
        "another page suffers from the broken post"
    );

    // Fix it: the box goes.
    std::fs::write(&source, &text).unwrap();
    server.wait_for(BROKEN_PAGE, "the post without the box", 60, |t| {
        !t.contains("class=\"hugo-error\"")
            && t.contains("<h1 class=\"hugo-title\">Services and kube-proxy</h1>")
    });

    // A draft shows marked.
    let draft = book.join("book").join(DRAFT);
    let text = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(&draft, with_front_matter_line(&text, "draft: true")).unwrap();
    server.wait_for(DRAFT_PAGE, "the draft mark", 60, |t| {
        t.contains("class=\"hugo-draft\"")
    });

    server.assert_settles(Duration::from_secs(2), 4);
    drop(server);
    let _ = std::fs::remove_dir_all(&book);
}

const FRESH: &str = "---\ntitle: A Fresh Post\ndate: 2024-06-01\ntags:\n  - Go\n---\n\n\
                     Just written, with a picture: ![a picture](pic.jpg)\n";

/// The same post, its tags edited.
const RETAGGED: &str = "---\ntitle: A Fresh Post\ndate: 2024-06-01\ntags:\n  - Photos\n  - \
                        Brand New\n---\n\nJust written, with a picture: ![a picture](pic.jpg)\n";

#[test]
#[ignore = "needs the mdbook CLI (.ci/run installs it)"]
fn serve_a_blog_shows_a_new_post_and_its_edited_tags_and_settles() {
    support::require("mdbook", "the `mdbook serve` test");
    // A Hugo blog with the writer's book.toml; its build folder is what a writer git-ignores
    // (mdBook's watcher reads the `.gitignore` at the book's root).
    let site = crate::site::copy("stack");
    crate::site::add_book(&site);
    std::fs::write(site.join(".gitignore"), "/public-book/\n").unwrap();
    let mut server = Server::start(&site);
    server.wait_for("/p/hello-world/index.html", "the first post", 120, |t| {
        t.contains("<h1 class=\"hugo-title\">Hello, World</h1>")
    });
    server.wait_for_log("Watching for changes", 30);
    std::thread::sleep(Duration::from_millis(1500));

    // A new post saved into content/, in a bundle with its picture (the picture first, as an
    // editor or `cp` would leave it).
    let bundle = site.join("content/post/fresh-post");
    std::fs::create_dir_all(&bundle).unwrap();
    let picture = std::fs::read(site.join("content/post/hello-world/cover.jpg")).unwrap();
    std::fs::write(bundle.join("pic.jpg"), picture).unwrap();
    std::fs::write(bundle.join("index.md"), FRESH).unwrap();
    let toc = |t: &str| t.contains("A Fresh Post");
    server.wait_for("/toc.html", "the new post in the sidebar", 60, toc);
    // The sidebar a browser shows is the script every page loads (`toc-<hash>.js`).
    let home = server.wait_for("/index.html", "the home page", 10, |_| true);
    let script = home
        .split("src=\"")
        .filter_map(|s| s.split('"').next())
        .find(|s| s.starts_with("toc") && s.ends_with(".js"))
        .expect("the home page loads the sidebar's script")
        .to_owned();
    server.wait_for(
        &format!("/{script}"),
        "the new post in the sidebar",
        10,
        toc,
    );
    let go = server.wait_for("/tags/go/index.html", "the new post", 10, toc);
    // The newest post first, as Hugo orders a term's pages.
    let (fresh, second) = (go.find("A Fresh Post"), go.find("The Second Post"));
    assert!(
        fresh.is_some() && second.is_some() && fresh < second,
        "the term page does not list the new post first:\n{go}"
    );
    server.wait_for("/p/a-fresh-post/index.html", "the new post", 10, |t| {
        t.contains("src=\"pic.jpg\"")
    });
    server.wait_for("/p/a-fresh-post/pic.jpg", "its picture", 10, |_| true);

    // Its tags edited: it leaves one term page and appears on another, and on a new one.
    std::fs::write(bundle.join("index.md"), RETAGGED).unwrap();
    server.wait_for("/tags/brand-new/index.html", "the new term", 60, toc);
    server.wait_for("/tags/photos/index.html", "the post", 10, toc);
    server.wait_for("/tags/go/index.html", "the post gone", 10, |t| {
        !toc(t) && t.contains("The Second Post")
    });

    // Quiet though the preprocessor wrote the picture into book/.
    server.assert_settles(Duration::from_secs(3), 3);
    drop(server);
    let _ = std::fs::remove_dir_all(&site);
}
