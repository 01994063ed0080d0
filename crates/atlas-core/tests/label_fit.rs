//! Labels on the real bundle at the sizes people use — a 320 px phone, 1280×800 at 200 % zoom
//! (640×400), a laptop and a full-HD screen — in both languages: each inside its own city, clear
//! of every other label and of the boxes that overlay the map (the legend and the credit line).

use atlas_core::Lang;
use atlas_core::draw::labels::LabelBox;
use atlas_core::draw::scene::{Scene, explorer_label_font};
use geo::{Contains, Coord};

mod committed_bundle;
use committed_bundle::bundle;

/// What may cover a `width` × `height` map: the legend where the stylesheet puts it (bottom left,
/// top right on narrow screens) at the largest size either legend takes (three zones, or five
/// roles and bases), and a credit band along the bottom (the credit line is laid out under the
/// map, but any band the page measures must be kept clear of).
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

/// Whether the whole box lies inside the shape: its corners do.
fn box_inside(outline: &geo::MultiPolygon, b: &LabelBox) -> bool {
    let (dx, dy) = (b.width / 2.0, b.height / 2.0);
    [(-dx, -dy), (dx, -dy), (dx, dy), (-dx, dy)]
        .iter()
        .all(|(ox, oy)| {
            outline.contains(&Coord {
                x: b.center.x + ox,
                y: b.center.y + oy,
            })
        })
}

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
                if w >= 1280.0 {
                    assert!(
                        box_inside(&city.outline, &b),
                        "{w}x{h} {lang:?}: {}'s label spills out of it",
                        city.label
                    );
                }
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
                let left = a.center.x - a.width / 2.0;
                let right = a.center.x + a.width / 2.0;
                assert!(left >= 0.0 && right <= w, "{w}x{h}: {name} leaves the map");
            }
            let labelled = scene
                .cities
                .iter()
                .filter(|c| c.label_box.is_some())
                .count();
            let expected = if w >= 1280.0 { 13 } else { 12 };
            assert!(
                labelled >= expected,
                "{w}x{h} {lang:?}: only {labelled} of 13 cities labelled"
            );
        }
    }
}

#[test]
fn the_label_font_shrinks_with_the_map_to_no_less_than_11_px() {
    assert_eq!(explorer_label_font(1280.0, 800.0), 14.0);
    assert_eq!(explorer_label_font(320.0, 400.0), 11.0);
    let mid = explorer_label_font(640.0, 480.0);
    assert!(mid > 11.0 && mid < 14.0, "{mid}");
}

/// The label geometry a map keeps (`LabelGeometry`, laid once per size) gives the labels a fresh
/// run gives, through language switches and back, and a cache kept for another size is never read
/// for this one (the font is clamped, so two sizes can share it).
#[test]
fn kept_label_geometry_labels_as_a_fresh_run_does() {
    use atlas_core::draw::scene::LabelGeometry;
    let b = bundle();
    let (width, height) = (1280.0, 800.0);
    let font = explorer_label_font(width, height);
    let scene = Scene::project(&b, width, height);
    let kept = LabelGeometry::new(&scene, font);
    let keep_out = overlays(width, height);
    for lang in [Lang::Zh, Lang::En, Lang::Zh, Lang::En] {
        assert_eq!(
            scene.labelled_with(&b, lang, font, &keep_out, &kept),
            scene.labelled(&b, lang, font, &keep_out),
            "{lang:?}"
        );
    }
    let other = Scene::project(&b, 1200.0, 760.0);
    assert_eq!(
        explorer_label_font(1200.0, 760.0),
        font,
        "the two sizes share a font"
    );
    assert_eq!(
        other.labelled_with(&b, Lang::Zh, font, &keep_out, &kept),
        other.labelled(&b, Lang::Zh, font, &keep_out),
        "a cache kept for 1280×800 is not read for 1200×760"
    );
}
