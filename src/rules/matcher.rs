//! Running compiled rules over one sentence: tokens, cue words, matches.

use super::compile::{self, Codes, OTHER_WORD};
use crate::text::{is_folded_ascii, Normalized};

/// A token of a sentence: a word or punctuation mark, or an entity mention.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Original byte offsets.
    pub(crate) start: usize,
    pub(crate) end: usize,
    what: What,
}

#[derive(Clone, Copy, Debug)]
enum What {
    /// The word's matching form is `words[from..to]` of its [`Tokens`]
    /// (its word code is in their `codes`).
    Word {
        from: usize,
        to: usize,
    },
    Entity(usize),
}

/// What a token is, as the patterns read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind<'a> {
    /// A word or punctuation mark in its matching form (see [`fold_token`]).
    Word(&'a str),
    /// Index into the document's mentions.
    Entity(usize),
}

impl<'a> TokenKind<'a> {
    pub(crate) fn word(self) -> Option<&'a str> {
        match self {
            TokenKind::Word(word) => Some(word),
            TokenKind::Entity(_) => None,
        }
    }
}

/// A sentence's tokens. Their words' matching forms share one buffer: one
/// allocation for the sentence rather than one for every word in it. The
/// buffer holds bytes, not a `String`: an ASCII stretch between mentions is
/// lower-cased into it whole, in one pass, where a `String` would take the
/// copy first and then a pass over it; every token's slice of it is whole
/// UTF-8.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens {
    list: Vec<Token>,
    words: Vec<u8>,
    /// For each token, the two bytes the patterns read (see `compile`): a
    /// word's code, or an entity's once the rules know its type.
    codes: Vec<[u8; 2]>,
    /// The word codes present, as bits, and each code the first time it
    /// comes, kept as the words are coded (with codes, by [`tokenize`]),
    /// so that the rules need no second pass over the tokens to find them.
    present: Vec<u64>,
    first_seen: Vec<u16>,
    /// The tokens that are entities, in order.
    entities: Vec<usize>,
}

impl Tokens {
    /// Tokens the list has room for.
    pub(crate) fn capacity(&self) -> usize {
        self.list.capacity()
    }

    fn reserve(&mut self, tokens: usize) {
        self.list.reserve(tokens);
        self.codes.reserve(tokens);
        self.words.reserve(tokens * 6);
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Token> {
        self.list.get(i)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind<'_>> {
        self.list.get(i).map(|token| self.kind_of(token))
    }

    pub(crate) fn kinds(&self) -> impl Iterator<Item = TokenKind<'_>> {
        self.list.iter().map(|token| self.kind_of(token))
    }

    fn kind_of(&self, token: &Token) -> TokenKind<'_> {
        match token.what {
            What::Word { from, to, .. } => TokenKind::Word(
                self.words
                    .get(from..to)
                    .and_then(|w| std::str::from_utf8(w).ok())
                    .unwrap_or(""),
            ),
            What::Entity(index) => TokenKind::Entity(index),
        }
    }

    /// Adds the word `text[start..end]`, unless it folds to nothing.
    fn push_word(&mut self, text: &str, start: usize, end: usize, codes: Option<&Codes>) {
        let word = &text[start..end];
        let from = self.words.len();
        push_folded(word, &mut self.words);
        self.push_word_token(start, end, from, codes);
    }

    /// Adds the ASCII token `text[start..end]`: a word of letters, digits
    /// and apostrophes, or a punctuation mark. Its matching form, itself in
    /// lower case, is already in `words` from `from` on: its stretch was
    /// lower-cased there whole (see [`split_ascii`]).
    #[inline(always)]
    fn push_ascii_word(
        &mut self,
        (start, end): (usize, usize),
        from: usize,
        codes: Option<&Codes>,
    ) {
        let len = end.saturating_sub(start);
        let to = from + len;
        // A token of up to eight bytes with eight bytes of `words` from its
        // start: its key is one load, cut to its length.
        let code = match (codes, self.words.get(from..from + 8)) {
            (Some(codes), Some(&[a, b, c, d, e, f, g, h])) if (1..=8).contains(&len) => {
                let eight = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
                codes.short_word(eight & (u64::MAX >> (64 - 8 * len)), len)
            }
            (Some(codes), _) => codes.word_in_bytes(self.words.get(from..to).unwrap_or_default()),
            (None, _) => OTHER_WORD,
        };
        self.list.push(Token {
            start,
            end,
            what: What::Word { from, to },
        });
        self.note_word(code);
    }

    /// Adds the token whose matching form is `words[from..]`, unless empty.
    #[inline(always)]
    fn push_word_token(&mut self, start: usize, end: usize, from: usize, codes: Option<&Codes>) {
        let to = self.words.len();
        let Some(word) = self.words.get(from..to).filter(|w| !w.is_empty()) else {
            return;
        };
        let code = codes.map_or(OTHER_WORD, |codes| codes.word_in_bytes(word));
        self.list.push(Token {
            start,
            end,
            what: What::Word { from, to },
        });
        self.note_word(code);
    }

    fn push_entity(&mut self, start: usize, end: usize, index: usize) {
        self.entities.push(self.list.len());
        self.list.push(Token {
            start,
            end,
            what: What::Entity(index),
        });
        // Its type's code comes from the rules (see `code_entities`).
        self.codes.push(compile::entity_bytes(0));
    }

    /// Notes the code of the word token just pushed.
    #[inline(always)]
    fn note_word(&mut self, code: u16) {
        self.codes.push(compile::word_bytes(code));
        let bit = 1 << (code % 64);
        if let Some(bits) = self.present.get_mut(usize::from(code) / 64) {
            if *bits & bit == 0 {
                *bits |= bit;
                self.first_seen.push(code);
            }
        }
    }

    /// The two bytes of each token, as the patterns read them.
    pub(crate) fn stream_codes(&self) -> &[[u8; 2]] {
        &self.codes
    }

    /// Whether a word with `code` is among the tokens ([`tokenize`] only).
    pub(crate) fn has_word(&self, code: u16) -> bool {
        self.present
            .get(usize::from(code) / 64)
            .is_some_and(|bits| bits & (1 << (code % 64)) != 0)
    }

    /// The word codes among the tokens, each once ([`tokenize`] only).
    pub(crate) fn distinct_words(&self) -> &[u16] {
        &self.first_seen
    }

    /// Gives each entity token the pattern code of its type,
    /// `type_code(index)` for its index in the document's mentions, and
    /// returns the set of those codes as bits.
    pub(crate) fn code_entities(&mut self, mut type_code: impl FnMut(usize) -> u8) -> u128 {
        let mut types = 0u128;
        for &t in &self.entities {
            if let (
                Some(Token {
                    what: What::Entity(index),
                    ..
                }),
                Some(slot),
            ) = (self.list.get(t), self.codes.get_mut(t))
            {
                let code = type_code(*index);
                types |= 1 << code;
                *slot = compile::entity_bytes(code);
            }
        }
        types
    }
}

