//! The `entrel` command as a user runs it: files and JSON Lines in, JSON
//! Lines out, errors on stderr with a non-zero exit.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn entrel(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entrel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("entrel starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin written");
    child.wait_with_output().expect("entrel ends")
}

const GAZ: &str = "tests/data/tagging.tsv";

/// `entrel extract` with the test gazetteer alone, then `args`.
fn extract_with_test_list(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = vec!["extract", "--no-default-gazetteers", "--gazetteer", GAZ];
    all.extend_from_slice(args);
    entrel(&all, stdin)
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn extracts_a_text_file_with_its_name_as_id() {
    let out = entrel(&["extract", "examples/data/sample-article.txt"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "sample-article");
    assert!(docs[0]["entities"].as_array().is_some_and(|e| e.len() > 10));
    assert!(docs[0]["relations"].is_array());
    assert!(docs[0].get("sentences").is_none());
}

#[test]
fn jsonl_keeps_order_and_extra_fields_whatever_the_threads() {
    let mut input = String::new();
    for i in 0..300 {
        input.push_str(&format!(
            "{{\"id\": \"d{i}\", \"source\": {{\"feed\": [1, 2]}}, \"text\": \"Kadhimi met Pompeo in Baghdad on day {i}.\"}}\n"
        ));
    }
    let one = extract_with_test_list(&["--jsonl", "--threads", "1"], input.as_bytes());
    let four = extract_with_test_list(&["--jsonl", "--threads", "4", "-"], input.as_bytes());
    assert!(one.status.success() && four.status.success());
    assert_eq!(
        one.stdout, four.stdout,
        "output depends on the thread count"
    );
    let docs = lines(&one);
    assert_eq!(docs.len(), 300);
    assert_eq!(docs[7]["id"], "d7");
    assert_eq!(docs[7]["source"], serde_json::json!({"feed": [1, 2]}));
    assert_eq!(docs[7]["entities"].as_array().map(Vec::len), Some(3));
    assert!(docs[7].get("text").is_none());
}

#[test]
fn a_bad_line_stops_with_its_line_number_after_the_good_ones() {
    let input = "{\"id\": \"a\", \"text\": \"Baghdad\"}\n{\"id\": \"b\", \"text\": 5}\n{\"id\": \"c\", \"text\": \"Iraq\"}\n";
    let out = extract_with_test_list(&["--jsonl"], input.as_bytes());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:2: expected \"text\" to be a JSON string"),
        "{stderr}"
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1, "the document before the bad line is written");
    assert_eq!(docs[0]["id"], "a");
}

#[test]
fn skip_bad_reports_the_line_and_goes_on() {
    let input = "{\"id\": \"a\", \"text\": \"Baghdad\"}\nnot json\n{\"text\": \"Iraq\"}\n";
    let out = extract_with_test_list(&["--jsonl", "--skip-bad"], input.as_bytes());
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped <stdin>:2:2: expected a JSON object"),
        "{stderr}"
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[1]["id"], "3",
        "a line without an id gets its line number"
    );
}

