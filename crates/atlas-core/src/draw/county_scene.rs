//! What the drilled-down map draws for one city at a given size: the city's counties fitted to
//! the viewport, their labels, the city's county-level places and bases, and the other cities
//! faint around it for orientation (drawn, never selectable).
//!
//! Pure, like [`crate::draw::scene`], so the live drill map, its export and the native tests share it.

use geo::{BoundingRect, Contains, Coord, MultiPolygon};

use crate::draw::labels::{LabelBox, LabelRequest, place_labels, spots_beside, text_width};
use crate::draw::scale_bar::ScaleBar;
use crate::draw::scene::water::{channel, water_shapes};
use crate::draw::scene::{
    BASE_MARKER_SIZE, ChannelPiece, MARKER_RADIUS, SCALE_BAR_FONT_SCALE, WATER_LABEL_SCALE,
    WaterNames, WaterShape, base_point, explorer_label_font, screen_outline,
};
use crate::geo::projection::{MAP_PADDING, Projection, ScreenPoint};
use crate::geo::svg_path::svg_path;
use crate::model::bundle::Bundle;
use crate::model::county_layer::{County, CountyLayer};
use crate::model::facts::Role;
use crate::model::i18n::Lang;
use crate::model::sort;

/// A county label that finds no room wholly inside its county at the scene's size tries this
/// fraction of it.
pub const SMALLER_LABEL: f64 = 0.8;

/// The smallest size a county label shrinks to, px.
pub const MIN_COUNTY_FONT_PX: f64 = 10.0;

/// Base labels are this fraction of the county labels' size: they name a park, not a place.
pub const BASE_LABEL_SCALE: f64 = 0.8;

/// One county as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyShape {
    /// The county's adcode.
    pub adcode: String,
    /// SVG path data of its outline.
    pub path: String,
    /// The label text.
    pub label: String,
    /// Where its label goes, or `None` when there is no room for it.
    pub label_box: Option<LabelBox>,
    /// Its label's font size, px: the scene's, or a size smaller where that found no room.
    pub label_font: f64,
    /// Its outline in screen pixels, the shape its label stays inside.
    pub outline: MultiPolygon,
}

/// A marker of the drilled city: a county-level place of the plan or a base.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillMarker {
    /// The place's adcode, or the base's index in the bundle.
    pub key: String,
    /// The county it stands in.
    pub host: String,
    /// Where the marker goes.
    pub point: ScreenPoint,
    /// The label text (empty for a place: its county's label names it).
    pub label: String,
    /// Where its label goes, or `None` when it has none or no room.
    pub label_box: Option<LabelBox>,
}

/// Another city, drawn faint behind the drilled one.
#[derive(Debug, Clone, PartialEq)]
pub struct NeighbourShape {
    /// The city's adcode.
    pub adcode: String,
    /// SVG path data of its outline.
    pub path: String,
}

/// Everything the drilled map draws for one city and viewport size.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillScene {
    /// The drilled city's adcode.
    pub city: String,
    /// Width of the viewport, px.
    pub width: f64,
    /// Height of the viewport, px.
    pub height: f64,
    /// Font size of the county labels, px.
    pub label_font: f64,
    /// SVG path data of the city's own outline, drawn strong over its counties.
    pub city_path: String,
    /// The other cities whose extent reaches into the viewport, for orientation.
    pub neighbours: Vec<NeighbourShape>,
    /// The city's counties in adcode order.
    pub counties: Vec<CountyShape>,
    /// The city's county-level places of the plan, in bundle order.
    pub places: Vec<DrillMarker>,
    /// The city's bases, in bundle order (`key` is the index in `bundle.bases`).
    pub bases: Vec<DrillMarker>,
    /// Lakes and rivers in bundle order as on the province map, drawn over the counties and
    /// under everything else; the svg clips what lies outside the viewport.
    pub water: Vec<WaterShape>,
    /// The river carried on from where its data stops to the sea, as on the province map.
    pub channel: Vec<ChannelPiece>,
    /// The scale bar in the bottom-right corner, measured at the city's zoom.
    pub scale_bar: Option<ScaleBar>,
}

