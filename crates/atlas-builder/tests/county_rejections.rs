//! The builder refuses a county layer that does not fit its cities, naming the file and the
//! county: codes outside the cities' code list, a county outside its city, a gap or an overlap
//! between a city's counties, a city without counties, and a names table that disagrees.

mod workspace;

use serde_json::Value;
use workspace::{Workspace, assert_names};

const COUNTIES: &str = "geodata/jiangsu_counties.geojson";
const NAMES: &str = "geodata/county_names.toml";

/// The feature of county `adcode` in a parsed county file.
fn feature<'a>(v: &'a mut Value, adcode: &str) -> &'a mut Value {
    v["features"]
        .as_array_mut()
        .expect("features")
        .iter_mut()
        .find(|f| f["properties"]["adcode"] == adcode)
        .expect(adcode)
}

/// Removes county `adcode` from a parsed county file.
fn remove(v: &mut Value, adcode: &str) {
    v["features"]
        .as_array_mut()
        .expect("features")
        .retain(|f| f["properties"]["adcode"] != adcode);
}

/// Moves every coordinate of a feature by `dx` degrees of longitude.
fn shift(feature: &mut Value, dx: f64) {
    for polygon in feature["geometry"]["coordinates"]
        .as_array_mut()
        .expect("polygons")
    {
        for ring in polygon.as_array_mut().expect("rings") {
            for position in ring.as_array_mut().expect("positions") {
                let lon = position[0].as_f64().expect("lon");
                position[0] = Value::from(lon + dx);
            }
        }
    }
}

#[test]
fn the_untouched_copy_writes_the_county_layer() {
    let w = Workspace::new();
    w.built();
    let text = std::fs::read_to_string(w.path("assets/counties.json")).expect("written");
    let layer: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(layer["counties"].as_array().map(Vec::len), Some(95));
}

#[test]
fn a_county_naming_an_unknown_city_is_refused() {
    let w = Workspace::new();
    w.edit_json(COUNTIES, |v| {
        feature(v, "320585")["properties"]["city_adcode"] = Value::from("329900");
    });
    let m = w.refused();
    assert_names(
        &m,
        &[
            "jiangsu_counties.geojson",
            "320585",
            "太仓市",
            "329900 is not one of the layout's cities",
        ],
    );
}

#[test]
fn a_county_whose_code_is_not_inside_its_city_is_refused() {
    let w = Workspace::new();
    w.edit_json(COUNTIES, |v| {
        feature(v, "320583")["properties"]["city_adcode"] = Value::from("320200");
    });
    let m = w.refused();
    assert_names(
        &m,
        &[
            "jiangsu_counties.geojson",
            "320583",
            "昆山市",
            "does not start with the first four digits of its city 320200",
        ],
    );
}

#[test]
fn a_county_outside_its_city_is_refused() {
    let w = Workspace::new();
    // 启东 moved 0.3° east lies in the sea, clear of every other county.
    w.edit_json(COUNTIES, |v| shift(feature(v, "320681"), 0.3));
    let m = w.refused();
    assert_names(
        &m,
        &[
            "jiangsu_counties.geojson",
            "320600 (南通市)",
            "320681 (启东市)",
            "lies outside the city",
        ],
    );
}

#[test]
fn a_gap_between_counties_is_refused() {
    let w = Workspace::new();
    w.edit_json(COUNTIES, |v| remove(v, "320585"));
    w.edit(
        NAMES,
        "320585 = { zh = \"太仓市\", en = \"Taicang\" }\n",
        "",
    );
    let m = w.refused();
    assert_names(
        &m,
        &["jiangsu_counties.geojson", "320500 (苏州市)", "leave a gap"],
    );
}

#[test]
fn overlapping_counties_are_refused() {
    let w = Workspace::new();
    w.edit_json(COUNTIES, |v| {
        let mut twin = feature(v, "320585").clone();
        twin["properties"]["adcode"] = Value::from("320586");
        v["features"].as_array_mut().expect("features").push(twin);
    });
    w.edit(
        NAMES,
        "320585 = {",
        "320586 = { zh = \"太仓市\", en = \"Taicang\" }\n320585 = {",
    );
    let m = w.refused();
    assert_names(
        &m,
        &["jiangsu_counties.geojson", "320500 (苏州市)", "overlap"],
    );
}

#[test]
fn a_city_without_counties_is_refused() {
    let w = Workspace::new();
    let suqian = ["321302", "321311", "321322", "321323", "321324"];
    w.edit_json(COUNTIES, |v| {
        for adcode in suqian {
            remove(v, adcode);
        }
    });
    let names = std::fs::read_to_string(w.path(NAMES)).expect("names");
    let kept: String = names
        .lines()
        .filter(|l| !suqian.iter().any(|a| l.starts_with(a)))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(w.path(NAMES), kept).expect("write");
    let m = w.refused();
    assert_names(
        &m,
        &[
            "jiangsu_counties.geojson",
            "321300 (宿迁市)",
            "has no county",
        ],
    );
}

#[test]
fn a_county_without_an_english_name_is_refused() {
    let w = Workspace::new();
    w.edit(NAMES, "321183 = { zh = \"句容市\", en = \"Jurong\" }\n", "");
    let m = w.refused();
    assert_names(
        &m,
        &["county_names.toml", "321183", "no English name for 句容市"],
    );
}

#[test]
fn a_names_row_for_another_place_is_refused() {
    let w = Workspace::new();
    w.edit(NAMES, "zh = \"句容市\"", "zh = \"丹阳市\"");
    let m = w.refused();
    assert_names(
        &m,
        &["county_names.toml", "321183", "丹阳市", "calls it 句容市"],
    );
}

#[test]
fn a_county_of_an_unknown_kind_is_refused() {
    let w = Workspace::new();
    w.edit_json(COUNTIES, |v| {
        feature(v, "320583")["properties"]["kind"] = Value::from("town");
    });
    let m = w.refused();
    assert_names(&m, &["jiangsu_counties.geojson", "320583", "\"town\""]);
}
