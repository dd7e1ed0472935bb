//! Sentence splitting for English news text.
//!
//! [`split_sentences`] returns each sentence as a byte range into the
//! original text, trimmed of surrounding whitespace.
//!
//! # Approach
//!
//! UAX #29 (as implemented by `unicode-segmentation`) is the authority on
//! *where a boundary may fall*, and news-specific rules decide *whether it
//! does*: every boundary this module reports is also a UAX #29 sentence
//! boundary (moved to the edges of the whitespace it falls in), but many UAX
//! #29 boundaries are vetoed, because UAX #29 splits after "Mr.", "U.S." and
//! every hard-wrapped line.
//!
//! Running UAX #29 over the whole text costs about 30 MB/s, and its SB8 rule is
//! quadratic on some inputs, so it is not run over the whole text. A UAX #29
//! boundary can only follow a sentence terminator (ATerm or STerm) or a
//! paragraph separator (CR, LF, NEL, LS, PS), so a byte scan finds those
//! *candidates*, eight bytes at a time, and everything else is skipped:
//!
//! - After a terminator cluster (terminators and closing quotes or brackets,
//!   such as `?!` or `."` or `.)`), the news rules below are checked first,
//!   and only a boundary they accept is confirmed by UAX #29. The usual
//!   shape (ASCII terminators and closing marks, spaces, then a capital,
//!   perhaps after opening quotes or brackets, as in `. "The`) is a UAX #29
//!   boundary by its rules alone and needs no run; any other is confirmed
//!   by running UAX #29 over a small window around it (the character before
//!   the terminator up to the first letter after it). Windows are at most
//!   256 bytes (a longer one is not confirmed), which keeps each check
//!   constant-time; when the window
//!   had to be cut before a letter that settles the look-ahead of rule SB8,
//!   the break must also survive a lowercase letter appended to the window.
//! - A whitespace gap containing a line break is always a UAX #29 boundary
//!   (rule SB4), so it needs no confirmation: the layout rules alone decide.
//!
//! Every scan is bounded or covers text no other scan covers, so the whole
//! split is linear in the length of the text.
//!
//! # Rules
//!
//! After a terminator cluster followed by whitespace (CJK full stops need no
//! whitespace):
//!
//! - a blank line after it always ends the sentence;
//! - a following lowercase word, or `,` `;` `:`, never starts a sentence
//!   (`"Why?" he asked`, `... and then`, `etc. and`);
//! - `?`, `!` and ellipses (`...`) end the sentence before anything else;
//! - after a single `.`, the word before it decides:
//!   - titles (`Mr.`, `Gen.`, `Sen.`, `St.`, `vs.`, `e.g.` ...) never end a
//!     sentence;
//!   - abbreviations that may end one (`U.S.`, `Inc.`, `Co.`, `Jr.`, `a.m.`,
//!     `Sept.`, `No.`, `Calif.`, other short dotted forms such as `Ph.D.`)
//!     and single capital initials (`R.` in `Michael R. Pompeo`) end it only
//!     when the next word is a capitalised function word such as `The`,
//!     `He`, `But` or `Officials` (`sent to the U.S. The embassy said`);
//!   - any other word ends it.
//! - an abbreviation that may end a sentence does end it before an indented
//!   line (a line break then two or more spaces or a tab), which is how wire copy marks
//!   a new paragraph.
//!
//! A line that does not end with a terminator ends a sentence when followed
//! by a blank line. Before a single line break it does so only if it looks
//! like a headline rather than a hard-wrapped line: the next line starts with
//! a capital; the line has at most 12 words and does not end with a comma,
//! colon, dash or a word such as "the" or "of", and is not a dateline in
//! capitals ("BAGHDAD", "NEW YORK (Reuters)"); and it is clearly shorter than
//! the wrap width, estimated as the next line's length but at least 40
//! columns: the line plus the next line's first word fit in that width, and
//! the line takes at most two thirds of it. A text wrapper breaks a line early
//! only when the next word does not fit, so wrapped lines fail the test, while
//! a headline above a body paragraph passes it.
//!
//! No boundary is placed inside a protected range, whatever the rules say.
//!
//! # Known limits
//!
//! - A sentence that starts with a lowercase word (`iPhone sales rose`) is
//!   merged with the previous one.
//! - An abbreviation that ends a sentence before a capitalised word that is not
//!   a function word (`made by Apple Inc. Google said`) is not split.
//! - UAX #29 does not treat `…` (U+2026) as a terminator, nor a period followed
//!   by a number and then a lowercase word (`in 1990. 2010 was`), so neither
//!   splits.
//! - A headline longer than two thirds of the body line under it (or than 26
//!   columns, when that line is short) is not split from it at a single line
//!   break, and text hard-wrapped narrower than 40 columns may be split at
//!   the end of a short line.
//! - Some wire copy capitalises words after "U.S." mid-sentence ("the U.S.
//!   Officials"); before a function word that is split.

use super::blocks::{equal_bytes, first_marked, may_equal, skip_chunks, HIGH, ONES};
use once_cell::sync::Lazy;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences, as byte ranges into `text`.
///
/// Each range starts at a sentence's first non-whitespace character and ends
/// after its last one (closing quotes and brackets included); ranges are in
/// order, do not overlap, and together cover every non-whitespace character.
/// Empty or all-whitespace text gives no sentences.
///
/// `protected` is a sorted list of non-overlapping byte ranges (entity
/// mentions such as "U.S. Embassy") that no boundary may cut; empty ranges are
/// ignored. See the module documentation for the rules.
///
/// Never panics, and runs in time linear in `text.len() + protected.len()`.
pub(crate) fn split_sentences(text: &str, protected: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut splitter = Splitter {
        text,
        protected,
        next_protected: 0,
        start: 0,
        handled_to: 0,
        // Room for sentences of 128 bytes: news sentences are longer.
        sentences: Vec::with_capacity(text.len() / 128 + 1),
        term_cache: [('\0', None); 32],
    };
    splitter.run();
    splitter.sentences
}

/// Most a UAX #29 confirmation window may extend past the next sentence's
/// start while looking for the letter that decides rule SB8.
const CONFIRM_LOOKAHEAD: usize = 64;

/// Most a UAX #29 confirmation window may reach back before a terminator.
const CONFIRM_LOOKBEHIND: usize = 32;

/// Longest UAX #29 confirmation window, in bytes; a longer one (a full stop
/// followed by hundreds of quotes or spaces) is not confirmed.
const CONFIRM_MAX_WINDOW: usize = 256;

/// Longest line, in bytes, that may count as a headline.
const HEADLINE_MAX_BYTES: usize = 240;

/// Most words a headline line may have.
const HEADLINE_MAX_WORDS: usize = 12;

/// Narrowest column width assumed for hard-wrapped text.
const MIN_WRAP_COLUMNS: usize = 40;

/// Byte class of bytes the candidate scan skips.
const SKIP: u8 = 0;
/// `.`, `!` or `?`.
const ASCII_TERM: u8 = 1;
/// `\n` or `\r`.
const LINE: u8 = 2;
/// A UTF-8 lead byte of a character that may be a terminator or separator.
const NON_ASCII: u8 = 3;

/// Class of every byte. Continuation bytes and the lead bytes of U+00C0 to
/// U+033F (Latin letters, IPA, combining marks: never terminators or
/// separators) are skipped, so accented Latin text scans at full speed.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [SKIP; 256];
    table[b'.' as usize] = ASCII_TERM;
    table[b'!' as usize] = ASCII_TERM;
    table[b'?' as usize] = ASCII_TERM;
    table[b'\n' as usize] = LINE;
    table[b'\r' as usize] = LINE;
    table[0xC2] = NON_ASCII;
    let mut b = 0xCD;
    while b <= 0xF4 {
        table[b] = NON_ASCII;
        b += 1;
    }
    table
};

