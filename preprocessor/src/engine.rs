//! The run, the one the command ships and the tests drive: chapters come in as they are parsed
//! and are read on every core meanwhile (`intake`, `input`); once the whole book is known (links
//! may point forward), it is indexed, and every chapter goes through the body stages on every
//! core ([`crate::schedule`]), written out in book order (`output`) as soon as its turn comes.
//! The same steps run over mdBook's JSON ([`run_json`], the command) or over a book in memory
//! ([`run_book`], tests and tools), on any number of threads with the same result.
//!
//! The flow, top to bottom: read (front matter, post, body scan) -> book stage (the chapters the
//! site implies, when there are any) -> index -> body stages per chapter (`rewrite`: links,
//! header, cards; a made chapter's list, set apart unread, joins it after) -> emit. Memory
//! stays near three times the input: the input is dropped once parsed, each chapter's
//! source once rewritten and each item once written.

mod book;
mod input;
mod intake;
mod items;
pub mod output;
mod run;

pub use run::Run;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::disk::{self, Walk};
use crate::index::Index;
use crate::links::Resolver;
use crate::rewrite::{self, Context};
use crate::schedule;
use crate::shortcodes::stage::Stage;
use intake::ReadItem;
use mdbook_preprocessor::book::{Book, BookItem};
use serde::de::DeserializeSeed;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A finished run: every problem found, in book order.
#[derive(Debug)]
pub struct Report {
    pub settings: Settings,
    /// The calling mdBook's version, from the context.
    pub mdbook_version: String,
    pub problems: Vec<Diagnostic>,
    /// What the run read and indexed, still held: some 40 allocations a chapter, which take a
    /// tenth of a run to free. The command leaves them to its exit ([`Leftovers::leave`]).
    pub leftovers: Leftovers,
}

/// The readings and the index of a finished run. Dropped, they are freed as anything is; the
/// command, which exits as soon as the book is out, leaves them to the operating system.
pub struct Leftovers {
    _held: Box<dyn Send>,
}

impl std::fmt::Debug for Leftovers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Leftovers")
    }
}

impl Leftovers {
    /// Not freed at all: the process's exit returns the memory at once.
    pub fn leave(self) {
        std::mem::forget(self);
    }
}

/// Why a run could not start.
#[derive(Debug)]
pub enum Failure {
    /// The input is not mdBook's `[context, book]` JSON.
    Input(String),
    /// The `[preprocessor.hugo]` settings are unusable.
    Settings {
        mdbook_version: String,
        message: String,
    },
    /// Writing the output failed.
    Output(String),
}

/// The threads worth running: the machine's cores, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// The command's run over mdBook's `[context, book]` JSON, on `threads` threads, writing the
/// book's JSON to `out`: byte for byte what `serde_json` writes for the book. It is the whole
/// book even when there are problems (the exit status tells mdBook whether to use it). `input`
/// is dropped as soon as it is parsed.
pub fn run_json(
    input: impl AsRef<[u8]>,
    out: &mut impl Write,
    threads: usize,
) -> Result<Report, Failure> {
    // Parsing is this thread's work: with one core, the reading waits for it.
    let readers = threads.saturating_sub(1);
    let mut walk = None;
    let (parsed, read) = intake::gather(readers, |intake| {
        let parsed = match std::str::from_utf8(input.as_ref()) {
            Ok(text) => input::Top {
                intake,
                walk: &mut walk,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(text))
            .map_err(|e| e.to_string()),
            Err(e) => Err(format!("it is not UTF-8: {e}")),
        };
        drop(input);
        parsed
    });
    let (ctx, run) = parsed.map_err(|e| {
        Failure::Input(format!(
            "the input is not mdBook's [context, book] JSON ({e}); run this through `mdbook build`"
        ))
    })?;
    let run = run.map_err(|message| Failure::Settings {
        mdbook_version: ctx.mdbook_version.clone(),
        message,
    })?;
    let mut sink = JsonSink::new(out);
    let (problems, leftovers) =
        finish(&run, read, walk.unwrap_or(Walk::none()), &mut sink, threads)
            .and_then(|p| sink.end().map(|()| p))
            .map_err(|e| Failure::Output(format!("writing the book: {e}")))?;
    Ok(Report {
        settings: run.settings.clone(),
        mdbook_version: ctx.mdbook_version,
        problems,
        leftovers,
    })
}

/// The same run over a book in memory, on `threads` threads: the book and every problem found,
/// in book order. Drafts are left out unless `settings.drafts`; no other chapter is ever
/// dropped or emptied.
pub fn run_book(settings: &Settings, book: Book, threads: usize) -> (Book, Vec<Diagnostic>) {
    let walk = Walk::start(settings);
    let run = Arc::new(Run::new(settings.clone()));
    let ((), read) = intake::gather(threads.saturating_sub(1), |intake| {
        intake.run(run.clone());
        book.items.into_iter().for_each(|item| intake.push(item));
    });
    let mut items = Vec::new();
    // Writing into memory cannot fail.
    let problems =
        finish(&run, read, walk, &mut items, threads).map_or_else(|_| Vec::new(), |(p, _)| p);
    (Book::new_with_items(items), problems)
}

