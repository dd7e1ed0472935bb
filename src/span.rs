//! Spans into the original document text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open span of the original document text, in UTF-8 bytes (for
/// slicing a Rust `&str`) and in Unicode code points (what Python's `str`
/// indexing and most annotation tools use).
///
/// Both pairs always lie on character boundaries and denote the same text:
/// `&text[span.bytes()]` is the mention, and so is the code-point range
/// `span.chars()`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
    /// First byte of the span.
    pub byte_start: usize,
    /// One past the last byte of the span.
    pub byte_end: usize,
}

impl Span {
    /// The byte range, for slicing the document `&str`.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }

    /// The code-point range.
    pub fn chars(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.byte_start == self.byte_end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.byte_start < other.byte_end && other.byte_start < self.byte_end
    }
}
