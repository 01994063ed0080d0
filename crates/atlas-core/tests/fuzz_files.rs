//! Fuzzing of the readers of the two files the app fetches after it starts, as the bundle's
//! reader is fuzzed (fuzz_parsers.rs): the plan document (`PlanDoc::from_json`) and the county
//! layer (`CountyLayer::from_json`), each checked fully against the bundle before use. Every
//! input — the file cut at every N bytes, damaged bytes, empty strings, huge numbers, wrong
//! types, any text — gives an error or a file that passes every check (for the plan, exactly the
//! plan text its hash names), never a panic. `PROPTEST_CASES=10000 cargo test -p atlas-core
//! --test fuzz_files` runs longer.

use atlas_core::Bundle;
use atlas_core::model::county_layer::{CountyLayer, CountyLayerError};
use atlas_core::model::plan_doc::{PlanDoc, PlanDocError};
use atlas_core::view::plan_view_state::PlanReading;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::sync::OnceLock;

mod damage;
use damage::{apply, mutation};

/// A committed file of `assets/`.
fn asset(file: &str) -> &'static str {
    static FILES: OnceLock<std::collections::BTreeMap<&'static str, String>> = OnceLock::new();
    let files = FILES.get_or_init(|| {
        ["atlas.json", "plan.json", "counties.json"]
            .into_iter()
            .map(|name| {
                let path = format!("{}/../../assets/{name}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).expect("the committed file is readable");
                (name, text)
            })
            .collect()
    });
    files[file].as_str()
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE
        .get_or_init(|| Bundle::from_json(asset("atlas.json")).expect("the committed bundle loads"))
}

/// The committed plan document, read as JSON to be changed.
fn plan_json() -> Value {
    serde_json::from_str(asset("plan.json")).expect("plan.json is JSON")
}

/// The committed county layer, read as JSON to be changed.
fn counties_json() -> Value {
    serde_json::from_str(asset("counties.json")).expect("counties.json is JSON")
}

/// Whatever the plan reader accepts is the plan as built: its text is the plan text the bundle
/// names, and it can be read (paragraphs, contents, focus) without a panic.
fn assert_plan_usable(result: Result<PlanDoc, PlanDocError>) {
    if let Ok(doc) = result {
        assert_eq!(doc.check(bundle()), Ok(()));
        let committed = PlanDoc::from_json(asset("plan.json"), bundle()).expect("committed plan");
        assert_eq!(doc.text, committed.text);
        let reading = PlanReading::new(doc);
        assert!(!reading.paragraphs.is_empty());
        assert!(!reading.toc().is_empty());
        let _ = reading.focus(bundle(), 1);
    }
}

/// Whatever the county reader accepts passes every check against the bundle.
fn assert_layer_usable(result: Result<CountyLayer, CountyLayerError>) {
    if let Ok(layer) = result {
        assert_eq!(layer.check(bundle()), Ok(()));
        for city in &bundle().cities {
            assert!(layer.counties_of(&city.adcode).next().is_some());
        }
    }
}

#[test]
fn the_committed_files_are_accepted() {
    assert!(PlanDoc::from_json(asset("plan.json"), bundle()).is_ok());
    assert!(CountyLayer::from_json(asset("counties.json"), bundle()).is_ok());
}

#[test]
fn the_plan_cut_at_every_97_bytes_is_refused_as_json() {
    let text = asset("plan.json").trim_end();
    for at in (0..text.len()).step_by(97) {
        let cut = &text[..text.floor_char_boundary(at)];
        let result = PlanDoc::from_json(cut, bundle());
        assert!(
            matches!(result, Err(PlanDocError::Json(_))),
            "cut at {at}: {result:?}"
        );
    }
}

