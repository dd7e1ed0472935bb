//! Criterion benches of what users pay for: building extractors, tagging and
//! whole extraction, beside a raw Aho-Corasick scan over the same names in
//! the same run (the machines are shared and noisy: compare ratios).
//!
//! The corpus is the first 2,000 articles of `../shared/corpora/news/news.jsonl`
//! when it is there (read at run time, never copied), else the shipped sample
//! article repeated.

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entrel::Extractor;
use std::path::Path;

const NEWS: &str = "../shared/corpora/news/news.jsonl";
const PEER_40K: &str = "../shared/corpora/gazetteers/peer-40k.tsv";

fn corpus() -> Vec<String> {
    if let Ok(text) = std::fs::read_to_string(NEWS) {
        return text
            .lines()
            .take(2000)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
    }
    let sample = std::fs::read_to_string("examples/data/sample-article.txt").unwrap_or_default();
    vec![sample; 200]
}

fn raw_scan(builder: &entrel::ExtractorBuilder) -> AhoCorasick {
    let names: Vec<String> = builder
        .gazetteers()
        .expect("gazetteers load")
        .iter()
        .flat_map(|g| g.entries())
        .flat_map(|e| e.names().map(str::to_string))
        .collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(names)
        .expect("raw scan builds")
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();

    let mut build = c.benchmark_group("build");
    build.sample_size(10);
    build.bench_function("default extractor", |b| {
        b.iter(|| Extractor::builder().build().expect("builds"))
    });
    if Path::new(PEER_40K).exists() {
        build.bench_function("peer-40k, no rules", |b| {
            b.iter(|| {
                Extractor::builder()
                    .default_gazetteers(false)
                    .default_rules(false)
                    .gazetteer_path(PEER_40K)
                    .build()
                    .expect("builds")
            })
        });
    }
    build.finish();

    let mut setups = vec![("default", Extractor::builder())];
    if Path::new(PEER_40K).exists() {
        let mut peer = Extractor::builder();
        peer.default_gazetteers(false)
            .default_rules(false)
            .gazetteer_path(PEER_40K);
        setups.push(("peer-40k", peer));
    }
    for (name, builder) in setups {
        let extractor = builder.build().expect("builds");
        let raw = raw_scan(&builder);
        let mut group = c.benchmark_group(format!("scan/{name}"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("raw aho-corasick", |b| {
            b.iter(|| docs.iter().map(|d| raw.find_iter(d).count()).sum::<usize>())
        });
        group.bench_function("tag", |b| {
            b.iter(|| docs.iter().map(|d| extractor.tag(d).len()).sum::<usize>())
        });
        group.bench_function("extract", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract(d).entities.len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group!(tagging, benches);
criterion_main!(tagging);
