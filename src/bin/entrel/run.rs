//! Extraction of a batch of documents on several threads, in input order.

use crate::input::InputDoc;
use entrel::{Document, Extractor};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// Applies `work` to every item on `threads` threads and returns the results
/// in input order, whatever the number of threads.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, work(item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Applies `work` to every item of a stream of batches on `threads` worker
/// threads that live for the whole stream, and hands each batch with its
/// results, in input order, to `sink`. Workers that live across batches keep
/// one set of per-thread caches (the rules' lazy DFAs) each, where threads
/// spawned per batch would leave a set behind every time.
pub fn map_batches<T, R>(
    threads: usize,
    batches: impl IntoIterator<Item = Result<Vec<T>, String>>,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(&[T], Vec<R>) -> Result<(), String>,
) -> Result<(), String>
where
    T: Send + Sync,
    R: Send,
{
    if threads <= 1 {
        for batch in batches {
            let items = batch?;
            let results = items.iter().map(&work).collect();
            sink(&items, results)?;
        }
        return Ok(());
    }
    let (job_send, jobs) = mpsc::channel::<(Arc<Vec<T>>, usize)>();
    let jobs = Mutex::new(jobs);
    let (result_send, results) = mpsc::channel::<(usize, Option<R>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (jobs, work, result_send) = (&jobs, &work, result_send.clone());
            scope.spawn(move || loop {
                let job = match jobs.lock() {
                    Ok(jobs) => jobs.recv(),
                    Err(_) => return,
                };
                let Ok((batch, i)) = job else { return };
                // The library does not panic; should it ever, the document
                // is reported rather than the run hanging on its result.
                let result = catch_unwind(AssertUnwindSafe(|| work(&batch[i]))).ok();
                if result_send.send((i, result)).is_err() {
                    return;
                }
            });
        }
        drop(result_send);
        let outcome = (|| {
            for batch in batches {
                let batch = Arc::new(batch?);
                for i in 0..batch.len() {
                    job_send
                        .send((Arc::clone(&batch), i))
                        .map_err(|_| "the worker threads stopped".to_string())?;
                }
                let mut slots: Vec<Option<R>> = (0..batch.len()).map(|_| None).collect();
                for _ in 0..batch.len() {
                    let (i, result) = results
                        .recv()
                        .map_err(|_| "the worker threads stopped".to_string())?;
                    slots[i] = Some(result.ok_or_else(|| {
                        format!("internal error on document {} of a batch", i + 1)
                    })?);
                }
                let done: Vec<R> = slots.into_iter().flatten().collect();
                sink(&batch, done)?;
            }
            Ok(())
        })();
        drop(job_send);
        outcome
    })
}

/// One output line (without its newline) for a document.
pub fn render(extractor: &Extractor, doc: &InputDoc, sentences: bool) -> String {
    let result = extractor.extract(&doc.text);
    render_document(&result, doc, sentences)
}

fn render_document(result: &Document, doc: &InputDoc, sentences: bool) -> String {
    let mut out = String::with_capacity(256 + result.entities.len() * 160);
    out.push_str("{\"id\":");
    out.push_str(doc.id.get());
    out.push_str(",\"entities\":");
    out.push_str(&serde_json::to_string(&result.entities).unwrap_or_else(|_| "[]".into()));
    out.push_str(",\"relations\":");
    out.push_str(&serde_json::to_string(&result.relations).unwrap_or_else(|_| "[]".into()));
    if sentences {
        out.push_str(",\"sentences\":");
        out.push_str(&serde_json::to_string(&result.sentences).unwrap_or_else(|_| "[]".into()));
    }
    for (key, value) in &doc.extra {
        out.push(',');
        out.push_str(&serde_json::to_string(key).unwrap_or_else(|_| "\"\"".into()));
        out.push(':');
        out.push_str(value.get());
    }
    out.push('}');
    out
}
