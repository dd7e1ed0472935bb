//! `entrel bench`: throughput of the raw scan, tagging and extraction over a
//! corpus held in memory, measured side by side in one process.

use crate::input::raw_string;
use crate::run::{map_batches, render_document};
use aho_corasick::{AhoCorasick, MatchKind};
use entrel::{Extractor, ExtractorBuilder};
use serde_json::value::RawValue;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Corpus {
    pub docs: Vec<String>,
}

impl Corpus {
    fn bytes(&self) -> usize {
        self.docs.iter().map(String::len).sum()
    }
}

struct Measure {
    name: String,
    seconds: f64,
    entities: usize,
    /// The median over rounds of the raw scan's time in a round over this
    /// measure's time in the same round.
    vs_raw: f64,
}

fn median(xs: Vec<Duration>) -> f64 {
    median_f64(xs.iter().map(Duration::as_secs_f64).collect())
}

fn median_f64(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// One single-threaded measure: its name and one run over the corpus,
/// returning what it counts (matches or entities).
type Task<'a> = (&'static str, Box<dyn FnMut() -> usize + 'a>);

/// Each single-threaded task's times, round by round, and its last count.
struct Rounds {
    times: Vec<Vec<Duration>>,
    counts: Vec<usize>,
}

impl Rounds {
    fn new(tasks: usize) -> Rounds {
        Rounds {
            times: vec![Vec::new(); tasks],
            counts: vec![0; tasks],
        }
    }

    /// Runs every task once, starting with task `round` (modulo their
    /// number), so that no task always runs first. On a shared machine
    /// whose speed drifts, tasks timed side by side in every round see the
    /// same machine, where tasks timed one after another in phases would
    /// not: their ratio round by round is what holds.
    fn run(
        &mut self,
        round: usize,
        tasks: &mut [Task<'_>],
        progress: &Option<indicatif::ProgressBar>,
    ) {
        for k in 0..tasks.len() {
            let i = (round + k) % tasks.len();
            if let Some(bar) = progress {
                bar.set_message(tasks[i].0);
            }
            let start = Instant::now();
            self.counts[i] = std::hint::black_box((tasks[i].1)());
            self.times[i].push(start.elapsed());
            if let Some(bar) = progress {
                bar.inc(1);
            }
        }
    }
}

/// Adds one to its counter when dropped, unwinding or not.
struct CountOnDrop<'a>(&'a AtomicUsize);

impl Drop for CountOnDrop<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Release);
    }
}

/// The median over rounds of `a`'s time over `b`'s in the same round.
fn median_ratio(a: &[Duration], b: &[Duration]) -> f64 {
    median_f64(
        a.iter()
            .zip(b)
            .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(1e-12))
            .collect(),
    )
}

