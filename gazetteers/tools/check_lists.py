#!/usr/bin/env python3
"""Validate the entrel gazetteer files (gazetteers/*.tsv).

Format of every data line (UTF-8):

    surface<TAB>TYPE<TAB>id<TAB>alias|alias|...

The aliases column may be empty; the id never is. '#' comment lines are
allowed at the top of a file only. Data lines must be sorted in byte order
(Python ``sorted()`` on the str lines), with no blank lines.

Checks (each problem printed as ``file:line: message``; exit status 1 if any):
  * encoding, field count, empty fields, stray whitespace, '|' in a surface,
    empty alias slots, control characters, typographic quotes/dashes
  * TYPE is an upper-case tag, id is lowercase ASCII snake_case
  * comment lines only at the top, no blank lines, final newline
  * sort order of the data lines
  * duplicate surfaces and ids within a file, ids reused across files,
    an alias repeated inside one entry or equal to the entry's own surface
  * collisions: a surface or alias of one id whose folded form (diacritics,
    typographic apostrophes/hyphens, whitespace and case folded, i.e. what the
    tagger treats as the same text) equals a surface or alias of another id,
    in the same file or in any other file of the folder.

Usage: python3 gazetteers/tools/check_lists.py [DIR]   (default: the gazetteers
folder this script lives in).
"""
import os
import re
import sys
import unicodedata

ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
TYPE_RE = re.compile(r"^[A-Z][A-Z_]*$")
TYPOGRAPHIC = {
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u201c": '"', "\u201d": '"',
}
SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003"}


def fold(text):
    """The key under which the tagger cannot tell two strings apart."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        ch = TYPOGRAPHIC.get(ch, ch)
        if ch in SPACES or ch.isspace():
            ch = " "
        out.append(ch)
    s = re.sub(r" +", " ", "".join(out)).strip()
    return s.casefold()


def check_text_field(problems, where, label, value):
    if value != value.strip():
        problems.append(f"{where}: {label} {value!r} has leading/trailing whitespace")
    if "  " in value:
        problems.append(f"{where}: {label} {value!r} has a double space")
    for ch in value:
        if ch in TYPOGRAPHIC:
            problems.append(f"{where}: {label} {value!r} uses typographic character U+{ord(ch):04X}; use ASCII ' or -")
            break
        if ch in SPACES:
            problems.append(f"{where}: {label} {value!r} uses a non-breaking/special space")
            break
        if unicodedata.category(ch).startswith("C"):
            problems.append(f"{where}: {label} {value!r} has a control/format character U+{ord(ch):04X}")
            break


def check_file(path, name, problems, entries, ids_seen):
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        problems.append(f"{name}:0: cannot read: {exc}")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{name}:0: not valid UTF-8: {exc}")
        return
    if text.startswith("\ufeff"):
        problems.append(f"{name}:1: starts with a byte-order mark")
        text = text[1:]
    if "\r" in text:
        problems.append(f"{name}:0: contains carriage returns (use \\n line endings)")
    if text and not text.endswith("\n"):
        problems.append(f"{name}:0: no newline at end of file")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    data = []  # (lineno, line)
    seen_data = False
    surfaces = {}
    file_ids = {}
    for lineno, line in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if line.strip() == "":
            problems.append(f"{where}: blank line")
            continue
        if line.startswith("#"):
            if seen_data:
                problems.append(f"{where}: comment line after data (comments are allowed at the top only)")
            continue
        seen_data = True
        data.append((lineno, line))
        fields = line.split("\t")
        if len(fields) != 4:
            problems.append(f"{where}: expected 4 tab-separated fields, found {len(fields)}")
            continue
        surface, etype, eid, aliases = fields
        if aliases != aliases.strip():
            problems.append(f"{where}: aliases column {aliases!r} has leading/trailing whitespace")
        if not surface:
            problems.append(f"{where}: empty surface")
        if not etype:
            problems.append(f"{where}: empty TYPE")
        elif not TYPE_RE.match(etype):
            problems.append(f"{where}: TYPE {etype!r} is not an upper-case tag")
        if not eid:
            problems.append(f"{where}: empty id")
        elif not ID_RE.match(eid):
            problems.append(f"{where}: id {eid!r} is not lowercase ASCII snake_case")
        if "|" in surface:
            problems.append(f"{where}: '|' inside surface {surface!r}")
        check_text_field(problems, where, "surface", surface)
        check_text_field(problems, where, "id", eid)
        alias_list = []
        if aliases != "":
            alias_list = aliases.split("|")
            for alias in alias_list:
                if alias == "":
                    problems.append(f"{where}: empty alias slot in {aliases!r}")
                    continue
                check_text_field(problems, where, "alias", alias)
        if surface in surfaces:
            problems.append(f"{where}: duplicate surface {surface!r} (first at line {surfaces[surface]})")
        else:
            surfaces[surface] = lineno
        if eid:
            if eid in file_ids:
                problems.append(f"{where}: duplicate id {eid!r} (first at line {file_ids[eid]})")
            else:
                file_ids[eid] = lineno
                if eid in ids_seen and ids_seen[eid][0] != name:
                    problems.append(f"{where}: id {eid!r} also used in {ids_seen[eid][0]}:{ids_seen[eid][1]}")
                else:
                    ids_seen.setdefault(eid, (name, lineno))
        own = set()
        if surface:
            own.add(surface)
        for alias in alias_list:
            if not alias:
                continue
            if alias == surface:
                problems.append(f"{where}: alias {alias!r} repeats the surface")
            elif alias in own:
                problems.append(f"{where}: alias {alias!r} listed twice")
            own.add(alias)
        for form in sorted(own):
            entries.append((fold(form), form, eid, name, lineno))

    plain = [line for _, line in data]
    if plain != sorted(plain):
        for (_, line), (next_no, nxt) in zip(data, data[1:]):
            if nxt < line:
                problems.append(f"{name}:{next_no}: out of order: sorts before the previous data line "
                                f"(sort data lines by the whole line in byte order)")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    folder = argv[1] if len(argv) > 1 else os.path.dirname(here)
    files = sorted(f for f in os.listdir(folder) if f.endswith(".tsv"))
    problems = []
    entries = []
    ids_seen = {}
    for f in files:
        check_file(os.path.join(folder, f), f, problems, entries, ids_seen)

    owners = {}
    for key, form, eid, name, lineno in entries:
        owners.setdefault(key, []).append((form, eid, name, lineno))
    for key in sorted(owners):
        owned = owners[key]
        distinct = {eid for _, eid, _, _ in owned}
        if len(distinct) < 2:
            continue
        first_form, first_id, first_file, first_line = owned[0]
        for form, eid, name, lineno in owned[1:]:
            if eid != first_id:
                problems.append(
                    f"{name}:{lineno}: {form!r} (id {eid}) collides with {first_form!r} "
                    f"(id {first_id}) at {first_file}:{first_line}")

    for p in problems:
        print(p)
    total = sum(1 for _ in entries)
    if problems:
        print(f"{len(problems)} problem(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    print(f"OK: {len(files)} file(s), {total} surface/alias forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
