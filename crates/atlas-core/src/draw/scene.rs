//! What the map draws at a given size: projected outlines and placed labels.
//!
//! The app recomputes a scene whenever the map's container, or what overlays it (the legend, the
//! credit line), changes size; everything here is pure, so the same scene is tested natively
//! against the real bundle.

use geo::{LineString, MultiPolygon, Polygon};

use crate::draw::labels::{LabelBox, LabelRequest, place_labels, spots_beside, text_width};
use crate::draw::scale_bar::ScaleBar;
use crate::geo::projection::{MAP_PADDING, Projection, ScreenPoint};
use crate::geo::svg_path::svg_path;
use crate::model::bundle::Bundle;
use crate::model::facts::Role;
use crate::model::geojson_shape;
use crate::model::i18n::Lang;
use crate::model::sort;

mod label_geometry;
pub(crate) mod water;
mod water_names;

pub use label_geometry::LabelGeometry;
pub use water::{ChannelPiece, WaterShape};
pub(crate) use water_names::WaterNames;

/// Font size of city labels in the explorer, px.
pub const LABEL_FONT_PX: f64 = 14.0;

/// The smallest font size of city labels in the explorer, px, on the narrowest maps (a 320 px phone).
pub const MIN_LABEL_FONT_PX: f64 = 11.0;

/// The shorter side of a map, px, from which the explorer's labels take their full size.
const FULL_LABEL_FONT_SIDE: f64 = 560.0;

/// The largest font size of city labels in the explorer, px, on a 4K screen's map.
pub const MAX_LABEL_FONT_PX: f64 = 24.0;

/// The map width, px, up to which the explorer's labels keep [`LABEL_FONT_PX`] (the map of a
/// 1280 px wide window and less), and the width at which they reach [`MAX_LABEL_FONT_PX`] (the
/// map of a 3840 px wide window).
const GROWING_LABEL_WIDTHS: (f64, f64) = (1280.0, 3488.0);

/// How many times its height a map may be wide and still count its whole width when its labels
/// grow: a wide, short strip keeps the size its height allows.
const GROWING_LABEL_ASPECT: f64 = 1.8;

/// The label size for the explorer on a `width` × `height` map: 14 px once its shorter side is
/// 560 px or more, scaled down with the map to no less than 11 px, so that small cities on a phone
/// or at 200 % zoom still hold their names; and on maps wider than 1280 px, growing with the map
/// up to 24 px at 3,488 px, so that type keeps its share of a large screen's map.
pub fn explorer_label_font(width: f64, height: f64) -> f64 {
    let small = (LABEL_FONT_PX * width.min(height) / FULL_LABEL_FONT_SIDE)
        .clamp(MIN_LABEL_FONT_PX, LABEL_FONT_PX);
    let (from, to) = GROWING_LABEL_WIDTHS;
    let size = width.min(height * GROWING_LABEL_ASPECT);
    if small < LABEL_FONT_PX || size <= from {
        return small;
    }
    let grown = LABEL_FONT_PX + (MAX_LABEL_FONT_PX - LABEL_FONT_PX) * (size - from) / (to - from);
    (grown.min(MAX_LABEL_FONT_PX) * 10.0).round() / 10.0
}

/// Font size of city labels on a projector at 1080 pixels high, px.
pub const PROJECTOR_LABEL_FONT_PX: f64 = 28.0;

/// The label size for the projector theme on a screen `height` pixels high: 28 px at 1080 and
/// above, scaled down to no less than 18 px on smaller screens.
pub fn projector_label_font(height: f64) -> f64 {
    (PROJECTOR_LABEL_FONT_PX * height / 1080.0).clamp(18.0, PROJECTOR_LABEL_FONT_PX)
}

/// Screens narrower than this, px, are phones: a slide there shows its map across the width with
/// the text under it (assets/css/views/80-presenter.css), and its labels are sized for that map, not
/// for a projector.
pub const PHONE_SLIDE_WIDTH: f64 = 640.0;