/// The position of the first byte at or after `from` whose class is not
/// [`SKIP`] and that [`needs_no_decision`] does not pass over.
///
/// Thirty-two and then eight bytes at a time, a stretch is skipped when it
/// holds none of `.` `!` `?`, no byte below 0x0E (`\n`, `\r`, and tabs and
/// other controls, which `is_candidate_byte` turns away) and no byte above
/// 0x7F, but for those that need no decision; only words that might hold a
/// candidate are looked at byte by byte.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    // Bytes below 0x0E, and perhaps some after one that a borrow reaches:
    // one subtraction where telling `\n` and `\r` apart took two compares.
    let low = |block: u64| block.wrapping_sub(ONES * 0x0E) & !block & HIGH;
    // Like `may_equal`, `low` may flag a byte after a true one: the byte
    // test (`is_candidate_byte`) turns it away.
    let flags = |block: u64| {
        (block & HIGH)
            | low(block)
            | may_equal(block, b'.')
            | may_equal(block, b'!')
            | may_equal(block, b'?')
    };
    let mut at = from;
    loop {
        // The same tests, in a form the compiler turns into vector
        // compares: most stretches of 32 bytes hold no candidate, and in
        // hard-wrapped text most of the others hold only line breaks that
        // need no decision.
        at = skip_chunks(bytes, at, |b, next| {
            let line_goes_on = (b == b'\n') & (next.wrapping_sub(b'a') < 26);
            (b == b'.') | (b == b'!') | (b == b'?') | (!(0x0E..0x80).contains(&b) & !line_goes_on)
        });
        let found = first_marked(bytes, at, flags, is_candidate_byte)?;
        if !needs_no_decision(bytes, found) {
            return Some(found);
        }
        at = found + 1;
    }
}

/// Whether the candidate byte at `at` is one whose decision is known
/// without a look around: a terminator inside a token ("3.5", "U.S")
/// ends nothing, and neither does a line feed before a lower-case letter
/// or a digit (a hard-wrapped line going on: only a blank line or a
/// capital after it can end a sentence there). Passing over the line feed
/// leaves where the next UAX #29 window may begin (`handled_to`) as it
/// was, which changes no window: looking back, a window stops at the ASCII
/// letter or digit after the line feed before it could reach either place.
fn needs_no_decision(bytes: &[u8], at: usize) -> bool {
    let next = bytes.get(at + 1).copied().unwrap_or(b' ');
    match bytes.get(at) {
        Some(b'.' | b'!' | b'?') => next.is_ascii_alphanumeric(),
        Some(b'\n') => next.is_ascii_lowercase() || next.is_ascii_digit(),
        _ => false,
    }
}

/// Whether the candidate scan stops at `b`.
fn is_candidate_byte(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] != SKIP
}

/// What kind of sentence terminator a character is, in UAX #29 terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Term {
    /// A full stop, which may also end abbreviations (ATerm).
    ATerm,
    /// A terminator that always ends a sentence, such as `?` and `!` (STerm).
    STerm,
}

/// What a terminator cluster is made of.
#[derive(Clone, Copy, Default)]
struct Cluster {
    /// Byte offset just past the cluster's last character.
    end: usize,
    /// Number of ASCII full stops in it.
    periods: usize,
    /// Whether it holds a `?`, `!` or other STerm.
    strong: bool,
    /// Whether it holds a non-ASCII terminator (CJK full stops and the like,
    /// which need no following space).
    non_ascii: bool,
}

/// How the word before a single full stop bears on a boundary.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbrev {
    /// Not an abbreviation: the full stop ends the sentence.
    None,
    /// A title or similar that never ends a sentence.
    Title,
    /// An abbreviation or initial that ends a sentence only before a
    /// capitalised function word.
    MayEnd,
}

/// The state of one split.
struct Splitter<'t, 'p> {
    /// The text being split.
    text: &'t str,
    /// Ranges no boundary may cut.
    protected: &'p [(usize, usize)],
    /// Index of the first protected range that may still matter.
    next_protected: usize,
    /// Start of the sentence being built.
    start: usize,
    /// Just past the last terminator cluster or whitespace gap handled.
    handled_to: usize,
    /// Sentences found so far.
    sentences: Vec<(usize, usize)>,
    /// Direct-mapped cache of UAX #29 probes for non-ASCII punctuation.
    term_cache: [(char, Option<Term>); 32],
}

