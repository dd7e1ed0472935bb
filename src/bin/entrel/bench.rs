//! `entrel bench`: throughput of the raw scan, tagging and extraction over a
//! corpus held in memory, measured side by side in one process.

use crate::input::raw_string;
use crate::run::{map_batches, render_document};
use aho_corasick::{AhoCorasick, MatchKind};
use entrel::{Extractor, ExtractorBuilder};
use serde_json::value::RawValue;
use std::io::IsTerminal;
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
}

fn median(mut xs: Vec<Duration>) -> f64 {
    xs.sort();
    xs[xs.len() / 2].as_secs_f64()
}

/// Runs `f` `runs` times and gives the median time and `f`'s last count.
fn time(
    runs: usize,
    progress: &Option<indicatif::ProgressBar>,
    mut f: impl FnMut() -> usize,
) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        count = std::hint::black_box(f());
        times.push(start.elapsed());
        if let Some(bar) = progress {
            bar.inc(1);
        }
    }
    (median(times), count)
}

pub fn bench(
    builder: &ExtractorBuilder,
    corpus: &Corpus,
    threads: usize,
    runs: usize,
) -> Result<String, String> {
    let runs = runs.max(1);
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

    let phases = 5 + usize::from(threads > 1);
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new((phases * runs) as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:>24} [{bar:40}] {pos}/{len} runs")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let say = |msg: &str| {
        if let Some(bar) = &progress {
            bar.set_message(msg.to_string());
        }
    };

    let docs = &corpus.docs;
    let mut measures = Vec::new();
    say("raw scan");
    let (s, n) = time(runs, &progress, || {
        docs.iter().map(|d| raw.find_iter(d).count()).sum()
    });
    measures.push(Measure {
        name: "raw aho-corasick scan".into(),
        seconds: s,
        entities: n,
    });
    say("tagging");
    let (s, n) = time(runs, &progress, || {
        docs.iter().map(|d| extractor.tag(d).len()).sum()
    });
    measures.push(Measure {
        name: "tagging".into(),
        seconds: s,
        entities: n,
    });
    say("extraction, 1 thread");
    let (s, n) = time(runs, &progress, || {
        docs.iter()
            .map(|d| extractor.extract(d).entities.len())
            .sum()
    });
    measures.push(Measure {
        name: "extraction, 1 thread".into(),
        seconds: s,
        entities: n,
    });
    let one_thread = s;
    // What `entrel extract` does with each document besides extracting:
    // its output line (the ids are made beforehand, as the reader makes
    // them while the workers extract).
    say("extraction + JSON lines");
    let ids: Vec<Box<RawValue>> = (1..=docs.len())
        .map(|i| raw_string(&i.to_string()))
        .collect();
    let (s, n) = time(runs, &progress, || {
        docs.iter()
            .zip(&ids)
            .map(|(d, id)| {
                let result = extractor.extract(d);
                std::hint::black_box(render_document(&result, id, &[], false));
                result.entities.len()
            })
            .sum()
    });
    measures.push(Measure {
        name: "extraction + JSON lines".into(),
        seconds: s,
        entities: n,
    });
    if threads > 1 {
        say("extraction, N threads");
        // One set of workers for all the runs, each run a batch, as `entrel
        // extract` keeps one for a whole stream: threads spawned per run
        // would each start with cold caches (the lazy DFAs of discovery and
        // the rules), a tenth of a run over this corpus, where the single
        // thread pays for its caches in the first run only.
        let all: Vec<&String> = docs.iter().collect();
        let mut times = Vec::with_capacity(runs);
        let mut n = 0;
        let mut last = Instant::now();
        map_batches(
            threads,
            (0..runs).map(|_| Ok(all.clone())),
            |d| extractor.extract(d).entities.len(),
            |_, counts| {
                let now = Instant::now();
                times.push(now - last);
                last = now;
                n = counts.into_iter().sum();
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                Ok(())
            },
        )?;
        let s = median(times);
        measures.push(Measure {
            name: format!("extraction, {threads} threads"),
            seconds: s,
            entities: n,
        });
    }
    say("relations");
    let (_, relations) = time(1, &progress, || {
        docs.iter()
            .map(|d| extractor.extract(d).relations.len())
            .sum()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    let mb = corpus.bytes() as f64 / 1e6;
    let raw_speed = mb / measures[0].seconds;
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
            speed / raw_speed
        ));
    }
    if threads > 1 {
        if let Some(last) = measures.last() {
            out.push_str(&format!(
                "speed-up with {threads} threads: {:.2}x\n",
                one_thread / last.seconds
            ));
        }
    }
    out.push_str(&format!("relations found: {relations}\n"));
    out.push_str("(the raw scan counts matches anywhere, ASCII case-insensitive, with no word boundaries or spans)\n");
    Ok(out)
}
