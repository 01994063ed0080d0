//! The page as it arrives (index.html's prerendered map and table) against the committed bundle.

use atlas_core::draw::map_markup::escape;
use atlas_core::draw::scene::Scene;
use atlas_core::geo::page_geometry::DrawnOutlines;
use atlas_core::model::bundle::BoundarySource;
use atlas_core::view::page::{PRERENDER_SIZE, layout_table, prerendered_page};
use atlas_core::{Bounds, Bundle, BundleError, Lang};

mod committed_bundle;
use committed_bundle::bundle;

#[test]
fn the_prerendered_page_names_every_city_and_lists_every_role() {
    let bundle = bundle();
    let page = prerendered_page(&bundle, "");
    for city in &bundle.cities {
        assert!(
            page.contains(&format!(
                r#"aria-label="{} {}"#,
                city.name_zh,
                escape(&city.name_en)
            )),
            "{} has no named shape",
            city.name_zh
        );
    }
    assert_eq!(
        page.matches(r#"<path class="city zone-"#).count(),
        bundle.cities.len()
    );
    assert_eq!(
        page.matches("<tr><th scope=\"row\">").count(),
        bundle.roles.len()
    );
    // The warning is the line under the map; the licences are in its About box.
    let warning = bundle.map_warning(Lang::Zh);
    assert!(page.contains(&format!(
        r#"<p class="map-warning">{}</p>"#,
        escape(&warning)
    )));
    assert!(warning.contains("非审图号") && !warning.contains("GSHHG"));
    let about = &page[page
        .find(r#"<details class="about">"#)
        .expect("an About box")..];
    assert!(about.contains(&escape(bundle.licences()[1])) && about.contains("GSHHG"));
    assert_eq!(
        page.matches("<path class=\"water-").count(),
        bundle.water.features.len() + 2 * Scene::project(&bundle, 928.0, 700.0).channel.len(),
        "every lake, the river and its channel drawn"
    );
    assert!(page.contains(r#"<g class="water" aria-hidden="true">"#));
    for lake in ["太湖", "洪泽湖"] {
        assert!(
            page.contains(r#"class="water-label""#) && page.contains(&format!(">{lake}</text>")),
            "{lake} is named"
        );
    }
    assert!(page.contains(&escape(&bundle.roles[0].quote.quote)));
}

#[test]
fn the_table_escapes_what_it_quotes() {
    let mut bundle = bundle();
    bundle.roles[0].quote.quote = "<script>alert(1)</script>".to_string();
    let table = layout_table(&bundle);
    assert!(table.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!table.contains("<script>"));
}

/// The outlines the prerendered page draws, as the app finds them in it.
fn drawn(bundle: &Bundle) -> DrawnOutlines {
    let (width, height) = PRERENDER_SIZE;
    let scene = Scene::project(bundle, width, height);
    DrawnOutlines {
        width,
        height,
        cities: scene
            .cities
            .iter()
            .map(|c| (c.adcode.clone(), c.path.clone()))
            .collect(),
        zones: scene
            .zones
            .iter()
            .map(|z| (z.id.clone(), z.path.clone()))
            .collect(),
        water: scene
            .water
            .iter()
            .enumerate()
            .map(|(i, w)| (i.to_string(), w.path.clone()))
            .collect(),
    }
}

#[test]
fn the_boundaries_read_back_from_the_page_match_the_bundle_within_a_tenth_of_its_pixels() {
    let bundle = bundle();
    let lite = bundle.without_boundaries();
    assert!(lite.lacks_boundaries());
    let read = drawn(&bundle)
        .fill_boundaries(lite.clone())
        .expect("the page's outlines make a valid bundle");
    let tolerance = 0.001; // degrees: a tenth of a pixel of the 928 x 700 map is about 0.0005
    for (original, back) in bundle
        .city_boundaries
        .features
        .iter()
        .zip(&read.city_boundaries.features)
    {
        assert_eq!(original.properties, back.properties);
        let (a, b) = (
            Bounds::of(original.geometry.positions()).expect("bounds"),
            Bounds::of(back.geometry.positions()).expect("bounds"),
        );
        for (x, y) in [
            (a.west, b.west),
            (a.east, b.east),
            (a.south, b.south),
            (a.north, b.north),
        ] {
            assert!(
                (x - y).abs() < tolerance,
                "{}: {x} vs {y}",
                original.properties.name
            );
        }
    }
    assert_eq!(
        read.zone_outlines.features.len(),
        bundle.zone_outlines.features.len()
    );
    assert!(
        lite.water
            .features
            .iter()
            .all(|w| w.geometry.coordinates.is_empty()),
        "the app's first bundle carries no water outline"
    );
    assert_eq!(read.water.features.len(), bundle.water.features.len());
    for (original, back) in bundle.water.features.iter().zip(&read.water.features) {
        assert_eq!(original.properties, back.properties);
        let (a, b) = (
            Bounds::of(original.geometry.positions()).expect("bounds"),
            Bounds::of(back.geometry.positions()).expect("bounds"),
        );
        assert!((a.west - b.west).abs() < tolerance && (a.north - b.north).abs() < tolerance);
    }
    let scene = Scene::new(&read, 1280.0, 800.0, Lang::En, 14.0, &[]);
    assert!(
        scene.cities.iter().all(|c| c.label_box.is_some()),
        "every city still labelled"
    );
}

#[test]
fn a_page_that_lost_a_city_or_holds_foreign_paths_is_refused() {
    let bundle = bundle();
    let mut missing = drawn(&bundle);
    missing.cities.retain(|(adcode, _)| adcode != "320600");
    assert!(matches!(
        missing.fill_boundaries(bundle.without_boundaries()),
        Err(BundleError::MissingBoundary { adcode }) if adcode == "320600"
    ));
    let mut no_lake = drawn(&bundle);
    no_lake.water.remove(0);
    assert!(matches!(
        no_lake.fill_boundaries(bundle.without_boundaries()),
        Err(BundleError::BadRing { item }) if item.starts_with("water feature #0")
    ));
    let mut foreign = drawn(&bundle);
    foreign.zones[0].1 = "M0 0C1 1 2 2 3 3Z".to_string();
    assert!(matches!(
        foreign.fill_boundaries(bundle.without_boundaries()),
        Err(BundleError::DrawnBoundary { .. })
    ));
}
