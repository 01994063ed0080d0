//! The water layer: the real files build into valid, simplified, named water inside the province,
//! and the builder refuses water that is invalid, outside the province or of an unknown name,
//! naming the file and the feature.

use std::path::{Path, PathBuf};

use atlas_builder::build;
use atlas_core::model::bundle::WaterKind;
use geo::{Area, Validation};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of the repository's inputs in a temporary directory.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["seeds", "geodata"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(repo().join(sub)).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                let to = dir.path().join(sub).join(path.file_name().expect("name"));
                std::fs::copy(&path, to).expect("copy");
            }
        }
    }
    dir
}

/// Rewrites the water file of `dir`.
fn edit_water(dir: &Path, change: impl FnOnce(&mut Value)) {
    let file = dir.join("geodata/jiangsu_water_gshhs.geojson");
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    change(&mut value);
    std::fs::write(&file, value.to_string()).expect("write");
}

/// The message of a build of `dir` that must fail.
fn refused(dir: &Path) -> String {
    match build(dir) {
        Ok(_) => panic!("the builder accepted it"),
        Err(e) => e.to_string(),
    }
}

fn assert_names(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{message:?} does not name {part:?}");
    }
}

/// The feature of the water file named `name`.
fn feature<'a>(value: &'a mut Value, name: &str) -> &'a mut Value {
    value["features"]
        .as_array_mut()
        .expect("features")
        .iter_mut()
        .find(|f| f["properties"]["name"] == name)
        .expect("the feature")
}

#[test]
fn the_real_water_is_valid_simplified_named_and_inside_the_province() {
    let built = build(&repo()).expect("builds");
    let bundle = &built.bundle;
    let b = bundle.bounds;
    let names: Vec<&str> = bundle
        .water
        .features
        .iter()
        .filter_map(|f| f.properties.name_zh.as_deref())
        .collect();
    for lake in [
        "太湖",
        "洪泽湖",
        "高邮湖",
        "石臼湖",
        "滆湖",
        "阳澄湖",
        "骆马湖",
        "长江",
    ] {
        assert!(names.contains(&lake), "{lake} is missing from {names:?}");
    }
    for f in &bundle.water.features {
        let p = &f.properties;
        assert_eq!(p.name_zh.is_some(), p.name_en.is_some(), "{p:?}");
        assert_eq!(
            p.kind == WaterKind::River,
            p.name_zh.as_deref() == Some("长江")
        );
        let shape: geo::MultiPolygon<f64> = geo::MultiPolygon::new(
            f.geometry
                .coordinates
                .iter()
                .map(|rings| {
                    let ring = |r: &Vec<[f64; 2]>| {
                        geo::LineString::from(r.iter().map(|&[x, y]| (x, y)).collect::<Vec<_>>())
                    };
                    geo::Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
                })
                .collect(),
        );
        assert!(shape.is_valid(), "{p:?} is not valid after simplification");
        assert!(shape.unsigned_area() > 0.0);
        for &[lon, lat] in f.geometry.positions() {
            assert!(lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north);
        }
    }
    let w = &built.water;
    assert!(
        w.vertices_out * 4 < w.vertices_in,
        "simplified: {} of {} vertices kept",
        w.vertices_out,
        w.vertices_in
    );
    assert!(
        bundle.credit_line().contains("GSHHG"),
        "{}",
        bundle.credit_line()
    );
    assert!(
        bundle
            .sources
            .iter()
            .any(|s| s.path == "geodata/water.toml"),
        "the names file is a listed input"
    );
}

#[test]
fn water_outside_the_province_is_refused_by_file_and_feature() {
    let dir = workspace();
    edit_water(dir.path(), |v| {
        feature(v, "骆马湖")["geometry"]["coordinates"][0][3] = serde_json::json!([124.0, 34.1]);
    });
    let m = refused(dir.path());
    assert_names(
        &m,
        &["jiangsu_water_gshhs.geojson", "骆马湖", "124", "outside"],
    );
}

#[test]
fn a_self_crossing_lake_is_refused_by_file_and_feature() {
    let dir = workspace();
    edit_water(dir.path(), |v| {
        feature(v, "滆湖")["geometry"]["coordinates"] = serde_json::json!([[
            [119.75, 31.5],
            [119.85, 31.6],
            [119.85, 31.5],
            [119.75, 31.6],
            [119.75, 31.5]
        ]]);
    });
    let m = refused(dir.path());
    assert_names(
        &m,
        &["jiangsu_water_gshhs.geojson", "滆湖", "not a valid polygon"],
    );
}

