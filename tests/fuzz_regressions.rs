//! Inputs that once made a fuzz target fail keep being checked: every file in
//! `fuzz/regressions/<target>/` goes through the same checks as the target
//! (`fuzz/src/lib.rs`). See `fuzz/README.md` for how to add one.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

use std::path::{Path, PathBuf};

/// The saved inputs of one target, in name order; none when the folder is
/// missing or empty. Dot files (`.gitkeep`) and `README*` are not inputs.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(items) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = items
        .map(|item| item.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && !name.starts_with("README")
        })
        .collect();
    files.sort();
    files
}

/// Runs `check` on every saved input of `target`, each on its own thread
/// with a time limit, and names every input that panics or hangs.
fn run(target: &str, check: fn(&[u8])) {
    let mut failed = Vec::new();
    for path in inputs(target) {
        let data = std::fs::read(&path).expect("a readable input");
        let (done, wait) = std::sync::mpsc::channel();
        let worker = std::thread::spawn(move || {
            check(&data);
            let _ = done.send(());
        });
        match wait.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(()) => {
                let _ = worker.join();
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                failed.push(format!("{}: still running after 60 s", path.display()));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                let message = match worker.join() {
                    Err(panic) => panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default(),
                    Ok(()) => String::new(),
                };
                failed.push(format!("{}: panicked: {message}", path.display()));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn extract_regressions_stay_fixed() {
    run("extract", checks::extract);
}

#[test]
fn gazetteer_regressions_stay_fixed() {
    run("gazetteer", checks::gazetteer);
}

#[test]
fn rules_regressions_stay_fixed() {
    run("rules", checks::rules);
}
