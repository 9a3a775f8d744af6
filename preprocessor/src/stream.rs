//! The command's run, streamed: the same steps as [`crate::run`], arranged so that the work on
//! chapters overlaps the JSON on both sides. Parsing mdBook's input is one thread's work, and so
//! is writing the output; chapters are independent, so while the main thread parses, the other
//! cores read each chapter (front matter, body scan, index entry) as soon as it has been parsed,
//! and while the main thread writes the book out in order, the other cores rewrite the chapters
//! ahead of it (and so does the main thread, whenever the next chapter is not ready). The input
//! is dropped once parsed, each chapter's source once rewritten and each item once written, so
//! memory stays near two and a half times the input. The output is byte for byte what
//! `serde_json` writes for the book [`crate::run`] returns, and it is the whole book even when
//! there are problems: the exit status tells mdBook whether to use it (it reads the output only
//! from a run that succeeded).

use crate::chapter::{self, Read};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::index::{Entry, Index};
use crate::links::Resolver;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::BookItem;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::VecDeque;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock, mpsc};

/// A finished run: every problem found, in book order.
#[derive(Debug)]
pub struct Report {
    pub settings: Settings,
    /// The calling mdBook's version, from the context.
    pub mdbook_version: String,
    pub problems: Vec<Diagnostic>,
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

/// Runs the preprocessor over mdBook's `[context, book]` JSON, writing the book's JSON to `out`.
/// `input` is dropped as soon as it is parsed.
pub fn run(input: impl AsRef<[u8]>, out: &mut impl Write) -> Result<Report, Failure> {
    let workers = crate::threads().max(2) - 1;
    let intake = Intake::default();
    let (parsed, mut done) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(|| intake.work())).collect();
        let parsed = match std::str::from_utf8(input.as_ref()) {
            Ok(text) => Top { intake: &intake }
                .deserialize(&mut serde_json::Deserializer::from_str(text))
                .map_err(|e| e.to_string()),
            Err(e) => Err(format!("it is not UTF-8: {e}")),
        };
        intake.close();
        drop(input);
        // The main thread reads what the workers have not reached yet.
        let mut done = intake.work();
        for h in handles {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        (parsed, done)
    });
    let (ctx, settings) = parsed.map_err(|e| {
        Failure::Input(format!(
            "the input is not mdBook's [context, book] JSON ({e}); run this through `mdbook build`"
        ))
    })?;
    let settings = settings.map_err(|message| Failure::Settings {
        mdbook_version: ctx.mdbook_version.clone(),
        message,
    })?;

    done.sort_unstable_by_key(|(seq, _, _)| *seq);
    let mut items = Vec::with_capacity(done.len());
    let mut reads = Vec::with_capacity(done.len());
    let mut entries = Vec::with_capacity(done.len());
    for (_, item, item_reads) in done {
        items.push(item);
        for (read, entry) in item_reads {
            reads.push(read);
            entries.push(entry);
        }
    }
    let problems = rewrite_and_write(&settings, items, reads, entries, out)
        .map_err(|e| Failure::Output(format!("writing the book: {e}")))?;
    Ok(Report {
        settings,
        mdbook_version: ctx.mdbook_version,
        problems,
    })
}

/// Indexes the book, rewrites its chapters on worker threads and this one, and writes them out
/// in order on this one.
fn rewrite_and_write(
    settings: &Settings,
    mut items: Vec<BookItem>,
    reads: Vec<Read>,
    entries: Vec<Entry>,
    json: &mut impl Write,
) -> std::io::Result<Vec<Diagnostic>> {
    let (index, mut problems) = Index::new(entries);
    let omitted = if settings.drafts {
        Default::default()
    } else {
        crate::omitted(&index)
    };
    let mut names: Vec<Option<String>> = reads.iter().map(crate::nav_name).collect();
    let mut sources = Vec::with_capacity(reads.len());
    take_sources(&mut items, &mut sources);
    let sources: Vec<Mutex<String>> = sources.into_iter().map(Mutex::new).collect();
    let resolver = Resolver::new(&index, settings);

    let mut found: Vec<Option<(String, Vec<Diagnostic>)>> = Vec::new();
    found.resize_with(reads.len(), || None);
    let next = AtomicUsize::new(0);
    // Rewrites the next chunk nobody has taken, handing each chapter to `done`; false when none
    // is left.
    let rewrite_chunk = |done: &mut dyn FnMut(usize, (String, Vec<Diagnostic>))| -> bool {
        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
        for i in start..(start + CHUNK).min(sources.len()) {
            let source = std::mem::take(&mut *sources[i].lock().expect("no panic holds it"));
            done(
                i,
                chapter::rewrite(&reads[i], &source, &index.entries[i], &resolver, settings),
            );
        }
        start < sources.len()
    };
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| -> std::io::Result<()> {
        // One thread fewer than the cores: this one rewrites too, whenever the chapter it is to
        // write next is not ready.
        for _ in 1..crate::threads() {
            let tx = tx.clone();
            let rewrite_chunk = &rewrite_chunk;
            s.spawn(move || {
                let mut send = |i, out| {
                    let _ = tx.send((i, out));
                };
                while rewrite_chunk(&mut send) {}
            });
        }
        drop(tx);

        let mut i = 0;
        let mut problems_in_order = Vec::new();
        let mut wait_for = |i: usize| -> (String, Vec<Diagnostic>) {
            while found[i].is_none() {
                match rx.try_recv() {
                    Ok((j, out)) => found[j] = Some(out),
                    Err(_) => {
                        if !rewrite_chunk(&mut |j, out| found[j] = Some(out)) {
                            // Everything is taken: what is missing comes from another thread.
                            let (j, out) = rx.recv().expect("a rewriting thread stopped early");
                            found[j] = Some(out);
                        }
                    }
                }
            }
            found[i].take().expect("just arrived")
        };
        json.write_all(b"{\"items\":[")?;
        let mut first = true;
        for mut item in std::mem::take(&mut items) {
            fill(&mut item, &mut i, &mut |i| {
                let (content, p) = wait_for(i);
                problems_in_order.push((i, p));
                (content, names[i].take())
            });
            let mut out = vec![item];
            if !omitted.is_empty() {
                crate::leave_out(&mut out, &omitted);
            }
            for item in out {
                if !first {
                    json.write_all(b",")?;
                }
                first = false;
                crate::json::write_item(json, &item)?;
            }
        }
        json.write_all(b"]}")?;
        json.flush()?;
        problems.extend(problems_in_order.into_iter().flat_map(|(_, p)| p));
        Ok(())
    })?;
    problems.dedup();
    // Freeing the readings and the index (some 40 allocations a chapter) took a tenth of the
    // run, all of it after the book is written: a thread of its own frees them, so the command
    // exits as soon as the output is out. (Should the thread not start, they are freed here.)
    drop(resolver);
    let leftovers = (reads, index, omitted, sources);
    let _ = std::thread::Builder::new().spawn(move || drop(leftovers));
    Ok(problems)
}

