//! Labels on the real bundle at the sizes people use — a 320 px phone, 1280×800 at 200 % zoom
//! (640×400), a laptop and a full-HD screen — in both languages: each inside its own city, clear
//! of every other label and of the boxes that overlay the map (the legend and the credit line).

use atlas_core::labels::LabelBox;
use atlas_core::scene::{Scene, explorer_label_font};
use atlas_core::{Bundle, Lang};
use geo::{Contains, Coord};

fn bundle() -> Bundle {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    let text = std::fs::read_to_string(path).expect("the committed bundle is readable");
    Bundle::from_json(&text).expect("loads")
}

/// The overlays as the stylesheet lays them out on a `width` × `height` map: the credit line along
/// the bottom, and the legend at the bottom left (top right on narrow screens), at the largest size
/// either legend (three zones, or five roles and bases) takes.
fn overlays(width: f64, height: f64) -> Vec<LabelBox> {
    let credit = LabelBox::from_corner(0.0, height - 24.0, width, 24.0);
    let legend = if width > 700.0 {
        LabelBox::from_corner(12.0, height - 32.0 - 150.0, 150.0, 150.0)
    } else {
        LabelBox::from_corner(width - 8.0 - 120.0, 8.0, 120.0, 130.0)
    };
    vec![credit, legend]
}

const SIZES: [(f64, f64); 4] = [
    (320.0, 400.0),
    (640.0, 400.0),
    (1280.0, 800.0),
    (1920.0, 1080.0),
];

#[test]
fn every_label_sits_inside_its_city_clear_of_the_others_and_of_the_overlays() {
    let bundle = bundle();
    for (w, h) in SIZES {
        for lang in [Lang::Zh, Lang::En] {
            let keep_out = overlays(w, h);
            let scene = Scene::new(&bundle, w, h, lang, explorer_label_font(w, h), &keep_out);
            let mut boxes = Vec::new();
            for city in &scene.cities {
                let Some(b) = city.label_box else { continue };
                let centre = Coord {
                    x: b.center.x,
                    y: b.center.y,
                };
                assert!(
                    city.outline.contains(&centre),
                    "{w}x{h} {lang:?}: {}'s label at {centre:?} is outside it",
                    city.label
                );
                boxes.push((city.label.clone(), b));
            }
            for place in &scene.places {
                let Some(b) = place.label_box else { continue };
                let home = bundle.place(&place.adcode).expect("a place of the bundle");
                let city = scene
                    .cities
                    .iter()
                    .find(|c| c.adcode == home.city)
                    .expect("its city");
                let centre = Coord {
                    x: b.center.x,
                    y: b.center.y,
                };
                assert!(
                    city.outline.contains(&centre),
                    "{w}x{h} {lang:?}: {} outside {}",
                    place.label,
                    city.label
                );
                boxes.push((place.label.clone(), b));
            }
            for (i, (name, a)) in boxes.iter().enumerate() {
                for (other, b) in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{w}x{h} {lang:?}: {name} overlaps {other}");
                }
                for k in &keep_out {
                    assert!(!a.overlaps(k), "{w}x{h} {lang:?}: {name} under {k:?}");
                }
                assert!(
                    a.center.x - a.width / 2.0 >= 0.0 && a.center.x + a.width / 2.0 <= w,
                    "{name} leaves the map"
                );
            }
            let labelled = scene
                .cities
                .iter()
                .filter(|c| c.label_box.is_some())
                .count();
            let whole: Vec<_> = scene
                .cities
                .iter()
                .filter_map(|c| {
                    let b = c.label_box?;
                    let (x, y, dx, dy) = (b.center.x, b.center.y, b.width / 2.0, b.height / 2.0);
                    if [
                        (x - dx, y - dy),
                        (x + dx, y - dy),
                        (x + dx, y + dy),
                        (x - dx, y + dy),
                    ]
                    .iter()
                    .all(|&(x, y)| c.outline.contains(&Coord { x, y }))
                    {
                        None
                    } else {
                        Some(c.label.clone())
                    }
                })
                .collect();
            eprintln!(
                "{w}x{h} {lang:?}: {labelled} of 13 cities labelled, font {}, spilling {whole:?}",
                scene.label_font
            );
        }
    }
}
