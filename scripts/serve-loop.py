#!/usr/bin/env python3
"""Measures the writing loop under `mdbook serve` on the real book with the real book.toml (the
preprocessor through its `cargo run` command):

- post: from saving a post to the rebuilt page being served with the change;
- preprocessor: from touching a file of the preprocessor's source (so cargo recompiles it) and
  saving a post to the page being served with the change: recompile + rebuild;
- build: one `mdbook build` on its own, for comparison (the loop adds the watcher's wait).

Each save appends a paragraph with a fresh marker to the post; the page is polled over HTTP
every 20 ms until the marker shows. mdBook's watcher polls the files every second, so a save
waits 0 to 1 s before the build starts.

By default the repository's sources (book.toml, book/, the cargo workspace) are copied
into a scratch folder under target/ and measured there with their own cargo target folder
(its first build, not measured, compiles the preprocessor once): nothing in the working tree
is touched, and other builds in it do not share the cargo lock. --in-place measures the
working tree itself (the post is put back, the Rust file only gets a new mtime).

--site NAME measures a Hugo blog served as a book instead (`chapters = "site"`): a copy of the
fixture site tests/sites/NAME with the writer's book.toml (the preprocessor is the release
binary, built once in the repository, not measured), then

- new post: from saving a new post (tagged `Go`) into content/ to the sidebar (toc.html) and
  the tag's page (tags/go/) both being served with it;
- edit tags: from giving a post a new tag to that new term's page being served with the post;
- settle: builds started in the 5 s after the last change (0 means no rebuild loop).

Usage: scripts/serve-loop.py [--reps 5] [--rust-reps 3] [--post book/post/.../index.md]
                             [--rust-file preprocessor/src/lib.rs] [--in-place] [--keep]
       scripts/serve-loop.py --site stack [--reps 5] [--keep]
Needs: mdbook 0.5.4 on PATH, cargo.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What `mdbook serve` and `cargo run --package mdbook-hugo` read, as paths in the repository.
COPIED = ["Cargo.toml", "Cargo.lock", "book.toml", ".gitignore", "book", "preprocessor", "src"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url, marker, timeout, poll=0.02):
    """Seconds until the page at url contains marker."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        body = fetch(url)
        if body is not None and marker in body:
            return time.monotonic() - start
        time.sleep(poll)
    raise SystemExit(f"{url} did not show {marker!r} within {timeout}s")


def copy_sources(dest):
    for name in COPIED:
        src = os.path.join(ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name), ignore=shutil.ignore_patterns("target"))
        elif os.path.exists(src):
            shutil.copy2(src, os.path.join(dest, name))


def summary(name, samples):
    samples = sorted(samples)
    return (f"{name}: median {statistics.median(samples):.2f} s over {len(samples)} "
            f"(min {samples[0]:.2f}, max {samples[-1]:.2f}; all: "
            + ", ".join(f"{s:.2f}" for s in samples) + ")")


SITE_BOOK_TOML = """[book]
title = "My blog"
src = "book"

[build]
build-dir = "public-book"
create-missing = false
extra-watch-dirs = ["content", "static", "layouts"]

[preprocessor.hugo]
command = {command}
chapters = "site"

[output.html]
additional-css = ["book/mdbook-hugo/hugo.css", "book/mdbook-hugo/shortcodes.css"]
additional-js = ["book/mdbook-hugo/shortcodes.js"]
"""