/// The label size on a slide: the projector's for a `screen` (width, height) as wide as a
/// projector's at least, else (a phone) the explorer's for a `map` (width, height) that size, so
/// that a 390 px phone's slide labels its cities at 11–14 px, not at the projector's 18–28 px,
/// which would cover the coast of a map that small.
pub fn slide_label_font(screen: (f64, f64), map: (f64, f64)) -> f64 {
    if screen.0 < PHONE_SLIDE_WIDTH {
        explorer_label_font(map.0, map.1)
    } else {
        projector_label_font(screen.1)
    }
}

/// One city as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CityShape {
    /// The city's adcode.
    pub adcode: String,
    /// The city's zone id.
    pub zone: String,
    /// SVG path data of its outline.
    pub path: String,
    /// The label text.
    pub label: String,
    /// Where its label goes, or `None` when there is no room for it.
    pub label_box: Option<LabelBox>,
    /// Its outline in screen pixels, the shape its label stays inside.
    pub outline: MultiPolygon,
}

/// A county-level place as drawn: a marker with a label beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMarker {
    /// The place's adcode.
    pub adcode: String,
    /// Where the marker goes.
    pub point: ScreenPoint,
    /// The label text.
    pub label: String,
    /// Where its label goes, or `None` when there is no room for it.
    pub label_box: Option<LabelBox>,
}

/// Half the diagonal of a base's diamond marker, px.
pub const BASE_MARKER_SIZE: f64 = 7.0;

/// SVG path data of a base's diamond marker at `at`, for the live map and the export alike.
pub fn base_marker_path(at: ScreenPoint) -> String {
    let (x, y, r) = (at.x, at.y, BASE_MARKER_SIZE);
    format!(
        "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z",
        y - r,
        x + r,
        y + r,
        x - r
    )
}

/// Where a base's marker goes: at `at`, or, when a place's marker is there already (a base whose
/// position is approximate stands at its host's point, as 宜兴's park does), just right of it, so
/// that neither marker covers the other. The province map, the drilled map and the exports all
/// place bases with this.
/// `marker_radius` is the largest radius the places' markers take.
pub fn base_point(at: ScreenPoint, places: &[ScreenPoint], marker_radius: f64) -> ScreenPoint {
    let reach = marker_radius + BASE_MARKER_SIZE + 3.0;
    match places
        .iter()
        .find(|p| (p.x - at.x).hypot(p.y - at.y) < reach)
    {
        Some(place) => ScreenPoint {
            x: place.x + reach,
            y: place.y,
        },
        None => at,
    }
}

/// Radius of a place marker the topic does not name (or when the map is coloured by zone), px.
pub const MARKER_RADIUS: f64 = 6.0;

/// Radius of the largest place marker, px: a signature or focus place (宜兴 in 节能环保), 21 px
/// across, as prominent as the role deserves beside the cities it sits among. Labels keep clear
/// of a marker this size whatever the topic, so they stay put when the industry changes.
pub const MAX_MARKER_RADIUS: f64 = 10.5;

/// Radius of a supporting or pilot place's marker, px.
pub const MID_MARKER_RADIUS: f64 = 8.5;

/// Maps narrower than this, px (the overview's small multiples, a phone's), draw every place
/// marker at [`MARKER_RADIUS`]: there a larger marker would cover its city and the labels.
pub const PROMINENT_MARKERS_FROM: f64 = 480.0;

/// Radius of a county-level place's marker under a topic (`None` by zone, `Some(None)` not
/// named) on a map `map_width` px wide: the stronger its role, the larger, so a focus place
/// reads as one on the province map, its role's fill and mark showing inside.
pub fn place_radius(role: Option<Option<Role>>, map_width: f64) -> f64 {
    if map_width < PROMINENT_MARKERS_FROM {
        return MARKER_RADIUS;
    }
    match role.flatten() {
        Some(Role::Signature | Role::Focus) => MAX_MARKER_RADIUS,
        Some(Role::Support | Role::Pilot) => MID_MARKER_RADIUS,
        None => MARKER_RADIUS,
    }
}

/// The largest radius a place marker takes on a map `map_width` px wide under any topic: what
/// labels keep clear of, so that they stay put when the industry changes.
pub fn marker_reach(map_width: f64) -> f64 {
    place_radius(Some(Some(Role::Signature)), map_width)
}

/// One zone outline as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneShape {
    /// The zone's id.
    pub id: String,
    /// SVG path data of its outline.
    pub path: String,
}