/// How a county of the drilled city is filled under the chosen topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountyFill {
    /// By the city's zone: no industry is chosen.
    Zone,
    /// Its own role's fill and mark: the plan names the county itself (昆山, 宜兴).
    Own(Role),
    /// A light tint of the city's role, without mark: the city's role is the county's context,
    /// and the tint keeps county borders and labels readable and the named county apart.
    CityTint(Role),
    /// The plain fill of a place the topic does not name.
    Unnamed,
}

impl CountyFill {
    /// The fill of a county whose city shows `city_role` (`None` by zone, `Some(None)` not
    /// named) and which the plan names itself with `own`.
    pub fn of(city_role: Option<Option<Role>>, own: Option<Role>) -> CountyFill {
        match (city_role, own) {
            (None, _) => CountyFill::Zone,
            (Some(_), Some(role)) => CountyFill::Own(role),
            (Some(Some(role)), None) => CountyFill::CityTint(role),
            (Some(None), None) => CountyFill::Unnamed,
        }
    }

    /// The role the county shows (its own or its city's), `None` by zone, `Some(None)` when not
    /// named: what its accessible name and `data-role` say.
    pub fn role(self, city_role: Option<Option<Role>>) -> Option<Option<Role>> {
        match self {
            CountyFill::Own(role) => Some(Some(role)),
            _ => city_role,
        }
    }
}

/// A county's map label: the short Chinese name ([`County::label_zh`]) or the English name.
pub fn county_label(county: &County, lang: Lang) -> String {
    match lang {
        Lang::Zh => county.label_zh().to_string(),
        Lang::En => county.name_en.clone(),
    }
}

/// The request for a county's label `text` at `size` px, searched near its `anchor` first.
fn county_request<'a>(
    outline: &'a MultiPolygon,
    anchor: ScreenPoint,
    text: &str,
    size: f64,
) -> LabelRequest<'a> {
    let line_height = size * 1.3;
    LabelRequest {
        spots: spots_around(anchor, size / 2.0),
        search_step: Some(line_height / 3.0),
        grid: None,
        width: text_width(text, size) + 4.0,
        height: line_height,
        home: outline,
        stack_gap: 0.0,
    }
}

/// A county's shorter map label, where it has one: the English name without its "District" or
/// "County", for a label that finds no room in full (the accessible name stays whole).
pub fn short_label(county: &County, lang: Lang) -> Option<String> {
    match lang {
        Lang::Zh => None,
        Lang::En => [" District", " County"]
            .iter()
            .find_map(|suffix| county.name_en.strip_suffix(suffix))
            .map(str::to_string),
    }
}

/// The box a marker covers, which no label may overlap.
fn marker_box(point: ScreenPoint, radius: f64) -> LabelBox {
    LabelBox {
        center: point,
        width: 2.0 * radius + 2.0,
        height: 2.0 * radius + 2.0,
    }
}

/// How many steps out from its anchor a county label's nearby spots reach, each way.
const NEAR_STEPS: i32 = 6;

/// Spots near a county label's anchor, nearest first, `step` px apart: tried exactly, before the
/// coarser grid search, since small districts are narrow and a label fits only a few pixels off
/// its anchor.
fn spots_around(anchor: ScreenPoint, step: f64) -> Vec<ScreenPoint> {
    let mut offsets: Vec<(i32, i32)> = (-NEAR_STEPS..=NEAR_STEPS)
        .flat_map(|i| (-NEAR_STEPS..=NEAR_STEPS).map(move |j| (i, j)))
        .collect();
    sort::sort_by_key(&mut offsets, |&(i, j)| (i * i + j * j, i, j));
    offsets
        .into_iter()
        .map(|(i, j)| ScreenPoint {
            x: anchor.x + f64::from(i) * step,
            y: anchor.y + f64::from(j) * step,
        })
        .collect()
}

