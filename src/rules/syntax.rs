//! Parsing `.rules` files into rule definitions.

use crate::error::{Error, ErrorKind, Location};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// A role an entity slot fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Subject,
    Object,
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Element {
    /// A literal token, lower-case; `prefix` when written `word*`.
    Word { text: String, prefix: bool },
    /// Any one token that is not an entity (`_`).
    AnyWord,
    /// Up to `max` tokens that are not entities (`...N`).
    Gap { max: u32 },
    /// An entity mention of one of `types` (empty: any type).
    Slot {
        role: Option<Role>,
        types: Vec<String>,
    },
    /// Alternatives, each a sequence (`(a b | c)`). Shared: a `let` body
    /// is one choice that every use of its name points to, not a copy.
    Choice(Arc<Vec<Vec<Element>>>),
    /// The element may be absent (`x?`).
    Optional(Box<Element>),
    /// The words that make the rule fire (`{ ... }`).
    Trigger(Vec<Element>),
}

/// A rule as written.
#[derive(Clone, Debug)]
pub(crate) struct RuleDef {
    pub(crate) name: String,
    pub(crate) predicate: String,
    pub(crate) priority: i32,
    /// Each `match` line: its pattern and the location of the line.
    pub(crate) patterns: Vec<(Vec<Element>, Location)>,
    pub(crate) examples: Vec<String>,
    pub(crate) counters: Vec<String>,
    pub(crate) location: Location,
}

struct Parser<'a> {
    file: &'a Path,
    line_no: usize,
    line: &'a str,
    /// Byte offset into `line`.
    pos: usize,
    /// `let` definitions: their elements and how many elements they expand to.
    macros: &'a HashMap<String, (Element, usize)>,
    /// Elements this line expands to so far, `let`s counted in full.
    expanded: usize,
}

type ParseResult<T> = Result<T, Error>;

/// The most elements one pattern or `let` may expand to.
const MAX_EXPANDED_ELEMENTS: usize = 100_000;

