//! Relation rules: a small language for the patterns in which news states
//! relations, compiled once and run on every sentence with two or more
//! entity mentions.
//!
//! # The rule language
//!
//! A rule file (`.rules`) holds `let` definitions and rules:
//!
//! ```text
//! # Comments start with '#'.
//! let attack_verb = (attack* | struck | strikes | bombed | shelled | raided)
//!
//! rule attack-active -> attacked
//!   match <subject:PERSON|ORG|GPE|NORP> {$attack_verb} the? <object:PERSON|ORG|GPE|FAC>
//!   match <object:PERSON|ORG|GPE|FAC> (was|were|is|are|been|being) {$attack_verb by} <subject:ORG|GPE>
//!   priority 1
//!   example [Hamas](ORG) attacked [Israel](GPE).
//!   counter [Hamas](ORG) and [Israel](GPE) were named.
//! ```
//!
//! - `rule NAME -> predicate` starts a rule; its indented lines follow.
//! - `match PATTERN`: one or more; any of them makes the rule fire.
//! - Pattern elements, matched token by token against the sentence:
//!   - `word`: a literal word or punctuation mark, case-insensitive and folded
//!     like names (`’s` = `'s`); `word*` matches any word starting so;
//!     `"("` quotes a token that is otherwise syntax. A literal the sentence
//!     tokenizer would split (`long-time`, `U.S.`) matches its tokens in turn.
//!   - `(a | b c | d)`: alternatives, each a sequence; `x?`: optional.
//!   - `_`: any one word; `...N`: up to N words (never an entity).
//!   - `<subject:PERSON|ORG>` and `<object:GPE>`: an entity mention of one of
//!     the types, in a role; `<PERSON>` or `<*>` an entity in no role. Each
//!     pattern has exactly one subject and one object, outside choices and
//!     optionals.
//!   - `{ ... }`: the trigger, the words reported as having made the rule
//!     fire; without it, the words between subject and object are.
//!   - `$name`: the elements of an earlier `let name = ...`.
//! - `priority N`: where two rules relate the same two mentions, the higher
//!   priority wins, then the rule defined first.
//! - `example` / `counter`: sentences, with entities marked `[text](TYPE)`,
//!   on which the rule must / must not fire; the test suite runs them all.
//!
//! Before matching, cue words are taken out of the sentence: negations ("not",
//! "n't", "never", "no longer", "non-", "neither", "nor", "denied that"),
//! hedges ("would", "could", "may", "might") and fillers (auxiliaries such as
//! "did" and "has", adverbs such as "also"). So "X did not attack Y" matches
//! the pattern `<subject> attack <object>`, and the relation is marked
//! `negated`. Hedges that open a clause ("if", "unless", "whether") stay in
//! the sentence, so that no pattern reads across them into the next clause.
//! Cues just before the match count too when only names, titles, "and" or
//! "or" stand between ("If X visited Y" is `hedged`, "Neither President X
//! nor Y supports Z" `negated`). A relation also holds for entities
//! coordinated with its subject or object ("Neither X nor Y supports Z" gives
//! two negated relations), but not through a possessive ("Indianapolis, New
//! York's airport" is in New York alone).
//!
//! Patterns compile to regular expressions over the sentence's token codes
//! (see the `compile` module) and run on `regex-automata`'s linear-time
//! engines: no input makes a rule slow.

mod compile;
pub(crate) mod matcher;
mod syntax;

use crate::error::{Error, ErrorKind, Location};
use crate::hash::{FxHashMap, FxHashSet};
use compile::Regex;
use regex_automata::meta::BuildError;
use std::path::Path;
use syntax::RuleDef;

/// A parsed rule: its name, predicate and examples.
#[derive(Clone, Debug)]
pub struct Rule {
    def: RuleDef,
}

impl Rule {
    /// The rule's name.
    pub fn name(&self) -> &str {
        &self.def.name
    }

    /// The predicate it emits.
    pub fn predicate(&self) -> &str {
        &self.def.predicate
    }

    /// Its priority where it conflicts with another rule.
    pub fn priority(&self) -> i32 {
        self.def.priority
    }

    /// Sentences (entities marked `[text](TYPE)`) on which it must fire.
    pub fn examples(&self) -> &[String] {
        &self.def.examples
    }

    /// Sentences on which it must not fire.
    pub fn counters(&self) -> &[String] {
        &self.def.counters
    }

    /// Where the rule is defined.
    pub fn location(&self) -> &Location {
        &self.def.location
    }
}