/// Everything the map draws for one viewport size.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width of the viewport, px.
    pub width: f64,
    /// Font size of the city labels, px (county-level labels are 0.9 of it).
    pub label_font: f64,
    /// Height of the viewport, px.
    pub height: f64,
    /// Cities in bundle order.
    pub cities: Vec<CityShape>,
    /// Zone outlines in bundle order.
    pub zones: Vec<ZoneShape>,
    /// County-level place markers in bundle order.
    pub places: Vec<PlaceMarker>,
    /// Where each base's marker goes, in bundle order.
    pub bases: Vec<ScreenPoint>,
    /// Lakes and rivers in bundle order, drawn over the cities and under everything else.
    pub water: Vec<WaterShape>,
    /// The river carried on from where its data stops to the sea (see `scene::water`).
    pub channel: Vec<ChannelPiece>,
    /// The scale bar in the bottom-right corner, which labels keep clear of.
    pub scale_bar: Option<ScaleBar>,
}

/// The scale bar's label size relative to the explorer's label size for the map.
pub const SCALE_BAR_FONT_SCALE: f64 = 0.85;

/// The least gap between a city's label and a county-level place's name over, under or beside
/// it, in ems of the city label's size: with the boxes' own padding, about one line of space, so
/// that “苏州” and “昆山 ○” read as two names, not one string.
pub const STACK_GAP_EMS: f64 = 0.8;

/// Font size of lake names relative to the city labels.
pub const WATER_LABEL_SCALE: f64 = 0.8;

/// A map label: the Chinese name without its 市, or the English name.
fn label_text(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.strip_suffix('市').unwrap_or(zh).to_string(),
        Lang::En => en.to_string(),
    }
}

/// A boundary projected to screen pixels, as a shape to test label positions against (the
/// province's cities and a drilled city's counties alike).
pub fn screen_outline(
    geometry: &geojson_shape::MultiPolygon,
    projection: &Projection,
) -> MultiPolygon {
    let ring = |ring: &geojson_shape::Ring| {
        LineString::from(
            ring.iter()
                .map(|&position| {
                    let p = projection.project(position);
                    (p.x, p.y)
                })
                .collect::<Vec<_>>(),
        )
    };
    MultiPolygon::new(
        geometry
            .coordinates
            .iter()
            .filter_map(|rings| {
                let (exterior, holes) = rings.split_first()?;
                Some(Polygon::new(
                    ring(exterior),
                    holes.iter().map(ring).collect(),
                ))
            })
            .collect(),
    )
}

impl Scene {
    /// Projects the bundle into a `width` × `height` viewport and places the labels in `lang` at
    /// `font_px`, clear of the `keep_out` boxes (see [`Scene::project`] and [`Scene::labelled`]).
    pub fn new(
        bundle: &Bundle,
        width: f64,
        height: f64,
        lang: Lang,
        font_px: f64,
        keep_out: &[LabelBox],
    ) -> Scene {
        Scene::project(bundle, width, height).labelled(bundle, lang, font_px, keep_out)
    }

    /// The geometry alone, without labels: what depends on the viewport's size only. The app
    /// keeps it while the language, the industry or the selection change, so those never
    /// re-project a path.
    pub fn project(bundle: &Bundle, width: f64, height: f64) -> Scene {
        let projection = Projection::fit(bundle.bounds, width, height, MAP_PADDING);
        let cities = bundle
            .city_boundaries
            .features
            .iter()
            .filter_map(|f| {
                let city = bundle.city(&f.properties.adcode)?;
                Some(CityShape {
                    adcode: city.adcode.clone(),
                    zone: city.zone.clone(),
                    path: svg_path(&f.geometry, &projection),
                    label: String::new(),
                    label_box: None,
                    outline: screen_outline(&f.geometry, &projection),
                })
            })
            .collect();
        let places: Vec<PlaceMarker> = bundle
            .places
            .iter()
            .map(|p| PlaceMarker {
                adcode: p.adcode.clone(),
                point: projection.project(p.point),
                label: String::new(),
                label_box: None,
            })
            .collect();
        let zones = bundle
            .zone_outlines
            .features
            .iter()
            .map(|f| ZoneShape {
                id: f.properties.id.clone(),
                path: svg_path(&f.geometry, &projection),
            })
            .collect();
        let place_points: Vec<ScreenPoint> = places.iter().map(|p| p.point).collect();
        let bases = bundle
            .bases
            .iter()
            .map(|b| {
                base_point(
                    projection.project(b.point),
                    &place_points,
                    marker_reach(width),
                )
            })
            .collect();
        let water = water::water_shapes(&bundle.water, &projection);
        let channel = water::channel(bundle, &projection, &water);
        let scale_font = explorer_label_font(width, height) * SCALE_BAR_FONT_SCALE;
        let scale_bar = ScaleBar::fit(&projection, width, height, scale_font);
        Scene {
            width,
            label_font: 0.0,
            height,
            cities,
            zones,
            places,
            bases,
            water,
            channel,
            scale_bar,
        }
    }

