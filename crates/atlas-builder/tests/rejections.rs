//! The builder binary refuses bad inputs: non-zero exit, a message naming the file and the item,
//! and the existing bundle left untouched.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SENTINEL: &str = "the previous bundle\n";

/// A copy of the repository's inputs in a temporary directory, with an old bundle in place.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["seeds", "geodata", "assets"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        for file in [
            "seeds/layout.toml",
            "seeds/industries.toml",
            "seeds/targets.toml",
            "seeds/plan.txt",
            "geodata/sources.toml",
            "geodata/jiangsu_cities.geojson",
            "geodata/jiangsu_county_points.geojson",
            "geodata/bases.csv",
            "geodata/jiangsu_water_gshhs.geojson",
            "geodata/water.toml",
        ] {
            std::fs::copy(repo.join(file), dir.path().join(file)).expect(file);
        }
        std::fs::write(dir.path().join("assets/atlas.json"), SENTINEL).expect("sentinel");
        Workspace { dir }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let text = std::fs::read_to_string(self.path(file)).expect("read");
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(self.path(file), text.replacen(from, to, 1)).expect("write");
        self
    }

    fn edit_geojson(&self, change: impl FnOnce(&mut Value)) -> &Self {
        let file = self.path("geodata/jiangsu_cities.geojson");
        let mut value: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
        change(&mut value);
        std::fs::write(&file, value.to_string()).expect("write");
        self
    }

    /// Runs the builder on the copy.
    fn run(&self) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_atlas-builder"))
            .arg("--root")
            .arg(self.dir.path())
            .output()
            .expect("runs")
    }

    /// Runs the builder; asserts that it succeeded; returns the bundle it wrote.
    fn built(&self) -> Value {
        let out = self.run();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(self.path("assets/atlas.json")).expect("written");
        serde_json::from_str(&text).expect("json")
    }

    /// Runs the builder; asserts that it failed and wrote nothing; returns its message.
    fn refused(&self) -> String {
        let out = self.run();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!out.status.success(), "the builder accepted it: {stderr}");
        let bundle = std::fs::read_to_string(self.path("assets/atlas.json")).expect("bundle");
        assert_eq!(bundle, SENTINEL, "the old bundle was overwritten");
        for file in ["assets/atlas.tmp", "assets/layout.csv", "assets/plan.txt"] {
            assert!(!self.path(file).exists(), "{file} was written");
        }
        stderr
    }
}

fn assert_names(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{message:?} does not name {part:?}");
    }
}

#[test]
fn the_untouched_copy_builds() {
    let w = Workspace::new();
    let bundle = w.built();
    assert_eq!(bundle["schema_version"], atlas_core::SCHEMA_VERSION);
    for file in ["assets/layout.csv", "assets/plan.txt"] {
        assert!(w.path(file).exists(), "{file} is written beside the bundle");
    }
}

#[test]
fn a_quote_not_in_the_plan_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "南京软件及智能电网",
        "南京软件及人工智能",
    );
    let m = w.refused();
    assert_names(
        &m,
        &[
            "layout.toml",
            "320100",
            "南京软件及人工智能",
            "not in the plan",
        ],
    );
}

#[test]
fn a_quote_outside_its_section_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        r#"mention = { section = "四(二)", quote = "南通海洋工程装备" }"#,
        r#"mention = { section = "四(一)", quote = "南通海洋工程装备" }"#,
    );
    let m = w.refused();
    assert_names(
        &m,
        &["layout.toml", "320600", "四(一)", "not inside this section"],
    );
}

#[test]
fn a_duplicated_adcode_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "adcode = \"320200\"",
        "adcode = \"320100\"",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "320100", "used twice"]);
}

#[test]
fn a_city_in_no_zone_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        r#"cities = ["320600", "321000", "321200"]"#,
        r#"cities = ["321000", "321200"]"#,
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "320600", "南通市", "in no zone"]);
}

#[test]
fn a_city_in_two_zones_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        r#"cities = ["320300","#,
        r#"cities = ["320600", "320300","#,
    );
    let m = w.refused();
    assert_names(
        &m,
        &["layout.toml", "320600", "several zones", "central, north"],
    );
}

#[test]
fn a_layout_without_13_cities_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "[[cities]]\nadcode = \"321300\"\nname_zh = \"宿迁市\"\nname_en = \"Suqian\"\nmention = { section = \"四(二)\", quote = \"以镇江、连云港、淮安、宿迁等为重点\" }\n",
        "",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "lists 12 cities"]);
}

