//! The matching view of a text.
//!
//! Gazetteer surfaces and document text are both normalised before matching,
//! so that typographic variants of a name compare equal:
//!
//! - apostrophes `’ ‘ ʼ ʾ ʿ ′ ´ \`` become `'`;
//! - hyphens and en dashes `‐ ‑ ‒ – −` become `-` (the em dash stays: it
//!   separates words, as in a dateline "BAGHDAD—Secretary");
//! - Latin letters with diacritics lose them (`Kādhimī` → `Kadhimi`,
//!   `Erdoğan` → `Erdogan`, `ß` → `ss`);
//! - a run of white space (spaces, tabs, non-breaking and thin spaces, one line
//!   break) becomes one space, so a name broken across lines still matches;
//!   a run with two or more line breaks (a paragraph break) becomes `\n`, which
//!   no name contains;
//! - soft hyphens and zero-width characters are dropped.
//!
//! Case is kept: the tagger's case policy works on the original letters.
//! The view remembers where its length differs from the original, so every
//! offset found in it maps back to the original text exactly.

use super::blocks::{equal_bytes, may_equal, HIGH, ONES};
use super::fold_table::LATIN_FOLDS;

/// What one character of the original becomes in the matching view.
enum Fold {
    Keep,
    Ascii(u8),
    Str(&'static str),
    Drop,
    Space,
}

fn fold(c: char) -> Fold {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' | '\u{2032}'
        | '\u{00B4}' | '`' => Fold::Ascii(b'\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => Fold::Ascii(b'-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        c if c.is_whitespace() => Fold::Space,
        c if ('\u{00C0}'..='\u{1EFF}').contains(&c) => {
            match LATIN_FOLDS.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => Fold::Str(LATIN_FOLDS[i].1),
                Err(_) => Fold::Keep,
            }
        }
        _ => Fold::Keep,
    }
}

/// True where the fast path of [`Normalized::new`] must stop: any non-ASCII
/// byte, the backtick, white space other than a single space or a line
/// break standing alone (which becomes a space of the same length).
#[inline]
fn needs_folding(b: u8, next: Option<u8>) -> bool {
    if SPECIAL[b as usize] == 0 {
        return false;
    }
    match b {
        b' ' => next.is_some_and(|n| SPECIAL[n as usize] != 0 && n != b'`'),
        // A line break before a space or any byte that needs a look is part
        // of a longer run, or of a change the general path makes. (One
        // after white space never gets here: that white space stops first.)
        b'\n' => !next.is_some_and(is_plain),
        _ => true,
    }
}

/// A byte that needs no folding and is not white space: what may follow a
/// lone line break in a clean run.
#[inline]
fn is_plain(b: u8) -> bool {
    (0x21..0x80).contains(&b) & (b != b'`')
}

/// The high bit of each byte of `block` that is not [`is_plain`], and
/// perhaps of some after one below 0x21 that a borrow reaches (see
/// `may_equal`): those only end a run early.
#[inline]
fn not_plain(block: u64) -> u64 {
    (block | block.wrapping_sub(ONES * 0x21)) & HIGH | may_equal(block, b'`')
}

