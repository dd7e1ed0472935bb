//! The gazetteer tagger: finds gazetteer names in text.
//!
//! # Matching semantics
//!
//! - **Whole words.** A match starts only where the previous character is not
//!   a letter or digit and ends only where the next one is not: "Iran" is not
//!   found in "Iranian" nor "Iraq" in "IraqDiplomacy", but "Iraq" is found in
//!   "(Iraq)", "Iraq—" and "Iraq's" (the possessive is left out).
//! - **Leftmost-longest, non-overlapping.** Scanning from the left, at each
//!   word start the longest name that ends on a word boundary wins, and the
//!   scan resumes after it: "United Nations Assistance Mission in Iraq" is one
//!   mention, not three.
//! - **Case.** An entry matches in its own casing, with the first letter of
//!   the name or of each word upper-cased (Title Case), and in ALL CAPS
//!   ("BAGHDAD—" at a dateline). A lower-case word never matches a
//!   capitalised entry: "us" is not "US", "turkey" is not "Turkey". Entries
//!   with the `nocase` option match in any case.
//! - **Typography.** Matching runs on the normalised view of the text (see
//!   the `text` module): curly and straight apostrophes, hyphens and en dashes,
//!   letters with and without diacritics, and any white space including a
//!   line break inside a name compare equal. Spans point into the original.
//!
//! The automaton is the goto function of an Aho-Corasick automaton over all
//! name variants (see [`trie`]), walked anchored from word starts only. The
//! places not inside a word are found 64 bytes at a time where all are
//! ASCII (else eight, or a character at a time), and a start that cannot
//! begin a name (by its first three bytes) costs one bit test; one that
//! passes is walked only if its whole first word begins some name
//! (see [`starts`]); no match is ever started inside a word. The same pass
//! reports a few more words wherever they begin a word, names or not
//! (`StartWords`): name discovery's key words cost no scan of their own.

mod spellings;
mod starts;
mod trie;

use crate::document::EntityType;
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::hash::FxHashMap;
use crate::text::{is_word_char, with_key, Normalized};
use spellings::Spellings;
pub(crate) use starts::StartWords;
use starts::{wide_word_starts, word_starts, FirstWords, StartFilter, StartHash};
use std::sync::Arc;
use trie::Trie;

/// The entity a tagger pattern stands for.
#[derive(Clone, Debug)]
pub(crate) struct TaggedEntity {
    pub(crate) id: Arc<str>,
    pub(crate) entity_type: EntityType,
}

/// A mention found by the tagger, in original byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) byte_start: usize,
    pub(crate) byte_end: usize,
    pub(crate) entity: u32,
}

/// The longest pattern of `trie` that starts at `at` and ends on a word
/// boundary: `(end, entity)`.
#[inline]
fn longest_at(trie: &Trie, text: &str, at: usize) -> Option<(usize, u32)> {
    let mut best = None;
    trie.walk(text.as_bytes(), at, |end, entity| {
        if ends_word(text, end) {
            best = Some((end, entity));
        }
    });
    best
}

/// True when `end` is at the end of `text` or before a non-word character.
#[inline]
fn ends_word(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        None => true,
        Some(&b) if b < 0x80 => !b.is_ascii_alphanumeric(),
        Some(_) => text[end..].chars().next().is_none_or(|c| !is_word_char(c)),
    }
}

/// Where a scan puts what it finds: the mentions, and the places of the
/// start words it is given, if any.
struct Finds<'a> {
    mentions: &'a mut Vec<Mention>,
    words: Option<&'a StartWords>,
    word_places: &'a mut Vec<(usize, u8)>,
}

/// Finds gazetteer names in text; immutable and shareable once built.
#[derive(Debug)]
pub(crate) struct Tagger {
    cased: Trie,
    /// Entries with the `nocase` option, lower-cased; walked folding ASCII case.
    caseless: Trie,
    /// The first three bytes of the text where a pattern of either trie may
    /// start.
    starts: StartFilter,
    /// The first words of the patterns of either trie, asked where `starts`
    /// lets a start through.
    first_words: FirstWords,
    entities: Vec<TaggedEntity>,
}

