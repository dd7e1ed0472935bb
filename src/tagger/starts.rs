//! Where a name may start: the places in a text not inside a word, found
//! 64 or eight bytes at a time, a filter that tells from the first three
//! bytes there whether any name can begin (in news text with 40,000 names,
//! one place in five passes), and one that tells it from the whole first
//! word, so that the trie is walked from few of them.

use crate::text::blocks::{ascii_in_range, head, starts_with_short, HIGH, ONES};
use crate::text::is_word_char;

/// The high bit of each byte of `block` that is not an ASCII letter or digit.
#[inline]
fn not_ascii_alphanumeric(block: u64) -> u64 {
    // Setting bit 5 maps A-Z onto a-z and nothing else into a-z.
    let alphanumeric =
        ascii_in_range(block, b'0', b'9') | ascii_in_range(block | ONES << 5, b'a', b'z');
    !alphanumeric & HIGH
}

/// The places in up to eight bytes of `text` from `at` (a character
/// boundary) where a name may start: the high bit of lane `k` when the
/// character at `at + k` follows one that is not a word character, or
/// starts the text. `after_word` tells whether the character before `at` is
/// a word character. Returns the lanes, where the next block starts (a
/// character boundary eight to eleven bytes on, or the end), and whether
/// this block ends with a word character.
#[inline(always)]
pub(crate) fn word_starts(text: &str, at: usize, after_word: bool) -> (u64, usize, bool) {
    let bytes = text.as_bytes();
    if let Some(block) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let block = u64::from_le_bytes(word);
        if block & HIGH == 0 {
            // All ASCII: a lane is a start when the lane before holds
            // neither a letter nor a digit.
            let not_word = not_ascii_alphanumeric(block);
            let first = if after_word { 0 } else { 0x80 };
            return (not_word << 8 | first, at + 8, not_word >> 63 == 0);
        }
    }
    // Other text, and the last few bytes, a character at a time; one that
    // straddles the eighth byte belongs to this block.
    let mut lanes = 0;
    let mut end = at;
    let mut after_word = after_word;
    for c in text[at..].chars() {
        if end >= at + 8 {
            break;
        }
        if !after_word {
            lanes |= 0x80 << (8 * (end - at));
        }
        after_word = is_word_char(c);
        end += c.len_utf8();
    }
    (lanes, end, after_word)
}

/// The places in the 64 bytes of `bytes` from `at` where a name may start,
/// as [`word_starts`] tells them, one bit a byte: bit `k` when the byte at
/// `at + k` follows one that is no ASCII letter or digit. `None` unless all
/// 64 are there and ASCII. With the lanes: whether the last is a letter or
/// digit.
///
/// Sixty-four places at a time, the loop over them leaves once per 64 bytes
/// rather than once per eight, and each block's test is folded into the
/// mask with a multiply.
#[inline(always)]
pub(crate) fn wide_word_starts(bytes: &[u8], at: usize, after_word: bool) -> Option<(u64, bool)> {
    let chunk = bytes.get(at..)?.first_chunk::<64>()?;
    let blocks = chunk
        .chunks_exact(8)
        .map(|eight| u64::from_le_bytes(eight.try_into().unwrap_or_default()));
    // Text beyond ASCII, where a mark or a letter of another script may go
    // on a word, is told a character at a time: seen first, it costs a few
    // loads, not the whole mask.
    if blocks.clone().fold(0, |any, block| any | block) & HIGH != 0 {
        return None;
    }
    let words = blocks.enumerate().fold(0, |words, (i, block)| {
        // The high bit of each letter or digit, gathered into bit i of a byte.
        let word = !not_ascii_alphanumeric(block) & HIGH;
        words | ((word >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * i)
    });
    Some((!(words << 1 | u64::from(after_word)), words >> 63 != 0))
}

/// A byte as the filter sees it after a name's first: ASCII letters and
/// digits as themselves, anything else as 0, so that the text after a name
/// of one or two bytes, which must not go on with a word character, has
/// one class whatever it is.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = b as u8;
        }
        b += 1;
    }
    table
};

/// Bits in the filter: 16 KB, which stays in the first-level cache. (A
/// filter of four bytes needs 128 KB to stay as sparse, and cost more per
/// start than the walks it saved.)
const FILTER_BITS: u32 = 17;

/// A fixed set of `64 * WORDS` bits on the heap: what both filters are.
#[derive(Debug)]
struct Bits<const WORDS: usize>(Box<[u64; WORDS]>);

