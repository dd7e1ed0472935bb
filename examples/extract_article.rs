//! Extracts entities and relations from an article file and prints them.
//!
//! ```sh
//! cargo run --release --example extract_article -- path/to/article.txt
//! ```
//!
//! Without an argument it reads the sample article shipped in
//! `examples/data/`.

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/sample-article.txt".to_string());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let doc = entrel::default_extractor().extract(&text);

    println!(
        "{} sentences, {} entities, {} relations in {path}\n",
        doc.sentences.len(),
        doc.entities.len(),
        doc.relations.len()
    );
    println!(
        "{:<8} {:<36} {:<32} {:>11}  source",
        "type", "mention", "id", "chars"
    );
    for e in &doc.entities {
        let mention = e.text.replace('\n', " ");
        println!(
            "{:<8} {:<36} {:<32} {:>5}..{:<5}  {:?}",
            e.entity_type, mention, e.id, e.span.start, e.span.end, e.source
        );
    }
    println!();
    for r in &doc.relations {
        let flags = match (r.negated, r.hedged) {
            (true, true) => " [negated, hedged]",
            (true, false) => " [negated]",
            (false, true) => " [hedged]",
            (false, false) => "",
        };
        println!(
            "({}, \"{}\", {}){flags}   <- {:?} by rule {}",
            r.subject.text, r.predicate, r.object.text, r.trigger.text, r.rule
        );
    }
    Ok(())
}