impl DrillScene {
    /// The drilled map of `city` in a `width` × `height` viewport with labels in `lang` at
    /// `font_px`, clear of the `keep_out` boxes; `None` when `city` is not a city of the bundle.
    pub fn new(
        bundle: &Bundle,
        layer: &CountyLayer,
        city: &str,
        (width, height): (f64, f64),
        lang: Lang,
        font_px: f64,
        keep_out: &[LabelBox],
    ) -> Option<DrillScene> {
        Some(
            DrillScene::project(bundle, layer, city, width, height)?
                .labelled(bundle, layer, lang, font_px, keep_out),
        )
    }

    /// The geometry alone, fitted to the city's bounds: what depends on the city and the
    /// viewport's size only, kept while the language, industry or selection change.
    pub fn project(
        bundle: &Bundle,
        layer: &CountyLayer,
        city: &str,
        width: f64,
        height: f64,
    ) -> Option<DrillScene> {
        let bounds = bundle.city(city)?.bounds;
        let projection = Projection::fit(bounds, width, height, MAP_PADDING);
        // The corners of the viewport, as positions: a city outside them is not drawn.
        let view = projection
            .unproject(ScreenPoint { x: 0.0, y: 0.0 })
            .zip(projection.unproject(ScreenPoint {
                x: width,
                y: height,
            }));
        let in_view = |adcode: &str| {
            let (Some(b), Some(([west, north], [east, south]))) =
                (bundle.city(adcode).map(|c| c.bounds), view)
            else {
                return false;
            };
            b.west <= east && b.east >= west && b.south <= north && b.north >= south
        };
        let neighbours = bundle
            .city_boundaries
            .features
            .iter()
            .filter(|f| f.properties.adcode != city && in_view(&f.properties.adcode))
            .map(|f| NeighbourShape {
                adcode: f.properties.adcode.clone(),
                path: svg_path(&f.geometry, &projection),
            })
            .collect();
        let city_path = bundle
            .city_boundaries
            .features
            .iter()
            .find(|f| f.properties.adcode == city)
            .map_or_else(String::new, |f| svg_path(&f.geometry, &projection));
        let counties = layer
            .counties_of(city)
            .filter_map(|c| {
                let geometry = layer.boundary(&c.adcode)?;
                Some(CountyShape {
                    adcode: c.adcode.clone(),
                    path: svg_path(geometry, &projection),
                    label: String::new(),
                    label_box: None,
                    label_font: 0.0,
                    outline: screen_outline(geometry, &projection),
                })
            })
            .collect();
        let places: Vec<DrillMarker> = bundle
            .places
            .iter()
            .filter(|p| p.city == city)
            .map(|p| DrillMarker {
                key: p.adcode.clone(),
                host: p.adcode.clone(),
                point: projection.project(p.point),
                label: String::new(),
                label_box: None,
            })
            .collect();
        let place_points: Vec<ScreenPoint> = places.iter().map(|p| p.point).collect();
        let bases = bundle
            .bases
            .iter()
            .enumerate()
            .filter(|(_, b)| b.city == city)
            .map(|(i, b)| DrillMarker {
                key: i.to_string(),
                host: b.host.clone(),
                point: base_point(projection.project(b.point), &place_points, MARKER_RADIUS),
                label: String::new(),
                label_box: None,
            })
            .collect();
        let water = water_shapes(layer.water(bundle), &projection);
        let channel = channel(bundle, &projection, &water);
        let scale_font = explorer_label_font(width, height) * SCALE_BAR_FONT_SCALE;
        let scale_bar = ScaleBar::fit(&projection, width, height, scale_font);
        Some(DrillScene {
            city: city.to_string(),
            width,
            height,
            label_font: 0.0,
            city_path,
            neighbours,
            counties,
            places,
            bases,
            water,
            channel,
            scale_bar,
        })
    }

    /// The boxes of every marker, which labels keep clear of.
    pub fn marker_boxes(&self) -> Vec<LabelBox> {
        self.places
            .iter()
            .map(|p| marker_box(p.point, MARKER_RADIUS))
            .chain(
                self.bases
                    .iter()
                    .map(|b| marker_box(b.point, BASE_MARKER_SIZE)),
            )
            .collect()
    }

