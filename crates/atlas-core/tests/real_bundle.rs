//! The core against the committed bundle: it loads, it is consistent, and its scenes are drawable
//! with every label clear of every other at the sizes people use.

use atlas_core::draw::scene::{LABEL_FONT_PX, Scene, projector_label_font};
use atlas_core::{Bundle, BundleError, Lang, SCHEMA_VERSION};
use serde_json::Value;

fn bundle_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    std::fs::read_to_string(path).expect("the committed bundle is readable")
}

fn load_modified(change: impl FnOnce(&mut Value)) -> Result<Bundle, BundleError> {
    let mut value: Value = serde_json::from_str(&bundle_text()).expect("bundle is JSON");
    change(&mut value);
    Bundle::from_json(&value.to_string())
}

#[test]
fn the_committed_bundle_loads_with_13_cities_in_3_zones() {
    let bundle = Bundle::from_json(&bundle_text()).expect("loads");
    assert_eq!(bundle.cities.len(), 13);
    assert_eq!(bundle.zones.len(), 3);
    assert_eq!(bundle.crs, "GCJ-02");
    let zone_of = |name: &str| {
        let city = bundle
            .cities
            .iter()
            .find(|c| c.name_zh == name)
            .expect(name);
        bundle.zone_of(city).expect("zone").name_zh.clone()
    };
    assert_eq!(zone_of("泰州市"), "苏中");
    assert_eq!(zone_of("徐州市"), "苏北");
    assert_eq!(zone_of("苏州市"), "苏南");
}

#[test]
fn a_bundle_of_another_schema_version_is_refused_by_version() {
    let err = load_modified(|v| v["schema_version"] = (SCHEMA_VERSION + 1).into());
    assert!(
        matches!(err, Err(BundleError::SchemaVersion { .. })),
        "{err:?}"
    );
}

#[test]
fn truncated_json_is_refused_with_its_position() {
    let text = bundle_text();
    let err = Bundle::from_json(&text[..text.len() / 2]).expect_err("truncated");
    assert!(
        matches!(&err, BundleError::Json(m) if m.contains("line")),
        "{err}"
    );
}

#[test]
fn a_city_without_a_boundary_is_refused() {
    let err = load_modified(|v| {
        v["city_boundaries"]["features"]
            .as_array_mut()
            .expect("features")
            .remove(0);
    });
    assert!(
        matches!(err, Err(BundleError::MissingBoundary { .. })),
        "{err:?}"
    );
}

#[test]
fn a_city_in_no_zone_is_refused() {
    let err = load_modified(|v| {
        v["zones"][0]["cities"] = Value::Array(vec![]);
    });
    assert!(
        matches!(err, Err(BundleError::ZoneMembership { .. })),
        "{err:?}"
    );
}

#[test]
fn an_out_of_range_coordinate_is_refused() {
    let err = load_modified(|v| {
        v["city_boundaries"]["features"][3]["geometry"]["coordinates"][0][0][2][0] = 500.0.into();
    });
    assert!(
        matches!(err, Err(BundleError::BadCoordinate { .. })),
        "{err:?}"
    );
}

#[test]
fn labels_never_overlap_at_common_sizes() {
    let bundle = Bundle::from_json(&bundle_text()).expect("loads");
    for (w, h) in [
        (320.0, 400.0),
        (800.0, 600.0),
        (1024.0, 768.0),
        (1920.0, 1080.0),
    ] {
        for lang in [Lang::Zh, Lang::En] {
            let scene = Scene::new(&bundle, w, h, lang, LABEL_FONT_PX, &[]);
            let boxes: Vec<_> = scene
                .cities
                .iter()
                .filter_map(|c| c.label_box)
                .chain(scene.places.iter().filter_map(|p| p.label_box))
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{w}x{h}: {a:?} overlaps {b:?}");
                }
            }
            if w >= 800.0 {
                assert_eq!(
                    boxes.len(),
                    15,
                    "{w}x{h} {lang:?}: every city and place is labelled"
                );
            }
            assert_eq!(scene.cities.len(), 13);
            assert_eq!(scene.places.len(), 2);
            assert!(scene.cities.iter().all(|c| c.path.starts_with('M')));
            assert_eq!(scene.zones.len(), 3);
        }
    }
}

#[test]
fn projector_labels_are_28_px_at_1080_and_stay_clear_of_each_other() {
    let bundle = Bundle::from_json(&bundle_text()).expect("loads");
    assert_eq!(projector_label_font(1080.0), 28.0);
    assert_eq!(projector_label_font(2160.0), 28.0);
    assert_eq!(projector_label_font(600.0), 18.0);
    for (w, h) in [(1300.0, 930.0), (700.0, 620.0)] {
        let font = projector_label_font(h + 150.0);
        let scene = Scene::new(&bundle, w, h, Lang::Zh, font, &[]);
        let boxes: Vec<_> = scene.cities.iter().filter_map(|c| c.label_box).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b));
            }
        }
        assert!(boxes.len() >= 12, "{w}x{h}: {} of 13 labelled", boxes.len());
        assert!(boxes.iter().all(|b| b.height >= font * 1.3 - 1e-9));
    }
}

#[test]
fn a_bundle_without_13_cities_is_refused() {
    let result = load_modified(|b| {
        let cities = b["cities"].as_array_mut().expect("cities");
        cities.retain(|c| c["adcode"] != "321200");
    });
    assert!(
        matches!(
            result,
            Err(BundleError::CityCount {
                found: 12,
                expected: 13
            })
        ),
        "{result:?}"
    );
}

#[test]
fn markup_in_a_name_is_refused_even_as_json_escapes() {
    for name in ["<b>南京</b>", "南京 ->"] {
        let result = load_modified(|b| b["cities"][0]["name_zh"] = name.into());
        assert!(
            matches!(result, Err(BundleError::Markup { .. })),
            "{result:?}"
        );
    }
    let escaped = bundle_text().replacen("南京市", "\\u003cb\\u003e南京市", 1);
    let error = Bundle::from_json(&escaped).expect_err("refused");
    assert!(error.to_string().contains("u003cb"), "{error}");
}

#[test]
fn an_oversized_bundle_is_refused_before_parsing() {
    let huge = format!(
        "{}{}",
        bundle_text(),
        " ".repeat(atlas_core::MAX_BUNDLE_BYTES)
    );
    assert!(matches!(
        Bundle::from_json(&huge),
        Err(BundleError::TooLarge { .. })
    ));
}