#[test]
fn a_misspelt_field_is_refused_with_its_line() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "name_en = \"Wuxi\"",
        "name_eng = \"Wuxi\"",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "name_eng", "line"]);
}

#[test]
fn a_self_intersecting_boundary_is_refused() {
    let w = Workspace::new();
    w.edit_geojson(|v| {
        let ring = &mut v["features"][0]["geometry"]["coordinates"][1][0];
        let ring = ring.as_array_mut().expect("ring");
        ring.swap(10, 400);
    });
    let m = w.refused();
    assert_names(&m, &["jiangsu_cities.geojson", "320100", "cross"]);
}

#[test]
fn a_missing_boundary_is_refused() {
    let w = Workspace::new();
    w.edit_geojson(|v| {
        let features = v["features"].as_array_mut().expect("features");
        features.retain(|f| f["properties"]["adcode"] != "321200");
    });
    let m = w.refused();
    assert_names(
        &m,
        &["jiangsu_cities.geojson", "321200", "泰州市", "no boundary"],
    );
}

#[test]
fn an_out_of_range_coordinate_is_refused() {
    let w = Workspace::new();
    w.edit_geojson(|v| {
        v["features"][4]["geometry"]["coordinates"][0][0][5][1] = 95.0.into();
    });
    let m = w.refused();
    assert_names(
        &m,
        &["jiangsu_cities.geojson", "320500", "longitude/latitude"],
    );
}

#[test]
fn a_boundary_for_an_unknown_city_is_refused() {
    let w = Workspace::new();
    w.edit_geojson(|v| {
        v["features"][2]["properties"]["adcode"] = "329900".into();
    });
    let m = w.refused();
    assert_names(&m, &["jiangsu_cities.geojson", "329900"]);
}

#[test]
fn a_role_other_than_the_defined_ones_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "role = \"focus\"\nplaces = [\"321200\"]",
        "role = \"lead\"\nplaces = [\"321200\"]",
    );
    let m = w.refused();
    assert_names(
        &m,
        &[
            "layout.toml",
            "lead",
            "signature",
            "focus",
            "support",
            "pilot",
        ],
    );
}

#[test]
fn a_role_for_an_unknown_place_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "places = [\"321100\", \"320700\"",
        "places = [\"321199\", \"320700\"",
    );
    let m = w.refused();
    assert_names(
        &m,
        &[
            "layout.toml",
            "321199",
            "carbon_fibre",
            "neither one of the layout's cities",
        ],
    );
}

#[test]
fn a_field_with_no_industry_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "industry = \"nev\"",
        "industry = \"electric_cars\"",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "field nev", "electric_cars"]);
}

#[test]
fn a_role_naming_an_unknown_field_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "field = \"flat_panel\"\nrole",
        "field = \"flat_panels\"\nrole",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "flat_panels"]);
}

#[test]
fn a_sub_area_quote_not_in_the_plan_is_refused() {
    let w = Workspace::new();
    w.edit("seeds/industries.toml", "2. 风力发电。", "2. 风能发电。");
    let m = w.refused();
    assert_names(
        &m,
        &[
            "industries.toml",
            "new_energy",
            "风能发电",
            "not in the plan",
        ],
    );
}

#[test]
fn a_target_whose_figure_is_not_in_its_quote_is_refused() {
    let w = Workspace::new();
    w.edit("seeds/targets.toml", "value = 20647", "value = 20746");
    let m = w.refused();
    assert_names(&m, &["targets.toml", "sales_2010", "20746"]);
}

#[test]
fn a_county_place_under_the_wrong_city_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "city = \"320500\"",
        "city = \"320200\"",
    );
    let m = w.refused();
    assert_names(&m, &["jiangsu_county_points.geojson", "320583", "320200"]);
}

#[test]
fn a_base_without_a_source_is_refused() {
    let w = Workspace::new();
    let text = std::fs::read_to_string(w.path("geodata/bases.csv")).expect("csv");
    std::fs::write(
        w.path("geodata/bases.csv"),
        format!("{text}常州高新区,Changzhou Hi-tech Zone,320411,national_hitech_zone,1992,high_end_equipment,,,,\n"),
    )
    .expect("write");
    let m = w.refused();
    assert_names(&m, &["bases.csv", "row 6", "常州高新区", "source"]);
}

