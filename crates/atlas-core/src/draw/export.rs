//! The current map as a self-contained SVG file (title, legend and attribution included, colours
//! as attributes), and the layout rows as JSON, for planners to take away.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::draw::labels::LabelBox;
use crate::draw::map_markup::{self, escape as xml};
use crate::draw::map_title::{Legend, LegendSymbol, MapTitle, province_legend};
use crate::draw::palette::{self, MARK_DARK, MARK_LIGHT, ROLE_BORDER};
use crate::draw::role_marks::{pattern_defs, pattern_id};
use crate::draw::scene::{Scene, WATER_LABEL_SCALE, base_marker_path};
use crate::geo::projection::ScreenPoint;
use crate::model::bundle::Bundle;
use crate::model::facts::Role;
use crate::model::i18n::Lang;
use crate::model::layout_rows::layout_rows;

/// Height of the title band above the map, px: the headline and the subtitle.
pub const TITLE_BAND: f64 = 64.0;
/// Height of the attribution band below the map, px.
pub const FOOTER_BAND: f64 = 26.0;

/// The title band of an exported map: the headline, and under it the one-line subtitle.
pub fn title_band(title: &MapTitle) -> String {
    format!(
        r##"<text class="title" x="16" y="28" font-size="20" font-weight="600" fill="{ink}">{headline}</text><text class="subtitle" x="16" y="50" font-size="13" fill="{ink}">{subtitle}</text>"##,
        ink = palette::INK,
        headline = xml(&title.headline),
        subtitle = xml(&title.subtitle),
    )
}

/// About how wide `text` is at `size` px: a full width for Chinese, about half for Latin.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// The legend of an exported map at the bottom left of a map `map_height` px high: its heading
/// and a line per entry of `legend` (see [`crate::draw::map_title`]), each with its symbol painted as
/// the map paints it (`role_paint` gives a role's fill).
pub fn legend_svg(legend: &Legend, role_paint: impl Fn(Role) -> String, map_height: f64) -> String {
    let rows = legend.entries.len() as f64 + 1.0;
    let width = legend
        .entries
        .iter()
        .map(|e| 24.0 + text_width(&e.text(), 13.0))
        .chain(std::iter::once(text_width(&legend.title, 13.0)))
        .fold(0.0, f64::max)
        + 14.0;
    let top = map_height - 16.0 - 20.0 * rows;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<g class="legend" transform="translate(12 {top:.1})"><rect x="-6" y="-16" width="{width:.1}" height="{:.1}" rx="6" fill="#ffffff" fill-opacity="0.94" stroke="#c7ced8"/><text x="0" y="0" font-size="13" font-weight="600" fill="#1d2733">{}</text>"##,
        20.0 * rows + 4.0,
        xml(&legend.title)
    );
    for (i, entry) in legend.entries.iter().enumerate() {
        let y = 20.0 * (i as f64 + 1.0);
        let symbol = match &entry.symbol {
            LegendSymbol::Zone(id) => swatch(zone_color(id), y),
            LegendSymbol::Role(role) => swatch(&role_paint(*role), y),
            LegendSymbol::NotNamed => swatch(role_color(None), y),
            LegendSymbol::Place => format!(
                r##"<circle cx="8" cy="{:.1}" r="6" fill="#ffffff" stroke="#1d2733" stroke-width="2"/>"##,
                y - 4.0
            ),
            LegendSymbol::Base => format!(
                r#"<path d="{}" fill="{}"/>"#,
                base_marker_path(ScreenPoint { x: 8.0, y: y - 4.0 }),
                palette::BASE_MARKER
            ),
        };
        let _ = write!(
            s,
            r##"<g class="legend-entry">{symbol}<text x="24" y="{y:.1}" font-size="13" fill="#1d2733">{}</text></g>"##,
            xml(&entry.text())
        );
    }
    s.push_str("</g>");
    s
}

/// A legend swatch filled with `paint`.
fn swatch(paint: &str, y: f64) -> String {
    format!(
        r##"<rect x="0" y="{:.1}" width="16" height="12" fill="{paint}" stroke="#1d2733" stroke-width="0.5"/>"##,
        y - 10.0
    )
}

/// Fill of a zone (as the explorer draws it).
pub fn zone_color(zone: &str) -> &'static str {
    match zone {
        "south" => palette::ZONE_SOUTH,
        "central" => palette::ZONE_CENTRAL,
        "north" => palette::ZONE_NORTH,
        _ => "#cccccc",
    }
}

/// Background behind the exported map.
pub const MAP_BACKGROUND: &str = "#ffffff";

/// Fill of a role, or of a place the topic does not name.
pub fn role_color(role: Option<Role>) -> &'static str {
    role.map_or(palette::ROLE_NONE, palette::role)
}

/// Paint of a role on the map: its pattern (colour and mark), or the plain fill of no role.
fn role_paint(role: Option<Role>) -> String {
    match role {
        Some(r) => format!("url(#{})", pattern_id(r)),
        None => role_color(None).to_string(),
    }
}

