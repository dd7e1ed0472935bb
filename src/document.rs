//! The plain data types that extraction produces.
//!
//! They serialize (serde) to the JSON object of the project's output schema:
//! one [`Document`] per input document.

use crate::span::Span;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What an entity is. The common news types are named; a user's gazetteer
/// may bring its own types, which pass through as [`EntityType::Other`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// People, real or fictional.
    Person,
    /// Organisations: companies, agencies, armed groups, parties.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, seas, rivers, mountains.
    Loc,
    /// Facilities: buildings, embassies, airports, bases.
    Fac,
    /// Nationalities and religious or political groups ("Iraqi", "Shi'ite").
    Norp,
    /// Named events: wars, operations, summits.
    Event,
    /// Any other type, as its gazetteer or rule names it.
    Other(Box<str>),
}

impl EntityType {
    /// The type's name as it appears in gazetteers, rules and JSON.
    pub fn as_str(&self) -> &str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Other(name) => name,
        }
    }

    /// The type named `name`; unknown names become [`EntityType::Other`].
    pub fn from_name(name: &str) -> EntityType {
        match name {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "FAC" => EntityType::Fac,
            "NORP" => EntityType::Norp,
            "EVENT" => EntityType::Event,
            other => EntityType::Other(other.into()),
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EntityType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EntityType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(EntityType::from_name(&name))
    }
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Source {
    /// A gazetteer entry matched.
    Gazetteer,
    /// A discovery rule found it from context.
    Rule,
    /// A shortened form linked to a full name found elsewhere in the document.
    Alias,
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention exactly as it appears in the document.
    pub text: String,
    /// The entity's type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The canonical id of the entity; every alias of one entity has the same id.
    pub id: String,
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the sentence the mention is in, into [`Document::sentences`].
    pub sentence: usize,
    /// How the mention was found.
    pub source: Source,
}

/// A relation's subject or object: an entity mention, by index and by value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Argument {
    /// Index into [`Document::entities`].
    pub entity: usize,
    /// The mention text.
    pub text: String,
    /// The entity's type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The entity's canonical id.
    pub id: String,
    /// Code-point offset of the mention's start.
    pub start: usize,
    /// Code-point offset of the mention's end (exclusive).
    pub end: usize,
}

/// The words that made a rule fire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// The trigger words as they appear in the document.
    pub text: String,
    /// Where they are.
    #[serde(flatten)]
    pub span: Span,
}

/// A relation triple stated in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Who or what the relation is about.
    pub subject: Argument,
    /// A lower-case English phrase such as "met with".
    pub predicate: String,
    /// The other side of the relation.
    pub object: Argument,
    /// True where the sentence denies the relation ("did not attack").
    pub negated: bool,
    /// True where the sentence states the relation under a condition or a
    /// modal ("if", "would", "could", "may").
    #[serde(default)]
    pub hedged: bool,
    /// Index of the sentence, into [`Document::sentences`].
    pub sentence: usize,
    /// The name of the rule that produced the relation.
    pub rule: String,
    /// The words that made the rule fire.
    pub trigger: Trigger,
}

/// A sentence of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id (set by the caller; the command-line tool uses the
    /// JSONL `id` or the file name).
    pub id: String,
    /// Entity mentions in document order; they never overlap.
    pub entities: Vec<Entity>,
    /// Relations in document order.
    pub relations: Vec<Relation>,
    /// The document's sentences. Left out of JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Sentence>,
}
