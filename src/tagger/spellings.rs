//! The spellings the tagger's tries are built from: each entry's names and
//! their case variants, written one after another into one string.
//!
//! A list of tens of thousands of names gives about twice as many spellings;
//! one string for them all, with each spelling a range of it, spares an
//! allocation and a free per spelling and keeps the sort's items small.

use std::ops::Range;

/// How a spelling came from its entry: its own beats a case variant derived
/// from another entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    Derived,
    Exact,
}

/// One spelling: where it is in [`Spellings::text`], the entity it stands
/// for, how it came about, and the order it was added in.
#[derive(Clone, Debug)]
struct Spelling {
    range: Range<usize>,
    entity: u32,
    origin: Origin,
    order: usize,
}

/// Spellings of names, in the order they were added.
#[derive(Debug, Default)]
pub(crate) struct Spellings {
    text: String,
    list: Vec<Spelling>,
}

impl Spellings {
    /// Adds `name` itself.
    pub(crate) fn push_exact(&mut self, name: &str, entity: u32) {
        let start = self.text.len();
        self.text.push_str(name);
        self.push_range(start, entity, Origin::Exact);
    }

    /// Adds the spellings a cased entry's `name` matches: its own, first
    /// letter capitalised, every word capitalised (after a space or hyphen:
    /// "al-Sistani" → "Al-Sistani"), and all capitals. A derived spelling is
    /// added only where it differs from the ones before it; most names
    /// already start with capitals.
    pub(crate) fn push_with_case_variants(&mut self, name: &str, entity: u32) {
        let first = self.list.len();
        self.push_exact(name, entity);
        if !name.is_ascii() {
            for derived in [capitalise_first(name), title_case(name), upper_case(name)]
                .into_iter()
                .flatten()
            {
                self.push_derived(first, &derived, entity, |_| {});
            }
            return;
        }
        // Most names: the same variants by ASCII case mapping, made in place.
        let bytes = name.as_bytes();
        let upper_at = |spelling: &mut str, i: usize| {
            if let Some(letter) = spelling.get_mut(i..i + 1) {
                letter.make_ascii_uppercase();
            }
        };
        if bytes.first().is_some_and(u8::is_ascii_lowercase) {
            self.push_derived(first, name, entity, |spelling| upper_at(spelling, 0));
        }
        let word_start = |i: usize| i == 0 || matches!(bytes[i - 1], b' ' | b'-');
        if (0..bytes.len()).any(|i| word_start(i) && bytes[i].is_ascii_lowercase()) {
            self.push_derived(first, name, entity, |spelling| {
                for i in (0..bytes.len()).filter(|&i| word_start(i)) {
                    upper_at(spelling, i);
                }
            });
        }
        if bytes.iter().any(u8::is_ascii_lowercase) {
            self.push_derived(first, name, entity, str::make_ascii_uppercase);
        }
    }

    /// Adds `spelling` as changed in place by `change`, unless one of this
    /// name's spellings from `first` on is the same.
    fn push_derived(
        &mut self,
        first: usize,
        spelling: &str,
        entity: u32,
        change: impl FnOnce(&mut str),
    ) {
        let start = self.text.len();
        self.text.push_str(spelling);
        if let Some(new) = self.text.get_mut(start..) {
            change(new);
        }
        let new = &self.text[start..];
        if self.list[first..]
            .iter()
            .any(|s| &self.text[s.range.clone()] == new)
        {
            self.text.truncate(start);
        } else {
            self.push_range(start, entity, Origin::Derived);
        }
    }

    fn push_range(&mut self, start: usize, entity: u32, origin: Origin) {
        let order = self.list.len();
        self.list.push(Spelling {
            range: start..self.text.len(),
            entity,
            origin,
            order,
        });
    }

    /// The spellings added so far, as strings.
    #[cfg(test)]
    pub(crate) fn strings(&self) -> Vec<(&str, Origin)> {
        self.list
            .iter()
            .map(|s| (&self.text[s.range.clone()], s.origin))
            .collect()
    }