/// What a cue word says about the relations around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Denies: "not", "never", "no longer", "denied".
    Negation,
    /// Hedges: "if", "would", "could", "may".
    Hedge,
    /// Neither, but left out of matching so that patterns need not spell it:
    /// auxiliaries ("did", "has") and adverbs ("also", "reportedly").
    Filler,
}

/// Cue phrases, longest first within each first word. They are removed from
/// the stream the patterns see, so "X did not attack Y" matches the pattern
/// for "X attacked Y", and the cue marks the relation.
const CUES: &[(&[&str], Cue)] = &[
    (&["no", "longer"], Cue::Negation),
    (&["non", "-"], Cue::Negation),
    (&["refused", "to"], Cue::Negation),
    (&["refuses", "to"], Cue::Negation),
    (&["declined", "to"], Cue::Negation),
    (&["failed", "to"], Cue::Negation),
    (&["denied", "that", "it"], Cue::Negation),
    (&["denied", "that", "they"], Cue::Negation),
    (&["denied", "that", "he"], Cue::Negation),
    (&["denied", "that", "she"], Cue::Negation),
    (&["denied", "that"], Cue::Negation),
    (&["denies", "that", "it"], Cue::Negation),
    (&["denies", "that", "he"], Cue::Negation),
    (&["denies", "that", "she"], Cue::Negation),
    (&["denies", "that"], Cue::Negation),
    (&["denied", "having"], Cue::Negation),
    (&["denied"], Cue::Negation),
    (&["denies"], Cue::Negation),
    (&["deny"], Cue::Negation),
    (&["not"], Cue::Negation),
    (&["n't"], Cue::Negation),
    (&["never"], Cue::Negation),
    (&["neither"], Cue::Negation),
    (&["nor"], Cue::Negation),
    (&["if"], Cue::Hedge),
    (&["would"], Cue::Hedge),
    (&["could"], Cue::Hedge),
    (&["may"], Cue::Hedge),
    (&["might"], Cue::Hedge),
    (&["should"], Cue::Hedge),
    (&["whether"], Cue::Hedge),
    (&["unless"], Cue::Hedge),
    (&["did"], Cue::Filler),
    (&["does"], Cue::Filler),
    (&["do"], Cue::Filler),
    (&["has"], Cue::Filler),
    (&["have"], Cue::Filler),
    (&["had"], Cue::Filler),
    (&["will"], Cue::Filler),
    (&["wo"], Cue::Filler),
    (&["shall"], Cue::Filler),
    (&["must"], Cue::Filler),
    (&["also"], Cue::Filler),
    (&["reportedly"], Cue::Filler),
    (&["allegedly"], Cue::Filler),
    (&["repeatedly"], Cue::Filler),
    (&["again"], Cue::Filler),
    (&["recently"], Cue::Filler),
    (&["previously"], Cue::Filler),
    (&["still"], Cue::Filler),
    (&["already"], Cue::Filler),
    (&["later"], Cue::Filler),
    (&["publicly"], Cue::Filler),
    (&["openly"], Cue::Filler),
    (&["formally"], Cue::Filler),
    (&["officially"], Cue::Filler),
    (&["briefly"], Cue::Filler),
    (&["privately"], Cue::Filler),
    (&["secretly"], Cue::Filler),
    (&["once"], Cue::Filler),
    (&["just"], Cue::Filler),
    (&["even"], Cue::Filler),
    (&["now"], Cue::Filler),
    (&["currently"], Cue::Filler),
    (&["strongly"], Cue::Filler),
    (&["firmly"], Cue::Filler),
    (&["personally"], Cue::Filler),
    (&["directly"], Cue::Filler),
    (&["quietly"], Cue::Filler),
    (&["subsequently"], Cue::Filler),
    (&["eventually"], Cue::Filler),
    (&["then"], Cue::Filler),
];

