//! Gazetteers: plain-text lists of entity names.
//!
//! # Format
//!
//! One surface form per line, tab-separated:
//!
//! ```text
//! surface<TAB>TYPE[<TAB>id[<TAB>alias|alias|...[<TAB>options]]]
//! ```
//!
//! - `surface`: the name as written ("Mustafa al-Kadhimi").
//! - `TYPE`: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, or a type of your own
//!   (letters, digits, `_` and `-`), which passes through to the output.
//! - `id`: the entity's canonical id; when absent it is derived from the
//!   surface (`Kata'ib Hezbollah` → `kataib_hezbollah`).
//! - aliases: other names of the same entity, separated by `|`; each is
//!   matched like a surface and carries the entry's id.
//! - options: comma-separated; `nocase` makes the entry match in any case
//!   (by default only the exact form, its Title Case and ALL-CAPS forms match).
//!
//! Lines starting with `#` and blank lines are ignored; `\r\n` line ends and
//! a byte-order mark are accepted. A file of bare `surface<TAB>TYPE` lines is
//! a valid gazetteer. Where several entries give the same surface form, the
//! entry loaded last wins, so a user's gazetteer overrides the shipped lists.

use crate::document::EntityType;
use crate::error::{Error, ErrorKind, Location};
use crate::text::with_key;
use std::path::{Path, PathBuf};

/// One gazetteer entry: an entity and the names it is known by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The canonical surface form.
    pub surface: String,
    /// The entity's type.
    pub entity_type: EntityType,
    /// The canonical id shared by the surface and all aliases.
    pub id: String,
    /// Other surface forms of the same entity.
    pub aliases: Vec<String>,
    /// True when the entry matches in any letter case.
    pub case_insensitive: bool,
    /// 1-based line of the entry in its gazetteer.
    pub line: usize,
}

impl Entry {
    /// The surface and then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.surface.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A parsed gazetteer: its entries and the name of the file they came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gazetteer {
    name: PathBuf,
    entries: Vec<Entry>,
}

