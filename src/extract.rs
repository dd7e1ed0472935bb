//! The pipeline: text → tagging → sentences → rules → [`Document`].

use crate::discover::{self, Found};
use crate::document::{
    Argument, Document, Entity, EntityType, Relation, Sentence, Source, Trigger,
};
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::rules::{self, RuleEngine, RuleSet};
use crate::tagger::{Mention, Tagger};
use crate::text::{split_sentences, CharCounter, Normalized};
use once_cell::sync::Lazy;
use std::path::PathBuf;

/// Extracts entities and relations from text.
///
/// Build one with [`Extractor::builder`] (or use [`default_extractor`]) and
/// call [`Extractor::extract`] on any number of documents, from any number of
/// threads: an extractor is immutable, `Send` and `Sync`. Extraction never
/// fails and never panics, whatever the text.
///
/// ```
/// use entrel::Extractor;
///
/// let extractor = Extractor::builder()
///     .default_gazetteers(false)
///     .gazetteer_text("mine.tsv", "Mustafa al-Kadhimi\tPERSON\tmustafa_al_kadhimi\tKadhimi\n\
///                                  Baghdad\tGPE\n")
///     .build()?;
/// let doc = extractor.extract("BAGHDAD — Kādhimī’s office said on Monday.");
/// let found: Vec<(&str, &str)> = doc.entities.iter().map(|e| (e.text.as_str(), e.id.as_str())).collect();
/// assert_eq!(found, [("BAGHDAD", "baghdad"), ("Kādhimī", "mustafa_al_kadhimi")]);
/// # Ok::<(), entrel::Error>(())
/// ```
#[derive(Debug)]
pub struct Extractor {
    tagger: Tagger,
    rules: RuleEngine,
    discover_names: bool,
    link_aliases: bool,
}

/// The default limit on the compiled size of one rule pattern, in bytes.
pub const DEFAULT_RULE_SIZE_LIMIT: usize = 2 << 20;

/// Configures and builds an [`Extractor`]. All loading and validation happens
/// in [`ExtractorBuilder::build`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    default_gazetteers: bool,
    gazetteers: Vec<GazetteerSource>,
    default_rules: bool,
    rules: Vec<RulesSource>,
    rule_size_limit: usize,
    discover_names: bool,
    link_aliases: bool,
}

#[derive(Clone, Debug)]
enum RulesSource {
    Parsed(RuleSet),
    Path(PathBuf),
    Text(PathBuf, String),
}

#[derive(Clone, Debug)]
enum GazetteerSource {
    Parsed(Gazetteer),
    Path(PathBuf),
    Text(PathBuf, String),
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            default_gazetteers: true,
            gazetteers: Vec::new(),
            default_rules: true,
            rules: Vec::new(),
            rule_size_limit: DEFAULT_RULE_SIZE_LIMIT,
            discover_names: true,
            link_aliases: true,
        }
    }
}

