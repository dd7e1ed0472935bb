//! The `entrel` command-line tool.

mod bench;
mod eval;
mod input;
mod json;
mod run;

use clap::{Args, Parser, Subcommand};
use entrel::{Extractor, ExtractorBuilder};
use input::{decode, raw_string, InputDoc, Item, JsonlReader};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// See Cargo.toml: glibc's malloc is slow for the many small strings a run
/// makes and frees.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Measure throughput over a corpus: raw scan, tagging, extraction.
    Bench(BenchArgs),
    /// Score output against gold annotations or CoNLL-2003 data.
    Eval(eval::EvalArgs),
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
    /// Do not find names from context (titles, organisation heads and tails).
    #[arg(long)]
    no_discovery: bool,
    /// Do not link single name parts to full names in the same document.
    #[arg(long)]
    no_linking: bool,
}

impl ExtractorArgs {
    fn builder(&self) -> ExtractorBuilder {
        let mut builder = Extractor::builder();
        builder.default_gazetteers(!self.no_default_gazetteers);
        for path in &self.gazetteers {
            builder.gazetteer_path(path);
        }
        builder.default_rules(!self.no_default_rules);
        builder.discover_names(!self.no_discovery);
        builder.link_aliases(!self.no_linking);
        for path in &self.rules {
            builder.rules_path(path);
        }
        builder
    }
}

/// Options on how input is read.
#[derive(Args)]
struct InputArgs {
    /// Read JSON Lines: one {"id", "text", ...} object per line; other
    /// fields pass through to the output line.
    #[arg(long)]
    jsonl: bool,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// The largest document read, as a file or a JSON line: bytes, or with
    /// K, M or G; 0 for no limit. A longer one is a bad item, passed over
    /// without being held in memory.
    // The default is far above any article or report (a corpus of ten
    // thousand news articles fits in one) and far below what would exhaust
    // a cluster node's memory.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = input::parse_size)]
    max_doc_bytes: usize,
    /// Files to read; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    extractor: ExtractorArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Include the sentence spans in the output.
    #[arg(long)]
    sentences: bool,
    /// Worker threads (default: the machine's cores). The output is the same
    /// whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Report a bad input line on stderr and go on, instead of stopping.
    #[arg(long)]
    skip_bad: bool,
}

#[derive(Args)]
struct BenchArgs {
    #[command(flatten)]
    extractor: ExtractorArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Threads for the multi-threaded extraction run (default: the machine's cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Runs of each measurement; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(&args),
        Command::Bench(args) => bench_command(&args),
        Command::Eval(args) => eval::eval_command(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("entrel: {message}");
            ExitCode::FAILURE
        }
    }
}

fn default_threads(threads: Option<usize>) -> usize {
    threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

fn files(input: &InputArgs) -> Vec<PathBuf> {
    if input.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        input.files.clone()
    }
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// A file, or standard input for `-`.
fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if path == Path::new("-") {
        Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())))
    } else {
        std::fs::File::open(path)
            .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
    }
}

fn cannot_read(path: &Path, e: io::Error) -> String {
    format!("{}: cannot read: {e}", display_name(path))
}

/// A whole text file as one document; a file that cannot be read or
/// decoded, or is longer than `max` bytes, is a bad item, so that the
/// documents before it still come out.
fn read_text_doc(path: &Path, ordinal: usize, input: &InputArgs) -> Item {
    let (lossy, max) = (input.lossy, input.max_doc_bytes);
    let bytes = match open(path).and_then(|r| input::read_bounded(r, max)) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Item::Bad {
                location: display_name(path),
                message: input::too_long("file", max),
            }
        }
        Err(e) => {
            return Item::Bad {
                location: display_name(path),
                message: format!("cannot read: {e}"),
            }
        }
    };
    let id = if path == Path::new("-") {
        ordinal.to_string()
    } else {
        path.file_stem()
            .map_or_else(|| ordinal.to_string(), |s| s.to_string_lossy().into_owned())
    };
    let text = match decode(bytes, lossy) {
        Ok((text, None)) => text,
        Ok((text, Some(at))) => {
            eprintln!(
                "entrel: warning: {}: invalid UTF-8 at byte {at}, replaced with U+FFFD",
                display_name(path)
            );
            text
        }
        Err(at) => {
            return Item::Bad {
                location: display_name(path),
                message: format!(
                    "invalid UTF-8 at byte {at}; expected UTF-8 text (or use --lossy)"
                ),
            }
        }
    };
    Item::Doc(InputDoc {
        id: raw_string(&id),
        text,
        extra: Vec::new(),
    })
}

/// Most documents and bytes of text in one batch; four batches at most
/// are held at once (see `extract`).
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 1 << 20;

struct Output<W: Write> {
    out: W,
    skip_bad: bool,
    bad: usize,
}