/// The map of `scene` as a standalone SVG, as the live map draws it: `title` (headline and
/// subtitle) on top, cities coloured by zone or, when `roles` is given, by role, zone outlines,
/// the base markers shown for `industry`, county-level markers, labels, the legend of what is
/// drawn and the credit line.
pub fn map_svg(
    bundle: &Bundle,
    scene: &Scene,
    roles: Option<&BTreeMap<String, Role>>,
    industry: Option<&str>,
    lang: Lang,
    title: &MapTitle,
) -> String {
    let (w, h) = (scene.width, scene.height + TITLE_BAND + FOOTER_BAND);
    let font = "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}">"#
    );
    if roles.is_some() {
        s.push_str(&pattern_defs(
            |r| role_color(Some(r)),
            MARK_LIGHT,
            MARK_DARK,
        ));
    }
    let _ = write!(
        s,
        r#"<rect width="{w}" height="{h}" fill="{MAP_BACKGROUND}"/>"#
    );
    s.push_str(&title_band(title));
    let _ = write!(
        s,
        r#"<g class="map" transform="translate(0 {TITLE_BAND})">"#
    );
    s.push_str(r#"<g class="cities">"#);
    for city in &scene.cities {
        let (fill, stroke) = match roles {
            Some(map) => (role_paint(map.get(&city.adcode).copied()), ROLE_BORDER),
            None => (zone_color(&city.zone).to_string(), "#ffffff"),
        };
        let name = bundle.place_name(&city.adcode).map_or("", |p| p.zh);
        let _ = write!(
            s,
            r#"<path class="city" data-adcode="{}" d="{}" fill="{fill}" stroke="{stroke}" stroke-width="0.8"><title>{}</title></path>"#,
            city.adcode,
            city.path,
            xml(name)
        );
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<g class="water">{}</g>"#,
        map_markup::water(&scene.water, &scene.channel)
    );
    s.push_str("<g class=\"zone-outlines\">");
    for zone in &scene.zones {
        let _ = write!(
            s,
            r##"<path d="{}" fill="none" stroke="#26323f" stroke-width="2"/>"##,
            zone.path
        );
    }
    s.push_str("</g><g class=\"bases\">");
    let bases: Vec<_> = bundle
        .bases
        .iter()
        .zip(&scene.bases)
        .filter(|(base, _)| base.serves(industry))
        .collect();
    for (base, at) in &bases {
        let _ = write!(
            s,
            r#"<path class="base-marker" d="{}" fill="{}" stroke="{MAP_BACKGROUND}" stroke-width="1.5"><title>{}</title></path>"#,
            base_marker_path(**at),
            palette::BASE_MARKER,
            xml(lang.pick(&base.name_zh, &base.name_en))
        );
    }
    s.push_str("</g><g class=\"places\">");
    for place in &scene.places {
        let role = roles.map(|map| map.get(&place.adcode).copied());
        let fill = role.map_or("#ffffff".to_string(), role_paint);
        let _ = write!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{}" fill="{fill}" stroke="#1d2733" stroke-width="2"/>"##,
            place.point.x,
            place.point.y,
            crate::draw::scene::place_radius(role, scene.width)
        );
    }
    s.push_str("</g><g class=\"labels\">");
    let labels = scene
        .cities
        .iter()
        .filter_map(|c| Some((c.label_box?, &c.label, scene.label_font)))
        .chain(
            scene
                .places
                .iter()
                .filter_map(|p| Some((p.label_box?, &p.label, scene.label_font * 0.9))),
        );
    for (b, text, size) in labels {
        label(&mut s, b, text, size, "600", palette::INK);
    }
    for shape in &scene.water {
        if let Some(b) = shape.label_box {
            let size = scene.label_font * WATER_LABEL_SCALE;
            label(&mut s, b, &shape.label, size, "500", palette::WATER_INK);
        }
    }
    s.push_str("</g>");
    s.push_str(&legend_svg(
        &province_legend(bundle, roles, industry, lang),
        |r| role_paint(Some(r)),
        scene.height,
    ));
    let _ = write!(
        s,
        r#"<g class="scale-bar">{}</g></g>"#,
        map_markup::scale_bar(scene.scale_bar.as_ref())
    );
    s.push_str(&map_markup::export_warning(bundle, lang, h - 9.0));
    s.push_str("</svg>");
    s
}

/// A label as the live map draws it, with its colours as attributes.
fn label(s: &mut String, b: LabelBox, text: &str, size: f64, weight: &str, fill: &str) {
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" font-weight="{weight}" text-anchor="middle" dominant-baseline="central" fill="{fill}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
        b.center.x,
        b.center.y,
        xml(text)
    );
}

/// The layout rows as a JSON array of objects with the CSV's columns.
pub fn layout_json(bundle: &Bundle) -> String {
    serde_json::to_string_pretty(&layout_rows(bundle)).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::palette::{MARK_DARK, MARK_LIGHT, ROLE_BORDER, contrast_ratio};
    use crate::draw::role_marks::ROLE_MARKS;

    #[test]
    fn every_mark_stands_out_from_its_fill_by_3_to_1() {
        for mark in &ROLE_MARKS {
            let stroke = mark.stroke(MARK_LIGHT, MARK_DARK);
            let ratio = contrast_ratio(stroke, role_color(Some(mark.role))).expect("colours");
            assert!(ratio >= 3.0, "{:?}: {ratio:.2}", mark.role);
        }
    }

    #[test]
    fn every_shape_stands_out_by_3_to_1_from_its_border_or_the_background() {
        for role in Role::ALL.map(Some).into_iter().chain([None]) {
            let fill = role_color(role);
            let best = [ROLE_BORDER, MAP_BACKGROUND]
                .map(|other| contrast_ratio(fill, other).expect("colours"))
                .into_iter()
                .fold(0.0, f64::max);
            assert!(best >= 3.0, "{role:?}: {best:.2}");
        }
    }

    #[test]
    fn the_defs_hold_one_pattern_per_role() {
        let defs = pattern_defs(|r| role_color(Some(r)), MARK_LIGHT, MARK_DARK);
        assert_eq!(defs.matches("<pattern ").count(), 4);
        for role in Role::ALL {
            assert!(defs.contains(&format!(r#"id="{}""#, pattern_id(role))));
        }
    }
}
