//! Reading documents: whole text files, or JSON Lines streamed in batches.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;
use std::io::BufRead;

/// One document to extract from.
pub struct InputDoc {
    /// The id: a JSONL line's raw `id` value, else a JSON string we made.
    pub id: Box<RawValue>,
    pub text: String,
    /// A JSONL line's other fields, in input order, exactly as written.
    pub extra: Vec<(String, Box<RawValue>)>,
}

/// A document, or an input line that is not one.
pub enum Item {
    Doc(InputDoc),
    /// Where (`file:line:column`) and what is wrong.
    Bad {
        location: String,
        message: String,
    },
}

/// A JSON string as a raw value.
pub fn raw_string(s: &str) -> Box<RawValue> {
    let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    RawValue::from_string(json)
        .unwrap_or_else(|_| unreachable!("a serialized string is valid JSON"))
}

/// Decodes bytes as UTF-8, or says where they are not; with `lossy`,
/// replaces bad bytes with U+FFFD and says so in the warning.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<usize>), usize> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            if lossy {
                Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at)))
            } else {
                Err(at)
            }
        }
    }
}

/// A JSON object's fields in order: `text` decoded, the others untouched.
struct Fields(Vec<(String, Field)>);

enum Field {
    /// The `text` field's string, or what was found there instead.
    Text(Result<String, String>),
    Raw(Box<RawValue>),
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    // The text is decoded as it is read: kept raw and then
                    // decoded, the longest field was scanned twice.
                    let value = if key == "text" {
                        Field::Text(map.next_value::<TextValue>()?.0)
                    } else {
                        Field::Raw(map.next_value()?)
                    };
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// A `text` field's string, or, for any other JSON value, what it is, so
/// that the line's error can say what was found.
struct TextValue(Result<String, String>);

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextValue, E> {
                Ok(TextValue(Ok(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<TextValue, E> {
                Ok(TextValue(Ok(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TextValue, E> {
                Ok(TextValue(Err(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TextValue, E> {
                Ok(TextValue(Err(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TextValue, E> {
                Ok(TextValue(Err(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TextValue, E> {
                Ok(TextValue(Err(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TextValue, E> {
                Ok(TextValue(Err("null".to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TextValue(Err("an array".to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TextValue(Err("an object".to_string())))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Parses one JSONL line into a document.
fn parse_line(line: &str, ordinal: usize) -> Result<InputDoc, (usize, String)> {
    let Fields(fields) = serde_json::from_str(line).map_err(|e| {
        (
            e.column(),
            format!("expected a JSON object with a string \"text\" field: {e}"),
        )
    })?;
    let mut id = None;
    let mut text = None;
    let mut extra = Vec::new();
    for (key, value) in fields {
        match (key.as_str(), value) {
            (_, Field::Text(Ok(s))) => text = Some(s),
            (_, Field::Text(Err(found))) => {
                return Err((
                    0,
                    format!("expected \"text\" to be a JSON string, found {found}"),
                ))
            }
            ("id", Field::Raw(value)) => id = Some(value),
            ("entities" | "relations" | "sentences", _) => {}
            (_, Field::Raw(value)) => extra.push((key, value)),
        }
    }
    let text = text.ok_or((
        0,
        "expected a string \"text\" field, found none".to_string(),
    ))?;
    Ok(InputDoc {
        id: id.unwrap_or_else(|| raw_string(&ordinal.to_string())),
        text,
        extra,
    })
}

/// Reads a JSON Lines stream in batches of bounded size.
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line: usize,
    lossy: bool,
    buf: Vec<u8>,
    pub warnings: Vec<String>,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, name: String, lossy: bool) -> Self {
        JsonlReader {
            reader,
            name,
            line: 0,
            lossy,
            buf: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Up to `max_docs` items or about `max_bytes` of text; empty at the end.
    pub fn next_batch(&mut self, max_docs: usize, max_bytes: usize) -> std::io::Result<Vec<Item>> {
        let mut items = Vec::new();
        let mut bytes = 0;
        while items.len() < max_docs && bytes < max_bytes {
            self.buf.clear();
            if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
                break;
            }
            self.line += 1;
            while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
                self.buf.pop();
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += self.buf.len();
            let location = |column: usize| match column {
                0 => format!("{}:{}", self.name, self.line),
                c => format!("{}:{}:{}", self.name, self.line, c),
            };
            let line = match decode(std::mem::take(&mut self.buf), self.lossy) {
                Ok((line, None)) => line,
                Ok((line, Some(at))) => {
                    self.warnings.push(format!(
                        "{}: invalid UTF-8 at byte {at} of the line, replaced with U+FFFD",
                        location(0)
                    ));
                    line
                }
                Err(at) => {
                    items.push(Item::Bad {
                        location: location(0),
                        message: format!("invalid UTF-8 at byte {at} of the line; expected UTF-8 text (or use --lossy)"),
                    });
                    continue;
                }
            };
            items.push(match parse_line(&line, self.line) {
                Ok(doc) => Item::Doc(doc),
                Err((column, message)) => Item::Bad {
                    location: location(column),
                    message,
                },
            });
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<InputDoc, String> {
        parse_line(line, 9).map_err(|(_, message)| message)
    }

    #[test]
    fn the_text_is_decoded_and_other_fields_kept_as_written() {
        for text in [
            r#""""#,
            r#""plain""#,
            r#""line\nbreak \"quoted\" back\\slash \/ tab\t""#,
            r#""\u00e9t\u00C9 \ud83d\ude00 caf\u00e9""#,
            "\"raw é 😀 \u{7f}\"",
        ] {
            let line = format!(r#"{{"source": {{"a": [1, 2.50]}}, "text": {text}, "n": 1e3}}"#);
            let doc = parse(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(
                doc.text,
                serde_json::from_str::<String>(text).unwrap(),
                "{line}"
            );
            assert_eq!(doc.id.get(), "\"9\"", "no id: the line's number");
            let extra: Vec<(&str, &str)> = doc
                .extra
                .iter()
                .map(|(k, v)| (k.as_str(), v.get()))
                .collect();
            assert_eq!(extra, [("source", r#"{"a": [1, 2.50]}"#), ("n", "1e3")]);
        }
        let doc = parse(r#"{"text": "first", "id": {"k": 1}, "text": "second"}"#).unwrap();
        assert_eq!(doc.text, "second", "the last of two text fields");
        assert_eq!(doc.id.get(), r#"{"k": 1}"#);
    }

    #[test]
    fn a_text_that_is_no_string_is_named() {
        for (value, found) in [
            ("5", "found 5"),
            ("-2", "found -2"),
            ("0.5", "found 0.5"),
            ("true", "found true"),
            ("null", "found null"),
            ("[1, [2, {\"x\": 3}]]", "found an array"),
            ("{\"x\": [1]}", "found an object"),
        ] {
            let message = parse(&format!(r#"{{"id": 1, "text": {value}, "n": 2}}"#))
                .err()
                .unwrap_or_else(|| panic!("{value} was taken for a text"));
            assert_eq!(
                message,
                format!("expected \"text\" to be a JSON string, {found}"),
            );
        }
        assert_eq!(
            parse(r#"{"id": 1}"#).err().as_deref(),
            Some("expected a string \"text\" field, found none")
        );
        let broken = parse(r#"{"id": 1, "text": "unterminated}"#)
            .err()
            .unwrap_or_default();
        assert!(broken.starts_with("expected a JSON object"), "{broken}");
    }
}
