//! The county layer built from the repository's real geodata: each city's counties tile it after
//! simplification, neighbours share their borders exactly, areas stay true, and the names, codes
//! and hosts are the ones the app relies on.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use atlas_core::model::county_layer::CountyKind;
use geo::{Area, BooleanOps, Contains, Coord, GeodesicArea, MultiPolygon, unary_union};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The repository's build, made once for all the tests of this file.
fn built() -> &'static atlas_builder::Built {
    static BUILT: LazyLock<atlas_builder::Built> =
        LazyLock::new(|| atlas_builder::build(&root()).expect("the repository builds"));
    &BUILT
}

type Edge = ((i64, i64), (i64, i64));

/// Undirected edges of every ring of an outline, in 1e-7 degree units.
fn edges(shape: &MultiPolygon<f64>) -> BTreeSet<Edge> {
    let k = |c: &Coord<f64>| ((c.x * 1e7).round() as i64, (c.y * 1e7).round() as i64);
    shape
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .flat_map(|r| r.lines())
        .map(|l| {
            let (a, b) = (k(&l.start), k(&l.end));
            (a.min(b), a.max(b))
        })
        .collect()
}

/// The simplified cities with the indices of their counties.
fn cities_and_counties() -> Vec<(&'static str, &'static MultiPolygon<f64>, Vec<usize>)> {
    let b = built();
    b.bundle
        .cities
        .iter()
        .zip(&b.simplified)
        .map(|(city, shape)| {
            let members = (0..b.county_layer.counties.len())
                .filter(|&i| b.county_layer.counties[i].city == city.adcode)
                .collect();
            (city.name_zh.as_str(), shape, members)
        })
        .collect()
}

#[test]
fn every_city_is_tiled_by_its_counties_with_no_gap_and_no_overlap() {
    let b = built();
    for (name, city, members) in cities_and_counties() {
        let counties: Vec<&MultiPolygon<f64>> =
            members.iter().map(|&i| &b.county_simplified[i]).collect();
        let union = unary_union(counties.iter().copied());
        let whole = city.unsigned_area();
        let xor = union.xor(city).unsigned_area();
        assert!(
            xor < whole * 1e-9,
            "{name}: its counties' union differs from it by {xor} square degrees"
        );
        let sum: f64 = counties.iter().map(|c| c.unsigned_area()).sum();
        assert!((sum - whole).abs() < whole * 1e-9, "{name}: overlap");
        for (i, a) in counties.iter().enumerate() {
            for c in &counties[i + 1..] {
                assert!(a.intersection(*c).unsigned_area() < 1e-12, "{name}");
            }
        }
    }
}

#[test]
fn every_county_keeps_its_full_detail_area_within_half_a_per_cent() {
    let b = built();
    for ((county, full), simple) in b
        .county_layer
        .counties
        .iter()
        .zip(&b.county_full_detail)
        .zip(&b.county_simplified)
    {
        let (full, simple) = (
            full.geodesic_area_unsigned(),
            simple.geodesic_area_unsigned(),
        );
        assert!(
            (simple / full - 1.0).abs() < 0.005,
            "{} {}: {simple} m² simplified vs {full} m²",
            county.adcode,
            county.name_zh
        );
        assert!((county.area_km2 - full / 1e6).abs() <= 0.05);
    }
}

#[test]
fn county_borders_are_shared_exactly_and_the_outer_ones_are_the_city_border() {
    let b = built();
    for (name, city, members) in cities_and_counties() {
        let city_edges = edges(city);
        let mut owners: HashMap<Edge, usize> = HashMap::new();
        for &i in &members {
            for e in edges(&b.county_simplified[i]) {
                *owners.entry(e).or_default() += 1;
            }
        }
        for (edge, count) in &owners {
            assert!(
                *count == 2 || (*count == 1 && city_edges.contains(edge)),
                "{name}: edge {edge:?} is drawn by {count} counties and is not on the city border"
            );
        }
        for edge in &city_edges {
            assert_eq!(
                owners.get(edge),
                Some(&1),
                "{name}: city edge {edge:?} is not exactly one county's"
            );
        }
    }
}