/// The gazetteers shipped in the crate's `gazetteers/` folder, embedded in the
/// binary so that the default extractor needs no files on disk.
const SHIPPED: &[(&str, &str)] = &[
    (
        "gazetteers/countries.tsv",
        include_str!("../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/admin.tsv",
        include_str!("../gazetteers/admin.tsv"),
    ),
    (
        "gazetteers/cities.tsv",
        include_str!("../gazetteers/cities.tsv"),
    ),
    (
        "gazetteers/regions.tsv",
        include_str!("../gazetteers/regions.tsv"),
    ),
    (
        "gazetteers/nationalities.tsv",
        include_str!("../gazetteers/nationalities.tsv"),
    ),
    (
        "gazetteers/groups.tsv",
        include_str!("../gazetteers/groups.tsv"),
    ),
    (
        "gazetteers/organizations.tsv",
        include_str!("../gazetteers/organizations.tsv"),
    ),
    (
        "gazetteers/facilities.tsv",
        include_str!("../gazetteers/facilities.tsv"),
    ),
    (
        "gazetteers/events.tsv",
        include_str!("../gazetteers/events.tsv"),
    ),
    (
        "gazetteers/people.tsv",
        include_str!("../gazetteers/people.tsv"),
    ),
];

impl Gazetteer {
    /// Parses gazetteer text; `name` names it in error messages.
    ///
    /// ```
    /// let g = entrel::Gazetteer::parse("mine.tsv",
    ///     "# my list\nMustafa al-Kadhimi\tPERSON\tmustafa_al_kadhimi\tKadhimi|al-Kadhimi\n")?;
    /// assert_eq!(g.entries()[0].aliases, ["Kadhimi", "al-Kadhimi"]);
    /// # Ok::<(), entrel::Error>(())
    /// ```
    pub fn parse(name: impl AsRef<Path>, text: &str) -> Result<Gazetteer, Error> {
        let name = name.as_ref();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // A long list is parsed in two halves at once, split after a line
        // break: the second half's lines are numbered on from the first's,
        // and an error in the first half is the one reported.
        let middle = text.len() / 2;
        let split = (text.len() >= PARSE_IN_HALVES_FROM)
            .then(|| text.as_bytes()[middle..].iter().position(|&b| b == b'\n'))
            .flatten()
            .map(|i| middle + i + 1);
        let mut entries = match split {
            Some(split) => {
                let (head, tail) = text.split_at(split);
                let head_lines = line_breaks(head);
                let (head, tail) = crate::join::join(
                    || parse_lines(name, head, 0),
                    || parse_lines(name, tail, head_lines),
                );
                let mut entries = head?;
                entries.extend(tail?);
                entries
            }
            None => parse_lines(name, text, 0)?,
        };
        entries.shrink_to_fit();
        Ok(Gazetteer {
            name: name.to_path_buf(),
            entries,
        })
    }

    /// Reads and parses one gazetteer file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let (line, column) = line_and_column(&bytes[..e.valid_up_to()]);
            Error::new(
                ErrorKind::Encoding,
                format!(
                    "invalid UTF-8 at byte {}; expected UTF-8 text",
                    e.valid_up_to()
                ),
            )
            .at(Location::new(path, line, column))
        })?;
        Gazetteer::parse(path, text)
    }

    /// Loads a gazetteer file, or every `*.tsv` file of a directory in name
    /// order.
    pub fn load(path: impl AsRef<Path>) -> Result<Vec<Gazetteer>, Error> {
        let path = path.as_ref();
        if !path.is_dir() {
            return Ok(vec![Gazetteer::from_path(path)?]);
        }
        let mut files = Vec::new();
        for item in std::fs::read_dir(path).map_err(|e| Error::io(path, &e))? {
            let file = item.map_err(|e| Error::io(path, &e))?.path();
            if file.is_file() && file.extension().is_some_and(|ext| ext == "tsv") {
                files.push(file);
            }
        }
        files.sort();
        files.iter().map(Gazetteer::from_path).collect()
    }

    /// The gazetteers shipped with the crate.
    pub fn shipped() -> Result<Vec<Gazetteer>, Error> {
        SHIPPED
            .iter()
            .map(|(name, text)| Gazetteer::parse(name, text))
            .collect()
    }

    /// Builds a gazetteer from entries made in code.
    pub fn from_entries(name: impl AsRef<Path>, entries: Vec<Entry>) -> Gazetteer {
        Gazetteer {
            name: name.as_ref().to_path_buf(),
            entries,
        }
    }

    /// The file or name the gazetteer was read from.
    pub fn name(&self) -> &Path {
        &self.name
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// Gazetteer text this long or longer is parsed in two halves at once.
const PARSE_IN_HALVES_FROM: usize = 256 * 1024;

fn line_breaks(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// The entries of `text`, whose first line is line `lines_before + 1` of
/// the gazetteer `name`.
fn parse_lines(name: &Path, text: &str, lines_before: usize) -> Result<Vec<Entry>, Error> {
    // An entry per line at most: room for them all at once, not a copy of
    // everything read so far each time the list grows.
    let mut entries = Vec::with_capacity(line_breaks(text) + 1);
    for (index, line) in text.lines().enumerate() {
        let line_no = lines_before + index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let entry = parse_line(line, line_no).map_err(|(column, message)| {
            Error::new(ErrorKind::Gazetteer, message).at(Location::new(name, line_no, column))
        })?;
        entries.push(entry);
    }
    Ok(entries)
}

/// 1-based line and code-point column just after `prefix`.
fn line_and_column(prefix: &[u8]) -> (usize, usize) {
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Parses one non-comment line; on error gives the 1-based column and message.
fn parse_line(line: &str, line_no: usize) -> Result<Entry, (usize, String)> {
    // Columns are only wanted for errors: each is counted from where its
    // field lies in the line when one is reported.
    let column = |field: &str| column_of(line, field);
    let mut fields = line.split('\t');
    let surface = fields.next().unwrap_or(line);
    let type_field = fields.next();
    let id_field = fields.next();
    let alias_field = fields.next();
    let option_field = fields.next();
    if let Some(extra) = fields.next() {
        return Err((
            column(extra) - 1,
            "expected at most 5 TAB-separated fields: surface, type, id, aliases, options".into(),
        ));
    }
    let surface = check_surface(surface, column(surface))?;
    let Some(type_field) = type_field else {
        return Err((
            line.chars().count() + 1,
            format!("expected a TAB and an entity type after the surface form {surface:?}"),
        ));
    };
    let type_name = type_field.trim();
    if type_name.is_empty()
        || !type_name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return Err((
            column(type_field),
            format!("expected an entity type such as PERSON, ORG or GPE, found {type_name:?}"),
        ));
    }
    let id = match id_field.map(str::trim) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => derive_id(surface),
    };
    let mut aliases = Vec::new();
    if let Some(list) = alias_field {
        if !list.trim().is_empty() {
            for alias in list.split('|') {
                aliases.push(check_surface(alias, column(alias))?.to_string());
            }
        }
    }
    let mut case_insensitive = false;
    if let Some(options) = option_field {
        for option in options.split(',') {
            match option.trim() {
                "nocase" => case_insensitive = true,
                "" => {}
                other => {
                    return Err((
                        column(option),
                        format!("unknown option {other:?}; expected \"nocase\""),
                    ));
                }
            }
        }
    }
    Ok(Entry {
        surface: surface.to_string(),
        entity_type: EntityType::from_name(type_name),
        id,
        aliases,
        case_insensitive,
        line: line_no,
    })
}

/// The 1-based code-point column at which `part`, a slice of `line`, starts.
fn column_of(line: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len());
    line.get(..offset)
        .map_or(offset, |before| before.chars().count())
        + 1
}