impl<W: Write> Output<W> {
    /// Writes a batch's results in order; stops at a bad item unless skipping.
    fn write(&mut self, items: &[Item], lines: Vec<Option<Vec<u8>>>) -> Result<(), String> {
        for (item, line) in items.iter().zip(lines) {
            match (item, line) {
                (_, Some(line)) => {
                    self.out.write_all(&line).map_err(write_error)?;
                    self.out.write_all(b"\n").map_err(write_error)?;
                }
                (Item::Bad { location, message }, None) => {
                    if !self.skip_bad {
                        self.out.flush().map_err(write_error)?;
                        return Err(format!("{location}: {message}"));
                    }
                    self.bad += 1;
                    eprintln!("entrel: skipped {location}: {message}");
                }
                (Item::Doc(_), None) => {}
            }
        }
        Ok(())
    }
}

fn write_error(e: io::Error) -> String {
    // The reader of our output has gone (`entrel ... | head`): nothing is
    // left to do and nothing to report.
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write output: {e}")
}

/// Reads JSON Lines files in batches and sends them on, or the error that
/// stopped the reading; stops early when the receiver has gone.
fn read_jsonl(
    paths: &[PathBuf],
    input: &InputArgs,
    send: &std::sync::mpsc::SyncSender<Result<Vec<Item>, String>>,
) {
    for path in paths {
        let mut reader = match open(path) {
            Ok(r) => JsonlReader::new(r, display_name(path), input.lossy, input.max_doc_bytes),
            Err(e) => {
                let _ = send.send(Err(cannot_read(path, e)));
                return;
            }
        };
        loop {
            let batch = reader
                .next_batch(BATCH_DOCS, BATCH_BYTES)
                .map_err(|e| cannot_read(path, e));
            for warning in reader.warnings.drain(..) {
                eprintln!("entrel: warning: {warning}");
            }
            match batch {
                Ok(items) if items.is_empty() => break,
                Ok(items) => {
                    if send.send(Ok(items)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = send.send(Err(e));
                    return;
                }
            }
        }
    }
}

fn extract(args: &ExtractArgs) -> Result<(), String> {
    let build = || args.extractor.builder().build().map_err(|e| e.to_string());
    let threads = default_threads(args.threads);
    let stdout = io::stdout();
    let mut output = Output {
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        skip_bad: args.skip_bad,
        bad: 0,
    };
    let work = |extractor: &Extractor, item: &Item| match item {
        Item::Doc(doc) => Some(run::render(extractor, doc, args.sentences)),
        Item::Bad { .. } => None,
    };
    let paths = files(&args.input);
    let result = if args.input.jsonl {
        // A reader thread parses the next batch while the workers extract
        // from the two before it; the channel holds one batch, so at most
        // four are in memory at once. It starts before the extractor is
        // built, so that the first batch is ready when the extractor is.
        std::thread::scope(|scope| {
            let (send, batches) = std::sync::mpsc::sync_channel(1);
            let paths = &paths;
            scope.spawn(move || read_jsonl(paths, &args.input, &send));
            let extractor = build()?;
            run::map_batches(
                threads,
                batches,
                |item| work(&extractor, item),
                |items, lines| output.write(items, lines),
            )
        })
    } else {
        // Whole files are documents: read a few per thread at a time.
        let extractor = build()?;
        let per_batch = threads * 4;
        let batches = paths.chunks(per_batch).enumerate().map(|(batch, chunk)| {
            Ok(chunk
                .iter()
                .enumerate()
                .map(|(k, p)| read_text_doc(p, batch * per_batch + k + 1, &args.input))
                .collect::<Vec<_>>())
        });
        run::map_batches(
            threads,
            batches,
            |item| work(&extractor, item),
            |items, lines| output.write(items, lines),
        )
    };
    output.out.flush().map_err(write_error)?;
    result?;
    if output.bad > 0 {
        eprintln!("entrel: {} bad input item(s) skipped", output.bad);
    }
    Ok(())
}

fn bench_command(args: &BenchArgs) -> Result<(), String> {
    let mut docs = Vec::new();
    for (ordinal, path) in files(&args.input).iter().enumerate() {
        let jsonl = args.input.jsonl || path.extension().is_some_and(|e| e == "jsonl");
        if jsonl {
            let mut reader = JsonlReader::new(
                open(path).map_err(|e| cannot_read(path, e))?,
                display_name(path),
                args.input.lossy,
                args.input.max_doc_bytes,
            );
            loop {
                let items = reader
                    .next_batch(usize::MAX, usize::MAX)
                    .map_err(|e| e.to_string())?;
                if items.is_empty() {
                    break;
                }
                for item in items {
                    match item {
                        Item::Doc(doc) => docs.push(doc.text),
                        Item::Bad { location, message } => {
                            return Err(format!("{location}: {message}"))
                        }
                    }
                }
            }
        } else {
            match read_text_doc(path, ordinal + 1, &args.input) {
                Item::Doc(doc) => docs.push(doc.text),
                Item::Bad { location, message } => return Err(format!("{location}: {message}")),
            }
        }
    }
    let report = bench::bench(
        &args.extractor.builder(),
        &bench::Corpus { docs },
        default_threads(args.threads),
        args.runs,
    )?;
    print!("{report}");
    Ok(())
}