#[test]
fn the_layer_has_95_counties_with_every_city_covered() {
    let layer = &built().county_layer;
    assert_eq!(layer.counties.len(), 95);
    assert_eq!(layer.boundaries.features.len(), 95);
    for (name, _, members) in cities_and_counties() {
        assert!(!members.is_empty(), "{name} has counties");
    }
    let kinds = |kind| layer.counties.iter().filter(|c| c.kind == kind).count();
    assert_eq!(kinds(CountyKind::District), 55);
    assert_eq!(kinds(CountyKind::County), 19);
    assert_eq!(kinds(CountyKind::CountyLevelCity), 21);
    let kunshan = layer.county("320583").expect("昆山市");
    assert_eq!(
        (kunshan.name_zh.as_str(), kunshan.city.as_str()),
        ("昆山市", "320500")
    );
    assert_eq!(kunshan.label_zh(), "昆山");
    let yixing = layer.county("320282").expect("宜兴市");
    assert_eq!(
        (yixing.name_zh.as_str(), yixing.city.as_str()),
        ("宜兴市", "320200")
    );
}

#[test]
fn every_place_and_base_host_is_a_county_of_its_city() {
    let b = built();
    for place in &b.bundle.places {
        let county = b.county_layer.county(&place.adcode).expect(&place.name_zh);
        assert_eq!(county.city, place.city, "{}", place.name_zh);
    }
    for base in &b.bundle.bases {
        assert!(
            b.county_layer.county(&base.host).is_some(),
            "{}",
            base.name_zh
        );
    }
}

#[test]
fn english_names_read_the_polyphones_as_the_places_say_them() {
    let layer = &built().county_layer;
    for (adcode, en) in [
        ("321183", "Jurong"),
        ("320116", "Luhe District"),
        ("320830", "Xuyi County"),
        ("321322", "Shuyang County"),
        ("321012", "Jiangdu District"),
        ("320903", "Yandu District"),
        ("320581", "Changshu"),
        ("320113", "Qixia District"),
        ("320382", "Pizhou"),
        ("320324", "Suining County"),
        ("320321", "Feng County"),
        ("320826", "Lianshui County"),
        ("320923", "Funing County"),
        ("320583", "Kunshan"),
        ("320102", "Xuanwu District"),
        ("320322", "Pei County"),
    ] {
        assert_eq!(
            layer.county(adcode).map(|c| c.name_en.as_str()),
            Some(en),
            "{adcode}"
        );
    }
    for county in &layer.counties {
        let suffix_ok = match county.kind {
            CountyKind::District => county.name_en.ends_with(" District"),
            CountyKind::County => county.name_en.ends_with(" County"),
            CountyKind::CountyLevelCity => !county.name_en.contains(' '),
        };
        assert!(suffix_ok, "{} {}", county.adcode, county.name_en);
    }
}

#[test]
fn label_points_lie_inside_their_simplified_county() {
    let b = built();
    for (county, shape) in b.county_layer.counties.iter().zip(&b.county_simplified) {
        let [x, y] = county.label_point;
        assert!(shape.contains(&geo::Point::new(x, y)), "{}", county.name_zh);
        let bounds = county.bounds;
        assert!(bounds.west <= x && x <= bounds.east && bounds.south <= y && y <= bounds.north);
    }
}

#[test]
fn the_layer_names_its_sources_with_the_bundles_hashes() {
    let b = built();
    let paths: Vec<&str> = b
        .county_layer
        .sources
        .iter()
        .map(|s| s.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "geodata/jiangsu_counties.geojson",
            "geodata/jiangsu_cities.geojson",
            "geodata/county_names.toml"
        ]
    );
    for source in &b.county_layer.sources[..2] {
        let ours = b.bundle.sources.iter().find(|s| s.path == source.path);
        assert_eq!(ours, Some(source));
    }
}