impl<const WORDS: usize> Bits<WORDS> {
    fn new() -> Bits<WORDS> {
        Bits(Box::new([0; WORDS]))
    }

    fn insert(&mut self, bit: usize) {
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    #[inline]
    fn contains(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn memory_usage(&self) -> usize {
        std::mem::size_of_val(&*self.0)
    }
}

/// A set of three-byte text starts at which some name may match: the first
/// byte and the classes ([`CLASS`]) of the next two, hashed. It never
/// rejects a start where a name matches; it lets through some where none
/// does (those whose hash another start shares).
#[derive(Debug)]
pub(crate) struct StartFilter(Bits<{ 1 << (FILTER_BITS - 6) }>);

impl StartFilter {
    pub(crate) fn new() -> StartFilter {
        StartFilter(Bits::new())
    }

    fn insert(&mut self, first: u8, second: u8, third: u8) {
        self.0
            .insert(StartHash::of(first, second, third).bit(FILTER_BITS));
    }

    /// Admits the starts of `pattern`, a name as the trie holds it; with
    /// `fold_ascii`, in every ASCII case (the caseless trie's patterns).
    pub(crate) fn insert_pattern(&mut self, pattern: &[u8], fold_ascii: bool) {
        let cases = |b: u8| {
            if fold_ascii && b.is_ascii_alphabetic() {
                [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
            } else {
                [b, b]
            }
        };
        // Past the pattern's end the text has class 0; after a name of one
        // byte, the byte after that may be anything.
        let (first, second, thirds) = match *pattern {
            [] => return,
            [a] => (a, 0, 0..=255),
            [a, b] => (a, b, 0..=0),
            [a, b, c, ..] => (a, b, c..=c),
        };
        for a in cases(first) {
            for b in cases(second) {
                for c in thirds.clone() {
                    for c in cases(c) {
                        self.insert(a, b, c);
                    }
                }
            }
        }
    }

    /// Bytes of memory the filter holds.
    pub(crate) fn memory_usage(&self) -> usize {
        self.0.memory_usage()
    }

    /// False when no name can start at `at` in `bytes`.
    #[cfg(test)]
    pub(crate) fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        StartHash::at(bytes, at).is_some_and(|hash| self.admits(hash))
    }

    /// False when no name can start where the text hashes to `hash`.
    #[inline]
    pub(crate) fn admits(&self, hash: StartHash) -> bool {
        self.0.contains(hash.bit(FILTER_BITS))
    }
}

/// The hash of a start's first byte and the classes ([`CLASS`]) of the
/// next two, which the name filter and the word set test bits of.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StartHash(u32);

impl StartHash {
    #[inline]
    fn of(first: u8, second: u8, third: u8) -> StartHash {
        let key = u32::from(first) << 16
            | u32::from(CLASS[second as usize]) << 8
            | u32::from(CLASS[third as usize]);
        StartHash(key.wrapping_mul(0x9E37_79B1))
    }

    /// The hash of the text at `at` in `bytes` (past the end, as if zeros
    /// followed); `None` at the end.
    #[inline]
    pub(crate) fn at(bytes: &[u8], at: usize) -> Option<StartHash> {
        let (first, second, third) = match bytes.get(at..) {
            Some(&[a, b, c, ..]) => (a, b, c),
            Some(&[a, b]) => (a, b, 0),
            Some(&[a]) => (a, 0, 0),
            _ => return None,
        };
        Some(StartHash::of(first, second, third))
    }

    /// A bit of a filter of `2^bits` bits.
    #[inline]
    fn bit(self, bits: u32) -> usize {
        (self.0 >> (32 - bits)) as usize
    }
}

/// Bits in the first-word filter: 16 KB, for the ten thousand or so first
/// words of a large list.
const FIRST_WORD_BITS: u32 = 17;

/// The first words of the names: a second filter, asked only where the
/// first lets a start through, that looks at the whole run of ASCII letters
/// and digits there. A name can match only where the text's run is its own
/// first run: "But" and "Reuter" pass the three-byte filter for "Butler" and
/// "Reuters" and are turned away here, which halves the walks in news text.
/// Case is folded, so that one set serves the exact and the caseless
/// names.
#[derive(Debug)]
pub(crate) struct FirstWords(Bits<{ 1 << (FIRST_WORD_BITS - 6) }>);

impl FirstWords {
    pub(crate) fn new() -> FirstWords {
        FirstWords(Bits::new())
    }

    /// Admits the first run of `pattern`, a name as a trie holds it. A name
    /// whose run goes on with a non-ASCII character needs no bit: where it
    /// matches, the text's run goes on so too, and such starts are always
    /// admitted.
    pub(crate) fn insert_pattern(&mut self, pattern: &[u8]) {
        if let Some(key) = first_run_key(pattern) {
            self.0.insert(first_word_bit(key));
        }
    }

    /// False when no name can start at the beginning of `rest`.
    #[inline]
    pub(crate) fn admits(&self, rest: &[u8]) -> bool {
        first_run_key(rest).is_none_or(|key| self.0.contains(first_word_bit(key)))
    }

    /// Bytes of memory the filter holds.
    pub(crate) fn memory_usage(&self) -> usize {
        self.0.memory_usage()
    }
}

/// The run of ASCII letters and digits that `bytes` starts with (perhaps
/// empty), as a key: its first eight bytes in lower case and its length.
/// `None` when the run ends at a non-ASCII byte, where a word may go on.
#[inline]
fn first_run_key(bytes: &[u8]) -> Option<(u64, usize)> {
    // Most runs end within the eight bytes at hand: one block, no loop.
    if let Some(&chunk) = bytes.first_chunk::<8>() {
        let block = u64::from_le_bytes(chunk);
        let run = not_ascii_alphanumeric(block).trailing_zeros() as usize / 8;
        if run < 8 {
            let after = (block >> (8 * run)) as u8;
            return after.is_ascii().then(|| (run_head(block, run), run));
        }
    }
    let mut len = 0;
    let mut head = 0;
    loop {
        let (block, _) = head_and_mask(bytes.get(len..).unwrap_or_default());
        // Zeros past the end are not letters: the run stops there.
        let run = not_ascii_alphanumeric(block).trailing_zeros() as usize / 8;
        if len == 0 {
            head = run_head(block, run);
        }
        len += run;
        if run < 8 {
            break;
        }
    }
    match bytes.get(len) {
        Some(&b) if !b.is_ascii() => None,
        _ => Some((head, len)),
    }
}

/// The first `run` bytes of `block`, letters and digits, in lower case.
#[inline]
fn run_head(block: u64, run: usize) -> u64 {
    let kept = if run >= 8 {
        u64::MAX
    } else {
        (1 << (8 * run)) - 1
    };
    // Bit 5 lower-cases a letter and leaves a digit as it is.
    (block | ONES << 5) & kept
}

/// The filter bit of a first-run key.
#[inline]
fn first_word_bit((head, len): (u64, usize)) -> usize {
    // The head tells the length of a run of under eight bytes; the length
    // goes into the top byte for the longer ones.
    let key = head ^ (len as u64).rotate_right(8);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FIRST_WORD_BITS)) as usize
}