pub fn bench(
    builder: &ExtractorBuilder,
    corpus: &Corpus,
    threads: usize,
    runs: usize,
) -> Result<String, String> {
    let runs = runs.max(1);
    // Speeds and their ratios over no text would be noise divided by noise.
    if corpus.bytes() == 0 {
        return Err("nothing to measure: the corpus holds no text".to_string());
    }
    let start = Instant::now();
    let extractor: Extractor = builder.build().map_err(|e| e.to_string())?;
    let build_time = start.elapsed();
    let names: Vec<String> = builder
        .gazetteers()
        .map_err(|e| e.to_string())?
        .iter()
        .flat_map(|g| g.entries())
        .flat_map(|e| e.names().map(str::to_string))
        .collect();
    let start = Instant::now();
    let raw = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&names)
        .map_err(|e| format!("cannot build the raw scan: {e}"))?;
    let raw_build = start.elapsed();

    let phases = 4 + 2 * usize::from(threads > 1);
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new((phases * runs) as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:>24} [{bar:40}] {pos}/{len} runs")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let docs = &corpus.docs;
    // What `entrel extract` does with each document besides extracting:
    // its output line (the ids are made beforehand, as the reader makes
    // them while the workers extract).
    let ids: Vec<Box<RawValue>> = (1..=docs.len())
        .map(|i| raw_string(&i.to_string()))
        .collect();
    // The tasks, in this order: the raw scan first, which every ratio is
    // to, and single-thread extraction third, which the speed-up is of.
    const RAW: usize = 0;
    const ONE_THREAD: usize = 2;
    let mut tasks: Vec<Task<'_>> = vec![
        (
            "raw aho-corasick scan",
            Box::new(|| docs.iter().map(|d| raw.find_iter(d).count()).sum()),
        ),
        (
            "tagging",
            Box::new(|| docs.iter().map(|d| extractor.tag(d).len()).sum()),
        ),
        (
            "extraction, 1 thread",
            Box::new(|| {
                docs.iter()
                    .map(|d| extractor.extract(d).entities.len())
                    .sum()
            }),
        ),
        (
            "extraction + JSON lines",
            Box::new(|| {
                docs.iter()
                    .zip(&ids)
                    .map(|(d, id)| {
                        let result = extractor.extract(d);
                        std::hint::black_box(render_document(&result, id, &[], false));
                        result.entities.len()
                    })
                    .sum()
            }),
        ),
    ];
    let mut rounds = Rounds::new(tasks.len());
    // The threaded runs take turns with the rounds too, on one set of
    // workers for all of them, as `entrel extract` keeps one for a whole
    // stream (threads spawned per run would each start with cold caches:
    // the lazy DFAs of discovery and the rules). `map_batches` asks for
    // the next batch while the last is still out; asking waits until every
    // document of the last is done, so that nothing else runs beside it,
    // then runs the round's single-thread tasks while the workers idle.
    let mut threaded: Vec<Duration> = Vec::with_capacity(runs);
    // Also in every round, on the same workers: each worker extracts the
    // whole corpus at once with the others, sharing no work, which is as
    // much as this machine's cores, caches and memory give this work.
    let mut ceiling: Vec<Duration> = Vec::with_capacity(runs);
    let mut threaded_count = 0;
    if threads > 1 {
        // Items of work: a document alone, or the whole corpus.
        let one_by_one: Vec<&[String]> = docs.chunks(1).collect();
        let whole: Vec<&[String]> = vec![&docs[..]; threads];
        let done = AtomicUsize::new(0);
        // When the batch now out went out, how many items will be done
        // once it is, and whether it is the whole-corpus one.
        let mut handed: Option<(Instant, usize, bool)> = None;
        let mut batches_out = 0;
        let batches = std::iter::from_fn(|| {
            if let Some((start, target, whole_runs)) = handed.take() {
                while done.load(Ordering::Acquire) < target {
                    std::thread::sleep(Duration::from_micros(50));
                }
                let time = start.elapsed();
                if whole_runs {
                    ceiling.push(time);
                } else {
                    threaded.push(time);
                }
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
            }
            let round = batches_out / 2;
            if round == runs {
                return None;
            }
            let whole_runs = batches_out % 2 == 1;
            let batch = if whole_runs {
                if let Some(bar) = &progress {
                    bar.set_message(format!("{threads} whole runs at once"));
                }
                whole.clone()
            } else {
                rounds.run(round, &mut tasks, &progress);
                if let Some(bar) = &progress {
                    bar.set_message(format!("extraction, {threads} threads"));
                }
                one_by_one.clone()
            };
            batches_out += 1;
            let target = done.load(Ordering::Acquire) + batch.len();
            handed = Some((Instant::now(), target, whole_runs));
            Some(Ok(batch))
        });
        let mut batches_in = 0;
        map_batches(
            threads,
            batches,
            |docs: &&[String]| {
                // Counted on the way out, even should extraction ever panic
                // (`map_batches` reports that), so that no wait is endless.
                let _done = CountOnDrop(&done);
                docs.iter()
                    .map(|d| extractor.extract(d).entities.len())
                    .sum::<usize>()
            },
            |_, counts| {
                if batches_in % 2 == 0 {
                    threaded_count = counts.into_iter().sum();
                }
                batches_in += 1;
                Ok(())
            },
        )?;
    } else {
        for round in 0..runs {
            rounds.run(round, &mut tasks, &progress);
        }
    }
    let raw_times = &rounds.times[RAW];
    let one_thread = &rounds.times[ONE_THREAD];
    let mut measures: Vec<Measure> = tasks
        .iter()
        .zip(rounds.times.iter().zip(&rounds.counts))
        .map(|((name, _), (times, &count))| Measure {
            name: name.to_string(),
            seconds: median(times.clone()),
            entities: count,
            vs_raw: median_ratio(raw_times, times),
        })
        .collect();
    let speed_up = (threads > 1).then(|| {
        (
            median_ratio(one_thread, &threaded),
            threads as f64 * median_ratio(one_thread, &ceiling),
        )
    });
    if threads > 1 {
        measures.push(Measure {
            name: format!("extraction, {threads} threads"),
            seconds: median(threaded.clone()),
            entities: threaded_count,
            vs_raw: median_ratio(raw_times, &threaded),
        });
    }
    let relations: usize = docs
        .iter()
        .map(|d| extractor.extract(d).relations.len())
        .sum();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    let mb = corpus.bytes() as f64 / 1e6;
    let mut out = String::new();
    out.push_str(&format!(
        "corpus: {} documents, {:.1} MB of text; median of {runs} runs\n",
        docs.len(),
        mb
    ));
    out.push_str(&format!(
        "build: extractor {:.1} ms (tagger automaton {:.1} MB, {} names); raw scan automaton {:.1} ms\n",
        build_time.as_secs_f64() * 1e3,
        extractor.tagger_memory() as f64 / 1e6,
        names.len(),
        raw_build.as_secs_f64() * 1e3
    ));
    out.push_str(&format!(
        "{:<26} {:>9} {:>10} {:>13} {:>9}\n",
        "", "MB/s", "docs/s", "entities/s", "vs raw"
    ));
    for m in &measures {
        let speed = mb / m.seconds;
        out.push_str(&format!(
            "{:<26} {:>9.1} {:>10.0} {:>13.0} {:>8.2}x\n",
            m.name,
            speed,
            docs.len() as f64 / m.seconds,
            m.entities as f64 / m.seconds,
            m.vs_raw
        ));
    }
    if let Some((speed_up, ceiling)) = speed_up {
        out.push_str(&format!(
            "speed-up with {threads} threads: {speed_up:.2}x (the machine's ceiling for this work: {ceiling:.2}x,\n \
             from {threads} whole single-thread extractions at once, sharing nothing)\n"
        ));
    }
    out.push_str(&format!("relations found: {relations}\n"));
    out.push_str("(the raw scan counts matches anywhere, ASCII case-insensitive, with no word boundaries or spans;\n");
    out.push_str(
        " every measure runs once in every round, and \"vs raw\" and the speed-up are medians of\n",
    );
    out.push_str(" the ratios round by round)\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn each_round_runs_every_task_once_starting_one_further_on() {
        let order = RefCell::new(Vec::new());
        let task = |i: usize| -> Task<'_> {
            (
                "task",
                Box::new({
                    let order = &order;
                    move || {
                        order.borrow_mut().push(i);
                        10 * i
                    }
                }),
            )
        };
        let mut tasks = vec![task(0), task(1), task(2)];
        let mut rounds = Rounds::new(tasks.len());
        for round in 0..4 {
            rounds.run(round, &mut tasks, &None);
        }
        drop(tasks);
        assert_eq!(
            order.into_inner(),
            [0, 1, 2, 1, 2, 0, 2, 0, 1, 0, 1, 2],
            "rounds start one task further on"
        );
        assert!(rounds.times.iter().all(|t| t.len() == 4));
        assert_eq!(rounds.counts, [0, 10, 20]);
    }

    #[test]
    fn a_document_counts_as_done_even_when_its_work_panics() {
        let done = AtomicUsize::new(0);
        let finished = std::panic::catch_unwind(|| {
            let _done = CountOnDrop(&done);
            panic!("a document's work failing");
        });
        assert!(finished.is_err());
        {
            let _done = CountOnDrop(&done);
        }
        assert_eq!(done.load(Ordering::Acquire), 2);
    }

    #[test]
    fn ratios_are_taken_round_by_round() {
        let ms = |xs: &[u64]| -> Vec<Duration> {
            xs.iter().map(|&x| Duration::from_millis(x)).collect()
        };
        // The machine ran at half speed in the middle round: each ratio is
        // 2, though the medians of each side give 100 / 40.
        let raw = ms(&[100, 200, 100]);
        let other = ms(&[50, 100, 40]);
        assert_eq!(median_ratio(&raw, &other), 2.0);
        assert_eq!(median(other), 0.05);
    }
}
