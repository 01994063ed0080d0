//! A brief's locator map: the province with the city highlighted in its zone's colour and, once
//! the county layer has arrived, the city's counties drawn inside it; the lakes and the Yangtze
//! over them (the map's own water, [`map_markup::water`]) and the names of the city, of the
//! cities it borders and of the water that has room, so a reader finds the city by what is
//! around it. The cities' paths are the
//! province [`Scene`]'s (projected once for all thirteen briefs), the counties' are projected by
//! the same fit and written by the same path writer, so the locator is the atlas's own map drawn
//! small, not a second renderer. Colours are presentation attributes (print keeps them with no
//! stylesheet); classes let the stylesheet restyle them for forced colours.

use std::collections::HashSet;
use std::fmt::Write;

use geo::BoundingRect;

use crate::draw::labels::{LabelBox, LabelRequest, place_labels, text_width};
use crate::draw::look::zone_fill;
use crate::draw::map_markup::{self, escape, tenths};
use crate::draw::palette::{INK, MUTED, PAPER, ROLE_NONE};
use crate::draw::scene::{CityShape, Scene, WATER_LABEL_SCALE, WaterShape};
use crate::geo::projection::{MAP_PADDING, Projection, ScreenPoint};
use crate::geo::svg_path::svg_path;
use crate::model::bundle::{Bundle, WaterKind};
use crate::model::county_layer::CountyLayer;
use crate::model::i18n::Lang;

/// The locator's width, px (its `viewBox`; the page scales it).
pub const LOCATOR_WIDTH: f64 = 400.0;
/// The locator's height, px: the province's shape at this width.
pub const LOCATOR_HEIGHT: f64 = 357.0;
/// The locator's label size, px.
pub const LOCATOR_FONT_PX: f64 = 15.0;
/// The size of the neighbours' names, px (the water's are [`WATER_LABEL_SCALE`] of it).
pub const NEIGHBOUR_FONT_PX: f64 = 12.0;

/// The cities bordering `city`, in bundle order: those whose outlines share a border with its
/// (the bundle's outlines are simplified so that neighbours share their border's vertices, see
/// [`Bundle::city_boundaries`]; two shared vertices make a stretch of border, not a corner).
pub fn neighbours<'a>(bundle: &'a Bundle, city: &str) -> Vec<&'a str> {
    let vertices = |adcode: &str| -> HashSet<(u64, u64)> {
        bundle
            .city_boundaries
            .features
            .iter()
            .filter(|f| f.properties.adcode == adcode)
            .flat_map(|f| f.geometry.coordinates.iter().flatten().flatten())
            .map(|p| (p[0].to_bits(), p[1].to_bits()))
            .collect()
    };
    let own = vertices(city);
    bundle
        .cities
        .iter()
        .filter(|c| c.adcode != city)
        .filter(|c| vertices(&c.adcode).intersection(&own).nth(1).is_some())
        .map(|c| c.adcode.as_str())
        .collect()
}

/// The locator's text alternative: where the city lies, and how many counties are drawn in it.
pub fn locator_name(bundle: &Bundle, city: &str, counties: usize, lang: Lang) -> String {
    let name = bundle
        .city(city)
        .map_or(city, |c| lang.pick(&c.name_zh, &c.name_en));
    match (lang, counties) {
        (Lang::Zh, 0) => format!("{name}在江苏省的位置"),
        (Lang::Zh, n) => format!("{name}在江苏省的位置，图中画出其{n}个县级行政区"),
        (Lang::En, 0) => format!("Where {name} lies in Jiangsu"),
        (Lang::En, n) => {
            format!("Where {name} lies in Jiangsu, with its {n} county-level divisions")
        }
    }
}

