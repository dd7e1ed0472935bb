use crate::span::Span;

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
        let count = |bytes: &[u8]| bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
        if byte >= self.byte {
            self.char += count(&self.text[self.byte..byte]);
        } else {
            self.char -= count(&self.text[byte..self.byte]);
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

#[cfg(test)]
mod tests {
    use super::*;

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
