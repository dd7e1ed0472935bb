//! Relation rules as a user sees them: every shipped rule fires on its own
//! examples and not on its counters; the default rules give the expected
//! triples on news sentences of our own, with negation and hedging; some
//! sentences give nothing; rule files that are wrong give useful errors.

use entrel::{ErrorKind, Extractor, RuleSet};
use once_cell::sync::Lazy;
use std::collections::BTreeSet;

/// The shipped rule file, for slicing single rules out of it.
const SHIPPED_RULES: &str = include_str!("../gazetteers/relations.rules");

/// The predicates of SCHEMA.md's inventory.
const INVENTORY: &[&str] = &[
    "threatened closure of",
    "threatened",
    "attacked",
    "killed",
    "arrested",
    "invaded",
    "supports",
    "opposes",
    "met with",
    "visited",
    "leader of",
    "member of",
    "works for",
    "located in",
    "sanctioned",
    "accused",
    "allied with",
    "friend of",
];

// ---------------------------------------------------------------------------
// (a) Every rule's own examples and counters.

/// Splits a sentence with `[text](TYPE)` marks into the plain sentence and a
/// gazetteer of the marked entities.
fn unmark(marked: &str) -> (String, String) {
    let mut plain = String::new();
    let mut gazetteer = String::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        plain.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        plain.push_str(name);
        gazetteer.push_str(&format!("{name}\t{}\n", &rest[close + 2..end]));
        rest = &rest[end + 1..];
    }
    plain.push_str(rest);
    (plain, gazetteer)
}

