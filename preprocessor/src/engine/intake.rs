//! The intake: book items handed over as they arrive (parsed from mdBook's JSON, or taken from a
//! book in memory) and read by whichever thread is free, so reading the chapters overlaps
//! parsing them. The producer runs on the calling thread; when it is done, the calling thread
//! reads what the others have not reached yet.

use super::Run;
use super::items;
use crate::index::Entry;
use crate::read::Read;
use mdbook_preprocessor::book::BookItem;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, OnceLock};

/// A top-level book item once read: its place in the book, the item, and the reading and index
/// entry of each of its chapters with a file.
pub type ReadItem = (usize, BookItem, Vec<(Read, Entry)>);

/// Items handed over at a time, so the threads wake up less often.
const BATCH: usize = 8;

/// Book items waiting to be read, and what the run reads them with.
#[derive(Default)]
pub struct Intake {
    run: OnceLock<Arc<Run>>,
    state: Mutex<Queue>,
    ready: Condvar,
    /// The producer's batch being filled, and how many items it has pushed (only the producer
    /// takes this lock).
    pending: Mutex<(Vec<(usize, BookItem)>, usize)>,
}

#[derive(Default)]
struct Queue {
    items: VecDeque<(usize, BookItem)>,
    closed: bool,
}

impl Intake {
    /// Sets what the run reads with (the first one set counts). Call before [`Intake::push`].
    pub fn run(&self, run: Arc<Run>) {
        let _ = self.run.set(run);
    }

    /// Hands over the next book item (batched, in book order).
    pub fn push(&self, item: BookItem) {
        let mut pending = self.pending.lock().expect("no panic holds it");
        let (batch, count) = &mut *pending;
        batch.push((*count, item));
        *count += 1;
        if batch.len() == BATCH {
            self.flush(batch);
        }
    }

    fn flush(&self, pending: &mut Vec<(usize, BookItem)>) {
        if pending.is_empty() {
            return;
        }
        self.state
            .lock()
            .expect("no panic holds it")
            .items
            .extend(pending.drain(..));
        self.ready.notify_one();
    }

    fn close(&self) {
        self.flush(&mut self.pending.lock().expect("no panic holds it").0);
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
            // Items are only pushed once the run is set.
            let Some(run) = self.run.get() else {
                return done;
            };
            let emoji = run.config.as_ref().is_some_and(|c| c.enable_emoji);
            for (seq, mut item) in batch {
                if emoji {
                    items::emojify(&mut item);
                }
                let reads = items::read_item(run, &item);
                done.push((seq, item, reads));
            }
        }
    }
}

/// Runs `produce`, which feeds the intake, on this thread while `readers` other threads read
/// what it hands over; then reads the rest here. Returns what `produce` returned and every item
/// read, in book order.
pub fn gather<R>(readers: usize, produce: impl FnOnce(&Intake) -> R) -> (R, Vec<ReadItem>) {
    let intake = Intake::default();
    let (produced, mut done) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..readers).map(|_| s.spawn(|| intake.work())).collect();
        let produced = produce(&intake);
        intake.close();
        let mut done = intake.work();
        for h in handles {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        (produced, done)
    });
    done.sort_unstable_by_key(|(seq, _, _)| *seq);
    (produced, done)
}
