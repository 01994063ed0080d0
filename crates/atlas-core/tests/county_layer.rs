//! The committed county layer against the committed bundle: accepted as built, and refused with
//! the matching error when it is truncated, of another version, reference or build, or has a
//! county under the wrong city, a missing boundary or markup in a name.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use atlas_core::Bundle;
use atlas_core::model::county_layer::{CountyKind, CountyLayer, CountyLayerError};
use serde_json::Value;

fn asset(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets")
        .join(file)
}

/// The committed bundle, parsed once.
fn bundle() -> &'static Bundle {
    static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| {
        let text = std::fs::read_to_string(asset("atlas.json")).expect("assets/atlas.json");
        Bundle::from_json(&text).expect("the committed bundle loads")
    });
    &BUNDLE
}

/// The committed county layer's text.
fn text() -> &'static str {
    static TEXT: LazyLock<String> = LazyLock::new(|| {
        std::fs::read_to_string(asset("counties.json")).expect("assets/counties.json")
    });
    &TEXT
}

/// The layer's text after `change` to its JSON.
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text()).expect("json");
    change(&mut value);
    value.to_string()
}

/// The county record `adcode` of a layer's JSON.
fn county<'a>(value: &'a mut Value, adcode: &str) -> &'a mut Value {
    value["counties"]
        .as_array_mut()
        .expect("counties")
        .iter_mut()
        .find(|c| c["adcode"] == adcode)
        .expect(adcode)
}

#[test]
fn the_committed_layer_is_accepted_with_the_committed_bundle() {
    let layer = CountyLayer::from_json(text(), bundle()).expect("accepted");
    assert_eq!(layer.counties.len(), 95);
    for city in &bundle().cities {
        assert!(
            layer.counties_of(&city.adcode).count() >= 1,
            "{} has counties",
            city.name_zh
        );
    }
    let kunshan = layer.county("320583").expect("昆山市");
    assert_eq!(kunshan.city, "320500");
    assert_eq!(kunshan.kind, CountyKind::CountyLevelCity);
    assert_eq!(
        layer.county("320282").map(|c| c.city.as_str()),
        Some("320200")
    );
    assert!(layer.boundary("320282").is_some());
    for place in &bundle().places {
        assert!(layer.county(&place.adcode).is_some(), "{}", place.name_zh);
    }
    for base in &bundle().bases {
        assert!(layer.county(&base.host).is_some(), "{}", base.name_zh);
    }
}

#[test]
fn a_truncated_layer_is_refused_as_json_cut_short() {
    let cut = &text()[..text().len() / 2];
    let Err(CountyLayerError::Json(reason)) = CountyLayer::from_json(cut, bundle()) else {
        panic!("a truncated layer is refused as JSON");
    };
    assert!(reason.contains("cut short"), "{reason}");
}

#[test]
fn a_layer_of_another_schema_version_is_refused_as_such() {
    let other = changed(|v| v["schema_version"] = Value::from(2));
    assert_eq!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::SchemaVersion {
            found: 2,
            expected: 1
        })
    );
}

#[test]
fn a_layer_in_another_reference_is_refused() {
    let other = changed(|v| v["crs"] = Value::from("WGS84"));
    assert!(matches!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::Crs { layer, .. }) if layer == "WGS84"
    ));
}

#[test]
fn a_layer_built_from_other_city_boundaries_is_refused() {
    let other = changed(|v| {
        let sources = v["sources"].as_array_mut().expect("sources");
        let cities = sources
            .iter_mut()
            .find(|s| s["path"] == "geodata/jiangsu_cities.geojson")
            .expect("the city file is a source");
        cities["sha256"] = Value::from("0".repeat(64));
    });
    assert_eq!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::OtherBuild {
            path: "geodata/jiangsu_cities.geojson".to_string()
        })
    );
}

#[test]
fn a_county_under_the_wrong_city_is_refused() {
    let other = changed(|v| county(v, "320583")["city"] = Value::from("320200"));
    assert!(matches!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::WrongCity { adcode, city, .. }) if adcode == "320583" && city == "320200"
    ));
}

#[test]
fn a_county_without_a_boundary_is_refused() {
    let other = changed(|v| {
        v["boundaries"]["features"]
            .as_array_mut()
            .expect("features")
            .retain(|f| f["properties"]["adcode"] != "320585");
    });
    assert_eq!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::Boundary {
            adcode: "320585".to_string()
        })
    );
}

#[test]
fn markup_in_a_name_is_refused() {
    let other = changed(|v| {
        county(v, "320583")["name_en"] = Value::from("<img src=x onerror=alert(1)>");
    });
    assert!(matches!(
        CountyLayer::from_json(&other, bundle()),
        Err(CountyLayerError::Markup { .. })
    ));
}

#[test]
fn a_county_without_a_name_an_area_or_a_label_point_in_jiangsu_is_refused() {
    let cases: [(&str, Value, &str); 4] = [
        ("name_zh", Value::from(""), "an empty name"),
        ("name_en", Value::from("  "), "an empty name"),
        ("area_km2", Value::from(-1.0), "an impossible area (-1 km²)"),
        (
            "label_point",
            serde_json::json!([999.0, 999.0]),
            "a label point outside Jiangsu (999, 999)",
        ),
    ];
    for (field, value, problem) in cases {
        let other = changed(|v| county(v, "320583")[field] = value);
        assert_eq!(
            CountyLayer::from_json(&other, bundle()),
            Err(CountyLayerError::BadCounty {
                adcode: "320583".to_string(),
                problem: problem.to_string(),
            }),
            "{field}"
        );
    }
}