/// The end of the run of whole blocks from `at` in which no byte needs
/// folding (see [`needs_folding`]), and whether the run holds a line break.
/// News text is mostly such blocks, and hard-wrapped text has a lone line
/// break every line; the caller finishes the run a byte at a time.
///
/// A byte that is not plain stops the run unless it is a space or a line
/// break before a plain byte: a space before a backtick stops it too,
/// which the byte test passes on to the backtick.
#[inline]
fn clean_prefix(bytes: &[u8], mut at: usize) -> (usize, bool) {
    let mut line_breaks = false;
    // Thirty-two bytes at a time first, each compared with the next, with
    // no branch per byte so that the compiler compares them as vectors.
    // (As a signed number, a byte is below 0x21 when it is a control, a
    // space, or not ASCII: one compare.)
    while let Some(window) = bytes.get(at..).and_then(|rest| rest.first_chunk::<33>()) {
        let found = (0..32).fold(0u8, |found, k| {
            let (b, next) = (window[k], window[k + 1]);
            let odd = |b: u8| ((b as i8) < 0x21) | (b == b'`');
            let stop = odd(b) & (odd(next) | ((b != b' ') & (b != b'\n')));
            found | u8::from(stop) | u8::from(b == b'\n') << 1
        });
        if found & 1 != 0 {
            break;
        }
        line_breaks |= found != 0;
        at += 32;
    }
    // Then eight at a time, each block with the eight bytes after its first.
    while let (Some(block), Some(after)) = (bytes.get(at..at + 8), bytes.get(at + 1..at + 9)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let w = u64::from_le_bytes(word);
        word.copy_from_slice(after);
        let next = u64::from_le_bytes(word);
        let breaks = equal_bytes(w, b'\n');
        let passing = equal_bytes(w, b' ') | breaks;
        if not_plain(w) & (not_plain(next) | !passing) != 0 {
            break;
        }
        line_breaks |= breaks != 0;
        at += 8;
    }
    (at, line_breaks)
}

/// The end of the run of ASCII white space at `at`, if one starts there and
/// what follows it is not another (Unicode) white space character, which
/// the general path folds into the same run.
#[inline]
fn ascii_space_run(bytes: &[u8], at: usize) -> Option<usize> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    if !bytes.get(at).is_some_and(is_space) {
        return None;
    }
    let end = at + bytes[at..].iter().take_while(|b| is_space(b)).count();
    match bytes.get(end) {
        Some(&b) if b >= 0x80 => None,
        _ => Some(end),
    }
}

/// Non-zero for the bytes [`needs_folding`] looks at twice: non-ASCII, the
/// backtick and ASCII white space.
static SPECIAL: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0x80;
    while b < 256 {
        table[b] = 1;
        b += 1;
    }
    table[b'`' as usize] = 1;
    table[b' ' as usize] = 1;
    table[b'\t' as usize] = 1;
    table[b'\n' as usize] = 1;
    table[b'\r' as usize] = 1;
    table[0x0B] = 1;
    table[0x0C] = 1;
    table
};

/// True for the characters that make up words: a match must not start or end
/// next to one of them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The general path of the matching view: folds the character at `i` of
/// `original` (a run of white space with it) onto `text`, with a
/// checkpoint where the lengths part; returns where the next character
/// starts, or `None` at the end.
fn fold_char(
    original: &str,
    mut i: usize,
    text: &mut String,
    checkpoints: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let c = original.get(i..)?.chars().next()?;
    let char_start = i;
    i += c.len_utf8();
    let emitted = match fold(c) {
        Fold::Keep => {
            text.push(c);
            return Some(i);
        }
        Fold::Ascii(b) => {
            text.push(char::from(b));
            1
        }
        Fold::Str(s) => {
            text.push_str(s);
            s.len()
        }
        Fold::Drop => 0,
        Fold::Space => {
            let mut newlines = usize::from(c == '\n');
            for ch in original[i..].chars() {
                if !ch.is_whitespace() {
                    break;
                }
                newlines += usize::from(ch == '\n');
                i += ch.len_utf8();
            }
            text.push(if newlines >= 2 { '\n' } else { ' ' });
            1
        }
    };
    if emitted != i - char_start {
        checkpoints.push((text.len(), i));
    }
    Some(i)
}

/// A normalised copy of a text with the map back to the original's offsets.
#[derive(Debug, Default)]
pub(crate) struct Normalized {
    text: String,
    /// `(normalised, original)` byte offsets just after each place where the
    /// two differ in length; between checkpoints they advance together.
    checkpoints: Vec<(usize, usize)>,
    /// A clean run with its lone line breaks made spaces, before it joins
    /// `text`: kept from one document to the next.
    run: Vec<u8>,
}