impl Splitter<'_, '_> {
    /// Scans for candidates and decides each one.
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let content_end = text.trim_end().len();
        self.start = text.len() - text.trim_start().len();
        if self.start >= content_end {
            return;
        }
        let mut i = self.start;
        while i < content_end {
            let Some(found) = next_candidate(bytes, i) else {
                break;
            };
            i = found;
            if i >= content_end {
                break;
            }
            let class = bytes.get(i).map_or(SKIP, |&b| BYTE_CLASS[usize::from(b)]);
            i = match class {
                ASCII_TERM => self.at_terminator(i),
                LINE => self.at_line_break(i),
                _ => match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) if is_line_break(c) => self.at_line_break(i),
                    Some(c) if self.non_ascii_term(c).is_some() => self.at_terminator(i),
                    Some(c) => i + c.len_utf8(),
                    // Not a character boundary: cannot happen, but moving on
                    // one byte keeps the loop finite.
                    None => i + 1,
                },
            };
        }
        if self.start < content_end {
            self.sentences.push((self.start, content_end));
        }
    }

    /// Handles the terminator cluster starting at `t`; returns where to resume.
    fn at_terminator(&mut self, t: usize) -> usize {
        let resume = self.decide_terminator(t);
        self.handled_to = resume;
        resume
    }

    /// Decides on the terminator cluster starting at `t`; returns the end of
    /// the cluster or of the whitespace after it.
    fn decide_terminator(&mut self, t: usize) -> usize {
        let cluster = self.cluster(t);
        let gap = scan_gap(self.text, cluster.end);
        let next = gap.end;
        if next >= self.text.len() {
            return self.text.len();
        }
        if next == cluster.end && !cluster.non_ascii {
            return cluster.end.max(t + 1);
        }
        let indented = gap.breaks == 1 && gap.indent >= 2;
        let accept = gap.breaks >= 2
            || (self.terminator_ends_sentence(t, &cluster, next, indented)
                && (gap.breaks >= 1 || self.uax_confirms(t, cluster.end, next)));
        if accept {
            self.boundary(cluster.end, next);
        }
        next
    }

    /// Handles a line break at `n` not preceded by a terminator; returns where
    /// to resume.
    fn at_line_break(&mut self, n: usize) -> usize {
        let resume = self.decide_line_break(n);
        self.handled_to = resume;
        resume
    }

    /// Decides on the whitespace that holds the line break at `n`; returns
    /// its end.
    fn decide_line_break(&mut self, n: usize) -> usize {
        let text = self.text;
        let line_end = text
            .get(self.start..n)
            .map_or(n, |before| self.start + before.trim_end().len());
        let gap = scan_gap(text, line_end);
        let next = gap.end;
        if next >= text.len() {
            return text.len();
        }
        if line_end > self.start && (gap.breaks >= 2 || self.is_headline(line_end, next)) {
            self.boundary(line_end, next);
        }
        next.max(n + 1)
    }

    /// Ends the current sentence at `end` and starts the next at `next`,
    /// unless that would cut a protected range.
    fn boundary(&mut self, end: usize, next: usize) {
        if self.cuts_protected(end, next) {
            return;
        }
        self.sentences.push((self.start, end));
        self.start = next;
    }

    /// Whether a boundary in the whitespace `end..next` would cut a protected
    /// range: one that reaches past the gap on at least one side and into or
    /// past it on the other.
    fn cuts_protected(&mut self, end: usize, next: usize) -> bool {
        while let Some(&(_, e)) = self.protected.get(self.next_protected) {
            if e > end {
                break;
            }
            self.next_protected += 1;
        }
        let rest = self.protected.get(self.next_protected..).unwrap_or(&[]);
        for &(s, e) in rest {
            if s >= next {
                break;
            }
            let inside_gap = s >= end && e <= next;
            if s < e && e > end && !inside_gap {
                return true;
            }
        }
        false
    }

    /// Reads the cluster of terminators and closing marks starting at `t`.
    fn cluster(&mut self, t: usize) -> Cluster {
        let mut cluster = Cluster {
            end: t,
            ..Cluster::default()
        };
        let Some(rest) = self.text.get(t..) else {
            return cluster;
        };
        for c in rest.chars() {
            match c {
                '.' => cluster.periods += 1,
                '!' | '?' => cluster.strong = true,
                c if is_closer(c) => {}
                c if !c.is_ascii() => match self.non_ascii_term(c) {
                    Some(term) => {
                        cluster.non_ascii = true;
                        cluster.strong |= term == Term::STerm;
                    }
                    None => break,
                },
                _ => break,
            }
            cluster.end += c.len_utf8();
        }
        cluster
    }

    /// The news rules for a terminator cluster followed by the sentence-like
    /// text at `next`; `indented` says whether that text starts an indented
    /// line, as new paragraphs do in some wire formats.
    fn terminator_ends_sentence(
        &self,
        t: usize,
        cluster: &Cluster,
        next: usize,
        indented: bool,
    ) -> bool {
        let Some(first) = first_after_openers(self.text, next) else {
            return false;
        };
        if first.is_lowercase() || matches!(first, ',' | ';' | ':') {
            return false;
        }
        if cluster.strong || cluster.periods >= 2 || cluster.non_ascii {
            return true;
        }
        match classify_abbrev(self.text, t) {
            Abbrev::None => true,
            Abbrev::Title => false,
            Abbrev::MayEnd => {
                indented || (!first.is_ascii_digit() && starts_with_function_word(self.text, next))
            }
        }
    }

    /// Whether UAX #29 puts a boundary between `end` and `next` (inclusive),
    /// judged on a small window around them.
    fn uax_confirms(&self, t: usize, end: usize, next: usize) -> bool {
        let text = self.text;
        if surely_breaks(text, t, end, next) {
            return true;
        }
        let window_start = confirm_window_start(text, self.handled_to, t);
        let (window_end, settled) = confirm_window_end(text, next);
        // The window also spans the cluster and the gap, which have no
        // natural bound, and this UAX #29 implementation is quadratic in a
        // run of closing marks or spaces after a full stop.
        if window_end - window_start > CONFIRM_MAX_WINDOW {
            return false;
        }
        let Some(window) = text.get(window_start..window_end) else {
            return false;
        };
        let breaks = |window: &str| {
            window
                .split_sentence_bound_indices()
                .map(|(i, _)| window_start + i)
                .any(|b| b >= end && b <= next)
        };
        if !breaks(window) {
            return false;
        }
        if settled {
            return true;
        }
        // SB8 may have looked past the window's end, where a lowercase letter
        // would have prevented the break. Append one: if the break survives,
        // it did not depend on what the window cut off.
        let mut buf = [0u8; CONFIRM_MAX_WINDOW + 1];
        let len = window.len();
        let Some(copy) = buf.get_mut(..len) else {
            return false;
        };
        copy.copy_from_slice(window.as_bytes());
        let Some(byte) = buf.get_mut(len) else {
            return false;
        };
        *byte = b'a';
        buf.get(..=len)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .is_some_and(breaks)
    }

    /// Whether the line ending at `line_end` (before a single line break)
    /// is a headline-like line of its own rather than a hard-wrapped one;
    /// `next` is the start of the following line.
    fn is_headline(&self, line_end: usize, next: usize) -> bool {
        let text = self.text;
        if !first_after_openers(text, next).is_some_and(char::is_uppercase) {
            return false;
        }
        let Some(line) = line_before(text, line_end) else {
            return false;
        };
        let line = line.trim_start();
        let Some(last) = line.chars().next_back() else {
            return false;
        };
        if matches!(
            last,
            ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | '[' | '/' | '&' | '+' | '='
        ) {
            return false;
        }
        let Some(following) = text.get(next..) else {
            return false;
        };
        let next_word = following
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let line_chars = char_count(line);
        let fits = line_chars + 1 + char_count(next_word);
        let short = line_chars.saturating_mul(3).div_ceil(2);
        let width_needed = fits.max(short);
        if width_needed > MIN_WRAP_COLUMNS && !line_length_reaches(following, width_needed) {
            return false;
        }
        let mut words = 0;
        let mut last_word = "";
        for word in line.split_whitespace() {
            words += 1;
            last_word = word;
        }
        words <= HEADLINE_MAX_WORDS && !is_connective(last_word) && !is_dateline(line)
    }

    /// Whether the non-ASCII character `c` is a sentence terminator, as UAX
    /// #29 sees it.
    fn non_ascii_term(&mut self, c: char) -> Option<Term> {
        match c {
            '\u{00}'..='\u{33F}'
            | '\u{2010}'..='\u{2023}'
            | '\u{2025}'..='\u{203B}'
            | '\u{20A0}'..='\u{20CF}' => return None,
            c if c.is_alphanumeric() || c.is_whitespace() => return None,
            _ => {}
        }
        let slot = (c as usize) % self.term_cache.len();
        if let Some(&(cached, term)) = self.term_cache.get(slot) {
            if cached == c {
                return term;
            }
        }
        let term = probe_term(c);
        if let Some(entry) = self.term_cache.get_mut(slot) {
            *entry = (c, term);
        }
        term
    }
}

/// Asks UAX #29 whether `c` is a terminator: one is followed by a boundary
/// before a capital, and an STerm also before a lowercase letter.
fn probe_term(c: char) -> Option<Term> {
    let breaks_before = |follower: char| {
        let mut buf = [0u8; 16];
        let mut len = 0;
        for part in ['a', c, ' ', follower] {
            let Some(slot) = buf.get_mut(len..) else {
                return false;
            };
            len += part.encode_utf8(slot).len();
        }
        let Some(probe) = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else {
            return false;
        };
        probe.split_sentence_bound_indices().any(|(i, _)| i > 0)
    };
    if !breaks_before('A') {
        None
    } else if breaks_before('b') {
        Some(Term::STerm)
    } else {
        Some(Term::ATerm)
    }
}

/// A run of whitespace.
struct Gap {
    /// Byte offset just past it.
    end: usize,
    /// How many line breaks it holds (CR LF counts once, a paragraph
    /// separator twice).
    breaks: usize,
    /// How many columns of whitespace follow its last line break (a tab
    /// counts two).
    indent: usize,
}

/// Whether UAX #29 surely puts a boundary at `next`, judged without running
/// it: the cluster `t..end` is ASCII terminators and closing marks, then come
/// spaces alone, then a capital letter, perhaps after opening quotes or
/// brackets (`. "The`, the usual start of a quotation). Most sentences end
/// so. No rule holds such a break back: SB6 and SB7 need the digit or
/// capital right after the full stop, SB8 a lower-case letter as the first
/// letter after the spaces (quotes and brackets are passed over to find it),
/// SB8a a continuation mark or another terminator; so SB11 breaks before
/// the capital or the quote. This holds
/// however long the cluster and the spaces are, so such a break is also
/// found where the window would be too long to give the segmenter.
fn surely_breaks(text: &str, t: usize, end: usize, next: usize) -> bool {
    let bytes = text.as_bytes();
    let (Some(cluster), Some(gap)) = (bytes.get(t..end), bytes.get(end..next)) else {
        return false;
    };
    cluster
        .iter()
        .all(|b| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']'))
        && !gap.is_empty()
        && gap.iter().all(|&b| b == b' ')
        && bytes
            .get(next..)
            .and_then(|rest| {
                rest.iter()
                    .find(|b| !matches!(b, b'"' | b'\'' | b'(' | b'['))
            })
            .is_some_and(u8::is_ascii_uppercase)
}

