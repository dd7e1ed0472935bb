#!/usr/bin/env python3
"""Scan throughput of entrel beside its peers: flashtext, pyahocorasick, spaCy.

usage: benches/peers.py [--venv DIR] [--news FILE] [--gazetteer FILE]
                        [--limit-mb N] [--spacy-mb N] [--runs N]
                        [--skip-spacy] [--skip-entrel]

What it does:
  1. Makes a virtual environment (default /tmp/entrel-peers-venv), or reuses
     it, pip-installs flashtext, pyahocorasick (>= 2, for iter_long) and
     spaCy 3.8 into it, and runs itself again with the venv's Python. No
     spaCy model is downloaded: a blank English pipeline is enough. If pip
     cannot install something, it says what and exits 2.
  2. Loads the "text" fields of --news (default
     ../shared/corpora/news/news.jsonl, 22.5 MB of text) and the
     surface<TAB>type lines of --gazetteer (default
     ../shared/corpora/gazetteers/peer-40k.tsv); both paths are relative to
     the crate root. --limit-mb N keeps whole documents, in file order, up to
     N MB (1 MB = 10^6 bytes of UTF-8 text); the default is all of it.
  3. Builds each matcher once (its build time is reported apart) and times a
     single-threaded scan over all the documents, median of --runs (default
     3), the same setups as ../shared/corpora/README.md describes:
       - flashtext KeywordProcessor (case-insensitive, its default),
         extract_keywords(doc, span_info=True);
       - pyahocorasick Automaton over lower-cased patterns, iter_long over
         the lower-cased document (the lower-casing is part of the timed
         scan);
       - spaCy blank("en") with an EntityRuler of phrase patterns (its
         default phrase_matcher_attr, ORTH), nlp.pipe over the documents.
         spaCy is about 1 MB/s, so it only gets the first --spacy-mb MB
         (default 2) of the text, and its MB/s is over that part.
  4. Runs `cargo run --release -- bench --no-default-gazetteers
     --no-default-rules --gazetteer GAZ NEWS --runs 3 --threads 1` from the
     crate root (with --limit-mb, over a temporary JSON Lines file of the same
     documents) and reads its "tagging" and "raw aho-corasick scan" lines.
     CARGO_TARGET_DIR and the rest of the environment are passed on.
  5. Prints one table: matcher, MB/s, build seconds, matches found, and
     entrel tagging's speed as a multiple of each peer's. entrel's match
     counts are its printed entities/s times the scan's seconds, so they
     are off by a little rounding. The counts differ by design: the raw
     scans report every hit anywhere, flashtext hits between word characters,
     the EntityRuler (case-sensitive, token-aligned) and entrel's tagging
     only non-overlapping entity spans.

Absolute MB/s move from run to run on a shared machine; compare the ratios
from one run. Example, about five minutes:

    python3 benches/peers.py --limit-mb 5
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CRATE = Path(__file__).resolve().parent.parent
DEFAULT_VENV = Path("/tmp/entrel-peers-venv")
DEFAULT_NEWS = CRATE.parent / "shared" / "corpora" / "news" / "news.jsonl"
DEFAULT_GAZ = CRATE.parent / "shared" / "corpora" / "gazetteers" / "peer-40k.tsv"
REQUIREMENTS = ["flashtext", "pyahocorasick>=2.0", "spacy>=3.8,<3.9"]
IMPORT_CHECK = "import flashtext, ahocorasick, spacy"
INNER = "ENTREL_PEERS_IN_VENV"


def parse_args():
    p = argparse.ArgumentParser(
        description="Scan throughput of entrel beside flashtext, pyahocorasick and spaCy.")
    p.add_argument("--venv", type=Path, default=DEFAULT_VENV,
                   help=f"virtual environment to make or reuse (default {DEFAULT_VENV})")
    p.add_argument("--news", type=Path, default=DEFAULT_NEWS,
                   help="JSON Lines corpus; each line's \"text\" is one document")
    p.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZ,
                   help="surface<TAB>type lines, used by every matcher")
    p.add_argument("--limit-mb", type=float, default=None,
                   help="use only the first N MB of text (whole documents; default all)")
    p.add_argument("--spacy-mb", type=float, default=2.0,
                   help="MB of text given to spaCy, which is slow (default 2)")
    p.add_argument("--runs", type=int, default=3,
                   help="timed runs per matcher; the median is reported (default 3)")
    p.add_argument("--skip-spacy", action="store_true", help="do not measure spaCy")
    p.add_argument("--skip-entrel", action="store_true",
                   help="do not run `cargo run --release -- bench`")
    args = p.parse_args()
    args.runs = max(1, args.runs)
    for name in ("news", "gazetteer"):
        path = getattr(args, name)
        if not path.is_absolute():
            path = CRATE / path
        setattr(args, name, path.resolve())
    return args


# --- the venv ----------------------------------------------------------------

def in_venv(venv):
    return Path(sys.prefix).resolve() == venv.resolve()


def ensure_venv(venv):
    """Makes or reuses the venv, installs the peers, and returns its python."""
    py = venv / "bin" / "python"
    if not py.exists():
        print(f"creating {venv}", file=sys.stderr)
        r = subprocess.run([sys.executable, "-m", "venv", str(venv)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"peers.py: cannot create a venv at {venv}:\n{r.stderr.strip()}",
                  file=sys.stderr)
            sys.exit(2)
    if subprocess.run([str(py), "-c", IMPORT_CHECK], capture_output=True).returncode == 0:
        return py
    print(f"installing {', '.join(REQUIREMENTS)} into {venv} (pip)", file=sys.stderr)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"],
                   capture_output=True, text=True)
    failed = []
    for req in REQUIREMENTS:
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", req],
                           capture_output=True, text=True)
        if r.returncode != 0:
            tail = "\n".join((r.stderr or r.stdout).strip().splitlines()[-5:])
            failed.append(f"  pip install {req!r} failed (exit {r.returncode}):\n    "
                          + tail.replace("\n", "\n    "))
    if failed:
        print("peers.py: pip could not install the peers:\n" + "\n".join(failed),
              file=sys.stderr)
        sys.exit(2)
    r = subprocess.run([str(py), "-c", IMPORT_CHECK], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"peers.py: installed, but `{IMPORT_CHECK}` fails:\n{r.stderr.strip()}",
              file=sys.stderr)
        sys.exit(2)
    return py


# --- data --------------------------------------------------------------------

def load_docs(path, limit_mb):
    """Documents' texts, whole, in file order, up to limit_mb MB of UTF-8."""
    limit = None if limit_mb is None else int(limit_mb * 1e6)
    docs, size, cut = [], 0, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            n = len(text.encode("utf-8"))
            if limit is not None and size + n > limit:
                cut = True
                break
            docs.append(text)
            size += n
    return docs, size, cut