impl Normalized {
    pub(crate) fn new(original: &str) -> Normalized {
        Normalized::build::<true>(original)
    }

    /// `text` itself as a view, for tests of stages that run on views.
    #[cfg(test)]
    pub(crate) fn verbatim(text: &str) -> Normalized {
        Normalized {
            text: text.to_string(),
            ..Normalized::default()
        }
    }

    /// Runs `f` on the matching view of `original`, built in a buffer this
    /// thread keeps from one document to the next: a document-sized
    /// allocation and its release per document cost more than the tagging
    /// of a short article. A buffer grown past 1 MB is let go after use.
    pub(crate) fn with<R>(original: &str, f: impl FnOnce(&Normalized) -> R) -> R {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Normalized> =
                std::cell::RefCell::new(Normalized::default());
        }
        const KEEP: usize = 1 << 20;
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut norm) => {
                norm.fill::<true>(original);
                let out = f(&norm);
                if norm.text.capacity() > KEEP {
                    *norm = Normalized::default();
                }
                out
            }
            // Only a caller inside `f` could get here; it gets its own.
            Err(_) => f(&Normalized::new(original)),
        })
    }

    /// `BLOCKS` turns on the eight-bytes-at-a-time scan; the tests compare
    /// it with the byte-at-a-time one.
    fn build<const BLOCKS: bool>(original: &str) -> Normalized {
        let mut norm = Normalized::default();
        norm.fill::<BLOCKS>(original);
        norm
    }

    /// Makes `self` the matching view of `original`, reusing its buffers.
    fn fill<const BLOCKS: bool>(&mut self, original: &str) {
        let bytes = original.as_bytes();
        let Normalized {
            text,
            checkpoints,
            run,
        } = self;
        text.clear();
        checkpoints.clear();
        text.reserve(original.len());
        let mut i = 0;
        while i < bytes.len() {
            // Copy the longest run of ASCII that needs no change in one go,
            // its lone line breaks as spaces.
            let (mut end, mut line_breaks) = if BLOCKS {
                clean_prefix(bytes, i)
            } else {
                (i, false)
            };
            while let Some(&b) = bytes.get(end) {
                if needs_folding(b, bytes.get(end + 1).copied()) {
                    break;
                }
                end += 1;
                if b == b'\n' {
                    // The blocks stop at some lone line breaks (before a
                    // '!', or near the end): past one, they go on.
                    line_breaks = true;
                    if BLOCKS {
                        let (after, more) = clean_prefix(bytes, end);
                        end = after;
                        line_breaks |= more;
                    }
                }
            }
            let clean = original.get(i..end).unwrap_or_default();
            if line_breaks {
                // Made spaces in a copy, with a select rather than a branch
                // so that it is done as vectors; the copy is ASCII, which
                // the check passes as fast.
                run.clear();
                run.extend(clean.bytes().map(|b| if b == b'\n' { b' ' } else { b }));
                text.push_str(std::str::from_utf8(run).unwrap_or(clean));
            } else {
                text.push_str(clean);
            }
            // `end` is the end of the text or a byte that needs folding.
            i = end;
            if let Some(end) = ascii_space_run(bytes, i) {
                // A run of ASCII white space, the usual line or paragraph
                // break: one space, or `\n` for two line breaks or more.
                let newlines = bytes[i..end].iter().filter(|&&b| b == b'\n').count();
                text.push(if newlines >= 2 { '\n' } else { ' ' });
                if end - i != 1 {
                    checkpoints.push((text.len(), end));
                }
                i = end;
                continue;
            }
            match fold_char(original, i, text, checkpoints) {
                Some(next) => i = next,
                None => break,
            }
        }
    }

    /// The normalised text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original offset of a normalised offset where a mention starts.
    pub(crate) fn original_start(&self, norm: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(n, _)| n <= norm);
        match idx.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((n, o)) => o + (norm - n),
            None => norm,
        }
    }

    /// The original offset of a normalised offset where a mention ends: before
    /// any characters that were dropped at that point.
    pub(crate) fn original_end(&self, norm: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(n, _)| n < norm);
        let cp = match self.checkpoints.get(idx) {
            Some(&cp) if cp.0 == norm => Some(cp),
            _ => idx.checked_sub(1).map(|i| self.checkpoints[i]),
        };
        match cp {
            Some((n, o)) => o + (norm - n),
            None => norm,
        }
    }
}