    /// One entity per spelling, sorted by bytes as the trie wants them: where
    /// several give the same spelling, an entry's own beats a derived one,
    /// then the one added last wins.
    pub(crate) fn winners(&mut self) -> Vec<(&[u8], u32)> {
        let text = self.text.as_bytes();
        // Each spelling's first eight bytes as a big-endian number order like
        // the bytes themselves (a shorter one pads with zeros and ties, and
        // the bytes decide), so most comparisons of the sort are one of
        // integers.
        let head = |s: &Spelling| {
            let bytes = &text[s.range.clone()];
            let mut head = [0u8; 8];
            let n = bytes.len().min(8);
            head[..n].copy_from_slice(&bytes[..n]);
            u64::from_be_bytes(head)
        };
        let mut keyed: Vec<(u64, &Spelling)> = self.list.iter().map(|s| (head(s), s)).collect();
        keyed.sort_unstable_by(|(ha, a), (hb, b)| {
            ha.cmp(hb)
                .then_with(|| text[a.range.clone()].cmp(&text[b.range.clone()]))
                .then(b.origin.cmp(&a.origin))
                .then(b.order.cmp(&a.order))
        });
        keyed.dedup_by(|later, first| text[later.1.range.clone()] == text[first.1.range.clone()]);
        keyed
            .into_iter()
            .map(|(_, s)| (&text[s.range.clone()], s.entity))
            .collect()
    }
}

/// Whether a case mapping of `c` gives `c` back.
fn changes_nothing(mut mapped: impl Iterator<Item = char>, c: char) -> bool {
    mapped.next() == Some(c) && mapped.next().is_none()
}

/// `name` with its first letter upper-cased, if that changes it.
fn capitalise_first(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first = chars.next()?;
    if changes_nothing(first.to_uppercase(), first) {
        return None;
    }
    Some(first.to_uppercase().chain(chars).collect())
}

/// Upper-cases the first letter of each word (after a space or hyphen),
/// leaving the other letters as they are, if that changes `name`.
fn title_case(name: &str) -> Option<String> {
    let word_starts = || {
        let mut word_start = true;
        name.chars().map(move |c| {
            let at_start = word_start;
            word_start = c == ' ' || c == '-';
            (c, at_start)
        })
    };
    if word_starts().all(|(c, start)| !start || changes_nothing(c.to_uppercase(), c)) {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    for (c, start) in word_starts() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `name` in capitals, if that changes it.
fn upper_case(name: &str) -> Option<String> {
    name.chars()
        .any(|c| !changes_nothing(c.to_uppercase(), c))
        .then(|| name.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variants(name: &str) -> Vec<String> {
        let mut spellings = Spellings::default();
        spellings.push_with_case_variants(name, 0);
        spellings
            .strings()
            .into_iter()
            .map(|(s, _)| s.to_string())
            .collect()
    }

    /// The variants made char by char with the case tables, which the
    /// ASCII path must agree with.
    fn variants_by_char(name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        for derived in [capitalise_first(name), title_case(name), upper_case(name)]
            .into_iter()
            .flatten()
        {
            if !out.contains(&derived) {
                out.push(derived);
            }
        }
        out
    }

    #[test]
    fn case_variants_never_lower_case() {
        assert_eq!(
            variants("al-Sistani"),
            ["al-Sistani", "Al-Sistani", "AL-SISTANI"]
        );
        assert_eq!(variants("McDonald's"), ["McDonald's", "MCDONALD'S"]);
        for (name, expected) in [
            ("Mike Pompeo", &["Mike Pompeo", "MIKE POMPEO"][..]),
            ("NATO", &["NATO"]),
            ("9/11", &["9/11"]),
            (
                "van der Berg",
                &[
                    "van der Berg",
                    "Van der Berg",
                    "Van Der Berg",
                    "VAN DER BERG",
                ],
            ),
            ("straße", &["straße", "Straße", "STRASSE"]),
            (
                "élan vital",
                &["élan vital", "Élan vital", "Élan Vital", "ÉLAN VITAL"],
            ),
        ] {
            assert_eq!(variants(name), expected, "{name:?}");
        }
    }

    #[test]
    fn ascii_case_variants_agree_with_char_by_char_ones() {
        let words = [
            "al", "Sistani", "van", "der", "x", "NATO", "9/11", "o'Neil", "-", "Mc", "de", "'s",
            " ",
        ];
        let mut names = Vec::new();
        for a in words {
            names.push(a.to_string());
            for b in words {
                for joint in [" ", "-", ""] {
                    names.push(format!("{a}{joint}{b}"));
                }
            }
        }
        for name in &names {
            assert_eq!(variants(name), variants_by_char(name), "{name:?}");
        }
    }

    #[test]
    fn own_spellings_win_then_the_last_added() {
        let mut spellings = Spellings::default();
        spellings.push_with_case_variants("us", 0); // derives "Us" and "US"
        spellings.push_exact("US", 1);
        spellings.push_with_case_variants("us", 2);
        spellings.push_exact("b", 3);
        let winners: Vec<(&str, u32)> = spellings
            .winners()
            .into_iter()
            .map(|(s, e)| (std::str::from_utf8(s).unwrap(), e))
            .collect();
        assert_eq!(winners, [("US", 1), ("Us", 2), ("b", 3), ("us", 2)]);
    }
}
