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

/// What a sentence must hold for a pattern to have a chance: one word of
/// each word group (a word with whether it is a prefix, `word*`) and one
/// entity of a type of each type group. Cheap to check on a sentence's
/// tokens, so that most patterns never run their regex on most sentences.
#[derive(Debug, Default)]
pub(crate) struct Requirements {
    pub(crate) words: Vec<Vec<(String, bool)>>,
    pub(crate) types: Vec<Vec<String>>,
}

/// The requirements of a sequence of elements: those of every element that
/// must be present.
pub(crate) fn requirements(elements: &[Element]) -> Requirements {
    let mut out = Requirements::default();
    for element in elements {
        match element {
            Element::Word { text, prefix } => out.words.push(vec![(text.clone(), *prefix)]),
            Element::Slot { types, .. } if !types.is_empty() => out.types.push(types.clone()),
            Element::Trigger(inner) => {
                let inner = requirements(inner);
                out.words.extend(inner.words);
                out.types.extend(inner.types);
            }
            Element::Choice(alternatives) => {
                // One group from each alternative, joined: whichever
                // alternative matches, a sentence holds one of their words.
                let each: Vec<Requirements> =
                    alternatives.iter().map(|alt| requirements(alt)).collect();
                let words: Option<Vec<_>> = each.iter().map(|r| r.words.first()).collect();
                if let Some(words) = words {
                    out.words
                        .push(words.into_iter().flatten().cloned().collect());
                }
                let types: Option<Vec<_>> = each.iter().map(|r| r.types.first()).collect();
                if let Some(types) = types {
                    out.types
                        .push(types.into_iter().flatten().cloned().collect());
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn needs(pattern: &str) -> Requirements {
        let text = format!("let poss = ('s | ')\nrule r -> p\n  match {pattern}\n");
        let rules = super::super::syntax::parse(Path::new("t.rules"), &text).expect("parses");
        requirements(&rules[0].patterns[0].0)
    }

    #[test]
    fn requirements_take_every_required_word_and_type() {
        let r = needs("<subject:PERSON> $poss? {(met | meets) with} the? <object:PERSON|GPE>");
        let words: Vec<Vec<&str>> = r
            .words
            .iter()
            .map(|g| g.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        assert_eq!(words, [vec!["met", "meets"], vec!["with"]]);
        assert_eq!(r.types, [vec!["PERSON"], vec!["PERSON", "GPE"]]);
    }

    #[test]
    fn a_choice_requires_something_only_when_every_alternative_does() {
        let r = needs("(<GPE> | its) ...3 <subject:ORG> {attack*} <object:*>");
        assert_eq!(r.words, [vec![("attack".to_string(), true)]]);
        assert_eq!(r.types, [vec!["ORG"]]);
        let r = needs("(<GPE> 's | <ORG> 's) <subject:ORG> {hit} <object:GPE>");
        assert_eq!(r.types[0], ["GPE", "ORG"]);
        assert_eq!(
            r.words[0],
            [("'s".to_string(), false), ("'s".to_string(), false)]
        );
    }
}