impl Tagger {
    pub(crate) fn new(gazetteers: &[Gazetteer]) -> Result<Tagger, Error> {
        let mut entities: Vec<TaggedEntity> = Vec::new();
        let mut entity_index: FxHashMap<(&str, &EntityType), u32> = FxHashMap::default();
        let mut cased = Spellings::default();
        let mut caseless = Spellings::default();
        for gazetteer in gazetteers {
            for entry in gazetteer.entries() {
                let key = (entry.id.as_str(), &entry.entity_type);
                let entity = *entity_index.entry(key).or_insert_with(|| {
                    entities.push(TaggedEntity {
                        id: Arc::from(entry.id.as_str()),
                        entity_type: entry.entity_type.clone(),
                    });
                    (entities.len() - 1) as u32
                });
                for name in entry.names() {
                    with_key(name, |name| {
                        if name.is_empty() {
                            return;
                        }
                        if entry.case_insensitive {
                            caseless.push_exact(&name.to_lowercase(), entity);
                        } else {
                            cased.push_with_case_variants(name, entity);
                        }
                    });
                }
            }
        }
        let mut starts = StartFilter::new();
        let mut first_words = FirstWords::new();
        let cased = cased.winners();
        let caseless = caseless.winners();
        for (patterns, fold_ascii) in [(&cased, false), (&caseless, true)] {
            for (pattern, _) in patterns {
                starts.insert_pattern(pattern, fold_ascii);
                first_words.insert_pattern(pattern);
            }
        }
        Ok(Tagger {
            cased: Trie::new(&cased, false),
            caseless: Trie::new(&caseless, true),
            starts,
            first_words,
            entities,
        })
    }

    /// Bytes of memory the automata and the start filter hold.
    pub(crate) fn memory_usage(&self) -> usize {
        self.cased.memory_usage()
            + self.caseless.memory_usage()
            + self.starts.memory_usage()
            + self.first_words.memory_usage()
    }

    pub(crate) fn entity(&self, index: u32) -> &TaggedEntity {
        &self.entities[index as usize]
    }

    /// Appends the mentions in `norm` to `out`, in text order.
    pub(crate) fn tag(&self, norm: &Normalized, out: &mut Vec<Mention>) {
        self.scan::<false>(norm, out, None, &mut Vec::new());
    }

    /// Appends the mentions in `norm` to `out`, and to `found` where each of
    /// `words` begins a word, inside mentions too (see [`StartWords`]): the
    /// place in `norm` and the word's label, in text order.
    pub(crate) fn tag_finding(
        &self,
        norm: &Normalized,
        out: &mut Vec<Mention>,
        words: &StartWords,
        found: &mut Vec<(usize, u8)>,
    ) {
        self.scan::<true>(norm, out, Some(words), found);
    }

    /// `FIND` is whether `words` is given, so that tagging alone carries
    /// none of the word tests.
    fn scan<const FIND: bool>(
        &self,
        norm: &Normalized,
        out: &mut Vec<Mention>,
        words: Option<&StartWords>,
        found: &mut Vec<(usize, u8)>,
    ) {
        let text = norm.as_str();
        let bytes = text.as_bytes();
        // Stretches of 64 ASCII bytes, or blocks of eight, give the places
        // not inside a word; the first three bytes there decide whether a
        // name may start. `resume` is the end of the last mention: none may
        // start before it.
        let mut at = 0;
        let mut after_word = false;
        let mut resume = 0;
        let mut finds = Finds {
            mentions: out,
            words,
            word_places: found,
        };
        while at < bytes.len() {
            let (next, next_after_word) = match wide_word_starts(bytes, at, after_word) {
                Some((mut lanes, ends_in_word)) => {
                    while lanes != 0 {
                        let start = at + lanes.trailing_zeros() as usize;
                        lanes &= lanes - 1;
                        self.try_start::<FIND>(norm, start, &mut resume, &mut finds);
                    }
                    (at + 64, ends_in_word)
                }
                None => {
                    let (mut lanes, next, ends_in_word) = word_starts(text, at, after_word);
                    while lanes != 0 {
                        let start = at + lanes.trailing_zeros() as usize / 8;
                        lanes &= lanes - 1;
                        self.try_start::<FIND>(norm, start, &mut resume, &mut finds);
                    }
                    (next, ends_in_word)
                }
            };
            if resume > next && !FIND {
                // A mention runs past this block: go on from its end (words
                // are looked for inside mentions too).
                at = resume;
                after_word = text[..at].chars().next_back().is_some_and(is_word_char);
            } else {
                at = next;
                after_word = next_after_word;
            }
        }
    }

