//! Compiling patterns to regular expressions over a sentence's token codes.
//!
//! A sentence becomes a string of two-byte token codes: each word the rules
//! name has a code of its own, every other word shares one, and an entity
//! mention's code says its type. A pattern then compiles to a regular
//! expression over those codes, run by `regex-automata`'s linear-time
//! engines, so no rule can blow up on any input. Codes keep the automata
//! small: "any word" is two byte classes, a word list is a set of codes, and
//! the stream is two bytes a token. A word code's first byte is in
//! `0x80..=0xFE` and an entity's is `0xFF`, and every second byte is below
//! `0x80`, so a match can only begin on a token's first byte.

use super::syntax::{Element, Role};
use crate::hash::{FxHashMap, FxHashSet};
use crate::text::blocks;
use crate::EntityType;
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, Hir, Repetition};

/// The code of every word not named by a rule.
pub(crate) const OTHER_WORD: u16 = 0;
/// The type code of every entity type not named by a rule.
const OTHER_TYPE: u8 = 0;
/// Word codes available: first bytes `0x80..=0xFE`, second `0x00..=0x7F`.
pub(crate) const MAX_WORDS: usize = 127 * 128;
/// Entity type codes available: the second byte after `0xFF`.
pub(crate) const MAX_TYPES: usize = 128;

/// The entity types with a variant of their own, in [`Codes::type_of`]'s
/// order.
const NAMED_TYPES: [EntityType; 7] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Fac,
    EntityType::Norp,
    EntityType::Event,
];
const ENTITY: u8 = 0xFF;

/// The codes of the words, prefixes and entity types that rules name.
#[derive(Debug, Default)]
pub(crate) struct Codes {
    words: FxHashMap<String, u16>,
    /// The words of `words` eight bytes long or shorter, once sealed.
    short: ShortWords<1>,
    /// The words of `words` of nine to sixteen bytes, once sealed.
    long: ShortWords<2>,
    /// Prefixes (`word*`) and their codes, for words no literal names.
    prefixes: Vec<(String, u16)>,
    types: FxHashMap<String, u8>,
    /// The codes of the named entity types, in [`EntityType`]'s order, once
    /// sealed: a sentence's entities are coded with no string hashed.
    named_types: [u8; NAMED_TYPES.len()],
    /// Choices already visited: a `let` body is shared by every use of its
    /// name, and its words need codes once.
    seen: FxHashSet<usize>,
}

impl Codes {
    /// Gives codes to what `elements` name; `false` when codes run out.
    pub(crate) fn add(&mut self, elements: &[Element]) -> bool {
        elements.iter().all(|e| self.add_element(e))
    }

    fn add_element(&mut self, element: &Element) -> bool {
        let next_word = self.words.len() + self.prefixes.len() + 1;
        match element {
            Element::Word {
                text,
                prefix: false,
            } => {
                if !self.words.contains_key(text) {
                    if next_word >= MAX_WORDS {
                        return false;
                    }
                    self.words.insert(text.clone(), next_word as u16);
                    self.short = ShortWords::default();
                    self.long = ShortWords::default();
                }
                true
            }
            Element::Word { text, prefix: true } => {
                if !self.prefixes.iter().any(|(p, _)| p == text) {
                    if next_word >= MAX_WORDS {
                        return false;
                    }
                    self.prefixes.push((text.clone(), next_word as u16));
                }
                true
            }
            Element::Slot { types, .. } => types.iter().all(|t| {
                let next = self.types.len() + 1;
                if self.types.contains_key(t) {
                    true
                } else if next < MAX_TYPES {
                    self.types.insert(t.clone(), next as u8);
                    true
                } else {
                    false
                }
            }),
            Element::Choice(alternatives) => {
                let shared = std::sync::Arc::as_ptr(alternatives) as usize;
                !self.seen.insert(shared) || alternatives.iter().all(|alt| self.add(alt))
            }
            Element::Optional(inner) => self.add_element(inner),
            Element::Trigger(inner) => self.add(inner),
            Element::AnyWord | Element::Gap { .. } => true,
        }
    }

