//! Gazetteer tagging as a user sees it: which mentions are found, with which
//! ids, types and exact spans.

use entrel::{Document, Extractor, Gazetteer};
use once_cell::sync::Lazy;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| {
    Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_path("tests/data/tagging.tsv")
        .build()
        .expect("test gazetteer builds")
});

/// Checks the invariants every span must satisfy and returns (text, id) pairs.
fn tag(text: &str) -> Vec<(String, String)> {
    let doc = EXTRACTOR.extract(text);
    check_spans(text, &doc);
    doc.entities
        .iter()
        .map(|e| (e.text.clone(), e.id.clone()))
        .collect()
}

fn check_spans(text: &str, doc: &Document) {
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for e in &doc.entities {
        assert_eq!(&text[e.span.bytes()], e.text, "byte span of {e:?}");
        let by_chars: String = chars[e.span.chars()].iter().collect();
        assert_eq!(by_chars, e.text, "code-point span of {e:?}");
        assert!(
            e.span.byte_start >= last_end,
            "mentions overlap or are out of order"
        );
        last_end = e.span.byte_end;
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(t, i)| (t.to_string(), i.to_string()))
        .collect()
}

#[test]
fn whole_words_only() {
    assert_eq!(
        tag("Iranian drones and IraqDiplomacy"),
        pairs(&[("Iranian", "iranians")])
    );
    assert_eq!(
        tag("Iraq—and (Iraq), \"Iraq\"; Iraq."),
        pairs(&[
            ("Iraq", "iraq"),
            ("Iraq", "iraq"),
            ("Iraq", "iraq"),
            ("Iraq", "iraq")
        ])
    );
    assert_eq!(tag("Iraq2020 and 2020Iraq"), pairs(&[]));
}

#[test]
fn names_at_the_edges_of_the_text_and_of_eight_byte_blocks() {
    // The tagger reads words and text in blocks of eight bytes: names
    // before, across and after block ends, one- and two-byte names, and a
    // name that is the whole text.
    let extractor = Extractor::builder()
        .default_gazetteers(false)
        .default_rules(false)
        .gazetteer_text("edges.tsv", "X\tORG\nUN\tORG\nBaghdad\tGPE\n")
        .build()
        .expect("builds");
    let found =
        |text: &str| -> Vec<String> { extractor.tag(text).into_iter().map(|e| e.text).collect() };
    assert_eq!(found("X"), ["X"]);
    assert_eq!(found("UN"), ["UN"]);
    assert_eq!(found("Baghdad"), ["Baghdad"]);
    for pad in 0..17 {
        let filler = "abcdefghijklmnopq"[..pad].to_string();
        let text = format!("{filler} UN X Baghdad {filler}Baghdad Baghdadi X");
        // "abcBaghdad" is no name; with no filler, "Baghdad" alone is.
        let expected: &[&str] = if pad == 0 {
            &["UN", "X", "Baghdad", "Baghdad", "X"]
        } else {
            &["UN", "X", "Baghdad", "X"]
        };
        assert_eq!(found(&text), expected, "{text:?}");
        let text = format!("{filler}\u{a0}Baghdad\u{2019}s UN");
        assert_eq!(found(&text), ["Baghdad", "UN"], "{text:?}");
    }
}

#[test]
fn leftmost_longest_without_overlaps() {
    assert_eq!(
        tag("The United Nations Assistance Mission in Iraq said"),
        pairs(&[("United Nations Assistance Mission in Iraq", "unami")])
    );
    assert_eq!(
        tag("Kata'ib Hezbollah and Hezbollah"),
        pairs(&[
            ("Kata'ib Hezbollah", "kataib_hezbollah"),
            ("Hezbollah", "hezbollah")
        ])
    );
    // The longest name that ends on a word boundary wins, not the longest prefix.
    assert_eq!(
        tag("United Nations Assistance teams"),
        pairs(&[("United Nations", "united_nations")])
    );
}

#[test]
fn case_policy() {
    assert_eq!(tag("BAGHDAD—Officials"), pairs(&[("BAGHDAD", "baghdad")]));
    assert_eq!(
        tag("Al-Kadhimi spoke"),
        pairs(&[("Al-Kadhimi", "mustafa_al_kadhimi")])
    );
    assert_eq!(
        tag("MUSTAFA AL-KADHIMI"),
        pairs(&[("MUSTAFA AL-KADHIMI", "mustafa_al_kadhimi")])
    );
    assert_eq!(tag("give us the turkey, baghdad"), pairs(&[]));
    assert_eq!(tag("Mike POMPEO"), pairs(&[("POMPEO", "mike_pompeo")]));
    // A `nocase` entry matches in any case.
    assert_eq!(
        tag("Ibuprofen, IBUPROFEN, ibuProfen"),
        pairs(&[
            ("Ibuprofen", "ibuprofen"),
            ("IBUPROFEN", "ibuprofen"),
            ("ibuProfen", "ibuprofen"),
        ])
    );
}

