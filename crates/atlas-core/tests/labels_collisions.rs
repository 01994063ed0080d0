//! Label placement on the real bundle: at the four widths the atlas is tested at, with the
//! explorer's and the projector's type, in Chinese and English, no two drawn labels (cities,
//! county-level places, lakes) overlap, none covers a place or base marker, none leaves the map
//! or lies under the legend or the credit line, and a lake's name lies inside its lake (the
//! Yangtze's on the channel drawn for it).

use atlas_core::Lang;
use atlas_core::draw::labels::{LabelBox, text_width};
use atlas_core::draw::scene::{
    BASE_MARKER_SIZE, Scene, explorer_label_font, marker_reach, projector_label_font,
};
use atlas_core::geo::projection::ScreenPoint;
use atlas_core::model::bundle::WaterKind;
use geo::{Contains, Coord};

mod committed_bundle;
use committed_bundle::bundle;

/// A map size, its label font, and the legend's and credit line's boxes over it (as the app
/// measures them: the legend at the bottom left, the credit line along the bottom).
struct Case {
    name: &'static str,
    width: f64,
    height: f64,
    font: f64,
}

impl Case {
    fn keep_out(&self) -> Vec<LabelBox> {
        vec![
            LabelBox::from_corner(12.0, self.height - 150.0, 110.0, 140.0),
            LabelBox::from_corner(0.0, self.height - 18.0, self.width, 18.0),
        ]
    }
}

fn cases() -> Vec<Case> {
    let explorer = |name, width, height| Case {
        name,
        width,
        height,
        font: explorer_label_font(width, height),
    };
    let projector = |name, width, height, screen| Case {
        name,
        width,
        height,
        font: projector_label_font(screen),
    };
    vec![
        explorer("320 px phone", 320.0, 400.0),
        explorer("768 px tablet", 768.0, 620.0),
        explorer("1280 px laptop", 928.0, 700.0),
        explorer("1920 px screen", 1568.0, 980.0),
        projector("projector 1024×768", 560.0, 560.0, 768.0),
        projector("projector 1280×800", 720.0, 600.0, 800.0),
        projector("projector 1920×1080", 1090.0, 880.0, 1080.0),
        projector("projector on a 320 px phone", 300.0, 380.0, 640.0),
    ]
}

/// Every label drawn, with what it says.
fn drawn_labels(scene: &Scene) -> Vec<(String, LabelBox)> {
    let cities = scene.cities.iter().map(|c| (&c.label, c.label_box));
    let places = scene.places.iter().map(|p| (&p.label, p.label_box));
    let water = scene.water.iter().map(|w| (&w.label, w.label_box));
    cities
        .chain(places)
        .chain(water)
        .filter_map(|(text, b)| Some((text.clone(), b?)))
        .collect()
}

/// Every marker drawn: each place's circle and each base's diamond (all bases: an industry shows
/// some of them, and the labels do not move when it does), with its stroke.
fn markers(scene: &Scene) -> Vec<LabelBox> {
    let square = |center, half: f64| LabelBox {
        center,
        width: 2.0 * half,
        height: 2.0 * half,
    };
    scene
        .places
        .iter()
        .map(|p| square(p.point, marker_reach(scene.width) + 1.0))
        .chain(
            scene
                .bases
                .iter()
                .map(|&b| square(b, BASE_MARKER_SIZE + 0.75)),
        )
        .collect()
}

/// Asserts that no two markers share a pixel, each with its stroke: a place's circle, a base's
/// diamond (the shapes themselves, measured with geo's distances).
fn assert_markers_apart(scene: &Scene, where_: &str) {
    use geo::{Distance, Euclidean, Point, Polygon, polygon};
    let diamond = |b: &ScreenPoint| -> Polygon {
        let r = BASE_MARKER_SIZE + 0.75;
        polygon![(x: b.x, y: b.y - r), (x: b.x + r, y: b.y), (x: b.x, y: b.y + r), (x: b.x - r, y: b.y)]
    };
    let circle = marker_reach(scene.width) + 1.0;
    let places: Vec<Point> = scene
        .places
        .iter()
        .map(|p| Point::new(p.point.x, p.point.y))
        .collect();
    let bases: Vec<Polygon> = scene.bases.iter().map(diamond).collect();
    for (i, a) in places.iter().enumerate() {
        for b in &places[i + 1..] {
            assert!(
                Euclidean.distance(a, b) >= 2.0 * circle,
                "{where_}: places at {a:?} and {b:?} overlap"
            );
        }
        for d in &bases {
            assert!(
                Euclidean.distance(a, d) >= circle,
                "{where_}: a base covers the place at {a:?}"
            );
        }
    }
    for (i, a) in bases.iter().enumerate() {
        for b in &bases[i + 1..] {
            assert!(
                Euclidean.distance(a, b) > 0.0,
                "{where_}: two bases overlap near {:?}",
                a.exterior().0[0]
            );
        }
    }
}