/// Chapters a rewriting thread takes at a time: few, so the writer finds them in order soon.
const CHUNK: usize = 8;

/// Moves the content of every chapter with a file out of `items`, depth first.
fn take_sources(items: &mut [BookItem], out: &mut Vec<String>) {
    for item in items {
        if let BookItem::Chapter(ch) = item {
            if ch.path.is_some() {
                out.push(std::mem::take(&mut ch.content));
            }
            take_sources(&mut ch.sub_items, out);
        }
    }
}

/// Gives the chapters of `item` with a file, depth first from number `*i` on, their new content
/// and name.
fn fill(
    item: &mut BookItem,
    i: &mut usize,
    get: &mut impl FnMut(usize) -> (String, Option<String>),
) {
    if let BookItem::Chapter(ch) = item {
        if ch.path.is_some() {
            let (content, name) = get(*i);
            *i += 1;
            ch.content = content;
            if let Some(name) = name {
                ch.name = name;
            }
        }
        for sub in &mut ch.sub_items {
            fill(sub, i, get);
        }
    }
}

/// Book items as the parser hands them over, read by whichever thread is free.
#[derive(Default)]
struct Intake {
    settings: OnceLock<Settings>,
    state: Mutex<Queue>,
    ready: Condvar,
}

#[derive(Default)]
struct Queue {
    items: VecDeque<(usize, BookItem)>,
    closed: bool,
}

/// A top-level book item once read: its place in the book, the item, and the reading and index
/// entry of each of its chapters with a file.
type ReadItem = (usize, BookItem, Vec<(Read, Entry)>);

/// Items handed over at a time, so the threads wake up less often.
const BATCH: usize = 8;

impl Intake {
    fn push(&self, batch: &mut Vec<(usize, BookItem)>) {
        self.state
            .lock()
            .expect("no panic holds it")
            .items
            .extend(batch.drain(..));
        self.ready.notify_one();
    }

    fn close(&self) {
        self.state.lock().expect("no panic holds it").closed = true;
        self.ready.notify_all();
    }

    /// Reads queued items until the queue is closed and empty.
    fn work(&self) -> Vec<ReadItem> {
        let mut done = Vec::new();
        loop {
            let batch: Vec<(usize, BookItem)> = {
                let mut q = self.state.lock().expect("no panic holds it");
                loop {
                    if !q.items.is_empty() {
                        let n = q.items.len().min(BATCH);
                        break q.items.drain(..n).collect();
                    }
                    if q.closed {
                        return done;
                    }
                    q = self.ready.wait(q).expect("no panic holds it");
                }
            };
            // Items are only queued once the settings are known.
            let settings = self.settings.get().expect("settings before items");
            for (seq, item) in batch {
                let mut reads = Vec::new();
                crate::read_items(settings, std::slice::from_ref(&item), &mut reads);
                done.push((seq, item, reads));
            }
        }
    }
}

/// `[context, book]`: the context gives the settings, then each book item goes to the intake
/// as soon as it is parsed.
struct Top<'a> {
    intake: &'a Intake,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = (PreprocessorContext, Result<Settings, String>);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = (PreprocessorContext, Result<Settings, String>);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a [context, book] array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let ctx: PreprocessorContext = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let settings = Settings::from_context(&ctx);
        match &settings {
            Ok(s) => {
                let _ = self.intake.settings.set(s.clone());
                seq.next_element_seed(Items {
                    intake: self.intake,
                })?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            }
            Err(_) => {
                seq.next_element::<IgnoredAny>()?;
            }
        }
        Ok((ctx, settings))
    }
}

/// The book: `{"items": [...]}`.
struct Items<'a> {
    intake: &'a Intake,
}

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a book: {\"items\": [...]}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "items" && !seen {
                seen = true;
                map.next_value_seed(ItemList {
                    intake: self.intake,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !seen {
            return Err(de::Error::missing_field("items"));
        }
        Ok(())
    }
}

/// The book's top-level items, each queued for reading as soon as it is parsed.
struct ItemList<'a> {
    intake: &'a Intake,
}

impl<'de> DeserializeSeed<'de> for ItemList<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ItemList<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of book items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut batch = Vec::with_capacity(BATCH);
        let mut n = 0;
        while let Some(item) = seq.next_element::<BookItem>()? {
            batch.push((n, item));
            n += 1;
            if batch.len() == BATCH {
                self.intake.push(&mut batch);
            }
        }
        if !batch.is_empty() {
            self.intake.push(&mut batch);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