    /// This geometry with its labels in `lang` at `font_px`, clear of the `keep_out` boxes and
    /// of every place and base marker: the county-level places beside their markers, inside
    /// their cities, then the cities largest first, each inside its outline, then the lakes'
    /// names wholly inside their lakes and the river's on its channel. No two labels overlap (`labels::place_labels`).
    pub fn labelled(
        &self,
        bundle: &Bundle,
        lang: Lang,
        font_px: f64,
        keep_out: &[LabelBox],
    ) -> Scene {
        let kept = LabelGeometry::new(self, font_px);
        self.labelled_with(bundle, lang, font_px, keep_out, &kept)
    }

    /// [`Scene::labelled`], taking the search grids and the water's names from `kept` (laid
    /// there on first use) when it was made for this scene at `font_px`: a map keeps one per
    /// size, so a change of industry, selection, legend or language lays none of them again.
    pub fn labelled_with(
        &self,
        bundle: &Bundle,
        lang: Lang,
        font_px: f64,
        keep_out: &[LabelBox],
        kept: &LabelGeometry,
    ) -> Scene {
        let fresh;
        let kept = if kept.fits(self, font_px) {
            kept
        } else {
            fresh = LabelGeometry::new(self, font_px);
            &fresh
        };
        let mut scene = self.clone();
        scene.label_font = font_px;
        for shape in &mut scene.cities {
            shape.label = bundle
                .city(&shape.adcode)
                .map_or_else(String::new, |c| label_text(&c.name_zh, &c.name_en, lang));
            shape.label_box = None;
        }
        for marker in &mut scene.places {
            marker.label = bundle
                .place(&marker.adcode)
                .map_or_else(String::new, |p| label_text(&p.name_zh, &p.name_en, lang));
            marker.label_box = None;
        }
        let (width, height) = (scene.width, scene.height);
        // The map's width, named apart from the labels' widths below.
        let scene_width = width;
        let projection = Projection::fit(bundle.bounds, width, height, MAP_PADDING);
        let cities = &mut scene.cities;
        let places = &mut scene.places;
        let mut order: Vec<usize> = (0..cities.len()).collect();
        let area = |i: &usize| bundle.city(&cities[*i].adcode).map_or(0.0, |c| c.area_km2);
        sort::sort_by(&mut order, |a, b| area(b).total_cmp(&area(a)));
        let line_height = font_px * 1.3;
        let city_requests: Vec<LabelRequest> = order
            .iter()
            .map(|&i| {
                let anchor = bundle
                    .city(&cities[i].adcode)
                    .map_or([0.0, 0.0], |c| c.label_point);
                LabelRequest {
                    spots: vec![projection.project(anchor)],
                    search_step: Some(line_height / 3.0),
                    grid: Some(&kept.grids[i]),
                    width: text_width(&cities[i].label, font_px) + 4.0,
                    height: line_height,
                    home: &cities[i].outline,
                    // Never right over, under or beside a place's name (“苏州 / 昆山 ○”).
                    stack_gap: font_px * STACK_GAP_EMS,
                }
            })
            .collect();
        // A county-level place's label belongs inside the city it is part of.
        let place_homes: Vec<Option<&MultiPolygon>> = bundle
            .places
            .iter()
            .map(|p| {
                cities
                    .iter()
                    .find(|c| c.adcode == p.city)
                    .map(|c| &c.outline)
            })
            .collect();
        let place_font = font_px * 0.9;
        // Places first: each has only the few spots beside its marker, while a city's label can
        // search its whole city for room around them.
        let mut requests: Vec<LabelRequest> = Vec::new();
        let mut labelled_places = Vec::new();
        for (i, (place, home)) in places.iter().zip(&place_homes).enumerate() {
            let Some(home) = home else { continue };
            let width = text_width(&place.label, place_font) + 4.0;
            let height = font_px * 1.2;
            requests.push(LabelRequest {
                // Clear of a base's diamond too, where a base stands at the place's point.
                spots: spots_beside(
                    place.point,
                    BASE_MARKER_SIZE.max(marker_reach(scene_width)) + 1.0,
                    width,
                    height,
                ),
                search_step: None,
                grid: None,
                width,
                height,
                home,
                stack_gap: 0.0,
            });
            labelled_places.push(i);
        }
        requests.extend(city_requests);
        // Lakes are named where the whole name fits inside the lake, after every city and place.
        let water_names = kept.water(lang, || {
            WaterNames::new(
                &self.water,
                bundle,
                &self.channel,
                lang,
                font_px * WATER_LABEL_SCALE,
                (width, height),
                false,
            )
        });
        requests.extend(water_names.requests(&self.water));
        // Labels stay clear of what overlays the map and of every marker, place or base (all
        // bases, so that the labels stay put when an industry shows only some of them).
        let marker = |center: ScreenPoint, half: f64| LabelBox {
            center,
            width: 2.0 * half + 2.0,
            height: 2.0 * half + 2.0,
        };
        let obstacles: Vec<LabelBox> = keep_out
            .iter()
            .copied()
            .chain(scene.scale_bar.map(|bar| bar.label_box()))
            .chain(
                places
                    .iter()
                    .map(|p| marker(p.point, marker_reach(scene_width))),
            )
            .chain(scene.bases.iter().map(|&b| marker(b, BASE_MARKER_SIZE)))
            .collect();
        let placed = place_labels(&requests, width, height, &obstacles);
        let (place_labels, rest) = placed.split_at(labelled_places.len());
        let (city_labels, water_labels) = rest.split_at(order.len());
        for (&i, label) in order.iter().zip(city_labels) {
            cities[i].label_box = *label;
        }
        for (&i, label) in labelled_places.iter().zip(place_labels) {
            places[i].label_box = *label;
        }
        water_names.assign(&mut scene.water, water_labels);
        scene
    }
}

