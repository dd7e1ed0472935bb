//! `entrel eval`: precision, recall and F1 of the extractor (or of saved
//! output) against gold annotations in entrel's gold JSON format, or against
//! CoNLL-2003 NER data.
//!
//! Gold JSON is scored exactly as `shared/tools/score.py` scores it, so the
//! two give the same figures. CoNLL data is scored on exact spans after
//! mapping our types onto CoNLL's four (see [`conll_type`]).

use crate::run::parallel_map;
use entrel::Document;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Options of `entrel eval`.
#[derive(clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    extractor: crate::ExtractorArgs,
    /// Gold annotations in entrel's gold JSON format ("text" or "text_file",
    /// "ignore", "entities", "relations").
    #[arg(
        long,
        value_name = "GOLD.json",
        conflicts_with = "conll",
        required_unless_present = "conll"
    )]
    gold: Option<PathBuf>,
    /// A CoNLL-2003 file (token POS chunk NER; IOB1 or IOB2 tags): rebuild
    /// each document's text, extract from it and score against its tags.
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// Saved `entrel extract` output to score against --gold; without it the
    /// extractor runs on the gold text.
    #[arg(value_name = "PRED.jsonl", requires = "gold")]
    pred: Option<PathBuf>,
    /// List the missed and the spurious entities (and relations).
    #[arg(long)]
    show: bool,
}

/// Runs `entrel eval` and prints its report on standard output.
pub fn eval_command(args: &EvalArgs) -> Result<(), String> {
    let report = match (&args.gold, &args.conll) {
        (Some(gold), _) => eval_gold(args, gold)?,
        (None, Some(conll)) => eval_conll(args, conll)?,
        (None, None) => return Err("expected --gold GOLD.json or --conll FILE".into()),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(report.as_bytes())
        .and_then(|()| out.flush())
        .map_err(crate::write_error)
}

fn build_extractor(args: &EvalArgs) -> Result<entrel::Extractor, String> {
    args.extractor.builder().build().map_err(|e| e.to_string())
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| crate::cannot_read(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        format!(
            "{}:{line}: invalid UTF-8 at byte {at}; expected UTF-8 text",
            path.display()
        )
    })
}

/// A serde_json error as `file:line:column: message`, without serde_json's
/// own " at line L column C" suffix.
fn json_error(path: &Path, line_offset: usize, e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    if e.line() == 0 {
        format!("{}:{line_offset}: invalid JSON: {message}", path.display())
    } else {
        format!(
            "{}:{}:{}: invalid JSON: {message}",
            path.display(),
            line_offset + e.line() - 1,
            e.column()
        )
    }
}

/// Precision, recall and F1; an empty side counts as perfect, as in score.py.
fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        1.0
    } else {
        correct as f64 / predicted as f64
    };
    let r = if gold == 0 {
        1.0
    } else {
        correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Prints one row per type and an overall row from gold and predicted sets
/// of `(key, type)` items.
fn entity_table<K: Ord + Clone>(
    out: &mut String,
    gold: &BTreeSet<(K, String)>,
    pred: &BTreeSet<(K, String)>,
) {
    let _ = writeln!(
        out,
        "entities      gold   pred  correct      P      R     F1"
    );
    let types: BTreeSet<&String> = gold.iter().chain(pred).map(|(_, t)| t).collect();
    let mut row = |name: &str, g: usize, p: usize, c: usize| {
        let (precision, recall, f1) = prf(c, p, g);
        let _ = writeln!(
            out,
            "  {name:<9} {g:>6} {p:>6} {c:>8}  {precision:.3}  {recall:.3}  {f1:.3}"
        );
    };
    for t in types {
        let g = gold.iter().filter(|(_, x)| x == t).count();
        let p = pred.iter().filter(|(_, x)| x == t).count();
        let c = gold
            .iter()
            .filter(|x| &x.1 == t && pred.contains(*x))
            .count();
        row(t, g, p, c);
    }
    let correct = gold.intersection(pred).count();
    row("overall", gold.len(), pred.len(), correct);
}

#[derive(Deserialize)]
struct GoldFile {
    id: Option<Value>,
    text: Option<String>,
    text_file: Option<String>,
    #[serde(default)]
    ignore: Vec<Extent>,
    #[serde(default)]
    entities: Vec<Mention>,
    #[serde(default)]
    relations: Vec<RelationRecord>,
}

#[derive(Deserialize, Clone, Copy)]
struct Extent {
    start: usize,
    end: usize,
}

impl Extent {
    fn overlaps(self, other: Extent) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Deserialize)]
