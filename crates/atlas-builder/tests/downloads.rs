//! The boundary downloads for GIS users: GCJ-02 as published and WGS84 converted, each holding
//! the zones, cities and counties, each saying which reference it is in, and the WGS84 one
//! converting back onto the GCJ-02 one to well under a metre.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use atlas_builder::downloads::{BOUNDARIES_GCJ02_FILE, BOUNDARIES_WGS84_FILE};
use atlas_core::geo::crs::wgs84_to_gcj02;
use geo::{Distance, Geodesic, Point};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A committed download, parsed once per file.
fn download(file: &str) -> &'static Value {
    static GCJ: LazyLock<Value> = LazyLock::new(|| read(BOUNDARIES_GCJ02_FILE));
    static WGS: LazyLock<Value> = LazyLock::new(|| read(BOUNDARIES_WGS84_FILE));
    if file == BOUNDARIES_GCJ02_FILE {
        &GCJ
    } else {
        &WGS
    }
}

fn read(file: &str) -> Value {
    let text = std::fs::read_to_string(root().join(file)).expect(file);
    serde_json::from_str(&text).expect("json")
}

fn features(file: &str) -> &'static [Value] {
    download(file)["features"].as_array().expect("features")
}

fn positions(feature: &Value) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    for polygon in feature["geometry"]["coordinates"]
        .as_array()
        .expect("polygons")
    {
        for ring in polygon.as_array().expect("rings") {
            for p in ring.as_array().expect("positions") {
                out.push([p[0].as_f64().expect("lon"), p[1].as_f64().expect("lat")]);
            }
        }
    }
    out
}

fn metres(a: [f64; 2], b: [f64; 2]) -> f64 {
    Geodesic.distance(Point::new(a[0], a[1]), Point::new(b[0], b[1]))
}

#[test]
fn each_download_is_a_geojson_feature_collection_of_zones_cities_and_counties() {
    for file in [BOUNDARIES_GCJ02_FILE, BOUNDARIES_WGS84_FILE] {
        let text = std::fs::read_to_string(root().join(file)).expect(file);
        let parsed: geojson::FeatureCollection = text.parse().expect("GeoJSON");
        assert_eq!(parsed.features.len(), 3 + 13 + 95, "{file}");
        let count = |layer: &str| {
            features(file)
                .iter()
                .filter(|f| f["properties"]["layer"] == layer)
                .count()
        };
        assert_eq!((count("zone"), count("city"), count("county")), (3, 13, 95));
        let kunshan = features(file)
            .iter()
            .find(|f| f["properties"]["adcode"] == "320583")
            .expect("昆山市");
        let p = &kunshan["properties"];
        assert_eq!(
            (
                &p["name_zh"],
                &p["name_en"],
                &p["kind"],
                &p["city"],
                &p["zone"]
            ),
            (
                &Value::from("昆山市"),
                &Value::from("Kunshan"),
                &Value::from("county-level city"),
                &Value::from("320500"),
                &Value::from("south")
            )
        );
    }
}

#[test]
fn each_download_says_which_reference_it_is_in() {
    let gcj = download(BOUNDARIES_GCJ02_FILE);
    assert_eq!(gcj["name"], "jiangsu_boundaries_gcj02");
    let note = gcj["crs_note"].as_str().expect("note");
    assert!(
        note.contains("GCJ-02") && note.contains("NOT WGS84"),
        "{note}"
    );
    assert!(
        gcj.get("crs").is_none(),
        "GCJ-02 has no registered crs name"
    );
    let wgs = download(BOUNDARIES_WGS84_FILE);
    assert_eq!(wgs["name"], "jiangsu_boundaries_wgs84");
    assert!(
        wgs["crs_note"]
            .as_str()
            .expect("note")
            .starts_with("Coordinates are in WGS84")
    );
    assert_eq!(
        wgs["crs"]["properties"]["name"],
        "urn:ogc:def:crs:OGC:1.3:CRS84"
    );
    for d in [gcj, wgs] {
        assert!(
            d["attribution"]
                .as_str()
                .expect("credit")
                .contains("cnmaps")
        );
    }
}

#[test]
fn the_wgs84_download_converts_back_onto_the_gcj02_one_within_a_metre() {
    let (gcj, wgs) = (
        features(BOUNDARIES_GCJ02_FILE),
        features(BOUNDARIES_WGS84_FILE),
    );
    let mut worst: f64 = 0.0;
    for (g, w) in gcj.iter().zip(wgs) {
        assert_eq!(g["properties"], w["properties"]);
        let (gp, wp) = (positions(g), positions(w));
        assert_eq!(gp.len(), wp.len());
        for (g, w) in gp.into_iter().zip(wp) {
            worst = worst.max(metres(wgs84_to_gcj02(w), g));
            let shift = metres(g, w);
            assert!((440.0..=570.0).contains(&shift), "{g:?} moved {shift} m");
        }
    }
    assert!(
        worst < 0.2,
        "worst vertex is {worst} m off after the round trip"
    );
}

#[test]
fn the_gcj02_download_holds_the_published_outlines() {
    let built = atlas_builder::build(&root()).expect("builds");
    let kunshan = built.county_layer.boundary("320583").expect("昆山市");
    let feature = features(BOUNDARIES_GCJ02_FILE)
        .iter()
        .find(|f| f["properties"]["adcode"] == "320583")
        .expect("昆山市");
    assert_eq!(
        positions(feature),
        kunshan.positions().copied().collect::<Vec<_>>()
    );
}