/// A parsed rule file.
#[derive(Clone, Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

const SHIPPED: &[(&str, &str)] = &[(
    "gazetteers/relations.rules",
    include_str!("../../gazetteers/relations.rules"),
)];

impl RuleSet {
    /// Parses rule text; `name` names it in error messages.
    ///
    /// ```
    /// let rules = entrel::RuleSet::parse("mine.rules",
    ///     "rule visit -> visited\n  match <subject:PERSON> {visited} <object:GPE>\n")?;
    /// assert_eq!(rules.rules()[0].predicate(), "visited");
    ///
    /// let err = entrel::RuleSet::parse("bad.rules", "rule r -> x\n  match <subject:PERSON> (met\n")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "bad.rules:2:30: expected '|' or ')' to close the group opened at column 26, found the end of the line");
    /// # Ok::<(), entrel::Error>(())
    /// ```
    pub fn parse(name: impl AsRef<Path>, text: &str) -> Result<RuleSet, Error> {
        let defs = syntax::parse(name.as_ref(), text)?;
        Ok(RuleSet {
            rules: defs.into_iter().map(|def| Rule { def }).collect(),
        })
    }

    /// Reads and parses a rule file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<RuleSet, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        RuleSet::parse(path, &text)
    }

    /// The rules shipped with the crate.
    pub fn shipped() -> Result<Vec<RuleSet>, Error> {
        SHIPPED
            .iter()
            .map(|(name, text)| RuleSet::parse(name, text))
            .collect()
    }

    /// The rules in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
}

/// One compiled `match` line.
#[derive(Debug)]
struct CompiledPattern {
    rule: usize,
    regex: Regex,
    /// Groups of word codes, one of each must be in the sentence.
    words: Vec<Vec<u16>>,
    /// Groups of entity type codes (bit sets), one of each must be in the
    /// sentence.
    types: Vec<u128>,
    /// Where a match holds its subject and object, and the words it needs
    /// before, between and after them: a sentence with no two entities so
    /// placed has no match.
    roles: Option<compile::Roles>,
}

impl CompiledPattern {
    /// Whether a sentence whose `tokens` hold entities of the type codes
    /// `types` (a bit set) holds an entity of each of the pattern's type
    /// groups and a word of each of its word groups from the `from`th on.
    fn sentence_holds(&self, tokens: &matcher::Tokens, types: u128, from: usize) -> bool {
        self.types.iter().all(|&group| group & types != 0)
            && self
                .words
                .iter()
                .skip(from)
                .all(|group| group.iter().any(|&c| tokens.has_word(c)))
    }
}

/// All rules compiled, with the words and types each pattern needs, so that
/// a sentence runs only the patterns whose words and entities it has.
#[derive(Debug)]
pub(crate) struct RuleEngine {
    rules: Vec<RuleDef>,
    patterns: Vec<CompiledPattern>,
    codes: compile::Codes,
    /// The cue phrases by word code.
    cues: matcher::CueTable,
    /// For each word code, the patterns whose first word group holds it:
    /// a sentence looks only at the patterns its words point to.
    by_first_word: Vec<Vec<u32>>,
    /// Patterns that need no word, as bits: every sentence looks at them.
    unindexed: Vec<u64>,
}

/// A relation found in a sentence, before it becomes a [`crate::Relation`].
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) subject: usize,
    pub(crate) object: usize,
    pub(crate) rule: usize,
    pub(crate) trigger: (usize, usize),
    pub(crate) negated: bool,
    pub(crate) hedged: bool,
}