/// Hedge cues that open a clause of their own.
fn is_clause_opener(token: TokenKind<'_>) -> bool {
    matches!(token, TokenKind::Word("if" | "unless" | "whether"))
}

/// Words allowed between two coordinated entities besides the coordinator:
/// titles ("Neither President X nor Prime Minister Y").
fn is_title_word(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "prime"
            | "minister"
            | "secretary"
            | "of"
            | "state"
            | "foreign"
            | "defense"
            | "defence"
            | "king"
            | "queen"
            | "prince"
            | "crown"
            | "sheikh"
            | "ayatollah"
            | "grand"
            | "general"
            | "gen"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "senator"
            | "sen"
            | "rep"
            | "gov"
            | "governor"
            | "chancellor"
            | "premier"
            | "vice"
            | "deputy"
            | "former"
            | "."
    )
}

/// Words that may follow the last entity of a list without starting a
/// clause of its own: prepositions and time words ("either X or Y in the
/// dispute", "attacked Y and Z last week"); but not "in" and a name: "Dar
/// es Salaam in Tanzania and Beira in Mozambique" is two places, each in
/// its own country.
fn is_list_follower(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "near"
            | "over"
            | "since"
            | "during"
            | "for"
            | "from"
            | "last"
            | "this"
            | "earlier"
            | "again"
            | "twice"
            | "alike"
    )
}

fn is_coordinator(word: &str) -> bool {
    matches!(word, "and" | "or" | "nor" | "," | "&")
}

/// A token's matching form: folded like the tagger's view, lower-cased.
pub(crate) fn fold_token(text: &str) -> String {
    let mut folded = Vec::new();
    push_folded(text, &mut folded);
    String::from_utf8(folded).unwrap_or_default()
}

/// Appends the matching form of the token `text` to `out`. Text that is
/// already its own matching view but for case is only lower-cased.
fn push_folded(text: &str, out: &mut Vec<u8>) {
    if is_folded_ascii(text) {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        let mut utf8 = [0u8; 4];
        for c in Normalized::new(text)
            .as_str()
            .trim()
            .chars()
            .flat_map(char::to_lowercase)
        {
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

/// Splits `text[start..end]` into word and punctuation tokens, each word with
/// its code in `codes` (without them, every word has the shared one).
pub(crate) fn push_words(
    text: &str,
    start: usize,
    end: usize,
    codes: Option<&Codes>,
    out: &mut Tokens,
) {
    let slice = &text[start..end];
    // Most stretches between mentions are ASCII: their bytes are their
    // characters, classed by a table, with no list of characters to build
    // and no Unicode property to ask.
    if slice.is_ascii() {
        split_ascii(text, start, end, codes, out);
    } else {
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        split_words(
            text,
            chars.len(),
            |i| chars.get(i).map_or(SKIPPED, |&(_, c)| char_class(c)),
            |i, letter| {
                chars
                    .get(i)
                    .is_some_and(|&(_, c)| c.eq_ignore_ascii_case(&char::from(letter)))
            },
            |i| start + chars.get(i).map_or(slice.len(), |&(o, _)| o),
            codes,
            out,
        );
    }
}

/// [`split_words`] for the ASCII stretch `text[start..end]`, written out
/// over bytes, each word its own matching form in lower case: most of a
/// sentence is ASCII, and tokenising was a tenth of extraction's
/// instructions. A test holds the two splitters to the same tokens.
fn split_ascii(text: &str, start: usize, end: usize, codes: Option<&Codes>, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let stretch = bytes.get(..end).unwrap_or(bytes);
    let class_of = |b: u8| ASCII_CLASS[usize::from(b & 0x7F)];
    let class = |i: usize| stretch.get(i).map_or(SKIPPED, |&b| class_of(b));
    // Whether the byte at `i` is the ASCII letter `letter` in either case.
    let is = |i: usize, letter: u8| stretch.get(i).is_some_and(|&b| b | 0x20 == letter);
    // The stretch lower-cased whole, in one pass: each word's and mark's
    // matching form is then a slice of it. Letters, digits, apostrophes and
    // marks are all the stretch's tokens hold, and lower-casing leaves all
    // but the letters alone.
    let base = out.words.len();
    out.words.extend(
        stretch
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(u8::to_ascii_lowercase),
    );
    let lowered = |from: usize| base + from - start;
    let mut i = start;
    while let Some(&byte) = stretch.get(i) {
        match class_of(byte) {
            SKIPPED => i += 1,
            WORD => {
                let first = i;
                // Most words are letters and digits alone: their run ends
                // here, and only one followed by an apostrophe is looked at
                // again, the careful way.
                i += 1;
                while stretch.get(i).is_some_and(|&b| class_of(b) == WORD) {
                    i += 1;
                }
                if class(i) == APOSTROPHE {
                    i = word_run_end(&class, &is, first);
                }
                let word_end = before_nt(&class, &is, first, i);
                out.push_ascii_word((first, word_end), lowered(first), codes);
                if word_end < i {
                    out.push_ascii_word((word_end, i + 2), lowered(word_end), codes);
                    i += 2;
                }
            }
            APOSTROPHE if is(i + 1, b's') && class(i + 2) != WORD => {
                out.push_ascii_word((i, i + 2), lowered(i), codes);
                i += 2;
            }
            // A backtick folds to an apostrophe: the general way.
            _ if byte == b'`' => {
                out.push_word(text, i, i + 1, codes);
                i += 1;
            }
            _ => {
                out.push_ascii_word((i, i + 1), lowered(i), codes);
                i += 1;
            }
        }
    }
}

/// What [`split_words`] makes of a character.
const SKIPPED: u8 = 0;
const WORD: u8 = 1;
const APOSTROPHE: u8 = 2;
const PUNCTUATION: u8 = 3;

/// The class of a character: white space, control and zero-width
/// characters are skipped, letters and digits make words, apostrophes may
/// join words or start clitics, anything else is a token alone.
fn char_class(c: char) -> u8 {
    if c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
        )
    {
        SKIPPED
    } else if c.is_alphanumeric() {
        WORD
    } else if is_apostrophe(c) {
        APOSTROPHE
    } else {
        PUNCTUATION
    }
}

/// [`char_class`] of each ASCII byte, as a table.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [PUNCTUATION; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte == b' ' || byte.is_ascii_control() {
            SKIPPED
        } else if byte.is_ascii_alphanumeric() {
            WORD
        } else if byte == b'\'' {
            APOSTROPHE
        } else {
            PUNCTUATION
        };
        b += 1;
    }
    table
};