/// The locator of `city` as an `<svg role="img">`, drawn on `scene` (the province projected to
/// [`LOCATOR_WIDTH`] × [`LOCATOR_HEIGHT`], [`locator_scene`]): every city grey but this one, in
/// its zone's colour under a dark outline, its counties from `layer` when given, the water, its
/// label and its neighbours' and the water's names.
pub fn locator_svg(
    bundle: &Bundle,
    scene: &Scene,
    city: &str,
    layer: Option<&CountyLayer>,
    lang: Lang,
) -> String {
    let (w, h) = (tenths(scene.width), tenths(scene.height));
    let projection = Projection::fit(bundle.bounds, scene.width, scene.height, MAP_PADDING);
    let counties: Vec<(String, String)> = layer
        .map(|layer| {
            layer
                .counties_of(city)
                .filter_map(|c| {
                    Some((
                        c.adcode.clone(),
                        svg_path(layer.boundary(&c.adcode)?, &projection),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut s = format!(
        r#"<svg class="locator" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{name}" data-city="{city}" data-counties="{n}"><g class="locator-cities">"#,
        name = escape(&locator_name(bundle, city, counties.len(), lang)),
        n = counties.len(),
    );
    let mut here = None;
    for shape in &scene.cities {
        let highlighted = shape.adcode == city;
        let (class, fill) = if highlighted {
            here = Some(shape);
            ("locator-city here", zone_fill(&shape.zone))
        } else {
            ("locator-city", ROLE_NONE)
        };
        let _ = write!(
            s,
            r##"<path class="{class}" data-adcode="{adcode}" d="{d}" fill="{fill}" stroke="{PAPER}" stroke-width="0.8"></path>"##,
            adcode = shape.adcode,
            d = shape.path,
        );
    }
    s.push_str(r#"</g><g class="locator-counties">"#);
    for (adcode, d) in &counties {
        let _ = write!(
            s,
            r##"<path class="locator-county" data-adcode="{adcode}" d="{d}" fill="none" stroke="{PAPER}" stroke-width="0.7"></path>"##
        );
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<g class="locator-water">{}</g>"#,
        map_markup::water(&scene.water, &scene.channel)
    );
    let here_label = here.and_then(|shape| city_label(bundle, shape, &projection, lang));
    s.push_str(&around_labels(
        bundle,
        scene,
        city,
        here_label.as_ref().map(|(_, b)| *b),
        lang,
    ));
    if let Some(shape) = here {
        let _ = write!(
            s,
            r#"<path class="locator-outline" d="{d}" fill="none" stroke="{INK}" stroke-width="2.2" stroke-linejoin="round"></path>"#,
            d = shape.path,
        );
        if let Some((text, b)) = here_label {
            let _ = write!(
                s,
                r##"<text class="locator-label" x="{x}" y="{y}" font-size="{LOCATOR_FONT_PX}" font-weight="700" text-anchor="middle" dominant-baseline="central" fill="{INK}" stroke="{PAPER}" stroke-width="3" paint-order="stroke">{text}</text>"##,
                x = tenths(b.center.x),
                y = tenths(b.center.y),
                text = escape(&text),
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The names of the cities bordering `city`, placed by the map's own label placer inside their
/// cities and clear of the highlighted city's label `here`, then the water's names where they
/// have room (as the map names them, [`Scene::labelled`], clear of both).
fn around_labels(
    bundle: &Bundle,
    scene: &Scene,
    city: &str,
    here: Option<LabelBox>,
    lang: Lang,
) -> String {
    let projection = Projection::fit(bundle.bounds, scene.width, scene.height, MAP_PADDING);
    let line_height = NEIGHBOUR_FONT_PX * 1.3;
    let near: Vec<(&CityShape, String)> = neighbours(bundle, city)
        .into_iter()
        .filter_map(|adcode| {
            let shape = scene.cities.iter().find(|c| c.adcode == adcode)?;
            let c = bundle.city(adcode)?;
            Some((shape, lang.pick(c.short_name_zh(), &c.name_en).to_string()))
        })
        .collect();
    let requests: Vec<LabelRequest> = near
        .iter()
        .filter_map(|(shape, text)| {
            Some(LabelRequest {
                spots: vec![projection.project(bundle.city(&shape.adcode)?.label_point)],
                search_step: Some(line_height / 3.0),
                grid: None,
                width: text_width(text, NEIGHBOUR_FONT_PX) + 4.0,
                height: line_height,
                home: &shape.outline,
                stack_gap: 0.0,
            })
        })
        .collect();
    let taken: Vec<LabelBox> = here.into_iter().collect();
    let placed = place_labels(&requests, scene.width, scene.height, &taken);
    let mut s = String::from(r#"<g class="locator-names">"#);
    let mut keep_out = taken;
    for ((shape, text), b) in near.iter().zip(placed) {
        let Some(b) = b else { continue };
        keep_out.push(b);
        let _ = write!(
            s,
            r##"<text class="locator-neighbour" data-adcode="{adcode}" x="{x}" y="{y}" font-size="{NEIGHBOUR_FONT_PX}" text-anchor="middle" dominant-baseline="central" fill="{MUTED}" stroke="{PAPER}" stroke-width="2.5" paint-order="stroke">{text}</text>"##,
            adcode = shape.adcode,
            x = tenths(b.center.x),
            y = tenths(b.center.y),
            text = escape(text),
        );
    }
    let water_font = NEIGHBOUR_FONT_PX * WATER_LABEL_SCALE;
    let mut water = scene
        .labelled(bundle, lang, NEIGHBOUR_FONT_PX, &keep_out)
        .water;
    keep_out.extend(water.iter().filter_map(|w| w.label_box));
    name_lakes_beside(bundle, &mut water, water_font, &keep_out, lang);
    s.push_str(&map_markup::water_labels(&water, water_font));
    s.push_str("</g>");
    s
}

/// The lakes at least [`LAKE_NAMED_BESIDE_PX`] across whose names do not fit inside them at the
/// locator's scale named beside them instead, clear of the `taken` labels, as a
/// small map names its lakes.
fn name_lakes_beside(
    bundle: &Bundle,
    water: &mut [WaterShape],
    size: f64,
    taken: &[LabelBox],
    lang: Lang,
) {
    let (width, height) = (LOCATOR_WIDTH, LOCATOR_HEIGHT);
    let whole = crate::draw::labels::whole_area(width, height);
    let line = size * 1.2;
    let mut lakes = Vec::new();
    for (i, (shape, feature)) in water.iter().zip(&bundle.water.features).enumerate() {
        let Some(name) = feature.properties.name(lang) else {
            continue;
        };
        let Some(rect) = shape.outline.bounding_rect() else {
            continue;
        };
        if shape.kind != WaterKind::Lake
            || shape.label_box.is_some()
            || rect.width().max(rect.height()) < LAKE_NAMED_BESIDE_PX
        {
            continue;
        }
        let text_box = text_width(name, size) + 2.0;
        let c = rect.center();
        let (dx, dy) = (
            rect.width() / 2.0 + text_box / 2.0 + 2.0,
            rect.height() / 2.0 + line / 2.0 + 1.0,
        );
        let spots = [(dx, 0.0), (-dx, 0.0), (0.0, dy), (0.0, -dy)]
            .map(|(x, y)| ScreenPoint {
                x: c.x + x,
                y: c.y + y,
            })
            .to_vec();
        lakes.push((
            i,
            name.to_string(),
            LabelRequest {
                spots,
                search_step: None,
                grid: None,
                width: text_box,
                height: line,
                home: &whole,
                stack_gap: 0.0,
            },
        ));
    }
    let requests: Vec<LabelRequest> = lakes.iter().map(|(_, _, r)| r.clone()).collect();
    let placed = place_labels(&requests, width, height, taken);
    for ((i, name, _), b) in lakes.into_iter().zip(placed) {
        if let (Some(shape), Some(b)) = (water.get_mut(i), b) {
            shape.label = name;
            shape.label_box = Some(b);
        }
    }
}

/// How large a lake is, px on the locator, to be named beside itself when its name does not
/// fit inside: the province's two great lakes (太湖, 洪泽湖), not the smaller ones whose names
/// would crowd the highlighted city.
pub const LAKE_NAMED_BESIDE_PX: f64 = 42.0;

/// The highlighted city's label and where it goes: its map name (南京, Nanjing) placed by the
/// map's own label placer, alone on the locator, so it always finds room inside its city.
fn city_label(
    bundle: &Bundle,
    shape: &CityShape,
    projection: &Projection,
    lang: Lang,
) -> Option<(String, LabelBox)> {
    let city = bundle.city(&shape.adcode)?;
    let text = lang.pick(city.short_name_zh(), &city.name_en).to_string();
    let line_height = LOCATOR_FONT_PX * 1.3;
    let request = LabelRequest {
        spots: vec![projection.project(city.label_point)],
        search_step: Some(line_height / 3.0),
        grid: None,
        width: text_width(&text, LOCATOR_FONT_PX) + 4.0,
        height: line_height,
        home: &shape.outline,
        stack_gap: 0.0,
    };
    let (width, height) = (LOCATOR_WIDTH, LOCATOR_HEIGHT);
    let placed = place_labels(&[request], width, height, &[]).pop()??;
    Some((text, placed))
}

/// The province projected for the locators: computed once, every brief's locator drawn on it.
pub fn locator_scene(bundle: &Bundle) -> Scene {
    Scene::project(bundle, LOCATOR_WIDTH, LOCATOR_HEIGHT)
}