/// Bits of the start hash that index a [`StartWords`] table: 4 KB, for a
/// hundred words or so.
const WORD_TABLE_BITS: u32 = 12;

/// A few words (of three bytes or more, none beginning another) that the
/// tagger reports wherever one begins at a place it tries, inside names
/// too, each with a label: so that another stage needs no scan of its own
/// for them. A table indexed by the hash the name filter takes passes over
/// most starts with one load.
#[derive(Debug)]
pub(crate) struct StartWords {
    /// For each value of the hash's top bits, one more than the index in
    /// `words` of the first word with it, or 0 for none.
    first: Box<[u8; 1 << WORD_TABLE_BITS]>,
    /// The words, sorted by the table slot of their hash.
    words: Vec<StartWord>,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct StartWord {
    slot: usize,
    /// The word's first eight bytes, little-endian, zero past its end, and
    /// the mask of those it has.
    head: u64,
    mask: u64,
    /// Its bytes past the first eight.
    tail: Box<[u8]>,
    label: u8,
}

impl StartWords {
    /// The set of `words`; at most 255 of them (more are left out).
    pub(crate) fn new(words: &[(&str, u8)]) -> StartWords {
        let mut set = StartWords {
            first: Box::new([0; 1 << WORD_TABLE_BITS]),
            words: Vec::new(),
        };
        for &(word, label) in words.iter().take(usize::from(u8::MAX)) {
            let bytes = word.as_bytes();
            // Past a shorter word, the text's next byte would change the hash.
            debug_assert!(bytes.len() >= 3, "{word:?}");
            let Some(hash) = StartHash::at(bytes, 0) else {
                continue;
            };
            let (head, mask) = head_and_mask(bytes);
            set.words.push(StartWord {
                slot: hash.bit(WORD_TABLE_BITS),
                head,
                mask,
                tail: bytes.get(8..).unwrap_or_default().into(),
                label,
            });
        }
        set.words.sort_unstable();
        for (i, word) in set.words.iter().enumerate().rev() {
            set.first[word.slot] = i as u8 + 1;
        }
        set
    }

