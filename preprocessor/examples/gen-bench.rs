//! Synthetic series for the benchmark (`scripts/bench.sh`): N Hugo posts of about 4 KB each,
//! every one with front matter holding two `links:` cards, six `/p/<slug>/` links to other
//! posts (two with an `#anchor`), a code block, a table, a list and two shortcodes: Hugo's
//! built-in `figure` and a site template, `notice`, whose inner content holds a link
//! (`layouts/shortcodes/notice.html`, written beside the JSON or into the book). Deterministic:
//! the same N gives the same bytes.
//!
//! ```sh
//! cargo run --release -p mdbook-hugo --example gen-bench -- 10000 target/bench/10000.json
//! cargo run --release -p mdbook-hugo --example gen-bench -- 1000 --book target/bench/book-1000 'mdbook-hugo'
//! ```
//!
//! The first form writes the `[context, book]` JSON mdBook sends a preprocessor, built with
//! mdBook's own types (the `html` renderer under `mdbook build`). The second writes a book folder
//! (`book.toml`, `src/SUMMARY.md`, `src/post/<slug>/index.md`) whose `[preprocessor.hugo]`
//! runs the given command; with no command, the book has no preprocessor.
//!
//! ```sh
//! cargo run --release -p mdbook-hugo --example gen-bench -- 10000 --site target/bench/site-10000
//! ```
//!
//! The third form writes the series as a Hugo site, a book made from it (`chapters = "site"`)
//! and the two JSON inputs of the benchmark's site-mode row: what mdBook sends for that book
//! (`site.json`, an empty book) and the same book as chapters (`full.json`); see `site.rs`.

#[path = "gen-bench/site.rs"]
mod site;

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};
use mdbook_preprocessor::config::Config;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: gen-bench N OUT.json | gen-bench N --book DIR [COMMAND] | gen-bench N --site DIR";
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| fail(usage));
    match args.get(1).map(String::as_str) {
        Some("--book") => {
            let dir = args.get(2).unwrap_or_else(|| fail(usage));
            write_book(n, Path::new(dir), args.get(3).map(String::as_str));
        }
        Some("--site") if args.len() == 3 => site::write_site(n, Path::new(&args[2])),
        Some(out) if args.len() == 2 => write_json(n, Path::new(out)),
        _ => fail(usage),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}

fn slug(i: usize) -> String {
    format!("bench-post-{i:05}")
}

fn path(i: usize) -> String {
    format!("post/{}/index.md", slug(i))
}

fn title(i: usize) -> String {
    format!("Benchmark post number {i}")
}

/// The taxonomies of the series' posts in a book of chapters: the same two tags and one
/// category on every post.
const SERIES_TERMS: &str = "categories:\n- kubernetes\ntags:\n- benchmark\n- synthetic\n";

/// The post `i` of `n`: front matter and body, about 4 KB.
fn post(i: usize, n: usize) -> String {
    post_with_terms(i, n, SERIES_TERMS)
}

