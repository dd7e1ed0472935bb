//! Extraction of a batch of documents on several threads, in input order.

use crate::input::InputDoc;
use entrel::{Document, Extractor};
use std::sync::atomic::{AtomicUsize, Ordering};

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
