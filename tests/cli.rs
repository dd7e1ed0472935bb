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
    let one = entrel(
        &[
            "extract",
            "--jsonl",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
            "--threads",
            "1",
        ],
        input.as_bytes(),
    );
    let four = entrel(
        &[
            "extract",
            "--jsonl",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
            "--threads",
            "4",
            "-",
        ],
        input.as_bytes(),
    );
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
    let out = entrel(
        &[
            "extract",
            "--jsonl",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
        ],
        input.as_bytes(),
    );
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
    let out = entrel(
        &[
            "extract",
            "--jsonl",
            "--skip-bad",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
        ],
        input.as_bytes(),
    );
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
    let out = entrel(
        &["extract", "--no-default-gazetteers", "--gazetteer", GAZ, p],
        b"",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.txt: invalid UTF-8 at byte 8"));
    let out = entrel(
        &[
            "extract",
            "--lossy",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
            p,
        ],
        b"",
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
    assert_eq!(lines(&out)[0]["entities"].as_array().map(Vec::len), Some(2));
}

#[test]
fn empty_input_gives_empty_results() {
    let out = entrel(
        &["extract", "--no-default-gazetteers", "--gazetteer", GAZ],
        b"",
    );
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["entities"], serde_json::json!([]));
    let out = entrel(
        &[
            "extract",
            "--jsonl",
            "--no-default-gazetteers",
            "--gazetteer",
            GAZ,
        ],
        b"\n\n",
    );
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