impl RuleEngine {
    pub(crate) fn new(sets: &[RuleSet], size_limit: usize) -> Result<RuleEngine, Error> {
        let mut rules = Vec::new();
        // Every `match` line: its rule's index, rule and elements, location.
        let mut lines = Vec::new();
        for set in sets {
            for rule in &set.rules {
                for (elements, location) in &rule.def.patterns {
                    lines.push((rules.len(), &rule.def, elements, location));
                }
                rules.push(rule.def.clone());
            }
        }
        let mut codes = compile::Codes::default();
        for (_, def, elements, location) in &lines {
            if !codes.add(elements) {
                return Err(Error::new(
                    ErrorKind::SizeLimit,
                    format!(
                        "rule {:?} brings the rules past {} distinct words or {} entity types; expected fewer",
                        def.name,
                        compile::MAX_WORDS - 1,
                        compile::MAX_TYPES - 1
                    ),
                )
                .at((*location).clone()));
            }
        }
        if !matcher::CueTable::add_words(&mut codes) {
            return Err(Error::new(
                ErrorKind::SizeLimit,
                format!(
                    "the rules and the cue words (\"not\", \"would\", ...) come to more than {} distinct words; expected fewer",
                    compile::MAX_WORDS - 1
                ),
            ));
        }
        codes.seal();
        let cues = matcher::CueTable::new(&codes);
        let sources: Vec<&[syntax::Element]> = lines
            .iter()
            .map(|(_, _, elements, _)| elements.as_slice())
            .collect();
        let compiled = compile_all(&sources, &codes, size_limit);
        let mut patterns = Vec::with_capacity(lines.len());
        let common = common_word_codes(&codes);
        for ((index, def, elements, location), regex) in lines.into_iter().zip(compiled) {
            let regex = regex.map_err(|e| compile_error(&def.name, location, size_limit, &e))?;
            let needs = compile::requirements(elements);
            let words = needs.word_codes(&codes);
            let types = needs
                .types
                .iter()
                .map(|group| codes.type_set(group))
                .collect();
            patterns.push(CompiledPattern {
                rule: index,
                regex,
                words: rarest_group_first(words, &common),
                types,
                roles: compile::roles(elements, &codes),
            });
        }
        let mut by_first_word = vec![Vec::new(); codes.word_count()];
        let mut unindexed = vec![0u64; patterns.len().div_ceil(64)];
        for (i, pattern) in patterns.iter().enumerate() {
            match pattern.words.first() {
                Some(group) => {
                    for &code in group {
                        by_first_word[code as usize].push(i as u32);
                    }
                }
                None => unindexed[i / 64] |= 1 << (i % 64),
            }
        }
        Ok(RuleEngine {
            rules,
            patterns,
            codes,
            cues,
            by_first_word,
            unindexed,
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub(crate) fn rule(&self, index: usize) -> &RuleDef {
        &self.rules[index]
    }

    /// Splits the sentence `text[sentence.0..sentence.1]` into
    /// `scratch.tokens`, its `mentions` (byte offsets and document indices)
    /// each one token, its words coded for these rules.
    pub(crate) fn tokenize(
        &self,
        text: &str,
        sentence: (usize, usize),
        mentions: &[(usize, usize, usize)],
        scratch: &mut Scratch,
    ) {
        matcher::tokenize(text, sentence, mentions, &self.codes, &mut scratch.tokens);
    }

    /// Runs every rule on one sentence's tokens, `scratch.tokens`, as
    /// [`RuleEngine::tokenize`] left them.
    pub(crate) fn run<'e>(
        &self,
        scratch: &mut Scratch,
        type_of: impl Fn(usize) -> &'e crate::EntityType,
        same_group: impl Fn(usize, usize) -> bool,
    ) -> Vec<Found> {
        let Scratch {
            tokens,
            pointed,
            candidates,
            stream,
        } = scratch;
        // The patterns the sentence's words point to (its tokenizer noted
        // each word code once), and its entities' types.
        pointed.clear();
        pointed.extend_from_slice(&self.unindexed);
        for &code in tokens.distinct_words() {
            for &pattern in self
                .by_first_word
                .get(usize::from(code))
                .map_or(&[][..], |v| v)
            {
                pointed[pattern as usize / 64] |= 1 << (pattern % 64);
            }
        }
        let types = tokens.code_entities(|e| self.codes.type_of(type_of(e)));
        let tokens = &*tokens;
        candidates.clear();
        candidates.extend(
            pointed
                .iter()
                .enumerate()
                .flat_map(|(w, &bits)| set_bits(bits).map(move |b| w * 64 + b))
                // A pattern is pointed to by a word of its first group, or
                // has no groups: only the others need checking.
                .filter(|&i| self.patterns[i].sentence_holds(tokens, types, 1)),
        );
        if candidates.is_empty() {
            return Vec::new();
        }
        stream.fill(tokens, tokens.stream_codes(), &self.cues);
        let stream = &*stream;
        let entity_at = |offset: usize| match tokens.kind(stream.token_at(offset)) {
            Some(matcher::TokenKind::Entity(e)) => Some(e),
            _ => None,
        };
        let mut found: Vec<Found> = Vec::new();
        for &pattern_index in candidates.iter() {
            let pattern = &self.patterns[pattern_index];
            // Most candidates do not match. A sentence without two entities
            // placed as the pattern needs them, with its words around them,
            // rules a match out at once: a regex's first search costs more
            // in cache misses than in instructions, each pattern's automaton
            // lying apart from the others'. Otherwise asking first spares
            // building the captures.
            if pattern
                .roles
                .as_ref()
                .is_some_and(|roles| !stream.roles_within(roles))
                || !pattern.regex.is_match(&stream.text)
            {
                continue;
            }
            for caps in pattern.regex.captures_iter(&stream.text) {
                let (Some(s), Some(o), Some(whole)) = (
                    caps.get_group_by_name("subject"),
                    caps.get_group_by_name("object"),
                    caps.get_match(),
                ) else {
                    continue;
                };
                let (Some(subject), Some(object)) = (entity_at(s.start), entity_at(o.start)) else {
                    continue;
                };
                let s_tok = stream.token_before(s.end);
                let o_tok = stream.token_before(o.end);
                let (first, last) = (
                    stream.token_at(whole.start()),
                    stream.token_before(whole.end()),
                );
                let (first, last) = (first.min(last), last.max(first));
                // An empty trigger capture (a user's `{word?}`) has no
                // tokens: then the words between subject and object are it.
                let words_between = between(stream, s_tok, o_tok).unwrap_or((first, last));
                let trigger_tokens = match caps.get_group_by_name("trigger") {
                    Some(t) if !t.is_empty() => {
                        (stream.token_at(t.start), stream.token_before(t.end))
                    }
                    _ => words_between,
                };
                let (Some(trigger_first), Some(trigger_last)) =
                    (tokens.get(trigger_tokens.0), tokens.get(trigger_tokens.1))
                else {
                    continue;
                };
                if trigger_first.start > trigger_last.end || last >= tokens.len() {
                    continue;
                }
                let (negated, hedged) = matcher::modality(tokens, &stream.cues, first, last);
                let trigger = (trigger_first.start, trigger_last.end);
                let base = Found {
                    subject,
                    object,
                    rule: pattern.rule,
                    trigger,
                    negated,
                    hedged,
                };
                let subjects =
                    matcher::coordinated(tokens, s_tok, s_tok < o_tok, |e| same_group(e, subject));
                let objects =
                    matcher::coordinated(tokens, o_tok, o_tok < s_tok, |e| same_group(e, object));
                for &extra in &subjects {
                    found.push(Found {
                        subject: extra,
                        ..base.clone()
                    });
                }
                for &extra in &objects {
                    found.push(Found {
                        object: extra,
                        ..base.clone()
                    });
                }
                found.push(base);
            }
        }
        self.resolve(found)
    }

    /// The patterns whose regex matches the sentence [`RuleEngine::tokenize`]
    /// left in `scratch` but which `run` would pass over before asking it,
    /// by their words, types or roles: none, where those checks only spare
    /// work.
    #[cfg(test)]
    fn passed_over_matches<'e>(
        &self,
        scratch: &mut Scratch,
        type_of: impl Fn(usize) -> &'e crate::EntityType,
    ) -> (usize, Vec<usize>) {
        let Scratch { tokens, stream, .. } = scratch;
        let types = tokens.code_entities(|e| self.codes.type_of(type_of(e)));
        stream.fill(tokens, tokens.stream_codes(), &self.cues);
        let matching: Vec<usize> = (0..self.patterns.len())
            .filter(|&i| self.patterns[i].regex.is_match(&stream.text))
            .collect();
        let passed_over = matching
            .iter()
            .copied()
            .filter(|&i| {
                let p = &self.patterns[i];
                !p.sentence_holds(tokens, types, 0)
                    || p.roles.as_ref().is_some_and(|r| !stream.roles_within(r))
            })
            .collect();
        (matching.len(), passed_over)
    }

    /// Keeps, for each pair of mentions, the relations of the winning rule.
    fn resolve(&self, mut found: Vec<Found>) -> Vec<Found> {
        found.sort_by_key(|f| {
            (
                std::cmp::Reverse(self.rules[f.rule].priority),
                f.rule,
                f.trigger.0,
            )
        });
        let mut kept: Vec<Found> = Vec::new();
        // The rule that won each unordered pair of mentions, and the ordered
        // pairs already kept: hashing keeps a crowded sentence linear.
        let mut winner: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
        for f in found {
            if f.subject == f.object {
                continue;
            }
            let pair = (f.subject.min(f.object), f.subject.max(f.object));
            let rule = *winner.entry(pair).or_insert(f.rule);
            if rule == f.rule && seen.insert((f.subject, f.object)) {
                kept.push(f);
            }
        }
        kept.sort_by_key(|f| (f.trigger.0, f.subject, f.object));
        kept
    }
}

/// What running the rules on a sentence needs besides the engine: the
/// sentence's tokens and the lists [`RuleEngine::run`] fills, kept by the
/// thread from one sentence and one document to the next rather than
/// allocated for each.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) tokens: matcher::Tokens,
    pointed: Vec<u64>,
    candidates: Vec<usize>,
    stream: matcher::Stream,
}

