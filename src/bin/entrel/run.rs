//! Extraction of a batch of documents on several threads, in input order.

use crate::input::InputDoc;
use crate::json;
use entrel::{Document, Extractor};
use serde_json::value::RawValue;
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// Applies `work` to every item on `threads` threads and returns the results
/// in input order, whatever the number of threads: [`map_batches`] over one
/// batch, so that `entrel bench` times what `entrel extract` does.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Result<Vec<R>, String> {
    let mut out = Vec::new();
    let batch: Vec<&T> = items.iter().collect();
    map_batches(
        threads,
        [Ok(batch)],
        |item| work(item),
        |_, results| {
            out = results;
            Ok(())
        },
    )?;
    Ok(out)
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
    // Every worker gets each batch with a shared counter, takes documents
    // by the counter until none is left, and sends back its results in one
    // message: two messages per worker and batch, none per document, and
    // no worker idles while another has a long document. The next batch is
    // handed out before this one's results are awaited and written, so that
    // a worker that finishes early goes on to it rather than waiting for
    // the others and for the writing: two batches are out at a time.
    type Job<T> = (usize, Arc<Vec<T>>, Arc<AtomicUsize>);
    type Done<R> = (usize, Vec<(usize, Option<R>)>);
    let (job_send, jobs) = mpsc::channel::<Job<T>>();
    let jobs = Mutex::new(jobs);
    let (result_send, results) = mpsc::channel::<Done<R>>();
    let stopped = || "the worker threads stopped".to_string();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (jobs, work, result_send) = (&jobs, &work, result_send.clone());
            scope.spawn(move || loop {
                let job = match jobs.lock() {
                    Ok(jobs) => jobs.recv(),
                    Err(_) => return,
                };
                let Ok((number, batch, next)) = job else {
                    return;
                };
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = batch.get(i) else { break };
                    // The library does not panic; should it ever, the
                    // document is reported rather than the run hanging on
                    // its result.
                    done.push((i, catch_unwind(AssertUnwindSafe(|| work(item))).ok()));
                }
                if result_send.send((number, done)).is_err() {
                    return;
                }
            });
        }
        drop(result_send);
        let outcome = (|| {
            let mut out: VecDeque<InFlight<T, R>> = VecDeque::new();
            let mut batches = batches.into_iter().enumerate();
            // A batch that could not be read ends the stream; the batches
            // before it are written first.
            let mut failed = None;
            loop {
                let next = if failed.is_none() {
                    batches.next()
                } else {
                    None
                };
                if let Some((number, batch)) = next {
                    let batch = match batch {
                        Ok(batch) => Arc::new(batch),
                        Err(e) => {
                            failed = Some(e);
                            continue;
                        }
                    };
                    let counter = Arc::new(AtomicUsize::new(0));
                    for _ in 0..threads {
                        job_send
                            .send((number, Arc::clone(&batch), Arc::clone(&counter)))
                            .map_err(|_| stopped())?;
                    }
                    out.push_back(InFlight::new(number, batch));
                    if out.len() < 2 {
                        continue;
                    }
                }
                let Some(mut oldest) = out.pop_front() else {
                    return failed.map_or(Ok(()), Err);
                };
                // Results of the newer batch may come in first: they wait
                // in its slots.
                while oldest.reports < threads {
                    let (number, done) = results.recv().map_err(|_| stopped())?;
                    let batch = if number == oldest.number {
                        &mut oldest
                    } else {
                        out.iter_mut()
                            .find(|b| b.number == number)
                            .ok_or_else(stopped)?
                    };
                    batch.take(done)?;
                }
                let done: Vec<R> = oldest.slots.into_iter().flatten().collect();
                sink(&oldest.items, done)?;
            }
        })();
        drop(job_send);
        outcome
    })
}

/// A batch handed out to the workers, with the results come back so far.
struct InFlight<T, R> {
    number: usize,
    items: Arc<Vec<T>>,
    slots: Vec<Option<R>>,
    /// How many workers have sent their results for it.
    reports: usize,
}

