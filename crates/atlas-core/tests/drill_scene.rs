//! The drilled-down map on the real bundle and the real county layer: 苏州 and 无锡 at the widths
//! people use, in both languages — every county drawn, each label inside its county, no two
//! labels overlapping, no label over a marker, the legend or the credit line, no marker hiding
//! another, and the water in view drawn and its lakes named inside themselves.

use atlas_core::draw::county_scene::{DrillScene, box_within};
use atlas_core::draw::labels::LabelBox;
use atlas_core::draw::scene::explorer_label_font;
use atlas_core::model::bundle::WaterKind;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::{Bundle, Lang};
use geo::{Contains, Coord};

mod committed_bundle;
mod committed_layer;
use committed_bundle::bundle;
use committed_layer::layer;

/// Map sizes at the four widths: a phone, a tablet, a laptop and a full-HD screen.
const SIZES: [(f64, f64); 4] = [
    (320.0, 420.0),
    (768.0, 640.0),
    (1280.0, 760.0),
    (1920.0, 980.0),
];

/// The cities drilled into: the two whose county-level places the plan names.
const CITIES: [&str; 2] = ["320500", "320200"];

/// The legend and the credit band, as in the province's label test.
fn overlays(width: f64, height: f64) -> Vec<LabelBox> {
    let credit = LabelBox::from_corner(0.0, height - 24.0, width, 24.0);
    let legend = if width > 700.0 {
        LabelBox::from_corner(12.0, height - 32.0 - 150.0, 150.0, 150.0)
    } else {
        LabelBox::from_corner(width - 8.0 - 120.0, 8.0, 120.0, 130.0)
    };
    vec![credit, legend]
}

fn centre_inside(outline: &geo::MultiPolygon, b: &LabelBox) -> bool {
    outline.contains(&Coord {
        x: b.center.x,
        y: b.center.y,
    })
}

fn scenes<'a>(
    bundle: &'a Bundle,
    layer: &'a CountyLayer,
) -> impl Iterator<Item = (String, DrillScene, Vec<LabelBox>)> + 'a {
    CITIES.into_iter().flat_map(move |city| {
        SIZES.into_iter().flat_map(move |(w, h)| {
            [Lang::Zh, Lang::En].into_iter().map(move |lang| {
                let keep_out = overlays(w, h);
                let font = explorer_label_font(w, h);
                let scene = DrillScene::new(bundle, layer, city, (w, h), lang, font, &keep_out)
                    .expect("a city of the bundle");
                (format!("{city} {w}×{h} {lang:?}"), scene, keep_out)
            })
        })
    })
}

#[test]
fn every_county_of_the_city_is_drawn() {
    let bundle = bundle();
    let layer = layer(&bundle);
    for (case, scene, _) in scenes(&bundle, &layer) {
        let expected: Vec<&str> = layer
            .counties_of(&scene.city)
            .map(|c| c.adcode.as_str())
            .collect();
        let drawn: Vec<&str> = scene.counties.iter().map(|c| c.adcode.as_str()).collect();
        assert_eq!(drawn, expected, "{case}");
        assert!(expected.len() >= 5, "{case}: a city has several counties");
        for county in &scene.counties {
            assert!(county.path.starts_with('M'), "{case}: {}", county.adcode);
            assert!(
                !county.label.is_empty(),
                "{case}: {} has a name",
                county.adcode
            );
        }
        let around: Vec<&str> = scene.neighbours.iter().map(|n| n.adcode.as_str()).collect();
        assert!(around.contains(&"320400"), "{case}: 常州 borders both");
        assert!(!around.contains(&"320300"), "{case}: 徐州 is far off");
        assert!(!around.contains(&scene.city.as_str()), "{case}");
    }
    assert!(DrillScene::project(&bundle, &layer, "320583", 800.0, 600.0).is_none());
}

#[test]
fn labels_stay_in_their_counties_and_clear_of_each_other_markers_and_overlays() {
    let bundle = bundle();
    let layer = layer(&bundle);
    for (case, scene, keep_out) in scenes(&bundle, &layer) {
        let mut boxes: Vec<(String, LabelBox)> = Vec::new();
        for county in &scene.counties {
            let Some(b) = county.label_box else { continue };
            assert!(
                centre_inside(&county.outline, &b),
                "{case}: {}'s label leaves its county",
                county.label
            );
            boxes.push((county.label.clone(), b));
        }
        for base in &scene.bases {
            let Some(b) = base.label_box else { continue };
            let home = scene.counties.iter().find(|c| c.adcode == base.host);
            assert!(
                home.is_some_and(|h| centre_inside(&h.outline, &b)),
                "{case}: {} leaves its county",
                base.label
            );
            boxes.push((base.label.clone(), b));
        }
        for water in &scene.water {
            let Some(b) = water.label_box else { continue };
            if water.kind == WaterKind::Lake {
                // At the city's detail a narrow lake (阳澄湖) holds at least its name's middle
                // line (a band 0.2 of the font, along the whole name), the halo holding the rest.
                let band = LabelBox {
                    height: scene.label_font * 0.8 * 0.2,
                    ..b
                };
                assert!(
                    box_within(&water.outline, &band),
                    "{case}: {}'s name sticks out of the lake",
                    water.label
                );
            }
            boxes.push((water.label.clone(), b));
        }
        let markers = scene.marker_boxes();
        for (i, (name, b)) in boxes.iter().enumerate() {
            for (other, c) in &boxes[i + 1..] {
                assert!(!b.overlaps(c), "{case}: {name} overlaps {other}");
            }
            for m in markers.iter().chain(&keep_out) {
                assert!(!b.overlaps(m), "{case}: {name} covers {m:?}");
            }
            let inside_map = b.center.x - b.width / 2.0 >= 0.0
                && b.center.x + b.width / 2.0 <= scene.width
                && b.center.y - b.height / 2.0 >= 0.0
                && b.center.y + b.height / 2.0 <= scene.height;
            assert!(inside_map, "{case}: {name} leaves the map");
        }
    }
}

