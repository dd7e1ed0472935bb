#!/usr/bin/env bash
# Times whole extraction at two states of the code in one process: the
# working tree against a base commit, each `Extractor::extract` over the same
# in-memory corpus, alternating within each round and which goes first from
# round to round. On a shared machine whose speed moves by a factor of two
# between runs, the per-round ratio of the two is what can be trusted; its
# median is printed with the medians of each side.
#
# Usage: benches/ab.sh BASE_COMMIT [CORPUS.jsonl] [ROUNDS]
#   e.g. benches/ab.sh HEAD~3 ../shared/corpora/news/news.jsonl 11
#
# It checks BASE_COMMIT out in a temporary git worktree (renumbering that
# copy's version so that Cargo takes both), builds a small harness that links
# both with mimalloc, as the `entrel` binary is, and removes the worktree at
# the end. Never part of the tests: timings are not pass/fail.
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,16p' "$0"
    exit 2
fi
root=$(git rev-parse --show-toplevel)
base=$(git -C "$root" rev-parse --verify "$1^{commit}")
corpus=$(realpath "${2:-$root/../shared/corpora/news/news.jsonl}")
rounds=${3:-11}
work=$(mktemp -d "${TMPDIR:-/tmp}/entrel-ab.XXXXXX")
cleanup() {
    git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

git -C "$root" worktree add --detach --force "$work/base" "$base" >/dev/null
# Only the package's own version line, the first in the file.
sed -i '0,/^version = .*/s//version = "0.0.0-ab-base"/' "$work/base/Cargo.toml"

mkdir -p "$work/harness/src"
cat >"$work/harness/Cargo.toml" <<EOF
[package]
name = "entrel-ab"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
entrel = { path = "$root", default-features = false }
entrel_base = { path = "$work/base", package = "entrel", default-features = false }
serde_json = "1"
mimalloc = { version = "0.1", default-features = false, features = ["no_thp"] }

[profile.release]
debug = 1
EOF
cat >"$work/harness/src/main.rs" <<'EOF'
use std::io::BufRead;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a corpus");
    let rounds: usize = args.next().map_or(11, |r| r.parse().expect("a number of rounds"));
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("the corpus opens"));
    let docs: Vec<String> = file
        .lines()
        .map(|line| {
            let value: serde_json::Value =
                serde_json::from_str(&line.expect("a line")).expect("JSON");
            value["text"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let new = entrel::default_extractor();
    let base = entrel_base::default_extractor();
    let (mut new_times, mut base_times, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let mut times = [0.0f64; 2];
        for turn in 0..2 {
            let side = (turn + round) % 2;
            let start = Instant::now();
            let mut relations = 0usize;
            for doc in &docs {
                relations += if side == 0 {
                    new.extract(doc).relations.len()
                } else {
                    base.extract(doc).relations.len()
                };
            }
            std::hint::black_box(relations);
            times[side] = start.elapsed().as_secs_f64();
        }
        new_times.push(times[0]);
        base_times.push(times[1]);
        ratios.push(times[1] / times[0]);
    }
    let mut sorted = ratios.clone();
    sorted.sort_by(f64::total_cmp);
    println!("{} documents, {mb:.1} MB, {rounds} rounds, one thread", docs.len());
    println!("working tree  {:6.1} MB/s (median)", mb / median(new_times));
    println!("base          {:6.1} MB/s (median)", mb / median(base_times));
    println!("base time / working-tree time, per round: median {:.3}", median(ratios));
    println!("  sorted: {:?}", sorted.iter().map(|r| (r * 1000.0).round() / 1000.0).collect::<Vec<_>>());
}
EOF

echo "building the harness (working tree against ${base:0:7}) ..." >&2
(cd "$work/harness" && CARGO_TARGET_DIR="$work/target" cargo build --release --quiet)
"$work/target/release/entrel-ab" "$corpus" "$rounds"
