//! Issue 18 point 10 (finish) on the real bundle and county layer: a scale bar as long on the
//! ground as it says, on the province map and the drilled one; no city label right over or under
//! a county-level place's name (“苏州 / 昆山 ○”); type that grows with the map; and the warning
//! line apart from the licences.

use atlas_core::Lang;
use atlas_core::draw::county_scene::DrillScene;
use atlas_core::draw::labels::LabelBox;
use atlas_core::draw::overview::label_font;
use atlas_core::draw::scale_bar::geodesic_km;
use atlas_core::draw::scene::{STACK_GAP_EMS, Scene, explorer_label_font};
use atlas_core::geo::projection::{MAP_PADDING, Projection, ScreenPoint};

mod committed_bundle;
mod committed_layer;
use committed_bundle::bundle;
use committed_layer::layer;

/// The maps of a 320 px phone, a 768 px tablet, a 1280 × 800 laptop, a 1920 × 1080 screen and a
/// 3840 × 2160 screen.
const SIZES: [(f64, f64); 5] = [
    (320.0, 400.0),
    (768.0, 620.0),
    (928.0, 700.0),
    (1568.0, 980.0),
    (3488.0, 2000.0),
];

/// The ground length of a bar drawn from `start`, `length` px to the right, under `projection`.
fn ground_km(projection: &Projection, start: ScreenPoint, length: f64) -> f64 {
    let a = projection.unproject(start).expect("a real map");
    let b = projection
        .unproject(ScreenPoint {
            x: start.x + length,
            y: start.y,
        })
        .expect("a real map");
    geodesic_km(a, b)
}

#[test]
fn the_scale_bar_is_as_long_on_the_ground_as_its_label_says() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let suzhou = bundle.city("320500").expect("苏州").bounds;
    for (width, height) in SIZES {
        let scene = Scene::project(&bundle, width, height);
        let bar = scene.scale_bar.expect("the province map has a scale bar");
        let projection = Projection::fit(bundle.bounds, width, height, MAP_PADDING);
        let km = ground_km(&projection, bar.start, bar.length);
        assert!(
            (km - bar.km).abs() / bar.km < 0.01,
            "{width}: {km} km drawn as {}",
            bar.km
        );
        let drilled =
            DrillScene::project(&bundle, &layer, "320500", width, height).expect("苏州 drills");
        let bar = drilled.scale_bar.expect("the drilled map has a scale bar");
        let projection = Projection::fit(suzhou, width, height, MAP_PADDING);
        let km = ground_km(&projection, bar.start, bar.length);
        assert!(
            (km - bar.km).abs() / bar.km < 0.01,
            "苏州 {width}: {km} vs {}",
            bar.km
        );
        assert!(
            bar.km < scene.scale_bar.expect("a bar").km,
            "zoomed in, a shorter length"
        );
    }
}

#[test]
fn no_place_name_sits_right_over_under_or_beside_a_city_label() {
    let bundle = bundle();
    for (width, height) in SIZES {
        for lang in [Lang::Zh, Lang::En] {
            let font = explorer_label_font(width, height);
            let legend = LabelBox::from_corner(12.0, height - 150.0, 110.0, 140.0);
            let scene = Scene::new(&bundle, width, height, lang, font, &[legend]);
            let places: Vec<(&str, LabelBox)> = scene
                .places
                .iter()
                .filter_map(|p| Some((p.label.as_str(), p.label_box?)))
                .collect();
            for city in &scene.cities {
                let Some(c) = city.label_box else { continue };
                for (name, p) in &places {
                    let gap_x = (c.center.x - p.center.x).abs() - (c.width + p.width) / 2.0;
                    let gap_y = (c.center.y - p.center.y).abs() - (c.height + p.height) / 2.0;
                    assert!(
                        gap_y >= font * STACK_GAP_EMS - 1e-9
                            || gap_x >= font * STACK_GAP_EMS / 2.0 - 1e-9,
                        "{width} {lang:?}: {} and {name} read as one ({gap_x:.1}, {gap_y:.1} px apart)",
                        city.label
                    );
                }
            }
            // Every city keeps its name from a tablet up (a 320 px phone under this legend keeps
            // 12 of 13 in English without the gap, 11 with it).
            let named = scene
                .cities
                .iter()
                .filter(|c| c.label_box.is_some())
                .count();
            let least = if width < 768.0 { 11 } else { 13 };
            assert!(named >= least, "{width} {lang:?}: {named} cities named");
        }
    }
}

#[test]
fn type_grows_with_the_map() {
    assert_eq!(
        explorer_label_font(928.0, 700.0),
        14.0,
        "the 1280 × 800 map"
    );
    assert_eq!(explorer_label_font(320.0, 400.0), 11.0, "a phone");
    assert_eq!(
        explorer_label_font(3488.0, 2000.0),
        24.0,
        "a 3840 × 2160 screen"
    );
    let sizes: Vec<f64> = SIZES
        .iter()
        .map(|&(w, h)| explorer_label_font(w, h))
        .collect();
    assert!(sizes.windows(2).all(|p| p[0] <= p[1]), "{sizes:?}");
    assert_eq!(
        explorer_label_font(3488.0, 400.0),
        11.0,
        "a wide, short strip keeps the size its height allows"
    );
    let small = label_font(220.0, false).expect("labelled");
    let large = label_font(700.0, false).expect("labelled");
    assert_eq!(small, 11.0);
    assert!(large >= 16.0, "{large}");
}

#[test]
fn the_warning_stands_apart_from_the_licences() {
    let bundle = bundle();
    let zh = bundle.map_warning(Lang::Zh);
    let en = bundle.map_warning(Lang::En);
    assert!(
        zh.contains("示意图，非审图号批准地图") && zh.contains("GCJ-02"),
        "{zh}"
    );
    assert!(
        en.contains("not an approved map") && en.contains("GCJ-02"),
        "{en}"
    );
    let licences = bundle.licences().join(" ");
    for word in ["GSHHG", "LGPL", "cnmaps", "MIT"] {
        assert!(licences.contains(word), "{word} in the About box");
        assert!(
            !zh.contains(word) && !en.contains(word),
            "{word} not in the warning"
        );
    }
}