#[cfg(test)]
mod marker_tests {
    use super::*;

    #[test]
    fn a_phones_slide_labels_its_map_as_the_explorer_does_and_a_projector_keeps_its_size() {
        assert_eq!(slide_label_font((1920.0, 1080.0), (1100.0, 900.0)), 28.0);
        assert_eq!(slide_label_font((800.0, 450.0), (450.0, 370.0)), 18.0);
        let phone = slide_label_font((390.0, 844.0), (390.0, 390.0));
        assert!(
            (MIN_LABEL_FONT_PX..=LABEL_FONT_PX).contains(&phone),
            "{phone}"
        );
        assert!(phone < projector_label_font(844.0));
    }

    #[test]
    fn a_focus_place_is_drawn_21_px_across_on_a_full_map_and_small_maps_keep_small_markers() {
        let focus = Some(Some(Role::Focus));
        assert!(2.0 * place_radius(focus, 930.0) >= 20.0);
        assert!(place_radius(Some(Some(Role::Support)), 930.0) > MARKER_RADIUS);
        assert!(place_radius(Some(Some(Role::Support)), 930.0) < place_radius(focus, 930.0));
        assert_eq!(place_radius(Some(None), 930.0), MARKER_RADIUS);
        assert_eq!(place_radius(None, 930.0), MARKER_RADIUS);
        assert_eq!(
            place_radius(focus, 236.0),
            MARKER_RADIUS,
            "an overview's small map"
        );
        for width in [236.0, 930.0] {
            for role in [None, Some(None), focus, Some(Some(Role::Pilot))] {
                assert!(place_radius(role, width) <= marker_reach(width));
            }
        }
    }
}
