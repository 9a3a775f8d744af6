//! Work spread over the machine's cores, its results taken in order by the calling thread (for
//! the rewrite, the one that writes the book out), which works too whenever the result it needs
//! next is not ready. Items are taken a few at a time from a shared counter, so the caller
//! finds them in order soon.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Items a thread takes at a time.
const CHUNK: usize = 8;

/// Runs `work(i)` for every `i` in `0..n` on `threads` threads (this one included): the results,
/// in order.
pub fn map<R: Send>(threads: usize, n: usize, work: &(dyn Fn(usize) -> R + Sync)) -> Vec<R> {
    in_order(threads, n, work, |next| (0..n).map(|_| next()).collect())
}

/// Runs `work(i)` for every `i` in `0..n` on `threads` threads (this one included), and calls
/// `consume` with a function that gives the results in order, one per call, `n` times.
pub fn in_order<R: Send, T>(
    threads: usize,
    n: usize,
    work: &(dyn Fn(usize) -> R + Sync),
    consume: impl FnOnce(&mut dyn FnMut() -> R) -> T,
) -> T {
    let next = AtomicUsize::new(0);
    // Does the next chunk nobody has taken, handing each result to `done`; false when none is
    // left.
    let chunk = |done: &mut dyn FnMut(usize, R)| -> bool {
        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
        for i in start..(start + CHUNK).min(n) {
            done(i, work(i));
        }
        start < n
    };
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| {
        for _ in 1..threads {
            let tx = tx.clone();
            let chunk = &chunk;
            s.spawn(move || {
                let mut send = |i, r| {
                    let _ = tx.send((i, r));
                };
                while chunk(&mut send) {}
            });
        }
        drop(tx);
        let mut found: Vec<Option<R>> = Vec::new();
        found.resize_with(n, || None);
        let mut wanted = 0;
        let mut take = || -> R {
            let i = wanted;
            wanted += 1;
            loop {
                if let Some(r) = found.get_mut(i).and_then(Option::take) {
                    return r;
                }
                match rx.try_recv() {
                    Ok((j, r)) => found[j] = Some(r),
                    Err(_) => {
                        if !chunk(&mut |j, r| found[j] = Some(r)) {
                            // Everything is taken: what is missing comes from another thread.
                            let (j, r) = rx.recv().expect("a rewriting thread stopped early");
                            found[j] = Some(r);
                        }
                    }
                }
            }
        };
        consume(&mut take)
    })
}
