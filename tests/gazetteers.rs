//! The shipped gazetteers: well-formed, sorted, typed, deduplicated, and
//! real coverage of world news.

use entrel::{EntityType, Gazetteer};
use std::collections::HashMap;

#[test]
fn shipped_lists_are_sorted_typed_and_deduplicated() {
    let shipped = Gazetteer::shipped().expect("shipped gazetteers parse");
    let mut owner: HashMap<String, (String, String)> = HashMap::new();
    for g in &shipped {
        let text = std::fs::read_to_string(g.name()).expect("gazetteer file readable");
        let data: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        let mut sorted = data.clone();
        sorted.sort_unstable();
        assert_eq!(data, sorted, "{} is not sorted by line", g.name().display());
        for e in g.entries() {
            assert!(
                !matches!(e.entity_type, EntityType::Other(_)),
                "{}:{}: unknown type {}",
                g.name().display(),
                e.line,
                e.entity_type
            );
            for name in e.names() {
                let here = (e.id.clone(), format!("{}:{}", g.name().display(), e.line));
                if let Some(previous) = owner.insert(name.to_string(), here.clone()) {
                    assert_eq!(
                        previous.0, here.0,
                        "{name:?} names two entities: {previous:?} and {here:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn shipped_lists_cover_world_news() {
    let shipped = Gazetteer::shipped().expect("shipped gazetteers parse");
    let count = |t: EntityType| {
        shipped
            .iter()
            .flat_map(|g| g.entries())
            .filter(|e| e.entity_type == t)
            .count()
    };
    assert!(
        count(EntityType::Person) >= 500,
        "people: {}",
        count(EntityType::Person)
    );
    assert!(
        count(EntityType::Org) >= 500,
        "organisations: {}",
        count(EntityType::Org)
    );
    assert!(
        count(EntityType::Gpe) >= 3000,
        "places: {}",
        count(EntityType::Gpe)
    );
    assert!(count(EntityType::Norp) >= 200);
    assert!(count(EntityType::Fac) >= 100);
    assert!(count(EntityType::Event) >= 50);
    assert!(count(EntityType::Loc) >= 200);
}

#[test]
fn a_malformed_line_is_rejected_with_its_location() {
    let err = Gazetteer::parse(
        "people.tsv",
        "Mike Pompeo\tPERSON\tmike_pompeo\nKadhimi PERSON\n",
    )
    .unwrap_err();
    let location = err.location().expect("located");
    assert_eq!((location.line, location.column), (2, 15));
    assert!(err.message().contains("expected a TAB and an entity type"));
}

#[test]
fn the_default_extractor_knows_the_news_regulars() {
    let doc = entrel::default_extractor().extract(
        "Iraqi Prime Minister Mustafa al-Kadhimi met Antony Blinken in Baghdad, \
         where Kata’ib Hezbollah and the Islamic Revolutionary Guard Corps are active; \
         NATO and the United Nations Security Council were briefed.",
    );
    let found: Vec<(&str, &str)> = doc
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.entity_type.as_str()))
        .collect();
    for expected in [
        ("Iraqi", "NORP"),
        ("Mustafa al-Kadhimi", "PERSON"),
        ("Antony Blinken", "PERSON"),
        ("Baghdad", "GPE"),
        ("Kata’ib Hezbollah", "ORG"),
        ("Islamic Revolutionary Guard Corps", "ORG"),
        ("NATO", "ORG"),
        ("United Nations Security Council", "ORG"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}