/// The post `i` of `n` with `terms` (YAML lines: `categories:` and `tags:` lists) in its front
/// matter.
fn post_with_terms(i: usize, n: usize, terms: &str) -> String {
    // Link targets spread over the whole series, forward and backward.
    let target = |k: usize| slug((i * 7919 + k * 104_729 + 1) % n);
    let mut s = String::with_capacity(4500);
    let _ = write!(
        s,
        r#"---
title: "{title}"
description: "Synthetic post {i} of {n}: front matter, links between posts, code, a table and a list, as a real post has them."
slug: {slug}
date: 2025-{month:02}-{day:02} 09:00:00+0000
lastmod: 2025-{month2:02}-{day:02}T10:30:00Z
{terms}weight: {i}
links:
- title: Kubernetes documentation
  description: The concepts section of the official documentation.
  website: https://kubernetes.io/docs/concepts/
- title: The Kubernetes API
  description: The API reference, one page per kind.
  website: https://kubernetes.io/docs/reference/kubernetes-api/
---

This is post {i} of the series. It picks up where [the previous part]({l0}) stopped and
prepares [the next one]({l1}) :rocket:. Every post in this series is written the way a real post is
written: a few paragraphs, a code block with a manifest, a table comparing options, and a list
of things to remember. The words matter less than their shape, which is what the preprocessor
reads: front matter, links between posts, code it must leave alone.

## Overview

A controller watches the objects it owns and moves the cluster toward what they describe. The
API server stores the desired state; the scheduler picks nodes; the kubelet starts containers.
Each piece does one job and talks to the others only through the API, which is why the system
keeps working when one piece restarts. See [how scheduling works]({l2}#how-it-works) for the
part that decides where pods run, and [the node]({l3}) for what happens once they get there.

## Setting it up

Apply the manifest below with `kubectl apply -f web.yaml`, then watch the pods come up with
`kubectl get pods --watch`. A link inside code, like `/p/{slug}/`, stays exactly as written.

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
        # see /p/{slug}/ for the probes
```

{{{{< notice tip "Remember" >}}}}
The API server is the only component that talks to etcd: read [the request's life]({l0}) for
what it checks on the way.
{{{{< /notice >}}}}

## How it works

{{{{< figure src="architecture.svg" alt="The components and who talks to whom" caption="The *whole* architecture" >}}}}

| Component | Runs on | Talks to | Stores state |
| --- | --- | --- | --- |
| API server | control plane | everyone | in etcd |
| Scheduler | control plane | API server | no |
| Controller manager | control plane | API server | no |
| Kubelet | every node | API server, runtime | no |
| Kube-proxy | every node | API server, kernel | no |

The table is the whole architecture in five rows. Everything else is a detail of one of them,
and [the architecture post]({l4}#overview) draws the same picture with arrows.

## Trade-offs

- Declarative objects make the desired state easy to review, diff and roll back.
- Controllers retry forever, so transient failures heal without anyone paging a human.
- Level-triggered loops cost some latency: a change waits for the next resync or watch event.
- Everything through the API server means one place to secure, audit and rate-limit.
- The price is indirection: finding why a pod is pending means reading events from three places.

## Summary

Kubernetes is a set of small loops that agree on one source of truth. Once that idea clicks,
the rest of the series is a tour of the loops, one component at a time, each post building on
the last. The next post goes deeper into one of them; the cards below point to the reference
documentation for everything mentioned here.

Before moving on, try the manifest on a local cluster: scale the Deployment to five replicas,
delete a pod by hand and watch the controller replace it, then change the image tag and follow
the rollout with `kubectl rollout status deployment/web-{i}`. Each of these steps exercises one
of the loops described above, and seeing them react is worth more than any diagram. When
something does not behave as expected, `kubectl describe` and the events it lists are the first
place to look.
"#,
        title = title(i),
        slug = slug(i),
        month = 1 + i % 12,
        month2 = 1 + (i + 1) % 12,
        day = 1 + i % 28,
        l0 = format_args!("/p/{}/", target(0)),
        l1 = format_args!("/p/{}/", target(1)),
        l2 = format_args!("/p/{}/", target(2)),
        l3 = format_args!("/p/{}", target(3)),
        l4 = format_args!("/p/{}/", target(4)),
    );
    s
}

fn config_toml(command: Option<&str>) -> String {
    let mut toml = String::from(
        "[book]\ntitle = \"Benchmark series\"\nsrc = \"src\"\n\n[build]\nbuild-dir = \"out\"\n",
    );
    if let Some(command) = command {
        let _ = write!(
            toml,
            "\n[preprocessor.hugo]\ncommand = {command:?}\nafter = [\"index\"]\nbefore = [\"links\"]\n"
        );
    }
    toml
}

/// A callout template as Hugo blogs write them: a type and a title from the parameters, the
/// inner content as markdown.
const NOTICE: &str = r#"{{- $type := .Get 0 | default "info" -}}
<div class="notice notice-{{ $type }}">
  {{- with .Get 1 }}<p class="notice-title">{{ . }}</p>{{ end -}}
  {{ .Inner | markdownify }}
</div>
"#;

/// The site's shortcode templates, under `root/layouts/shortcodes/`.
fn write_layouts(root: &Path) {
    let dir = root.join("layouts/shortcodes");
    std::fs::create_dir_all(&dir).expect("creating layouts/shortcodes");
    std::fs::write(dir.join("notice.html"), NOTICE).expect("writing notice.html");
}

fn write_json(n: usize, out: &Path) {
    let root = out
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    write_layouts(&root);
    let config: Config = config_toml(Some("mdbook-hugo"))
        .parse()
        .expect("the generated book.toml parses");
    let ctx = PreprocessorContext::new(root, config, "html".into());
    let items = (0..n)
        .map(|i| {
            let mut ch = Chapter::new(&title(i), post(i, n), path(i), Vec::new());
            ch.number = Some(SectionNumber::new(vec![i as u32 + 1]));
            BookItem::Chapter(ch)
        })
        .collect();
    let book = Book::new_with_items(items);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("creating the output folder");
    }
    let file = std::fs::File::create(out).expect("creating the output file");
    let mut w = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut w, &(&ctx, &book)).expect("writing the JSON");
    w.flush().expect("writing the JSON");
}

fn write_book(n: usize, dir: &Path, command: Option<&str>) {
    write_layouts(dir);
    let src = dir.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).expect("creating the book folder");
    std::fs::write(dir.join("book.toml"), config_toml(command)).expect("writing book.toml");
    let mut summary = String::from("# Summary\n\n");
    for i in 0..n {
        let _ = writeln!(summary, "- [{}]({})", title(i), path(i));
        let file = src.join(path(i));
        std::fs::create_dir_all(file.parent().unwrap()).expect("creating a post folder");
        std::fs::write(file, post(i, n)).expect("writing a post");
    }
    std::fs::write(src.join("SUMMARY.md"), summary).expect("writing SUMMARY.md");
}
