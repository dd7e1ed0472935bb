use crate::span::Span;
use crate::text::blocks::{HIGH, ONES};

/// Converts byte offsets of one text into code-point offsets.
///
/// It remembers the last position asked for and counts only the characters
/// between that and the next one, so a sequence of offsets in ascending order
/// costs one pass over the text in all, and an ASCII text costs nothing.
pub(crate) struct CharCounter<'t> {
    text: &'t [u8],
    ascii: bool,
    byte: usize,
    char: usize,
}

impl<'t> CharCounter<'t> {
    pub(crate) fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text: text.as_bytes(),
            ascii: text.is_ascii(),
            byte: 0,
            char: 0,
        }
    }

    /// The code-point offset of `byte`, which must lie on a character
    /// boundary of the text.
    pub(crate) fn char_offset(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.char += count_chars(&self.text[self.byte..byte]);
        } else {
            self.char -= count_chars(&self.text[byte..self.byte]);
        }
        self.byte = byte;
        self.char
    }

    /// Counts on from a known pair of offsets (a sentence's start, say)
    /// rather than from the last position asked for, which may lie far
    /// behind or ahead.
    pub(crate) fn resume_at(&mut self, byte: usize, char: usize) {
        self.byte = byte;
        self.char = char;
    }

    /// A full [`Span`] for a byte range.
    pub(crate) fn span(&mut self, byte_start: usize, byte_end: usize) -> Span {
        let start = self.char_offset(byte_start);
        let end = self.char_offset(byte_end);
        Span {
            start,
            end,
            byte_start,
            byte_end,
        }
    }
}

/// The characters that begin in `bytes`: those that are no UTF-8
/// continuation byte (`10xxxxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for block in &mut blocks {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let w = u64::from_le_bytes(word);
        // Bit 7 set and bit 6 (moved up by the shift) clear; the multiply
        // adds the eight flags up in the top byte.
        let flags = (w & !(w << 1) & HIGH) >> 7;
        continuations += (flags.wrapping_mul(ONES) >> 56) as usize;
    }
    let rest = blocks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuations - rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_eight_bytes_at_a_time() {
        let pieces = [
            "a",
            "é",
            "’",
            "😀",
            "\u{7f}",
            "\u{80}",
            "\u{7ff}",
            "\u{800}",
            "\u{10ffff}",
        ];
        let mut text = String::new();
        for (i, piece) in pieces.iter().cycle().take(200).enumerate() {
            text.push_str(piece);
            if i % 7 == 0 {
                text.push(' ');
            }
        }
        // Every slice on character boundaries, so every alignment of the
        // blocks and every remainder.
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &a in starts.iter().take(40) {
            for &b in starts.iter().filter(|&&b| b >= a) {
                assert_eq!(
                    count_chars(&text.as_bytes()[a..b]),
                    text[a..b].chars().count()
                );
            }
        }
        assert_eq!(count_chars(b""), 0);
    }

    #[test]
    fn counts_code_points_in_any_order() {
        let text = "Kādhimī met ’Ali’ in Baghdad";
        let mut counter = CharCounter::new(text);
        for (byte, _) in text.char_indices().rev().chain(text.char_indices()) {
            assert_eq!(counter.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(counter.char_offset(text.len()), text.chars().count());
        let at = text.find("Ali").expect("in the text");
        let chars = text[..at].chars().count();
        let mut counter = CharCounter::new(text);
        counter.resume_at(at, chars);
        assert_eq!(counter.char_offset(text.len()), text.chars().count());
        assert_eq!(counter.char_offset(2), 2);
    }
}