#[test]
fn a_lake_the_names_file_does_not_know_is_refused() {
    let dir = workspace();
    edit_water(dir.path(), |v| {
        feature(v, "阳澄湖")["properties"]["name"] = "澄湖".into();
    });
    let m = refused(dir.path());
    assert_names(&m, &["jiangsu_water_gshhs.geojson", "澄湖", "water.toml"]);
}

#[test]
fn without_a_water_table_the_map_has_no_water_and_no_water_credit() {
    let dir = workspace();
    let sources = dir.path().join("geodata/sources.toml");
    let text = std::fs::read_to_string(&sources).expect("read");
    let cut = text.find("[water]").expect("a [water] table");
    std::fs::write(&sources, &text[..cut]).expect("write");
    let built = build(dir.path()).expect("builds");
    assert!(built.bundle.water.features.is_empty());
    assert!(!built.bundle.credit_line().contains("GSHHG"));
    assert_eq!(
        built.county_layer.water, None,
        "no water for drilled maps either"
    );
}

/// A feature's outline as a geo shape.
fn shape_of(geometry: &atlas_core::model::geojson_shape::MultiPolygon) -> geo::MultiPolygon<f64> {
    geo::MultiPolygon::new(
        geometry
            .coordinates
            .iter()
            .map(|rings| {
                let ring = |r: &Vec<[f64; 2]>| {
                    geo::LineString::from(r.iter().map(|&[x, y]| (x, y)).collect::<Vec<_>>())
                };
                geo::Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
            })
            .collect(),
    )
}

#[test]
fn a_drilled_city_gets_water_as_fine_as_its_scale_in_the_county_layer() {
    use geo::{Distance, Euclidean, Point};
    let built = build(&repo()).expect("builds");
    let province = &built.bundle.water.features;
    let city = &built
        .county_layer
        .water
        .as_ref()
        .expect("the county layer carries water")
        .features;
    assert_eq!(
        city.len(),
        province.len(),
        "one city-scale feature per feature"
    );
    let source: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("geodata/jiangsu_water_gshhs.geojson")).expect("read"),
    )
    .expect("json");
    for (coarse, fine) in province.iter().zip(city) {
        assert_eq!(
            coarse.properties, fine.properties,
            "same features, same order"
        );
        assert!(shape_of(&fine.geometry).is_valid(), "{:?}", fine.properties);
        assert!(fine.geometry.vertex_count() >= coarse.geometry.vertex_count());
    }
    let taihu = |list: &[atlas_core::model::geojson_shape::Feature<
        atlas_core::model::bundle::WaterRef,
    >]| {
        let f = list
            .iter()
            .find(|f| f.properties.name_zh.as_deref() == Some("太湖"))
            .expect("太湖");
        (f.geometry.vertex_count(), shape_of(&f.geometry))
    };
    let ((coarse_n, coarse), (fine_n, fine)) = (taihu(province), taihu(city));
    assert!(
        fine_n > 2 * coarse_n,
        "太湖: {fine_n} vertices at city scale, {coarse_n} for the province"
    );
    // The full GSHHG shore (太湖's outer ring, a Polygon in the source), and how far each
    // simplified shore strays from it on average, degrees.
    let full = source["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["properties"]["name"] == "太湖")
        .expect("太湖 in the source");
    assert_eq!(full["geometry"]["type"], "Polygon");
    let points: Vec<Point<f64>> = full["geometry"]["coordinates"][0]
        .as_array()
        .expect("the outer ring")
        .iter()
        .filter_map(|xy| Some(Point::new(xy[0].as_f64()?, xy[1].as_f64()?)))
        .collect();
    assert!(points.len() > 100, "the full shore");
    let strays = |shape: &geo::MultiPolygon<f64>| {
        points
            .iter()
            .map(|p| {
                shape
                    .iter()
                    .map(|poly| Euclidean.distance(p, poly.exterior()))
                    .fold(f64::INFINITY, f64::min)
            })
            .sum::<f64>()
            / points.len() as f64
    };
    let (coarse_stray, fine_stray) = (strays(&coarse), strays(&fine));
    assert!(
        fine_stray < coarse_stray / 2.0,
        "太湖's shore strays {fine_stray:.4}° at city scale, {coarse_stray:.4}° for the province"
    );
}