    /// This geometry with its labels in `lang` at `font_px`, clear of the `keep_out` boxes and of
    /// every marker: counties largest first, each inside its outline, then each base's name
    /// beside its marker inside its county.
    pub fn labelled(
        &self,
        bundle: &Bundle,
        layer: &CountyLayer,
        lang: Lang,
        font_px: f64,
        keep_out: &[LabelBox],
    ) -> DrillScene {
        let mut scene = self.clone();
        scene.label_font = font_px;
        let Some(city) = bundle.city(&self.city) else {
            return scene;
        };
        let projection = Projection::fit(city.bounds, self.width, self.height, MAP_PADDING);
        let labels: Vec<(String, Option<String>)> = scene
            .counties
            .iter()
            .map(|shape| {
                layer.county(&shape.adcode).map_or_else(
                    || (String::new(), None),
                    |c| (county_label(c, lang), short_label(c, lang)),
                )
            })
            .collect();
        for (shape, (label, _)) in scene.counties.iter_mut().zip(&labels) {
            shape.label.clone_from(label);
        }
        for (marker, base) in scene.bases.iter_mut().filter_map(|m| {
            let base = bundle.bases.get(m.key.parse::<usize>().ok()?)?;
            Some((m, base))
        }) {
            marker.label = lang.pick(&base.name_zh, &base.name_en).to_string();
        }
        // Each label's size and form are chosen on its own county first (the full name at the
        // scene's size, then smaller, then the short form), which is cheap as the failing ones
        // are the small counties; then all are placed together.
        let obstacles: Vec<LabelBox> = keep_out
            .iter()
            .copied()
            .chain(scene.marker_boxes())
            .chain(scene.scale_bar.map(|bar| bar.label_box()))
            .collect();
        let floor = MIN_COUNTY_FONT_PX.min(font_px);
        let mut sizes = Vec::with_capacity(scene.counties.len());
        for (shape, (full, short)) in scene.counties.iter_mut().zip(&labels) {
            let anchor = layer
                .county(&shape.adcode)
                .map_or([0.0, 0.0], |c| c.label_point);
            let anchor = projection.project(anchor);
            let variants = std::iter::once(full).chain(short).flat_map(|text| {
                [font_px, (font_px * SMALLER_LABEL).max(floor), floor]
                    .into_iter()
                    .map(move |size| (text, size))
            });
            let mut chosen = (full, font_px);
            let room = shape.outline.bounding_rect();
            for (text, size) in variants {
                let request = county_request(&shape.outline, anchor, text, size);
                // A box wider or taller than the county cannot lie wholly inside it.
                if room.is_none_or(|r| request.width > r.width() || request.height > r.height()) {
                    continue;
                }
                let alone = place_labels(&[request], self.width, self.height, &obstacles);
                if alone[0].is_some_and(|b| box_within(&shape.outline, &b)) {
                    chosen = (text, size);
                    break;
                }
            }
            shape.label.clone_from(chosen.0);
            sizes.push(chosen.1);
        }
        scene.place(bundle, layer, &projection, &sizes, (lang, keep_out));
        scene
    }