    /// Gives the literal `word` (already in its matching form) a code of its
    /// own; `false` when codes run out.
    pub(crate) fn add_word(&mut self, word: &str) -> bool {
        self.add_element(&Element::Word {
            text: word.to_string(),
            prefix: false,
        })
    }

    /// Makes the table that [`Codes::word`] looks short words up in, once
    /// every word has its code.
    pub(crate) fn seal(&mut self) {
        self.short = ShortWords::new(&self.words);
        self.long = ShortWords::new(&self.words);
        self.named_types = NAMED_TYPES.map(|t| self.entity_type(t.as_str()));
    }

    /// The code of a (folded) word: its own, else that of the longest prefix
    /// it starts with, else the shared one.
    pub(crate) fn word(&self, word: &str) -> u16 {
        self.word_in_bytes(word.as_bytes())
    }

    /// [`Codes::word`] of a word given as its UTF-8 bytes, as the tokenizer
    /// has it: a short word is looked up with no string made of it.
    #[inline]
    pub(crate) fn word_in_bytes(&self, word: &[u8]) -> u16 {
        let own = match self.short.get(word).or_else(|| self.long.get(word)) {
            Some(found) => found,
            None => std::str::from_utf8(word)
                .ok()
                .and_then(|w| self.words.get(w).copied()),
        };
        if let Some(code) = own {
            return code;
        }
        self.prefixes
            .iter()
            .filter(|(p, _)| word.starts_with(p.as_bytes()))
            .max_by_key(|(p, _)| p.len())
            .map_or(OTHER_WORD, |&(_, code)| code)
    }

    /// [`Codes::word`] of a word of one to eight bytes given as its key: its
    /// bytes read as a little-endian integer.
    #[inline]
    pub(crate) fn short_word(&self, key: u64, len: usize) -> u16 {
        match self.short.get_key(&[key], len) {
            Some(Some(code)) => code,
            Some(None) if self.prefixes.is_empty() => OTHER_WORD,
            _ => self.word_in_bytes(&key.to_le_bytes()[..len.min(8)]),
        }
    }

    /// The number of word codes given out, the shared one included.
    pub(crate) fn word_count(&self) -> usize {
        self.words.len() + self.prefixes.len() + 1
    }

    /// The word codes that any of some literal (`prefix` false) or `word*`
    /// items accepts, sorted, each once.
    pub(crate) fn accepted<'w>(
        &self,
        items: impl IntoIterator<Item = (&'w str, bool)>,
    ) -> Vec<u16> {
        let mut codes: Vec<u16> = items
            .into_iter()
            .flat_map(|(word, prefix)| {
                if prefix {
                    self.prefix_class(word)
                } else {
                    vec![self.word(word)]
                }
            })
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// The type code of an entity type.
    pub(crate) fn entity_type(&self, name: &str) -> u8 {
        self.types.get(name).copied().unwrap_or(OTHER_TYPE)
    }

    /// The type codes of the entity types `names`, as a bit set.
    pub(crate) fn type_set(&self, names: &[String]) -> u128 {
        names
            .iter()
            .fold(0u128, |set, name| set | 1 << self.entity_type(name))
    }

    /// [`Codes::entity_type`] of an entity's type, once sealed.
    #[inline]
    pub(crate) fn type_of(&self, entity_type: &EntityType) -> u8 {
        let named = match entity_type {
            EntityType::Person => 0,
            EntityType::Org => 1,
            EntityType::Gpe => 2,
            EntityType::Loc => 3,
            EntityType::Fac => 4,
            EntityType::Norp => 5,
            EntityType::Event => 6,
            EntityType::Other(name) => return self.entity_type(name),
        };
        self.named_types[named]
    }

    /// The codes a `word*` element accepts: words spelt with the prefix, and
    /// longer-or-equal prefixes that start with it.
    fn prefix_class(&self, prefix: &str) -> Vec<u16> {
        let mut codes: Vec<u16> = self
            .words
            .iter()
            .filter(|(w, _)| w.starts_with(prefix))
            .map(|(_, &c)| c)
            .chain(
                self.prefixes
                    .iter()
                    .filter(|(p, _)| p.starts_with(prefix))
                    .map(|&(_, c)| c),
            )
            .collect();
        codes.sort_unstable();
        codes
    }
}

/// Words of up to `8 * W` bytes and more than `8 * (W - 1)` with their
/// codes, open-addressed by the word's bytes read as `W` integers. A
/// sentence's words are mostly short, and most are ones the rules name
/// ("the", "in", "said"): finding one here is a multiply and a compare or
/// two, where the string map would check the bytes are UTF-8, hash them and
/// compare them through `memcmp`. Two tables, of one integer and of two,
/// take every word of up to sixteen bytes.
#[derive(Debug, Default)]
struct ShortWords<const W: usize> {
    /// `(key, length, code)`; length 0 marks an empty slot.
    slots: Vec<([u64; W], u8, u16)>,
    /// Right shift that takes a multiplied key to a slot index.
    shift: u32,
}

impl<const W: usize> ShortWords<W> {
    const MAX_LEN: usize = 8 * W;
    const MIN_LEN: usize = 8 * (W - 1) + 1;

