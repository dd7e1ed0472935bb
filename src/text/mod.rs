//! Text handling: the matching view of a document (normalisation) and the
//! conversion of byte offsets to code-point offsets.

pub(crate) mod blocks;
mod fold_table;
mod normalize;
mod offsets;
mod sentences;

pub(crate) use normalize::{is_folded_ascii, is_word_char, with_key, Normalized};
pub(crate) use offsets::CharCounter;
pub(crate) use sentences::split_sentences;