/// Skips the whitespace from `from`.
fn scan_gap(text: &str, from: usize) -> Gap {
    let mut gap = Gap {
        end: text.len(),
        breaks: 0,
        indent: 0,
    };
    let Some(rest) = text.get(from..) else {
        return gap;
    };
    let mut after_cr = false;
    // ASCII whitespace byte by byte; the first non-ASCII character hands over
    // to the character-wise loop.
    let mut ascii_len = rest.len();
    for (i, &b) in rest.as_bytes().iter().enumerate() {
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => {
                gap.breaks += 1;
                gap.indent = 0;
            }
            b'\t' => gap.indent += 2,
            b' ' | 0x0B | 0x0C => gap.indent += 1,
            b if b.is_ascii() => {
                gap.end = from + i;
                return gap;
            }
            _ => {
                ascii_len = i;
                break;
            }
        }
        after_cr = b == b'\r';
    }
    let Some(rest) = rest.get(ascii_len..) else {
        return gap;
    };
    for (i, c) in rest.char_indices() {
        match c {
            '\n' if after_cr => {}
            '\u{2029}' => gap.breaks += 2,
            c if is_line_break(c) => gap.breaks += 1,
            c if c.is_whitespace() => gap.indent += 1,
            _ => {
                gap.end = from + ascii_len + i;
                return gap;
            }
        }
        if is_line_break(c) {
            gap.indent = 0;
        }
        after_cr = c == '\r';
    }
    gap
}

/// The start of the window that lets UAX #29 decide a boundary after the
/// terminator at `t`, no earlier than `floor`.
///
/// Only rule SB7 looks before the terminator, at the last character that is
/// not Extend or Format (which UAX #29 attaches to the one before them). The
/// window therefore reaches back to an ASCII or whitespace character (never
/// Extend or Format), or to `floor` (just past a terminator or whitespace), or
/// at most [`CONFIRM_LOOKBEHIND`] bytes, which differs from UAX #29 only after
/// that many bytes of combining marks.
fn confirm_window_start(text: &str, floor: usize, t: usize) -> usize {
    let Some(before) = text.get(floor.min(t)..t) else {
        return t;
    };
    let mut start = t;
    for (i, c) in before.char_indices().rev() {
        start = floor + i;
        if c.is_ascii() || c.is_whitespace() || t - start >= CONFIRM_LOOKBEHIND {
            break;
        }
    }
    start
}

/// The end of the window that lets UAX #29 decide a boundary before `next`,
/// and whether it is settled: the window ends just past the first character
/// that surely ends rule SB8's look-ahead (an ASCII letter, a line break or an
/// ASCII terminator) or at the end of the text. Otherwise it is cut after
/// [`CONFIRM_LOOKAHEAD`] bytes, unsettled.
fn confirm_window_end(text: &str, next: usize) -> (usize, bool) {
    let Some(rest) = text.get(next..) else {
        return (text.len(), true);
    };
    for (i, c) in rest.char_indices() {
        if i >= CONFIRM_LOOKAHEAD {
            return (next + i, false);
        }
        if c.is_ascii_alphabetic() || is_line_break(c) || matches!(c, '.' | '!' | '?') {
            return (next + i + c.len_utf8(), true);
        }
    }
    (text.len(), true)
}

/// The line that ends at `line_end`, if it is at most
/// [`HEADLINE_MAX_BYTES`] long.
fn line_before(text: &str, line_end: usize) -> Option<&str> {
    let mut low = line_end.saturating_sub(HEADLINE_MAX_BYTES);
    while !text.is_char_boundary(low) && low < line_end {
        low += 1;
    }
    let span = text.get(low..line_end)?;
    // Bytes first: only a non-ASCII byte needs the character-wise search.
    let found = last_break_or_non_ascii(span.as_bytes());
    let line_start = match found {
        Some(k) if span.as_bytes().get(k).is_some_and(u8::is_ascii) => Some(k + 1),
        Some(_) => span
            .char_indices()
            .rev()
            .find(|&(_, c)| is_line_break(c))
            .map(|(k, c)| k + c.len_utf8()),
        None => None,
    };
    match line_start {
        Some(k) => span.get(k..),
        None if low == 0 => Some(span),
        None => None,
    }
}

/// The high bit of each byte of `block` that is a line feed, a carriage
/// return or not ASCII, and of no other.
#[inline]
fn breaks_or_non_ascii(block: u64) -> u64 {
    block & HIGH | equal_bytes(block, b'\n') | equal_bytes(block, b'\r')
}

/// Whether the line scans stop at `b`: [`breaks_or_non_ascii`] for a byte.
fn is_break_or_non_ascii(b: u8) -> bool {
    matches!(b, b'\n' | b'\r') || !b.is_ascii()
}

/// The position of the last byte of `bytes` that is a line feed, a
/// carriage return or not ASCII: eight bytes at a time from the end, as
/// the line before a line break is found.
fn last_break_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(&block) = end
        .checked_sub(8)
        .and_then(|start| bytes.get(start..end))
        .and_then(|block| block.first_chunk::<8>())
    {
        let found = breaks_or_non_ascii(u64::from_le_bytes(block));
        if found != 0 {
            return Some(end - 8 + (63 - found.leading_zeros() as usize) / 8);
        }
        end -= 8;
    }
    bytes
        .get(..end)?
        .iter()
        .rposition(|&b| is_break_or_non_ascii(b))
}

/// The number of characters in `s`.
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether the line that starts `text` is at least `width` characters long.
fn line_length_reaches(text: &str, width: usize) -> bool {
    let head = text.as_bytes().get(..width).unwrap_or(text.as_bytes());
    let ascii_run =
        first_marked(head, 0, breaks_or_non_ascii, is_break_or_non_ascii).unwrap_or(head.len());
    if ascii_run >= width {
        return true;
    }
    match text.as_bytes().get(ascii_run) {
        Some(b) if !b.is_ascii() => {
            text.get(ascii_run..)
                .map_or(0, |rest| {
                    rest.chars()
                        .take_while(|&c| !is_line_break(c))
                        .take(width - ascii_run)
                        .count()
                })
                .saturating_add(ascii_run)
                >= width
        }
        _ => false,
    }
}

/// The first character at `at` after any opening quotes or brackets.
fn first_after_openers(text: &str, at: usize) -> Option<char> {
    let rest = text.get(at..)?;
    match rest.as_bytes().first() {
        // Most often a letter, at once.
        Some(&b) if b.is_ascii() && !is_opener(char::from(b)) => Some(char::from(b)),
        _ => rest.chars().find(|&c| !is_opener(c)),
    }
}

/// Whether the text at `at` starts, after openers, with a capitalised
/// function word that (almost) always starts a sentence.
fn starts_with_function_word(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let rest = rest.trim_start_matches(is_opener);
    let len = rest
        .bytes()
        .take(16)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (Some(word), Some(after)) = (rest.get(..len), rest.get(len..)) else {
        return false;
    };
    let after = after.chars().next();
    if after.is_some_and(|c| c == '.' || c.is_alphanumeric()) {
        return false;
    }
    is_function_word(word)
}

/// Classifies the word that ends at the full stop at `t`.
fn classify_abbrev(text: &str, t: usize) -> Abbrev {
    let Some(before) = text.get(..t) else {
        return Abbrev::None;
    };
    let len = before
        .bytes()
        .rev()
        .take(12)
        .take_while(|&b| b.is_ascii_alphabetic() || b == b'.')
        .count();
    let word_start = t - len;
    let preceding = before.get(..word_start).and_then(|b| b.chars().next_back());
    let whole_word = !matches!(preceding, Some(c) if c.is_alphanumeric() || c == '.');
    match before.get(word_start..) {
        Some(word) if whole_word && !word.is_empty() => classify_word(word),
        _ => Abbrev::None,
    }
}