fn check_surface(surface: &str, column: usize) -> Result<&str, (usize, String)> {
    let trimmed = surface.trim();
    // Only characters that normalisation drops (soft hyphens, zero-width
    // spaces) can fold to nothing: a letter or digit settles it at once.
    let has_alphanumeric = trimmed.bytes().any(|b| b.is_ascii_alphanumeric());
    if trimmed.is_empty() || (!has_alphanumeric && with_key(trimmed, str::is_empty)) {
        return Err((column, "expected a surface form, found an empty one".into()));
    }
    Ok(trimmed)
}

/// The id of an entry that names none: its surface folded to lower-case
/// ASCII words joined by `_` ("Kata'ib Hezbollah" → "kataib_hezbollah").
pub(crate) fn derive_id(surface: &str) -> String {
    with_key(surface, |key| {
        let mut id = String::with_capacity(key.len());
        for c in key.chars() {
            if c == '\'' || c == '.' {
                continue;
            }
            if c.is_ascii_alphanumeric() {
                id.push(c.to_ascii_lowercase());
            } else if c.is_alphanumeric() {
                id.extend(c.to_lowercase());
            } else if !id.is_empty() && !id.ends_with('_') {
                id.push('_');
            }
        }
        while id.ends_with('_') {
            id.pop();
        }
        id
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        Gazetteer::parse("g.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_every_field() {
        let g = Gazetteer::parse(
            "g.tsv",
            "\u{feff}# comment\n\nKata'ib Hezbollah\tORG\r\nMike Pompeo\tPERSON\tmike_pompeo\tPompeo|Michael R. Pompeo\n\
             widget\tPRODUCT\t\t\tnocase\n",
        )
        .unwrap();
        let e = g.entries();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].id, "kataib_hezbollah");
        assert_eq!(e[0].line, 3);
        assert_eq!(e[1].aliases, ["Pompeo", "Michael R. Pompeo"]);
        assert_eq!(e[2].entity_type, EntityType::Other("PRODUCT".into()));
        assert!(e[2].case_insensitive && !e[1].case_insensitive);
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(
            error_of("Iraq\tGPE\nBaghdad\n"),
            "g.tsv:2:8: expected a TAB and an entity type after the surface form \"Baghdad\""
        );
        assert_eq!(
            error_of("\tGPE\n"),
            "g.tsv:1:1: expected a surface form, found an empty one"
        );
        assert_eq!(
            error_of("Iraq\t\n"),
            "g.tsv:1:6: expected an entity type such as PERSON, ORG or GPE, found \"\""
        );
        assert_eq!(
            error_of("Iraq\tGPE\tiraq\tIraqi Republic||x\n"),
            "g.tsv:1:30: expected a surface form, found an empty one"
        );
        assert_eq!(
            error_of("Kādhimī\tPERSON\tk\t\tfuzzy\n"),
            "g.tsv:1:19: unknown option \"fuzzy\"; expected \"nocase\""
        );
        assert!(error_of("a\tB\tc\td\te\tf\n").starts_with("g.tsv:1:10: expected at most 5"));
    }

    #[test]
    fn long_lists_parse_in_halves_as_in_one() {
        // Lines of every kind (comments, blanks, CRLF, aliases, options)
        // until the text is past the size parsed in halves.
        let kinds = [
            "# a comment\n",
            "\n",
            "Kata'ib Hezbollah\tORG\r\n",
            "Mike Pompeo\tPERSON\tmike_pompeo\tPompeo|Michael R. Pompeo\n",
            "widget\tPRODUCT\t\t\tnocase\n",
            "Kādhimī\tPERSON\n",
        ];
        let mut text = String::new();
        let mut line = 0;
        while text.len() < PARSE_IN_HALVES_FROM + 1000 {
            text.push_str(kinds[line % kinds.len()]);
            line += 1;
        }
        let whole = Gazetteer::parse("g.tsv", &text).unwrap();
        let one_by_one = parse_lines(Path::new("g.tsv"), &text, 0).unwrap();
        assert_eq!(whole.entries(), one_by_one);
        // The last line not a comment or blank is numbered as in the file.
        let last_entry_line = (1..=line).rev().find(|n| (n - 1) % kinds.len() >= 2);
        assert_eq!(whole.entries().last().map(|e| e.line), last_entry_line);
        // An error in either half names its own line; the first one wins.
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for bad_line in [3, lines.len() - 2] {
            let mut broken = lines.clone();
            broken[bad_line - 1] = "Nowhere\n";
            let error = Gazetteer::parse("g.tsv", &broken.concat()).unwrap_err();
            assert!(
                error
                    .to_string()
                    .starts_with(&format!("g.tsv:{bad_line}:8: expected a TAB")),
                "{error}"
            );
        }
        let mut broken = lines.clone();
        broken[lines.len() - 2] = "Nowhere\n";
        broken[9] = "Elsewhere\n";
        let error = Gazetteer::parse("g.tsv", &broken.concat()).unwrap_err();
        assert!(
            error.to_string().starts_with("g.tsv:10:10: expected a TAB"),
            "{error}"
        );
    }

    #[test]
    fn derives_ids() {
        assert_eq!(derive_id("Kata’ib Hezbollah"), "kataib_hezbollah");
        assert_eq!(
            derive_id("U.S. Department of State"),
            "us_department_of_state"
        );
        assert_eq!(derive_id("Mustafa al-Kādhimī"), "mustafa_al_kadhimi");
    }

    #[test]
    fn shipped_gazetteers_parse() {
        let shipped = Gazetteer::shipped().unwrap();
        assert_eq!(shipped.len(), SHIPPED.len());
    }
}
