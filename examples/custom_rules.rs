//! Your own relation rules on top of entrel's defaults.
//!
//! `examples/data/my.rules` defines three predicates the default rules do not
//! have (`praised`, `hosted`, `expected in`). The builder loads it after the
//! shipped rules, so one extractor finds both kinds of relation.
//!
//! ```text
//! cargo run --example custom_rules                   # the sample article
//! cargo run --example custom_rules -- article.txt    # any UTF-8 text file
//! ```

use entrel::{Extractor, RuleSet};
use std::error::Error;

const MY_RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/my.rules");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/sample-article.txt"
);

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SAMPLE.to_string());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;

    // Parse the file first to list its rules; a mistake in it is reported
    // with its line and column, e.g. "my.rules:12:30: expected '|' or ')'".
    let mine = RuleSet::from_path(MY_RULES)?;
    println!("rules from {MY_RULES}:");
    for rule in mine.rules() {
        println!("  {} -> {}", rule.name(), rule.predicate());
    }

    // The shipped gazetteers and rules stay on (the builder's defaults);
    // ours come after them.
    let extractor = Extractor::builder().rules(mine.clone()).build()?;
    let doc = extractor.extract(&text);

    println!("\nrelations in {path}:");
    for r in &doc.relations {
        let ours = mine.rules().iter().any(|rule| rule.name() == r.rule);
        println!(
            "  {} | {} | {}{}{}   ({} rule {:?}, trigger {:?})",
            r.subject.text,
            r.predicate,
            r.object.text,
            if r.negated { " | negated" } else { "" },
            if r.hedged { " | hedged" } else { "" },
            if ours { "my" } else { "default" },
            r.rule,
            r.trigger.text,
        );
    }

    // The same rules on a few sentences of our own.
    let own = "Oman hosted Abbas Araghchi in Muscat on Sunday.\n\n\
               Kadhimi was hailed by Washington as a reformer, and Pompeo \
               praised Iraqi Prime Minister Mustafa al-Kadhimi for his courage.\n\n\
               Pompeo is not expected in Erbil before Friday.";
    println!("\nrelations in our own text:");
    for r in extractor.extract(own).relations {
        println!(
            "  {} | {} | {}{}",
            r.subject.text,
            r.predicate,
            r.object.text,
            if r.negated { " | negated" } else { "" },
        );
    }
    Ok(())
}
