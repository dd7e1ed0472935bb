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
//! name variants (see [`trie`]), walked anchored from word starts only: words
//! that cannot begin a name (by their first two bytes) cost one bit test, and
//! no match is ever started inside a word.

mod spellings;
mod trie;

use crate::document::EntityType;
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::hash::FxHashMap;
use crate::text::blocks::{ascii_in_range, first_marked, HIGH};
use crate::text::{is_word_char, with_key, Normalized};
use spellings::Spellings;
use std::sync::Arc;
use trie::{BytePairs, Trie};

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

/// ASCII letters and digits: the bytes of words that need no decoding.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The high bit of each byte of `block` that is not an ASCII letter or digit.
#[inline]
fn not_ascii_alphanumeric(block: u64) -> u64 {
    let alphanumeric = ascii_in_range(block, b'0', b'9')
        | ascii_in_range(block, b'A', b'Z')
        | ascii_in_range(block, b'a', b'z');
    !alphanumeric & HIGH
}

/// The end of the word starting at `at`, or `at` if no word starts there.
#[inline]
fn skip_word(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    // Eight ASCII bytes at a time: a word ends within one or two blocks,
    // and finding where costs no branch per byte.
    let mut at = first_marked(bytes, at, not_ascii_alphanumeric, |b| {
        !ASCII_WORD[b as usize]
    })
    .unwrap_or(bytes.len());
    while let Some(&b) = bytes.get(at) {
        if ASCII_WORD[b as usize] {
            at += 1;
        } else if b < 0x80 {
            break;
        } else {
            match text[at..].chars().next() {
                Some(c) if is_word_char(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// Finds gazetteer names in text; immutable and shareable once built.
#[derive(Debug)]
pub(crate) struct Tagger {
    cased: Trie,
    /// Entries with the `nocase` option, lower-cased; walked folding ASCII case.
    caseless: Trie,
    /// The first two bytes of the text where a pattern of either trie may
    /// start (a pattern's last byte followed by anything for the shortest).
    first_pairs: BytePairs,
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
        let cased = Trie::new(&cased.winners(), false);
        let caseless = Trie::new(&caseless.winners(), true);
        let mut first_pairs = BytePairs::new();
        cased.mark_first_pairs(&mut first_pairs);
        caseless.mark_first_pairs(&mut first_pairs);
        Ok(Tagger {
            cased,
            caseless,
            first_pairs,
            entities,
        })
    }

    /// Bytes of memory the automata hold.
    pub(crate) fn memory_usage(&self) -> usize {
        self.cased.memory_usage() + self.caseless.memory_usage()
    }

    pub(crate) fn entity(&self, index: u32) -> &TaggedEntity {
        &self.entities[index as usize]
    }

    /// Appends the mentions in `norm` to `out`, in text order.
    pub(crate) fn tag(&self, norm: &Normalized, out: &mut Vec<Mention>) {
        let text = norm.as_str();
        let bytes = text.as_bytes();
        let mut at = 0;
        // At the head of the loop, `at` is a character boundary not preceded
        // by a word character: a place where a name may start.
        while let Some(&b) = bytes.get(at) {
            // A byte past the end pairs with 0, which a one-byte pattern
            // admits like any other.
            let next = bytes.get(at + 1).copied().unwrap_or(0);
            if self.first_pairs.contains(b, next) {
                if let Some((end, entity)) = self.longest_at(text, at) {
                    out.push(Mention {
                        byte_start: norm.original_start(at),
                        byte_end: norm.original_end(end),
                        entity,
                    });
                    at = end;
                    if !text[..end].chars().next_back().is_some_and(is_word_char) {
                        continue;
                    }
                    // The name ended a word (the walk checked that a non-word
                    // character follows): step over that character below.
                } else {
                    at = skip_word(text, at);
                }
            } else {
                at = skip_word(text, at);
            }
            // `at` is after a word, or on a character that is not one: that
            // character cannot start a name.
            at += match bytes.get(at) {
                None => break,
                Some(&b) if b < 0x80 => 1,
                Some(_) => text[at..].chars().next().map_or(1, char::len_utf8),
            };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_test_for_word_bytes_agrees_with_the_byte_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let block = u64::from_le_bytes([b'x'; 8]) & !(0xFF << (8 * lane))
                    | u64::from(b) << (8 * lane);
                let expected = if b.is_ascii_alphanumeric() {
                    0
                } else {
                    0x80 << (8 * lane)
                };
                assert_eq!(
                    not_ascii_alphanumeric(block),
                    expected,
                    "byte {b:#x} lane {lane}"
                );
            }
        }
    }
}