struct Mention {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    text: Option<String>,
}

#[derive(Deserialize)]
struct Arg {
    start: usize,
    end: usize,
    text: Option<String>,
}

impl Arg {
    fn extent(&self) -> Extent {
        Extent {
            start: self.start,
            end: self.end,
        }
    }
}

#[derive(Deserialize)]
struct RelationRecord {
    subject: Arg,
    predicate: String,
    object: Arg,
    negated: Option<bool>,
    optional: Option<bool>,
}

impl RelationRecord {
    /// score.py's test: same predicate (case-insensitive) and negation,
    /// overlapping subject and object spans.
    fn matches(&self, gold: &RelationRecord) -> bool {
        self.predicate.trim().to_lowercase() == gold.predicate.trim().to_lowercase()
            && self.negated.unwrap_or(false) == gold.negated.unwrap_or(false)
            && self.subject.extent().overlaps(gold.subject.extent())
            && self.object.extent().overlaps(gold.object.extent())
    }

    fn describe(&self) -> String {
        let text = |a: &Arg| {
            a.text
                .clone()
                .unwrap_or_else(|| format!("{}..{}", a.start, a.end))
        };
        format!(
            "{} | {} | {}{}",
            text(&self.subject),
            self.predicate,
            text(&self.object),
            if self.negated.unwrap_or(false) {
                " | negated"
            } else {
                ""
            }
        )
    }
}

#[derive(Deserialize)]
struct Prediction {
    #[serde(default)]
    entities: Vec<Mention>,
    #[serde(default)]
    relations: Vec<RelationRecord>,
}

impl Prediction {
    fn from_document(doc: &Document) -> Prediction {
        let arg = |a: &entrel::Argument| Arg {
            start: a.start,
            end: a.end,
            text: Some(a.text.clone()),
        };
        Prediction {
            entities: doc
                .entities
                .iter()
                .map(|e| Mention {
                    start: e.span.start,
                    end: e.span.end,
                    kind: e.entity_type.as_str().to_owned(),
                    text: Some(e.text.clone()),
                })
                .collect(),
            relations: doc
                .relations
                .iter()
                .map(|r| RelationRecord {
                    subject: arg(&r.subject),
                    predicate: r.predicate.clone(),
                    object: arg(&r.object),
                    negated: Some(r.negated),
                    optional: None,
                })
                .collect(),
        }
    }
}

/// score.py's type groups; types it does not know pass through unchanged.
fn group(kind: &str) -> &str {
    match kind {
        "PERSON" | "PER" => "PERSON",
        "ORG" => "ORG",
        "GPE" | "LOC" | "FAC" | "PLACE" => "PLACE",
        "NORP" => "NORP",
        "EVENT" => "EVENT",
        other => other,
    }
}

/// An id as score.py compares it: `str()` of the JSON value.
fn id_string(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Code-point slicing of `text`, clamped like Python's `text[start:end]`.
struct CharText<'a> {
    text: &'a str,
    /// Byte offset of every code point, and the text's length last.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> CharText<'a> {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharText { text, bytes }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let last = self.bytes.len() - 1;
        let (start, end) = (start.min(last), end.min(last));
        if start >= end {
            ""
        } else {
            &self.text[self.bytes[start]..self.bytes[end]]
        }
    }
}

fn load_gold(path: &Path) -> Result<(GoldFile, String), String> {
    let json = read_text(path)?;
    let gold: GoldFile = serde_json::from_str(&json).map_err(|e| json_error(path, 1, &e))?;
    let text = match (&gold.text, &gold.text_file) {
        (Some(text), _) => text.clone(),
        (None, Some(file)) => {
            let dir = path.parent().unwrap_or(Path::new(""));
            read_text(&dir.join(file))?
        }
        (None, None) => {
            return Err(format!(
                "{}: expected a \"text\" or a \"text_file\" field",
                path.display()
            ))
        }
    };
    Ok((gold, text))
}