#[test]
fn invalid_utf8_is_an_error_or_replaced_with_lossy() {
    let dir = std::env::temp_dir().join(format!("entrel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.txt");
    std::fs::write(&path, b"Baghdad \xff Iraq").expect("written");
    let p = path.to_str().expect("utf-8 path");
    let out = extract_with_test_list(&[p], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.txt: invalid UTF-8 at byte 8"));
    let out = extract_with_test_list(&["--lossy", p], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
    assert_eq!(lines(&out)[0]["entities"].as_array().map(Vec::len), Some(2));
}

#[test]
fn empty_input_gives_empty_results() {
    let out = extract_with_test_list(&[], b"");
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["entities"], serde_json::json!([]));
    let out = extract_with_test_list(&["--jsonl"], b"\n\n");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn gazetteer_errors_name_file_line_and_column() {
    let out = entrel(
        &["extract", "--gazetteer", "tests/data/bad-gazetteer.tsv"],
        b"x",
    );
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "entrel: tests/data/bad-gazetteer.tsv:3:6: expected a TAB and an entity type after the surface form \"Basra\""
    );
}

#[test]
fn help_version_and_usage() {
    assert!(entrel(&["--help"], b"").status.success());
    let v = entrel(&["--version"], b"");
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("entrel "));
    let bad = entrel(&["extract", "--frobnicate"], b"");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Usage"));
}

/// Each kind of bad JSON Lines input, between good documents: with
/// `--skip-bad` every good document comes out in order and each bad line is
/// named on stderr; without it the run stops at the first bad line, after
/// writing the documents before it.
#[test]
fn every_bad_line_kind_is_named_and_no_good_document_is_lost() {
    let bad_lines: [(&[u8], &str); 7] = [
        (b"not json at all", "expected a JSON object"),
        (b"[1, 2, 3]", "expected a JSON object"),
        (b"{\"id\": \"x\"}", "\"text\""),
        (b"{\"id\": \"x\", \"text\": null}", "\"text\""),
        (b"{\"id\": \"x\", \"text\": \"unterminated", ""),
        (b"{\"id\": \"x\", \"text\": \"Iraq \xff\"}", "invalid UTF-8"),
        (b"\"just a string\"", "expected a JSON object"),
    ];
    for (bad, what) in bad_lines {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\": \"before\", \"text\": \"Baghdad\"}\n");
        input.extend_from_slice(bad);
        input.extend_from_slice(b"\n{\"id\": \"after\", \"text\": \"Iraq\"}\n");
        let shown = String::from_utf8_lossy(bad);

        let skipping = extract_with_test_list(&["--jsonl", "--skip-bad"], &input);
        assert!(skipping.status.success(), "{shown}");
        let stderr = String::from_utf8_lossy(&skipping.stderr);
        assert!(stderr.contains("<stdin>:2"), "{shown}: {stderr}");
        assert!(stderr.contains(what), "{shown}: {stderr}");
        let ids: Vec<_> = lines(&skipping).iter().map(|d| d["id"].clone()).collect();
        assert_eq!(ids, ["before", "after"], "{shown}");

        let stopping = extract_with_test_list(&["--jsonl"], &input);
        assert!(!stopping.status.success(), "{shown}");
        let stderr = String::from_utf8_lossy(&stopping.stderr);
        assert!(stderr.starts_with("entrel: <stdin>:2"), "{shown}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        let ids: Vec<_> = lines(&stopping).iter().map(|d| d["id"].clone()).collect();
        assert_eq!(ids, ["before"], "{shown}");
    }
}

/// A bad file among good ones: the files before it are written, the error
/// names the file and byte offset.
#[test]
fn a_bad_file_keeps_the_files_before_it() {
    let dir = std::env::temp_dir().join(format!("entrel-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, "Talks in Baghdad.").expect("written");
    std::fs::write(&bad, b"Iraq\n\xc3(").expect("written");
    let (g, b) = (good.to_str().expect("path"), bad.to_str().expect("path"));
    let out = extract_with_test_list(&[g, b, g], b"");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt: invalid UTF-8 at byte 5"),
        "{stderr}"
    );
    assert_eq!(lines(&out).len(), 1, "the good file before the bad one");
    let missing = dir.join("missing.txt");
    let out = entrel(&["extract", g, missing.to_str().expect("path")], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    assert_eq!(lines(&out).len(), 1);
}

/// A line or a file longer than `--max-doc-bytes` is a bad item like any
/// other: named, stopping the run or skipped with `--skip-bad`, and the
/// documents around it come out.
#[test]
fn a_document_over_the_size_limit_is_a_bad_item() {
    let long = format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}",
        "Talks in Baghdad. ".repeat(60)
    );
    let input = format!(
        "{{\"id\": \"before\", \"text\": \"Baghdad\"}}\n{long}\n{{\"id\": \"after\", \"text\": \"Iraq\"}}\n"
    );
    let ids = |out: &Output| -> Vec<serde_json::Value> {
        lines(out).iter().map(|d| d["id"].clone()).collect()
    };
    let limited = ["--jsonl", "--max-doc-bytes", "1K"];

    let skipping =
        extract_with_test_list(&[&limited[..], &["--skip-bad"]].concat(), input.as_bytes());
    assert!(skipping.status.success());
    let stderr = String::from_utf8_lossy(&skipping.stderr);
    assert!(
        stderr.contains("skipped <stdin>:2: line longer than 1024 bytes (--max-doc-bytes)"),
        "{stderr}"
    );
    assert_eq!(ids(&skipping), ["before", "after"]);

    let stopping = extract_with_test_list(&limited, input.as_bytes());
    assert!(!stopping.status.success());
    let stderr = String::from_utf8_lossy(&stopping.stderr);
    assert!(
        stderr.starts_with("entrel: <stdin>:2: line longer than 1024 bytes"),
        "{stderr}"
    );
    assert_eq!(ids(&stopping), ["before"]);

    for no_limit in [&["--jsonl"][..], &["--jsonl", "--max-doc-bytes", "0"]] {
        let out = extract_with_test_list(no_limit, input.as_bytes());
        assert!(out.status.success());
        assert_eq!(ids(&out), ["before", "long", "after"], "{no_limit:?}");
    }

    let dir = std::env::temp_dir().join(format!("entrel-cli-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (short, long) = (dir.join("short.txt"), dir.join("long.txt"));
    std::fs::write(&short, "Talks in Baghdad.").expect("written");
    std::fs::write(&long, "Talks in Baghdad. ".repeat(60)).expect("written");
    let (s, l) = (short.to_str().expect("path"), long.to_str().expect("path"));
    let out = extract_with_test_list(&["--max-doc-bytes", "1K", s, l, s], b"");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("long.txt: file longer than 1024 bytes"),
        "{stderr}"
    );
    assert_eq!(ids(&out), ["short"], "the file before the long one");
    let out = extract_with_test_list(&["--max-doc-bytes", "2K", s, l], b"");
    assert_eq!(ids(&out), ["short", "long"]);
    let out = entrel(&["extract", "--max-doc-bytes", "1.5M", s], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1.5M"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A rule file that does not parse stops the run before any input is read,
/// naming the file, line and column.
#[test]
fn rule_errors_name_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("entrel-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.rules");
    std::fs::write(
        &path,
        "# a trigger left open\nrule visits -> visited\n  match <subject:PERSON> {visited <object:GPE>\n",
    )
    .expect("written");
    let out = entrel(
        &["extract", "--rules", path.to_str().expect("path")],
        b"Iraq",
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.rules:3:47: expected '}' to close the trigger"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
}

/// Documents no one would write on purpose: NUL bytes and other control
/// characters, a megabyte with no sentence end, ten thousand names in one
/// sentence. Each comes out whole, with spans that hold, between good
/// documents.
#[test]
fn hostile_documents_come_through_whole() {
    let controls: String = (0u8..32)
        .chain([127])
        .map(|b| format!("Iraq{}", b as char))
        .collect();
    let long_run = "officials met in Baghdad and talked at length about Iraq ".repeat(18_000);
    let names = ["Iraq", "Iran", "Baghdad", "Mike Pompeo", "Turkey"];
    let many: Vec<&str> = (0..10_000).map(|i| names[i % names.len()]).collect();
    let many = format!(
        "Envoys from {} met with Mustafa al-Kadhimi.",
        many.join(", ")
    );
    let docs = [
        ("nul", format!("Mike Pompeo\0visited\0Baghdad.\0{controls}")),
        ("long", long_run),
        ("many", many),
        ("good", "Pompeo met with Kadhimi in Baghdad.".to_string()),
    ];
    let mut input = String::new();
    for (id, text) in &docs {
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    let out = extract_with_test_list(&["--jsonl"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    assert_eq!(got.len(), docs.len());
    for ((id, text), doc) in docs.iter().zip(&got) {
        assert_eq!(doc["id"], *id);
        let chars: Vec<char> = text.chars().collect();
        let entities = doc["entities"].as_array().expect("entities");
        assert!(!entities.is_empty(), "{id}");
        for e in entities {
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            let (bs, be) = (
                e["byte_start"].as_u64().unwrap() as usize,
                e["byte_end"].as_u64().unwrap() as usize,
            );
            let by_chars: String = chars[start as usize..end as usize].iter().collect();
            assert_eq!(by_chars, e["text"].as_str().unwrap(), "{id}");
            assert_eq!(&text[bs..be], e["text"].as_str().unwrap(), "{id}");
        }
    }
    assert_eq!(got[0]["entities"].as_array().map(Vec::len), Some(35));
    assert_eq!(got[1]["entities"].as_array().map(Vec::len), Some(36_000));
    assert_eq!(got[2]["entities"].as_array().map(Vec::len), Some(10_001));
}

/// `entrel bench` over a text file and over JSON Lines: every measure in one
/// table beside the raw scan, and nothing on stderr when it is no terminal.
#[test]
fn bench_reports_every_measure_beside_the_raw_scan() {
    let dir = std::env::temp_dir().join(format!("entrel-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let jsonl = dir.join("two.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": 1, \"text\": \"Kadhimi met Pompeo in Baghdad.\"}\n\
         {\"id\": 2, \"text\": \"Pompeo flew to Najaf on Monday.\"}\n",
    )
    .expect("written");
    let jsonl = jsonl.to_str().expect("utf-8 path");
    for (input, documents) in [("examples/data/sample-article.txt", 1), (jsonl, 2)] {
        let out = entrel(&["bench", "--runs", "2", "--threads", "2", input], b"");
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{report}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            report.starts_with(&format!("corpus: {documents} documents")),
            "{report}"
        );
        for row in [
            "raw aho-corasick scan",
            "tagging",
            "extraction, 1 thread",
            "extraction + JSON lines",
            "extraction, 2 threads",
        ] {
            let line = report
                .lines()
                .find(|l| l.starts_with(row))
                .unwrap_or_else(|| panic!("no {row:?} row in {report}"));
            let figures: Vec<f64> = line[row.len()..]
                .split_whitespace()
                .map(|f| f.trim_end_matches('x').parse().expect("a figure"))
                .collect();
            // MB/s, documents/s, entities/s and the ratio; a tiny corpus
            // rounds its MB/s to nothing, never its documents a second.
            assert_eq!(figures.len(), 4, "{line}");
            assert!(
                figures.iter().all(|&f| f >= 0.0) && figures[1] > 0.0,
                "{line}"
            );
        }
        // The speed-up, and beside it the machine's own: two whole runs at
        // once, sharing nothing.
        let speed_ups: Vec<f64> = report
            .lines()
            .filter_map(|l| l.strip_prefix("speed-up with 2 threads: "))
            .flat_map(|l| {
                l.split("x")
                    .filter_map(|f| f.rsplit(' ').next()?.parse().ok())
            })
            .collect();
        assert_eq!(speed_ups.len(), 2, "{report}");
        assert!(speed_ups.iter().all(|&s| s > 0.0), "{report}");
        assert!(
            report.contains("the machine's ceiling for this work"),
            "{report}"
        );
    }
    // No text at all: an error, not a table of noise.
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").expect("written");
    let out = entrel(&["bench", empty.to_str().expect("utf-8 path")], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing to measure"), "{err}");
    let relations = entrel(
        &["bench", "--runs", "1", "examples/data/sample-article.txt"],
        b"",
    );
    let report = String::from_utf8_lossy(&relations.stdout);
    let found: usize = report
        .lines()
        .find_map(|l| l.strip_prefix("relations found: "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no relation count in {report}"));
    let extracted = lines(&entrel(
        &["extract", "examples/data/sample-article.txt"],
        b"",
    ));
    assert_eq!(
        Some(found),
        extracted[0]["relations"].as_array().map(Vec::len),
        "bench counts the relations extract finds"
    );
    std::fs::remove_dir_all(&dir).ok();
}
