//! Finding names the gazetteers miss, from context, and linking shortened
//! names to the full names met elsewhere in the document.
//!
//! # Discovery
//!
//! A capitalised word alone never makes a name (every sentence starts with
//! one); a name is found only where English marks it as one:
//!
//! - **People after titles and roles**: "Prime Minister Mustafa al-Kadhimi",
//!   "Gen. Qassem Soleimani", "Ayatollah Ali Sistani", "Mr. Hashimi",
//!   "analyst Hisham al-Hashimi", "said John Smith, a spokesman". The title
//!   is not part of the span; name particles (al-, bin, ibn, abu, von der,
//!   van, de, da) are.
//! - **Organisations by their heads and tails**: "Ministry of Oil",
//!   "University of Basra", "Sadrist Movement", "Badr Brigades", "Al-Nusra
//!   Front", "Acme Corporation", "Anbar Provincial Council".
//! - **Places by context**: "the city of Samarra", "Diyala province".
//!
//! Found names carry `"source": "rule"` and an id derived from the name.
//!
//! # Linking
//!
//! Within a document, a single word that is part of a person's full name
//! found elsewhere ("Barham" and "Salih" for "Barham Salih", "Hashimi" for
//! "Hisham al-Hashimi") is tagged with that person's id and
//! `"source": "alias"`. A name part shared by two people of the document is
//! left alone.

use crate::document::{EntityType, Source};
use crate::hash::FxHashMap;
use crate::tagger::StartWords;
use crate::text::blocks::{ascii_in_range, first_marked, starts_with_short, HIGH};
use crate::text::Normalized;
use once_cell::sync::Lazy;
use regex_automata::{meta, Anchored, Input};
use std::collections::VecDeque;

/// A mention found by discovery or linking, in original byte offsets.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entity_type: EntityType,
    pub(crate) id: String,
    pub(crate) source: Source,
}

/// The patterns run on the document's matching view (see the `text` module),
/// where diacritics, curly apostrophes, dashes and odd spaces are already
/// folded to ASCII: ASCII classes keep their automata small and fast. They
/// are searched for only near their key words (see [`names_after_titles`]
/// and [`near_key_words`]), over spans of the text, whose look-around sees
/// the text beyond them.
fn ascii_regex(pattern: &str) -> Option<meta::Regex> {
    let hir = ascii_hir(pattern)?;
    meta::Builder::new()
        .configure(meta::Config::new().auto_prefilter(false))
        .build_from_hir(&hir)
        .ok()
}

/// `pattern` parsed as [`ascii_regex`] takes it (no Unicode classes): one
/// parse for the patterns and for what is read from them (the titles).
fn ascii_hir(pattern: &str) -> Option<regex_syntax::hir::Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .build()
        .parse(pattern)
        .ok()
}

/// One capitalised name word, with an optional lower-case particle glued on
/// by a hyphen ("al-Kadhimi"), or an initial ("R.").
const WORD: &str = r"(?:(?:al|el|as|ash|ad|an|ar|at|bin|ibn|abu|bint)-)?[A-Z][A-Za-z']*(?:-[A-Z][A-Za-z']*)*|[A-Z]\.";
/// Free-standing particles inside a name ("Osama bin Laden", "Ursula von der Leyen").
const PARTICLE: &str =
    r"(?:al|bin|ibn|abu|bint|von|der|den|van|de|da|di|du|del|della|la|le|dos|das)";

fn name(max_words: usize) -> String {
    format!(
        r"(?:{WORD})(?:[ ](?:{PARTICLE}[ ]){{0,2}}(?:{WORD})){{0,{}}}",
        max_words - 1
    )
}

/// Titles and roles written before a person's name.
const TITLES: &str = r"(?:President|Vice President|Prime Minister|Deputy Prime Minister|(?:Foreign|Defen[cs]e|Interior|Finance|Oil|Health|Justice|Trade|Economy|Energy|Education|Information) Minister|Minister|Secretary of State|Secretary-General|Secretary General|Secretary|Chancellor|Premier|King|Queen|Prince|Crown Prince|Emir|Sultan|Pope|Grand Ayatollah|Ayatollah|Sheikh|Imam|Cardinal|Archbishop|Bishop|Rabbi|Gen\.|General|Lt\. Gen\.|Maj\. Gen\.|Brig\. Gen\.|Lt\. Col\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.|Cmdr\.|Field Marshal|Marshal|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|Mayor|Speaker|Ambassador|Judge|Justice|analyst|spokesman|spokeswoman|spokesperson|commander|ambassador|envoy|cleric|journalist|lawmaker|activist|researcher|economist|professor|militia leader|opposition leader)";

/// "Prime Minister Mustafa al-Kadhimi", "analyst Hisham al-Hashimi": the
/// pattern whose `name` group [`names_after_titles`] finds, in two parts
/// (the titles spelled out, the name a pattern of its own); the tests hold
/// it to a search of this one over the whole text.
#[cfg(test)]
fn person_after_title_pattern() -> String {
    format!(r"\b{TITLES}[ ](?P<name>{})", name(4))
}

/// The name after a title, searched for anchored where a title and a space
/// end: see [`names_after_titles`].
static NAME_AFTER_TITLE: Lazy<Option<meta::Regex>> = Lazy::new(|| ascii_regex(&name(4)));

/// Every title of [`TITLES`] split at each of its key words that begins a
/// word in it (see [`TitlePart`]), sorted by the title from the key word
/// on. `None` if the titles could not be spelled out, when no name is found
/// after a title (as when a pattern fails to build; a test makes sure they
/// do).
static TITLE_PARTS: Lazy<Option<Vec<TitlePart>>> = Lazy::new(|| {
    let mut parts = Vec::new();
    for (rank, title) in title_literals()?.into_iter().enumerate() {
        for at in (0..title.len()).filter(|&at| begins_word(&title, at)) {
            let is_key = KEY_WORDS.iter().any(|&(word, bits)| {
                bits & GATE_TITLES != 0 && title[at..].starts_with(word.as_bytes())
            });
            if is_key {
                parts.push(TitlePart {
                    lead: title[..at].into(),
                    rest: title[at..].into(),
                    rank: rank as u32,
                });
            }
        }
    }
    parts.sort_unstable_by(|a, b| (&a.rest, &a.lead).cmp(&(&b.rest, &b.lead)));
    Some(parts)
});

/// A title split at a key word in it: what comes before the key word
/// ("Deputy Prime "), the title from it on ("Minister"; "Secretary of
/// State"; "General" of "Secretary-General"), and the title's place in the
/// pattern's alternation, which prefers earlier titles ("Justice Minister"
/// before "Justice").
#[derive(Debug)]
struct TitlePart {
    lead: Box<[u8]>,
    rest: Box<[u8]>,
    rank: u32,
}

/// The titles [`TITLES`] matches, each spelled out; `None` if that fails.
fn title_literals() -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = ascii_hir(TITLES)?;
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(4)
        .limit_total(10_000)
        .extract(&hir);
    let literals = seq.literals()?;
    literals
        .iter()
        .map(|literal| literal.is_exact().then(|| literal.as_bytes().to_vec()))
        .collect()
}

/// Whether a name of [`name`] may begin `rest`: with a capital, or with
/// lower-case letters and a hyphen (a glued particle, "al-").
fn may_begin_name(rest: &[u8]) -> bool {
    match rest.first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_lowercase() => {
            let letters = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
            rest.get(letters) == Some(&b'-')
        }
        _ => false,
    }
}

/// Where a match of [`person_after_title_pattern`] may begin, given the
/// places of its key words: `(start, rank, name)` for each title that the
/// text spells at `start` through a key word the tagger found, with a
/// space and what may begin a name after it at `name`, ordered as the
/// pattern would try them (by start, then by the title's rank).
fn title_tries(parts: &[TitlePart], bytes: &[u8], hits: &[usize]) -> Vec<(usize, u32, usize)> {
    let mut tries = Vec::new();
    for &at in hits {
        let rest = bytes.get(at..).unwrap_or_default();
        let before = bytes.get(..at).unwrap_or_default();
        let Some(&first) = rest.first() else {
            continue;
        };
        let from = parts.partition_point(|part| part.rest.first() < Some(&first));
        for part in parts[from..]
            .iter()
            .take_while(|part| part.rest.first() == Some(&first))
        {
            let after = rest.get(part.rest.len()..).unwrap_or_default();
            if starts_with_short(rest, &part.rest)
                && after.first() == Some(&b' ')
                && may_begin_name(&after[1..])
                // (Most titles have no lead: no call to compare nothing.)
                && (part.lead.is_empty() || before.ends_with(&part.lead))
                && begins_word(bytes, at - part.lead.len())
            {
                let start = at - part.lead.len();
                tries.push((start, part.rank, at + part.rest.len() + 1));
            }
        }
    }
    tries.sort_unstable();
    tries.dedup();
    tries
}