/// The line of `path` whose id is `id` (or whose id's file stem is), else the
/// only line.
fn load_prediction(path: &Path, id: &str) -> Result<Prediction, String> {
    let data = read_text(path)?;
    let mut lines = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| json_error(path, n + 1, &e))?;
        lines.push((n + 1, value));
    }
    let matches = |value: &Value| {
        let Some(line_id) = value.get("id").map(id_string) else {
            return false;
        };
        line_id == id || Path::new(&line_id).file_stem().is_some_and(|s| s == id)
    };
    let chosen = match lines.iter().position(|(_, v)| matches(v)) {
        Some(i) => lines.swap_remove(i),
        None if lines.len() == 1 => lines.remove(0),
        None => {
            return Err(format!(
                "{}: no document with id {id:?} (and not exactly one line)",
                path.display()
            ))
        }
    };
    let (line, value) = chosen;
    serde_json::from_value(value).map_err(|e| {
        format!(
            "{}:{line}: expected entrel output (entities with start, end and type; relations with subject, predicate, object): {e}",
            path.display()
        )
    })
}

fn eval_gold(args: &EvalArgs, gold_path: &Path) -> Result<String, String> {
    let (gold, text) = load_gold(gold_path)?;
    let id = match &gold.id {
        Some(id) => id_string(id),
        None => {
            let name = gold_path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let name = name.strip_suffix(".json").unwrap_or(&name);
            name.strip_suffix(".gold").unwrap_or(name).to_owned()
        }
    };
    let pred = match &args.pred {
        Some(path) => load_prediction(path, &id)?,
        None => Prediction::from_document(&build_extractor(args)?.extract(&text)),
    };
    let chars = CharText::new(&text);
    let ignored = |start, end| {
        let e = Extent { start, end };
        gold.ignore.iter().any(|z| e.overlaps(*z))
    };
    let key = |m: &Mention| ((m.start, m.end), group(&m.kind).to_owned());
    let gold_ents: BTreeSet<_> = gold
        .entities
        .iter()
        .filter(|m| !ignored(m.start, m.end))
        .map(key)
        .collect();
    let pred_ents: BTreeSet<_> = pred
        .entities
        .iter()
        .filter(|m| !ignored(m.start, m.end))
        .map(key)
        .filter(|(_, g)| matches!(g.as_str(), "PERSON" | "ORG" | "PLACE" | "NORP" | "EVENT"))
        .collect();

    let mut out = String::new();
    let _ = writeln!(out, "gold {} (document {id:?})", gold_path.display());
    entity_table(&mut out, &gold_ents, &pred_ents);
    if args.show {
        for ((start, end), g) in gold_ents.difference(&pred_ents) {
            let t = chars.slice(*start, *end);
            let _ = writeln!(out, "  missed    {start}..{end} {g} {t:?}");
        }
        for ((start, end), g) in pred_ents.difference(&gold_ents) {
            let t = chars.slice(*start, *end);
            let _ = writeln!(out, "  spurious  {start}..{end} {g} {t:?}");
        }
    }

    let (optional, required): (Vec<_>, Vec<_>) = gold
        .relations
        .iter()
        .partition(|r| r.optional.unwrap_or(false));
    let rels = &pred.relations;
    let found: Vec<&&RelationRecord> = required
        .iter()
        .filter(|g| rels.iter().any(|p| p.matches(g)))
        .collect();
    let wrong: Vec<&RelationRecord> = rels
        .iter()
        .filter(|p| !required.iter().chain(&optional).any(|g| p.matches(g)))
        .collect();
    // A prediction that matches only optional gold relations is left out.
    let counted = rels
        .iter()
        .filter(|p| required.iter().any(|g| p.matches(g)) || !optional.iter().any(|g| p.matches(g)))
        .count();
    let rp = if counted == 0 {
        1.0
    } else {
        (counted - wrong.len()) as f64 / counted as f64
    };
    let rr = if required.is_empty() {
        1.0
    } else {
        found.len() as f64 / required.len() as f64
    };
    let _ = writeln!(
        out,
        "relations: gold {} (+{} optional) predicted {} found {} spurious {}  P={rp:.3} R={rr:.3}",
        required.len(),
        optional.len(),
        rels.len(),
        found.len(),
        wrong.len()
    );
    if args.show {
        for g in required
            .iter()
            .filter(|g| !rels.iter().any(|p| p.matches(g)))
        {
            let _ = writeln!(out, "  missed    {}", g.describe());
        }
        for p in &wrong {
            let _ = writeln!(out, "  spurious  {}", p.describe());
        }
    }

    let mismatches: Vec<&Mention> = pred
        .entities
        .iter()
        .filter(|m| {
            m.text
                .as_deref()
                .is_some_and(|t| t != chars.slice(m.start, m.end))
        })
        .collect();
    if !mismatches.is_empty() {
        let _ = writeln!(
            out,
            "warning: {} predicted entities whose text is not the gold text at their span",
            mismatches.len()
        );
        for m in mismatches.iter().take(10) {
            let _ = writeln!(
                out,
                "  {}..{} {:?}, gold text has {:?}",
                m.start,
                m.end,
                m.text.as_deref().unwrap_or(""),
                chars.slice(m.start, m.end)
            );
        }
    }
    Ok(out)
}

