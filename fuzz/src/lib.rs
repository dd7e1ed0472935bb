//! The checks the fuzz targets run on one input.
//!
//! `tests/fuzz_regressions.rs` includes this file as a module and runs every
//! input saved in `fuzz/regressions/<target>/` through the same function, so
//! an input that once crashed a target keeps being checked by `cargo test`.
//! A failed check panics, which libFuzzer reports as a crash.

use entrel::{Document, Extractor, Gazetteer, RuleSet, Span};
use once_cell::sync::Lazy;

/// The shipped gazetteers and rules, built once.
static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    Extractor::builder()
        .build()
        .expect("the shipped gazetteers and rules build")
});

/// A few entries of every common type, for the `rules` target.
const SMALL_GAZETTEER: &str = "\
Mike Pompeo\tPERSON\tmike_pompeo\tPompeo
Mustafa al-Kadhimi\tPERSON\tkadhimi\tKadhimi|al-Kādhimī
Kata'ib Hezbollah\tORG\tkataib_hezbollah
Hezbollah\tORG
Iraq\tGPE
Baghdad\tGPE
Iran\tGPE
U.S.\tGPE\tus\tUS|United States
U.S. Embassy\tFAC\tus_embassy
Iraqi\tNORP\tiraqis\tIraqis
Tigris\tLOC
Gulf War\tEVENT
widget\tPRODUCT\twidget\t\tnocase
";

static SMALL: Lazy<Gazetteer> = Lazy::new(|| {
    Gazetteer::parse("small.tsv", SMALL_GAZETTEER).expect("the small gazetteer parses")
});

/// Two rules over any types, for the `gazetteer` target: compiling the
/// shipped rules on every input would make it a hundred times slower.
const SMALL_RULES: &str = "\
rule met -> met with
  match <subject:*> {met with?} <object:*>
  match <subject:*> , _ ...3 , {met} <object:*>
rule visited -> visited
  priority 1
  match <subject:*> {visit*} the? <object:*>
";

static RULES: Lazy<RuleSet> =
    Lazy::new(|| RuleSet::parse("small.rules", SMALL_RULES).expect("the small rules parse"));

/// Sentences in which the small gazetteer's entities meet the shipped
/// rules' cue words.
const SENTENCES: &[&str] = &[
    "BAGHDAD — Mike Pompeo met with Mustafa al-Kadhimi in Baghdad on Monday.",
    "Iran did not attack the U.S. Embassy, said Kata'ib Hezbollah, but Iraq could.",
    "Neither Iraq nor Iran supports the U.S.; Iraqis visited the Tigris after the Gulf War.",
    "Pompeo’s widget, WIDGET and Widget: Kādhimī’s office said Mr. Pompeo threatened Iran.",
];

/// Extracts the text of `data` (lossy UTF-8) with the shipped lists and
/// checks every span invariant.
pub fn extract(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_document(&text, &DEFAULT.extract(&text));
}

/// Parses `data` as a gazetteer; where it parses, builds an extractor from it
/// alone and checks what it extracts from fixed sentences and from a text of
/// the gazetteer's own names.
pub fn gazetteer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(gazetteer) = Gazetteer::parse("fuzz.tsv", &text) else {
        return;
    };
    let names: Vec<String> = gazetteer
        .entries()
        .iter()
        .flat_map(|e| e.names().map(str::to_string).collect::<Vec<_>>())
        .take(16)
        .collect();
    let built = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(gazetteer)
        .default_rules(false)
        .rules(RULES.clone())
        .build();
    let Ok(extractor) = built else {
        return;
    };
    let own = names.join(" met with ");
    let upper = own.to_uppercase();
    for text in SENTENCES
        .iter()
        .copied()
        .chain([own.as_str(), upper.as_str()])
    {
        check_document(text, &extractor.extract(text));
    }
}

/// Parses `data` as a rule file; where it parses, builds an extractor with
/// those rules alone over a small gazetteer and checks what it extracts from
/// fixed sentences and from the rules' own examples.
pub fn rules(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(rules) = RuleSet::parse("fuzz.rules", &text) else {
        return;
    };
    let examples: Vec<String> = rules
        .rules()
        .iter()
        .flat_map(|r| r.examples().iter().chain(r.counters()).cloned())
        .take(16)
        .collect();
    let built = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(SMALL.clone())
        .default_rules(false)
        .rules(rules)
        .build();
    let Ok(extractor) = built else {
        return;
    };
    for text in SENTENCES
        .iter()
        .copied()
        .chain(examples.iter().map(String::as_str))
    {
        check_document(text, &extractor.extract(text));
    }
}