impl<T, R> InFlight<T, R> {
    fn new(number: usize, items: Arc<Vec<T>>) -> Self {
        let slots = (0..items.len()).map(|_| None).collect();
        InFlight {
            number,
            items,
            slots,
            reports: 0,
        }
    }

    fn take(&mut self, done: Vec<(usize, Option<R>)>) -> Result<(), String> {
        self.reports += 1;
        for (i, result) in done {
            let result =
                result.ok_or_else(|| format!("internal error on document {} of a batch", i + 1))?;
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = Some(result);
            }
        }
        Ok(())
    }
}

/// One output line (without its newline) for a document.
pub fn render(extractor: &Extractor, doc: &InputDoc, sentences: bool) -> Vec<u8> {
    let result = extractor.extract(&doc.text);
    render_document(&result, &doc.id, &doc.extra, sentences)
}

/// The output line for `result`: its `id` and `extra` fields as the input
/// line wrote them. The JSON fields go straight into the line, with no
/// string of their own to copy in: entities and relations are most of the
/// output's bytes.
pub fn render_document(
    result: &Document,
    id: &RawValue,
    extra: &[(String, Box<RawValue>)],
    sentences: bool,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + result.entities.len() * 160);
    out.extend_from_slice(b"{\"id\":");
    out.extend_from_slice(id.get().as_bytes());
    out.extend_from_slice(b",\"entities\":");
    json::write_entities(&mut out, &result.entities);
    out.extend_from_slice(b",\"relations\":");
    json::write_relations(&mut out, &result.relations);
    if sentences {
        out.extend_from_slice(b",\"sentences\":");
        json::write_sentences(&mut out, &result.sentences);
    }
    for (key, value) in extra {
        out.push(b',');
        json::write_str(&mut out, key);
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
    }
    out.push(b'}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_come_back_in_order_whatever_the_threads() {
        let batches = || (0..7).map(|b| Ok((0..b * 13).map(|i| b * 1000 + i).collect::<Vec<_>>()));
        let mut expected = Vec::new();
        map_batches(
            1,
            batches(),
            |x| x * 2,
            |items, results| {
                assert_eq!(items.len(), results.len());
                expected.extend(results);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(expected.len(), (0..7).map(|b| b * 13).sum::<usize>());
        for threads in [2, 3, 8] {
            let mut got = Vec::new();
            map_batches(
                threads,
                batches(),
                |x| x * 2,
                |_, results| {
                    got.extend(results);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(got, expected, "{threads} threads");
            let items: Vec<usize> = (0..1000).collect();
            let doubled = parallel_map(&items, threads, |x| x * 2).unwrap();
            assert_eq!(doubled, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn results_that_come_back_out_of_order_are_put_in_order() {
        // The first document of each even batch is slow: the workers finish
        // the next batch first, and its results wait for the slow one's.
        let batches = (0..6).map(|b| Ok((0..4).map(|i| b * 10 + i).collect::<Vec<_>>()));
        let mut got = Vec::new();
        map_batches(
            2,
            batches,
            |&x| {
                if x % 20 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(30));
                }
                x
            },
            |items, results| {
                assert_eq!(items, &results[..]);
                got.extend(results);
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<usize> = (0..6)
            .flat_map(|b| (0..4).map(move |i| b * 10 + i))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_bad_batch_stops_the_run_after_the_good_ones() {
        for threads in [1, 2] {
            let batches = vec![
                Ok(vec![1, 2]),
                Err("line 3: not JSON".to_string()),
                Ok(vec![4]),
            ];
            let mut sunk = Vec::new();
            let outcome = map_batches(
                threads,
                batches,
                |x| x + 1,
                |_, results| {
                    sunk.extend(results);
                    Ok(())
                },
            );
            assert_eq!(outcome, Err("line 3: not JSON".to_string()));
            assert_eq!(sunk, [2, 3]);
        }
    }

    #[test]
    fn a_panic_is_reported_not_hung_on() {
        let items: Vec<u32> = (0..100).collect();
        let outcome = parallel_map(&items, 2, |&x| {
            assert!(x != 57, "test panic");
            x
        });
        assert_eq!(
            outcome,
            Err("internal error on document 58 of a batch".to_string())
        );
    }
}