impl ExtractorBuilder {
    /// A builder with the shipped gazetteers and nothing else.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Whether to load the gazetteers shipped with the crate (default: yes).
    pub fn default_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.default_gazetteers = yes;
        self
    }

    /// Adds a parsed gazetteer. Gazetteers added later override earlier ones
    /// (and the shipped ones) where they list the same name.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteers.push(GazetteerSource::Parsed(gazetteer));
        self
    }

    /// Adds a gazetteer file, or every `*.tsv` file in a directory; read at
    /// build time.
    pub fn gazetteer_path(&mut self, path: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.gazetteers.push(GazetteerSource::Path(path.into()));
        self
    }

    /// Adds gazetteer text; `name` names it in error messages.
    pub fn gazetteer_text(
        &mut self,
        name: impl Into<PathBuf>,
        text: impl Into<String>,
    ) -> &mut ExtractorBuilder {
        self.gazetteers
            .push(GazetteerSource::Text(name.into(), text.into()));
        self
    }

    /// Whether to load the relation rules shipped with the crate (default: yes).
    pub fn default_rules(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.default_rules = yes;
        self
    }

    /// Adds a parsed rule set; its rules come after the shipped ones.
    pub fn rules(&mut self, rules: RuleSet) -> &mut ExtractorBuilder {
        self.rules.push(RulesSource::Parsed(rules));
        self
    }

    /// Adds a rule file, read at build time.
    pub fn rules_path(&mut self, path: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.rules.push(RulesSource::Path(path.into()));
        self
    }

    /// Adds rule text; `name` names it in error messages.
    pub fn rules_text(
        &mut self,
        name: impl Into<PathBuf>,
        text: impl Into<String>,
    ) -> &mut ExtractorBuilder {
        self.rules.push(RulesSource::Text(name.into(), text.into()));
        self
    }

    /// The most bytes one compiled rule pattern may take (default
    /// [`DEFAULT_RULE_SIZE_LIMIT`]); a larger rule is an
    /// [`ErrorKind::SizeLimit`](crate::ErrorKind::SizeLimit) error at build time.
    pub fn rule_size_limit(&mut self, bytes: usize) -> &mut ExtractorBuilder {
        self.rule_size_limit = bytes;
        self
    }

    /// Whether to find names the gazetteers miss from their context: people
    /// after titles, organisations by their heads and tails, places after
    /// "the city of" (default: yes). See the crate docs on name discovery.
    pub fn discover_names(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.discover_names = yes;
        self
    }

    /// Whether to tag a single word of a person's full name found elsewhere
    /// in the document as that person ("Barham" for "Barham Salih"; default: yes).
    pub fn link_aliases(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.link_aliases = yes;
        self
    }

    /// Loads everything and builds the extractor. The tagger and the rules
    /// are built side by side, the rules compiled on up to four threads (as
    /// many as the machine has), all of them joined before this returns.
    pub fn build(&self) -> Result<Extractor, Error> {
        let gazetteers = self.gazetteers()?;
        let mut rules = Vec::new();
        if self.default_rules {
            rules.extend(RuleSet::shipped()?);
        }
        for source in &self.rules {
            rules.push(match source {
                RulesSource::Parsed(r) => r.clone(),
                RulesSource::Path(path) => RuleSet::from_path(path)?,
                RulesSource::Text(name, text) => RuleSet::parse(name, text)?,
            });
        }
        // The tagger builds on a thread of its own while the rules compile
        // (themselves on several): neither needs the other, and the two
        // take about as long. Where no thread can be had, one after the other.
        let (rules, tagger) = crate::join::join(
            || RuleEngine::new(&rules, self.rule_size_limit),
            || Tagger::new(&gazetteers),
        );
        Ok(Extractor {
            tagger: tagger?,
            rules: rules?,
            discover_names: self.discover_names,
            link_aliases: self.link_aliases,
        })
    }

    /// The gazetteers this builder would load, shipped ones first.
    pub fn gazetteers(&self) -> Result<Vec<Gazetteer>, Error> {
        let mut gazetteers = Vec::new();
        if self.default_gazetteers {
            gazetteers.extend(Gazetteer::shipped()?);
        }
        gazetteers.extend(self.user_gazetteers()?);
        Ok(gazetteers)
    }

    fn user_gazetteers(&self) -> Result<Vec<Gazetteer>, Error> {
        let mut out = Vec::new();
        for source in &self.gazetteers {
            match source {
                GazetteerSource::Parsed(g) => out.push(g.clone()),
                GazetteerSource::Path(path) => out.extend(Gazetteer::load(path)?),
                GazetteerSource::Text(name, text) => out.push(Gazetteer::parse(name, text)?),
            }
        }
        Ok(out)
    }
}

static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    // The shipped lists are checked by the test suite; should they ever fail
    // to build, an extractor that finds nothing is better than a panic.
    Extractor::builder().build().unwrap_or_else(|_| {
        Extractor::builder()
            .default_gazetteers(false)
            .default_rules(false)
            .build()
            .unwrap_or_else(|_| unreachable!("an empty extractor always builds"))
    })
});

/// The extractor over the shipped gazetteers and rules, built once on first
/// use and shared.
///
/// ```
/// let doc = entrel::default_extractor().extract("Iraqi officials met in Baghdad.");
/// assert!(doc.entities.iter().any(|e| e.text == "Baghdad"));
/// ```
pub fn default_extractor() -> &'static Extractor {
    &DEFAULT
}

impl Extractor {
    /// A builder; see [`ExtractorBuilder`].
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Bytes of memory the tagger's automata and start filter hold.
    pub fn tagger_memory(&self) -> usize {
        self.tagger.memory_usage()
    }

