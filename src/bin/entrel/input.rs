//! Reading documents: whole text files, or JSON Lines streamed in batches.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;
use std::io::{self, BufRead, Read};

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

/// Parses a `--max-doc-bytes` value: bytes, or with a `K`, `M` or `G` suffix
/// for KiB, MiB or GiB; 0 for no limit.
pub fn parse_size(value: &str) -> Result<usize, String> {
    let value = value.trim();
    let (digits, shift) = match value.char_indices().last() {
        Some((i, 'k' | 'K')) => (&value[..i], 10),
        Some((i, 'm' | 'M')) => (&value[..i], 20),
        Some((i, 'g' | 'G')) => (&value[..i], 30),
        _ => (value, 0),
    };
    let invalid = || format!("`{value}` is no size: expected bytes, or a number with K, M or G");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let number: usize = digits.parse().map_err(|_| invalid())?;
    number
        .checked_mul(1 << shift)
        .map(|bytes| if bytes == 0 { usize::MAX } else { bytes })
        .ok_or_else(invalid)
}

/// What is wrong with a document of more than `max` bytes.
pub fn too_long(what: &str, max: usize) -> String {
    format!("{what} longer than {max} bytes (--max-doc-bytes); not read")
}

/// Reads a whole document from `reader`, or nothing more than `max` bytes
/// of one that is longer (`Ok(None)`).
pub fn read_bounded(reader: impl Read, max: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() <= max).then_some(bytes))
}

/// Reads a JSON Lines stream in batches of bounded size.
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line: usize,
    lossy: bool,
    /// The longest line kept, newline aside; a longer one is passed over
    /// without being held, so that no line can exhaust memory.
    max_line: usize,
    buf: Vec<u8>,
    pub warnings: Vec<String>,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, name: String, lossy: bool, max_line: usize) -> Self {
        JsonlReader {
            reader,
            name,
            line: 0,
            lossy,
            max_line,
            buf: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Reads the next line into `buf`, its line break (`\n` or `\r\n`) cut
    /// off: `Ok(None)` at the end of the stream, `Ok(Some(false))` for a
    /// line longer than `max_line` without its line break, which is passed
    /// over rather than kept.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        // A line that fits, with its line break, is read whole; one byte
        // more tells a line that does not.
        let limit = u64::try_from(self.max_line)
            .unwrap_or(u64::MAX)
            .saturating_add(2);
        if (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?
            == 0
        {
            return Ok(None);
        }
        let ended = self.buf.last() == Some(&b'\n');
        if ended {
            self.buf.pop();
        }
        let content = self.buf.len() - usize::from(self.buf.last() == Some(&b'\r'));
        if content <= self.max_line {
            return Ok(Some(true));
        }
        // Too long: the buffer it grew is let go, and the rest of the line
        // is passed over, not kept.
        self.buf = Vec::new();
        if ended {
            return Ok(Some(false));
        }
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let (used, found) = match available.iter().position(|&b| b == b'\n') {
                Some(end) => (end + 1, true),
                None => (available.len(), false),
            };
            self.reader.consume(used);
            if found {
                break;
            }
        }
        Ok(Some(false))
    }

    /// Up to `max_docs` items or about `max_bytes` of text; empty at the end.
    pub fn next_batch(&mut self, max_docs: usize, max_bytes: usize) -> std::io::Result<Vec<Item>> {
        let mut items = Vec::new();
        let mut bytes = 0;
        while items.len() < max_docs && bytes < max_bytes {
            let Some(whole) = self.read_line()? else {
                break;
            };
            self.line += 1;
            let location = |column: usize| match column {
                0 => format!("{}:{}", self.name, self.line),
                c => format!("{}:{}:{}", self.name, self.line, c),
            };
            if !whole {
                items.push(Item::Bad {
                    location: location(0),
                    message: too_long("line", self.max_line),
                });
                continue;
            }
            while self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += self.buf.len();
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
    fn sizes_are_bytes_or_binary_multiples() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("3k"), Ok(3 << 10));
        assert_eq!(parse_size(" 2G"), Ok(2 << 30));
        assert_eq!(parse_size("0"), Ok(usize::MAX), "0 is no limit");
        for bad in ["", "M", "1.5M", "-1", "12MB", "1e6", "99999999999999999999"] {
            assert!(parse_size(bad).is_err(), "{bad:?} taken for a size");
        }
    }

    /// The documents and bad lines read from `input` with lines of at most
    /// `max` bytes, through a buffer of `capacity` bytes.
    fn read_all(input: &[u8], max: usize, capacity: usize) -> Vec<String> {
        let reader = std::io::BufReader::with_capacity(capacity, input);
        let mut jsonl = JsonlReader::new(reader, "in".into(), false, max);
        let mut seen = Vec::new();
        loop {
            let items = jsonl.next_batch(2, usize::MAX).expect("reads");
            if items.is_empty() {
                return seen;
            }
            seen.extend(items.into_iter().map(|item| match item {
                Item::Doc(doc) => doc.text,
                Item::Bad { location, message } => format!("{location}: {message}"),
            }));
        }
    }

    #[test]
    fn a_line_longer_than_the_limit_is_passed_over_and_the_next_read() {
        // Exactly 24 bytes: {"text": "<12 bytes>"}.
        let line = |text: &str| format!(r#"{{"text": "{text}"}}"#);
        let fits = line("twelve bytes");
        assert_eq!(fits.len(), 24);
        let over = line("thirteen byte");
        let long = line(&"x".repeat(500));
        let input = format!("{fits}\n{over}\r\n{long}\n\n{fits}\r\n{over}");
        let too_long = "line longer than 24 bytes (--max-doc-bytes); not read";
        for capacity in [1, 3, 8, 24, 25, 64, 1 << 16] {
            assert_eq!(
                read_all(input.as_bytes(), 24, capacity),
                [
                    "twelve bytes".to_string(),
                    format!("in:2: {too_long}"),
                    format!("in:3: {too_long}"),
                    "twelve bytes".to_string(),
                    format!("in:6: {too_long}"),
                ],
                "buffer of {capacity} bytes"
            );
        }
        // The line break is not counted, nor a carriage return before it.
        assert_eq!(
            read_all(format!("{fits}\r\n").as_bytes(), 24, 4),
            ["twelve bytes"]
        );
        assert_eq!(
            read_all(format!("{fits}\r").as_bytes(), 24, 4),
            ["twelve bytes"]
        );
        assert_eq!(
            read_all(fits.as_bytes(), 24, 4),
            ["twelve bytes"],
            "no line break at the end"
        );
        assert_eq!(read_all(input.as_bytes(), usize::MAX, 7).len(), 5);
        assert_eq!(
            read_all(input.as_bytes(), usize::MAX, 7)[2],
            "x".repeat(500),
            "no limit"
        );
    }

    #[test]
    fn a_document_longer_than_the_limit_is_not_read_whole() {
        let text = b"Talks in Baghdad.";
        assert_eq!(read_bounded(&text[..], 17).ok(), Some(Some(text.to_vec())));
        assert_eq!(read_bounded(&text[..], 16).ok(), Some(None));
        assert_eq!(
            read_bounded(&text[..], usize::MAX).ok(),
            Some(Some(text.to_vec()))
        );
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