impl Scratch {
    /// Runs `f` with this thread's scratch (each [`matcher::tokenize`] and
    /// [`RuleEngine::run`] empties what it uses first). One grown past a few
    /// thousand tokens is let go after use.
    pub(crate) fn with<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        const KEEP: usize = 1 << 13;
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let out = f(&mut scratch);
                if scratch.tokens.capacity() > KEEP {
                    *scratch = Scratch::default();
                }
                out
            }
            // Only a caller inside `f` could get here; it gets its own.
            Err(_) => f(&mut Scratch::default()),
        })
    }
}

/// Words so common in news that a group holding one of them is present in
/// nearly every sentence.
const COMMON_WORDS: &[&str] = &[
    "the", ",", ".", "of", "and", "to", "a", "in", "'s", "that", "for", "on", "is", "was", "said",
    "with", "by", "as", "at", "it", "he", "from", "his", "an", "be", "are", "were", "but", "who",
    "they", "this", "which", "or", "its", "their", "been", "after", "had", "i", "we", "(", ")",
    "-", "\"", "'", ":", ";",
];

/// The codes of [`COMMON_WORDS`], asked once per rule set.
fn common_word_codes(codes: &compile::Codes) -> Vec<u16> {
    COMMON_WORDS.iter().map(|w| codes.word(w)).collect()
}

