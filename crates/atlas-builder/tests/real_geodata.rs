//! The builder on the repository's real geodata and seeds: the committed bundle is current,
//! simplification keeps the cities tiling the province, and the areas are right.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use geo::{Area, BooleanOps, Coord, GeodesicArea, MultiPolygon, unary_union};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The repository's bundle, built once for all the tests of this file.
fn built() -> &'static atlas_builder::Built {
    static BUILT: LazyLock<atlas_builder::Built> =
        LazyLock::new(|| atlas_builder::build(&root()).expect("the repository builds"));
    &BUILT
}

#[test]
fn the_committed_bundle_is_exactly_what_the_builder_makes_now() {
    let committed = std::fs::read_to_string(root().join(atlas_builder::BUNDLE_FILE))
        .expect("assets/atlas.json is committed");
    assert!(
        committed == built().json,
        "assets/atlas.json is stale: run `cargo run -p atlas-builder` and commit the result"
    );
}

#[test]
fn the_committed_csv_and_plan_copy_are_what_the_builder_makes_now() {
    for (file, content) in built().outputs() {
        let committed = std::fs::read_to_string(root().join(file)).expect(file);
        assert!(
            committed == content,
            "{file} is stale: run `cargo run -p atlas-builder`"
        );
    }
}

#[test]
fn the_csv_has_one_row_per_role_fact() {
    let b = built();
    let lines: Vec<&str> = b.csv.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}place,adcode,industry,field,role,quote,section"
    );
    assert_eq!(lines.len() - 1, b.bundle.roles.len());
    assert_eq!(b.bundle.roles.len(), 29);
    assert!(lines.contains(&"泰州市,321200,生物技术和新医药,生物技术和新医药,focus,在生物技术和新医药领域，形成以泰州为重点，南京、无锡、苏州和连云港等相互促进的发展格局,四(二)"));
    assert!(lines.contains(&"昆山市,320583,新一代信息技术和软件,平板显示,focus,在平板显示领域，形成以苏州、南京、昆山等为重点的发展格局,四(二)"));
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let again = atlas_builder::build(&root()).expect("builds again");
    assert_eq!(built().json, again.json);
}

type Edge = ((i64, i64), (i64, i64));

/// Undirected edges of every ring of a city, in 1e-7 degree units.
fn edges(city: &MultiPolygon<f64>) -> BTreeSet<Edge> {
    let k = |c: &Coord<f64>| ((c.x * 1e7).round() as i64, (c.y * 1e7).round() as i64);
    city.iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .flat_map(|r| r.lines())
        .map(|l| {
            let (a, b) = (k(&l.start), k(&l.end));
            (a.min(b), a.max(b))
        })
        .collect()
}

/// Pairs of cities that share at least one edge.
fn neighbour_pairs(cities: &[MultiPolygon<f64>]) -> BTreeSet<(usize, usize)> {
    let mut owners: HashMap<Edge, Vec<usize>> = HashMap::new();
    for (i, city) in cities.iter().enumerate() {
        for e in edges(city) {
            owners.entry(e).or_default().push(i);
        }
    }
    owners
        .values()
        .filter(|o| o.len() == 2)
        .map(|o| (o[0].min(o[1]), o[0].max(o[1])))
        .collect()
}

#[test]
fn neighbours_still_share_their_borders_exactly_after_simplification() {
    let b = built();
    let before = neighbour_pairs(&b.full_detail);
    let after = neighbour_pairs(&b.simplified);
    assert_eq!(
        before.len(),
        25,
        "the source data has 25 neighbouring pairs"
    );
    assert_eq!(
        after, before,
        "every pair of neighbours still shares border edges"
    );
    // Every edge is either on the province's outline or walked by exactly two cities.
    let province = unary_union(b.simplified.iter());
    let outline = edges(&province);
    let mut owners: HashMap<Edge, usize> = HashMap::new();
    for city in &b.simplified {
        for e in edges(city) {
            *owners.entry(e).or_default() += 1;
        }
    }
    for (edge, count) in owners {
        assert!(
            count == 2 || (count == 1 && outline.contains(&edge)),
            "edge {edge:?} is used by {count} cities and is not on the province outline"
        );
    }
    let vertices = |shapes: &[MultiPolygon<f64>]| -> usize {
        shapes.iter().map(geo::CoordsIter::coords_count).sum()
    };
    assert!(
        vertices(&b.simplified) * 10 < vertices(&b.full_detail),
        "the cities keep under a tenth of their vertices: {:?}",
        b.stats
    );
}