/// Byte offset → code-point offset at every character boundary of a text,
/// computed once so that checking a document stays linear in its size.
struct Offsets {
    chars: Vec<char>,
    /// `code_point[b]`: the code-point offset of byte `b`, or `usize::MAX`
    /// inside a character.
    code_point: Vec<usize>,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        let mut code_point = vec![usize::MAX; text.len() + 1];
        for (n, (b, _)) in text.char_indices().enumerate() {
            code_point[b] = n;
        }
        let chars: Vec<char> = text.chars().collect();
        code_point[text.len()] = chars.len();
        Offsets { chars, code_point }
    }

    /// Asserts that `span` lies on character boundaries of `text`, that its
    /// code-point offsets are those of its bytes, and that it denotes
    /// `expected` both ways.
    fn check(&self, text: &str, span: &Span, expected: &str, what: &str) {
        assert!(
            span.byte_start <= span.byte_end && span.byte_end <= text.len(),
            "{what}: byte span {span:?} out of range for {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end),
            "{what}: byte span {span:?} not on character boundaries"
        );
        assert_eq!(
            (span.start, span.end),
            (
                self.code_point[span.byte_start],
                self.code_point[span.byte_end]
            ),
            "{what}: code-point offsets of {span:?} disagree with its bytes"
        );
        assert_eq!(
            &text[span.bytes()],
            expected,
            "{what}: byte slice of {span:?}"
        );
        let by_chars: String = self.chars[span.chars()].iter().collect();
        assert_eq!(by_chars, expected, "{what}: code-point slice of {span:?}");
    }
}

fn inside(outer: &Span, inner: &Span) -> bool {
    outer.byte_start <= inner.byte_start && inner.byte_end <= outer.byte_end
}

/// Every invariant of a document extracted from `text`: spans, order,
/// sentences, relation arguments, JSON round trip.
pub fn check_document(text: &str, doc: &Document) {
    let offsets = Offsets::new(text);
    let mut previous_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let what = format!("sentence {i}");
        let slice = text
            .get(s.span.bytes())
            .unwrap_or_else(|| panic!("{what}: {:?} does not slice the text", s.span));
        offsets.check(text, &s.span, slice, &what);
        assert!(
            s.span.byte_start >= previous_end,
            "{what} {:?} overlaps or precedes the one before",
            s.span
        );
        previous_end = s.span.byte_end;
    }
    let mut previous_end = 0;
    for (i, e) in doc.entities.iter().enumerate() {
        let what = format!("entity {i} {:?}", e.text);
        offsets.check(text, &e.span, &e.text, &what);
        assert!(!e.span.is_empty(), "{what}: empty mention");
        assert!(
            e.span.byte_start >= previous_end,
            "{what} {:?} overlaps or precedes the mention before",
            e.span
        );
        previous_end = e.span.byte_end;
        let sentence = doc
            .sentences
            .get(e.sentence)
            .unwrap_or_else(|| panic!("{what}: no sentence {}", e.sentence));
        assert!(
            inside(&sentence.span, &e.span),
            "{what} {:?} is not inside its sentence {:?}",
            e.span,
            sentence.span
        );
    }
    for (i, r) in doc.relations.iter().enumerate() {
        let what = format!(
            "relation {i} ({} {} {})",
            r.subject.text, r.predicate, r.object.text
        );
        let sentence = doc
            .sentences
            .get(r.sentence)
            .unwrap_or_else(|| panic!("{what}: no sentence {}", r.sentence));
        for (role, arg) in [("subject", &r.subject), ("object", &r.object)] {
            let e = doc
                .entities
                .get(arg.entity)
                .unwrap_or_else(|| panic!("{what}: {role} is no entity ({})", arg.entity));
            assert_eq!(
                e.sentence, r.sentence,
                "{what}: {role} is in another sentence"
            );
            assert_eq!(
                (&arg.text, &arg.entity_type, &arg.id, arg.start, arg.end),
                (&e.text, &e.entity_type, &e.id, e.span.start, e.span.end),
                "{what}: {role} disagrees with its entity"
            );
        }
        offsets.check(
            text,
            &r.trigger.span,
            &r.trigger.text,
            &format!("{what} trigger"),
        );
        assert!(
            inside(&sentence.span, &r.trigger.span),
            "{what}: trigger {:?} outside its sentence {:?}",
            r.trigger.span,
            sentence.span
        );
    }
    let json = serde_json::to_string(doc).expect("a document serializes");
    let back: Document = serde_json::from_str(&json).expect("its JSON deserializes");
    assert_eq!(&back, doc, "the JSON round trip changed the document");
}
