//! The output line's entities, relations and sentences written as JSON by
//! hand: the same bytes as `serde_json` writes from the library's serde
//! derives (a test holds the two together), at a fraction of the cost.
//! Through serde, every key and value passed a general escaping loop and
//! the flattened spans a map serializer: writing the JSON took a sixth as
//! long as extracting it.

use entrel::{Argument, Entity, Relation, Sentence, Source, Span};

/// Appends `entities` as a JSON array.
pub fn write_entities(out: &mut Vec<u8>, entities: &[Entity]) {
    write_array(out, entities, |out, entity| {
        out.extend_from_slice(b"{\"text\":");
        write_str(out, &entity.text);
        out.extend_from_slice(b",\"type\":");
        write_str(out, entity.entity_type.as_str());
        out.extend_from_slice(b",\"id\":");
        write_str(out, &entity.id);
        out.push(b',');
        write_span_fields(out, &entity.span);
        out.extend_from_slice(b",\"sentence\":");
        write_number(out, entity.sentence);
        out.extend_from_slice(b",\"source\":");
        write_source(out, entity.source);
        out.push(b'}');
    });
}

/// Appends `relations` as a JSON array.
pub fn write_relations(out: &mut Vec<u8>, relations: &[Relation]) {
    write_array(out, relations, |out, relation| {
        out.extend_from_slice(b"{\"subject\":");
        write_argument(out, &relation.subject);
        out.extend_from_slice(b",\"predicate\":");
        write_str(out, &relation.predicate);
        out.extend_from_slice(b",\"object\":");
        write_argument(out, &relation.object);
        out.extend_from_slice(b",\"negated\":");
        write_bool(out, relation.negated);
        out.extend_from_slice(b",\"hedged\":");
        write_bool(out, relation.hedged);
        out.extend_from_slice(b",\"sentence\":");
        write_number(out, relation.sentence);
        out.extend_from_slice(b",\"rule\":");
        write_str(out, &relation.rule);
        out.extend_from_slice(b",\"trigger\":{\"text\":");
        write_str(out, &relation.trigger.text);
        out.push(b',');
        write_span_fields(out, &relation.trigger.span);
        out.extend_from_slice(b"}}");
    });
}

/// Appends `sentences` as a JSON array.
pub fn write_sentences(out: &mut Vec<u8>, sentences: &[Sentence]) {
    write_array(out, sentences, |out, sentence| {
        out.push(b'{');
        write_span_fields(out, &sentence.span);
        out.push(b'}');
    });
}

fn write_array<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_argument(out: &mut Vec<u8>, argument: &Argument) {
    out.extend_from_slice(b"{\"entity\":");
    write_number(out, argument.entity);
    out.extend_from_slice(b",\"text\":");
    write_str(out, &argument.text);
    out.extend_from_slice(b",\"type\":");
    write_str(out, argument.entity_type.as_str());
    out.extend_from_slice(b",\"id\":");
    write_str(out, &argument.id);
    out.extend_from_slice(b",\"start\":");
    write_number(out, argument.start);
    out.extend_from_slice(b",\"end\":");
    write_number(out, argument.end);
    out.push(b'}');
}

/// A span's four fields, as the library's flattened spans write them.
fn write_span_fields(out: &mut Vec<u8>, span: &Span) {
    out.extend_from_slice(b"\"start\":");
    write_number(out, span.start);
    out.extend_from_slice(b",\"end\":");
    write_number(out, span.end);
    out.extend_from_slice(b",\"byte_start\":");
    write_number(out, span.byte_start);
    out.extend_from_slice(b",\"byte_end\":");
    write_number(out, span.byte_end);
}

fn write_source(out: &mut Vec<u8>, source: Source) {
    match source {
        Source::Gazetteer => out.extend_from_slice(b"\"gazetteer\""),
        Source::Rule => out.extend_from_slice(b"\"rule\""),
        Source::Alias => out.extend_from_slice(b"\"alias\""),
        // A source added to the library later: its serde name.
        other => match serde_json::to_vec(&other) {
            Ok(json) => out.extend_from_slice(&json),
            Err(_) => out.extend_from_slice(b"null"),
        },
    }
}