def load_gazetteer(path):
    entries = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            surface, _, kind = line.partition("\t")
            if surface:
                entries.append((surface, kind.split("\t")[0] or "MISC"))
    return entries


def mb_of(docs):
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


# --- timing ------------------------------------------------------------------

def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def median_scan(runs, fn):
    """Median seconds of `runs` calls of fn, and fn's last result."""
    times, out = [], None
    for _ in range(runs):
        t, out = timed(fn)
        times.append(t)
    return statistics.median(times), out


# --- the peers ---------------------------------------------------------------

def bench_flashtext(entries, docs, runs):
    from flashtext import KeywordProcessor

    def build():
        kp = KeywordProcessor()  # case_sensitive=False, its default
        for surface, kind in entries:
            kp.add_keyword(surface, (surface, kind))
        return kp

    build_s, kp = timed(build)
    scan_s, n = median_scan(runs, lambda: sum(
        len(kp.extract_keywords(d, span_info=True)) for d in docs))
    return build_s, scan_s, n


def bench_pyahocorasick(entries, docs, runs):
    import ahocorasick

    def build():
        a = ahocorasick.Automaton()
        for surface, kind in entries:
            low = surface.lower()
            a.add_word(low, (len(low), kind))
        a.make_automaton()
        return a

    build_s, a = timed(build)
    scan_s, n = median_scan(runs, lambda: sum(
        sum(1 for _ in a.iter_long(d.lower())) for d in docs))
    return build_s, scan_s, n


def bench_spacy(entries, docs, runs):
    import spacy

    def build():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": kind, "pattern": surface} for surface, kind in entries])
        return nlp

    build_s, nlp = timed(build)
    scan_s, n = median_scan(runs, lambda: sum(len(doc.ents) for doc in nlp.pipe(docs)))
    return build_s, scan_s, n, spacy.__version__


# --- entrel ------------------------------------------------------------------

ROW = re.compile(r"^(raw aho-corasick scan|tagging)\s+([0-9.]+)\s+[0-9.]+\s+([0-9.]+)", re.M)
BUILD = re.compile(r"^build: extractor ([0-9.]+) ms.*raw scan automaton ([0-9.]+) ms", re.M)
CORPUS = re.compile(r"^corpus: (\d+) documents, ([0-9.]+) MB", re.M)