/// The names after titles in `text`, given the places of the titles' key
/// words, as a search of [`person_after_title_pattern`] over the whole text
/// finds them (its `name` group), in text order. Each title is tried where
/// [`title_tries`] puts it, in the pattern's order, and the name after it
/// is searched for anchored: the first title with a name after it wins, as
/// in the pattern, and no title is tried inside an earlier match. No
/// captures are needed: the name is the match of its own pattern.
fn names_after_titles(text: &str, hits: &[usize]) -> Vec<(usize, usize)> {
    let (Some(parts), Some(name)) = (TITLE_PARTS.as_ref(), NAME_AFTER_TITLE.as_ref()) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    // Where the next match may begin: past the last match.
    let mut next = 0;
    for (start, _, at) in title_tries(parts, text.as_bytes(), hits) {
        if start < next {
            continue;
        }
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        if let Some(found) = name.search(&input) {
            names.push((at, found.end()));
            next = found.end();
        }
    }
    names
}

/// The role words of [`person_with_role_pattern`].
const ROLE_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "official",
    "minister",
    "adviser",
    "advisor",
    "commander",
    "researcher",
    "scholar",
    "professor",
    "economist",
    "diplomat",
    "lawyer",
    "journalist",
    "expert",
    "fellow",
    "director",
    "leader",
    "member",
    "envoy",
    "ambassador",
    "cleric",
];

/// At most so many lower-case words between the article and the role word
/// ("a former senior party spokesman").
const ROLE_WORDS_BETWEEN: usize = 3;

/// "said John Smith, a spokesman ..." and "John Smith, a spokesman, said".
fn person_with_role_pattern() -> String {
    let role = format!(
        r"(?:an?|the)[ ](?:[a-z]+[ ]){{0,{ROLE_WORDS_BETWEEN}}}?(?:{})\b",
        ROLE_WORDS.join("|")
    );
    format!(
        r"\bsaid[ ](?P<name>{n}),[ ]{role}|\b(?P<name2>{n}),[ ]{role}|\b(?P<name3>{n})[ ](?:is|was)[ ]{role}",
        n = name(4)
    )
}

static PERSON_WITH_ROLE: Lazy<Option<meta::Regex>> =
    Lazy::new(|| ascii_regex(&person_with_role_pattern()));

/// The places among `hits` of the key words of the patterns behind `gate`
/// where the text around lets them match (see [`may_end_role`],
/// [`may_begin_head`], [`follows_capitalised_word`] and [`may_be_city_of`]).
fn gated_hits<'h>(
    bytes: &'h [u8],
    hits: &'h [(usize, u8)],
    gate: u8,
) -> impl Iterator<Item = usize> + 'h {
    hits.iter()
        .filter(move |&&(at, bits)| {
            bits & gate != 0
                && match gate {
                    GATE_ROLES => may_end_role(bytes, at),
                    GATE_HEADS => may_begin_head(bytes, at),
                    GATE_TAILS | GATE_PROVINCE => follows_capitalised_word(bytes, at),
                    GATE_CITY_OF => may_be_city_of(bytes, at),
                    _ => true,
                }
        })
        .map(|&(at, _)| at)
}

/// Whether a match of the first organisation pattern can begin with a head
/// word at `at` in `bytes`: " of ", perhaps "the ", and a capital follow
/// the word there, as the pattern has them. Most heads in news ("the Bank
/// said", "his Office") are followed by no such words.
fn may_begin_head(bytes: &[u8], at: usize) -> bool {
    word_then_of(bytes, at).is_some_and(|after| {
        let name = after.strip_prefix(b"the ").unwrap_or(after);
        name.first().is_some_and(u8::is_ascii_uppercase)
    })
}

/// Whether a match of the first place pattern can hold its key word at `at`
/// in `bytes`: "the " (or "the port ") before it, and " of " and a capital
/// after the word, as every branch has them.
fn may_be_city_of(bytes: &[u8], at: usize) -> bool {
    let before = bytes.get(..at).unwrap_or_default();
    (before.ends_with(b"the ") || before.ends_with(b"the port "))
        && word_then_of(bytes, at)
            .is_some_and(|name| name.first().is_some_and(u8::is_ascii_uppercase))
}

/// What follows " of " after the word of ASCII letters at `at` in `bytes`,
/// if " of " follows it: a key word the patterns follow with " of " ends
/// where the letters do.
fn word_then_of(bytes: &[u8], at: usize) -> Option<&[u8]> {
    let rest = bytes.get(at..)?;
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    rest.get(letters..)?.strip_prefix(b" of ")
}

/// Whether a match of the second organisation pattern or the second place
/// pattern can end with its key word at `at` in `bytes`: both have a space
/// and then a capitalised word before it, whose letters, apostrophes and
/// hyphens run back from the space, so that run holds a capital. Most such
/// words in news ("the group", "security forces", "the province") have
/// none.
fn follows_capitalised_word(bytes: &[u8], at: usize) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|space| {
        bytes
            .get(..space)
            .filter(|_| bytes.get(space) == Some(&b' '))
    }) else {
        return false;
    };
    before
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_alphabetic() || b == b'\'' || b == b'-')
        .any(u8::is_ascii_uppercase)
}

/// Whether a match of [`person_with_role_pattern`] can end with a role word
/// beginning at `at` in `bytes`: the whole word there is a role word with a
/// word boundary after it, and before it come "a ", "an " or "the ", at most
/// [`ROLE_WORDS_BETWEEN`] lower-case words, and ", " or " is " or " was ", as
/// in every branch of the pattern. Most role words in news ("officials
/// said", "the director of", "a member of") have no such context: their
/// text is not searched at all.
fn may_end_role(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at..).unwrap_or_default();
    let whole_role = ROLE_WORDS.iter().any(|word| {
        // The first byte alone turns most of the list away.
        rest.first() == word.as_bytes().first()
            && starts_with_short(rest, word.as_bytes())
            && !rest
                .get(word.len())
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    });
    if !whole_role {
        return false;
    }
    // `end` is where the article's space ends: back over the lower-case
    // words one at a time, asking each time whether the article is there.
    let mut end = at;
    for _ in 0..=ROLE_WORDS_BETWEEN {
        let before = bytes.get(..end).unwrap_or_default();
        let article = ["a ", "an ", "the "]
            .iter()
            .find_map(|a| before.strip_suffix(a.as_bytes()));
        if article.is_some_and(|lead| {
            [&b", "[..], b" is ", b" was "]
                .iter()
                .any(|l| lead.ends_with(l))
        }) {
            return true;
        }
        // One "[a-z]+ " further back, or no match.
        let Some(word) = before.strip_suffix(b" ") else {
            return false;
        };
        let letters = word
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if letters == 0 {
            return false;
        }
        end -= letters + 1;
    }
    false
}

/// How many spaces a match of a gated pattern holds before the key word it
/// holds and after it, at most (a test derives them from the patterns):
/// "said Abu bin al Bakr al bin Ali ibn de Sadr, a former senior party
/// spokesman" puts fifteen before "spokes".
const ROLE_SPACES: (usize, usize) = (15, 0);
const HEAD_SPACES: (usize, usize) = (0, 9);
const TAIL_SPACES: (usize, usize) = (13, 0);
const CITY_OF_SPACES: (usize, usize) = (2, 4);
const PROVINCE_SPACES: (usize, usize) = (3, 0);

/// Organisation tails: a capitalised name followed by one of these.
const ORG_TAILS: &str = r"(?:Party|Brigades?|Front|Movement|Corporation|Corp\.|Company|Co\.|Inc\.|Ltd\.|Group|Council|Committee|Commission|Agency|Authority|Institute|Foundation|Association|Federation|League|Union|Organi[sz]ation|Bank|University|College|Army|Militia|Forces|Guard|Battalion)";

/// A capitalised word, as the organisation and place patterns take it.
const CAP: &str = r"[A-Z][A-Za-z'-]*";

fn organisation_patterns() -> [String; 2] {
    [
        format!(
            r"\b(?P<name>(?:Ministry|Department|Office|University|Bank|Council|Commission) of (?:the )?{CAP}(?:[ ](?:and[ ])?{CAP}){{0,3}})"
        ),
        format!(
            r"\b(?P<name>{CAP}(?:[ ](?:of[ ](?:the[ ])?|for[ ](?:the[ ])?|and[ ])?{CAP}){{0,4}}[ ]{ORG_TAILS})\b"
        ),
    ]
}

/// The groups of a pattern whose `name` group is the whole match (the
/// organisation patterns: a test holds them to it), for [`names_in`],
/// which then needs no captures.
const WHOLE_MATCH: &[&str] = &[];

/// The organisation patterns, heads then tails, each if it builds.
static ORGS: Lazy<[Option<meta::Regex>; 2]> =
    Lazy::new(|| organisation_patterns().map(|p| ascii_regex(&p)));

/// The patterns gated by key words, as bits: organisations by their heads
/// ("Ministry of ...") and by their tails ("... Party"), places after "the
/// city of" and before "province", people in roles, people after titles.
const GATE_HEADS: u8 = 1;
const GATE_TAILS: u8 = 1 << 1;
const GATE_CITY_OF: u8 = 1 << 2;
const GATE_PROVINCE: u8 = 1 << 3;
const GATE_ROLES: u8 = 1 << 4;
const GATE_TITLES: u8 = 1 << 5;

