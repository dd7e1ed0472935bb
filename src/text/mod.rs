//! Text handling: the matching view of a document (normalisation) and the
//! conversion of byte offsets to code-point offsets.

mod fold_table;
mod normalize;
mod offsets;

pub(crate) use normalize::{fold_key, is_word_char, Normalized};
pub(crate) use offsets::CharCounter;

/// Until the news-aware splitter lands: one sentence per paragraph.
pub(crate) fn split_sentences(text: &str, _protected: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in text.split("\n\n") {
        let trimmed = para.trim();
        if !trimmed.is_empty() {
            let start = offset + (para.len() - para.trim_start().len());
            out.push((start, start + trimmed.len()));
        }
        offset += para.len() + 2;
    }
    out
}