/// One document rebuilt from CoNLL tokens: tokens joined by single spaces,
/// sentences by "\n".
struct ConllDoc {
    text: String,
    /// Gold entities as `(start, end)` code-point spans and CoNLL type.
    entities: Vec<((usize, usize), String)>,
}

struct ConllCorpus {
    docs: Vec<ConllDoc>,
    sentences: usize,
    tokens: usize,
}

/// Builds documents token by token, decoding IOB1 and IOB2 alike: an entity
/// starts at `B-X`, or at `I-X` not preceded by `B-X`/`I-X` in the same
/// sentence, and goes on over the `I-X` tags that follow.
#[derive(Default)]
struct ConllBuilder {
    docs: Vec<ConllDoc>,
    text: String,
    /// Code points in `text`.
    len: usize,
    entities: Vec<((usize, usize), String)>,
    /// The entity being read: type, start and end so far.
    open: Option<(String, usize, usize)>,
    in_sentence: bool,
    sentences: usize,
    tokens: usize,
}

impl ConllBuilder {
    fn close_entity(&mut self) {
        if let Some((kind, start, end)) = self.open.take() {
            self.entities.push(((start, end), kind));
        }
    }

    fn end_sentence(&mut self) {
        self.close_entity();
        self.in_sentence = false;
    }

    fn end_document(&mut self) {
        self.end_sentence();
        if !self.text.is_empty() {
            self.docs.push(ConllDoc {
                text: std::mem::take(&mut self.text),
                entities: std::mem::take(&mut self.entities),
            });
        }
        self.len = 0;
    }

    fn token(&mut self, token: &str, tag: Tag<'_>) {
        if self.in_sentence {
            self.text.push(' ');
            self.len += 1;
        } else {
            if !self.text.is_empty() {
                self.text.push('\n');
                self.len += 1;
            }
            self.in_sentence = true;
            self.sentences += 1;
        }
        self.tokens += 1;
        let start = self.len;
        match tag {
            Tag::Outside => self.close_entity(),
            Tag::Inside(kind) if self.open.as_ref().is_some_and(|(k, ..)| k == kind) => {}
            Tag::Begin(kind) | Tag::Inside(kind) => {
                self.close_entity();
                self.open = Some((kind.to_owned(), start, start));
            }
        }
        self.text.push_str(token);
        self.len += token.chars().count();
        if let Some((_, _, end)) = &mut self.open {
            *end = self.len;
        }
    }
}

enum Tag<'a> {
    Outside,
    Begin(&'a str),
    Inside(&'a str),
}

fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    match tag.split_once('-') {
        _ if tag == "O" => Some(Tag::Outside),
        Some(("B", kind)) if !kind.is_empty() => Some(Tag::Begin(kind)),
        Some(("I", kind)) if !kind.is_empty() => Some(Tag::Inside(kind)),
        _ => None,
    }
}