    /// Extracts entities, sentences and relations from `text`. The document's
    /// `id` is left empty for the caller to set.
    pub fn extract(&self, text: &str) -> Document {
        let mentions = self.all_mentions(text);
        let protected: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let sentence_ranges = split_sentences(text, &protected);
        // Sentences first, in one pass over the text; then each sentence's
        // mentions and triggers count on from the sentence's start.
        let mut counter = CharCounter::new(text);
        let sentences: Vec<Sentence> = sentence_ranges
            .iter()
            .map(|&(start, end)| Sentence {
                span: counter.span(start, end),
            })
            .collect();
        let mut entities = Vec::with_capacity(mentions.len());
        let mut sentence = 0;
        let mut resumed = None;
        for m in mentions {
            while sentence + 1 < sentence_ranges.len() && sentence_ranges[sentence].1 <= m.start {
                sentence += 1;
            }
            if resumed != Some(sentence) {
                resume_at_sentence(&mut counter, &sentences, sentence);
                resumed = Some(sentence);
            }
            entities.push(to_entity(text, m, &mut counter, sentence));
        }
        let relations = self.relations(text, &sentences, &entities, &mut counter);
        Document {
            id: String::new(),
            entities,
            relations,
            sentences,
        }
    }

    /// Runs the rules on every sentence with two or more mentions.
    fn relations(
        &self,
        text: &str,
        sentences: &[Sentence],
        entities: &[Entity],
        counter: &mut CharCounter<'_>,
    ) -> Vec<Relation> {
        let mut relations = Vec::new();
        if self.rules.is_empty() {
            return relations;
        }
        // One token list for all the sentences, kept by the thread from one
        // document to the next with the rule engine's lists.
        rules::Scratch::with(|scratch| {
            self.relations_with(text, sentences, entities, counter, scratch, &mut relations)
        });
        relations
    }

    /// [`Extractor::relations`] with the thread's scratch, appending to
    /// `relations`; one list of a sentence's mentions serves them all.
    fn relations_with(
        &self,
        text: &str,
        sentences: &[Sentence],
        entities: &[Entity],
        counter: &mut CharCounter<'_>,
        scratch: &mut rules::Scratch,
        relations: &mut Vec<Relation>,
    ) {
        let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
        let mut first = 0;
        while first < entities.len() {
            let sentence = entities[first].sentence;
            let count = entities[first..]
                .iter()
                .take_while(|e| e.sentence == sentence)
                .count();
            let members = first..first + count;
            first += count;
            if count < 2 {
                continue;
            }
            let Some(span) = sentences.get(sentence).map(|s| s.span) else {
                continue;
            };
            let range = (span.byte_start, span.byte_end);
            mentions.clear();
            mentions.extend(
                members.map(|i| (entities[i].span.byte_start, entities[i].span.byte_end, i)),
            );
            self.rules.tokenize(text, range, &mentions, scratch);
            let found = self.rules.run(
                scratch,
                |e| &entities[e].entity_type,
                |a, b| same_group(&entities[a].entity_type, &entities[b].entity_type),
            );
            if !found.is_empty() {
                resume_at_sentence(counter, sentences, sentence);
            }
            for f in found {
                let rule = self.rules.rule(f.rule);
                relations.push(Relation {
                    subject: argument(entities, f.subject),
                    predicate: rule.predicate.clone(),
                    object: argument(entities, f.object),
                    negated: f.negated,
                    hedged: f.hedged,
                    sentence,
                    rule: rule.name.clone(),
                    trigger: Trigger {
                        text: text[f.trigger.0..f.trigger.1].to_string(),
                        span: counter.span(f.trigger.0, f.trigger.1),
                    },
                });
            }
        }
    }

