//! Inputs that once made a fuzz target fail keep being checked: every file in
//! `fuzz/regressions/<target>/` goes through the same checks as the target
//! (`fuzz/src/lib.rs`), and must pass them within a time limit. See
//! `fuzz/README.md` for how to add one.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Inputs that still fail, as `target/file`: the walk over the folders
/// skips them, and an ignored test below runs each. Fixing one means taking
/// it off this list and removing its `#[ignore]`.
const OPEN: &[&str] = &[];

/// A guard against hangs, not a speed test: an input still running after
/// this long has met an endless loop or a blow-up far beyond the machine's
/// noise (the largest saved input takes about a second in a debug build).
const LIMIT: Duration = Duration::from_secs(120);

type Check = fn(&[u8]);

fn check_of(target: &str) -> Check {
    match target {
        "extract" => checks::extract,
        "gazetteer" => checks::gazetteer,
        "rules" => checks::rules,
        other => panic!("no fuzz target {other:?}"),
    }
}

fn folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target)
}

/// The saved inputs of one target not on the [`OPEN`] list, in name order;
/// none when the folder is missing or empty. Dot files (`.gitkeep`) and
/// `README*` are not inputs.
fn inputs(target: &str) -> Vec<PathBuf> {
    let Ok(items) = std::fs::read_dir(folder(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = items
        .map(|item| item.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.')
                && !name.starts_with("README")
                && !OPEN.contains(&format!("{target}/{name}").as_str())
        })
        .collect();
    files.sort();
    files
}

/// Runs the target's check on one input on its own thread; `Err` says how
/// it failed: a panic (with its message) or running past [`LIMIT`].
fn check_one(target: &str, path: &Path) -> Result<(), String> {
    let check = check_of(target);
    // Build the target's shared extractors first, outside the time limit.
    check(b"");
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (done, wait) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        check(&data);
        let _ = done.send(());
    });
    match wait.recv_timeout(LIMIT) {
        Ok(()) => Ok(()),
        Err(RecvTimeoutError::Timeout) => {
            Err(format!("{}: still running after {LIMIT:?}", path.display()))
        }
        Err(RecvTimeoutError::Disconnected) => {
            let message = match worker.join() {
                Err(panic) => panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default(),
                Ok(()) => String::new(),
            };
            Err(format!("{}: panicked: {message}", path.display()))
        }
    }
}

fn run_all(target: &str) {
    let failed: Vec<String> = inputs(target)
        .iter()
        .filter_map(|path| check_one(target, path).err())
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

fn run_open(name: &str) {
    let (target, file) = name.split_once('/').expect("target/file");
    if let Err(failure) = check_one(target, &folder(target).join(file)) {
        panic!("{failure}");
    }
}

#[test]
fn extract_regressions_stay_fixed() {
    run_all("extract");
}

#[test]
fn gazetteer_regressions_stay_fixed() {
    run_all("gazetteer");
}

#[test]
fn rules_regressions_stay_fixed() {
    run_all("rules");
}

/// A rule whose trigger can match no word (`{met?}`) made `extract` panic
/// where its two mentions are adjacent once cue words are out ("Iraq Iran"):
/// the empty capture gave a backwards trigger span. An empty trigger now
/// falls back to the words between subject and object. Found by the `rules`
/// target (an empty alternative `| |` in a `let`).
#[test]
fn empty_trigger_does_not_panic() {
    run_open("rules/empty-trigger.rules");
}

/// A 7-line, 400-byte rule file whose `let`s each repeat the previous one
/// ten times would expand to three million words; the parser now counts (limit 100,000)
/// expanded elements and rejects it at the first `let` over the limit.
#[test]
fn let_expansion_is_bounded() {
    run_open("rules/let-expansion.rules");
}

/// One 640 KB sentence listing coordinated places that attack: 67,000
/// mentions and 100,000 relations, which conflict resolution once compared
/// pairwise; it now hashes them.
#[test]
fn relation_resolution_is_linear() {
    run_open("extract/relation-resolve-quadratic.txt");
}