    /// The label of the word at `at` in `bytes`, where the text hashes to
    /// `hash`, if one is there.
    #[inline]
    pub(crate) fn at(&self, bytes: &[u8], at: usize, hash: StartHash) -> Option<u8> {
        let slot = hash.bit(WORD_TABLE_BITS);
        match self.first[slot] {
            0 => None,
            first => self.find(bytes.get(at..)?, slot, usize::from(first) - 1),
        }
    }

    fn find(&self, rest: &[u8], slot: usize, first: usize) -> Option<u8> {
        let (head, _) = head_and_mask(rest);
        self.words
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|w| w.slot == slot)
            .find(|w| {
                head & w.mask == w.head
                    && starts_with_short(rest.get(8..).unwrap_or_default(), &w.tail)
            })
            .map(|w| w.label)
    }
}

/// The first eight bytes of `bytes` as a little-endian number, zero past its
/// end, and the mask of the bytes it has.
#[inline]
fn head_and_mask(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len().min(8);
    let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
    (head(bytes), mask)
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

    /// Every character boundary preceded by no word character, by the
    /// definition.
    fn starts_by_chars(text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut after_word = false;
        for (i, c) in text.char_indices() {
            if !after_word {
                starts.push(i);
            }
            after_word = is_word_char(c);
        }
        starts
    }

    /// The starts as the tagger's scan finds them: 64 bytes at a time where
    /// they are all ASCII (with `wide`), else eight.
    fn starts_by_blocks(text: &str, wide: bool) -> Vec<usize> {
        let mut starts = Vec::new();
        let (mut at, mut after_word) = (0, false);
        while at < text.len() {
            if let Some((mut lanes, ends_in_word)) =
                wide_word_starts(text.as_bytes(), at, after_word).filter(|_| wide)
            {
                while lanes != 0 {
                    starts.push(at + lanes.trailing_zeros() as usize);
                    lanes &= lanes - 1;
                }
                (at, after_word) = (at + 64, ends_in_word);
                continue;
            }
            let (mut lanes, next, next_after_word) = word_starts(text, at, after_word);
            while lanes != 0 {
                starts.push(at + lanes.trailing_zeros() as usize / 8);
                lanes &= lanes - 1;
            }
            assert!(next >= (at + 8).min(text.len()) && text.is_char_boundary(next));
            (at, after_word) = (next, next_after_word);
        }
        starts
    }

    #[test]
    fn blocks_find_the_starts_characters_find() {
        // Every string of up to five pieces drawn from ASCII letters and
        // punctuation, letters and punctuation of two and three bytes (one
        // of them straddling a block's end), a digit and a space.
        let pieces = [
            "a", "Z", "7", " ", ".", "'", "é", "—", "ß", "\u{300}", "ab-cd",
        ];
        let texts = crate::tagger::concatenations(&pieces, 5);
        for text in &texts {
            for prefix in ["", "xyz1234 ", "x—"] {
                let text = format!("{prefix}{text}");
                let expected = starts_by_chars(&text);
                assert_eq!(starts_by_blocks(&text, false), expected, "{text:?}");
                assert_eq!(starts_by_blocks(&text, true), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn wide_blocks_find_the_starts_characters_find() {
        // Up to three pieces at every place around the end of the first 64
        // bytes, in ASCII text long enough for a second stretch of 64 to
        // be read 64 at a time or not, as what the pieces bring decides.
        let pieces = ["a", "Z", "7", " ", ".", "é", "—", "ab-cd"];
        let filler = "Talks in Doha, 2021: the envoy's aide met Q. Ortiz (UN) at 9pm; ";
        let twice = filler.repeat(2);
        let mut wide = 0;
        for text in crate::tagger::concatenations(&pieces, 3) {
            for lead in 52..=66 {
                let text = format!("{}{text}{twice}", &twice[..lead]);
                let expected = starts_by_chars(&text);
                assert_eq!(starts_by_blocks(&text, true), expected, "{text:?}");
                wide += usize::from(wide_word_starts(text.as_bytes(), 64, false).is_some());
            }
        }
        assert!(wide > 1_000, "{wide}");
    }

    #[test]
    fn the_filter_admits_every_start_of_a_pattern() {
        let patterns: [(&[u8], bool); 8] = [
            (b"X", false),
            (b"UN", false),
            (b"Iraq", false),
            (b"'s-Hertogenbosch", false),
            (b"U.S.", false),
            ("Ōsaka".as_bytes(), false),
            (b"ibuprofen", true),
            (b"q", true),
        ];
        let mut filter = StartFilter::new();
        for (pattern, fold) in patterns {
            filter.insert_pattern(pattern, fold);
        }
        let admitted = |text: &str| filter.may_start(text.as_bytes(), 0);
        for text in [
            "X",
            "X.",
            "X—",
            "X 1",
            "UN",
            "UN,",
            "UN—",
            "Iraq",
            "Iraqi",
            "'s-Hertogenbosch",
            "U.S.",
            "Ōsaka",
            "ibuprofen",
            "IBUPROFEN",
            "iBuProfen",
            "q",
            "Q",
            "Q!",
        ] {
            assert!(admitted(text), "{text:?}");
        }
        // Two-letter starts no name has, nor a short name followed by a
        // letter; a hash collision could admit one of them, but not with
        // this handful of patterns.
        for text in ["Ir", "and", "the", "UNESCO", "Xa", "qa", "u.s."] {
            assert!(!admitted(text), "{text:?}");
        }
        assert!(!filter.may_start(b"", 0));
    }

    /// The first run's key by its definition, a byte at a time.
    fn run_key_by_bytes(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
        let len = bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if bytes.get(len).is_some_and(|b| !b.is_ascii()) {
            return None;
        }
        Some((bytes[..len.min(8)].to_ascii_lowercase(), len))
    }

    #[test]
    fn first_run_keys_agree_with_the_definition() {
        let pieces = [
            "a", "Q", "7", "Reuters", " ", "-", ".", "é", "—", "abcdefgh", "XYZ",
        ];
        let mut decided = 0;
        for text in crate::tagger::concatenations(&pieces, 3) {
            for prefix in ["", "1234567", "abcdefghi"] {
                let text = format!("{prefix}{text}");
                let bytes = text.as_bytes();
                let fast = first_run_key(bytes).map(|(head, len)| {
                    let n = len.min(8);
                    // The head holds the run's bytes and zeros after them.
                    if n < 8 {
                        assert_eq!(head >> (8 * n), 0, "{text:?}");
                    }
                    (head.to_le_bytes()[..n].to_vec(), len)
                });
                assert_eq!(fast, run_key_by_bytes(bytes), "{text:?}");
                decided += usize::from(fast.is_some());
            }
        }
        assert!(decided > 1_000, "{decided}");
    }

    #[test]
    fn the_first_word_filter_admits_every_start_of_a_pattern() {
        let patterns: [&[u8]; 9] = [
            b"Iraq",
            b"Iraq War",
            b"U.S.",
            b"'s-Hertogenbosch",
            b"Constantinople Agreement",
            b"al-Qaeda",
            b"2003 invasion of Iraq",
            "Beta\u{2122} Systems".as_bytes(),
            "\u{14c}saka".as_bytes(),
        ];
        let mut filter = FirstWords::new();
        for pattern in patterns {
            filter.insert_pattern(pattern);
        }
        for text in [
            "Iraq",
            "IRAQ,",
            "iraq",
            "Iraq War",
            "Iraq\u{2014}",
            "U.S.",
            "U-boat",
            "'s-Hertogenbosch",
            "' ",
            "Constantinople Agreement",
            "CONSTANTINOPLE",
            "al-Qaeda",
            "Al Qaeda",
            "2003",
            // A run that goes on with a character beyond ASCII may be part
            // of any word: always admitted.
            "Beta\u{2122} Systems",
            "Zeta\u{2122}",
            "\u{14c}saka",
            "Caf\u{e9}",
        ] {
            assert!(filter.admits(text.as_bytes()), "{text:?}");
        }
        // Runs that are no name's first: a longer or shorter word with the
        // same beginning, or one that agrees in its first eight bytes only.
        // A collision could admit one of them, but not with these patterns.
        for text in [
            "Iraqi",
            "Ira",
            "But",
            "Beta Systems",
            "Constantinopolis",
            "2004",
            "U2",
        ] {
            assert!(!filter.admits(text.as_bytes()), "{text:?}");
        }
    }
}
