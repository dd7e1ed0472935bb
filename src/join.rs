//! Two jobs at once, for building: the machine's other cores are otherwise
//! idle while an extractor is built.

/// Runs `here` on the calling thread and `there` on a thread of its own,
/// and returns both results. Where no thread can be had, runs `there` after
/// `here`; a panic in `there` is raised again on the calling thread.
pub(crate) fn join<A, B: Send>(here: impl FnOnce() -> A, there: impl Fn() -> B + Sync) -> (A, B) {
    std::thread::scope(|scope| {
        let there = &there;
        let thread = std::thread::Builder::new().spawn_scoped(scope, there).ok();
        let a = here();
        let b = match thread {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => there(),
        };
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_in_order() {
        let words = ["a", "b"];
        let (a, b) = join(|| words[0].repeat(2), || words[1].repeat(3));
        assert_eq!((a.as_str(), b.as_str()), ("aa", "bbb"));
    }
}