#[test]
fn the_county_layer_cut_at_every_997_bytes_is_refused_as_json() {
    let text = asset("counties.json").trim_end();
    for at in (0..text.len()).step_by(997) {
        let cut = &text[..text.floor_char_boundary(at)];
        let result = CountyLayer::from_json(cut, bundle());
        assert!(
            matches!(result, Err(CountyLayerError::Json(_))),
            "cut at {at}: {result:?}"
        );
    }
}

#[test]
fn a_plan_with_empty_or_altered_text_is_refused_naming_the_file() {
    let with_text = |text: &str| {
        let mut doc = plan_json();
        doc["text"] = json!(text);
        doc["mentions"] = json!([]);
        PlanDoc::from_json(&doc.to_string(), bundle())
    };
    let empty = with_text("").expect_err("empty text");
    assert_eq!(empty, PlanDocError::Empty);
    assert!(empty.to_string().contains("plan.json"), "{empty}");
    assert_eq!(
        with_text(" \n　").expect_err("blank text"),
        PlanDocError::Empty
    );
    let committed = plan_json()["text"].as_str().expect("text").to_string();
    let altered = with_text(&committed.replacen("苏州", "苏洲", 1)).expect_err("altered text");
    assert!(
        matches!(altered, PlanDocError::TextAltered { .. }),
        "{altered:?}"
    );
    assert!(altered.to_string().contains("plan.json"), "{altered}");
    let cut = with_text(&committed[..committed.floor_char_boundary(committed.len() / 2)]);
    assert!(
        matches!(cut, Err(PlanDocError::TextAltered { .. })),
        "{cut:?}"
    );
}

#[test]
fn a_plan_with_wrong_types_or_huge_numbers_is_refused() {
    let cases: Vec<(&str, Value)> = vec![
        ("schema_version", json!("1")),
        ("schema_version", json!(1e300)),
        ("schema_version", json!(-1)),
        ("schema_version", json!(null)),
        ("plan_sha256", json!(7)),
        ("plan_sha256", json!("")),
        ("text", json!(5)),
        ("text", json!(["a"])),
        ("text", json!(null)),
        ("mentions", json!({})),
        (
            "mentions",
            json!([{"at": 1e300, "name": "苏州", "target": {"kind": "city", "id": "320500"}}]),
        ),
        (
            "mentions",
            json!([{"at": 18446744073709551615u64, "name": "苏州", "target": {"kind": "city", "id": "320500"}}]),
        ),
        (
            "mentions",
            json!([{"at": -1, "name": "苏州", "target": {"kind": "city", "id": "320500"}}]),
        ),
        (
            "mentions",
            json!([{"at": 0, "name": "", "target": {"kind": "city", "id": "320500"}}]),
        ),
        (
            "mentions",
            json!([{"at": 0, "name": "苏州", "target": {"kind": "planet", "id": "320500"}}]),
        ),
        (
            "mentions",
            json!([{"at": 0, "name": "苏州", "target": "320500"}]),
        ),
    ];
    for (key, value) in cases {
        let mut doc = plan_json();
        doc[key] = value.clone();
        let result = PlanDoc::from_json(&doc.to_string(), bundle());
        assert!(result.is_err(), "{key} = {value}: accepted");
    }
    for text in [
        "",
        "null",
        "[]",
        "{}",
        "\"plan\"",
        "1e999",
        "<!DOCTYPE html><html></html>",
    ] {
        assert!(
            PlanDoc::from_json(text, bundle()).is_err(),
            "{text:?} accepted"
        );
    }
}

#[test]
fn a_county_layer_that_does_not_name_its_city_boundaries_is_refused() {
    let mut layer = counties_json();
    layer["sources"] = json!([]);
    let refused = CountyLayer::from_json(&layer.to_string(), bundle()).expect_err("unsourced");
    assert_eq!(refused, CountyLayerError::Unsourced);
    assert!(refused.to_string().contains("counties.json"), "{refused}");
}