/// Runs `f` on the normalised form of a gazetteer surface: the document
/// normalisation, trimmed. Most surfaces are their own and are lent as they
/// are; any other form is built in the thread's normalisation buffer, not
/// copied out.
pub(crate) fn with_key<R>(surface: &str, f: impl FnOnce(&str) -> R) -> R {
    if is_folded_ascii(surface) {
        return f(surface);
    }
    Normalized::with(surface, |norm| f(norm.as_str().trim()))
}

/// True when `text` is already its own trimmed matching view: printable
/// ASCII but for the backtick, words apart by single spaces. Most gazetteer
/// surfaces and sentence tokens are, and skip the normaliser.
pub(crate) fn is_folded_ascii(text: &str) -> bool {
    // One pass: a space is fine only after something else, and not last
    // (starting as if after a space rules out a leading one).
    let mut previous = b' ';
    for &b in text.as_bytes() {
        if !((b.is_ascii_graphic() && b != b'`') || (b == b' ' && previous != b' ')) {
            return false;
        }
        previous = b;
    }
    previous != b' '
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_roundtrip(original: &str, name: &str) {
        let norm = Normalized::new(original);
        let at = norm.as_str().find(name).expect("name in normalised text");
        let start = norm.original_start(at);
        let end = norm.original_end(at + name.len());
        assert!(original.is_char_boundary(start) && original.is_char_boundary(end));
        assert_eq!(
            Normalized::new(&original[start..end]).as_str(),
            name,
            "{original:?}"
        );
    }

    #[test]
    fn folded_ascii_is_text_the_normaliser_leaves_alone() {
        for (text, folded) in [
            ("a", true),
            ("U.S. Embassy", true),
            ("Kata'ib Hezbollah", true),
            ("a b c", true),
            ("~!", true),
            ("", false),
            (" ", false),
            (" a", false),
            ("a ", false),
            ("a  b", false),
            ("a\tb", false),
            ("a`b", false),
            ("\u{7f}", false),
            ("é", false),
        ] {
            assert_eq!(is_folded_ascii(text), folded, "{text:?}");
            if folded {
                assert_eq!(Normalized::new(text).as_str(), text);
            }
        }
    }

    #[test]
    fn folds_typographic_variants() {
        assert_eq!(
            Normalized::new("Kata’ib Hezbollah").as_str(),
            "Kata'ib Hezbollah"
        );
        assert_eq!(Normalized::new("Kādhimī").as_str(), "Kadhimi");
        assert_eq!(Normalized::new("Erdoğan’s").as_str(), "Erdogan's");
        assert_eq!(
            Normalized::new("Counter‐Terrorism").as_str(),
            "Counter-Terrorism"
        );
        assert_eq!(
            Normalized::new("Mike\u{a0}\n Pompeo").as_str(),
            "Mike Pompeo"
        );
        assert_eq!(Normalized::new("end.\n\nNext").as_str(), "end.\nNext");
        assert_eq!(Normalized::new("end.\r\n \r\nNext").as_str(), "end.\nNext");
        assert_eq!(Normalized::new("Mike \t\n Pompeo").as_str(), "Mike Pompeo");
        assert_eq!(
            Normalized::new("Mike \u{a0}Pompeo ").as_str(),
            "Mike Pompeo "
        );
        assert_eq!(Normalized::new("Strauß").as_str(), "Strauss");
        assert_eq!(Normalized::new("Kata\u{ad}’ib").as_str(), "Kata'ib");
    }

    #[test]
    fn block_scan_agrees_with_byte_scan() {
        // Each awkward character at every offset of an eight-byte block, and
        // next to a block boundary.
        let awkward = [
            "  ",
            " \n",
            " \u{a0}",
            "\t",
            "`",
            " `",
            "\u{2019}",
            "\u{1}",
            "\r\n\r\n",
            " \u{201c}",
            "\u{ad}",
            "é",
            " ",
        ];
        for piece in awkward {
            for at in 0..24 {
                let text = format!(
                    "{}{piece}{}",
                    &"Kadhimi met Sistani"[..at.min(19)],
                    "x".repeat(at)
                );
                let fast = Normalized::build::<true>(&text);
                let slow = Normalized::build::<false>(&text);
                assert_eq!(fast.text, slow.text, "{text:?}");
                assert_eq!(fast.checkpoints, slow.checkpoints, "{text:?}");
            }
        }
    }

    /// The matching view as the general path alone makes it, a character
    /// (or a run of white space) at a time: what the fast paths must agree
    /// with.
    fn by_characters(original: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut checkpoints = Vec::new();
        let mut i = 0;
        while let Some(next) = fold_char(original, i, &mut text, &mut checkpoints) {
            i = next;
        }
        (text, checkpoints)
    }

    #[test]
    fn long_clean_runs_fold_as_character_by_character() {
        // Each awkward piece at every place of clean stretches long enough
        // for several 32-byte chunks to pass whole before it, one of them
        // hard-wrapped (a lone line break every line, which the fast paths
        // copy as a space), and two pieces close together.
        let plain = "Kadhimi met Sistani in Najaf on Monday, officials said. ".repeat(2);
        let wrapped =
            "Kadhimi met Sistani in\nNajaf on Monday, officials said.\nThe talks went\non.\n";
        for clean in [plain.as_str(), wrapped] {
            for piece in [
                "  ", " \n", "\n", "\n ", "\n\n", "\r\n", "\n!", "\n`", "!\n", "\n\u{a0}",
                "\n\u{e9}", " \u{a0}", "\t", "`", " `", "\u{2019}", "\u{1}", "\u{e9}", " ",
            ] {
                for at in 0..=clean.len() {
                    for other in ["", "\u{ad}"] {
                        let text = format!("{}{piece}{other}{}", &clean[..at], &clean[at..]);
                        let (text_ref, checkpoints_ref) = by_characters(&text);
                        for norm in [
                            Normalized::build::<true>(&text),
                            Normalized::build::<false>(&text),
                        ] {
                            assert_eq!(norm.text, text_ref, "{text:?}");
                            assert_eq!(norm.checkpoints, checkpoints_ref, "{text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_lone_line_break_is_a_space_of_the_same_length() {
        let norm = Normalized::new("Kadhimi met\nSistani\n\nin Najaf\n    on Monday");
        assert_eq!(norm.as_str(), "Kadhimi met Sistani\nin Najaf on Monday");
        // Only the longer runs leave checkpoints.
        assert_eq!(norm.checkpoints, [(20, 21), (29, 34)]);
    }

    #[test]
    fn plain_surfaces_fold_as_any_other() {
        for surface in [
            "Mike Pompeo",
            "U.S. Embassy",
            " Baghdad",
            "Erbil ",
            "A  B",
            "x`y",
            "Kata'ib",
            "a\tb",
        ] {
            assert_eq!(
                with_key(surface, str::to_string),
                Normalized::new(surface).as_str().trim(),
                "{surface:?}"
            );
        }
    }

    #[test]
    fn maps_offsets_back_to_the_original() {
        check_roundtrip("The Kādhimī government", "Kadhimi");
        check_roundtrip("— Kata’ib Hezbollah’s", "Kata'ib Hezbollah");
        check_roundtrip("Mike \u{a0}\n  Pompeo said", "Mike Pompeo");
        check_roundtrip("x\u{200b}Erdoğan\u{200b} spoke", "Erdogan");
        check_roundtrip("Großbritannien und Straße", "Strasse");
    }
}