impl<'a> Parser<'a> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        let column = self.line[..at.min(self.line.len())].chars().count() + 1;
        Error::new(ErrorKind::Rule, message).at(Location::new(self.file, self.line_no, column))
    }

    fn skip_space(&mut self) {
        while self.line[self.pos..].starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.line[self.pos..].chars().next()
    }

    fn describe_next(&self) -> String {
        match self.peek() {
            Some(c) => format!("{c:?}"),
            None => "the end of the line".into(),
        }
    }

    /// A sequence of elements up to `)`, `|`, `}` or the end of the line.
    fn sequence(&mut self, depth: usize) -> ParseResult<Vec<Element>> {
        let mut out = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None | Some(')') | Some('|') | Some('}') => return Ok(out),
                Some(_) => {
                    let element = self.element(depth)?;
                    out.push(self.suffix(element));
                }
            }
        }
    }

    fn suffix(&mut self, element: Element) -> Element {
        if self.peek() == Some('?') {
            self.pos += 1;
            Element::Optional(Box::new(element))
        } else {
            element
        }
    }

    /// Counts `n` more expanded elements; `let`s that use `let`s could
    /// otherwise grow a pattern exponentially before any size limit applies.
    fn count(&mut self, at: usize, n: usize) -> ParseResult<()> {
        self.expanded = self.expanded.saturating_add(n);
        if self.expanded > MAX_EXPANDED_ELEMENTS {
            return Err(self.error(at, format!(
                "the pattern expands to more than {MAX_EXPANDED_ELEMENTS} elements; expected fewer or smaller '$name' uses"
            )));
        }
        Ok(())
    }

    fn element(&mut self, depth: usize) -> ParseResult<Element> {
        if depth > 32 {
            return Err(self.error(self.pos, "groups nested more than 32 deep"));
        }
        if !self.line[self.pos..].starts_with('$') {
            self.count(self.pos, 1)?;
        }
        let start = self.pos;
        let rest = &self.line[self.pos..];
        if rest.starts_with('(') {
            self.pos += 1;
            let mut alternatives = vec![self.sequence(depth + 1)?];
            loop {
                match self.peek() {
                    Some('|') => {
                        self.pos += 1;
                        alternatives.push(self.sequence(depth + 1)?);
                    }
                    Some(')') => {
                        self.pos += 1;
                        break;
                    }
                    _ => {
                        return Err(self.error(
                            self.pos,
                            format!(
                            "expected '|' or ')' to close the group opened at column {}, found {}",
                            self.line[..start].chars().count() + 1,
                            self.describe_next()
                        ),
                        ))
                    }
                }
            }
            if alternatives.iter().all(Vec::is_empty) {
                return Err(self.error(start, "expected words inside '( )', found an empty group"));
            }
            return Ok(Element::Choice(Arc::new(alternatives)));
        }
        if rest.starts_with('{') {
            self.pos += 1;
            let inner = self.sequence(depth + 1)?;
            if self.peek() != Some('}') {
                return Err(self.error(
                    self.pos,
                    format!(
                        "expected '}}' to close the trigger, found {}",
                        self.describe_next()
                    ),
                ));
            }
            self.pos += 1;
            if inner.is_empty() {
                return Err(self.error(start, "expected trigger words inside '{ }'"));
            }
            return Ok(Element::Trigger(inner));
        }
        if rest.starts_with('<') {
            let Some(close) = rest.find('>') else {
                return Err(self.error(start, "expected '>' to close the entity slot"));
            };
            let inside = &rest[1..close];
            self.pos += close + 1;
            return self.slot(inside, start);
        }
        if let Some(digits) = rest.strip_prefix("...") {
            let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
            let max: u32 = n.parse().map_err(|_| {
                self.error(
                    start + 3,
                    "expected the gap's maximum number of words after '...', as in '...3'",
                )
            })?;
            if max > 20 {
                return Err(self.error(
                    start + 3,
                    format!("expected a gap of at most 20 words, found {max}"),
                ));
            }
            self.pos += 3 + n.len();
            return Ok(Element::Gap { max });
        }
        if let Some(name_rest) = rest.strip_prefix('$') {
            let name: String = name_rest
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_' || c == '-')
                .collect();
            self.pos += 1 + name.len();
            return match self.macros.get(&name) {
                Some((shared, size)) => {
                    self.count(start, *size)?;
                    Ok(shared.clone())
                }
                None => Err(self.error(
                    start,
                    format!("unknown name ${name}; expected a name defined by an earlier 'let'"),
                )),
            };
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let Some(close) = quoted.find('"') else {
                return Err(self.error(start, "expected a closing '\"'"));
            };
            let text = &quoted[..close];
            self.pos += close + 2;
            return self.word(text, start);
        }
        let len = rest
            .find(|c: char| c.is_whitespace() || "(){}<>|?".contains(c))
            .unwrap_or(rest.len());
        if len == 0 {
            return Err(self.error(
                start,
                format!(
                    "expected a word, '(', '{{', '<', '...N' or '$name', found {}",
                    self.describe_next()
                ),
            ));
        }
        let text = &rest[..len];
        self.pos += len;
        if text == "_" {
            return Ok(Element::AnyWord);
        }
        self.word(text, start)
    }

    fn word(&self, text: &str, at: usize) -> ParseResult<Element> {
        let (text, prefix) = match text.strip_suffix('*') {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (text, false),
        };
        let folded = super::matcher::fold_token(text);
        if folded.is_empty() || folded.contains(' ') {
            return Err(self.error(at, format!("expected a single word, found {text:?}")));
        }
        // A literal the tokenizer splits ("long-time", "U.S.") becomes the
        // sequence of its tokens, so that it can match at all; a clitic
        // ("n't", "'s") stays whole, as the tokenizer keeps it after a word.
        let mut tokens = super::matcher::Tokens::default();
        super::matcher::push_words(text, 0, text.len(), None, &mut tokens);
        if tokens.len() < 2 || folded == "n't" {
            return Ok(Element::Word {
                text: folded,
                prefix,
            });
        }
        let last = tokens.len() - 1;
        let sequence = tokens
            .kinds()
            .filter_map(super::matcher::TokenKind::word)
            .enumerate()
            .map(|(i, word)| Element::Word {
                text: word.to_string(),
                prefix: prefix && i == last,
            })
            .collect();
        Ok(Element::Choice(Arc::new(vec![sequence])))
    }

    fn slot(&self, inside: &str, at: usize) -> ParseResult<Element> {
        let (role, types) = match inside.split_once(':') {
            Some((role, types)) => (Some(role.trim()), types.trim()),
            None => (None, inside.trim()),
        };
        let role = match role {
            None => None,
            Some("subject") => Some(Role::Subject),
            Some("object") => Some(Role::Object),
            Some(other) => {
                return Err(self.error(
                    at + 1,
                    format!("expected the role 'subject' or 'object', found {other:?}"),
                ))
            }
        };
        let types: Vec<String> = if types == "*" || types.is_empty() {
            Vec::new()
        } else {
            types.split('|').map(|t| t.trim().to_string()).collect()
        };
        if let Some(bad) = types.iter().find(|t| {
            t.is_empty()
                || !t
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        }) {
            return Err(self.error(
                at + 1,
                format!("expected entity types such as PERSON|ORG, found {bad:?}"),
            ));
        }
        Ok(Element::Slot { role, types })
    }
}

