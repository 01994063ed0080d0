//! The current map as a self-contained SVG file (title, legend and attribution included, colours
//! as attributes), and the layout rows as JSON, for planners to take away.

use std::fmt::Write;

use crate::draw::look::{self, DEFAULT_PATTERNS};
use crate::draw::map_markup::{self, MapLook, escape as xml};
use crate::draw::map_title::{Legend, LegendSymbol, MapTitle, province_legend};
use crate::draw::palette::{self, INK, PAPER};
use crate::draw::scene::{Scene, base_marker_path};
use crate::geo::projection::ScreenPoint;
use crate::model::bundle::Bundle;
use crate::model::facts::Role;
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
        r#"<g class="legend" transform="translate(12 {top:.1})"><rect x="-6" y="-16" width="{width:.1}" height="{:.1}" rx="6" fill="{PAPER}" fill-opacity="0.94" stroke="{edge}"/><text x="0" y="0" font-size="13" font-weight="600" fill="{INK}">{}</text>"#,
        20.0 * rows + 4.0,
        xml(&legend.title),
        edge = palette::LEGEND_EDGE,
    );
    for (i, entry) in legend.entries.iter().enumerate() {
        let y = 20.0 * (i as f64 + 1.0);
        let symbol = match &entry.symbol {
            LegendSymbol::Zone(id) => swatch(look::zone_fill(id), y),
            LegendSymbol::Role(role) => swatch(&role_paint(*role), y),
            LegendSymbol::NotNamed => swatch(look::role_fill(None), y),
            LegendSymbol::Place => format!(
                r#"<circle cx="8" cy="{:.1}" r="6"{}/>"#,
                y - 4.0,
                look::place_marker(None, DEFAULT_PATTERNS).attributes()
            ),
            LegendSymbol::Base => format!(
                r#"<path d="{}" fill="{}"/>"#,
                base_marker_path(ScreenPoint { x: 8.0, y: y - 4.0 }),
                palette::BASE_MARKER
            ),
        };
        let _ = write!(
            s,
            r#"<g class="legend-entry">{symbol}<text x="24" y="{y:.1}" font-size="13" fill="{INK}">{}</text></g>"#,
            xml(&entry.text())
        );
    }
    s.push_str("</g>");
    s
}

/// A legend swatch filled with `paint`.
fn swatch(paint: &str, y: f64) -> String {
    format!(
        r#"<rect x="0" y="{:.1}" width="16" height="12" fill="{paint}" stroke="{INK}" stroke-width="0.5"/>"#,
        y - 10.0
    )
}

/// The map of `scene` as a standalone SVG, drawn by the live map's writer with its colours
/// written in (`look`, whose colours must be [`Look::Fixed`]): `title` (headline and subtitle) on
/// top, cities coloured by zone or by the look's roles, the water, zone outlines, the selection,
/// the base markers of the look's industry, county-level markers, labels, the legend of what is
/// drawn, the scale bar and the warning line.
pub fn map_svg(bundle: &Bundle, scene: &Scene, look: &MapLook, title: &MapTitle) -> String {
    let (w, h) = (scene.width, scene.height + TITLE_BAND + FOOTER_BAND);
    let patterns = if look.roles.is_some() {
        look.colours.patterns(DEFAULT_PATTERNS)
    } else {
        String::new()
    };
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">{patterns}<rect width="{w}" height="{h}" fill="{PAPER}"/>{title}<g class="map" transform="translate(0 {TITLE_BAND})">{body}{legend}</g>{warning}</svg>"#,
        title = title_band(title),
        body = map_markup::map_body(bundle, scene, look),
        legend = legend_svg(
            &province_legend(bundle, look.roles, look.industry, look.lang),
            |r| role_paint(Some(r)),
            scene.height,
        ),
        warning = map_markup::export_warning(bundle, look.lang, h - 9.0),
    )
}

/// The fonts an exported map names, Chinese ones first, so its labels render wherever it opens.
pub const FONT_FAMILY: &str =
    "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";

/// Paint of a role in a legend swatch: its pattern, or the plain fill of no role.
fn role_paint(role: Option<Role>) -> String {
    look::role_paint(role, DEFAULT_PATTERNS)
}

/// The layout rows as a JSON array of objects with the CSV's columns.
pub fn layout_json(bundle: &Bundle) -> String {
    serde_json::to_string_pretty(&layout_rows(bundle)).unwrap_or_else(|_| "[]".to_string())
}
