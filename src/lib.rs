//! entrel reads news articles and says who and what they name and how those
//! are related.
//!
//! ```
//! let doc = entrel::default_extractor()
//!     .extract("BAGHDAD — Mike Pompeo’s visit to Iraq was cut short.");
//! for entity in &doc.entities {
//!     println!("{} {} {} {}..{}", entity.text, entity.entity_type, entity.id,
//!              entity.span.start, entity.span.end);
//! }
//! assert_eq!(doc.entities[1].text, "Mike Pompeo");
//! assert_eq!(doc.entities[1].id, "mike_pompeo");
//! ```
//!
//! # The pipeline
//!
//! 1. **Gazetteers** ([`Gazetteer`]): plain-text lists of names, types, ids and
//!    aliases; the crate ships lists for world news and embeds them.
//! 2. **Text**: a normalised view of the document in which typographic
//!    variants compare equal (curly apostrophes, dashes, diacritics, line
//!    breaks), with every offset mapped back to the original.
//! 3. **Tagging**: an Aho-Corasick automaton over all names, walked from word
//!    starts, leftmost-longest, whole words, with a case policy (exact, Title
//!    Case, ALL CAPS).
//! 4. **Sentences**: news-aware sentence splitting that never splits inside a
//!    mention or after "Mr." or "U.S. Embassy".
//! 5. **Rules**: relation rules run per sentence.
//! 6. The result is a [`Document`]: plain data that serializes to the JSON of
//!    the output schema, every span in bytes and code points.
//!
//! # Gazetteer format
//!
//! One entry per line, `surface<TAB>TYPE[<TAB>id[<TAB>alias|alias...[<TAB>options]]]`;
//! see [`gazetteer`] for the details and [`tagger`](crate#matching) for how
//! names match.
//!
//! # Matching
//!
//! Whole words only; leftmost-longest and non-overlapping; an entry matches
//! in its own case, Title Case and ALL CAPS but never lower-cased; curly and
//! straight apostrophes, hyphens and en dashes, diacritics and any white
//! space compare equal; a possessive `'s` is never part of a mention.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod discover;
mod document;
mod error;
mod extract;
pub mod gazetteer;
mod hash;
mod join;
pub mod rules;
mod span;
mod tagger;
mod text;

pub use document::{Argument, Document, Entity, EntityType, Relation, Sentence, Source, Trigger};
pub use error::{Error, ErrorKind, Location};
pub use extract::{default_extractor, Extractor, ExtractorBuilder, DEFAULT_RULE_SIZE_LIMIT};
pub use gazetteer::{Entry, Gazetteer};
pub use rules::{Rule, RuleSet};
pub use span::Span;