/// Parses CoNLL-2003 data: one `token POS chunk NER` line per token (the NER
/// tag is the last column), blank lines between sentences, `-DOCSTART-`
/// lines between documents.
fn parse_conll(path: &Path, data: &str) -> Result<ConllCorpus, String> {
    let mut b = ConllBuilder::default();
    for (n, line) in data.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => b.end_sentence(),
            ["-DOCSTART-", ..] => b.end_document(),
            [token, .., tag] => {
                let tag = parse_tag(tag).ok_or_else(|| {
                    format!(
                        "{}:{}: expected an NER tag (O, B-TYPE or I-TYPE) in the last column, found {tag:?}",
                        path.display(),
                        n + 1
                    )
                })?;
                b.token(token, tag);
            }
            [_] => {
                return Err(format!(
                    "{}:{}: expected `token POS chunk NER`, found {line:?}",
                    path.display(),
                    n + 1
                ))
            }
        }
    }
    b.end_document();
    Ok(ConllCorpus {
        docs: b.docs,
        sentences: b.sentences,
        tokens: b.tokens,
    })
}

/// Our types as CoNLL-2003 types: PERSON is PER; ORG is ORG; GPE, LOC and
/// FAC are LOC; NORP and EVENT are MISC. Other types are not scored.
fn conll_type(kind: &entrel::EntityType) -> Option<&'static str> {
    use entrel::EntityType as T;
    match kind {
        T::Person => Some("PER"),
        T::Org => Some("ORG"),
        T::Gpe | T::Loc | T::Fac => Some("LOC"),
        T::Norp | T::Event => Some("MISC"),
        T::Other(_) => None,
    }
}

type Key = (usize, (usize, usize));

fn eval_conll(args: &EvalArgs, path: &Path) -> Result<String, String> {
    let data = read_text(path)?;
    let corpus = parse_conll(path, &data)?;
    let extractor = build_extractor(args)?;
    let predicted = parallel_map(&corpus.docs, crate::default_threads(None), |doc| {
        extractor.extract(&doc.text)
    })?;

    let mut gold: BTreeSet<(Key, String)> = BTreeSet::new();
    let mut pred: BTreeSet<(Key, String)> = BTreeSet::new();
    for (i, (doc, result)) in corpus.docs.iter().zip(&predicted).enumerate() {
        gold.extend(doc.entities.iter().map(|(span, t)| ((i, *span), t.clone())));
        pred.extend(result.entities.iter().filter_map(|e| {
            let t = conll_type(&e.entity_type)?;
            Some(((i, (e.span.start, e.span.end)), t.to_owned()))
        }));
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "conll {}: {} documents, {} sentences, {} tokens",
        path.display(),
        corpus.docs.len(),
        corpus.sentences,
        corpus.tokens
    );
    let _ = writeln!(
        out,
        "types: PERSON=PER ORG=ORG GPE/LOC/FAC=LOC NORP/EVENT=MISC; exact spans"
    );
    entity_table(&mut out, &gold, &pred);
    let gold_spans: HashMap<Key, &str> = gold.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let wrong_type = pred
        .iter()
        .filter(|(k, t)| gold_spans.get(k).is_some_and(|g| g != t))
        .count();
    let _ = writeln!(out, "right span, wrong type: {wrong_type}");

    if args.show {
        let texts: Vec<CharText> = corpus.docs.iter().map(|d| CharText::new(&d.text)).collect();
        let text_of = |((doc, (start, end)), _): &(Key, String)| texts[*doc].slice(*start, *end);
        let missed: Vec<_> = gold.difference(&pred).collect();
        let spurious: Vec<_> = pred.difference(&gold).collect();
        for (name, items) in [("missed", &missed), ("spurious", &spurious)] {
            let _ = writeln!(
                out,
                "{name}: {} (the first {} listed)",
                items.len(),
                items.len().min(SHOW)
            );
            for item in items.iter().take(SHOW) {
                let ((doc, (start, end)), t) = item;
                let _ = writeln!(out, "  doc {doc} {start}..{end} {t:<4} {:?}", text_of(item));
            }
        }
        for (name, items) in [("missed", &missed), ("spurious", &spurious)] {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for item in items.iter() {
                *counts
                    .entry(format!("{} {}", item.1, text_of(item)))
                    .or_default() += 1;
            }
            let mut counts: Vec<_> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let _ = writeln!(out, "most often {name}:");
            for (s, c) in counts.iter().take(TOP) {
                let _ = writeln!(out, "  {c:>5}  {s}");
            }
        }
    }
    Ok(out)
}

/// Misses and false hits listed with --show.
const SHOW: usize = 50;
/// Most frequent missed and spurious strings listed with --show.
const TOP: usize = 25;