#[test]
fn typographic_variants() {
    assert_eq!(
        tag("Kata’ib Hezbollah"),
        pairs(&[("Kata’ib Hezbollah", "kataib_hezbollah")])
    );
    assert_eq!(
        tag("Kataʼib Hezbollah"),
        pairs(&[("Kataʼib Hezbollah", "kataib_hezbollah")])
    );
    assert_eq!(
        tag("Counter–Terrorism Service"),
        pairs(&[("Counter–Terrorism Service", "iraqi_cts")])
    );
    assert_eq!(
        tag("Mustafa al‐Kādhimī"),
        pairs(&[("Mustafa al‐Kādhimī", "mustafa_al_kadhimi")])
    );
    assert_eq!(
        tag("Erdogan and Erdoğan"),
        pairs(&[
            ("Erdogan", "recep_tayyip_erdogan"),
            ("Erdoğan", "recep_tayyip_erdogan"),
        ])
    );
    assert_eq!(
        tag("Mike\u{a0}Pompeo"),
        pairs(&[("Mike\u{a0}Pompeo", "mike_pompeo")])
    );
    assert_eq!(
        tag("Secretary Mike\n  Pompeo"),
        pairs(&[("Mike\n  Pompeo", "mike_pompeo")])
    );
    // A paragraph break is not inside a name.
    assert_eq!(tag("Mike\n\nPompeo"), pairs(&[("Pompeo", "mike_pompeo")]));
}

#[test]
fn possessives_are_left_out() {
    assert_eq!(
        tag("Pompeo’s threat, Pompeo's tenure and the Shi'ites’ leaders"),
        pairs(&[
            ("Pompeo", "mike_pompeo"),
            ("Pompeo", "mike_pompeo"),
            ("Shi'ites", "shia")
        ])
    );
}

#[test]
fn aliases_share_the_canonical_id() {
    let found = tag("Michael R. Pompeo, Mike Pompeo and Pompeo; the U.S. and the United States");
    assert_eq!(
        found,
        pairs(&[
            ("Michael R. Pompeo", "mike_pompeo"),
            ("Mike Pompeo", "mike_pompeo"),
            ("Pompeo", "mike_pompeo"),
            ("U.S.", "united_states"),
            ("United States", "united_states"),
        ])
    );
}

#[test]
fn spans_agree_in_bytes_and_code_points() {
    let text = "« Kādhimī » met Erdoğan’s envoy in Baghdad — 🇮🇶 Iraq";
    let doc = EXTRACTOR.extract(text);
    check_spans(text, &doc);
    let iraq = doc.entities.last().expect("Iraq found");
    assert_eq!((iraq.span.start, iraq.span.end), (48, 52));
    assert_eq!(&text[iraq.span.bytes()], "Iraq");
    assert_eq!(doc.entities.len(), 4);
}

#[test]
fn types_pass_through() {
    let doc = EXTRACTOR.extract("He took ibuprofen.");
    assert_eq!(doc.entities[0].entity_type.as_str(), "PRODUCT");
}

#[test]
fn later_gazetteers_override_earlier_ones() {
    let extractor = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_path("tests/data/tagging.tsv")
        .gazetteer(Gazetteer::parse("mine.tsv", "Turkey\tORG\tturkey_inc\n").unwrap())
        .build()
        .unwrap();
    let doc = extractor.extract("Turkey");
    assert_eq!(
        (
            doc.entities[0].id.as_str(),
            doc.entities[0].entity_type.as_str()
        ),
        ("turkey_inc", "ORG")
    );
}

#[test]
fn extractor_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(|| EXTRACTOR.extract("Kadhimi in Baghdad").entities.len()))
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 2);
    }
}

#[test]
fn json_matches_the_schema() {
    let mut doc = EXTRACTOR.extract("Pompeo’s Iraq");
    doc.id = "t".into();
    let json: serde_json::Value = serde_json::to_value(&doc).unwrap();
    let e = &json["entities"][1];
    assert_eq!(e["text"], "Iraq");
    assert_eq!(e["type"], "GPE");
    assert_eq!(e["id"], "iraq");
    assert_eq!(
        (e["start"].as_u64(), e["end"].as_u64()),
        (Some(9), Some(13))
    );
    assert_eq!(
        (e["byte_start"].as_u64(), e["byte_end"].as_u64()),
        (Some(11), Some(15))
    );
    assert_eq!(e["source"], "gazetteer");
    assert_eq!(e["sentence"], 0);
    let back: Document = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn bad_gazetteers_are_errors_with_locations() {
    let err = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_text("bad.tsv", "Iraq\tGPE\n\nBaghdad\n")
        .build()
        .unwrap_err();
    assert_eq!(err.location().map(|l| (l.line, l.column)), Some((3, 8)));
    let err = Extractor::builder()
        .gazetteer_path("tests/data/no-such.tsv")
        .build()
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("tests/data/no-such.tsv: cannot read"),
        "{err}"
    );
}