    /// The gazetteer mentions of `text` alone: no sentences, rules or name
    /// discovery, each entity's `sentence` 0. The cheapest way to tag.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        let mut counter = CharCounter::new(text);
        Normalized::with(text, |norm| {
            self.with_mentions(norm, None, |mentions| {
                mentions
                    .iter()
                    .map(|m| {
                        let (entity_type, id) = self.type_and_id(m);
                        Entity {
                            text: text[m.byte_start..m.byte_end].to_string(),
                            span: counter.span(m.byte_start, m.byte_end),
                            entity_type,
                            id,
                            sentence: 0,
                            source: Source::Gazetteer,
                        }
                    })
                    .collect()
            })
        })
    }

    /// Gazetteer, discovered and linked mentions, in text order.
    fn all_mentions(&self, text: &str) -> Vec<Found> {
        let mut found = Normalized::with(text, |norm| {
            if !self.discover_names {
                return self.gazetteer_mentions(norm, None);
            }
            // The tagger finds discovery's key words on its way (news text
            // has one every few hundred bytes).
            let mut key_words = Vec::with_capacity(norm.as_str().len() / 256);
            let mut found = self.gazetteer_mentions(norm, Some(&mut key_words));
            let taken: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
            found.extend(discover::discover(norm, &key_words, &taken));
            found.sort_by_key(|f| f.start);
            found
        });
        if self.link_aliases {
            let people: Vec<(&str, &str)> = found
                .iter()
                .filter(|f| f.entity_type == EntityType::Person)
                .map(|f| (&text[f.start..f.end], f.id.as_str()))
                .collect();
            let taken: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
            let linked = discover::link(text, &people, &taken);
            if !linked.is_empty() {
                found.extend(linked);
                found.sort_by_key(|f| f.start);
            }
        }
        found
    }

    /// Gazetteer mentions only, in original byte offsets; with `key_words`,
    /// discovery's key words in `norm` go there.
    fn gazetteer_mentions(
        &self,
        norm: &Normalized,
        key_words: Option<&mut Vec<(usize, u8)>>,
    ) -> Vec<Found> {
        self.with_mentions(norm, key_words, |mentions| {
            mentions
                .iter()
                .map(|m| {
                    let (entity_type, id) = self.type_and_id(m);
                    Found {
                        start: m.byte_start,
                        end: m.byte_end,
                        entity_type,
                        id,
                        source: Source::Gazetteer,
                    }
                })
                .collect()
        })
    }

    /// The type and id of a tagger mention's entity, as owned values.
    #[inline]
    fn type_and_id(&self, m: &Mention) -> (EntityType, String) {
        let info = self.tagger.entity(m.entity);
        // Not `to_string`, which goes through the formatting machinery for
        // an `Arc<str>`.
        (info.entity_type.clone(), String::from(&*info.id))
    }

    /// Calls `f` with the tagger's mentions in `norm`; with `key_words`, the
    /// tagger puts discovery's key words there on its way.
    fn with_mentions<R>(
        &self,
        norm: &Normalized,
        key_words: Option<&mut Vec<(usize, u8)>>,
        f: impl FnOnce(&[Mention]) -> R,
    ) -> R {
        // Room for a name every 64 bytes: news text names something every
        // hundred bytes or so, so the list seldom grows.
        let mut mentions: Vec<Mention> = Vec::with_capacity(norm.as_str().len() / 64);
        match key_words {
            Some(found) => {
                self.tagger
                    .tag_finding(norm, &mut mentions, discover::key_word_set(), found)
            }
            None => self.tagger.tag(norm, &mut mentions),
        }
        f(&mentions)
    }
}

/// Sets `counter` to the start of sentence `index`, if there is one.
fn resume_at_sentence(counter: &mut CharCounter<'_>, sentences: &[Sentence], index: usize) {
    if let Some(s) = sentences.get(index) {
        counter.resume_at(s.span.byte_start, s.span.start);
    }
}

/// The public form of a mention, with both kinds of offsets.
fn to_entity(text: &str, m: Found, counter: &mut CharCounter<'_>, sentence: usize) -> Entity {
    Entity {
        text: text[m.start..m.end].to_string(),
        span: counter.span(m.start, m.end),
        entity_type: m.entity_type,
        id: m.id,
        sentence,
        source: m.source,
    }
}

fn argument(entities: &[Entity], index: usize) -> Argument {
    let e = &entities[index];
    Argument {
        entity: index,
        text: e.text.clone(),
        entity_type: e.entity_type.clone(),
        id: e.id.clone(),
        start: e.span.start,
        end: e.span.end,
    }
}

/// Types that can be coordinated in one list: the same type, or places of
/// any kind.
fn same_group(a: &EntityType, b: &EntityType) -> bool {
    let place = |t: &EntityType| matches!(t, EntityType::Gpe | EntityType::Loc | EntityType::Fac);
    a == b || (place(a) && place(b))
}