/// Whether the apostrophe at `i`, inside a word, joins it ("Kata'ib",
/// "O'Brien") rather than starting a clitic: 's, or n't after an n. Both
/// splitters ask, each with its own `class` and `is` (see [`split_words`]).
#[inline]
fn apostrophe_joins(
    class: &impl Fn(usize) -> u8,
    is: &impl Fn(usize, u8) -> bool,
    i: usize,
) -> bool {
    class(i + 1) == WORD
        && !(class(i + 2) != WORD
            && (is(i + 1, b's') || (is(i + 1, b't') && i > 0 && is(i - 1, b'n'))))
}

/// The end of the run of letters and digits from `first`, with the
/// apostrophes that join them ([`apostrophe_joins`]).
#[inline]
fn word_run_end(
    class: &impl Fn(usize) -> u8,
    is: &impl Fn(usize, u8) -> bool,
    first: usize,
) -> usize {
    let mut i = first;
    loop {
        match class(i) {
            WORD => i += 1,
            APOSTROPHE if apostrophe_joins(class, is, i) => i += 1,
            _ => return i,
        }
    }
}

/// Where the word from `first` to `end` ends once a clitic n't is split
/// off it: "didn't" is "did" and "n't".
#[inline]
fn before_nt(
    class: &impl Fn(usize) -> u8,
    is: &impl Fn(usize, u8) -> bool,
    first: usize,
    end: usize,
) -> usize {
    if end > first + 1
        && is(end - 1, b'n')
        && class(end) == APOSTROPHE
        && is(end + 1, b't')
        && class(end + 2) != WORD
    {
        end - 1
    } else {
        end
    }
}

/// The splitting of [`push_words`] over a stretch of `len` characters: the
/// `i`th is of class `class(i)` ([`SKIPPED`] past the end), `is(i, letter)`
/// says whether it is that ASCII letter in either case, and it starts at
/// byte `offset(i)` of `text`.
fn split_words(
    text: &str,
    len: usize,
    class: impl Fn(usize) -> u8,
    is: impl Fn(usize, u8) -> bool,
    offset: impl Fn(usize) -> usize,
    codes: Option<&Codes>,
    out: &mut Tokens,
) {
    let mut i = 0;
    while i < len {
        match class(i) {
            SKIPPED => i += 1,
            WORD => {
                let first = i;
                i = word_run_end(&class, &is, first);
                let word_end = before_nt(&class, &is, first, i);
                out.push_word(text, offset(first), offset(word_end), codes);
                if word_end < i {
                    out.push_word(text, offset(word_end), offset(i + 2), codes);
                    i += 2;
                }
            }
            APOSTROPHE if is(i + 1, b's') && class(i + 2) != WORD => {
                out.push_word(text, offset(i), offset(i + 2), codes);
                i += 2;
            }
            _ => {
                out.push_word(text, offset(i), offset(i + 1), codes);
                i += 1;
            }
        }
    }
}