/// Counts the slots of each role in a pattern (choices count their largest).
fn count_roles(elements: &[Element], role: Role) -> usize {
    elements
        .iter()
        .map(|e| match e {
            Element::Slot { role: Some(r), .. } if *r == role => 1,
            Element::Choice(alts) => alts.iter().map(|a| count_roles(a, role)).max().unwrap_or(0),
            Element::Optional(inner) => count_roles(std::slice::from_ref(inner), role),
            Element::Trigger(inner) => count_roles(inner, role),
            _ => 0,
        })
        .sum()
}

fn count_triggers(elements: &[Element]) -> usize {
    elements
        .iter()
        .map(|e| match e {
            Element::Trigger(inner) => 1 + count_triggers(inner),
            Element::Choice(alts) => alts.iter().map(|a| count_triggers(a)).max().unwrap_or(0),
            Element::Optional(inner) => count_triggers(std::slice::from_ref(inner)),
            _ => 0,
        })
        .sum()
}

/// True when a role slot sits inside a choice or optional, where it might
/// not take part in a match.
fn role_is_conditional(elements: &[Element], inside: bool) -> bool {
    elements.iter().any(|e| match e {
        Element::Slot { role: Some(_), .. } => inside,
        Element::Choice(alts) => alts
            .iter()
            .any(|a| role_is_conditional(a, alts.len() > 1 || inside)),
        Element::Optional(inner) => role_is_conditional(std::slice::from_ref(inner), true),
        Element::Trigger(inner) => role_is_conditional(inner, inside),
        _ => false,
    })
}

