//! The `entrel` command-line tool.

use clap::{Args, Parser, Subcommand};
use entrel::{Document, Extractor};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extract entities and relations from news text.
#[derive(Parser)]
#[command(name = "entrel", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities and relations; print one JSON line per document.
    Extract(ExtractArgs),
}

/// Options that configure the extractor.
#[derive(Args)]
struct ExtractorArgs {
    /// A gazetteer file or directory of *.tsv files, added to the shipped
    /// lists (repeatable).
    #[arg(long = "gazetteer", value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// Do not load the gazetteers shipped with entrel.
    #[arg(long)]
    no_default_gazetteers: bool,
    /// A relation rule file, added to the shipped rules (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Do not load the relation rules shipped with entrel.
    #[arg(long)]
    no_default_rules: bool,
}

impl ExtractorArgs {
    fn build(&self) -> Result<Extractor, entrel::Error> {
        let mut builder = Extractor::builder();
        builder.default_gazetteers(!self.no_default_gazetteers);
        for path in &self.gazetteers {
            builder.gazetteer_path(path);
        }
        builder.default_rules(!self.no_default_rules);
        for path in &self.rules {
            builder.rules_path(path);
        }
        builder.build()
    }
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    extractor: ExtractorArgs,
    /// Include the sentence spans in the output.
    #[arg(long)]
    sentences: bool,
    /// Text files to read; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("entrel: {message}");
            ExitCode::FAILURE
        }
    }
}

fn extract(args: &ExtractArgs) -> Result<(), String> {
    let extractor = args.extractor.build().map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stdin_only = [PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    for (ordinal, path) in files.iter().enumerate() {
        let text = read_text(path)?;
        let mut doc = extractor.extract(&text);
        doc.id = document_id(path, ordinal + 1);
        write_document(&mut out, &doc, args.sentences)?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))
}

/// The id of a document read from `path`: its file name without extension,
/// or its 1-based ordinal for standard input.
fn document_id(path: &Path, ordinal: usize) -> String {
    if path == Path::new("-") {
        return ordinal.to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| ordinal.to_string())
}

fn read_text(path: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: invalid UTF-8 at byte {}; expected UTF-8 text",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn write_document(out: &mut impl Write, doc: &Document, sentences: bool) -> Result<(), String> {
    let result = if sentences {
        serde_json::to_writer(&mut *out, doc)
    } else {
        serde_json::to_writer(&mut *out, &WithoutSentences(doc))
    };
    result.map_err(|e| format!("cannot write output: {e}"))?;
    out.write_all(b"\n")
        .map_err(|e| format!("cannot write output: {e}"))
}

/// A document serialized without its sentences.
struct WithoutSentences<'a>(&'a Document);

impl serde::Serialize for WithoutSentences<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let doc = self.0;
        let mut s = serializer.serialize_struct("Document", 3)?;
        s.serialize_field("id", &doc.id)?;
        s.serialize_field("entities", &doc.entities)?;
        s.serialize_field("relations", &doc.relations)?;
        s.end()
    }
}