/// Where the finished items go, in book order.
trait Sink {
    fn item(&mut self, item: BookItem) -> io::Result<()>;
}

impl Sink for Vec<BookItem> {
    fn item(&mut self, item: BookItem) -> io::Result<()> {
        self.push(item);
        Ok(())
    }
}

/// The book's JSON, `{"items":[...]}`, written an item at a time.
struct JsonSink<'w, W: Write> {
    out: &'w mut W,
    items: usize,
}

impl<'w, W: Write> JsonSink<'w, W> {
    fn new(out: &'w mut W) -> Self {
        JsonSink { out, items: 0 }
    }

    fn end(&mut self) -> io::Result<()> {
        if self.items == 0 {
            self.out.write_all(b"{\"items\":[")?;
        }
        self.out.write_all(b"]}")?;
        self.out.flush()
    }
}

impl<W: Write> Sink for JsonSink<'_, W> {
    fn item(&mut self, item: BookItem) -> io::Result<()> {
        self.out.write_all(if self.items == 0 {
            b"{\"items\":["
        } else {
            b","
        })?;
        self.items += 1;
        output::write_item(self.out, &item)
    }
}

/// Everything after the reading: the index, the body stages of every chapter on `threads`
/// threads, and the items handed to `sink` in book order.
fn finish(
    run: &Arc<Run>,
    read: Vec<ReadItem>,
    walk: Walk,
    sink: &mut impl Sink,
    threads: usize,
) -> io::Result<(Vec<Diagnostic>, Leftovers)> {
    let settings = &run.settings;
    // The book stage: the chapters the site implies.
    let book::Book {
        mut items,
        reads,
        entries,
        terms,
        files,
        mut lists,
    } = book::stage(run, read, threads);

    // The index of the whole book.
    let (index, index_problems) = Index::new(entries);
    let mut problems = run.problems.clone();
    problems.extend(index_problems);
    let listed: HashSet<&Path> = index.entries.iter().map(|e| e.source.as_path()).collect();
    let unlisted = walk.unlisted(settings.src_dir.as_deref(), &settings.src, &listed);
    drop(listed);
    let omitted: HashSet<PathBuf> = if settings.drafts {
        HashSet::new()
    } else {
        index
            .entries
            .iter()
            .filter(|e| e.omitted)
            .map(|e| e.path.clone())
            .collect()
    };
    let mut names: Vec<Option<String>> = reads.iter().map(items::nav_name).collect();
    let mut sources = Vec::with_capacity(reads.len());
    for item in &mut items {
        items::take_sources(std::slice::from_mut(item), &mut sources);
    }
    let sources: Vec<Mutex<String>> = sources.into_iter().map(Mutex::new).collect();
    // A made chapter's list set apart joins it after the rewrite.
    let lists: Vec<Mutex<Option<crate::structure::List>>> = reads
        .iter()
        .zip(&index.entries)
        .map(|(r, e)| Mutex::new(r.list.then(|| lists.remove(&e.path)).flatten()))
        .collect();

    // The body stages of every chapter, written out in order.
    let resolver = Resolver::new(&index, settings, &unlisted).with_statics(&run.statics);
    let stage = Stage {
        shortcodes: &run.shortcodes,
        site: &run.site,
        site_params: &run.site_params,
        privacy: run.privacy,
        settings,
        resolver: &resolver,
    };
    let cx = Context {
        settings,
        resolver: &resolver,
        shortcodes: &stage,
        terms: &terms,
    };
    let work = |i: usize| {
        let source = std::mem::take(&mut *sources[i].lock().expect("no panic holds it"));
        let (mut content, found) = rewrite::rewrite(&reads[i], &source, &index.entries[i], &cx);
        if let Some(list) = lists[i].lock().expect("no panic holds it").take() {
            list.write(&mut content);
        }
        (content, found)
    };
    let mut in_order = Vec::with_capacity(reads.len());
    schedule::in_order(threads, reads.len(), &work, |next| -> io::Result<()> {
        let mut i = 0;
        for mut item in items {
            items::fill(&mut item, &mut i, &mut |i| {
                let (content, found) = next();
                in_order.push(found);
                (content, names[i].take())
            });
            let mut out = vec![item];
            if !omitted.is_empty() {
                items::leave_out(&mut out, &omitted);
            }
            for item in out {
                sink.item(item)?;
            }
        }
        Ok(())
    })?;
    problems.extend(in_order.into_iter().flatten());
    problems.dedup();
    // The files the book needs beside its chapters go into its source folder, where mdBook
    // copies them from (a book made from a site only: its source folder is the book's own).
    if settings.chapters == crate::config::Chapters::Site
        && let Some(src) = &settings.src_dir
    {
        let mut files = files;
        files.extend(run.statics.reached());
        problems.extend(disk::mirror(src, &files, threads));
    }
    drop(resolver);
    Ok((
        problems,
        Leftovers {
            _held: Box::new((reads, index, omitted, sources, unlisted)),
        },
    ))
}

#[cfg(test)]
mod tests;
