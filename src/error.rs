//! The crate's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input an error was found: a file (or a name given to a string),
/// and a 1-based line and column. Columns count Unicode code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file the error is in, or the name given to an in-memory source.
    pub file: PathBuf,
    /// 1-based line number; 0 when the error concerns the whole file.
    pub line: usize,
    /// 1-based column in code points; 0 when the error concerns the whole line.
    pub column: usize,
}

impl Location {
    pub(crate) fn new(file: &Path, line: usize, column: usize) -> Location {
        Location {
            file: file.to_path_buf(),
            line,
            column,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// What kind of problem an [`Error`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    Io,
    /// Input that is not valid UTF-8.
    Encoding,
    /// A gazetteer line that does not follow the gazetteer format.
    Gazetteer,
    /// A rule file that does not parse, or a rule that does not compile.
    Rule,
    /// A rule or pattern set whose compiled form is larger than the configured limit.
    SizeLimit,
    /// A JSON Lines input line that is not an object with a string `text`.
    Json,
    /// An invalid configuration value.
    Config,
}

/// The error type of every fallible operation in this crate.
///
/// Its message says what was wrong and what was expected, and, where the
/// problem is in a file, [`Error::location`] gives the file, line and column.
///
/// ```
/// let err = entrel::Gazetteer::parse("mine.tsv", "Baghdad\n").unwrap_err();
/// assert_eq!(err.kind(), entrel::ErrorKind::Gazetteer);
/// assert_eq!(err.to_string(),
///     "mine.tsv:1:8: expected a TAB and an entity type after the surface form \"Baghdad\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    location: Option<Location>,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            location: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, location: Location) -> Error {
        self.location = Some(location);
        self
    }

    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, format!("cannot read: {err}")).at(Location::new(path, 0, 0))
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where the problem is, when it is in a file or named source.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "{}: {}", loc, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
