//! Compiling patterns to regular expressions over a sentence's token stream.
//!
//! A sentence becomes a string of tokens, each wrapped as `\x02token\x03`:
//! words lower-cased and folded, punctuation one character each, and every
//! entity mention a single token `@TYPE#index`. A pattern then compiles to a
//! regular expression over that string, run by the `regex` crate's
//! linear-time engines, so no rule can blow up on any input. The regexes run
//! on bytes with Unicode classes off: the markers are ASCII and a literal word
//! matches its UTF-8 bytes, so byte classes keep the automata small.

use super::syntax::{Element, Role};

pub(crate) const OPEN: char = '\u{2}';
pub(crate) const CLOSE: char = '\u{3}';

/// The regex source of a pattern.
pub(crate) fn to_regex(elements: &[Element]) -> String {
    let mut out = String::new();
    for element in elements {
        push(element, &mut out);
    }
    out
}

fn push(element: &Element, out: &mut String) {
    match element {
        Element::Word { text, prefix } => {
            out.push(OPEN);
            out.push_str(&regex::escape(text));
            if *prefix {
                out.push_str("[^\u{3}]*");
            }
            out.push(CLOSE);
        }
        Element::AnyWord => out.push_str("\u{2}[^@\u{3}][^\u{3}]*\u{3}"),
        Element::Gap { max } => {
            out.push_str(&format!("(?:\u{2}[^@\u{3}][^\u{3}]*\u{3}){{0,{max}}}"));
        }
        Element::Slot { role, types } => {
            out.push(OPEN);
            out.push('@');
            if types.is_empty() {
                out.push_str("[^#\u{3}]+");
            } else {
                out.push_str("(?:");
                for (i, t) in types.iter().enumerate() {
                    if i > 0 {
                        out.push('|');
                    }
                    out.push_str(&regex::escape(t));
                }
                out.push(')');
            }
            out.push('#');
            match role {
                Some(Role::Subject) => out.push_str("(?P<subject>[0-9]+)"),
                Some(Role::Object) => out.push_str("(?P<object>[0-9]+)"),
                None => out.push_str("[0-9]+"),
            }
            out.push(CLOSE);
        }
        Element::Choice(alternatives) => {
            out.push_str("(?:");
            for (i, alt) in alternatives.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                for e in alt {
                    push(e, out);
                }
            }
            out.push(')');
        }
        Element::Optional(inner) => {
            out.push_str("(?:");
            push(inner, out);
            out.push_str(")?");
        }
        Element::Trigger(inner) => {
            out.push_str("(?P<trigger>");
            for e in inner {
                push(e, out);
            }
            out.push(')');
        }
    }
}

/// Words of which a sentence must hold at least one for the pattern to
/// match: those of its first element that is a required word, or a choice
/// whose every alternative starts with one. `None` when there is none (the
/// pattern is tried on every sentence). Each word comes with whether it is a
/// prefix (`word*`).
pub(crate) fn anchors(elements: &[Element]) -> Option<Vec<(String, bool)>> {
    elements.iter().find_map(element_anchors)
}

fn element_anchors(element: &Element) -> Option<Vec<(String, bool)>> {
    match element {
        Element::Word { text, prefix } => Some(vec![(text.clone(), *prefix)]),
        Element::Trigger(inner) => anchors(inner),
        Element::Choice(alternatives) => {
            let mut all = Vec::new();
            for alt in alternatives {
                all.extend(anchors(alt)?);
            }
            Some(all)
        }
        _ => None,
    }
}