def start_server(book, env):
    """mdbook serve in book, once it is watching: (process, port, log path)."""
    port = free_port()
    log_path = os.path.join(tempfile.gettempdir(), f"serve-loop-{port}.log")
    log = open(log_path, "w")
    server = subprocess.Popen(["mdbook", "serve", "-p", str(port), "-n", "127.0.0.1"], cwd=book,
                              env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    server.log_file = log
    wait_for(f"http://127.0.0.1:{port}/index.html", "<html", 600, poll=0.2)
    deadline = time.monotonic() + 60
    while "Watching for changes" not in open(log_path).read():
        if time.monotonic() > deadline:
            raise SystemExit(f"mdbook serve is not watching; see {log_path}")
        time.sleep(0.1)
    time.sleep(1.5)
    return server, port, log_path


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait()
    server.log_file.close()


def wait_all(urls, marker, timeout, poll=0.02):
    """Seconds until each of urls contains marker (each timed from the same start)."""
    start = time.monotonic()
    times = {}
    while len(times) < len(urls):
        if time.monotonic() - start > timeout:
            missing = [u for u in urls if u not in times]
            raise SystemExit(f"{missing} did not show {marker!r} within {timeout}s")
        for url in urls:
            if url not in times:
                body = fetch(url)
                if body is not None and marker in body:
                    times[url] = time.monotonic() - start
        time.sleep(poll)
    return [times[u] for u in urls]


def post_text(title, date, tags):
    lines = ["---", f"title: {title}", f"date: {date}", "tags:"] + [f"  - {t}" for t in tags]
    return "\n".join(lines + ["---", "", f"{title}: written by serve-loop.", ""])


def site_main(args):
    """The writing loop on a Hugo blog served as a book."""
    source = os.path.join(ROOT, "tests", "sites", args.site)
    if not os.path.isdir(source):
        raise SystemExit(f"no fixture site {source}")
    env = dict(os.environ)
    env.pop("MDBOOK_LOG", None)
    print("building the preprocessor (not measured)...", flush=True)
    subprocess.run(["cargo", "build", "--quiet", "--locked", "--release", "--package", "mdbook-hugo"],
                   cwd=ROOT, env=env, check=True)
    target = env.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    binary = os.path.join(ROOT, target, "release", "mdbook-hugo")
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    book = tempfile.mkdtemp(prefix="serve-loop-site-", dir=os.path.join(ROOT, "target"))
    shutil.copytree(source, book, dirs_exist_ok=True)
    with open(os.path.join(book, "book.toml"), "w") as f:
        f.write(SITE_BOOK_TOML.format(command=json.dumps(binary)))
    os.makedirs(os.path.join(book, "book"), exist_ok=True)
    with open(os.path.join(book, "book", "SUMMARY.md"), "w") as f:
        f.write("# Summary\n")
    # What a writer git-ignores; mdBook's watcher reads the .gitignore at the book's root.
    with open(os.path.join(book, ".gitignore"), "w") as f:
        f.write("/public-book/\n")
    print(f"site: {book}", flush=True)

    builds = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(3):
            start = time.monotonic()
            subprocess.run(["mdbook", "build", "-d", out], cwd=book, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            builds.append(time.monotonic() - start)

    server, port, log_path = start_server(book, env)
    base = f"http://127.0.0.1:{port}"
    sidebar, term, retag, quiet = [], [], [], None
    try:
        posts = []
        for i in range(args.reps):
            marker = uuid.uuid4().hex[:12]
            title = f"Loop post {marker}"
            folder = os.path.join(book, "content", "post", f"loop-{marker}")
            os.makedirs(folder)
            path = os.path.join(folder, "index.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(post_text(title, f"2024-07-{i + 1:02d}", ["Go"]))
            posts.append((path, title, i))
            toc, tag = wait_all([f"{base}/toc.html", f"{base}/tags/go/index.html"], marker, 120)
            sidebar.append(toc)
            term.append(tag)
            print(f"new post {i + 1}: sidebar {toc:.2f} s, tag page {tag:.2f} s", flush=True)
            time.sleep(1.5)

        for path, title, i in posts:
            tag = f"loop-tag-{uuid.uuid4().hex[:12]}"
            with open(path, "w", encoding="utf-8") as f:
                f.write(post_text(title, f"2024-07-{i + 1:02d}", ["Go", tag]))
            (seconds,) = wait_all([f"{base}/tags/{tag}/index.html"], title, 120)
            retag.append(seconds)
            print(f"edit tags {i + 1}: new term page {seconds:.2f} s", flush=True)
            time.sleep(1.5)

        time.sleep(2)
        before = open(log_path).read().count("Book building has started")
        time.sleep(5)
        quiet = open(log_path).read().count("Book building has started") - before
    finally:
        stop_server(server)
        if not args.keep:
            shutil.rmtree(book, ignore_errors=True)

    starts = open(log_path).read().count("Book building has started")
    print()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"mdbook serve built {starts} times; log: {log_path}")
    print(summary("mdbook build alone", builds))
    print(summary("new post -> sidebar served", sidebar))
    print(summary("new post -> tag page served", term))
    print(summary("edit tags -> new term page served", retag))
    print(f"settle: {quiet} builds in the 5 s after the last change")
    if quiet:
        raise SystemExit("mdbook serve kept rebuilding with nothing changed")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=5, help="saves of a post (default 5)")
    ap.add_argument("--rust-reps", type=int, default=3, help="touches of the preprocessor (default 3)")
    ap.add_argument("--post", default="book/post/kubernetes-intro/index.md")
    ap.add_argument("--rust-file", default="preprocessor/src/lib.rs")
    ap.add_argument("--in-place", action="store_true", help="measure the working tree itself")
    ap.add_argument("--keep", action="store_true", help="keep the scratch copy")
    ap.add_argument("--site", help="measure the fixture blog tests/sites/SITE served as a book")
    args = ap.parse_args()
    if args.site:
        return site_main(args)

    if args.in_place:
        book = ROOT
    else:
        os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
        book = tempfile.mkdtemp(prefix="serve-loop-", dir=os.path.join(ROOT, "target"))
        copy_sources(book)
    env = dict(os.environ)
    env.pop("MDBOOK_LOG", None)
    env.pop("CARGO_TARGET_DIR", None)
    post = os.path.join(book, args.post)
    rust_file = os.path.join(book, args.rust_file)
    page = "/" + os.path.splitext(args.post.split("/", 1)[1])[0] + ".html"
    original = open(post, encoding="utf-8").read()

    print(f"book: {book}", flush=True)
    print("compiling the preprocessor (not measured)...", flush=True)
    subprocess.run(["cargo", "build", "--quiet", "--locked", "--release", "--package", "mdbook-hugo"],
                   cwd=book, env=env, check=True)

    builds = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(3):
            start = time.monotonic()
            subprocess.run(["mdbook", "build", "-d", out], cwd=book, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            builds.append(time.monotonic() - start)

    port = free_port()
    url = f"http://127.0.0.1:{port}{page}"
    log_path = os.path.join(tempfile.gettempdir(), f"serve-loop-{port}.log")
    log = open(log_path, "w")
    server = subprocess.Popen(["mdbook", "serve", "-p", str(port), "-n", "127.0.0.1"], cwd=book,
                              env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    saves, touches = [], []
    try:
        wait_for(url, "<html", 600, poll=0.2)
        deadline = time.monotonic() + 60
        while "Watching for changes" not in open(log_path).read():
            if time.monotonic() > deadline:
                raise SystemExit(f"mdbook serve is not watching; see {log_path}")
            time.sleep(0.1)
        time.sleep(1.5)

        def save(marker):
            with open(post, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + f"\n\nserve-loop marker {marker}\n")

        for i in range(args.reps):
            marker = uuid.uuid4().hex
            save(marker)
            seconds = wait_for(url, marker, 120)
            saves.append(seconds)
            print(f"post save {i + 1}: {seconds:.2f} s", flush=True)
            time.sleep(1.5)

        for i in range(args.rust_reps):
            marker = uuid.uuid4().hex
            os.utime(rust_file)
            save(marker)
            seconds = wait_for(url, marker, 900)
            touches.append(seconds)
            print(f"preprocessor touch {i + 1}: {seconds:.2f} s", flush=True)
            time.sleep(1.5)
    finally:
        with open(post, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(2)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
        log.close()
        if not args.in_place and not args.keep:
            shutil.rmtree(book, ignore_errors=True)

    starts = open(log_path).read().count("Book building has started")
    print()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"mdbook serve built {starts} times; log: {log_path}")
    print(summary("mdbook build alone", builds))
    if saves:
        print(summary("save a post -> page served", saves))
    if touches:
        print(summary("touch preprocessor source + save -> page served", touches))


if __name__ == "__main__":
    sys.exit(main())
