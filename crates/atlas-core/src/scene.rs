//! What the map draws at a given size: projected outlines and placed labels.
//!
//! The app recomputes a scene whenever the map's container changes size; everything here is pure,
//! so the same scene is tested natively against the real bundle.

use crate::bundle::Bundle;
use crate::i18n::Lang;
use crate::labels::{LabelBox, LabelRequest, place_labels, text_width};
use crate::projection::{Projection, ScreenPoint};
use crate::svg_path::svg_path;

/// Pixels left free around the province.
pub const MAP_PADDING: f64 = 16.0;

/// Font size of city labels in the explorer, px.
pub const LABEL_FONT_PX: f64 = 14.0;

/// Font size of city labels on a projector at 1080 pixels high, px.
pub const PROJECTOR_LABEL_FONT_PX: f64 = 28.0;

/// The label size for the projector theme on a screen `height` pixels high: 28 px at 1080 and
/// above, scaled down to no less than 18 px on smaller screens.
pub fn projector_label_font(height: f64) -> f64 {
    (PROJECTOR_LABEL_FONT_PX * height / 1080.0).clamp(18.0, PROJECTOR_LABEL_FONT_PX)
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

/// Radius of a place marker, px.
pub const MARKER_RADIUS: f64 = 6.0;

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
}

/// A map label: the Chinese name without its 市, or the English name.
fn label_text(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.strip_suffix('市').unwrap_or(zh).to_string(),
        Lang::En => en.to_string(),
    }
}

impl Scene {
    /// Projects the bundle into a `width` × `height` viewport and places the labels in `lang` at
    /// `font_px`: cities largest first, then the county-level places to the right of their markers.
    pub fn new(bundle: &Bundle, width: f64, height: f64, lang: Lang, font_px: f64) -> Scene {
        let projection = Projection::fit(bundle.bounds, width, height, MAP_PADDING);
        let mut cities: Vec<CityShape> = bundle
            .city_boundaries
            .features
            .iter()
            .filter_map(|f| {
                let city = bundle.city(&f.properties.adcode)?;
                Some(CityShape {
                    adcode: city.adcode.clone(),
                    zone: city.zone.clone(),
                    path: svg_path(&f.geometry, &projection),
                    label: label_text(&city.name_zh, &city.name_en, lang),
                    label_box: None,
                })
            })
            .collect();
        let mut order: Vec<usize> = (0..cities.len()).collect();
        let area = |i: &usize| bundle.city(&cities[*i].adcode).map_or(0.0, |c| c.area_km2);
        order.sort_by(|a, b| area(b).total_cmp(&area(a)));
        let mut requests: Vec<LabelRequest> = order
            .iter()
            .map(|&i| {
                let anchor = bundle
                    .city(&cities[i].adcode)
                    .map_or([0.0, 0.0], |c| c.label_point);
                LabelRequest {
                    anchor: projection.project(anchor),
                    width: text_width(&cities[i].label, font_px) + 4.0,
                    height: font_px * 1.3,
                }
            })
            .collect();
        let mut places: Vec<PlaceMarker> = bundle
            .places
            .iter()
            .map(|p| PlaceMarker {
                adcode: p.adcode.clone(),
                point: projection.project(p.point),
                label: label_text(&p.name_zh, &p.name_en, lang),
                label_box: None,
            })
            .collect();
        requests.extend(places.iter().map(|p| {
            let width = text_width(&p.label, font_px * 0.9) + 4.0;
            LabelRequest {
                anchor: ScreenPoint {
                    x: p.point.x + MARKER_RADIUS + 2.0 + width / 2.0,
                    y: p.point.y,
                },
                width,
                height: font_px * 1.2,
            }
        }));
        let mut placed = place_labels(&requests, width, height).into_iter();
        for (i, label) in order.into_iter().zip(placed.by_ref()) {
            cities[i].label_box = label;
        }
        for (place, label) in places.iter_mut().zip(placed) {
            place.label_box = label;
        }
        let zones = bundle
            .zone_outlines
            .features
            .iter()
            .map(|f| ZoneShape {
                id: f.properties.id.clone(),
                path: svg_path(&f.geometry, &projection),
            })
            .collect();
        let bases = bundle
            .bases
            .iter()
            .map(|b| projection.project(b.point))
            .collect();
        Scene {
            width,
            label_font: font_px,
            height,
            cities,
            zones,
            places,
            bases,
        }
    }
}