/// The tokens of a sentence; `mentions` are the (start, end) byte offsets
/// of the sentence's mentions, with their document indices. Each word is
/// given its code in `codes` as it is split off, while its bytes are at
/// hand.
pub(crate) fn tokenize(
    text: &str,
    sentence: (usize, usize),
    mentions: &[(usize, usize, usize)],
    codes: &Codes,
    out: &mut Tokens,
) {
    out.list.clear();
    out.words.clear();
    out.codes.clear();
    out.present.clear();
    out.present.resize(codes.word_count().div_ceil(64), 0);
    out.first_seen.clear();
    out.entities.clear();
    // Room for a token every four bytes (news text has fewer, so the list
    // seldom grows), up to a few thousand: a huge run-on sentence grows its
    // list as it goes rather than reserving ten times its size at once.
    let bytes = sentence.1.saturating_sub(sentence.0);
    out.reserve((bytes / 4).min(4096));
    let mut pos = sentence.0;
    for &(start, end, index) in mentions {
        if start < pos || end > sentence.1 {
            continue;
        }
        push_words(text, pos, start, Some(codes), out);
        out.push_entity(start, end, index);
        pos = end;
    }
    push_words(text, pos, sentence.1, Some(codes), out);
}

/// The string the patterns run on, with the position of each token in it.
#[derive(Debug, Default)]
pub(crate) struct Stream {
    /// Two bytes per token kept: the token's code (see `compile`).
    pub(crate) text: Vec<u8>,
    /// For each stream token: its index in the sentence's tokens.
    pub(crate) tokens: Vec<usize>,
    /// For each sentence token: the cue it belongs to, if any.
    pub(crate) cues: Vec<Option<Cue>>,
    /// The stream's entity tokens: each one's place in the stream and its
    /// type code.
    entities: Vec<(usize, u8)>,
}

impl Stream {
    /// Makes this the stream of a sentence's tokens, given each token's
    /// code, reusing its lists.
    pub(crate) fn fill(&mut self, tokens: &Tokens, codes: &[[u8; 2]], cue_table: &CueTable) {
        find_cues(tokens, codes, cue_table, &mut self.cues);
        self.text.clear();
        self.tokens.clear();
        self.entities.clear();
        for (index, code) in codes.iter().enumerate() {
            // A clause opener ("if", "unless") stays, so that no pattern
            // reads across it from one clause into the next.
            if self.cues.get(index).is_some_and(Option::is_some)
                && !tokens.kind(index).is_some_and(is_clause_opener)
            {
                continue;
            }
            if compile::code_of(*code).is_none() {
                self.entities.push((self.tokens.len(), code[1]));
            }
            self.tokens.push(index);
            self.text.extend_from_slice(code);
        }
    }

    /// Whether the stream has two entity tokens as `roles` asks: of its
    /// types, in its order, no further apart than it allows, and with the
    /// words it needs before, between and after them within its reach.
    /// Every match of the pattern has such a pair; most sentences a
    /// pattern's words point it to have none.
    pub(crate) fn roles_within(&self, roles: &compile::Roles) -> bool {
        let of = |types: u128, code: u8| types >> (code & 0x7F) & 1 != 0;
        let tokens = self.text.len() / 2;
        // Whether each group has a word among the stream tokens `range`.
        let holds = |range: std::ops::Range<usize>, stretch: &compile::Stretch| {
            stretch.words.iter().all(|group| {
                range.clone().any(|t| {
                    self.text
                        .get(2 * t..2 * t + 2)
                        .and_then(|c| compile::code_of([c[0], c[1]]))
                        .is_some_and(|code| group.binary_search(&code).is_ok())
                })
            })
        };
        let (before, between, after) = (&roles.before, &roles.between, &roles.after);
        // The entities are in stream order: `b` after `a`.
        self.entities.iter().enumerate().any(|(i, &(a, a_type))| {
            of(roles.first, a_type)
                && holds(a.saturating_sub(before.most)..a, before)
                && self.entities[i + 1..]
                    .iter()
                    .take_while(|&&(b, _)| b - a <= between.most + 1)
                    .any(|&(b, b_type)| {
                        of(roles.second, b_type)
                            && holds(a + 1..b, between)
                            && holds(b + 1..(b + 1 + after.most).min(tokens), after)
                    })
        })
    }

    /// The sentence-token index of the stream token at `offset` (a token start).
    pub(crate) fn token_at(&self, offset: usize) -> usize {
        self.tokens.get(offset / 2).copied().unwrap_or(usize::MAX)
    }