/// A change to a county layer's JSON.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn a_county_layer_with_wrong_types_or_huge_numbers_is_refused() {
    let changes: Vec<(&str, Change)> = vec![
        (
            "schema_version as text",
            Box::new(|l| l["schema_version"] = json!("1")),
        ),
        (
            "huge schema_version",
            Box::new(|l| l["schema_version"] = json!(1e300)),
        ),
        (
            "counties as an object",
            Box::new(|l| l["counties"] = json!({})),
        ),
        ("no counties", Box::new(|l| l["counties"] = json!([]))),
        (
            "an empty name",
            Box::new(|l| l["counties"][0]["name_zh"] = json!("")),
        ),
        (
            "a huge area",
            Box::new(|l| l["counties"][0]["area_km2"] = json!(1e300)),
        ),
        (
            "a negative area",
            Box::new(|l| l["counties"][0]["area_km2"] = json!(-5)),
        ),
        (
            "an area larger than its city",
            Box::new(|l| l["counties"][0]["area_km2"] = json!(100000.0)),
        ),
        (
            "a huge extent",
            Box::new(|l| l["counties"][0]["bounds"]["east"] = json!(1e300)),
        ),
        (
            "an extent turned inside out",
            Box::new(|l| {
                let county = &mut l["counties"][0]["bounds"];
                let (west, east) = (county["west"].clone(), county["east"].clone());
                county["west"] = east;
                county["east"] = west;
            }),
        ),
        (
            "a label point far away",
            Box::new(|l| l["counties"][0]["label_point"] = json!([1e300, 0])),
        ),
        (
            "a label point of one number",
            Box::new(|l| l["counties"][0]["label_point"] = json!([120])),
        ),
        (
            "an unknown kind",
            Box::new(|l| l["counties"][0]["kind"] = json!("province")),
        ),
        (
            "a city as a number",
            Box::new(|l| l["counties"][0]["city"] = json!(320100)),
        ),
        (
            "a boundary far away",
            Box::new(|l| {
                l["boundaries"]["features"][0]["geometry"]["coordinates"][0][0][0] =
                    json!([1e300, 1e300])
            }),
        ),
        (
            "an empty boundary",
            Box::new(|l| l["boundaries"]["features"][0]["geometry"]["coordinates"] = json!([])),
        ),
        (
            "the city boundaries' hash emptied",
            Box::new(|l| {
                for s in l["sources"].as_array_mut().expect("sources") {
                    s["sha256"] = json!("");
                }
            }),
        ),
    ];
    for (what, change) in changes {
        let mut layer = counties_json();
        change(&mut layer);
        let result = CountyLayer::from_json(&layer.to_string(), bundle());
        assert!(result.is_err(), "{what}: accepted");
    }
    for text in [
        "",
        "null",
        "[]",
        "{}",
        "\"counties\"",
        "1e999",
        "<!DOCTYPE html><html></html>",
    ] {
        assert!(
            CountyLayer::from_json(text, bundle()).is_err(),
            "{text:?} accepted"
        );
    }
}

proptest! {
    #[test]
    fn any_text_is_a_plan_document_or_an_error(text in any::<String>()) {
        assert_plan_usable(PlanDoc::from_json(&text, bundle()));
    }

    #[test]
    fn a_damaged_plan_document_is_refused_or_still_the_plan(
        mutations in prop::collection::vec(mutation(asset("plan.json").len()), 1..4)
    ) {
        assert_plan_usable(PlanDoc::from_json(&apply(asset("plan.json"), &mutations), bundle()));
    }

    #[test]
    fn any_text_is_a_county_layer_or_an_error(text in any::<String>()) {
        assert_layer_usable(CountyLayer::from_json(&text, bundle()));
    }

    #[test]
    fn a_damaged_county_layer_is_refused_or_still_consistent(
        mutations in prop::collection::vec(mutation(asset("counties.json").len()), 1..4)
    ) {
        assert_layer_usable(CountyLayer::from_json(&apply(asset("counties.json"), &mutations), bundle()));
    }
}