/// Classifies an ASCII word (letters and inner full stops) that precedes a
/// full stop.
fn classify_word(word: &str) -> Abbrev {
    if matches!(
        word,
        "vs" | "v" | "e.g" | "i.e" | "cf" | "viz" | "approx" | "est" | "ca" | "incl"
    ) {
        return Abbrev::Title;
    }
    if matches!(word, "etc" | "a.m" | "p.m") {
        return Abbrev::MayEnd;
    }
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    if !capitalised {
        return Abbrev::None;
    }
    if word.len() == 1 {
        return Abbrev::MayEnd;
    }
    if let Some(abbrev) = listed_abbreviation(word) {
        return abbrev;
    }
    let dotted = word.contains('.') && word.split('.').all(|part| (1..=3).contains(&part.len()));
    if dotted {
        Abbrev::MayEnd
    } else {
        Abbrev::None
    }
}

/// A word of up to eight bytes with its ASCII letters in lower case, as one
/// little-endian integer (zero past its end); `None` for a longer word.
fn lower_key(word: &str) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    Some(word.bytes().enumerate().fold(0, |key, (i, b)| {
        key | u64::from(b.to_ascii_lowercase()) << (8 * i)
    }))
}

/// What [`TITLES`] or [`MAY_END`] makes of `word`, in any case.
fn listed_abbreviation(word: &str) -> Option<Abbrev> {
    let key = lower_key(word)?;
    let i = ABBREVIATIONS.binary_search_by_key(&key, |&(k, _)| k).ok()?;
    ABBREVIATIONS.get(i).map(|&(_, abbrev)| abbrev)
}

/// [`TITLES`] and [`MAY_END`] by [`lower_key`], sorted: a capitalised word
/// before a full stop (a name or a place, as often as not) is looked up in
/// a few compares, where going through both lists took a hundred.
static ABBREVIATIONS: Lazy<Vec<(u64, Abbrev)>> = Lazy::new(|| {
    let listed = |words: &'static [&'static str], abbrev: Abbrev| {
        words
            .iter()
            .filter_map(move |w| lower_key(w).map(|key| (key, abbrev)))
    };
    let mut all: Vec<(u64, Abbrev)> = listed(TITLES, Abbrev::Title)
        .chain(listed(MAY_END, Abbrev::MayEnd))
        .collect();
    all.sort_unstable_by_key(|&(key, _)| key);
    all
});

/// Abbreviations that come before a name and never end a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
    "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev",
    "Hon", "Pres", "Amb", "Supt", "Insp", "Det", "Atty", "Rt", "St", "Ste", "Mt", "Ft", "Fr",
];

/// Abbreviations that usually continue a sentence but may end one.
const MAY_END: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Esq", "Jan", "Feb", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Fig", "Vol", "Ave", "Blvd", "Rd", "Dept", "Univ",
    "Assn", "Hwy", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo",
];

/// Capitalised words that start a sentence rather than continue a name such
/// as "U.S. Embassy" or "Acme Inc. Chief Executive".
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "To"
            | "With"
            | "Of"
            | "As"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "If"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "Until"
            | "Despite"
            | "During"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Also"
            | "Now"
            | "Then"
            | "Later"
            | "Earlier"
            | "Last"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "Each"
            | "All"
            | "Such"
            | "Officials"
            | "Analysts"
            | "Police"
            | "Authorities"
            | "Critics"
            | "Experts"
            | "Investors"
            | "Residents"
            | "Witnesses"
            | "Lawmakers"
            | "According"
    )
}

/// Whether `line` looks like a dateline on a line of its own ("BAGHDAD",
/// "NEW YORK (Reuters)"): at most four words, in capitals apart from a final
/// parenthesis. A dateline belongs to the sentence after it.
fn is_dateline(line: &str) -> bool {
    let place = match line.rfind('(') {
        Some(open) if line.ends_with(')') => line.get(..open).unwrap_or(line),
        _ => line,
    };
    let mut letters = place.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2
        && letters.all(char::is_uppercase)
        && place.split_whitespace().count() <= 4
}

/// Lowercase words that cannot end a headline, only a wrapped line.
fn is_connective(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "that"
            | "as"
    )
}

/// Line and paragraph separators (UAX #29 ParaSep).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{FF09}'
            | '\u{FF3D}'
            | '\u{3009}'
            | '\u{300B}'
            | '\u{3011}'
    )
}

/// Opening quotes and brackets that may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{2018}'
            | '\u{201C}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{FF08}'
    )
}

#[cfg(test)]
mod tests {
    use super::{
        classify_word, first_after_openers, is_candidate_byte, is_opener, last_break_or_non_ascii,
        line_length_reaches, listed_abbreviation, needs_no_decision, next_candidate,
        split_sentences, surely_breaks, Abbrev, MAY_END, TITLES,
    };

    use unicode_segmentation::UnicodeSegmentation;