    /// Places the county labels (county `i` at `sizes[i]` px, smallest county first), the base
    /// labels beside their markers, and then the water's names in `lang` as the province map
    /// places them, all in one run clear of `keep_out` and of every marker.
    fn place(
        &mut self,
        bundle: &Bundle,
        layer: &CountyLayer,
        projection: &Projection,
        sizes: &[f64],
        (lang, keep_out): (Lang, &[LabelBox]),
    ) {
        let water_names = WaterNames::new(
            &self.water,
            bundle,
            &self.channel,
            lang,
            self.label_font * WATER_LABEL_SCALE,
            (self.width, self.height),
            layer.water.is_some(),
        );
        let area = |adcode: &str| layer.county(adcode).map_or(0.0, |c| c.area_km2);
        let mut order: Vec<usize> = (0..self.counties.len()).collect();
        sort::sort_by(&mut order, |&a, &b| {
            area(&self.counties[a].adcode).total_cmp(&area(&self.counties[b].adcode))
        });
        let counties = &self.counties;
        let mut requests: Vec<LabelRequest> = order
            .iter()
            .map(|&i| {
                let anchor = layer
                    .county(&counties[i].adcode)
                    .map_or([0.0, 0.0], |c| c.label_point);
                county_request(
                    &counties[i].outline,
                    projection.project(anchor),
                    &counties[i].label,
                    sizes[i],
                )
            })
            .collect();
        let base_font = self.label_font * BASE_LABEL_SCALE;
        let mut labelled_bases = Vec::new();
        for (i, base) in self.bases.iter().enumerate() {
            let Some(home) = counties.iter().find(|c| c.adcode == base.host) else {
                continue;
            };
            let width = text_width(&base.label, base_font) + 4.0;
            let height = base_font * 1.3;
            requests.push(LabelRequest {
                spots: spots_beside(base.point, BASE_MARKER_SIZE, width, height),
                search_step: None,
                grid: None,
                width,
                height,
                home: &home.outline,
                stack_gap: 0.0,
            });
            labelled_bases.push(i);
        }
        requests.extend(water_names.requests(&self.water));
        let obstacles: Vec<LabelBox> = keep_out
            .iter()
            .copied()
            .chain(self.marker_boxes())
            .chain(self.scale_bar.map(|bar| bar.label_box()))
            .collect();
        let placed = place_labels(&requests, self.width, self.height, &obstacles);
        let (county_labels, rest) = placed.split_at(order.len());
        let (base_labels, water_labels) = rest.split_at(labelled_bases.len());
        for (&i, label) in order.iter().zip(county_labels) {
            self.counties[i].label_box = *label;
            self.counties[i].label_font = sizes[i];
        }
        for (&i, label) in labelled_bases.iter().zip(base_labels) {
            self.bases[i].label_box = *label;
        }
        water_names.assign(&mut self.water, water_labels);
    }
}

/// Whether a label's box lies wholly inside `outline`: its corners and centre do.
pub fn box_within(outline: &MultiPolygon, b: &LabelBox) -> bool {
    let (dx, dy) = (b.width / 2.0, b.height / 2.0);
    [(-dx, -dy), (dx, -dy), (dx, dy), (-dx, dy), (0.0, 0.0)]
        .iter()
        .all(|(ox, oy)| {
            outline.contains(&Coord {
                x: b.center.x + ox,
                y: b.center.y + oy,
            })
        })
}

#[cfg(test)]
mod fill_tests {
    use super::*;

    #[test]
    fn the_named_county_keeps_its_own_role_and_the_others_a_tint_of_the_citys() {
        let focus = Some(Some(Role::Focus));
        assert_eq!(
            CountyFill::of(focus, Some(Role::Signature)),
            CountyFill::Own(Role::Signature)
        );
        assert_eq!(
            CountyFill::of(focus, None),
            CountyFill::CityTint(Role::Focus)
        );
        assert_eq!(CountyFill::of(Some(None), None), CountyFill::Unnamed);
        assert_eq!(
            CountyFill::of(Some(None), Some(Role::Focus)),
            CountyFill::Own(Role::Focus),
            "a county the plan names in a city it does not name"
        );
        assert_eq!(CountyFill::of(None, Some(Role::Focus)), CountyFill::Zone);
        assert_eq!(CountyFill::of(None, None), CountyFill::Zone);
    }

    #[test]
    fn a_county_shows_its_own_role_or_its_citys() {
        let city = Some(Some(Role::Support));
        assert_eq!(
            CountyFill::Own(Role::Focus).role(city),
            Some(Some(Role::Focus))
        );
        assert_eq!(CountyFill::CityTint(Role::Support).role(city), city);
        assert_eq!(CountyFill::Zone.role(None), None);
    }
}
