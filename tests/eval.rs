//! `entrel eval` as a user runs it: the figures it prints for our own small
//! gold files and CoNLL files, and the errors it reports for bad ones.
//!
//! The extractor runs with only `tests/data/eval/gaz.tsv` and no rules, so
//! the figures do not move when the shipped lists grow.

use std::process::{Command, Output};

const DIR: &str = "tests/data/eval";

fn entrel_eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entrel"))
        .arg("eval")
        .args([
            "--no-default-gazetteers",
            "--no-default-rules",
            "--gazetteer",
            &format!("{DIR}/gaz.tsv"),
        ])
        .args(args)
        .output()
        .expect("entrel runs")
}

fn stdout_of(args: &[&str]) -> String {
    let out = entrel_eval(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn stderr_of_failure(args: &[&str]) -> String {
    let out = entrel_eval(args);
    assert!(!out.status.success(), "expected failure for {args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The table rows and summary lines, without the header that names the file.
fn figures(report: &str) -> Vec<&str> {
    report.lines().skip(1).collect()
}

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

#[test]
fn gold_scores_saved_output_like_score_py() {
    // score.py gives the same figures for these two files.
    let report = stdout_of(&[
        "--gold",
        &path("mini.gold.json"),
        &path("mini.pred.jsonl"),
        "--show",
    ]);
    assert_eq!(
        figures(&report),
        [
            "entities      gold   pred  correct      P      R     F1",
            "  EVENT          1      1        1  1.000  1.000  1.000",
            "  NORP           1      0        0  1.000  0.000  0.000",
            "  ORG            1      1        1  1.000  1.000  1.000",
            "  PERSON         2      2        1  0.500  0.500  0.500",
            "  PLACE          1      2        1  0.500  1.000  0.667",
            "  overall        6      6        4  0.667  0.667  0.667",
            "  missed    15..24 PERSON \"Lars Holm\"",
            "  missed    64..73 NORP \"Norwegian\"",
            "  spurious  15..19 PERSON \"Lars\"",
            "  spurious  64..73 PLACE \"Norwegian\"",
            // One of four predictions matches only the optional relation and
            // is not counted; one has the wrong negation; two (one in other
            // case) match the same required relation.
            "relations: gold 2 (+1 optional) predicted 4 found 1 spurious 1  P=0.667 R=0.500",
            "  missed    Fjordbank | supports | Tromsø Games | negated",
            "  spurious  Fjordbank | supports | Tromsø Games",
        ]
    );
    assert!(report.starts_with("gold tests/data/eval/mini.gold.json (document \"mini\")\n"));
}

#[test]
fn ignore_spans_drop_gold_and_predicted_entities() {
    // "Bergen" is in gold and prediction, inside the ignored tag line: it
    // counts on neither side (6 gold, 6 predicted, not 7 and 7).
    let report = stdout_of(&["--gold", &path("mini.gold.json"), &path("mini.pred.jsonl")]);
    assert!(report.contains("  overall        6      6        4  0.667  0.667  0.667\n"));
    assert!(!report.contains("Bergen"));
}

#[test]
fn gold_without_output_runs_the_extractor_on_the_text_file() {
    let report = stdout_of(&["--gold", &path("mini-file.gold.json"), "--show"]);
    assert_eq!(
        figures(&report),
        [
            "entities      gold   pred  correct      P      R     F1",
            "  EVENT          1      1        1  1.000  1.000  1.000",
            "  NORP           1      1        1  1.000  1.000  1.000",
            "  ORG            1      1        1  1.000  1.000  1.000",
            "  PERSON         2      1        1  1.000  0.500  0.667",
            "  PLACE          1      1        1  1.000  1.000  1.000",
            "  overall        6      5        5  1.000  0.833  0.909",
            "  missed    15..24 PERSON \"Lars Holm\"",
            "relations: gold 2 (+1 optional) predicted 0 found 0 spurious 0  P=1.000 R=0.000",
            "  missed    Renée Dahl | met with | Lars Holm",
            "  missed    Fjordbank | supports | Tromsø Games | negated",
        ]
    );
}

const CONLL_FIGURES: [&str; 7] = [
    "entities      gold   pred  correct      P      R     F1",
    "  LOC            5      8        5  0.625  1.000  0.769",
    "  MISC           1      1        1  1.000  1.000  1.000",
    "  ORG            3      1        0  0.000  0.000  0.000",
    "  PER            3      2        2  1.000  0.667  0.800",
    "  overall       12     12        8  0.667  0.667  0.667",
    "right span, wrong type: 2",
];

#[test]
fn conll_iob2_scores_exact_spans_per_type() {
    let report = stdout_of(&["--conll", &path("iob2.conll"), "--show"]);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[0],
        "conll tests/data/eval/iob2.conll: 2 documents, 5 sentences, 33 tokens"
    );
    assert_eq!(lines[2..9], CONLL_FIGURES);
    // Offsets are into the rebuilt text: tokens joined by spaces, sentences
    // by newlines, each document on its own.
    assert_eq!(
        lines[9..19],
        [
            "missed: 4 (the first 4 listed)",
            "  doc 0 36..52 ORG  \"Fjordbank Tromso\"",
            "  doc 1 0..9 PER  \"Lars Holm\"",
            "  doc 1 69..75 ORG  \"Bergen\"",
            "  doc 1 81..87 ORG  \"Tromso\"",
            "spurious: 4 (the first 4 listed)",
            "  doc 0 36..45 ORG  \"Fjordbank\"",
            "  doc 0 46..52 LOC  \"Tromso\"",
            "  doc 1 69..75 LOC  \"Bergen\"",
            "  doc 1 81..87 LOC  \"Tromso\"",
        ]
    );
    assert!(report.contains("most often spurious:\n      2  LOC Tromso\n"));
}

#[test]
fn conll_iob1_reads_the_same_entities_as_iob2() {
    // In IOB1 entities start with I-; B- only splits two adjacent entities
    // of one type ("Oslo Bergen").
    let iob1 = stdout_of(&["--conll", &path("iob1.conll"), "--show"]);
    let iob2 = stdout_of(&["--conll", &path("iob2.conll"), "--show"]);
    assert_eq!(
        iob1.lines().skip(2).take(7).collect::<Vec<_>>(),
        CONLL_FIGURES
    );
    assert_eq!(
        iob1.lines().skip(1).collect::<Vec<_>>(),
        iob2.lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn malformed_conll_lines_are_reported_with_file_and_line() {
    assert_eq!(
        stderr_of_failure(&["--conll", &path("bad-tag.conll")]),
        "entrel: tests/data/eval/bad-tag.conll:4: expected an NER tag (O, B-TYPE or I-TYPE) \
         in the last column, found \"PER\"\n"
    );
    assert_eq!(
        stderr_of_failure(&["--conll", &path("bad-columns.conll")]),
        "entrel: tests/data/eval/bad-columns.conll:3: expected `token POS chunk NER`, found \"Berg\"\n"
    );
}

#[test]
fn bad_gold_files_are_reported_with_file_and_line() {
    assert_eq!(
        stderr_of_failure(&["--gold", &path("broken.gold.json")]),
        "entrel: tests/data/eval/broken.gold.json:4:2: invalid JSON: expected `,` or `}`\n"
    );
    let missing = stderr_of_failure(&["--gold", &path("missing.gold.json")]);
    assert!(
        missing.starts_with("entrel: tests/data/eval/missing.gold.json: cannot read: "),
        "{missing}"
    );
    // Output that is not JSON Lines: the line is named.
    let not_jsonl = stderr_of_failure(&["--gold", &path("mini.gold.json"), &path("iob2.conll")]);
    assert!(
        not_jsonl.starts_with("entrel: tests/data/eval/iob2.conll:1:"),
        "{not_jsonl}"
    );
}