/// The organisation and place patterns are searched for only near one of
/// their key words: most text names no province and no ministry, and
/// finding the words costs less than a pattern. So are the patterns for
/// people in roles and after titles, which need a role word or the last word
/// of a title ("Minister" for "Prime Minister"). Each word with the patterns
/// that cannot match without it; in a match, it begins a word. The tagger
/// finds them as it goes, at the places it tries names (after a character
/// that is no letter or digit of any script), so a pattern is not searched
/// for right after a letter of a script the matching view keeps, such as
/// Arabic, where its `\b` would hold. No word begins another, and each has
/// three bytes or more (see `StartWords`).
const KEY_WORDS: &[(&str, u8)] = &[
    ("Ministry", GATE_HEADS),
    ("Department", GATE_HEADS),
    ("Office", GATE_HEADS),
    ("University", GATE_HEADS | GATE_TAILS),
    ("Bank", GATE_HEADS | GATE_TAILS),
    ("Council", GATE_HEADS | GATE_TAILS),
    ("Commission", GATE_HEADS | GATE_TAILS),
    ("Party", GATE_TAILS),
    ("Brigade", GATE_TAILS),
    ("Front", GATE_TAILS),
    ("Movement", GATE_TAILS),
    ("Corporation", GATE_TAILS),
    ("Corp.", GATE_TAILS),
    ("Company", GATE_TAILS),
    ("Co.", GATE_TAILS),
    ("Inc.", GATE_TAILS),
    ("Ltd.", GATE_TAILS),
    ("Group", GATE_TAILS),
    ("Committee", GATE_TAILS),
    ("Agency", GATE_TAILS),
    ("Authority", GATE_TAILS),
    ("Institute", GATE_TAILS),
    ("Foundation", GATE_TAILS),
    ("Association", GATE_TAILS),
    ("Federation", GATE_TAILS),
    ("League", GATE_TAILS),
    ("Union", GATE_TAILS),
    ("Organisation", GATE_TAILS),
    ("Organization", GATE_TAILS),
    ("College", GATE_TAILS),
    ("Army", GATE_TAILS),
    ("Militia", GATE_TAILS),
    ("Forces", GATE_TAILS),
    ("Guard", GATE_TAILS),
    ("Battalion", GATE_TAILS),
    ("city", GATE_CITY_OF),
    ("town", GATE_CITY_OF),
    ("village", GATE_CITY_OF),
    ("capital", GATE_CITY_OF),
    ("region", GATE_CITY_OF),
    ("province", GATE_CITY_OF | GATE_PROVINCE),
    ("governorate", GATE_PROVINCE),
    ("district", GATE_PROVINCE),
    ("spokes", GATE_ROLES | GATE_TITLES),
    ("analyst", GATE_ROLES | GATE_TITLES),
    ("official", GATE_ROLES),
    ("minister", GATE_ROLES),
    ("advis", GATE_ROLES),
    ("commander", GATE_ROLES | GATE_TITLES),
    ("researcher", GATE_ROLES | GATE_TITLES),
    ("scholar", GATE_ROLES),
    ("professor", GATE_ROLES | GATE_TITLES),
    ("economist", GATE_ROLES | GATE_TITLES),
    ("diplomat", GATE_ROLES),
    ("lawyer", GATE_ROLES),
    ("journalist", GATE_ROLES | GATE_TITLES),
    ("expert", GATE_ROLES),
    ("fellow", GATE_ROLES),
    ("director", GATE_ROLES),
    ("leader", GATE_ROLES | GATE_TITLES),
    ("member", GATE_ROLES),
    ("envoy", GATE_ROLES | GATE_TITLES),
    ("ambassador", GATE_ROLES | GATE_TITLES),
    ("cleric", GATE_ROLES | GATE_TITLES),
    ("lawmaker", GATE_TITLES),
    ("activist", GATE_TITLES),
    ("President", GATE_TITLES),
    ("Minister", GATE_TITLES),
    ("Secretary", GATE_TITLES),
    ("Chancellor", GATE_TITLES),
    ("Premier", GATE_TITLES),
    ("King", GATE_TITLES),
    ("Queen", GATE_TITLES),
    ("Prince", GATE_TITLES),
    ("Emir", GATE_TITLES),
    ("Sultan", GATE_TITLES),
    ("Pope", GATE_TITLES),
    ("Ayatollah", GATE_TITLES),
    ("Sheikh", GATE_TITLES),
    ("Imam", GATE_TITLES),
    ("Cardinal", GATE_TITLES),
    ("Archbishop", GATE_TITLES),
    ("Bishop", GATE_TITLES),
    ("Rabbi", GATE_TITLES),
    ("Gen.", GATE_TITLES),
    ("General", GATE_TITLES),
    ("Col.", GATE_TITLES),
    ("Maj.", GATE_TITLES),
    ("Capt.", GATE_TITLES),
    ("Sgt.", GATE_TITLES),
    ("Adm.", GATE_TITLES),
    ("Cmdr.", GATE_TITLES),
    ("Marshal", GATE_TITLES),
    ("Mr.", GATE_TITLES),
    ("Mrs.", GATE_TITLES),
    ("Ms.", GATE_TITLES),
    ("Dr.", GATE_TITLES),
    ("Prof.", GATE_TITLES),
    ("Sen.", GATE_TITLES),
    ("Senator", GATE_TITLES),
    ("Rep.", GATE_TITLES),
    ("Representative", GATE_TITLES),
    ("Gov.", GATE_TITLES),
    ("Governor", GATE_TITLES),
    ("Mayor", GATE_TITLES),
    ("Speaker", GATE_TITLES),
    ("Ambassador", GATE_TITLES),
    ("Judge", GATE_TITLES),
    ("Justice", GATE_TITLES),
];

static KEY_WORD_SET: Lazy<StartWords> = Lazy::new(|| StartWords::new(KEY_WORDS));

/// The key words, labelled with their bits, for the tagger to find where
/// they begin words (see [`Tagger::tag_finding`](crate::tagger::Tagger::tag_finding)):
/// what [`discover`] takes as its hits.
pub(crate) fn key_word_set() -> &'static StartWords {
    &KEY_WORD_SET
}

/// The key words of `norm` that begin a word, in text order, each with the
/// bits of [`KEY_WORDS`] it carries, as a tagger with no names finds them.
#[cfg(test)]
fn key_words_of(norm: &Normalized) -> Vec<(usize, u8)> {
    let tagger = crate::tagger::Tagger::new(&[]).unwrap();
    let mut hits = Vec::new();
    tagger.tag_finding(norm, &mut Vec::new(), key_word_set(), &mut hits);
    hits
}

/// [`key_words_of`] `text` taken as a matching view.
#[cfg(test)]
fn key_words(text: &str) -> Vec<(usize, u8)> {
    key_words_of(&Normalized::verbatim(text))
}

/// Whether a word begins at `at` as title starts are told: at the start, or
/// after a byte that is no ASCII letter or digit (where `\b` holds before a
/// letter). [`title_tries`] gives starts only there; it must hold wherever a
/// pattern can match.
fn begins_word(bytes: &[u8], at: usize) -> bool {
    at == 0
        || bytes
            .get(at - 1)
            .is_some_and(|b| !b.is_ascii_alphanumeric())
}

/// Which gated patterns (organisations, places, people in roles and after
/// titles) may match somewhere in `text`, as the bits of [`KEY_WORDS`].
#[cfg(test)]
fn key_words_present(text: &str) -> u8 {
    key_words(text)
        .iter()
        .fold(0, |present, &(_, bits)| present | bits)
}

/// The spans of `text` around the key words of a gated pattern at `hits` (in
/// text order), merged where they meet, outside which it cannot match: a
/// match holds one of the key words, at most `before` spaces after the
/// match's start and `after` before its end, and no line break. The scans
/// back and forth read no byte more than once each, so a text of any length
/// costs time in proportion.
fn near_key_words(
    text: &str,
    hits: impl IntoIterator<Item = usize>,
    (before, after): (usize, usize),
) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // The spaces after the current key word up to `ahead`, where the scan
    // forward has got to, and whether it stopped at a line break or the end.
    let mut spaces: VecDeque<usize> = VecDeque::new();
    let (mut ahead, mut stopped) = (0, false);
    for hit in hits {
        if spaces.capacity() == 0 {
            // It never holds more than `after` + 1: one allocation, and
            // none for the patterns with no key word in the text.
            spaces.reserve_exact(after + 1);
        }
        // Back over `before` spaces, not into the last span.
        let floor = spans.last().map_or(0, |&(_, end)| end);
        let (mut start, mut seen) = (hit, 0);
        while start > floor {
            match bytes.get(start - 1) {
                None | Some(b'\n') => break,
                Some(b' ') if seen == before => break,
                Some(b' ') => seen += 1,
                _ => {}
            }
            start -= 1;
        }
        // On over `after` spaces, resuming the last scan.
        if ahead < hit {
            (ahead, stopped) = (hit, false);
            spaces.clear();
        }
        while spaces.front().is_some_and(|&at| at < hit) {
            spaces.pop_front();
        }
        while spaces.len() <= after && !stopped {
            match bytes.get(ahead) {
                None | Some(b'\n') => stopped = true,
                Some(&b) => {
                    if b == b' ' {
                        spaces.push_back(ahead);
                    }
                    ahead += 1;
                }
            }
        }
        let end = spaces.get(after).copied().unwrap_or(ahead);
        match spans.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => spans.push((start, end)),
        }
    }
    spans
}