/// Parses a whole rule file.
pub(crate) fn parse(file: &Path, text: &str) -> Result<Vec<RuleDef>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut macros: HashMap<String, (Element, usize)> = HashMap::new();
    let mut rules: Vec<RuleDef> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let at = |offset: usize, message: String| {
            let column = line[..offset.min(line.len())].chars().count() + 1;
            Error::new(ErrorKind::Rule, message).at(Location::new(file, line_no, column))
        };
        let (keyword, rest) = trimmed.split_once([' ', '\t']).unwrap_or((trimmed, ""));
        let rest_at = line.len() - rest.len();
        let parse_pattern = |offset: usize,
                             macros: &HashMap<String, (Element, usize)>|
         -> Result<(Vec<Element>, usize), Error> {
            let mut parser = Parser {
                file,
                line_no,
                line,
                pos: offset,
                macros,
                expanded: 0,
            };
            let elements = parser.sequence(0)?;
            parser.skip_space();
            if parser.pos < line.len() {
                return Err(parser.error(
                    parser.pos,
                    format!(
                        "expected a word or the end of the line, found {}",
                        parser.describe_next()
                    ),
                ));
            }
            Ok((elements, parser.expanded))
        };
        match keyword {
            "let" => {
                let Some((name, body)) = rest.split_once('=') else {
                    return Err(at(rest_at, "expected 'let NAME = words'".into()));
                };
                let name = name.trim();
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                {
                    return Err(at(
                        rest_at,
                        format!("expected a name of letters, digits, '_' or '-', found {name:?}"),
                    ));
                }
                let body_at = line.len() - body.len();
                let (elements, size) = parse_pattern(body_at, &macros)?;
                if elements.is_empty() {
                    return Err(at(body_at, "expected words after '='".into()));
                }
                let shared = Element::Choice(Arc::new(vec![elements]));
                macros.insert(name.to_string(), (shared, size));
            }
            "rule" => {
                let Some((name, predicate)) = rest.split_once("->") else {
                    return Err(at(line.len(), "expected 'rule NAME -> predicate'".into()));
                };
                let (name, predicate) = (name.trim(), predicate.trim());
                if name.is_empty() || name.contains(char::is_whitespace) {
                    return Err(at(
                        rest_at,
                        format!("expected a rule name without spaces, found {name:?}"),
                    ));
                }
                if predicate.is_empty() {
                    return Err(at(line.len(), "expected a predicate after '->'".into()));
                }
                if let Some(previous) = rules.iter().find(|r| r.name == name) {
                    return Err(at(
                        rest_at,
                        format!(
                            "rule {name:?} is already defined at line {}",
                            previous.location.line
                        ),
                    ));
                }
                rules.push(RuleDef {
                    name: name.to_string(),
                    predicate: predicate.to_lowercase(),
                    priority: 0,
                    patterns: Vec::new(),
                    examples: Vec::new(),
                    counters: Vec::new(),
                    location: Location::new(file, line_no, indent + 1),
                });
            }
            "match" | "priority" | "example" | "counter" => {
                let Some(rule) = rules.last_mut() else {
                    return Err(at(
                        indent,
                        format!("expected 'rule NAME -> predicate' before '{keyword}'"),
                    ));
                };
                if indent == 0 {
                    return Err(at(
                        0,
                        format!("expected '{keyword}' to be indented under its rule"),
                    ));
                }
                match keyword {
                    "match" => {
                        let (elements, _) = parse_pattern(rest_at, &macros)?;
                        let location = Location::new(file, line_no, indent + 1);
                        for role in [Role::Subject, Role::Object] {
                            if count_roles(&elements, role) != 1 {
                                let name = if role == Role::Subject {
                                    "subject"
                                } else {
                                    "object"
                                };
                                return Err(at(
                                    rest_at,
                                    format!(
                                        "expected exactly one <{name}:TYPES> slot in the pattern"
                                    ),
                                ));
                            }
                        }
                        if role_is_conditional(&elements, false) {
                            return Err(at(
                                rest_at,
                                "expected the subject and object slots outside '( | )' and '?'"
                                    .into(),
                            ));
                        }
                        if count_triggers(&elements) > 1 {
                            return Err(at(
                                rest_at,
                                "expected at most one '{ }' trigger in a pattern".into(),
                            ));
                        }
                        rule.patterns.push((elements, location));
                    }
                    "priority" => {
                        rule.priority = rest.trim().parse().map_err(|_| {
                            at(
                                rest_at,
                                format!(
                                    "expected a whole number after 'priority', found {:?}",
                                    rest.trim()
                                ),
                            )
                        })?;
                    }
                    "example" => rule.examples.push(rest.trim().to_string()),
                    _ => rule.counters.push(rest.trim().to_string()),
                }
            }
            other => {
                return Err(at(indent, format!("expected 'rule', 'let', 'match', 'priority', 'example' or 'counter', found {other:?}")));
            }
        }
    }
    if let Some(rule) = rules.iter().find(|r| r.patterns.is_empty()) {
        return Err(Error::new(
            ErrorKind::Rule,
            format!(
                "rule {:?} has no 'match' line; expected at least one",
                rule.name
            ),
        )
        .at(rule.location.clone()));
    }
    Ok(rules)
}