    /// Where the candidate scan must stop in `bytes` from `from`: the first
    /// candidate byte that needs a decision.
    fn first_candidate(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&i| is_candidate_byte(bytes[i]) && !needs_no_decision(bytes, i))
    }

    #[test]
    fn the_candidate_scan_stops_where_the_byte_test_does() {
        // Bytes either side of each threshold and each candidate, in every
        // lane: strings of up to four, placed after 0, 3 or 8 plain bytes and
        // scanned from every place.
        let alphabet = [
            b'a', b'.', b'!', b'?', b'\n', b'\r', b'\t', 0x00, 0x0D, 0x0E, 0x0F, b' ', 0x7F, 0x80,
            0xC2, 0xE2, b'A', b'1',
        ];
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = strings.clone();
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |&b| [s.as_slice(), &[b]].concat()))
                .collect();
            strings.extend(last.iter().cloned());
        }
        for s in &strings {
            for pad in [0, 3, 8] {
                let bytes = [&b"xxxxxxxx"[..pad], s, b"yyyyyyy"].concat();
                for from in 0..bytes.len() {
                    let expected = first_candidate(&bytes, from);
                    assert_eq!(next_candidate(&bytes, from), expected, "{bytes:?} {from}");
                }
            }
        }
    }

    #[test]
    fn the_first_letter_after_openers_is_read_at_once_as_the_long_way_would() {
        // Every string of up to three of these pieces, read from each place.
        let pieces = [
            "a", "A", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\"", "(", "{", "\u{a0}",
            "\u{201c}", "\u{e9}", ".",
        ];
        for text in &crate::tagger::concatenations(&pieces, 3) {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    first_after_openers(text, at),
                    text[at..].chars().find(|&c| !is_opener(c)),
                    "{text:?} {at}"
                );
            }
        }
    }

    #[test]
    fn line_scans_find_the_line_ends_a_byte_test_finds() {
        // Line ends and other characters, one or two, at every place of
        // up to 40 bytes, so that the eight-byte steps hold them in every
        // lane and the bytes left over hold them too.
        let stops = ["\n", "\r", "\r\n", "\u{e9}", "\u{2028}"];
        for len in 0..40usize {
            for first in 0..=len {
                for stop in stops {
                    for second in [None, Some(len / 2), Some(len.saturating_sub(1))] {
                        let mut text = "x".repeat(len);
                        if let Some(at) = second.filter(|&at| at > first && at < len) {
                            text.replace_range(at..=at, stop);
                        }
                        if first < text.len() {
                            text.replace_range(first..=first, stop);
                        }
                        let bytes = text.as_bytes();
                        let last = bytes
                            .iter()
                            .rposition(|&b| matches!(b, b'\n' | b'\r') || !b.is_ascii());
                        assert_eq!(last_break_or_non_ascii(bytes), last, "{text:?}");
                        let line = text.split(super::is_line_break).next().unwrap_or("");
                        for width in 0..=len + 2 {
                            assert_eq!(
                                line_length_reaches(&text, width),
                                line.chars().count() >= width,
                                "{text:?} {width}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_candidate_scan_finds_candidates_far_into_long_stretches() {
        // One byte of each kind at every place of 100 plain bytes (letters,
        // or spaces), so that 32-byte chunks pass whole before it and hold
        // it at each of their places; scanned from every place before it.
        // The byte after it is each kind that decides whether a terminator
        // or a line feed needs a decision, the ends of their ranges too.
        for filler in [b'a', b' '] {
            assert_eq!(next_candidate(&[filler; 100], 0), None);
            for b in [
                b'.', b'!', b'?', b'\n', b'\r', 0x00, 0x0D, 0x0E, 0x7F, 0x80, 0xC2, 0xE2,
            ] {
                for after in [
                    filler, b'a', b'z', b'`', b'{', b'A', b'Z', b'0', b'9', b' ', 0x80,
                ] {
                    for at in 0..100 {
                        let mut bytes = vec![filler; 100];
                        bytes[at] = b;
                        if let Some(next) = bytes.get_mut(at + 1) {
                            *next = after;
                        }
                        for from in 0..=at {
                            assert_eq!(
                                next_candidate(&bytes, from),
                                first_candidate(&bytes, from),
                                "{b:#x} before {after:#x} at {at} from {from}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The sentences of `text` as strings, with no protected ranges.
    fn split(text: &str) -> Vec<&str> {
        split_protected(text, &[])
    }

    /// The sentences of `text` as strings.
    fn split_protected<'t>(text: &'t str, protected: &[(usize, usize)]) -> Vec<&'t str> {
        let ranges = split_sentences(text, protected);
        check_invariants(text, protected, &ranges);
        ranges
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap_or("<not a char boundary>"))
            .collect()
    }

    /// Asserts what must hold for any input.
    fn check_invariants(text: &str, protected: &[(usize, usize)], ranges: &[(usize, usize)]) {
        let mut covered_to = 0;
        for &(s, e) in ranges {
            assert!(s < e, "empty range {s}..{e} in {text:?}");
            assert!(
                s >= covered_to,
                "ranges overlap or are unordered in {text:?}"
            );
            let gap = text.get(covered_to..s);
            assert!(
                gap.is_some_and(|g| g.chars().all(char::is_whitespace)),
                "non-whitespace between sentences before {s} in {text:?}"
            );
            let sentence = text.get(s..e);
            assert!(
                sentence.is_some(),
                "{s}..{e} not on char boundaries in {text:?}"
            );
            let sentence = sentence.unwrap_or_default();
            assert_eq!(sentence, sentence.trim(), "untrimmed sentence in {text:?}");
            covered_to = e;
        }
        let tail = text.get(covered_to..);
        assert!(
            tail.is_some_and(|t| t.chars().all(char::is_whitespace)),
            "text after the last sentence in {text:?}"
        );
        for pair in ranges.windows(2) {
            let [(_, end), (next, _)] = pair else {
                continue;
            };
            for &(ps, pe) in protected {
                let cut = ps < pe && ps < *next && pe > *end && !(ps >= *end && pe <= *next);
                assert!(
                    !cut,
                    "boundary {end}..{next} cuts protected {ps}..{pe} in {text:?}"
                );
            }
        }
    }

    /// Asserts that every boundary between two sentences lies on a UAX #29
    /// sentence boundary, which the module promises.
    fn check_uax_subset(text: &str, ranges: &[(usize, usize)]) {
        let uax: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(i, _)| i)
            .collect();
        for pair in ranges.windows(2) {
            let [(_, end), (next, _)] = pair else {
                continue;
            };
            assert!(
                uax.iter().any(|b| b >= end && b <= next),
                "boundary {end}..{next} is not a UAX #29 boundary in {text:?}"
            );
        }
    }

    #[test]
    fn plain_breaks_are_uax_breaks() {
        let mut checked = 0;
        for before in ["word", "U", "3", "a", "", "\u{e9}", "\"", "e.g"] {
            for cluster in [
                ".", "!", "?", "...", "?!", ".\"", ".'", ".)", "!\")", ".]", "?'\"", ".\".",
            ] {
                for gap in [" ", "  ", "   "] {
                    for after in [
                        "The", "A", "U.S.", "X", "I'm", "Ab", "\"The", "'A", "(X", "[Ab", "\"(I",
                    ] {
                        let text = format!("{before}{cluster}{gap}{after}");
                        let t = before.len();
                        let (end, next) = (t + cluster.len(), t + cluster.len() + gap.len());
                        assert!(surely_breaks(&text, t, end, next), "{text:?}");
                        assert!(
                            text.split_sentence_bound_indices()
                                .any(|(b, _)| b >= end && b <= next),
                            "no UAX #29 break in {text:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 8 * 12 * 3 * 11);
        // What it leaves to UAX #29.
        for (text, t, end, next) in [
            ("a. b", 1, 2, 3),
            ("a.\tB", 1, 2, 3),
            ("a.B", 1, 2, 2),
            ("a.\u{201d} B", 1, 5, 6),
            ("a. \u{c9}", 1, 2, 3),
            ("a., B", 1, 3, 4),
            ("a. \"b", 1, 2, 3),
            ("a. (5", 1, 2, 3),
            ("a. \u{201c}B", 1, 2, 3),
            ("a. \"", 1, 2, 3),
        ] {
            assert!(!surely_breaks(text, t, end, next), "{text:?}");
        }
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\r\n \u{a0}\u{3000}").is_empty());
    }

    #[test]
    fn plain_sentences_split_and_are_trimmed() {
        assert_eq!(
            split("  The talks ended on Friday.  Both sides left Geneva.\n"),
            ["The talks ended on Friday.", "Both sides left Geneva."]
        );
        assert_eq!(split("No final period here"), ["No final period here"]);
        // However many spaces: too long a window for the segmenter, but
        // not for the shortcut, which decides the same as UAX #29 would.
        let spaced = format!("The talks ended.{}Both sides left.", " ".repeat(300));
        assert_eq!(split(&spaced), ["The talks ended.", "Both sides left."]);
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            split("Will the deal hold? Nobody knows! Talks resume today."),
            [
                "Will the deal hold?",
                "Nobody knows!",
                "Talks resume today."
            ]
        );
        assert_eq!(
            split("Is it over?! The minister would not say."),
            ["Is it over?!", "The minister would not say."]
        );
    }

    #[test]
    fn abbreviations_are_looked_up_in_any_case() {
        // The lists as they were searched: each word, ignoring ASCII case.
        let by_lists = |word: &str| {
            if TITLES.iter().any(|t| t.eq_ignore_ascii_case(word)) {
                Some(Abbrev::Title)
            } else if MAY_END.iter().any(|a| a.eq_ignore_ascii_case(word)) {
                Some(Abbrev::MayEnd)
            } else {
                None
            }
        };
        let mut words: Vec<String> = Vec::new();
        for listed in TITLES.iter().chain(MAY_END) {
            for word in [
                listed.to_string(),
                listed.to_uppercase(),
                listed.to_lowercase(),
            ] {
                words.push(format!("{word}s"));
                words.push(format!("{word}.x"));
                words.push(word[..word.len() - 1].to_string());
                words.push(word);
            }
        }
        words.extend(["Governor", "Stephens", "Mississippi", "Co.Ltd", "MRS"].map(String::from));
        let mut listed = 0;
        for word in &words {
            let expected = by_lists(word);
            let found = listed_abbreviation(word);
            assert_eq!(found, expected, "{word:?}");
            listed += usize::from(found.is_some());
        }
        assert!(listed > 250, "{listed}");
        // Capitalised listed words take their list's part; others none.
        assert_eq!(classify_word("MR"), Abbrev::Title);
        assert_eq!(classify_word("Calif"), Abbrev::MayEnd);
        assert_eq!(classify_word("Baghdad"), Abbrev::None);
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split("Mr. Grant met Dr. Ortiz and Lt. Col. Dana Reyes. Gen. Hall was absent."),
            [
                "Mr. Grant met Dr. Ortiz and Lt. Col. Dana Reyes.",
                "Gen. Hall was absent."
            ]
        );
        assert_eq!(
            split("Sen. Ward and Rep. Lee spoke, and so did Gov. Park and Prof. Kim."),
            ["Sen. Ward and Rep. Lee spoke, and so did Gov. Park and Prof. Kim."]
        );
        assert_eq!(
            split("The letter was signed by Capt. The Hon. Peter Vale."),
            ["The letter was signed by Capt. The Hon. Peter Vale."]
        );
    }

    #[test]
    fn country_abbreviations_end_a_sentence_only_before_a_function_word() {
        assert_eq!(
            split("Protesters gathered outside the U.S. Embassy on Monday."),
            ["Protesters gathered outside the U.S. Embassy on Monday."]
        );
        assert_eq!(
            split("The letter was sent to the U.S. The embassy said it had replied."),
            [
                "The letter was sent to the U.S.",
                "The embassy said it had replied."
            ]
        );
        assert_eq!(
            split("Aid reached the U.N. Officials said more was coming."),
            ["Aid reached the U.N.", "Officials said more was coming."]
        );
        assert_eq!(
            split("Ties between the U.K. and the E.U. worsened. In Washington, D.C. It rained."),
            [
                "Ties between the U.K. and the E.U. worsened.",
                "In Washington, D.C.",
                "It rained."
            ]
        );
    }

    #[test]
    fn company_suffixes_end_a_sentence_only_before_a_function_word() {
        assert_eq!(
            split("Acme Corp. Chief Executive Jo Lin said sales rose at Acme Inc. last year."),
            ["Acme Corp. Chief Executive Jo Lin said sales rose at Acme Inc. last year."]
        );
        assert_eq!(
            split("The unit was sold to Brightwater Co. It had been for sale since 2019."),
            [
                "The unit was sold to Brightwater Co.",
                "It had been for sale since 2019."
            ]
        );
        assert_eq!(
            split("Shares of Harbor Ltd. But analysts were wary."),
            ["Shares of Harbor Ltd.", "But analysts were wary."]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            split("Secretary of State Michael R. Pompeo met J. K. Rowling and E. B. White."),
            ["Secretary of State Michael R. Pompeo met J. K. Rowling and E. B. White."]
        );
        assert_eq!(
            split("The team finished first in Group B. It plays again on Sunday."),
            [
                "The team finished first in Group B.",
                "It plays again on Sunday."
            ]
        );
    }

    #[test]
    fn months_numbers_and_latin_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            split("The vote is set for Sept. 14 and the count for Oct. 2, with No. 2 in line."),
            ["The vote is set for Sept. 14 and the count for Oct. 2, with No. 2 in line."]
        );
        assert_eq!(
            split(
                "Exports, e.g. Grain and timber, rose approx. 4 percent, i.e. Faster than imports."
            ),
            ["Exports, e.g. Grain and timber, rose approx. 4 percent, i.e. Faster than imports."]
        );
        assert_eq!(
            split("It was Rivera vs. Lopez, a club est. 1904, and etc. and so on."),
            ["It was Rivera vs. Lopez, a club est. 1904, and etc. and so on."]
        );
        assert_eq!(
            split("The plan was announced in Dec. The reaction was mixed."),
            ["The plan was announced in Dec.", "The reaction was mixed."]
        );
    }

    #[test]
    fn times_and_decimals_do_not_end_a_sentence() {
        assert_eq!(
            split("Prices rose 3.5 percent to $1.2 billion by 10 a.m. Tuesday, traders said."),
            ["Prices rose 3.5 percent to $1.2 billion by 10 a.m. Tuesday, traders said."]
        );
        assert_eq!(
            split("The market opened at 9 a.m. The first trade came at 9:01 p.m. on Friday."),
            [
                "The market opened at 9 a.m.",
                "The first trade came at 9:01 p.m. on Friday."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            split("He paused... and then went on. The crowd waited... Then it left."),
            [
                "He paused... and then went on.",
                "The crowd waited...",
                "Then it left."
            ]
        );
    }

    #[test]
    fn datelines_belong_to_the_first_sentence() {
        assert_eq!(
            split("BAGHDAD\u{2014}Secretary of State Michael R. Pompeo arrived on Tuesday. He met officials."),
            [
                "BAGHDAD\u{2014}Secretary of State Michael R. Pompeo arrived on Tuesday.",
                "He met officials."
            ]
        );
        assert_eq!(
            split("BAGHDAD (Reuters) - Talks resumed on Monday. Both sides attended."),
            [
                "BAGHDAD (Reuters) - Talks resumed on Monday.",
                "Both sides attended."
            ]
        );
        assert_eq!(
            split("WASHINGTON, Jan. 5 (Reuters) - The Senate adjourned. It returns in March."),
            [
                "WASHINGTON, Jan. 5 (Reuters) - The Senate adjourned.",
                "It returns in March."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("He said, \"We will leave.\" Then he left."),
            ["He said, \"We will leave.\"", "Then he left."]
        );
        assert_eq!(
            split("(The talks failed.) Officials blamed the weather."),
            ["(The talks failed.)", "Officials blamed the weather."]
        );
        assert_eq!(
            split("She said, \u{201c}We will stay.\u{201d} Then she sat down."),
            [
                "She said, \u{201c}We will stay.\u{201d}",
                "Then she sat down."
            ]
        );
        assert_eq!(
            split("He called it \u{2018}a good start.\u{2019} Others disagreed."),
            [
                "He called it \u{2018}a good start.\u{2019}",
                "Others disagreed."
            ]
        );
        assert_eq!(
            split("The deal \"is done.\") \"We are pleased,\" she said."),
            ["The deal \"is done.\")", "\"We are pleased,\" she said."]
        );
    }

    #[test]
    fn a_question_in_quotes_before_its_attribution_does_not_split() {
        assert_eq!(
            split("\"Why now?\" he asked. \"Because!\" she replied."),
            ["\"Why now?\" he asked.", "\"Because!\" she replied."]
        );
    }

    #[test]
    fn blank_lines_end_sentences_without_punctuation() {
        assert_eq!(
            split("Talks collapse in Geneva\n\nNegotiators left on Friday."),
            ["Talks collapse in Geneva", "Negotiators left on Friday."]
        );
        assert_eq!(
            split("Markets rally\r\n\r\nShares rose\n \n\n\nBonds fell"),
            ["Markets rally", "Shares rose", "Bonds fell"]
        );
        assert_eq!(
            split("Aid was flown to the U.S.\n\nvolunteers waited"),
            ["Aid was flown to the U.S.", "volunteers waited"]
        );
        assert_eq!(
            split("First part\u{2029}Second part"),
            ["First part", "Second part"]
        );
    }

    #[test]
    fn a_headline_line_before_a_body_is_a_sentence() {
        assert_eq!(
            split("Ministers agree budget deal\nThe finance ministers of the region agreed a budget late on Friday after two days of talks."),
            [
                "Ministers agree budget deal",
                "The finance ministers of the region agreed a budget late on Friday after two days of talks."
            ]
        );
        assert_eq!(
            split("Storm hits coast\nPower was cut."),
            ["Storm hits coast", "Power was cut."]
        );
        assert_eq!(
            split("Port strike spreads\nDockers in three cities walked out on Monday, union leaders said,\nand more are expected to follow them this week."),
            [
                "Port strike spreads",
                "Dockers in three cities walked out on Monday, union leaders said,\nand more are expected to follow them this week."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_not_sentences() {
        let text = "The central bank said on Tuesday that it would keep its main\n\
                    interest rate unchanged for a third month, citing weak demand\n\
                    across Europe and Asia, and Governor Maria Lopez told reporters\n\
                    Washington had been informed. Markets barely moved.";
        assert_eq!(
            split(text),
            [
                "The central bank said on Tuesday that it would keep its main\n\
                 interest rate unchanged for a third month, citing weak demand\n\
                 across Europe and Asia, and Governor Maria Lopez told reporters\n\
                 Washington had been informed.",
                "Markets barely moved."
            ]
        );
        let text = "Exports rose to 4.1 billion dlrs in March from 3.8 billion in\n\
                    February, the ministry said, while imports to the Netherlands\n\
                    Antilles fell.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn an_abbreviation_before_an_indented_line_ends_the_sentence() {
        assert_eq!(
            split("The quota for exports to the U.S.\n    Alvarez said the cut would hurt.\n"),
            [
                "The quota for exports to the U.S.",
                "Alvarez said the cut would hurt."
            ]
        );
        assert_eq!(
            split("Exports to the U.S.\nAlvarez said the cut would hurt."),
            ["Exports to the U.S.\nAlvarez said the cut would hurt."]
        );
    }

    #[test]
    fn a_line_ending_a_sentence_splits_at_a_single_line_break() {
        assert_eq!(
            split("The vote was close.\nThe result is due on Monday."),
            ["The vote was close.", "The result is due on Monday."]
        );
    }

    #[test]
    fn protected_ranges_are_never_cut() {
        let text = "She works for Yahoo! Inc. in London.";
        assert_eq!(split(text), ["She works for Yahoo!", "Inc. in London."]);
        assert_eq!(split_protected(text, &[(14, 25)]), [text]);

        let text = "He left Acme Ltd. The Band played on.";
        assert_eq!(split(text), ["He left Acme Ltd.", "The Band played on."]);
        assert_eq!(split_protected(text, &[(8, 26)]), [text]);
        assert_eq!(
            split_protected(text, &[(0, 2), (8, 16), (30, 36)]),
            ["He left Acme Ltd.", "The Band played on."]
        );

        let text = "Club Sporting\n\nLisbon won.";
        assert_eq!(split_protected(text, &[(5, 21)]), [text]);
    }

    #[test]
    fn protected_ranges_out_of_order_or_out_of_bounds_do_not_panic() {
        let text = "One. Two. Three.";
        let ranges = split_sentences(
            text,
            &[(50, 90), (9, 2), (3, 3), (usize::MAX - 1, usize::MAX)],
        );
        assert_eq!(ranges.len(), 3);
    }

    #[test]
    fn cjk_full_stops_split_without_spaces() {
        assert_eq!(
            split("\u{4f1a}\u{8bae}\u{7ed3}\u{675f}\u{4e86}\u{3002}\u{4ee3}\u{8868}\u{79bb}\u{5f00}\u{4e86}\u{ff01}"),
            ["\u{4f1a}\u{8bae}\u{7ed3}\u{675f}\u{4e86}\u{3002}", "\u{4ee3}\u{8868}\u{79bb}\u{5f00}\u{4e86}\u{ff01}"]
        );
    }

    #[test]
    fn table_of_cases() {
        let table = include_str!("../../tests/data/sentences.txt");
        let mut cases: Vec<(String, Vec<String>, usize)> = Vec::new();
        for (number, line) in table.lines().enumerate() {
            if let Some(text) = line.strip_prefix("> ") {
                cases.push((unescape(text), Vec::new(), number + 1));
            } else if let Some(sentence) = line.strip_prefix("= ") {
                let last = cases.last_mut();
                assert!(
                    last.is_some(),
                    "line {}: expected sentence before any case",
                    number + 1
                );
                if let Some((_, expected, _)) = last {
                    expected.push(unescape(sentence));
                }
            } else {
                let line = line.trim();
                assert!(
                    line.is_empty() || line.starts_with('#'),
                    "line {}: not a case, sentence or comment",
                    number + 1
                );
            }
        }
        assert!(cases.len() >= 20, "table has only {} cases", cases.len());
        for (text, expected, line) in &cases {
            assert_eq!(&split(text), expected, "case on line {line}");
        }
    }

    /// Undoes the table's escapes: `\n`, `\r`, `\t` and `\\`.
    fn unescape(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        out
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let long_word = "x".repeat(1 << 20);
        let long_words = "word ".repeat(200_000);
        let periods = ".".repeat(100_000);
        let spaced_periods = ". ".repeat(100_000);
        let initials = "A. ".repeat(100_000);
        let lines = "a\n".repeat(100_000);
        let quotes = format!("End.{} Next", "\"".repeat(100_000));
        let digits = format!("End. {} and", "1 ".repeat(100_000));
        for text in [
            "\0\0.\0 \0",
            "\u{7}\u{1b}[0m. \u{8}?",
            "\u{301}. \u{301}\u{301}",
            ". ",
            "?",
            "\n",
            "\r\r\n\r",
            "a.\u{301} B",
            "\u{85}x\u{2028}y\u{2029}",
            "\u{ff0e}\u{3002}\u{ff0e}",
            &long_word,
            &long_words,
            &periods,
            &spaced_periods,
            &initials,
            &lines,
            &quotes,
            &digits,
        ] {
            let ranges = split_sentences(text, &[]);
            check_invariants(text, &[], &ranges);
        }
        assert_eq!(split(&periods), [periods.as_str()]);
        assert_eq!(split(&long_word), [long_word.as_str()]);
    }

    /// A small xorshift generator, so the property test needs no crates.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
        }
    }

    /// Any scalar value, half the time from the first 12k code points (the
    /// scripts, punctuation and marks news text is most likely to hold).
    fn random_char(rng: &mut XorShift) -> Option<char> {
        let limit = if rng.below(2) == 0 { 0x3000 } else { 0x3_0000 };
        char::from_u32(u32::try_from(rng.below(limit)).unwrap_or(0))
    }

    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "the", "said", "U.S", "Mr", "Inc", "R", "a.m", "The", "It", "Officials", "Embassy", "3.5",
        "1990", "\u{e9}t\u{e9}", "\u{4e2d}\u{6587}", "\u{1d54f}", "\u{301}", ".", ".", ".", "?",
        "!", "...", "\u{2026}", "\"", "'", "(", ")", "\u{201c}", "\u{201d}", "\u{2019}", "\u{2014}",
        " - ", ",", ";", ":", "\u{3002}", "\u{ff01}", "\u{ff0e}", "\u{203c}", "\u{37e}", " ", " ",
        " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{85}", "\u{2028}",
        "\u{2029}", "\u{3000}", "\0", "\u{7}",
    ];

    #[test]
    fn boundaries_agree_with_uax29_around_marks_and_symbols() {
        for text in [
            "It was said\u{301}\u{ff0e}Officials left.",
            "\u{1d54f}'!)\u{1d54f}\u{ff0e}The,",
            "x\u{ff0e} \u{708}\u{ac9}\u{2772}\u{2b7}Inc",
            "\u{21953}\u{ff0e}\u{220c} \u{2f5a}\u{36c}\u{2099} the",
        ] {
            let ranges = split_sentences(text, &[]);
            check_invariants(text, &[], &ranges);
            check_uax_subset(text, &ranges);
        }
    }

    #[test]
    fn invariants_hold_for_generated_text() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..1000 {
            let mut text = String::new();
            for _ in 0..rng.below(60) {
                if rng.below(4) == 0 {
                    text.extend(random_char(&mut rng));
                } else {
                    text.push_str(PIECES.get(rng.below(PIECES.len())).copied().unwrap_or(" "));
                }
            }
            let mut protected = Vec::new();
            let mut at = 0;
            while at < text.len() && rng.below(3) > 0 {
                let start = at + rng.below(12);
                let end = start + rng.below(16);
                if end > text.len() {
                    break;
                }
                if text.is_char_boundary(start) && text.is_char_boundary(end) {
                    protected.push((start, end));
                }
                at = end;
            }
            let ranges = split_sentences(&text, &protected);
            check_invariants(&text, &protected, &ranges);
            check_uax_subset(&text, &split_sentences(&text, &[]));
        }
    }
}