/// The text of one rule of `file` on its own: every `let` before it, then
/// the rule's lines up to the next rule.
fn rule_alone(file: &str, first_line: usize) -> String {
    let lines: Vec<&str> = file.lines().collect();
    let mut out = String::new();
    for line in &lines[..first_line - 1] {
        if line.starts_with("let ") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(lines[first_line - 1]);
    out.push('\n');
    for line in &lines[first_line..] {
        if line.starts_with("rule ") {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The rules that fire on a marked sentence, given only `rule_text`.
fn fired(rule_text: &str, marked: &str) -> Result<Vec<String>, String> {
    let (plain, gazetteer) = unmark(marked);
    let extractor = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_text("marks.tsv", gazetteer)
        .default_rules(false)
        .rules_text("rule.rules", rule_text)
        .build()
        .map_err(|e| e.to_string())?;
    Ok(extractor
        .extract(&plain)
        .relations
        .into_iter()
        .map(|r| format!("{} {} {}", r.subject.text, r.predicate, r.object.text))
        .collect())
}

/// The user rule file of `examples/custom_rules.rs`.
const EXAMPLE_RULES: &str = include_str!("../examples/data/my.rules");

#[test]
fn every_rule_fires_on_its_examples_and_not_on_its_counters() {
    let mut files = vec![(
        SHIPPED_RULES,
        RuleSet::shipped().expect("the shipped rules parse"),
    )];
    files.push((
        EXAMPLE_RULES,
        vec![RuleSet::parse("examples/data/my.rules", EXAMPLE_RULES).expect("my.rules parses")],
    ));
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, sets) in &files {
        for rule in sets.iter().flat_map(|s| s.rules()) {
            let text = rule_alone(file, rule.location().line);
            if rule.examples().is_empty() {
                failures.push(format!("{}: no example", rule.name()));
            }
            for example in rule.examples() {
                checked += 1;
                match fired(&text, example) {
                    Ok(found) if found.is_empty() => failures.push(format!(
                        "{}: does not fire on example {example:?}",
                        rule.name()
                    )),
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{}: {e}", rule.name())),
                }
            }
            for counter in rule.counters() {
                checked += 1;
                match fired(&text, counter) {
                    Ok(found) if !found.is_empty() => failures.push(format!(
                        "{}: fires on counter {counter:?}: {found:?}",
                        rule.name()
                    )),
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{}: {e}", rule.name())),
                }
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shipped_rules_cover_the_inventory_and_nothing_else() {
    let sets = RuleSet::shipped().expect("the shipped rules parse");
    let predicates: BTreeSet<&str> = sets
        .iter()
        .flat_map(|s| s.rules())
        .map(|r| r.predicate())
        .collect();
    let inventory: BTreeSet<&str> = INVENTORY.iter().copied().collect();
    assert_eq!(predicates, inventory);
}

// ---------------------------------------------------------------------------
// (b)-(d) The default rules over our own test gazetteer.

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| {
    Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_path("tests/data/rules.tsv")
        .build()
        .expect("the test gazetteer and the default rules build")
});

/// (subject text, predicate, object text, negated, hedged)
type Triple = (String, String, String, bool, bool);

fn triples(text: &str) -> BTreeSet<Triple> {
    EXTRACTOR
        .extract(text)
        .relations
        .into_iter()
        .map(|r| {
            (
                r.subject.text,
                r.predicate,
                r.object.text,
                r.negated,
                r.hedged,
            )
        })
        .collect()
}

fn t(subject: &str, predicate: &str, object: &str) -> Triple {
    (
        subject.into(),
        predicate.into(),
        object.into(),
        false,
        false,
    )
}

fn negated(subject: &str, predicate: &str, object: &str) -> Triple {
    (subject.into(), predicate.into(), object.into(), true, false)
}

fn hedged(subject: &str, predicate: &str, object: &str) -> Triple {
    (subject.into(), predicate.into(), object.into(), false, true)
}

/// Checks each sentence, extracted on its own, gives exactly its triples.
fn check(cases: &[(&str, Vec<Triple>)]) {
    let mut failures = Vec::new();
    for (sentence, expected) in cases {
        let expected: BTreeSet<Triple> = expected.iter().cloned().collect();
        let found = triples(sentence);
        if found != expected {
            failures.push(format!(
                "{sentence}\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn threatened_closure_of() {
    check(&[
        (
            "Iran threatened to close the Strait of Hormuz on Monday.",
            vec![t("Iran", "threatened closure of", "Strait of Hormuz")],
        ),
        (
            "Pompeo's threat to close the U.S. Embassy alarmed Iraqi leaders.",
            vec![t("Pompeo", "threatened closure of", "U.S. Embassy")],
        ),
        (
            "Kata'ib Hezbollah, which controls several checkpoints, threatened to shut down Baghdad International Airport.",
            vec![t("Kata'ib Hezbollah", "threatened closure of", "Baghdad International Airport")],
        ),
        (
            "Washington has not threatened to close the U.S. Embassy, Blinken said.",
            vec![negated("Washington", "threatened closure of", "U.S. Embassy")],
        ),
    ]);
}

#[test]
fn threatened() {
    check(&[
        (
            "Erdogan threatened the Kurdistan Region with new strikes.",
            vec![t("Erdogan", "threatened", "Kurdistan Region")],
        ),
        (
            "Kuwait was threatened by Iraq for months before the war.",
            vec![t("Iraq", "threatened", "Kuwait")],
        ),
        (
            "Russia's threats against Ukraine grew louder in the spring.",
            vec![t("Russia", "threatened", "Ukraine")],
        ),
        (
            "Tehran threatened to strike Erbil if the talks failed.",
            vec![t("Tehran", "threatened", "Erbil")],
        ),
        (
            "Iran never threatened Qatar, its foreign ministry said.",
            vec![negated("Iran", "threatened", "Qatar")],
        ),
    ]);
}

#[test]
fn attacked() {
    check(&[
        (
            "Kata'ib Hezbollah fired rockets at the U.S. Embassy on Sunday.",
            vec![t("Kata'ib Hezbollah", "attacked", "U.S. Embassy")],
        ),
        (
            "Israel struck Damascus overnight.",
            vec![t("Israel", "attacked", "Damascus")],
        ),
        (
            "Ain al-Asad Air Base in Anbar was targeted by Kata'ib Hezbollah.",
            vec![
                t("Kata'ib Hezbollah", "attacked", "Ain al-Asad Air Base"),
                t("Ain al-Asad Air Base", "located in", "Anbar"),
            ],
        ),
        (
            "Iran's missile attack on Erbil killed four people.",
            vec![t("Iran", "attacked", "Erbil")],
        ),
        (
            "Hamas, the Palestinian group, shelled Israel and Lebanon last week.",
            vec![
                t("Hamas", "attacked", "Israel"),
                t("Hamas", "attacked", "Lebanon"),
            ],
        ),
        (
            "Kata'ib Hezbollah denied that it attacked the U.S. Embassy.",
            vec![negated("Kata'ib Hezbollah", "attacked", "U.S. Embassy")],
        ),
    ]);
}

#[test]
fn killed() {
    check(&[
        (
            "The United States killed Qassem Soleimani and Abu Mahdi al-Muhandis near Baghdad International Airport.",
            vec![
                t("United States", "killed", "Qassem Soleimani"),
                t("United States", "killed", "Abu Mahdi al-Muhandis"),
            ],
        ),
        (
            "Hisham al-Hashimi was shot dead by Kata'ib Hezbollah outside his home.",
            vec![t("Kata'ib Hezbollah", "killed", "Hisham al-Hashimi")],
        ),
        (
            "Washington's assassination of Soleimani shocked Tehran.",
            vec![t("Washington", "killed", "Soleimani")],
        ),
        (
            "Hamas did not kill Ahmed Hamdani, a spokesman said.",
            vec![negated("Hamas", "killed", "Ahmed Hamdani")],
        ),
    ]);
}

#[test]
fn arrested() {
    check(&[
        (
            "Turkey detained Ahmed Hamdani on Friday.",
            vec![t("Turkey", "arrested", "Ahmed Hamdani")],
        ),
        (
            "Hamdani was apprehended by the Iraqi National Security Service on Tuesday.",
            vec![t("Iraqi National Security Service", "arrested", "Hamdani")],
        ),
        (
            "The arrest of Ahmed Hamdani by Turkey angered Baghdad.",
            vec![t("Turkey", "arrested", "Ahmed Hamdani")],
        ),
        (
            "The Kurdistan Region took Ahmed Hamdani into custody last week.",
            vec![t("Kurdistan Region", "arrested", "Ahmed Hamdani")],
        ),
        (
            "Baghdad did not arrest Ahmed Hamdani, officials said.",
            vec![negated("Baghdad", "arrested", "Ahmed Hamdani")],
        ),
    ]);
}

#[test]
fn invaded() {
    check(&[
        (
            "Iraq invaded Kuwait in August 1990.",
            vec![t("Iraq", "invaded", "Kuwait")],
        ),
        (
            "Kuwait was invaded by Iraq in 1990.",
            vec![t("Iraq", "invaded", "Kuwait")],
        ),
        (
            "Russia's invasion of Ukraine reshaped NATO.",
            vec![t("Russia", "invaded", "Ukraine")],
        ),
        (
            "Turkey has never invaded Iraq, Erdogan said.",
            vec![negated("Turkey", "invaded", "Iraq")],
        ),
        (
            "If Russia invades Finland, NATO will respond.",
            vec![hedged("Russia", "invaded", "Finland")],
        ),
    ]);
}

#[test]
fn supports() {
    check(&[
        (
            "Iran supports Hezbollah financially.",
            vec![t("Iran", "supports", "Hezbollah")],
        ),
        (
            "The Iranian-backed Kata'ib Hezbollah denied the report.",
            vec![t("Iranian", "supports", "Kata'ib Hezbollah")],
        ),
        (
            "Hamas is backed by Qatar and Turkey.",
            vec![
                t("Qatar", "supports", "Hamas"),
                t("Turkey", "supports", "Hamas"),
            ],
        ),
        (
            "Washington's support for Kadhimi is not unconditional.",
            vec![t("Washington", "supports", "Kadhimi")],
        ),
        (
            "Iran, the main backer of Hezbollah, said nothing.",
            vec![t("Iran", "supports", "Hezbollah")],
        ),
        (
            "Neither Iraq nor Jordan supports Hamas.",
            vec![
                negated("Iraq", "supports", "Hamas"),
                negated("Jordan", "supports", "Hamas"),
            ],
        ),
    ]);
}

#[test]
fn opposes() {
    check(&[
        (
            "Hungary opposes Ukraine's membership of the European Union.",
            vec![t("Hungary", "opposes", "Ukraine")],
        ),
        (
            "Maliki is opposed by the Kurdistan Democratic Party.",
            vec![t("Kurdistan Democratic Party", "opposes", "Maliki")],
        ),
        (
            "The Kurdistan Democratic Party is opposed to Maliki's return.",
            vec![t("Kurdistan Democratic Party", "opposes", "Maliki")],
        ),
        (
            "Nouri al-Maliki, a bitter foe of Kadhimi, stayed away.",
            vec![t("Nouri al-Maliki", "opposes", "Kadhimi")],
        ),
        (
            "Turkey does not oppose Sweden's bid to join NATO.",
            vec![negated("Turkey", "opposes", "Sweden")],
        ),
    ]);
}

#[test]
fn met_with() {
    check(&[
        (
            "Pompeo met with Iraqi Prime Minister Mustafa al-Kadhimi in Baghdad.",
            vec![t("Pompeo", "met with", "Mustafa al-Kadhimi")],
        ),
        (
            "Fidan held talks with Lavrov in Ankara.",
            vec![t("Fidan", "met with", "Lavrov")],
        ),
        (
            "Kadhimi's meeting with Sistani lasted two hours.",
            vec![t("Kadhimi", "met with", "Sistani")],
        ),
        (
            "Blinken sat down with his Turkish counterpart, Hakan Fidan.",
            vec![t("Blinken", "met with", "Hakan Fidan")],
        ),
        (
            "Salih and Barzani met in Erbil on Sunday.",
            vec![t("Salih", "met with", "Barzani")],
        ),
        (
            "Sistani has refused to meet with Pompeo.",
            vec![negated("Sistani", "met with", "Pompeo")],
        ),
    ]);
}

#[test]
fn visited() {
    check(&[
        (
            "Pompeo visited Baghdad on Thursday.",
            vec![t("Pompeo", "visited", "Baghdad")],
        ),
        (
            "Erdogan arrived in Baghdad for talks.",
            vec![t("Erdogan", "visited", "Baghdad")],
        ),
        (
            "Kadhimi's visit to Tehran was postponed.",
            vec![t("Kadhimi", "visited", "Tehran")],
        ),
        (
            "During a visit to Erbil, Blinken praised the Kurdistan Region.",
            vec![t("Blinken", "visited", "Erbil")],
        ),
        (
            "Kadhimi has not visited Washington since taking office.",
            vec![negated("Kadhimi", "visited", "Washington")],
        ),
    ]);
}

#[test]
fn leader_of() {
    check(&[
        (
            "Hassan Nasrallah, the leader of Hezbollah, spoke on television.",
            vec![t("Hassan Nasrallah", "leader of", "Hezbollah")],
        ),
        (
            "Iraq's president Barham Salih welcomed the decision.",
            vec![t("Barham Salih", "leader of", "Iraq")],
        ),
        (
            "Iraq's prime minister, Mustafa al-Kadhimi, met with Pompeo.",
            vec![
                t("Mustafa al-Kadhimi", "leader of", "Iraq"),
                t("Mustafa al-Kadhimi", "met with", "Pompeo"),
            ],
        ),
        (
            "Masrour Barzani, prime minister of the Kurdistan Region, arrived late.",
            vec![t("Masrour Barzani", "leader of", "Kurdistan Region")],
        ),
        (
            "Stoltenberg led NATO for a decade.",
            vec![t("Stoltenberg", "leader of", "NATO")],
        ),
        (
            "Hezbollah, which is led by Hassan Nasrallah, fired rockets at Israel.",
            vec![
                t("Hassan Nasrallah", "leader of", "Hezbollah"),
                t("Hezbollah", "attacked", "Israel"),
            ],
        ),
        (
            "Maliki is no longer the prime minister of Iraq.",
            vec![negated("Maliki", "leader of", "Iraq")],
        ),
    ]);
}

#[test]
fn member_of() {
    check(&[
        (
            "Turkey, a member of NATO, objected.",
            vec![t("Turkey", "member of", "NATO")],
        ),
        (
            "Finland joined NATO in 2023.",
            vec![t("Finland", "member of", "NATO")],
        ),
        (
            "NATO member Turkey blocked the deal.",
            vec![t("Turkey", "member of", "NATO")],
        ),
        (
            "Hussein Fadhil, a senior commander in the Popular Mobilization Forces, was detained.",
            vec![t(
                "Hussein Fadhil",
                "member of",
                "Popular Mobilization Forces",
            )],
        ),
        (
            "Iraq, Syria and Lebanon, which are not members of NATO, stayed away.",
            vec![
                negated("Iraq", "member of", "NATO"),
                negated("Syria", "member of", "NATO"),
                negated("Lebanon", "member of", "NATO"),
            ],
        ),
    ]);
}

#[test]
fn works_for() {
    check(&[
        (
            "Sarah Lind, a senior fellow at Chatham House, said the talks had stalled.",
            vec![t("Sarah Lind", "works for", "Chatham House")],
        ),
        (
            "Pentagon spokesman John Kirby declined to comment.",
            vec![t("John Kirby", "works for", "Pentagon")],
        ),
        (
            "Omar Haddad works for Reuters.",
            vec![t("Omar Haddad", "works for", "Reuters")],
        ),
        (
            "Fuad Hussein, Iraq's foreign minister, met with Blinken.",
            vec![
                t("Fuad Hussein", "works for", "Iraq"),
                t("Fuad Hussein", "met with", "Blinken"),
            ],
        ),
        (
            "Sarah Lind is a researcher at the Brookings Institution.",
            vec![t("Sarah Lind", "works for", "Brookings Institution")],
        ),
        (
            "Sarah Lind no longer works for Chatham House.",
            vec![negated("Sarah Lind", "works for", "Chatham House")],
        ),
    ]);
}

#[test]
fn located_in() {
    check(&[
        (
            "Rockets landed near the U.S. Embassy in Baghdad.",
            vec![t("U.S. Embassy", "located in", "Baghdad")],
        ),
        (
            "Chatham House, which is based in London, published the report.",
            vec![t("Chatham House", "located in", "London")],
        ),
        (
            "Protesters gathered in Baghdad's Green Zone.",
            vec![t("Green Zone", "located in", "Baghdad")],
        ),
        (
            "Fighting resumed near Mosul in northern Iraq.",
            vec![t("Mosul", "located in", "Iraq")],
        ),
        (
            "Erbil International Airport is not located in Baghdad.",
            vec![negated(
                "Erbil International Airport",
                "located in",
                "Baghdad",
            )],
        ),
    ]);
}

#[test]
fn sanctioned() {
    check(&[
        (
            "The Treasury Department sanctioned Kata'ib Hezbollah in 2009.",
            vec![t("Treasury Department", "sanctioned", "Kata'ib Hezbollah")],
        ),
        (
            "Abu Fadak al-Mohammadawi was blacklisted by the Treasury Department last year.",
            vec![t(
                "Treasury Department",
                "sanctioned",
                "Abu Fadak al-Mohammadawi",
            )],
        ),
        (
            "The European Union imposed sanctions on Belarus.",
            vec![t("European Union", "sanctioned", "Belarus")],
        ),
        (
            "Washington's sanctions on Tehran hurt ordinary Iranians.",
            vec![t("Washington", "sanctioned", "Tehran")],
        ),
        (
            "The European Union did not sanction Turkey.",
            vec![negated("European Union", "sanctioned", "Turkey")],
        ),
    ]);
}

#[test]
fn accused() {
    check(&[
        (
            "Kadhimi accused Kata'ib Hezbollah of firing rockets at the Green Zone.",
            vec![t("Kadhimi", "accused", "Kata'ib Hezbollah")],
        ),
        (
            "Washington blamed Tehran for the attack.",
            vec![t("Washington", "accused", "Tehran")],
        ),
        (
            "Turkey was accused by Baghdad of violating Iraqi sovereignty.",
            vec![t("Baghdad", "accused", "Turkey")],
        ),
        (
            "Kyiv's accusations against Moscow grew louder.",
            vec![t("Kyiv", "accused", "Moscow")],
        ),
        (
            "Baghdad did not accuse Tehran of involvement.",
            vec![negated("Baghdad", "accused", "Tehran")],
        ),
    ]);
}

#[test]
fn allied_with() {
    check(&[
        (
            "Bashar al-Assad, a close ally of Iran, did not comment.",
            vec![t("Bashar al-Assad", "allied with", "Iran")],
        ),
        (
            "Belarus, which is allied with Russia, was not invited.",
            vec![t("Belarus", "allied with", "Russia")],
        ),
        (
            "Russia's ally Belarus hosted the drills.",
            vec![t("Belarus", "allied with", "Russia")],
        ),
        (
            "Iran and Syria are close allies.",
            vec![t("Iran", "allied with", "Syria")],
        ),
        (
            "Turkey is not allied with Russia, Fidan said.",
            vec![negated("Turkey", "allied with", "Russia")],
        ),
    ]);
}

#[test]
fn friend_of() {
    check(&[
        (
            "Hisham al-Hashimi, a friend of Kadhimi, was killed in July.",
            vec![t("Hisham al-Hashimi", "friend of", "Kadhimi")],
        ),
        (
            "Kadhimi's old friend Hisham al-Hashimi wrote the report.",
            vec![t("Hisham al-Hashimi", "friend of", "Kadhimi")],
        ),
        (
            "Pompeo is a longtime friend of Blinken.",
            vec![t("Pompeo", "friend of", "Blinken")],
        ),
        (
            "Salih and Barzani are old friends.",
            vec![t("Salih", "friend of", "Barzani")],
        ),
        (
            "Maliki is not a friend of Kadhimi.",
            vec![negated("Maliki", "friend of", "Kadhimi")],
        ),
    ]);
}

#[test]
fn sentences_without_relations() {
    check(&[
        // Entities merely listed.
        ("Officials from Iraq, Iran and Turkey attended.", vec![]),
        (
            "Delegations from Jordan, Qatar and Lebanon are expected in Baghdad.",
            vec![],
        ),
        // A relation between things that are not entities.
        ("The gunmen attacked the convoy.", vec![]),
        ("Iranian-backed militias attacked the base.", vec![]),
        // A title before a name, and a country elsewhere in the sentence.
        (
            "President Barham Salih said Iraq would not become a battlefield.",
            vec![],
        ),
        ("President Barham Salih spoke in Baghdad on Monday.", vec![]),
        (
            "Prime Minister Mustafa al-Kadhimi arrived from Tehran.",
            vec![],
        ),
        // Pronoun subjects.
        ("He met Kadhimi in Baghdad.", vec![]),
        ("They attacked the U.S. Embassy.", vec![]),
        // A relation word with no entity in the object's place.
        (
            "Kadhimi gave the order to attack Kata'ib Hezbollah cells.",
            vec![],
        ),
        ("Pompeo spoke by phone with Kadhimi.", vec![]),
        ("Kadhimi's friends in Washington did nothing.", vec![]),
    ]);
}

#[test]
fn cues_and_lists_reach_only_as_far_as_they_should() {
    check(&[
        // "non-" denies.
        (
            "Non-NATO member Sweden sent observers.",
            vec![negated("Sweden", "member of", "NATO")],
        ),
        // ", or PMF" is a second name, not a second organisation.
        (
            "Hussein Fadhil is a member of the Popular Mobilization Forces, or PMF.",
            vec![t(
                "Hussein Fadhil",
                "member of",
                "Popular Mobilization Forces",
            )],
        ),
        // A possessed name is not a list item.
        (
            "Ain al-Asad Air Base and Baghdad's Green Zone were hit.",
            vec![t("Green Zone", "located in", "Baghdad")],
        ),
        // "if" opens a clause of its own.
        (
            "Iran could attack Erbil if Baghdad keeps U.S. troops.",
            vec![hedged("Iran", "attacked", "Erbil")],
        ),
        // The denial is of the attack, not of where the embassy is.
        (
            "Iran denied that it attacked the U.S. Embassy in Baghdad.",
            vec![
                negated("Iran", "attacked", "U.S. Embassy"),
                t("U.S. Embassy", "located in", "Baghdad"),
            ],
        ),
    ]);
}

#[test]
fn hedged_relations() {
    check(&[
        (
            "Iran could attack the U.S. Embassy.",
            vec![hedged("Iran", "attacked", "U.S. Embassy")],
        ),
        (
            "If Pompeo visited Najaf, Sistani would not receive him.",
            vec![hedged("Pompeo", "visited", "Najaf")],
        ),
        (
            "Washington may sanction Baghdad over the vote.",
            vec![hedged("Washington", "sanctioned", "Baghdad")],
        ),
        (
            "Pompeo visited Baghdad in May.",
            vec![t("Pompeo", "visited", "Baghdad")],
        ),
    ]);
}

#[test]
fn negated_relations() {
    check(&[
        (
            "Iran did not attack the U.S. Embassy.",
            vec![negated("Iran", "attacked", "U.S. Embassy")],
        ),
        (
            "Kata'ib Hezbollah denied that it attacked the U.S. Embassy.",
            vec![negated("Kata'ib Hezbollah", "attacked", "U.S. Embassy")],
        ),
        (
            "Neither Iraq nor Jordan supports Hamas.",
            vec![
                negated("Iraq", "supports", "Hamas"),
                negated("Jordan", "supports", "Hamas"),
            ],
        ),
        (
            "Qatar said it did not support either Washington or Tehran in the dispute.",
            vec![
                negated("Qatar", "supports", "Washington"),
                negated("Qatar", "supports", "Tehran"),
            ],
        ),
        (
            "Neither President Barham Salih nor Prime Minister Mustafa al-Kadhimi supports Kata'ib Hezbollah.",
            vec![
                negated("Barham Salih", "supports", "Kata'ib Hezbollah"),
                negated("Mustafa al-Kadhimi", "supports", "Kata'ib Hezbollah"),
            ],
        ),
    ]);
}

// ---------------------------------------------------------------------------
// Rule errors.

#[test]
fn a_rule_file_that_does_not_parse_names_file_line_and_column() {
    let text = "# mine\nrule visit -> visited\n  match <subject:PERSON> {visited <object:GPE>\n";
    let err = RuleSet::parse("mine.rules", text).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Rule);
    let location = err.location().expect("a location");
    assert_eq!(location.file, std::path::Path::new("mine.rules"));
    assert_eq!(location.line, 3);
    assert_eq!(location.column, 47);
    assert!(err.message().starts_with("expected '}'"), "{err}");
    assert!(
        err.to_string().starts_with("mine.rules:3:47: expected"),
        "{err}"
    );

    // The same error through the builder.
    let err = Extractor::builder()
        .default_gazetteers(false)
        .rules_text("mine.rules", text)
        .build()
        .unwrap_err();
    assert!(
        err.to_string().starts_with("mine.rules:3:47: expected"),
        "{err}"
    );
}

#[test]
fn rule_errors_say_what_was_expected() {
    let cases = [
        (
            "rule r -> x\n  match <subject:PERSON> met <PERSON>\n",
            "bad.rules:2:9: expected exactly one <object:TYPES> slot in the pattern",
        ),
        (
            "rule r -> x\n  match <subject:PERSON> $verbs <object:PERSON>\n",
            "bad.rules:2:26: unknown name $verbs; expected a name defined by an earlier 'let'",
        ),
        (
            "rule r -> x\n  match <subject:PERSON> met ...99 <object:PERSON>\n",
            "bad.rules:2:33: expected a gap of at most 20 words, found 99",
        ),
        (
            "rule r -> x\n  example [A](PERSON) met [B](PERSON).\n",
            "bad.rules:1:1: rule \"r\" has no 'match' line; expected at least one",
        ),
    ];
    for (text, message) in cases {
        let err = RuleSet::parse("bad.rules", text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Rule);
        assert_eq!(err.to_string(), message);
    }
}

#[test]
fn a_huge_rule_exceeds_the_size_limit() {
    // Two-word alternatives: one-word ones would compile to one small set.
    let words: Vec<String> = (0..5000).map(|i| format!("word{i} next{i}")).collect();
    let choice = format!("({})", words.join(" | "));
    let text = format!(
        "rule huge -> huge\n  match <subject:PERSON> ...10 {choice} ...10 ({choice} ...10)? <object:PERSON>\n"
    );
    let rules = RuleSet::parse("huge.rules", &text).expect("a huge rule still parses");
    let err = Extractor::builder()
        .default_gazetteers(false)
        .default_rules(false)
        .rules(rules)
        .rule_size_limit(100_000)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SizeLimit);
    assert_eq!(err.location().map(|l| l.line), Some(2));
    assert!(err.message().contains("limit"), "{err}");
}

#[test]
fn too_many_entity_types_is_a_size_error() {
    let types: Vec<String> = (0..130).map(|i| format!("KIND{i}")).collect();
    let text = format!(
        "rule wide -> wide\n  match <subject:{}> {{met}} <object:PERSON>\n",
        types.join("|")
    );
    let rules = RuleSet::parse("wide.rules", &text).expect("parses");
    let err = Extractor::builder()
        .default_gazetteers(false)
        .default_rules(false)
        .rules(rules)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SizeLimit);
    assert_eq!(err.location().map(|l| l.line), Some(2));
    assert!(err.message().contains("entity types"), "{err}");
}

#[test]
fn user_rules_add_to_the_default_rules() {
    let extractor = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_path("tests/data/rules.tsv")
        .rules_text(
            "praise.rules",
            "rule praise -> praised\n  match <subject:PERSON> {praised} <object:PERSON|ORG|GPE>\n",
        )
        .build()
        .expect("builds");
    let found: Vec<(String, String, String)> = extractor
        .extract("Pompeo praised Kadhimi after he visited Baghdad. Pompeo visited Erbil.")
        .relations
        .into_iter()
        .map(|r| (r.subject.text, r.predicate, r.object.text))
        .collect();
    assert!(found.contains(&("Pompeo".into(), "praised".into(), "Kadhimi".into())));
    assert!(found.contains(&("Pompeo".into(), "visited".into(), "Erbil".into())));
}

/// Cue words have codes of their own, and a `word*` in a user's rule still
/// takes those that stay in the sentence ("whether", "if": hedges that open
/// a clause).
#[test]
fn a_prefix_takes_the_cue_words_that_stay_in_the_sentence() {
    let rule = "rule asked -> asked\n  match <subject:PERSON> asked (wh* | i*) <object:PERSON>\n";
    for sentence in [
        "[Ann Lee](PERSON) asked whether [Bob Ray](PERSON) had left.",
        "[Ann Lee](PERSON) asked if [Bob Ray](PERSON) had left.",
    ] {
        assert_eq!(
            fired(rule, sentence).expect("builds"),
            ["Ann Lee asked Bob Ray"],
            "{sentence}"
        );
    }
    assert_eq!(
        fired(rule, "[Ann Lee](PERSON) asked not [Bob Ray](PERSON).").expect("builds"),
        Vec::<String>::new()
    );
}

/// A pattern runs only where two entities of its subject's and object's
/// types stand no further apart than it allows: every distance it allows
/// still matches, in either order of the roles, with cue words taken out
/// of the count, and one more does not.
#[test]
fn patterns_match_at_every_distance_they_allow_and_no_further() {
    let near = "rule near -> met in\n  match <subject:PERSON> met ...2 in <object:GPE>\n";
    let words = ["", "aides ", "aides of ", "aides of state "];
    for (gap, words) in words.iter().enumerate() {
        let sentence = format!("[Ann Lee](PERSON) met {words}in [Quito](GPE).");
        let expected: &[&str] = if gap <= 2 {
            &["Ann Lee met in Quito"]
        } else {
            &[]
        };
        assert_eq!(
            fired(near, &sentence).expect("builds"),
            expected,
            "{sentence}"
        );
    }
    // Cue words ("has") are taken out before the patterns run: three words
    // stand between the entities, two count.
    let close = "rule close -> met in\n  match <subject:PERSON> met in <object:GPE>\n";
    assert_eq!(
        fired(close, "[Ann Lee](PERSON) has met in [Quito](GPE).").expect("builds"),
        ["Ann Lee met in Quito"]
    );
    assert_eq!(
        fired(close, "[Ann Lee](PERSON) met aides in [Quito](GPE).").expect("builds"),
        Vec::<String>::new()
    );
    // The object first.
    let passive = "rule visited -> visited\n  match <object:GPE> was visited by <subject:PERSON>\n";
    assert_eq!(
        fired(passive, "[Quito](GPE) was visited by [Bob Ray](PERSON).").expect("builds"),
        ["Bob Ray visited Quito"]
    );
    // Two entities close, but neither of the subject's type.
    assert_eq!(
        fired(passive, "[Quito](GPE) was visited by [Lima](GPE).").expect("builds"),
        Vec::<String>::new()
    );
}

/// A pattern runs only where the words it needs before, between and after
/// its roles stand within its reach of them: at the edge of that reach it
/// still matches, one token past it it does not.
#[test]
fn patterns_match_with_their_words_at_the_edge_of_their_reach() {
    let rule = "rule talks -> met\n  \
        match reports ...2 <subject:PERSON> (met | talked with) ...1 <object:PERSON> ...2 today\n";
    let cases = [
        // Every gap at its widest, "talked with" the longer choice.
        (
            "Reports say aides [Ann Lee](PERSON) talked with the [Bob Ray](PERSON) in Quito today.",
            true,
        ),
        (
            "Reports say that aides [Ann Lee](PERSON) talked with the [Bob Ray](PERSON) in Quito today.",
            false,
        ),
        (
            "Reports say aides [Ann Lee](PERSON) talked with the new [Bob Ray](PERSON) in Quito today.",
            false,
        ),
        (
            "Reports say aides [Ann Lee](PERSON) talked with the [Bob Ray](PERSON) in old Quito today.",
            false,
        ),
        // The shorter choice, and no gap at all.
        ("Reports [Ann Lee](PERSON) met [Bob Ray](PERSON) today.", true),
        // The roles the other way round are another pattern's.
        ("Reports [Bob Ray](PERSON) met [Ann Lee](PERSON) today.", true),
        ("Reports [Ann Lee](PERSON) met [Bob Ray](PERSON) on Friday.", false),
        ("Aides [Ann Lee](PERSON) met [Bob Ray](PERSON) today.", false),
    ];
    for (sentence, matches) in cases {
        let found = fired(rule, sentence).expect("builds");
        assert_eq!(found.len(), usize::from(matches), "{sentence}: {found:?}");
    }
}

/// Crowded and endless sentences finish: 10,000 mentions in one sentence
/// and a megabyte without punctuation (no timing is asserted; a quadratic
/// step would make this test run for hours instead of seconds).
#[test]
fn crowded_and_endless_sentences_finish() {
    let extractor = entrel::default_extractor();
    let crowded = "Iraq and Iran met with Syria and ".repeat(2_500);
    let doc = extractor.extract(&crowded);
    assert!(doc.entities.len() >= 7_500);
    let endless = "officials in baghdad said talks would go on ".repeat(25_000);
    let doc = extractor.extract(&endless);
    assert!(doc.entities.is_empty());
    assert!(doc.sentences.len() <= 1);
}

#[test]
fn a_documents_relations_do_not_depend_on_the_documents_before_it() {
    // The token list is kept by the thread from one document to the next:
    // a long document of many sentences, then a short one, must leave the
    // short one's relations as a fresh thread finds them.
    let short = "Hamas attacked Israel on Monday. Iran did not threaten Iraq.";
    let long = "Russia attacked Ukraine, officials in Kyiv said. ".repeat(400)
        + "Turkey threatened to invade Syria, and Ankara has threatened the closure of the Bosphorus.";
    fn render(text: &str) -> String {
        let doc = entrel::default_extractor().extract(text);
        serde_json::to_string(&doc.relations).unwrap()
    }
    let fresh = std::thread::spawn(move || render(short)).join().unwrap();
    assert!(fresh.contains("attacked"), "{fresh}");
    let before = render(&long);
    assert!(before.contains("threatened"), "{before}");
    assert_eq!(render(short), fresh);
    assert_eq!(render(&long), before);
}