#[test]
fn a_base_with_an_unknown_industry_is_refused() {
    let w = Workspace::new();
    w.edit("geodata/bases.csv", ",energy_saving,", ",green_stuff,");
    let m = w.refused();
    assert_names(
        &m,
        &[
            "bases.csv",
            "row 5",
            "中国宜兴环保科技工业园",
            "green_stuff",
        ],
    );
}

#[test]
fn a_base_with_half_a_position_is_refused() {
    let w = Workspace::new();
    w.edit(
        "geodata/bases.csv",
        ",energy_saving,,,,",
        ",energy_saving,119.8,,WGS84,",
    );
    let m = w.refused();
    assert_names(&m, &["bases.csv", "row 5", "both lon and lat"]);
}

#[test]
fn a_wgs84_base_is_converted_to_the_boundaries_reference() {
    let w = Workspace::new();
    w.edit(
        "geodata/bases.csv",
        ",energy_saving,,,,",
        ",energy_saving,119.8,31.35,WGS84,",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_atlas-builder"))
        .arg("--root")
        .arg(w.dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle: Value = serde_json::from_str(
        &std::fs::read_to_string(w.path("assets/atlas.json")).expect("bundle"),
    )
    .expect("json");
    let base = bundle["bases"]
        .as_array()
        .expect("bases")
        .iter()
        .find(|b| b["host"] == "320282")
        .expect("the Yixing base");
    assert_eq!(base["approximate"], false);
    let (lon, lat) = (
        base["point"][0].as_f64().expect("lon"),
        base["point"][1].as_f64().expect("lat"),
    );
    assert!(
        lon > 119.8 && (lon - 119.8) < 0.01,
        "shifted east by a few hundred metres: {lon}"
    );
    assert!((lat - 31.35).abs() < 0.01, "{lat}");
    assert!((lon, lat) != (119.8, 31.35));
}

#[test]
fn a_truncated_boundary_file_is_refused() {
    let w = Workspace::new();
    let file = w.path("geodata/jiangsu_cities.geojson");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, &text[..text.len() / 2]).expect("write");
    let m = w.refused();
    assert_names(&m, &["jiangsu_cities.geojson", "EOF"]);
}

#[test]
fn a_nan_coordinate_is_refused() {
    let w = Workspace::new();
    w.edit(
        "geodata/jiangsu_cities.geojson",
        "[118.",
        "[NaN, 32.0], [118.",
    );
    let m = w.refused();
    assert_names(&m, &["jiangsu_cities.geojson", "line 1"]);
}

#[test]
fn script_in_a_city_name_is_refused_with_its_line() {
    let w = Workspace::new();
    w.edit(
        "seeds/layout.toml",
        "name_en = \"Wuxi\"",
        "name_en = \"Wuxi<script>alert(1)</script>\"",
    );
    let m = w.refused();
    assert_names(&m, &["layout.toml", "line", "<script>", "plain text"]);
}

#[test]
fn html_in_a_quote_is_refused() {
    let w = Workspace::new();
    w.edit(
        "seeds/industries.toml",
        "section = ",
        "summary_html = \"<img src=x onerror=alert(1)>\"\nsection = ",
    );
    let m = w.refused();
    assert_names(&m, &["industries.toml", "line", "<img", "plain text"]);
}

#[test]
fn a_gap_between_cities_is_refused_naming_the_cities_around_it() {
    let w = Workspace::new();
    w.edit_geojson(|v| {
        let taizhou = v["features"]
            .as_array_mut()
            .expect("features")
            .iter_mut()
            .find(|f| f["properties"]["adcode"] == "321200")
            .expect("泰州");
        let geometry: geojson::Geometry =
            serde_json::from_value(taizhou["geometry"].clone()).expect("geometry");
        let outline: geo::MultiPolygon = geometry.try_into().expect("multipolygon");
        // 泰州 shrunk by about 500 m on every side: a ring-shaped gap opens to its neighbours.
        let shrunk = geo::Buffer::buffer(&outline, -0.005);
        taizhou["geometry"] =
            serde_json::to_value(geojson::Geometry::from(&shrunk)).expect("geometry");
    });
    let m = w.refused();
    assert_names(
        &m,
        &[
            "jiangsu_cities.geojson",
            "gap",
            "321200 (泰州市)",
            "321000 (扬州市)",
        ],
    );
}