    /// The sentence-token index of the last stream token ending at or before
    /// `offset` (a token end).
    pub(crate) fn token_before(&self, offset: usize) -> usize {
        (offset / 2)
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// The cue phrases as word codes, looked up by the code of their first
/// word: a sentence's tokens have their codes already, and asking a table
/// by code spares hashing every word of the sentence once more.
#[derive(Debug)]
pub(crate) struct CueTable {
    /// For each word code: the phrases starting with that word, longest
    /// first as in [`CUES`], each as its words' code bytes.
    by_first: Vec<Vec<(Vec<[u8; 2]>, Cue)>>,
    /// The code bytes of "may", a month as often as a modal.
    may: [u8; 2],
}

impl CueTable {
    /// Gives every cue word a code of its own, so that a token is a cue
    /// word exactly when its code is that word's; `false` when codes run out.
    pub(crate) fn add_words(codes: &mut Codes) -> bool {
        CUES.iter()
            .flat_map(|(phrase, _)| phrase.iter())
            .all(|word| codes.add_word(word))
    }

    /// The table, once [`CueTable::add_words`] has given the words codes and
    /// `codes` is sealed.
    pub(crate) fn new(codes: &Codes) -> CueTable {
        let mut by_first = vec![Vec::new(); codes.word_count()];
        for &(phrase, cue) in CUES {
            let words: Vec<u16> = phrase.iter().map(|w| codes.word(w)).collect();
            let first = words.first().map_or(usize::MAX, |&c| usize::from(c));
            if let Some(list) = by_first.get_mut(first) {
                list.push((words.into_iter().map(compile::word_bytes).collect(), cue));
            }
        }
        CueTable {
            by_first,
            may: compile::word_bytes(codes.word("may")),
        }
    }

    fn phrases(&self, code: [u8; 2]) -> &[(Vec<[u8; 2]>, Cue)] {
        compile::code_of(code)
            .and_then(|c| self.by_first.get(usize::from(c)))
            .map_or(&[], Vec::as_slice)
    }
}

/// The cue each of a sentence's tokens belongs to, given the tokens' codes.
fn find_cues(tokens: &Tokens, codes: &[[u8; 2]], table: &CueTable, cues: &mut Vec<Option<Cue>>) {
    cues.clear();
    cues.resize(codes.len(), None);
    let word = |i: usize| tokens.kind(i).and_then(TokenKind::word);
    let mut i = 0;
    while let Some(&code) = codes.get(i) {
        let mut matched = 0;
        // "in May", "May 5": the month, not the modal.
        let month = code == table.may
            && (matches!(
                i.checked_sub(1).and_then(word),
                Some("in" | "of" | "since" | "until" | "early" | "late" | "mid" | "-")
            ) || word(i + 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())));
        let phrases = if month { &[][..] } else { table.phrases(code) };
        for (phrase, cue) in phrases {
            if codes.get(i..).is_some_and(|rest| rest.starts_with(phrase)) {
                for slot in cues.iter_mut().skip(i).take(phrase.len()) {
                    *slot = Some(*cue);
                }
                matched = phrase.len();
                break;
            }
        }
        i += matched.max(1);
    }
}

/// Whether the relation matched over sentence tokens `first..=last` is
/// denied or hedged: by a cue inside it, or in the same clause just before it.
pub(crate) fn modality(
    tokens: &Tokens,
    cues: &[Option<Cue>],
    first: usize,
    last: usize,
) -> (bool, bool) {
    let mut negated = false;
    let mut hedged = false;
    let mut note = |cue: Option<Cue>| match cue {
        Some(Cue::Negation) => negated = true,
        Some(Cue::Hedge) => hedged = true,
        _ => {}
    };
    for cue in &cues[first..=last.min(cues.len() - 1)] {
        note(*cue);
    }
    // Cues just before the match count when only names, titles and "and"
    // or "or" stand between ("Neither President X nor Y supports Z", "If X
    // visited Y"), not across other words: in "denied that it attacked the
    // hospital in Y", where the hospital is is not denied.
    let mut seen = 0;
    let mut i = first;
    while i > 0 && seen < 8 {
        i -= 1;
        seen += 1;
        if cues[i].is_some() {
            note(cues[i]);
            continue;
        }
        match tokens.kind(i) {
            Some(TokenKind::Word(w)) if is_title_word(w) || matches!(w, "and" | "or" | "the") => {}
            Some(TokenKind::Word(_)) => break,
            Some(TokenKind::Entity(_)) | None => {}
        }
    }
    (negated, hedged)
}

/// Entities coordinated with the entity token at `at` ("X and Y", "X, Y",
/// "neither X nor Y"), looking `backward` or forward, of the same type group.
pub(crate) fn coordinated(
    tokens: &Tokens,
    at: usize,
    backward: bool,
    same_group: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    // A possessor or a possessed name is not a list item: in "Indianapolis,
    // New York's Kennedy Airport", the airport is in New York alone.
    let possessive = |i: usize| matches!(tokens.kind(i), Some(TokenKind::Word("'s" | "'")));
    if possessive(at + 1) || at.checked_sub(1).is_some_and(possessive) {
        return found;
    }
    let mut i = at;
    loop {
        let mut saw_coordinator = false;
        let mut next = None;
        let mut steps = 0;
        let mut j = i;
        while steps < 6 {
            j = if backward {
                match j.checked_sub(1) {
                    Some(j) => j,
                    None => break,
                }
            } else {
                j + 1
            };
            let Some(kind) = tokens.kind(j) else { break };
            match kind {
                // "the Caribbean Community, or CARICOM": a second name for
                // the same entity, not a list.
                TokenKind::Word(w)
                    if !backward
                        && found.is_empty()
                        && w == "or"
                        && tokens.kind(j - 1) == Some(TokenKind::Word(",")) =>
                {
                    return found
                }
                TokenKind::Word(w) if is_coordinator(w) => saw_coordinator = true,
                TokenKind::Word(w) if is_title_word(w) || (backward && w == "neither") => {}
                TokenKind::Word(_) => break,
                // "Berlusconi and German Chancellor Schroeder": a
                // nationality or country in a title.
                TokenKind::Entity(e)
                    if !same_group(e)
                        && matches!(tokens.kind(j + 1), Some(TokenKind::Word(w)) if is_title_word(w)) =>
                    {}
                TokenKind::Entity(e) => {
                    // Looking forward, "Y and Z" must end there: in "attacked
                    // Y and Z killed W", Z starts a clause of its own.
                    let ends_list = backward
                        || match tokens.kind(j + 1) {
                            None => true,
                            Some(TokenKind::Word(w)) => {
                                is_coordinator(w)
                                    || (is_list_follower(w)
                                        && !(w == "in"
                                            && matches!(
                                                tokens.kind(j + 2),
                                                Some(TokenKind::Entity(_))
                                            )))
                                    || !w.chars().any(char::is_alphanumeric)
                            }
                            Some(TokenKind::Entity(_)) => false,
                        };
                    if saw_coordinator && ends_list && same_group(e) {
                        next = Some((j, e));
                    }
                    break;
                }
            }
            steps += 1;
        }
        match next {
            Some((j, e)) => {
                found.push(e);
                i = j;
            }
            None => return found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Tokens::default();
        push_words(text, 0, text.len(), None, &mut out);
        (0..out.len())
            .map(|i| {
                let (Some(t), Some(w)) = (out.get(i), out.kind(i).and_then(TokenKind::word)) else {
                    unreachable!("only words here")
                };
                assert_eq!(fold_token(&text[t.start..t.end]), w);
                w.to_string()
            })
            .collect()
    }

    #[test]
    fn ascii_tokens_fold_as_the_matching_view_does() {
        let slow = |t: &str| -> String {
            Normalized::new(t)
                .as_str()
                .trim()
                .chars()
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut tokens: Vec<String> = (0x21..0x7Fu8).map(|b| (b as char).to_string()).collect();
        tokens.extend(
            [
                "Kata'ib",
                "U.S.",
                "n't",
                "'S",
                "AL-SADR",
                "`90s",
                "x`y",
                "Port City",
                " a",
                "a  b",
            ]
            .map(String::from),
        );
        for t in &tokens {
            assert_eq!(fold_token(t), slow(t), "{t:?}");
        }
    }

    #[test]
    fn the_ascii_table_classes_as_char_class_does() {
        for b in 0..128u8 {
            assert_eq!(
                ASCII_CLASS[usize::from(b)],
                char_class(char::from(b)),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn ascii_stretches_split_as_any_other() {
        // The same words after a non-ASCII character take the general path.
        for text in [
            "The envoy didn't say; he'd left O'Hare's gate at 5 p.m.",
            "rock 'n' roll, the '90s and Iraq's-",
            "'s n't ' a'b x''y Z'S WON'T",
            "rock `n` roll, `quoted' ``",
            "\t\r\n\u{7f}\u{1}tabs\u{0}and controls",
        ] {
            let general = words(&format!("é {text}"));
            assert_eq!(general[0], "e", "{text:?}");
            assert_eq!(words(text), general[1..], "{text:?}");
        }
        // Every string of up to five of the bytes the splitter tells apart.
        let alphabet = ["n", "N", "t", "T", "s", "S", "'", "`", " ", "-", "5", "\t"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            texts = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |b| format!("{t}{b}")))
                .collect();
            for text in &texts {
                let general = words(&format!("é {text}"));
                assert_eq!(words(text), general[1..], "{text:?}");
            }
        }
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        assert_eq!(
            words("Iraq’s forces didn't"),
            ["iraq", "'s", "forces", "did", "n't"]
        );
        assert_eq!(words("Kata’ib O'Brien"), ["kata'ib", "o'brien"]);
        assert_eq!(
            words("Iranian-backed, (allegedly)."),
            ["iranian", "-", "backed", ",", "(", "allegedly", ")", "."]
        );
        assert_eq!(words("the Saudis’ plan"), ["the", "saudis", "'", "plan"]);
        assert_eq!(words("Kādhimī\u{0}\u{200b}x"), ["kadhimi", "x"]);
    }

    #[test]
    fn words_get_their_codes_as_they_are_split() {
        // Codes for short and long words, a clitic, marks and a non-ASCII
        // word; every other word has the shared code.
        let mut codes = Codes::default();
        for word in [
            "attack",
            "attacked",
            "n't",
            "'s",
            "'",
            ",",
            "-",
            "internationally",
            "o'brien",
            "kadhimi",
            "(",
            "12",
            // Marks that lack the bit 0x20 a letter's lower case sets.
            "[",
            "@",
            "_",
        ] {
            assert!(codes.add_word(word));
        }
        codes.seal();
        for text in [
            "ATTACKED Attack attacks didn't O'Brien's forces, (12) 3-4",
            "Kādhimī’s `aides` INTERNATIONALLY-backed; Iraq’s 'Attack'",
            "x\u{0}y\tz \u{feff}won't  ATTACK\u{2019}S",
            "see [the note] and @Reuters _for_ more on the attack in Basra",
        ] {
            let mut coded = Tokens::default();
            push_words(text, 0, text.len(), Some(&codes), &mut coded);
            let mut plain = Tokens::default();
            push_words(text, 0, text.len(), None, &mut plain);
            assert_eq!(coded.len(), plain.len(), "{text:?}");
            let mut named = 0;
            assert_eq!(coded.stream_codes().len(), coded.len(), "{text:?}");
            for (i, &code) in coded.stream_codes().iter().enumerate() {
                let Some(token) = coded.get(i) else {
                    unreachable!("a token per code")
                };
                let word = fold_token(&text[token.start..token.end]);
                assert_eq!(coded.kind(i), Some(TokenKind::Word(&word)), "{text:?}");
                assert_eq!(coded.kind(i), plain.kind(i), "{text:?}");
                assert_eq!(
                    code,
                    compile::word_bytes(codes.word(&word)),
                    "{word:?} in {text:?}"
                );
                assert_eq!(
                    plain.stream_codes().get(i),
                    Some(&compile::word_bytes(OTHER_WORD))
                );
                named += usize::from(codes.word(&word) != OTHER_WORD);
            }
            assert!(named >= 3, "{text:?}: {named} named words");
        }
    }

    #[test]
    fn tokenizing_notes_the_words_present_and_codes_the_entities() {
        let mut codes = Codes::default();
        for word in ["met", "in", "attack", "the"] {
            assert!(codes.add_word(word));
        }
        codes.seal();
        let text = "The envoy met Sistani in Najaf; the envoy MET him in the city.";
        let sistani = text.find("Sistani").unwrap_or_default();
        let najaf = text.find("Najaf").unwrap_or_default();
        let mentions = [(sistani, sistani + 7, 4), (najaf, najaf + 5, 9)];
        let mut tokens = Tokens::default();
        // A list used before, for another sentence, keeps nothing of it.
        tokenize("attack attack", (0, 13), &[], &codes, &mut tokens);
        tokenize(text, (0, text.len()), &mentions, &codes, &mut tokens);
        let code = |w: &str| codes.word(w);
        for word in ["met", "in", "the"] {
            assert!(tokens.has_word(code(word)), "{word}");
        }
        assert!(!tokens.has_word(code("attack")));
        // Each code once, in the order first met: "the", "envoy" (which
        // has no code of its own: OTHER_WORD, as ";", "him" and "city"
        // after it), "met", "in".
        assert_eq!(
            tokens.distinct_words(),
            [code("the"), OTHER_WORD, code("met"), code("in")]
        );
        assert_eq!(tokens.stream_codes().len(), tokens.len());
        let types = tokens.code_entities(|index| if index == 4 { 1 } else { 5 });
        assert_eq!(types, 1 << 1 | 1 << 5);
        let entity_codes: Vec<[u8; 2]> = (0..tokens.len())
            .filter(|&i| matches!(tokens.kind(i), Some(TokenKind::Entity(_))))
            .filter_map(|i| tokens.stream_codes().get(i).copied())
            .collect();
        assert_eq!(
            entity_codes,
            [compile::entity_bytes(1), compile::entity_bytes(5)]
        );
    }

    #[test]
    fn cues_are_found_as_phrases() {
        // Codes as a rule set that names "attack" and "may" gives them.
        let mut codes = Codes::default();
        assert!(codes.add_word("attack") && codes.add_word("may"));
        assert!(CueTable::add_words(&mut codes));
        codes.seal();
        let table = CueTable::new(&codes);
        let cues = |text: &str| {
            let mut tokens = Tokens::default();
            push_words(text, 0, text.len(), None, &mut tokens);
            let token_codes: Vec<[u8; 2]> = tokens
                .kinds()
                .map(|t| compile::word_bytes(codes.word(t.word().unwrap_or(""))))
                .collect();
            let mut found = vec![Some(Cue::Filler); 3];
            find_cues(&tokens, &token_codes, &table, &mut found);
            found
        };
        let (n, h, f) = (Some(Cue::Negation), Some(Cue::Hedge), Some(Cue::Filler));
        assert_eq!(
            cues("he no longer denied that it would attack"),
            [None, n, n, n, n, n, h, None]
        );
        // The longest phrase from a word; a word that starts a phrase alone
        // ("denied" then "that they") is its own cue.
        assert_eq!(cues("Denied that they didn't"), [n, n, n, f, n]);
        assert_eq!(cues("denied that we"), [n, n, None]);
        // "may" is a month after "in" or before a number, else a hedge.
        assert_eq!(cues("in May it may attack"), [None, None, None, h, None]);
        assert_eq!(cues("May 5 , they may not"), [None, None, None, None, h, n]);
        // Words that merely start like cues are not cues.
        assert_eq!(cues("nothing nonstop"), [None, None]);
    }
}