/// The span of the first of `groups` present in each match of `re` in
/// `spans` (as [`near_key_words`] gives them), in text order; with no
/// groups, the span of each match. Every match of `re` in the whole text
/// lies in one span, and none of them ends in the middle of a match, so the
/// matches are those of a search over the whole text.
fn names_in(
    text: &str,
    spans: &[(usize, usize)],
    re: &meta::Regex,
    groups: &[&str],
) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    if groups.is_empty() {
        // The match alone needs no captures: the lazy DFA finds both of
        // its ends, and the backtracker that fills the groups never runs.
        for &(start, end) in spans {
            let mut at = start;
            while at < end {
                let Some(found) = re.search(&Input::new(text).span(at..end)) else {
                    break;
                };
                names.push((found.start(), found.end()));
                at = found.end().max(at + 1);
            }
        }
        return names;
    }
    if spans.is_empty() {
        return names;
    }
    let mut caps = re.create_captures();
    for &(start, end) in spans {
        let mut at = start;
        while at < end {
            re.search_captures(&Input::new(text).span(at..end), &mut caps);
            let Some(found) = caps.get_match() else {
                break;
            };
            if let Some(name) = groups.iter().find_map(|g| caps.get_group_by_name(g)) {
                names.push((name.start, name.end));
            }
            at = found.end().max(at + 1);
        }
    }
    names
}

fn place_patterns() -> [String; 2] {
    [
        format!(
            r"\bthe (?:city|town|village|port city|capital|province|region) of (?P<name>{CAP}(?:[ ]{CAP}){{0,2}})"
        ),
        format!(r"\b(?P<name>{CAP}(?:[ ]{CAP}){{0,2}})[ ](?:province|governorate|district)\b"),
    ]
}

/// The place patterns, "the city of" then "province", each if it builds.
static PLACES: Lazy<[Option<meta::Regex>; 2]> =
    Lazy::new(|| place_patterns().map(|p| ascii_regex(&p)));

/// Words that start sentences or headlines in capitals but never begin a
/// name found by an organisation or place pattern.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "And"
            | "But"
            | "Or"
            | "If"
            | "When"
            | "While"
            | "As"
            | "After"
            | "Before"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "Both"
            | "Each"
            | "Every"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "New"
            | "Former"
            | "Last"
            | "Next"
            | "Then"
            | "Meanwhile"
            | "However"
            | "Also"
            | "Under"
            | "Over"
            | "Against"
            | "Between"
    )
}

/// Trims a possessive and surrounding punctuation from a found name.
fn trim_name(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    const SUFFIXES: [&str; 6] = ["'s", "’s", "'", "’", ".", ","];
    // The suffixes are tried in turn, each once. Those before the first
    // that ends as the name does cannot match when their turn comes, so
    // the turns start there; most names end in a letter, which ends none.
    let last = text.as_bytes().get(..end).and_then(<[u8]>::last);
    let first = SUFFIXES
        .iter()
        .position(|suffix| suffix.as_bytes().last() == last)
        .unwrap_or(SUFFIXES.len());
    for &suffix in &SUFFIXES[first..] {
        if end - start > suffix.len()
            && text[start..end].ends_with(suffix)
            && !(suffix == "." && text[start..end].len() == 2)
        {
            end -= suffix.len();
        }
    }
    while let Some(c) = text[start..end].chars().next() {
        if c.is_alphanumeric() {
            break;
        }
        start += c.len_utf8();
    }
    (start, end)
}

/// Drops leading function words ("The Democratic Party" → "Democratic Party").
fn skip_function_words(text: &str, mut start: usize, end: usize) -> usize {
    loop {
        let rest = &text[start..end];
        let first = rest.split([' ', '\u{a0}']).next().unwrap_or("");
        if is_function_word(first) && rest.len() > first.len() + 1 {
            start += first.len() + rest[first.len()..].chars().next().map_or(0, char::len_utf8);
        } else {
            return start;
        }
    }
}

fn derived_id(text: &str) -> String {
    crate::gazetteer::derive_id(text)
}

fn overlaps_any(taken: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = taken.partition_point(|&(_, e)| e <= start);
    taken.get(i).is_some_and(|&(s, _)| s < end)
}

