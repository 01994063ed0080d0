//! A brief's locator map: the province with the city highlighted in its zone's colour and, once
//! the county layer has arrived, the city's counties drawn inside it. The cities' paths are the
//! province [`Scene`]'s (projected once for all thirteen briefs), the counties' are projected by
//! the same fit and written by the same path writer, so the locator is the atlas's own map drawn
//! small, not a second renderer. Colours are presentation attributes (print keeps them with no
//! stylesheet); classes let the stylesheet restyle them for forced colours.

use std::fmt::Write;

use crate::bundle::Bundle;
use crate::county_layer::CountyLayer;
use crate::export::zone_color;
use crate::i18n::Lang;
use crate::labels::{LabelBox, LabelRequest, place_labels, text_width};
use crate::map_markup::{escape, tenths};
use crate::palette::{INK, ROLE_NONE};
use crate::projection::Projection;
use crate::scene::{CityShape, MAP_PADDING, Scene};
use crate::svg_path::svg_path;

/// The locator's width, px (its `viewBox`; the page scales it).
pub const LOCATOR_WIDTH: f64 = 280.0;
/// The locator's height, px: the province's shape at this width.
pub const LOCATOR_HEIGHT: f64 = 250.0;
/// The locator's label size, px.
pub const LOCATOR_FONT_PX: f64 = 13.0;

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
/// its zone's colour under a dark outline, its counties from `layer` when given, and its label.
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
            ("locator-city here", zone_color(&shape.zone))
        } else {
            ("locator-city", ROLE_NONE)
        };
        let _ = write!(
            s,
            r##"<path class="{class}" data-adcode="{adcode}" d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="0.8"></path>"##,
            adcode = shape.adcode,
            d = shape.path,
        );
    }
    s.push_str(r#"</g><g class="locator-counties">"#);
    for (adcode, d) in &counties {
        let _ = write!(
            s,
            r##"<path class="locator-county" data-adcode="{adcode}" d="{d}" fill="none" stroke="#ffffff" stroke-width="0.7"></path>"##
        );
    }
    s.push_str("</g>");
    if let Some(shape) = here {
        let _ = write!(
            s,
            r#"<path class="locator-outline" d="{d}" fill="none" stroke="{INK}" stroke-width="2.2" stroke-linejoin="round"></path>"#,
            d = shape.path,
        );
        if let Some((text, b)) = city_label(bundle, shape, &projection, lang) {
            let _ = write!(
                s,
                r##"<text class="locator-label" x="{x}" y="{y}" font-size="{LOCATOR_FONT_PX}" font-weight="700" text-anchor="middle" dominant-baseline="central" fill="{INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{text}</text>"##,
                x = tenths(b.center.x),
                y = tenths(b.center.y),
                text = escape(&text),
            );
        }
    }
    s.push_str("</svg>");
    s
}

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