fn write_bool(out: &mut Vec<u8>, value: bool) {
    out.extend_from_slice(if value { b"true" } else { b"false" });
}

fn write_number(out: &mut Vec<u8>, mut value: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `value % 10` is below ten: the cast keeps it.
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes: quote,
/// backslash and control characters below U+0020, nothing else. Runs with
/// nothing to escape, nearly every string here, are copied whole.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[from..i]);
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xF)]);
            }
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use entrel::{Document, EntityType, Trigger};

    fn by_serde<T: serde::Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    fn by_hand(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).unwrap()
    }

    fn assert_same(doc: &Document) {
        assert_eq!(
            by_hand(|out| write_entities(out, &doc.entities)),
            by_serde(&doc.entities)
        );
        assert_eq!(
            by_hand(|out| write_relations(out, &doc.relations)),
            by_serde(&doc.relations)
        );
        assert_eq!(
            by_hand(|out| write_sentences(out, &doc.sentences)),
            by_serde(&doc.sentences)
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every_byte: String = (0u8..0x80).map(char::from).collect();
        every_byte.push_str("é\u{2028}\u{feff}😀\"\\");
        for s in [
            "",
            "plain",
            "\"",
            "\\",
            "a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{0}i\u{1f}j\u{7f}",
            "ends in a quote\"",
            &every_byte,
        ] {
            assert_eq!(by_hand(|out| write_str(out, s)), by_serde(s), "{s:?}");
        }
    }

    #[test]
    fn numbers_and_flags_write_as_serde_json_does() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u32::MAX as usize, usize::MAX] {
            assert_eq!(by_hand(|out| write_number(out, n)), by_serde(&n));
        }
        for b in [true, false] {
            assert_eq!(by_hand(|out| write_bool(out, b)), by_serde(&b));
        }
        for source in [Source::Gazetteer, Source::Rule, Source::Alias] {
            assert_eq!(by_hand(|out| write_source(out, source)), by_serde(&source));
        }
    }

    #[test]
    fn extracted_documents_write_as_serde_json_does() {
        let extractor = entrel::default_extractor();
        let doc = extractor.extract(
            "Secretary of State Mike Pompeo warned Iraqi Prime Minister Mustafa al-Kadhimi \
             that Washington would close the U.S. Embassy in Baghdad.\n\"We won't,\" said \
             Kadhimi, who met Grand Ayatollah Ali al-Sistani in Najaf on Tuesday. Kata'ib \
             Hezbollah denied attacking the embassy. Gen. Omar Tahir, head of the Basra \
             Ports Authority, visited Tehran.",
        );
        assert!(!doc.entities.is_empty() && !doc.relations.is_empty());
        assert!(doc.entities.iter().any(|e| e.source != Source::Gazetteer));
        assert_same(&doc);
        assert_same(&Document::default());
    }

    #[test]
    fn every_field_value_writes_as_serde_json_does() {
        // Values no extraction of ordinary text gives: other types, escapes,
        // huge offsets.
        let span = Span {
            start: 0,
            end: usize::MAX,
            byte_start: 10,
            byte_end: 1 << 40,
        };
        let argument = |entity| Argument {
            entity,
            text: "Quote \" and \\ back\tslash".into(),
            entity_type: EntityType::Other("WEAPON\n".into()),
            id: "ü\u{1}".into(),
            start: 3,
            end: 40,
        };
        let entity = |entity_type, source| Entity {
            text: "Line\nbreak".into(),
            entity_type,
            id: "id\"x".into(),
            span,
            sentence: 7,
            source,
        };
        let doc = Document {
            id: "doc".into(),
            entities: vec![
                entity(EntityType::Person, Source::Gazetteer),
                entity(EntityType::Other("MISC".into()), Source::Rule),
                entity(EntityType::Event, Source::Alias),
            ],
            relations: vec![Relation {
                subject: argument(0),
                predicate: "said \"no\" to".into(),
                object: argument(2),
                negated: true,
                hedged: false,
                sentence: 12,
                rule: "rule\u{7}".into(),
                trigger: Trigger {
                    text: "said".into(),
                    span,
                },
            }],
            sentences: vec![
                Sentence { span },
                Sentence {
                    span: Span::default(),
                },
            ],
        };
        assert_same(&doc);
    }
}