    fn new(words: &FxHashMap<String, u16>) -> ShortWords<W> {
        let fitting = words.keys().filter(|w| Self::fits(w.as_bytes())).count();
        // At most a quarter full: probes stay short.
        let size = (fitting * 4).next_power_of_two().max(16);
        let mut table = ShortWords {
            slots: vec![([0; W], 0, 0); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (word, &code) in words {
            if Self::fits(word.as_bytes()) {
                let key = Self::key(word.as_bytes());
                let mut i = table.home(&key);
                while table.slots[i].1 != 0 {
                    i = (i + 1) & (size - 1);
                }
                table.slots[i] = (key, word.len() as u8, code);
            }
        }
        table
    }

    fn fits(word: &[u8]) -> bool {
        (Self::MIN_LEN..=Self::MAX_LEN).contains(&word.len())
    }

    fn key(word: &[u8]) -> [u64; W] {
        let mut key = [0; W];
        for (part, chunk) in key.iter_mut().zip(word.chunks(8)) {
            *part = blocks::head(chunk);
        }
        key
    }

    fn home(&self, key: &[u64; W]) -> usize {
        let mixed = key.iter().fold(0u64, |h, &k| {
            (h.rotate_left(29) ^ k).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        });
        (mixed >> self.shift) as usize
    }

    /// `None` when the table cannot tell (not sealed, or a word of another
    /// length), else the word's own code if it has one.
    #[inline]
    fn get(&self, word: &[u8]) -> Option<Option<u16>> {
        if !Self::fits(word) {
            return None;
        }
        self.get_key(&Self::key(word), word.len())
    }

    /// [`ShortWords::get`] of the word of `len` bytes whose key is `key`.
    #[inline]
    fn get_key(&self, key: &[u64; W], len: usize) -> Option<Option<u16>> {
        if self.slots.is_empty() {
            return None;
        }
        let key = *key;
        let len = len as u8;
        let mask = self.slots.len() - 1;
        let mut i = self.home(&key);
        loop {
            let (k, l, code) = *self.slots.get(i)?;
            if l == 0 {
                return Some(None);
            }
            if k == key && l == len {
                return Some(Some(code));
            }
            i = (i + 1) & mask;
        }
    }
}

/// The word of an alternative that is a single word element.
fn one_word(alternative: &[Element]) -> Option<(&str, bool)> {
    match alternative {
        [Element::Word { text, prefix }] => Some((text, *prefix)),
        _ => None,
    }
}

/// The two bytes of a word code.
pub(crate) fn word_bytes(code: u16) -> [u8; 2] {
    [0x80 + (code >> 7) as u8, (code & 0x7F) as u8]
}

/// The word code whose two bytes are `bytes`; `None` for an entity's.
pub(crate) fn code_of(bytes: [u8; 2]) -> Option<u16> {
    (bytes[0] != ENTITY).then(|| (u16::from(bytes[0] & 0x7F) << 7) | u16::from(bytes[1]))
}

/// The two bytes of an entity's type code.
pub(crate) fn entity_bytes(code: u8) -> [u8; 2] {
    [ENTITY, code]
}

/// A compiled pattern.
pub(crate) type Regex = regex_automata::meta::Regex;

/// Compiles a pattern. Its syntax tree is built directly rather than
/// written out and parsed again: parsing was half the time of compiling the
/// shipped rules. Prefilters are off: a sentence's stream is a few dozen
/// bytes, too short for a literal search to pay for building it.
pub(crate) fn compile(
    elements: &[Element],
    codes: &Codes,
    size_limit: usize,
) -> Result<Regex, Box<regex_automata::meta::BuildError>> {
    let hir = sequence(elements, codes, &mut 0);
    regex_automata::meta::Builder::new()
        .configure(
            regex_automata::meta::Config::new()
                .utf8_empty(false)
                .auto_prefilter(false)
                .nfa_size_limit(Some(size_limit))
                .hybrid_cache_capacity(size_limit),
        )
        .build_from_hir(&hir)
        .map_err(Box::new)
}

fn byte_class(ranges: impl IntoIterator<Item = (u8, u8)>) -> Hir {
    Hir::class(Class::Bytes(ClassBytes::new(
        ranges.into_iter().map(|(a, b)| ClassBytesRange::new(a, b)),
    )))
}

/// Any word token.
fn any_word() -> Hir {
    Hir::concat(vec![byte_class([(0x80, 0xFE)]), byte_class([(0x00, 0x7F)])])
}

fn repeat(sub: Hir, min: u32, max: u32) -> Hir {
    Hir::repetition(Repetition {
        min,
        max: Some(max),
        greedy: true,
        sub: Box::new(sub),
    })
}

fn capture(index: &mut u32, name: &str, sub: Hir) -> Hir {
    *index += 1;
    Hir::capture(Capture {
        index: *index,
        name: Some(name.into()),
        sub: Box::new(sub),
    })
}

/// A set of word codes, grouped by first byte.
fn word_codes(codes: &[u16]) -> Hir {
    let mut by_first: Vec<(u8, Vec<(u8, u8)>)> = Vec::new();
    for &code in codes {
        let [first, second] = word_bytes(code);
        match by_first.last_mut() {
            Some((f, seconds)) if *f == first => seconds.push((second, second)),
            _ => by_first.push((first, vec![(second, second)])),
        }
    }
    Hir::alternation(
        by_first
            .into_iter()
            .map(|(first, seconds)| Hir::concat(vec![Hir::literal([first]), byte_class(seconds)]))
            .collect(),
    )
}

/// The elements one after another; `captures` counts the groups so far.
fn sequence(elements: &[Element], codes: &Codes, captures: &mut u32) -> Hir {
    Hir::concat(
        elements
            .iter()
            .map(|e| to_hir(e, codes, captures))
            .collect(),
    )
}

fn to_hir(element: &Element, codes: &Codes, captures: &mut u32) -> Hir {
    match element {
        Element::Word {
            text,
            prefix: false,
        } => Hir::literal(word_bytes(codes.word(text))),
        Element::Word { text, prefix: true } => word_codes(&codes.prefix_class(text)),
        Element::AnyWord => any_word(),
        Element::Gap { max } => repeat(any_word(), 0, *max),
        Element::Slot { role, types } => {
            let type_class = if types.is_empty() {
                byte_class([(0x00, 0x7F)])
            } else {
                byte_class(types.iter().map(|t| {
                    let code = codes.entity_type(t);
                    (code, code)
                }))
            };
            let slot = Hir::concat(vec![Hir::literal([ENTITY]), type_class]);
            match role {
                Some(Role::Subject) => capture(captures, "subject", slot),
                Some(Role::Object) => capture(captures, "object", slot),
                None => slot,
            }
        }
        Element::Choice(alternatives) => {
            // A run of one-word alternatives becomes one set of codes: each
            // matches exactly one token, so their order cannot matter, and
            // a set is far smaller an automaton than an alternation.
            let mut branches = Vec::new();
            let mut rest = alternatives.as_slice();
            while let Some(alternative) = rest.first() {
                let words = rest
                    .iter()
                    .take_while(|alt| one_word(alt).is_some())
                    .count();
                if words > 1 {
                    let set = codes.accepted(rest[..words].iter().filter_map(|alt| one_word(alt)));
                    branches.push(word_codes(&set));
                    rest = &rest[words..];
                } else {
                    branches.push(sequence(alternative, codes, captures));
                    rest = &rest[1..];
                }
            }
            Hir::alternation(branches)
        }
        Element::Optional(inner) => repeat(to_hir(inner, codes, captures), 0, 1),
        Element::Trigger(inner) => {
            let sub = sequence(inner, codes, captures);
            capture(captures, "trigger", sub)
        }
    }
}

/// The most tokens a match of `element` spans.
fn most_tokens(element: &Element) -> usize {
    match element {
        Element::Word { .. } | Element::AnyWord | Element::Slot { .. } => 1,
        Element::Gap { max } => *max as usize,
        Element::Optional(inner) => most_tokens(inner),
        Element::Trigger(inner) => inner.iter().map(most_tokens).sum(),
        Element::Choice(alternatives) => alternatives
            .iter()
            .map(|alt| alt.iter().map(most_tokens).sum())
            .max()
            .unwrap_or(0),
    }
}

/// Where a match of a pattern holds its two roles, and what it needs
/// around them: what a sentence's stream is checked for before the
/// pattern's regex runs (see `Stream::roles_within`).
#[derive(Debug)]
pub(crate) struct Roles {
    /// The type codes (bit sets) the first role and the second may have.
    pub(crate) first: u128,
    pub(crate) second: u128,
    /// The tokens before the first role, between the two, and after the
    /// second.
    pub(crate) before: Stretch,
    pub(crate) between: Stretch,
    pub(crate) after: Stretch,
}

/// The tokens a match holds on one side of a role: at most `most` of them,
/// a word of each of the word-code groups `words` (each sorted) among them.
#[derive(Debug)]
pub(crate) struct Stretch {
    pub(crate) most: usize,
    pub(crate) words: Vec<Vec<u16>>,
}

/// Where a match of `elements` holds its subject and object, in order, and
/// what the elements before, between and after them span and require.
/// `None` where the two are not both found in the sequence (triggers
/// opened), which no pattern the parser accepts has.
pub(crate) fn roles(elements: &[Element], codes: &Codes) -> Option<Roles> {
    // The sequence with its triggers opened: the roles sit outside choices
    // and optionals.
    fn flatten<'e>(elements: &'e [Element], out: &mut Vec<&'e Element>) {
        for element in elements {
            match element {
                Element::Trigger(inner) => flatten(inner, out),
                other => out.push(other),
            }
        }
    }
    let mut flat = Vec::new();
    flatten(elements, &mut flat);
    let find = |role: Role| {
        flat.iter().enumerate().find_map(|(i, e)| match e {
            Element::Slot {
                role: Some(r),
                types,
            } if *r == role => {
                let set = if types.is_empty() {
                    u128::MAX
                } else {
                    codes.type_set(types)
                };
                Some((i, set))
            }
            _ => None,
        })
    };
    let (subject, object) = (find(Role::Subject)?, find(Role::Object)?);
    let ((first, first_types), (last, second_types)) = if subject.0 < object.0 {
        (subject, object)
    } else {
        (object, subject)
    };
    let part = |range: std::ops::Range<usize>| {
        let elements = flat.get(range).unwrap_or_default();
        Stretch {
            most: elements.iter().map(|e| most_tokens(e)).sum(),
            words: requirements(elements.iter().copied()).word_codes(codes),
        }
    };
    Some(Roles {
        first: first_types,
        second: second_types,
        before: part(0..first),
        between: part(first + 1..last),
        after: part(last + 1..flat.len()),
    })
}

/// What a sentence must hold for a pattern to have a chance: one word of
/// each word group (a word with whether it is a prefix, `word*`) and one
/// entity of a type of each type group. Cheap to check on a sentence's
/// tokens, so that most patterns never run their regex on most sentences.
#[derive(Debug, Default)]
pub(crate) struct Requirements {
    pub(crate) words: Vec<Vec<(String, bool)>>,
    pub(crate) types: Vec<Vec<String>>,
}

impl Requirements {
    /// The word groups as sorted sets of word codes.
    pub(crate) fn word_codes(&self, codes: &Codes) -> Vec<Vec<u16>> {
        self.words
            .iter()
            .map(|group| codes.accepted(group.iter().map(|(w, p)| (w.as_str(), *p))))
            .collect()
    }
}

/// The requirements of a sequence of elements: those of every element that
/// must be present.
pub(crate) fn requirements<'e>(elements: impl IntoIterator<Item = &'e Element>) -> Requirements {
    let mut out = Requirements::default();
    for element in elements {
        match element {
            Element::Word { text, prefix } => out.words.push(vec![(text.clone(), *prefix)]),
            Element::Slot { types, .. } if !types.is_empty() => out.types.push(types.clone()),
            Element::Trigger(inner) => {
                let inner = requirements(inner);
                out.words.extend(inner.words);
                out.types.extend(inner.types);
            }
            Element::Choice(alternatives) => {
                // One group from each alternative, joined: whichever
                // alternative matches, a sentence holds one of their words.
                let each: Vec<Requirements> = alternatives.iter().map(requirements).collect();
                let words: Option<Vec<_>> = each.iter().map(|r| r.words.first()).collect();
                if let Some(words) = words {
                    out.words
                        .push(words.into_iter().flatten().cloned().collect());
                }
                let types: Option<Vec<_>> = each.iter().map(|r| r.types.first()).collect();
                if let Some(types) = types {
                    out.types
                        .push(types.into_iter().flatten().cloned().collect());
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn elements(pattern: &str) -> Vec<Element> {
        let text = format!("rule r -> p\n  match {pattern}\n");
        let rules = super::super::syntax::parse(Path::new("t.rules"), &text).expect("parses");
        rules[0].patterns[0].0.clone()
    }

    #[test]
    fn a_word_takes_its_own_code_else_its_longest_prefix() {
        let mut codes = Codes::default();
        assert!(codes.add(&elements(
            "<subject:PERSON> (neg* | negotiat* | negotiations) <object:ORG>"
        )));
        let own = codes.word("negotiations");
        let long = codes.word("negotiating");
        let short = codes.word("negative");
        assert_eq!(codes.word("talks"), OTHER_WORD);
        assert!(own != long && long != short && short != OTHER_WORD);
        assert_eq!(codes.accepted([("neg", true)]), {
            let mut all = vec![own, long, short];
            all.sort_unstable();
            all
        });
        assert!(!codes.accepted([("negotiat", true)]).contains(&short));
        assert_eq!(codes.entity_type("ORG"), 2);
        assert_eq!(codes.entity_type("GPE"), OTHER_TYPE);
    }

    #[test]
    fn entity_types_are_coded_alike_from_their_names_and_variants() {
        let pattern = elements("<subject:PERSON> met <object:WEAPON> in <GPE> or <EVENT>");
        let mut codes = Codes::default();
        assert!(codes.add(&pattern));
        codes.seal();
        for name in [
            "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WEAPON", "SHIP",
        ] {
            let variant = EntityType::from_name(name);
            assert_eq!(codes.type_of(&variant), codes.entity_type(name), "{name}");
        }
        assert_ne!(codes.type_of(&EntityType::Person), OTHER_TYPE);
        assert_ne!(codes.type_of(&EntityType::from_name("WEAPON")), OTHER_TYPE);
        assert_eq!(codes.type_of(&EntityType::Org), OTHER_TYPE);
    }

    #[test]
    fn sealed_codes_find_the_same_words() {
        let pattern = elements(
            "<subject:PERSON> (the | in | a | said | attacked | withdrawal | abcdefgh | \
             abcdefghi | o'neil | negotiat* | é | internationally | abcdefghijklmnop | \
             abcdefghijklmnopq | négociations) <object:ORG>",
        );
        let mut open = Codes::default();
        assert!(open.add(&pattern));
        let mut sealed = Codes::default();
        assert!(sealed.add(&pattern));
        sealed.seal();
        let mut probes: Vec<String> = Vec::new();
        for word in open.words.keys() {
            for end in 0..=word.len() {
                if let Some(prefix) = word.get(..end) {
                    probes.push(prefix.to_string());
                    probes.push(format!("{prefix}s"));
                    probes.push(format!("{prefix}\0"));
                }
            }
        }
        probes.extend(["negotiating", "the\0\0", "ABCDEFGH", "thé"].map(String::from));
        for probe in &probes {
            assert_eq!(sealed.word(probe), open.word(probe), "{probe:?}");
        }
        for word in [
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ] {
            assert_ne!(sealed.word(word), OTHER_WORD, "{word}");
        }
        // A word added after sealing is looked up in the map again.
        assert!(sealed.add(&elements("<subject:PERSON> (met) <object:ORG>")));
        assert_ne!(sealed.word("met"), OTHER_WORD);
    }

    #[test]
    fn patterns_match_whole_tokens_only() {
        let pattern = elements("<subject:PERSON> (met | (talked with)) <object:PERSON>");
        let mut codes = Codes::default();
        assert!(codes.add(&pattern));
        let regex = compile(&pattern, &codes, 1 << 20).expect("compiles");
        let person = entity_bytes(codes.entity_type("PERSON"));
        let stream = |words: &[&str]| -> Vec<u8> {
            words
                .iter()
                .flat_map(|w| match *w {
                    "@" => person,
                    w => word_bytes(codes.word(w)),
                })
                .collect()
        };
        let text = stream(&["said", "@", "talked", "with", "@"]);
        assert_eq!(regex.find(&text).map(|m| m.range()), Some(2..10));
        let caps = regex.captures_iter(&text).next().expect("a match");
        assert_eq!(
            caps.get_group_by_name("subject").map(|s| s.range()),
            Some(2..4)
        );
        assert_eq!(
            caps.get_group_by_name("object").map(|s| s.range()),
            Some(8..10)
        );
        assert!(regex.is_match(&stream(&["@", "met", "@"])));
        assert!(!regex.is_match(&stream(&["@", "talked", "@"])));
        assert!(!regex.is_match(&stream(&["@", "met", "him", "@"])));
    }

    fn needs(pattern: &str) -> Requirements {
        let text = format!("let poss = ('s | ')\nrule r -> p\n  match {pattern}\n");
        let rules = super::super::syntax::parse(Path::new("t.rules"), &text).expect("parses");
        requirements(&rules[0].patterns[0].0)
    }

    #[test]
    fn requirements_take_every_required_word_and_type() {
        let r = needs("<subject:PERSON> $poss? {(met | meets) with} the? <object:PERSON|GPE>");
        let words: Vec<Vec<&str>> = r
            .words
            .iter()
            .map(|g| g.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        assert_eq!(words, [vec!["met", "meets"], vec!["with"]]);
        assert_eq!(r.types, [vec!["PERSON"], vec!["PERSON", "GPE"]]);
    }

    #[test]
    fn a_choice_requires_something_only_when_every_alternative_does() {
        let r = needs("(<GPE> | its) ...3 <subject:ORG> {attack*} <object:*>");
        assert_eq!(r.words, [vec![("attack".to_string(), true)]]);
        assert_eq!(r.types, [vec!["ORG"]]);
        let r = needs("(<GPE> 's | <ORG> 's) <subject:ORG> {hit} <object:GPE>");
        assert_eq!(r.types[0], ["GPE", "ORG"]);
        assert_eq!(
            r.words[0],
            [("'s".to_string(), false), ("'s".to_string(), false)]
        );
    }
}