/// A pattern's word groups with the one least likely to be in a sentence
/// first: a sentence looks at a pattern only when it holds a word of that
/// group, so "threatened" makes a better key than "the". The likelihood is
/// guessed: a group holding a common word (`common` holds their codes) is
/// likely, and among the rest a group of fewer words is less likely.
fn rarest_group_first(mut groups: Vec<Vec<u16>>, common: &[u16]) -> Vec<Vec<u16>> {
    let likelihood = |group: &Vec<u16>| {
        let commons = group.iter().filter(|c| common.contains(c)).count();
        (commons, group.len())
    };
    if let Some(rarest) = (0..groups.len()).min_by_key(|&i| likelihood(&groups[i])) {
        groups.swap(0, rarest);
    }
    groups
}

/// A pattern's regex, or why it does not compile.
type Compiled = Result<Regex, Box<BuildError>>;

/// Compiles patterns, in order, on up to four threads: compiling the
/// shipped rules is most of the time an extractor takes to build.
fn compile_all(
    patterns: &[&[syntax::Element]],
    codes: &compile::Codes,
    size_limit: usize,
) -> Vec<Compiled> {
    let compile = |elements: &&[syntax::Element]| compile::compile(elements, codes, size_limit);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
        .min(patterns.len() / 8);
    if threads <= 1 {
        return patterns.iter().map(compile).collect();
    }
    // Interleaved shares: long and short patterns sit together in the files.
    let shares: Vec<Vec<(usize, Compiled)>> = std::thread::scope(|scope| {
        // A share whose thread cannot be had is missed, and made up below.
        let workers: Vec<_> = (0..threads)
            .filter_map(|k| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        (k..patterns.len())
                            .step_by(threads)
                            .map(|i| (i, compile(&patterns[i])))
                            .collect::<Vec<_>>()
                    })
                    .ok()
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut all: Vec<(usize, Compiled)> = shares.into_iter().flatten().collect();
    if all.len() != patterns.len() {
        // A worker died (it cannot, short of a bug in `regex-automata`) or
        // never started: do it here.
        return patterns.iter().map(compile).collect();
    }
    all.sort_by_key(|&(i, _)| i);
    all.into_iter().map(|(_, r)| r).collect()
}

/// The positions of the set bits of `bits`, lowest first.
fn set_bits(mut bits: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let lowest = bits.trailing_zeros() as usize;
        bits &= bits.wrapping_sub(1);
        (lowest < 64).then_some(lowest)
    })
}