#[test]
fn no_label_overlaps_another_or_a_marker_or_the_overlays_at_any_size_or_language() {
    let bundle = bundle();
    for case in cases() {
        for lang in [Lang::Zh, Lang::En] {
            let keep_out = case.keep_out();
            let scene = Scene::new(&bundle, case.width, case.height, lang, case.font, &keep_out);
            let where_ = format!("{} ({:?})", case.name, lang);
            let labels = drawn_labels(&scene);
            let cities = scene
                .cities
                .iter()
                .filter(|c| c.label_box.is_some())
                .count();
            // A projector's type on a phone leaves room for fewer names; a label with no room is
            // left out (the city keeps its accessible name).
            let least = if case.font > 2.0 * case.width / 40.0 {
                6
            } else {
                9
            };
            assert!(cities >= least, "{where_}: only {cities} cities labelled");
            // No marker covers another: a base standing at a place's point (宜兴's park) is drawn
            // beside the place's circle.
            assert_markers_apart(&scene, &where_);
            for (i, (text, a)) in labels.iter().enumerate() {
                let (left, top) = (a.center.x - a.width / 2.0, a.center.y - a.height / 2.0);
                assert!(
                    left >= 0.0
                        && top >= 0.0
                        && left + a.width <= case.width
                        && top + a.height <= case.height,
                    "{where_}: {text} leaves the map"
                );
                for overlay in &keep_out {
                    assert!(!a.overlaps(overlay), "{where_}: {text} is under an overlay");
                }
                for (other, b) in &labels[i + 1..] {
                    assert!(!a.overlaps(b), "{where_}: {text} overlaps {other}");
                }
                for m in markers(&scene) {
                    assert!(
                        !a.overlaps(&m),
                        "{where_}: {text} covers a marker at {:?}",
                        m.center
                    );
                }
            }
        }
    }
}

#[test]
fn the_base_marker_of_taizhou_is_clear_of_its_label() {
    let bundle = bundle();
    let base = bundle
        .bases
        .iter()
        .position(|b| b.city == "321200")
        .expect("泰州 has a base");
    for lang in [Lang::Zh, Lang::En] {
        let scene = Scene::new(&bundle, 928.0, 700.0, lang, 14.0, &[]);
        let taizhou = scene
            .cities
            .iter()
            .find(|c| c.adcode == "321200")
            .and_then(|c| c.label_box)
            .expect("泰州 is labelled");
        let marker = LabelBox {
            center: scene.bases[base],
            width: 2.0 * BASE_MARKER_SIZE,
            height: 2.0 * BASE_MARKER_SIZE,
        };
        assert!(
            !taizhou.overlaps(&marker),
            "{lang:?}: {taizhou:?} covers {marker:?}"
        );
    }
}

#[test]
fn the_major_lakes_are_named_inside_their_lakes_and_the_yangtze_on_its_channel() {
    let bundle = bundle();
    for (width, height) in [(928.0, 700.0), (1568.0, 980.0)] {
        for lang in [Lang::Zh, Lang::En] {
            let scene = Scene::new(&bundle, width, height, lang, 14.0, &[]);
            let named: Vec<&str> = scene
                .water
                .iter()
                .filter(|w| w.label_box.is_some())
                .map(|w| w.label.as_str())
                .collect();
            let expected = match lang {
                Lang::Zh => ["太湖", "洪泽湖", "长江"],
                Lang::En => ["Taihu", "Hongze", "Yangtze"],
            };
            for lake in expected {
                assert!(
                    named.iter().any(|n| n.starts_with(lake)),
                    "{width} px {lang:?}: {lake} not named in {named:?}"
                );
            }
            for w in scene.water.iter().filter(|w| w.kind == WaterKind::Lake) {
                let Some(b) = w.label_box else { continue };
                let (dx, dy) = (b.width / 2.0, b.height / 2.0);
                for (x, y) in [(-dx, -dy), (dx, -dy), (dx, dy), (-dx, dy), (0.0, 0.0)] {
                    let corner = Coord {
                        x: b.center.x + x,
                        y: b.center.y + y,
                    };
                    assert!(
                        w.outline.contains(&corner),
                        "{}: not inside its lake",
                        w.label
                    );
                }
                assert!(b.width >= text_width(&w.label, scene.label_font * 0.8));
            }
        }
    }
}

#[test]
fn placement_is_deterministic() {
    let bundle = bundle();
    let a = Scene::new(&bundle, 1280.0, 900.0, Lang::En, 14.0, &[]);
    let b = Scene::new(&bundle, 1280.0, 900.0, Lang::En, 14.0, &[]);
    assert_eq!(a, b);
}

/// The county-level places keep their names beside their markers however large the markers are
/// drawn (宜兴 and 昆山 lost theirs once to a marker's reach measured from a label's width).
#[test]
fn places_keep_their_labels_beside_role_sized_markers() {
    let bundle = bundle();
    for case in cases().iter().filter(|c| c.width >= 700.0) {
        for lang in [Lang::Zh, Lang::En] {
            let scene = Scene::new(
                &bundle,
                case.width,
                case.height,
                lang,
                case.font,
                &case.keep_out(),
            );
            for place in &scene.places {
                assert!(
                    place.label_box.is_some(),
                    "{} {lang:?}: {} has no label",
                    case.name,
                    place.label
                );
            }
        }
    }
}
