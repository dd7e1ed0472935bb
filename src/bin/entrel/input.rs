//! Reading documents: whole text files, or JSON Lines streamed in batches.

use serde::de::{Deserializer, MapAccess, Visitor};
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

/// A JSON object's fields in order, values untouched.
struct Fields(Vec<(String, Box<RawValue>)>);

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
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
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
        match key.as_str() {
            "text" => {
                let s: String = serde_json::from_str(value.get()).map_err(|_| {
                    (
                        0,
                        format!(
                            "expected \"text\" to be a JSON string, found {}",
                            value.get()
                        ),
                    )
                })?;
                text = Some(s);
            }
            "id" => id = Some(value),
            "entities" | "relations" | "sentences" => {}
            _ => extra.push((key, value)),
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