def bench_entrel(args, docs, limited):
    tmp = None
    corpus = args.news
    if limited:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", prefix="entrel-peers-",
                                          dir="/tmp", delete=False, encoding="utf-8")
        with tmp:
            for i, text in enumerate(docs):
                tmp.write(json.dumps({"id": f"doc-{i + 1}", "text": text}) + "\n")
        corpus = Path(tmp.name)
    cmd = ["cargo", "run", "--release", "--", "bench", "--no-default-gazetteers",
           "--no-default-rules", "--gazetteer", str(args.gazetteer), str(corpus),
           "--runs", "3", "--threads", "1"]
    print("running: " + " ".join(cmd), file=sys.stderr)
    try:
        r = subprocess.run(cmd, cwd=CRATE, capture_output=True, text=True)
    finally:
        if tmp is not None:
            os.unlink(tmp.name)
    if r.returncode != 0:
        print(f"peers.py: `cargo run --release -- bench` failed (exit {r.returncode}):\n"
              + r.stderr[-3000:], file=sys.stderr)
        sys.exit(1)
    out = r.stdout
    rows = {m.group(1): (float(m.group(2)), float(m.group(3))) for m in ROW.finditer(out)}
    build = BUILD.search(out)
    corpus_line = CORPUS.search(out)
    if "tagging" not in rows or "raw aho-corasick scan" not in rows or not build:
        print("peers.py: cannot read the MB/s lines of `entrel bench`:\n" + out,
              file=sys.stderr)
        sys.exit(1)
    return out, rows, build, corpus_line


# --- main --------------------------------------------------------------------

def main():
    args = parse_args()
    if not in_venv(args.venv):
        py = ensure_venv(args.venv)
        env = dict(os.environ, **{INNER: "1"})
        os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)
    # From here on, inside the venv.
    for path in (args.news, args.gazetteer):
        if not path.is_file():
            print(f"peers.py: no such file: {path}", file=sys.stderr)
            sys.exit(1)

    entries = load_gazetteer(args.gazetteer)
    docs, size, limited = load_docs(args.news, args.limit_mb)
    if not docs:
        print("peers.py: no documents (is --limit-mb smaller than the first document?)",
              file=sys.stderr)
        sys.exit(1)
    mb = size / 1e6
    print(f"corpus: {args.news.name}, {len(docs)} documents, {mb:.2f} MB of text"
          f"{' (limited)' if limited else ''}; gazetteer: {args.gazetteer.name}, "
          f"{len(entries)} entries; median of {args.runs} runs, one thread", flush=True)

    results = []  # (name, MB/s, build s, matches, note, short name)
    print("flashtext ...", file=sys.stderr, flush=True)
    b, s, n = bench_flashtext(entries, docs, args.runs)
    results.append(("flashtext", mb / s, b, n, "", "flashtext"))
    print("pyahocorasick ...", file=sys.stderr, flush=True)
    b, s, n = bench_pyahocorasick(entries, docs, args.runs)
    results.append(("pyahocorasick (iter_long)", mb / s, b, n, "", "pyahocorasick"))
    if not args.skip_spacy:
        sdocs, ssize, _ = load_docs(args.news, min(args.spacy_mb, mb))
        print(f"spaCy EntityRuler over {ssize / 1e6:.2f} MB ...", file=sys.stderr, flush=True)
        b, s, n, version = bench_spacy(entries, sdocs, args.runs)
        results.append((f"spaCy {version} EntityRuler", (ssize / 1e6) / s, b, n,
                        f"on {ssize / 1e6:.2f} MB", "spaCy"))

    tagging = None
    if not args.skip_entrel:
        out, rows, build, corpus_line = bench_entrel(args, docs, limited)
        if corpus_line and abs(float(corpus_line.group(2)) - round(mb, 1)) > 0.11:
            print(f"warning: entrel read {corpus_line.group(2)} MB, the peers {mb:.2f} MB",
                  file=sys.stderr)
        tagging, tag_eps = rows["tagging"]
        raw, raw_eps = rows["raw aho-corasick scan"]
        # entrel prints entities/s; times the scan's seconds gives the count.
        results.insert(0, ("entrel tagging", tagging, float(build.group(1)) / 1e3,
                           round(tag_eps * mb / tagging), "", "entrel tagging"))
        results.insert(1, ("entrel raw aho-corasick scan", raw, float(build.group(2)) / 1e3,
                           round(raw_eps * mb / raw), "matches anywhere, no spans",
                           "entrel's raw scan"))

    print()
    print(f"{'matcher':<30} {'MB/s':>8} {'build s':>8} {'matches':>9}  entrel tagging vs it")
    for name, speed, build_s, n, note, short in results:
        ratio = ""
        if tagging is not None and name != "entrel tagging":
            x = tagging / speed
            ratio = f"entrel tagging is {x:.{1 if x < 10 else 0}f}x {short}"
        matches = "" if n is None else str(n)
        extra = f"  [{note}]" if note else ""
        print(f"{name:<30} {speed:>8.2f} {build_s:>8.2f} {matches:>9}  {ratio}{extra}")


if __name__ == "__main__":
    main()