    /// Tries a place of `norm` not inside a word: notes the start word
    /// there, and the mention there unless one found before runs past it
    /// (`resume`, which a mention found here moves to its end). Both of the
    /// scan's loops call it; as a closure it was not inlined, which cost 8%
    /// more instructions over the news corpus.
    #[inline(always)]
    fn try_start<const FIND: bool>(
        &self,
        norm: &Normalized,
        start: usize,
        resume: &mut usize,
        finds: &mut Finds<'_>,
    ) {
        let text = norm.as_str();
        let bytes = text.as_bytes();
        let Some(hash) = StartHash::at(bytes, start) else {
            return;
        };
        if FIND {
            if let Some(label) = finds.words.and_then(|w| w.at(bytes, start, hash)) {
                finds.word_places.push((start, label));
            }
        }
        if start < *resume
            || !self.starts.admits(hash)
            || !self
                .first_words
                .admits(bytes.get(start..).unwrap_or_default())
        {
            return;
        }
        if let Some((end, entity)) = self.longest_at(text, start) {
            finds.mentions.push(Mention {
                byte_start: norm.original_start(start),
                byte_end: norm.original_end(end),
                entity,
            });
            *resume = end;
        }
    }

    fn longest_at(&self, text: &str, at: usize) -> Option<(usize, u32)> {
        let cased = longest_at(&self.cased, text, at);
        if self.caseless.is_empty() {
            return cased;
        }
        let caseless = longest_at(&self.caseless, text, at);
        match (cased, caseless) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// Every string of up to `most` of `pieces`, each once: the tests' texts.
#[cfg(test)]
pub(crate) fn concatenations(pieces: &[&str], most: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = all.clone();
    for _ in 0..most {
        last = last
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions the tagger would find if it walked the tries from every
    /// place not inside a word, with no filter and no blocks.
    fn tag_everywhere(tagger: &Tagger, norm: &Normalized) -> Vec<Mention> {
        let text = norm.as_str();
        let mut out = Vec::new();
        let (mut resume, mut after_word) = (0, false);
        for (at, c) in text.char_indices() {
            if at >= resume && !after_word {
                if let Some((end, entity)) = tagger.longest_at(text, at) {
                    out.push(Mention {
                        byte_start: norm.original_start(at),
                        byte_end: norm.original_end(end),
                        entity,
                    });
                    resume = end;
                }
            }
            after_word = is_word_char(c);
        }
        out
    }

    #[test]
    fn blocks_and_filter_skip_no_name() {
        // Names of one, two and three bytes, names that start with
        // punctuation or a letter of two bytes, caseless names, a name
        // ending in punctuation, and first words longer than eight bytes or
        // followed by a character beyond ASCII; texts that put them at
        // block ends, after other text of every kind, and in prefixes of
        // each other.
        let list = "X\tMISC\nUN\tORG\nIRA\tORG\nU.S.\tGPE\n's-Hertogenbosch\tLOC\n\
                    Ōsaka\tGPE\nal-Qaeda\tORG\nThe Hague\tGPE\nibuprofen\tMISC\t\t\tnocase\n\
                    q\tMISC\t\t\tnocase\nIraq\tGPE\nIraq War\tEVENT\n\
                    Constantinople Agreement\tEVENT\nBeta\u{2122} Systems\tORG\n";
        let gazetteer = Gazetteer::parse("test.tsv", list).unwrap();
        let tagger = Tagger::new(&[gazetteer]).unwrap();
        let pieces = [
            "X",
            "UN",
            "IRA",
            "U.S.",
            "'s-Hertogenbosch",
            "Ōsaka",
            "al-Qaeda",
            "The Hague",
            "IBUPROFEN",
            "Q",
            "Iraq",
            "War",
            " ",
            ".",
            "é",
            "—",
            "a",
            "Th",
            "Ira",
            "U.S",
            "\n",
            "Constantinople",
            " Agreement",
            "Beta\u{2122}",
            " Systems",
        ];
        let mut found = 0;
        for text in &concatenations(&pieces, 3) {
            // The last lead puts the pieces across the end of the first 64
            // bytes, which the scan reads at once when all are ASCII.
            for prefix in [
                "",
                "abcdefg ",
                "abcdef—",
                "The envoys met in Doha on Monday, 2021, and talks went on ",
            ] {
                let text = format!("{prefix}{text}");
                Normalized::with(&text, |norm| {
                    let mut fast = Vec::new();
                    tagger.tag(norm, &mut fast);
                    assert_eq!(fast, tag_everywhere(&tagger, norm), "{text:?}");
                    found += fast.len();
                });
            }
        }
        assert!(found > 5_000, "{found}");
    }
}