/// Sentence-token range strictly between two tokens, if not empty.
fn between(stream: &matcher::Stream, a: usize, b: usize) -> Option<(usize, usize)> {
    let (lo, hi) = (a.min(b), a.max(b));
    // Stream tokens are in sentence order: find the range by binary search,
    // so a sentence with thousands of matches stays linear.
    let first = stream.tokens.partition_point(|&t| t <= lo);
    let end = stream.tokens.partition_point(|&t| t < hi);
    if first >= end {
        return None;
    }
    Some((stream.tokens[first], stream.tokens[end - 1]))
}

fn compile_error(rule: &str, location: &Location, limit: usize, err: &BuildError) -> Error {
    match err.size_limit() {
        Some(_) => Error::new(
            ErrorKind::SizeLimit,
            format!("rule {rule:?} compiles to more than the limit of {limit} bytes; expected a smaller pattern (fewer alternatives or shorter gaps) or a higher limit"),
        ),
        None => Error::new(ErrorKind::Rule, format!("rule {rule:?} does not compile: {err}")),
    }
    .at(location.clone())
}

#[cfg(test)]
mod tests {
    use super::{
        common_word_codes, compile, rarest_group_first, set_bits, RuleEngine, RuleSet, Scratch,
    };

    /// The checks `run` makes before a pattern's regex never turn away a
    /// pattern whose regex matches: over every sentence of our test
    /// articles with two mentions or more, every shipped pattern is asked.
    #[test]
    fn patterns_are_passed_over_only_where_their_regex_fails() {
        let sets = RuleSet::shipped().expect("the shipped rules parse");
        let engine = RuleEngine::new(&sets, crate::DEFAULT_RULE_SIZE_LIMIT).expect("they build");
        let extractor = crate::default_extractor();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .expect("the test articles")
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| std::fs::read_to_string(path).expect("an article reads"))
            .collect();
        texts.push(include_str!("../../examples/data/sample-article.txt").to_string());
        let mut scratch = Scratch::default();
        let (mut sentences, mut matches) = (0, 0);
        for text in &texts {
            let doc = extractor.extract(text);
            for (index, sentence) in doc.sentences.iter().enumerate() {
                let mentions: Vec<(usize, usize, usize)> = doc
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.sentence == index)
                    .map(|(i, e)| (e.span.byte_start, e.span.byte_end, i))
                    .collect();
                if mentions.len() < 2 {
                    continue;
                }
                let range = (sentence.span.byte_start, sentence.span.byte_end);
                engine.tokenize(text, range, &mentions, &mut scratch);
                let (matching, passed_over) =
                    engine.passed_over_matches(&mut scratch, |e| &doc.entities[e].entity_type);
                assert!(
                    passed_over.is_empty(),
                    "{:?}: patterns {passed_over:?} match but are passed over",
                    &text[range.0..range.1]
                );
                sentences += 1;
                matches += matching;
            }
        }
        assert!(
            sentences >= 100 && matches >= 50,
            "{sentences} sentences, {matches} matches"
        );
    }

    #[test]
    fn set_bits_lists_each_bit_once_lowest_first() {
        assert_eq!(set_bits(0).count(), 0);
        assert_eq!(set_bits(0b1011).collect::<Vec<_>>(), [0, 1, 3]);
        assert_eq!(set_bits(1 << 63).collect::<Vec<_>>(), [63]);
        assert!(set_bits(u64::MAX).eq(0..64));
    }

    #[test]
    fn patterns_are_keyed_by_their_least_likely_word_group() {
        let mut codes = compile::Codes::default();
        for word in ["the", "a", ",", "threatened", "vowed", "to", "close"] {
            assert!(codes.add_word(word));
        }
        codes.seal();
        let code = |w: &str| codes.word(w);
        let common = common_word_codes(&codes);
        let det = vec![code("the"), code("a")];
        let verbs = vec![code("threatened"), code("vowed")];
        let close = vec![code("close")];
        // A group with a common word is not the key, whatever its size.
        let groups = rarest_group_first(vec![det.clone(), verbs.clone()], &common);
        assert_eq!(groups[0], verbs);
        // Among groups of rare words, the smaller one.
        let groups = rarest_group_first(vec![det.clone(), verbs.clone(), close.clone()], &common);
        assert_eq!(groups[0], close);
        // Nothing is lost: the same groups in some order.
        let mut sorted = groups.clone();
        sorted.sort();
        let mut expected = vec![det, verbs, close];
        expected.sort();
        assert_eq!(sorted, expected);
        assert!(rarest_group_first(Vec::new(), &common).is_empty());
    }
}
