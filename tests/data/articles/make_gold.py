#!/usr/bin/env python3
"""Regenerate the test articles and their gold annotations from *.src files.

Usage:  python3 make_gold.py            # rebuild every *.src next to this script
        python3 make_gold.py --check    # verify the committed outputs are up to date
        python3 make_gold.py foo.src    # rebuild only the named sources

Source format (UTF-8)
---------------------
Lines starting with ``#`` are directives:
    #id NAME          article id (defaults to the file stem)
    #outdir PATH      output directory, relative to the project root
                      (defaults to the directory of this script)
    #wrap N           hard-wrap every paragraph at N columns after the markup is
                      stripped (a space becomes a newline, so offsets do not move;
                      names may end up split across lines, which is intended)
    #skip PHRASE      occurrences of an entity's surface inside PHRASE are not
                      reported as un-annotated mentions (e.g. "Turkey sandwiches")
    # anything else   comment
Lines starting with ``@rel`` are relations:
    @rel SUBJ_LABEL | predicate | OBJ_LABEL [| flags]
flags is a space-separated subset of: neg hedged optional
Every other line is article text.  Entities are marked inline as
    [[surface|TYPE|id]]  or  [[surface|TYPE|id|label]]
Escapes usable anywhere in the text:
    {NBSP} U+00A0   {NBH} U+2011 non-breaking hyphen   {NDASH} U+2013
    {MDASH} U+2014  {RSQ} U+2019   {LSQ} U+2018   {LDQ} U+201C   {RDQ} U+201D

Offsets in the gold files are Unicode code-point offsets (Python str indices),
end exclusive.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
PREDICATES = {
    "threatened closure of", "threatened", "attacked", "killed", "arrested",
    "invaded", "supports", "opposes", "met with", "visited", "leader of",
    "member of", "works for", "located in", "sanctioned", "accused",
    "allied with", "friend of",
}
FLAGS = {"neg", "hedged", "optional"}
ESCAPES = {
    "{NBSP}": "\u00a0", "{NBH}": "\u2011", "{NDASH}": "\u2013",
    "{MDASH}": "\u2014", "{RSQ}": "\u2019", "{LSQ}": "\u2018",
    "{LDQ}": "\u201c", "{RDQ}": "\u201d",
}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\|([a-z0-9_]+)(?:\|([A-Za-z0-9_]+))?\]\]")
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
MIN_WORDS, MAX_WORDS = 250, 450


class GoldError(Exception):
    pass


def unescape(s):
    for k, v in ESCAPES.items():
        s = s.replace(k, v)
    return s


def wrap_line(line, width):
    chars = list(line)
    start = 0
    while len(line) - start > width:
        cut = line.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = line.find(" ", start + width + 1)
            if cut == -1:
                break
        chars[cut] = "\n"
        start = cut + 1
    return "".join(chars)


def norm(s):
    """Same-length normalisation used for comparisons: line breaks and NBSP -> space."""
    return s.replace("\n", " ").replace("\u00a0", " ")


def is_word_char(c):
    return c.isalnum()


def parse(src_path):
    with open(src_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if "\r" in raw:
        raise GoldError("CR characters in source")
    stem = os.path.basename(src_path)[: -len(".src")]
    meta = {"id": stem, "outdir": None, "wrap": None, "skip": []}
    rel_lines, body = [], []
    for n, line in enumerate(raw.split("\n"), 1):
        if line.startswith("#"):
            m = re.match(r"#(id|outdir|wrap|skip)\s+(.+)$", line)
            if m:
                key, val = m.group(1), unescape(m.group(2).strip())
                if key == "wrap":
                    meta["wrap"] = int(val)
                elif key == "skip":
                    meta["skip"].append(val)
                else:
                    meta[key] = val
            continue
        if line.startswith("@rel"):
            rel_lines.append((n, line[4:].strip()))
            continue
        body.append(line.rstrip(" "))
    src_text = unescape("\n".join(body)).strip("\n")

    # strip markup
    out, ents, pos = [], [], 0
    labels = {}
    for m in MARK.finditer(src_text):
        out.append(src_text[pos:m.start()])
        start = sum(len(p) for p in out)
        surface, etype, eid, label = m.groups()
        if etype not in TYPES:
            raise GoldError(f"bad type {etype} for {surface!r}")
        if not ID_RE.match(eid):
            raise GoldError(f"bad id {eid!r}")
        if surface != surface.strip():
            raise GoldError(f"surface has outer whitespace: {surface!r}")
        out.append(surface)
        ent = {"start": start, "end": start + len(surface), "text": surface,
               "type": etype, "id": eid}
        ents.append(ent)
        if label:
            if label in labels:
                raise GoldError(f"duplicate label {label}")
            labels[label] = ent
        pos = m.end()
    out.append(src_text[pos:])
    text = "".join(out)
    for bad in ("[[", "]]", "|", "{NBSP", "{NBH", "{RSQ", "{MDASH", "{NDASH"):
        if bad in text:
            i = text.index(bad)
            raise GoldError(f"leftover markup {bad!r} near {text[max(0, i-40):i+40]!r}")

    if meta["wrap"]:
        text = "\n".join(wrap_line(l, meta["wrap"]) for l in text.split("\n"))
    text = text.rstrip("\n") + "\n"

    for e in ents:
        sl = text[e["start"]:e["end"]]
        if norm(sl) != norm(e["text"]):
            raise GoldError(f"slice mismatch {sl!r} != {e['text']!r}")
        e["text"] = sl  # may now contain a line break (hard-wrapped copy)

    rels = []
    for n, spec in rel_lines:
        parts = [p.strip() for p in spec.split("|")]
        if len(parts) not in (3, 4):
            raise GoldError(f"line {n}: bad relation {spec!r}")
        s, pred, o = parts[:3]
        flags = set(parts[3].split()) if len(parts) == 4 else set()
        if flags - FLAGS:
            raise GoldError(f"line {n}: bad flags {flags - FLAGS}")
        if pred not in PREDICATES:
            raise GoldError(f"line {n}: bad predicate {pred!r}")
        for lab in (s, o):
            if lab not in labels:
                raise GoldError(f"line {n}: unknown label {lab!r}")
        se, oe = labels[s], labels[o]
        lo, hi = min(se["start"], oe["start"]), max(se["end"], oe["end"])
        if "\n\n" in text[lo:hi]:
            raise GoldError(f"line {n}: relation crosses a paragraph")
        rel = {"subject": {k: se[k] for k in ("start", "end", "text")},
               "predicate": pred,
               "object": {k: oe[k] for k in ("start", "end", "text")},
               "negated": "neg" in flags, "hedged": "hedged" in flags}
        if "optional" in flags:
            rel["optional"] = True
        rels.append(rel)

    gold = {"id": meta["id"], "text_file": stem + ".txt", "ignore": [],
            "entities": ents, "relations": rels}
    return meta, text, gold


def lint(meta, text, gold):
    """Return a list of warnings (problems that are not hard errors)."""
    warns = []
    ents = gold["entities"]
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            raise GoldError(f"overlapping entities {a['text']!r} / {b['text']!r}")
    types = {}
    for e in ents:
        t = types.setdefault(e["id"], e["type"])
        if t != e["type"]:
            warns.append(f"id {e['id']} has types {t} and {e['type']}")
    ntext = norm(text)
    skip_spans = []
    for ph in meta["skip"]:
        for m in re.finditer(re.escape(norm(ph)), ntext):
            skip_spans.append((m.start(), m.end()))
    covered = [(e["start"], e["end"]) for e in ents]
    for surf in sorted({norm(e["text"]) for e in ents}):
        for m in re.finditer(re.escape(surf), ntext):
            s, t = m.start(), m.end()
            if s > 0 and is_word_char(ntext[s - 1]) and is_word_char(surf[0]):
                continue
            if t < len(ntext) and is_word_char(ntext[t]) and is_word_char(surf[-1]):
                continue
            if any(a <= s and t <= b for a, b in covered):
                continue
            if any(a <= s and t <= b for a, b in skip_spans):
                continue
            warns.append(f"un-annotated occurrence of {surf!r} at {s}: "
                         f"{ntext[max(0, s-30):t+30]!r}")
    words = len(text.split())
    if meta["outdir"] is None and not (MIN_WORDS <= words <= MAX_WORDS):
        warns.append(f"word count {words} outside {MIN_WORDS}-{MAX_WORDS}")
    return warns


def read_back(txt_path, gold_path):
    with open(txt_path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    if not text.endswith("\n") or text.endswith("\n\n"):
        raise GoldError(f"{txt_path}: must end with exactly one newline")
    spans = gold["entities"] + [r[k] for r in gold["relations"] for k in ("subject", "object")]
    for e in spans:
        if text[e["start"]:e["end"]] != e["text"]:
            raise GoldError(f"{gold_path}: {e} does not match the text")
    ents = {(e["start"], e["end"]) for e in gold["entities"]}
    for r in gold["relations"]:
        for k in ("subject", "object"):
            if (r[k]["start"], r[k]["end"]) not in ents:
                raise GoldError(f"{gold_path}: relation {k} is not an entity")
    return text, gold


def dump_gold(gold):
    """JSON with one entity / relation per line (stable, diff-friendly)."""
    def one(x):
        return json.dumps(x, ensure_ascii=False)
    lines = ["{", f'  "id": {one(gold["id"])},', f'  "text_file": {one(gold["text_file"])},',
             f'  "ignore": {one(gold["ignore"])},', '  "entities": [']
    lines.append(",\n".join("    " + one(e) for e in gold["entities"]))
    lines.append("  ],")
    lines.append('  "relations": [')
    lines.append(",\n".join("    " + one(r) for r in gold["relations"]))
    lines.append("  ]")
    lines.append("}")
    out = "\n".join(l for l in lines if l != "") + "\n"
    assert json.loads(out) == gold
    return out


def build(src_path, check=False):
    meta, text, gold = parse(src_path)
    warns = lint(meta, text, gold)
    outdir = os.path.join(ROOT, meta["outdir"]) if meta["outdir"] else os.path.dirname(src_path)
    stem = os.path.basename(src_path)[: -len(".src")]
    txt_path = os.path.join(outdir, stem + ".txt")
    gold_path = os.path.join(outdir, stem + ".gold.json")
    gold_str = dump_gold(gold)
    if check:
        with open(txt_path, encoding="utf-8", newline="") as f:
            if f.read() != text:
                raise GoldError(f"{txt_path} is stale")
        with open(gold_path, encoding="utf-8", newline="") as f:
            if f.read() != gold_str:
                raise GoldError(f"{gold_path} is stale")
    else:
        with open(txt_path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(gold_path, "w", encoding="utf-8", newline="") as f:
            f.write(gold_str)
    read_back(txt_path, gold_path)
    print(f"{stem}: {len(text.split())} words, {len(gold['entities'])} entities, "
          f"{len(gold['relations'])} relations -> {os.path.relpath(outdir, ROOT)}")
    for w in warns:
        print(f"  WARNING {w}")
    return not warns


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    srcs = [os.path.abspath(n) for n in names] or sorted(
        os.path.join(HERE, n) for n in os.listdir(HERE) if n.endswith(".src"))
    ok = True
    for s in srcs:
        try:
            ok &= build(s, check)
        except GoldError as e:
            print(f"{os.path.basename(s)}: ERROR {e}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
