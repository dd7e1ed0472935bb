//! The pipeline: text → tagging → sentences → rules → [`Document`].

use crate::document::{Document, Entity, Sentence, Source};
use crate::error::Error;
use crate::gazetteer::Gazetteer;
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
}

/// Configures and builds an [`Extractor`]. All loading and validation happens
/// in [`ExtractorBuilder::build`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    default_gazetteers: bool,
    gazetteers: Vec<GazetteerSource>,
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

    /// Loads everything and builds the extractor.
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut gazetteers = Vec::new();
        if self.default_gazetteers {
            gazetteers.extend(Gazetteer::shipped()?);
        }
        gazetteers.extend(self.user_gazetteers()?);
        Ok(Extractor {
            tagger: Tagger::new(&gazetteers)?,
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
    Extractor::builder().build().unwrap_or_else(|_| Extractor {
        tagger: Tagger::new(&[]).unwrap_or_else(|_| unreachable!("an empty tagger always builds")),
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

    /// Number of distinct name patterns the tagger matches (names and their
    /// case variants).
    pub fn pattern_count(&self) -> usize {
        self.tagger.pattern_count()
    }

    /// Extracts entities, sentences and relations from `text`. The document's
    /// `id` is left empty for the caller to set.
    pub fn extract(&self, text: &str) -> Document {
        let mentions = self.tag(text);
        let protected: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (m.byte_start, m.byte_end))
            .collect();
        let sentence_ranges = split_sentences(text, &protected);
        let mut counter = CharCounter::new(text);
        let mut entities = Vec::with_capacity(mentions.len());
        let mut sentence = 0;
        for m in &mentions {
            while sentence + 1 < sentence_ranges.len()
                && sentence_ranges[sentence].1 <= m.byte_start
            {
                sentence += 1;
            }
            let info = self.tagger.entity(m.entity);
            entities.push(Entity {
                text: text[m.byte_start..m.byte_end].to_string(),
                entity_type: info.entity_type.clone(),
                id: info.id.to_string(),
                span: counter.span(m.byte_start, m.byte_end),
                sentence,
                source: Source::Gazetteer,
            });
        }
        let sentences = sentence_ranges
            .iter()
            .map(|&(start, end)| Sentence {
                span: counter.span(start, end),
            })
            .collect();
        Document {
            id: String::new(),
            entities,
            relations: Vec::new(),
            sentences,
        }
    }

    /// Gazetteer mentions only, in original byte offsets.
    pub(crate) fn tag(&self, text: &str) -> Vec<Mention> {
        let norm = Normalized::new(text);
        let mut mentions = Vec::new();
        self.tagger.tag(&norm, &mut mentions);
        mentions
    }
}