#[test]
fn on_a_laptop_or_wider_every_county_is_named_wholly_inside_itself() {
    let bundle = bundle();
    let layer = layer(&bundle);
    for (case, scene, _) in scenes(&bundle, &layer).filter(|(_, s, _)| s.width >= 1280.0) {
        for county in &scene.counties {
            let b = county
                .label_box
                .unwrap_or_else(|| panic!("{case}: {} has no label", county.label));
            assert!(
                box_within(&county.outline, &b),
                "{case}: {} sticks out of its county",
                county.label
            );
        }
    }
}

#[test]
fn the_plan_places_and_the_bases_stand_in_their_counties() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let wuxi = DrillScene::new(
        &bundle,
        &layer,
        "320200",
        (1280.0, 760.0),
        Lang::Zh,
        14.0,
        &[],
    )
    .expect("无锡");
    let suzhou = DrillScene::new(
        &bundle,
        &layer,
        "320500",
        (1280.0, 760.0),
        Lang::Zh,
        14.0,
        &[],
    )
    .expect("苏州");
    assert_eq!(
        suzhou
            .places
            .iter()
            .map(|p| p.host.as_str())
            .collect::<Vec<_>>(),
        ["320583"],
        "昆山 on 苏州's map"
    );
    assert_eq!(
        wuxi.places
            .iter()
            .map(|p| p.host.as_str())
            .collect::<Vec<_>>(),
        ["320282"],
        "宜兴 on 无锡's map"
    );
    assert_eq!(wuxi.bases.len(), 2, "无锡's two bases");
    for marker in wuxi.places.iter().chain(&wuxi.bases).chain(&suzhou.places) {
        let scene = if suzhou.places.contains(marker) {
            &suzhou
        } else {
            &wuxi
        };
        let home = scene
            .counties
            .iter()
            .find(|c| c.adcode == marker.host)
            .expect("its county is drawn");
        let at = Coord {
            x: marker.point.x,
            y: marker.point.y,
        };
        assert!(
            home.outline.contains(&at),
            "{} outside {}",
            marker.key,
            home.label
        );
    }
    let boxes = wuxi.marker_boxes();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "无锡's markers {a:?} and {b:?} overlap");
        }
    }
    let kunshan = suzhou
        .counties
        .iter()
        .find(|c| c.adcode == "320583")
        .expect("昆山");
    assert_eq!(kunshan.label, "昆山");
}

/// The index in the scene's water of the lake named `zh` in the bundle.
fn lake(bundle: &Bundle, zh: &str) -> usize {
    bundle
        .water
        .features
        .iter()
        .position(|f| f.properties.name(Lang::Zh) == Some(zh))
        .unwrap_or_else(|| panic!("the bundle has {zh}"))
}

/// Whether some of `water`'s outline lies inside the `scene`'s viewport.
fn in_view(scene: &DrillScene, water: &atlas_core::draw::scene::WaterShape) -> bool {
    water
        .outline
        .iter()
        .flat_map(|p| p.exterior().0.iter())
        .any(|c| (0.0..=scene.width).contains(&c.x) && (0.0..=scene.height).contains(&c.y))
}

#[test]
fn drilled_cities_draw_and_name_their_lakes() {
    let bundle = bundle();
    let layer = layer(&bundle);
    // The city, its lakes drawn and named in Chinese, and the one named in English too (阳澄湖's
    // "Yangcheng" is wider than the lake at this size, so it goes unnamed in English).
    let cases = [
        ("320500", &["太湖", "阳澄湖"][..], ("太湖", "Taihu")),
        ("320200", &["太湖"][..], ("太湖", "Taihu")),
        ("320800", &["洪泽湖"][..], ("洪泽湖", "Hongze")),
        ("321000", &["高邮湖"][..], ("高邮湖", "Gaoyou")),
    ];
    let (w, h) = (1280.0, 760.0);
    let keep_out = overlays(w, h);
    for (city, lakes, (big, english)) in cases {
        let scene = DrillScene::new(&bundle, &layer, city, (w, h), Lang::Zh, 14.0, &keep_out)
            .expect("a city of the bundle");
        for zh in lakes {
            let water = &scene.water[lake(&bundle, zh)];
            assert!(!water.path.is_empty(), "{city}: {zh} has a path");
            assert!(in_view(&scene, water), "{city}: {zh} is in view");
            assert!(water.label_box.is_some(), "{city}: {zh} is named");
            assert_eq!(&water.label, zh);
        }
        let scene = DrillScene::new(&bundle, &layer, city, (w, h), Lang::En, 14.0, &keep_out)
            .expect("a city of the bundle");
        let water = &scene.water[lake(&bundle, big)];
        assert!(water.label_box.is_some(), "{city}: {english} is named");
        assert!(water.label.starts_with(english), "{city}: {}", water.label);
    }
    let xuzhou =
        DrillScene::new(&bundle, &layer, "320300", (w, h), Lang::Zh, 14.0, &[]).expect("徐州");
    let taihu = &xuzhou.water[lake(&bundle, "太湖")];
    assert!(!in_view(&xuzhou, taihu), "太湖 is far off 徐州");
    assert!(taihu.label_box.is_none(), "and not named there");
}