#[test]
fn the_simplified_cities_leave_no_gap_and_do_not_overlap() {
    let b = built();
    let province = unary_union(b.simplified.iter());
    assert!(
        province.iter().all(|p| p.interiors().is_empty()),
        "no hole between cities"
    );
    let sum: f64 = b.simplified.iter().map(|c| c.unsigned_area()).sum();
    assert!(
        (sum - province.unsigned_area()).abs() < sum * 1e-9,
        "no overlap"
    );
    for (i, a) in b.simplified.iter().enumerate() {
        for c in &b.simplified[i + 1..] {
            assert!(a.intersection(c).unsigned_area() < 1e-12);
        }
    }
    // Simplification moves the province's area by well under one per cent.
    let full = unary_union(b.full_detail.iter()).geodesic_area_unsigned();
    let simple = province.geodesic_area_unsigned();
    assert!((simple / full - 1.0).abs() < 0.005, "{simple} vs {full}");
}

#[test]
fn geodesic_areas_match_the_published_figures_within_one_per_cent() {
    let b = built();
    let area = |name: &str| {
        b.bundle
            .cities
            .iter()
            .find(|c| c.name_zh == name)
            .map(|c| c.area_km2)
            .expect(name)
    };
    let close = |got: f64, want: f64| (got / want - 1.0).abs() < 0.01;
    for (name, want) in [
        ("南京市", 6_587.0),
        ("苏州市", 8_630.0),
        ("盐城市", 16_023.0),
        ("无锡市", 4_682.0),
    ] {
        assert!(
            close(area(name), want),
            "{name}: {} km², expected {want}",
            area(name)
        );
    }
    let province: f64 = b.bundle.cities.iter().map(|c| c.area_km2).sum();
    assert!(close(province, 103_633.0), "province: {province} km²");
    let zones: f64 = b.bundle.zones.iter().map(|z| z.area_km2).sum();
    assert!((zones - province).abs() < 1.0);
}

#[test]
fn zone_outlines_are_the_union_of_their_cities() {
    let b = built();
    for zone in &b.bundle.zones {
        let members: Vec<&MultiPolygon<f64>> = b
            .bundle
            .cities
            .iter()
            .zip(&b.simplified)
            .filter(|(c, _)| c.zone == zone.id)
            .map(|(_, g)| g)
            .collect();
        let union = unary_union(members.iter().copied());
        let feature = b
            .bundle
            .zone_outlines
            .features
            .iter()
            .find(|f| f.properties.id == zone.id)
            .expect("outline");
        assert_eq!(
            feature.geometry.coordinates.len(),
            union.0.len(),
            "{}",
            zone.id
        );
        assert!(union.iter().all(|p| p.interiors().is_empty()));
    }
}

#[test]
fn label_points_lie_inside_their_city() {
    use geo::Contains;
    let b = built();
    for (city, shape) in b.bundle.cities.iter().zip(&b.simplified) {
        let [x, y] = city.label_point;
        assert!(shape.contains(&geo::Point::new(x, y)), "{}", city.name_zh);
    }
}

#[test]
fn the_bundle_boundaries_are_valid_rfc7946_geojson() {
    let b = built();
    let value: serde_json::Value = serde_json::from_str(&b.json).expect("json");
    let fc: geojson::FeatureCollection =
        serde_json::from_value(value["city_boundaries"].clone()).expect("a FeatureCollection");
    assert_eq!(fc.features.len(), 13);
    for f in &fc.features {
        let g: geo::Geometry<f64> = f
            .geometry
            .clone()
            .expect("geometry")
            .try_into()
            .expect("geo");
        let geo::Geometry::MultiPolygon(mp) = g else {
            panic!("not a MultiPolygon")
        };
        for p in &mp {
            assert!(
                geo::Winding::is_ccw(p.exterior()),
                "exterior rings run counter-clockwise"
            );
        }
    }
}