/// Names found from context in the document whose matching view is
/// `norm`, not overlapping `taken` (sorted, non-overlapping byte spans of the
/// original text), in original offsets. `hits` are the key words of `norm`
/// as the tagger finds them with [`key_word_set`].
pub(crate) fn discover(
    norm: &Normalized,
    hits: &[(usize, u8)],
    taken: &[(usize, usize)],
) -> Vec<Found> {
    let text = norm.as_str();
    let mut found: Vec<Found> = Vec::new();
    let mut spans: Vec<(usize, usize)> = taken.to_vec();
    let mut add = |start: usize, end: usize, entity_type: EntityType, found: &mut Vec<Found>| {
        let name = &text[start..end];
        let (start, end) = (norm.original_start(start), norm.original_end(end));
        if start >= end || overlaps_any(&spans, start, end) {
            return;
        }
        let id = derived_id(name);
        let i = spans.partition_point(|&(s, _)| s < start);
        spans.insert(i, (start, end));
        found.push(Found {
            start,
            end,
            id,
            entity_type,
            source: Source::Rule,
        });
    };
    // Where the key words of the patterns behind `gate` are, where their
    // context lets the patterns match.
    let gated = |gate: u8| gated_hits(text.as_bytes(), hits, gate);
    let titles: Vec<usize> = gated(GATE_TITLES).collect();
    for (s, e) in names_after_titles(text, &titles) {
        let (s, e) = trim_name(text, s, e);
        add(s, e, EntityType::Person, &mut found);
    }
    // The patterns searched for near their key words, in the order their
    // names are added: each with its key words' bit, its spaces around
    // them, the groups that hold the name, and the fewest words a name of
    // its kind has (a role alone, "The spokesman", is not a name; a place
    // may be one word).
    let near_patterns = [
        (
            &*PERSON_WITH_ROLE,
            GATE_ROLES,
            ROLE_SPACES,
            &["name", "name2", "name3"][..],
            EntityType::Person,
            2,
        ),
        (
            &ORGS[0],
            GATE_HEADS,
            HEAD_SPACES,
            WHOLE_MATCH,
            EntityType::Org,
            2,
        ),
        (
            &ORGS[1],
            GATE_TAILS,
            TAIL_SPACES,
            WHOLE_MATCH,
            EntityType::Org,
            2,
        ),
        (
            &PLACES[0],
            GATE_CITY_OF,
            CITY_OF_SPACES,
            &["name"][..],
            EntityType::Gpe,
            0,
        ),
        (
            &PLACES[1],
            GATE_PROVINCE,
            PROVINCE_SPACES,
            &["name"][..],
            EntityType::Gpe,
            0,
        ),
    ];
    for (re, gate, spaces, groups, entity_type, fewest_words) in near_patterns {
        let Some(re) = re.as_ref() else {
            continue;
        };
        let spans = near_key_words(text, gated(gate), spaces);
        for (s, e) in names_in(text, &spans, re, groups) {
            let (s, e) = trim_name(text, s, e);
            let s = skip_function_words(text, s, e);
            if text[s..e].split_whitespace().count() >= fewest_words {
                add(s, e, entity_type.clone(), &mut found);
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Parts of a full name that can stand for it alone: its capitalised words,
/// with and without a glued particle ("al-Hashimi" and "Hashimi").
fn name_parts(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let words: Vec<&str> = name
        .split([' ', '\u{a0}', '\n'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return parts;
    }
    for word in words {
        if word.ends_with('.') || !word.chars().next().is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        let bare = match word.split_once(['-', '‐', '–']) {
            Some((particle, rest)) if particle.chars().all(char::is_lowercase) => rest,
            _ => word,
        };
        if bare.chars().next().is_some_and(char::is_uppercase) && bare.chars().count() >= 3 {
            parts.push(bare.to_string());
            if bare != word {
                parts.push(word.to_string());
            }
        }
    }
    parts
}

/// Single-word mentions of people named in full elsewhere in the document.
/// `people` are (full name, id) pairs; `taken` the spans already found.
pub(crate) fn link(text: &str, people: &[(&str, &str)], taken: &[(usize, usize)]) -> Vec<Found> {
    // Looked up once per capitalised word run: a fast hash, as elsewhere.
    let mut owner: FxHashMap<String, Option<&str>> = FxHashMap::default();
    for &(full, id) in people {
        for part in name_parts(full) {
            owner
                .entry(part)
                .and_modify(|o| {
                    if *o != Some(id) {
                        *o = None;
                    }
                })
                .or_insert(Some(id));
        }
    }
    owner.retain(|_, o| o.is_some());
    if owner.is_empty() {
        return Vec::new();
    }
    // Most words of a text are no name part: their first letter rules them
    // out before any hashing.
    let mut first_chars: Vec<char> = owner.keys().filter_map(|k| k.chars().next()).collect();
    first_chars.sort_unstable();
    first_chars.dedup();
    let mut found = Vec::new();
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let char_at = |i: usize| match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some((b as char, 1)),
        Some(_) => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map(|c| (c, c.len_utf8())),
        None => None,
    };
    // Every name part holds a capital letter, so only word runs holding an
    // ASCII capital or a non-ASCII character can be one: the scan jumps
    // from one such byte to the next and takes the run around it. Where
    // every part begins with an ASCII capital, a run that is one holds
    // that capital, and the scan stops at those capitals alone. No run
    // reaches back past `i`: it is 0, or the character before it or at it
    // is no word character.
    let capitals = first_chars.iter().try_fold(0u32, |set, &c| {
        c.is_ascii_uppercase()
            .then(|| set | 1 << (u32::from(c) - u32::from('A')))
    });
    let next = |from: usize| match capitals {
        Some(set) => next_capital_in(text.as_bytes(), from, set),
        None => next_capital_or_non_ascii(text.as_bytes(), from),
    };
    let mut i = 0;
    while let Some(hit) = next(i) {
        let Some((c, len)) = char_at(hit) else {
            break;
        };
        if !is_word(c) {
            i = hit + len;
            continue;
        }
        let mut start = hit;
        while let Some(c) = text
            .get(i..start)
            .and_then(|before| before.chars().next_back())
        {
            if !is_word(c) {
                break;
            }
            start -= c.len_utf8();
        }
        let mut end = hit;
        while let Some((c, len)) = char_at(end) {
            if !is_word(c) {
                break;
            }
            end += len;
        }
        i = end;
        // The name would begin at the word's first letter or digit: a word
        // whose first one begins no name part needs no trimming or hashing.
        let first = text[start..end].chars().find(|c| c.is_alphanumeric());
        if first.is_none_or(|c| first_chars.binary_search(&c).is_err()) {
            continue;
        }
        let (s, e) = trim_name(text, start, end);
        if let Some(Some(id)) = owner.get(&text[s..e]) {
            if !overlaps_any(taken, s, e) {
                found.push(Found {
                    start: s,
                    end: e,
                    entity_type: EntityType::Person,
                    id: (*id).to_string(),
                    source: Source::Alias,
                });
            }
        }
    }
    found
}

/// The first byte at or after `from` that is an ASCII capital or not ASCII,
/// looked for eight bytes at a time.
fn next_capital_or_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    first_marked(
        bytes,
        from,
        |block| (block & HIGH) | ascii_in_range(block, b'A', b'Z'),
        |b| b >= 0x80 || b.is_ascii_uppercase(),
    )
}

/// The first byte at or after `from` that is an ASCII capital in `set`
/// (bit 0 for `A`), looked for eight bytes at a time.
fn next_capital_in(bytes: &[u8], from: usize, set: u32) -> Option<usize> {
    first_marked(
        bytes,
        from,
        |block| ascii_in_range(block, b'A', b'Z'),
        |b| b.is_ascii_uppercase() && set & 1 << (b - b'A') != 0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, String)> {
        let norm = Normalized::new(text);
        discover(&norm, &key_words_of(&norm), &[])
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.entity_type.to_string()))
            .collect()
    }

    /// The literals every match of `pattern` begins (`Prefix`) or ends
    /// (`Suffix`) with.
    fn literals(pattern: &str, kind: regex_syntax::hir::literal::ExtractKind) -> Vec<String> {
        use regex_syntax::hir::literal::Extractor;
        let hir = ascii_hir(pattern).expect("parses");
        // Classes wider than a letter's two cases ("[a-z]+" before a role
        // word) end a literal rather than multiply it.
        let seq = Extractor::new()
            .kind(kind)
            .limit_class(2)
            .limit_total(10_000)
            .extract(&hir);
        let literals = seq.literals().expect("a finite set of literals");
        literals
            .iter()
            .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned())
            .collect()
    }

    #[test]
    fn every_gated_pattern_needs_one_of_its_key_words() {
        use regex_syntax::hir::literal::ExtractKind;
        let [heads, tails] = organisation_patterns();
        let [city_of, province] = place_patterns();
        // Each pattern, its bit, and the end its fixed words are at.
        let gated = [
            (heads, GATE_HEADS, ExtractKind::Prefix),
            (tails, GATE_TAILS, ExtractKind::Suffix),
            (city_of, GATE_CITY_OF, ExtractKind::Prefix),
            (province, GATE_PROVINCE, ExtractKind::Suffix),
            (person_with_role_pattern(), GATE_ROLES, ExtractKind::Suffix),
            (
                person_after_title_pattern(),
                GATE_TITLES,
                ExtractKind::Prefix,
            ),
        ];
        for (pattern, bit, kind) in gated {
            for literal in literals(&pattern, kind) {
                assert!(
                    KEY_WORDS
                        .iter()
                        .any(|&(w, bits)| bits & bit != 0 && literal.contains(w)),
                    "no key word for {literal:?} of pattern {bit:b}"
                );
            }
        }
    }

    #[test]
    fn the_patterns_titles_are_the_spelled_titles_each_with_a_key_word() {
        use regex_syntax::hir::literal::ExtractKind;
        let pattern = person_after_title_pattern();
        // A match begins where a word does, with a title and a space.
        assert!(pattern.starts_with(r"\b"));
        let spelled: Vec<String> = title_literals()
            .expect("the titles spell out")
            .iter()
            .map(|t| format!("{} ", String::from_utf8_lossy(t)))
            .collect();
        assert_eq!(literals(&pattern, ExtractKind::Prefix), spelled);
        for title in &spelled {
            assert!(title.starts_with(|c: char| c.is_ascii_alphabetic()));
            // A key word begins a word of it, as the tagger finds them.
            let bytes = title.as_bytes();
            assert!(
                (0..bytes.len()).any(|i| begins_word(bytes, i)
                    && KEY_WORDS.iter().any(|&(w, bits)| {
                        bits & GATE_TITLES != 0 && title[i..].starts_with(w)
                    })),
                "no title word in {title:?}"
            );
        }
    }

    #[test]
    fn titles_are_spelled_out_and_split_at_their_key_words() {
        let parts = TITLE_PARTS.as_ref().expect("the titles spell out");
        let titles = title_literals().expect("the titles spell out");
        assert!(titles.len() > 80, "{}", titles.len());
        for title in &titles {
            // Each title, split at each key word in it.
            let splits = parts
                .iter()
                .filter(|p| [&p.lead[..], &p.rest[..]].concat() == *title)
                .count();
            assert!(splits >= 1, "{:?}", String::from_utf8_lossy(title));
        }
        let split = |lead: &str, rest: &str| {
            parts
                .iter()
                .any(|p| *p.lead == *lead.as_bytes() && *p.rest == *rest.as_bytes())
        };
        assert!(split("Deputy Prime ", "Minister"));
        assert!(split("", "Secretary of State"));
        assert!(split("Secretary-", "General"));
        assert!(split("Lt. ", "Gen."));
        assert!(split("Defense ", "Minister") && split("Defence ", "Minister"));
        // Only where a title goes on with a space and what may begin a name.
        let starts = |text: &str| {
            let mut starts: Vec<usize> = title_tries(parts, text.as_bytes(), &title_hits(text))
                .iter()
                .map(|t| t.0)
                .collect();
            starts.dedup();
            starts
        };
        assert_eq!(starts("President Ali"), [0]);
        assert_eq!(starts("the Deputy Prime Minister al-Kadhimi"), [4, 11, 17]);
        assert_eq!(starts("Prime Minister Ali"), [0, 6]);
        assert_eq!(starts("Secretary of State John"), [0]);
        assert_eq!(starts("President said"), [] as [usize; 0]);
        assert_eq!(starts("President, Ali"), [] as [usize; 0]);
        assert_eq!(starts("President  Ali"), [] as [usize; 0]);
        assert_eq!(starts("Presidents Ali"), [] as [usize; 0]);
        assert_eq!(starts("Secretary of Ali"), [] as [usize; 0]);
        assert_eq!(starts("xDeputy Prime Minister Ali"), [8, 14]);
    }

    #[test]
    fn names_begin_as_may_begin_name_says() {
        let re = ascii_regex(&format!("^(?:{})", name(1))).expect("builds");
        for text in [
            "Ali",
            "al-Kadhimi",
            "bint-Ali",
            "R.",
            "ali",
            "al Kadhimi",
            "-Ali",
            "'Ali",
            "1st",
            "",
        ] {
            assert_eq!(
                may_begin_name(text.as_bytes()),
                re.is_match(text),
                "{text:?}"
            );
        }
    }

    /// The spans of group `name` (or the first present of `names`) in the
    /// matches of a search of `re` over the whole of `text`.
    fn whole_search(re: &meta::Regex, text: &str, names: &[&str]) -> Vec<(usize, usize)> {
        re.captures_iter(text)
            .filter_map(|caps| {
                names
                    .iter()
                    .find_map(|n| caps.get_group_by_name(n))
                    .map(|m| (m.start, m.end))
            })
            .collect()
    }

    fn title_hits(text: &str) -> Vec<usize> {
        key_words(text)
            .iter()
            .filter(|&&(_, bits)| bits & GATE_TITLES != 0)
            .map(|&(at, _)| at)
            .collect()
    }

    #[test]
    fn anchored_titles_find_what_a_whole_search_finds() {
        let pattern = person_after_title_pattern();
        let anchored = ascii_regex(&pattern).expect("builds");
        for text in [
            "Prime Minister Ali Hassan met Deputy Prime Minister Omar Said.",
            "Mr. Ali President Bob Lee and Gen. Tom, Lt. Gen. Sam Ray",
            "xPresident Ali; Secretary of State John Kerry; Secretary-General Ban Ki-moon",
            "President\nAli; Mr. al-Hashimi, Dr.Who and Foreign Minister Ursula von der Leyen",
            // Every key-word bit in one paragraph: no scan stops early.
            "In the city of Mosul, Diyala province, a spokesman said analyst Ali \
             Hassan, an official, met the Badr Party and Ministry of Oil; analyst Omar Said",
            "é Mr. Émile Mr. Z militia leader Abu Bakr",
            // Titles that begin others, or end in others: the pattern's
            // order decides which one a name follows.
            "Secretary General Ali Hassan and Secretary of State John Kerry",
            "Justice Minister Ali, Justice Omar, Prime Minister Sami and Minister Lina",
            "Vice President Mike, President Vice President Bob, Gen. General Tom",
            "Crown Prince Mohammed, Prince Ali, Grand Ayatollah Ali al-Sistani",
            "Lt. Gen. Sam, Maj. Gen. Ray, Brig. Gen. Al, Lt. Col. Ed, Col. Ann",
            "Deputy Prime Minister Fuad Hussein Prime Minister Ali",
            "",
        ] {
            assert_eq!(
                names_after_titles(text, &title_hits(text)),
                whole_search(&anchored, text, &["name"]),
                "{text:?}"
            );
        }
        // Every title before a name, after words that begin none.
        let titles = literals(&pattern, regex_syntax::hir::literal::ExtractKind::Prefix);
        assert!(titles.len() > 50);
        for title in titles {
            let text = format!("The aide said {title}Ali Hassan met the former {title}Omar Said.");
            let found = names_after_titles(&text, &title_hits(&text));
            assert_eq!(found.len(), 2, "{text:?}");
            assert_eq!(found, whole_search(&anchored, &text, &["name"]), "{text:?}");
        }
        let text = "analyst Ali Hassan, the city of Mosul, Diyala province, a spokesman";
        assert_eq!(names(text)[0], ("Ali Hassan", "PERSON".into()));
    }

    #[test]
    fn organisation_names_are_their_whole_matches() {
        use regex_syntax::hir::HirKind;
        // Word boundaries and the `name` group, nothing else: so the match
        // is the name, and the search for them needs no captures.
        for pattern in organisation_patterns() {
            let hir = ascii_hir(&pattern).expect("parses");
            let HirKind::Concat(items) = hir.kind() else {
                panic!("{pattern}");
            };
            let rest: Vec<&HirKind> = items
                .iter()
                .map(|item| item.kind())
                .filter(|kind| !matches!(kind, HirKind::Look(_)))
                .collect();
            assert!(
                matches!(rest[..], [HirKind::Capture(c)] if c.name.as_deref() == Some("name")),
                "{pattern}"
            );
        }
    }

    #[test]
    fn key_words_never_hide_one_another() {
        // The tagger reports one word at a place, and tells words apart by
        // their first three bytes before it compares them whole.
        for &(a, _) in KEY_WORDS {
            assert!(a.len() >= 3, "{a:?}");
            for &(b, _) in KEY_WORDS {
                assert!(a == b || !a.starts_with(b), "{a:?} begins with {b:?}");
            }
        }
        assert_eq!(
            key_words_present("the Ministry-town district"),
            GATE_HEADS | GATE_CITY_OF | GATE_PROVINCE
        );
        assert_eq!(key_words_present("the Departmentown"), GATE_HEADS);
        assert_eq!(
            key_words_present("Riots in Diyala province."),
            GATE_CITY_OF | GATE_PROVINCE
        );
        assert_eq!(key_words_present("Nothing here."), 0);
        assert_eq!(
            key_words_present("Ali, an adviser, and the spokeswoman"),
            GATE_ROLES | GATE_TITLES
        );
        assert_eq!(
            key_words_present("Archbishop Sako met Mr. Ali and Gen. Ahmed"),
            GATE_TITLES
        );
        assert_eq!(
            key_words_present("the Ministry of Oil and the Badr Army"),
            GATE_HEADS | GATE_TAILS
        );
    }

    #[test]
    fn the_tagger_finds_key_words_at_every_word_start_inside_names_too() {
        // Where a character that is no letter or digit of any script, or
        // nothing, comes before.
        let by_chars = |text: &str| -> Vec<(usize, u8)> {
            let mut hits = Vec::new();
            let mut after_word = false;
            for (at, c) in text.char_indices() {
                if !after_word {
                    let rest = &text.as_bytes()[at..];
                    if let Some(&(_, bits)) = KEY_WORDS
                        .iter()
                        .find(|(w, _)| rest.starts_with(w.as_bytes()))
                    {
                        hits.push((at, bits));
                    }
                }
                after_word = crate::text::is_word_char(c);
            }
            hits
        };
        // Names that hold key words and run past blocks, which the tagger
        // passes over when it has no words to find.
        let list = "Pre General Co.\tORG\nGeneral\tPERSON\ncity spokes city\tGPE\n";
        let with_names =
            crate::tagger::Tagger::new(&[
                crate::gazetteer::Gazetteer::parse("test.tsv", list).unwrap()
            ])
            .unwrap();
        let without = crate::tagger::Tagger::new(&[]).unwrap();
        // Key words whole, cut short and run on; what may come before a
        // word start; and prefixes that put each at every place of a block.
        let pieces = [
            "Gen.",
            "General",
            "Gen",
            "Co.",
            "city",
            "spokes",
            "Pre",
            "Pre General",
            "city spokes",
            "é",
            "—",
            " ",
            "a",
            "7",
        ];
        let (mut found, mut named) = (0, 0);
        for text in &crate::tagger::concatenations(&pieces, 3) {
            for lead in 0..9 {
                let text = format!("{}{text}", "x".repeat(lead));
                let expected = by_chars(&text);
                for tagger in [&with_names, &without] {
                    let norm = Normalized::verbatim(&text);
                    let (mut mentions, mut hits) = (Vec::new(), Vec::new());
                    tagger.tag_finding(&norm, &mut mentions, key_word_set(), &mut hits);
                    assert_eq!(hits, expected, "{text:?}");
                    named += mentions.len();
                }
                found += expected.len();
            }
        }
        assert!(found > 10_000 && named > 2_000, "{found} {named}");
        // Every key word, at the start, after punctuation, and after a
        // letter (of any script: words begin where the tagger's do).
        for &(word, bits) in KEY_WORDS {
            for (text, at) in [
                (word.to_string(), Some(0)),
                (format!("\"{word}"), Some(1)),
                (format!("o{word}"), None),
                (format!("ب{word}"), None),
            ] {
                let expected: Vec<(usize, u8)> = at.map(|at| (at, bits)).into_iter().collect();
                assert_eq!(key_words(&text), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn key_words_are_found_where_they_begin_words() {
        let text = "Ali met the envoy.\nThe Badr Army and its SubArmy\nDiyala province";
        assert_eq!(
            key_words(text),
            [
                (12, GATE_ROLES | GATE_TITLES),
                (28, GATE_TAILS),
                (56, GATE_CITY_OF | GATE_PROVINCE)
            ]
        );
        // Names in different paragraphs, each near its own key word.
        assert_eq!(
            names("Mahdi Army\n\nThe Sadrist Movement met an envoy."),
            [
                ("Mahdi Army", "ORG".into()),
                ("Sadrist Movement", "ORG".into())
            ]
        );
    }

    /// Most spaces in any match of `hir`; `None` if there is no bound.
    fn max_spaces(hir: &regex_syntax::hir::Hir) -> Option<usize> {
        use regex_syntax::hir::{Class, HirKind};
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => Some(0),
            HirKind::Literal(literal) => Some(literal.0.iter().filter(|&&b| b == b' ').count()),
            HirKind::Class(Class::Bytes(class)) => Some(usize::from(
                class
                    .ranges()
                    .iter()
                    .any(|r| (r.start()..=r.end()).contains(&b' ')),
            )),
            HirKind::Class(Class::Unicode(class)) => Some(usize::from(
                class
                    .ranges()
                    .iter()
                    .any(|r| (r.start()..=r.end()).contains(&' ')),
            )),
            HirKind::Repetition(rep) => match max_spaces(&rep.sub)? {
                0 => Some(0),
                n => rep.max.map(|max| n * max as usize),
            },
            HirKind::Capture(capture) => max_spaces(&capture.sub),
            HirKind::Concat(parts) => parts.iter().map(max_spaces).sum(),
            HirKind::Alternation(parts) => parts.iter().map(max_spaces).max().flatten(),
        }
    }

    #[test]
    fn gated_patterns_hold_at_most_so_many_spaces_around_their_key_words() {
        use regex_syntax::hir::literal::ExtractKind;
        let [heads, tails] = organisation_patterns();
        let [city_of, province] = place_patterns();
        // Spaces before the first key word that begins a word in a literal
        // every match begins with, or after the last in one it ends with.
        let spaces_to_key_word = |literal: &str, bit: u8, prefix: bool| {
            let bytes = literal.as_bytes();
            let key_word_at = |i: &usize| {
                begins_word(bytes, *i)
                    && KEY_WORDS
                        .iter()
                        .any(|&(w, bits)| bits & bit != 0 && literal[*i..].starts_with(w))
            };
            let at = if prefix {
                (0..bytes.len()).find(key_word_at)
            } else {
                (0..bytes.len()).rev().find(key_word_at)
            };
            let at = at.unwrap_or_else(|| panic!("no key word in {literal:?}"));
            let (before, after) = literal.split_at(at);
            if prefix {
                before.matches(' ').count()
            } else {
                after.matches(' ').count()
            }
        };
        for (pattern, bit, (before, after), prefix) in [
            (person_with_role_pattern(), GATE_ROLES, ROLE_SPACES, false),
            (heads, GATE_HEADS, HEAD_SPACES, true),
            (tails, GATE_TAILS, TAIL_SPACES, false),
            (city_of, GATE_CITY_OF, CITY_OF_SPACES, true),
            (province, GATE_PROVINCE, PROVINCE_SPACES, false),
        ] {
            let hir = ascii_hir(&pattern).expect("parses");
            // A match begins a word, as the windows' first tries assume.
            assert!(pattern.starts_with(r"\b"), "{pattern}");
            assert_eq!(max_spaces(&hir), Some(before + after), "{pattern}");
            let kind = if prefix {
                ExtractKind::Prefix
            } else {
                ExtractKind::Suffix
            };
            let near_end = literals(&pattern, kind)
                .iter()
                .map(|literal| spaces_to_key_word(literal, bit, prefix))
                .max();
            assert_eq!(
                near_end,
                Some(if prefix { before } else { after }),
                "{pattern}"
            );
        }
    }

    #[test]
    fn windows_around_key_words_find_what_a_whole_search_finds() {
        let [heads, tails] = organisation_patterns();
        let [city_of, province] = place_patterns();
        let gated = [
            (person_with_role_pattern(), GATE_ROLES, ROLE_SPACES),
            (heads, GATE_HEADS, HEAD_SPACES),
            (tails, GATE_TAILS, TAIL_SPACES),
            (city_of, GATE_CITY_OF, CITY_OF_SPACES),
            (province, GATE_PROVINCE, PROVINCE_SPACES),
        ];
        let groups = ["name", "name2", "name3"];
        let texts = [
            // The most spaces each pattern allows around its key word.
            "said Abu bin al Bakr al bin Ali ibn de Sadr, a former senior party spokesman",
            "Abu bin al Bakr al bin Ali ibn de Sadr is the former senior party advisor",
            "The Ministry of the Oil and Gas and Power and Water met the Party",
            "Free of the Iraqi of the Kurdish of the Arab of the Basra Group",
            "Free Union of the Iraqi for the Kurdish and Arab Bank of the Basra People Group",
            "near the port city of Umm Qasr Port and the city of Mosul New City.",
            "in Al Anbar Region province and Old Town district",
            // Key words close together, in one window and in several.
            "Army Army Army Party. Badr Army Party Front Mahdi Army Union Bank of Iraq",
            "Ali Hassan, an official, and Omar Said, an expert, and Sami, a leader, said",
            "Kata Hezbollah Brigades\nBrigades\n\nThe Badr\nArmy and\nthe city\nof Mosul",
            // Words that only contain key words, or start inside words.
            "xArmy DepartmentOffice, deVries Capital, an adviser, the cityof Kut",
            "the spokeswoman Lina Aziz, the spokesperson, and Hadi Amiri, a spokesman",
            "é Ministry of Émile Corp. Ltd. Co. Inc. Ali Corp. Co.",
            // What must come before or after a key word for its pattern to
            // match there, with and without it.
            "Bank of England, the Bank said, and the Office of the Prime Minister",
            "Al-qaeda Party",
            "O'neill Group",
            "Sadr-led Army, the group Party, xYz Party, the PKK Party",
            "al-Anbar province, the province, Anbar governorate, 5 district",
            "the city of kut, a city of Kut, The city of Kut, the city of Kut",
            "",
            "province",
        ];
        for (pattern, bit, spaces) in gated {
            let re = ascii_regex(&pattern).expect("builds");
            for text in texts {
                let hits = key_words(text);
                let spans = near_key_words(text, gated_hits(text.as_bytes(), &hits, bit), spaces);
                assert_eq!(
                    names_in(text, &spans, &re, &groups),
                    whole_search(&re, text, &groups),
                    "{pattern} in {text:?}"
                );
            }
            // One space fewer on either side would lose a match.
            let tighter = (spaces.0.saturating_sub(1), spaces.1.saturating_sub(1));
            let lost = texts.iter().any(|text| {
                let hits = key_words(text);
                let gated = gated_hits(text.as_bytes(), &hits, bit);
                let spans = near_key_words(text, gated, tighter);
                names_in(text, &spans, &re, &groups) != whole_search(&re, text, &groups)
            });
            assert!(lost, "no text needs all the spaces of {pattern}");
        }
    }

    /// Heads, tails and places in the plain words of news are not searched
    /// around: their patterns need what is not there.
    #[test]
    fn organisation_and_place_words_are_searched_around_only_where_they_can_match() {
        let kept = |text: &str, gate: u8| -> Vec<usize> {
            let hits = key_words(text);
            assert!(
                hits.iter().any(|h| h.1 & gate != 0),
                "no key word in {text:?}"
            );
            gated_hits(text.as_bytes(), &hits, gate).collect()
        };
        for (text, gate) in [
            ("the Bank said", GATE_HEADS),
            ("his Office of", GATE_HEADS),
            ("the Ministry of oil", GATE_HEADS),
            ("the Party", GATE_TAILS),
            ("security Forces", GATE_TAILS),
            ("in 1990 Party", GATE_TAILS),
            ("the province", GATE_PROVINCE),
            ("the city said", GATE_CITY_OF),
            ("a city of Kut", GATE_CITY_OF),
        ] {
            assert_eq!(kept(text, gate), [], "{text:?}");
        }
        for (text, gate, at) in [
            ("the Bank of Iraq", GATE_HEADS, 4),
            ("the Ministry of the Interior", GATE_HEADS, 4),
            ("the Badr Party", GATE_TAILS, 9),
            ("al-Anbar province", GATE_PROVINCE, 9),
            ("the city of Kut", GATE_CITY_OF, 4),
            ("the port city of Umm Qasr", GATE_CITY_OF, 9),
        ] {
            assert_eq!(kept(text, gate), [at], "{text:?}");
        }
    }

    #[test]
    fn role_words_are_searched_around_only_in_the_context_the_pattern_needs() {
        let re = ascii_regex(&person_with_role_pattern()).expect("builds");
        let groups = ["name", "name2", "name3"];
        let role_hit = |text: &str| {
            let hits = key_words(text);
            let all: Vec<usize> = hits
                .iter()
                .filter(|h| h.1 & GATE_ROLES != 0)
                .map(|h| h.0)
                .collect();
            let kept: Vec<usize> = gated_hits(text.as_bytes(), &hits, GATE_ROLES).collect();
            (all, kept)
        };
        // Every way the pattern can end: each lead, article, number of
        // words between and role word, before what may follow a word.
        let mut matched = 0;
        for lead in [
            "Ali Hassan, ",
            "said Ali Hassan, ",
            "Ali Hassan is ",
            "Ali Hassan was ",
        ] {
            for article in ["a", "an", "the"] {
                for between in ["", "senior ", "former top ", "a former top "] {
                    for role in ROLE_WORDS {
                        for after in ["", ".", " said", "'s", "\u{e9}"] {
                            let text = format!("{lead}{article} {between}{role}{after}");
                            let (all, kept) = role_hit(&text);
                            assert_eq!(kept, all, "{text:?}");
                            assert_eq!(kept.len(), 1, "{text:?}");
                            let found = whole_search(&re, &text, &groups);
                            assert_eq!(found.len(), 1, "{text:?}");
                            matched += 1;
                        }
                    }
                }
            }
        }
        assert!(matched > 5_000, "{matched}");
        // Role words the pattern cannot end with: run on, with no article,
        // or with the article not after a comma, "is" or "was", or too far.
        for text in [
            "officials said",
            "the directors met",
            "Ali Hassan, a leader_x",
            "Ali Hassan, member",
            "Ali Hassan and a spokesman",
            "Ali Hassan, a very old and tired analyst",
            "Ali Hassan, a  spokesman",
            "Ali Hassan, a Senior spokesman",
            "Ali Hassan isa spokesman",
            "Ali Hassan,a spokesman",
            "a spokesman",
            "spokesman",
        ] {
            let (all, kept) = role_hit(text);
            assert_eq!(all.len(), 1, "{text:?}");
            assert_eq!(kept, [], "{text:?}");
            assert_eq!(whole_search(&re, text, &groups), [], "{text:?}");
        }
    }

    #[test]
    fn names_are_trimmed_as_every_suffix_in_turn_would() {
        let by_every_suffix = |text: &str| {
            let (start, mut end) = (0, text.len());
            for suffix in ["'s", "’s", "'", "’", ".", ","] {
                if end - start > suffix.len()
                    && text[start..end].ends_with(suffix)
                    && !(suffix == "." && text[start..end].len() == 2)
                {
                    end -= suffix.len();
                }
            }
            let start = text[..end]
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
                .map_or(end, |(i, _)| i);
            (start, end)
        };
        let pieces = ["Ali", "A", "'s", "’s", "'", "’", ".", ",", "s", "\"", "é"];
        for text in crate::tagger::concatenations(&pieces, 4) {
            assert_eq!(
                trim_name(&text, 0, text.len()),
                by_every_suffix(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn windows_reach_so_many_spaces_and_no_line_break() {
        let text = "a b c KEY d e f\ng KEY h";
        let key = |from| text[from..].find("KEY").map(|i| from + i).unwrap();
        let (first, second) = (key(0), key(10));
        assert_eq!(near_key_words(text, [first], (1, 1)), [(4, 11)]);
        assert_eq!(near_key_words(text, [first], (0, 0)), [(6, 9)]);
        assert_eq!(near_key_words(text, [first], (9, 9)), [(0, 15)]);
        assert_eq!(near_key_words(text, [second], (9, 9)), [(16, 23)]);
        // Windows that meet are one.
        assert_eq!(
            near_key_words(text, [first, second], (9, 9)),
            [(0, 15), (16, 23)]
        );
        assert_eq!(near_key_words("KEY KEY", [0, 4], (0, 0)), [(0, 3), (4, 7)]);
        assert_eq!(near_key_words("KEY KEY", [0, 4], (1, 0)), [(0, 7)]);
        // A long text of key words and no spaces costs time in proportion.
        let crowded = "Army-".repeat(200_000);
        let hits = (0..200_000).map(|i| i * 5);
        assert_eq!(
            near_key_words(&crowded, hits, TAIL_SPACES),
            [(0, crowded.len())]
        );
        let ministries = "Ministry-of ".repeat(50_000);
        assert!(names(&ministries).is_empty());
    }

    #[test]
    fn people_after_titles_without_the_title() {
        assert_eq!(
            names("Prime Minister Mustafa al-Kadhimi said"),
            [("Mustafa al-Kadhimi", "PERSON".into())]
        );
        assert_eq!(
            names("Gen. Qassem Soleimani’s convoy"),
            [("Qassem Soleimani", "PERSON".into())]
        );
        assert_eq!(
            names("the analyst Hisham al-Hashimi was"),
            [("Hisham al-Hashimi", "PERSON".into())]
        );
        assert_eq!(
            names("Foreign Minister Ursula von der Leyen"),
            [("Ursula von der Leyen", "PERSON".into())]
        );
        assert_eq!(names("Mr. Hashimi left"), [("Hashimi", "PERSON".into())]);
    }

    #[test]
    fn people_in_roles() {
        assert_eq!(
            names("said Karim Nasser, a spokesman for the ministry"),
            [("Karim Nasser", "PERSON".into())]
        );
        assert_eq!(
            names("Dana Whitfield is a senior fellow at the institute."),
            [("Dana Whitfield", "PERSON".into())]
        );
        assert_eq!(names("The spokesman, a former official, said"), []);
        // A name begins a word: not the capitals inside "deVries" or "iPhone".
        assert_eq!(
            names("Both used deVries Capital, an investment adviser, and iPhone Max, an analyst."),
            []
        );
        assert_eq!(
            names("The fund hired Lena Ortiz, an investment adviser."),
            [("Lena Ortiz", "PERSON".into())]
        );
    }

    #[test]
    fn organisations_and_places_by_context() {
        assert_eq!(
            names("officials at the Ministry of Oil said"),
            [("Ministry of Oil", "ORG".into())]
        );
        assert_eq!(
            names("The Sadrist Movement won"),
            [("Sadrist Movement", "ORG".into())]
        );
        assert_eq!(
            names("near the city of Samarra"),
            [("Samarra", "GPE".into())]
        );
        assert_eq!(names("in Diyala province"), [("Diyala", "GPE".into())]);
    }

    #[test]
    fn lowercase_and_lone_capitals_make_no_name() {
        assert_eq!(
            names("The party said the brigades would front the movement."),
            []
        );
        assert_eq!(names("Officials said Monday that talks failed."), []);
        assert_eq!(names("Party members met."), []);
    }

    #[test]
    fn linking_visits_every_run_that_could_be_a_name() {
        // Every word run, by a plain character loop, looked up whole.
        fn every_run(text: &str, people: &[(&str, &str)]) -> Vec<(usize, usize)> {
            let parts: Vec<String> = people.iter().flat_map(|(n, _)| name_parts(n)).collect();
            let is_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
            let mut runs = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (is_word(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        runs.push(trim_name(text, s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            runs.retain(|&(s, e)| parts.iter().any(|p| p == &text[s..e]));
            runs
        }
        // Parts with lower-case and non-ASCII first letters (every capital
        // and non-ASCII byte is looked at), and parts that all begin with
        // ASCII capitals (only those capitals are).
        let mixed = [
            ("Émile Ñúñez", "emile_nunez"),
            ("Hisham al-Hashimi", "hisham_al_hashimi"),
            ("Dana O'Neill", "dana_oneill"),
        ];
        let capitals = [
            ("Dana O'Neill", "dana_oneill"),
            ("Karim Nasser", "karim_nasser"),
        ];
        for people in [&mixed[..], &capitals[..]] {
            for text in [
                "Émile said.",
                "—Ñúñez’s aide, al-Hashimi's and Hashimi.",
                "xHashimi Hashimix Hashimi-era O'Neill O’Neill, Dana",
                "Dana",
                "a b c d e f g h i j k l Hashimi",
                "ééééééééé Émile, Émile. «Ñúñez»",
                "McDana xKarim KarimX Nasser's -Nasser ’Karim’ KARIM DanaNasser",
                "Éric Dana; Ñ Karim. Nasser-Dana O'NEILL O'Neill’s aide Karim",
                "",
            ] {
                let got: Vec<(usize, usize)> = link(text, people, &[])
                    .iter()
                    .map(|f| (f.start, f.end))
                    .collect();
                assert_eq!(got, every_run(text, people), "{text:?}");
            }
        }
        // The capitals scan stops at exactly the capitals of its set.
        let text = "aBcDeFgHiJkLmNoPqRsTuVwXyZ ÉA";
        let set = 1 << 1 | 1 << 3 | 1 << 25 | 1;
        let mut at = 0;
        let mut stops = Vec::new();
        while let Some(hit) = next_capital_in(text.as_bytes(), at, set) {
            stops.push(hit);
            at = hit + 1;
        }
        assert_eq!(stops, [1, 3, 25, 29]);
    }

    #[test]
    fn links_name_parts_unless_shared() {
        let text = "Barham Salih met Hisham al-Hashimi. Barham and Hashimi spoke; Salih left.";
        let found = link(
            text,
            &[
                ("Barham Salih", "barham_salih"),
                ("Hisham al-Hashimi", "hisham_al_hashimi"),
            ],
            &[(0, 12), (17, 34)],
        );
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (&text[f.start..f.end], f.id.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Barham", "barham_salih"),
                ("Hashimi", "hisham_al_hashimi"),
                ("Salih", "barham_salih")
            ]
        );
        let text = "Ali Hassan and Omar Hassan met. Hassan spoke.";
        assert!(link(
            text,
            &[("Ali Hassan", "a"), ("Omar Hassan", "b")],
            &[(0, 10), (15, 26)]
        )
        .is_empty());
    }
}
