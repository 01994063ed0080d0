//! The drilled-down map's SVG markup, from a [`DrillScene`]: one writer for the live drill map and
//! for its exports (standalone SVG and PNG), so both draw the same counties, markers and labels.
//!
//! Every element carries its class (the live map's stylesheet colours it, per theme) and its
//! colours as presentation attributes (which any stylesheet rule overrides), so the exported file
//! needs no stylesheet. Counties are filled with their city's role for the chosen industry: the
//! plan names cities, so the city's role is the counties' context; a county-level place the plan
//! names itself (昆山, 宜兴) keeps its own role on its marker.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::draw::county_scene::{BASE_LABEL_SCALE, CountyFill, DrillMarker, DrillScene};
use crate::draw::export::{FONT_FAMILY, FOOTER_BAND, TITLE_BAND, legend_svg, title_band};
use crate::draw::look::{self, Look};
use crate::draw::map_markup::{
    base_title, casing, city_class, escape, place_role, tenths, water, water_labels,
};
use crate::draw::map_title::{MapTitle, drill_legend};
use crate::draw::palette::{INK, PAPER};
use crate::draw::scene::{MARKER_RADIUS, WATER_LABEL_SCALE, base_marker_path};
use crate::model::bundle::Bundle;
use crate::model::county_layer::{County, CountyLayer};
use crate::model::facts::Role;
use crate::model::i18n::{Lang, Msg};

/// The id of the drilled map's `<svg>`.
pub const DRILL_SVG_ID: &str = "atlas-drill-map";

/// The drilled map's own pattern ids' prefix, so its fills never depend on the province map's
/// patterns (which stay in the page, hidden, while a city is drilled).
const PATTERN_PREFIX: &str = "drill-pattern-";

/// What the drilled map shows besides its geometry.
#[derive(Debug, Clone, Copy)]
pub struct DrillLook<'a> {
    /// The strongest role of each place in the chosen topic, or `None` to colour by zone.
    pub roles: Option<&'a BTreeMap<String, Role>>,
    /// The chosen industry, whose bases are marked (all bases when `None`).
    pub industry: Option<&'a str>,
    /// The language of names and labels.
    pub lang: Lang,
    /// The selected county.
    pub county: Option<&'a str>,
    /// Whether counties are buttons (the live map) or named pictures (an export).
    pub interactive: bool,
}

impl DrillLook<'_> {
    /// How `adcode` shows under the topic: `None` by zone, `Some(None)` when not named.
    fn role_of(&self, adcode: &str) -> Option<Option<Role>> {
        self.roles.map(|map| map.get(adcode).copied())
    }
}

/// The accessible name of a county on the drilled map: its names, its kind, its city and, when
/// an industry is chosen, the role shown: its own where the plan names it (`own`, as 宜兴 in
/// 节能环保), else the city's (the counties' context).
pub fn county_accessible_name(
    bundle: &Bundle,
    county: &County,
    role: Option<Role>,
    own: bool,
    lang: Lang,
) -> String {
    let city = bundle
        .city(&county.city)
        .map_or("", |c| lang.pick(&c.name_zh, &c.name_en));
    let holder = if own {
        lang.pick(&county.name_zh, &county.name_en)
    } else {
        city
    };
    let names = crate::draw::map_markup::both_names(&county.name_zh, &county.name_en, lang);
    let mut text = match lang {
        Lang::Zh => format!("{names}，{}，{city}", county.kind.name(lang)),
        Lang::En => format!("{names}, {}, {city}", county.kind.name(lang)),
    };
    if let Some(role) = role {
        let _ = match lang {
            Lang::Zh => write!(text, "；{holder}：{}", lang.role(role)),
            Lang::En => write!(text, "; {holder}: {}", lang.role(role)),
        };
    }
    text
}

/// The class of a county's shape: `county`, its city's zone, how it is filled (`role-…` for its
/// own role or none, `tint-…` for its city's role as a tint) and its selection.
pub fn county_class(zone: &str, fill: CountyFill, selected: bool) -> String {
    let shown = match fill {
        CountyFill::Zone => None,
        CountyFill::Own(role) => Some(Some(role)),
        CountyFill::CityTint(_) | CountyFill::Unnamed => Some(None),
    };
    let class = city_class(zone, shown, selected);
    let class = format!("county{}", class.strip_prefix("city").unwrap_or(&class));
    match fill {
        CountyFill::CityTint(role) => {
            class.replacen(" role-none", &format!(" tint-{}", role.as_str()), 1)
        }
        _ => class,
    }
}

/// The drilled map's body: the other cities faint, the counties (buttons on the live map), the
/// water over them (as on the province map), the city's outline, the selected county's outline,
/// base and place markers, and the labels with the lakes' names.
pub fn drill_body(
    bundle: &Bundle,
    layer: &CountyLayer,
    scene: &DrillScene,
    look: &DrillLook,
) -> String {
    let mut s = String::from(r#"<g class="neighbours" aria-hidden="true">"#);
    for n in &scene.neighbours {
        let _ = write!(
            s,
            r#"<path class="neighbour" data-adcode="{}" d="{}"{}></path>"#,
            n.adcode,
            n.path,
            look::neighbour().attributes()
        );
    }
    s.push_str(r#"</g><g class="counties">"#);
    let zone = bundle.city(&scene.city).map_or("", |c| c.zone.as_str());
    let city_role = look.role_of(&scene.city);
    for shape in &scene.counties {
        let Some(county) = layer.county(&shape.adcode) else {
            continue;
        };
        // A county the plan names (宜兴 for 节能环保) shows its own role; any other a tint of
        // its city's.
        let own = look.role_of(&shape.adcode).flatten();
        let county_fill = CountyFill::of(city_role, own);
        let role = county_fill.role(city_role);
        let paint = look::county(county_fill, zone, PATTERN_PREFIX).attributes();
        let selected = look.county == Some(shape.adcode.as_str());
        let name = county_accessible_name(bundle, county, role.flatten(), own.is_some(), look.lang);
        let button = if look.interactive {
            place_role(true, selected)
        } else {
            r#"role="img""#
        };
        let _ = write!(
            s,
            r#"<path class="{class}" d="{d}"{paint} {button} aria-label="{name}" data-adcode="{adcode}" data-role="{word}"><title>{name}</title></path>"#,
            class = county_class(zone, county_fill, selected),
            d = shape.path,
            name = escape(&name),
            adcode = shape.adcode,
            word = crate::draw::map_markup::role_word(role),
        );
    }
    let _ = write!(
        s,
        r#"</g><g class="water" aria-hidden="true">{}"#,
        water(&scene.water, &scene.channel)
    );
    let _ = write!(
        s,
        r#"</g><g class="city-outline" aria-hidden="true"><path d="{}"{}></path></g><g class="selected-outline" aria-hidden="true">"#,
        scene.city_path,
        look::outline("2.5").attributes()
    );
    if let Some(shape) = look
        .county
        .and_then(|a| scene.counties.iter().find(|c| c.adcode == a))
    {
        s.push_str(&casing(&shape.path));
    }
    s.push_str(r#"</g><g class="bases">"#);
    let shown_bases: Vec<&DrillMarker> = scene
        .bases
        .iter()
        .filter(|m| base_of(bundle, m).is_some_and(|b| b.serves(look.industry)))
        .collect();
    for marker in &shown_bases {
        let Some(base) = base_of(bundle, marker) else {
            continue;
        };
        let title = escape(&base_title(base, look.lang));
        let _ = write!(
            s,
            r#"<path class="base-marker" d="{d}"{paint} role="img" aria-label="{title}" data-county="{host}"><title>{title}</title></path>"#,
            d = base_marker_path(marker.point),
            paint = look::base_marker().attributes(),
            host = marker.host,
        );
    }
    s.push_str(r#"</g><g class="places" aria-hidden="true">"#);
    for marker in &scene.places {
        let role = look.role_of(&marker.key);
        let _ = write!(
            s,
            r#"<circle class="{class}" cx="{x}" cy="{y}" r="{MARKER_RADIUS}"{paint} data-county="{host}"></circle>"#,
            paint = look::place_marker(role, PATTERN_PREFIX).attributes(),
            class = crate::draw::map_markup::place_class(
                role,
                look.county == Some(marker.host.as_str())
            ),
            x = tenths(marker.point.x),
            y = tenths(marker.point.y),
            host = marker.host,
        );
    }
    s.push_str(r#"</g><g class="labels" aria-hidden="true">"#);
    let font = scene.label_font;
    let labels = scene
        .counties
        .iter()
        .map(|c| {
            (
                &c.adcode,
                &c.label,
                c.label_box,
                c.label_font,
                "county-label",
            )
        })
        .chain(shown_bases.iter().map(|b| {
            (
                &b.host,
                &b.label,
                b.label_box,
                font * BASE_LABEL_SCALE,
                "county-label base-label",
            )
        }));
    for (adcode, text, label_box, size, class) in labels {
        let Some(b) = label_box else { continue };
        let _ = write!(
            s,
            r#"<text class="{class}" data-adcode="{adcode}" x="{x}" y="{y}" font-size="{size}"{paint}>{text}</text>"#,
            paint = look::label("600", INK, "3"),
            x = tenths(b.center.x),
            y = tenths(b.center.y),
            size = tenths(size),
            text = escape(text),
        );
    }
    s.push_str(&water_labels(&scene.water, font * WATER_LABEL_SCALE));
    let _ = write!(
        s,
        r#"</g><g class="scale-bar" aria-hidden="true">{}</g>"#,
        crate::draw::map_markup::scale_bar(scene.scale_bar.as_ref())
    );
    s
}

/// The base a marker stands for.
fn base_of<'a>(bundle: &'a Bundle, marker: &DrillMarker) -> Option<&'a crate::model::facts::Base> {
    bundle.bases.get(marker.key.parse::<usize>().ok()?)
}

/// The live drilled map: `<svg id="atlas-drill-map">` with its own role patterns (coloured by
/// the stylesheet) and [`drill_body`].
pub fn drill_svg(
    bundle: &Bundle,
    layer: &CountyLayer,
    scene: &DrillScene,
    look: &DrillLook,
) -> String {
    let (w, h) = (tenths(scene.width), tenths(scene.height));
    let city = bundle
        .city(&scene.city)
        .map_or("", |c| look.lang.pick(&c.name_zh, &c.name_en));
    format!(
        r#"<svg id="{DRILL_SVG_ID}" class="drill-svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="group" aria-label="{label}" data-city="{adcode}">{patterns}{body}</svg>"#,
        label = escape(&format!("{city} · {}", look.lang.text(Msg::CountiesOf))),
        adcode = scene.city,
        patterns = Look::Themed.patterns(PATTERN_PREFIX),
        body = drill_body(bundle, layer, scene, look),
    )
}

/// The drilled map as a standalone SVG file: `title` (headline and subtitle) on top, the map with
/// its colours as attributes, clipped to its own area (the neighbours it draws faintly reach
/// beyond it and would cover the title and the warning line), the legend of what it draws (the
/// city's counties by role, its county-level places and bases), and the map's warning line.
pub fn drill_export_svg(
    bundle: &Bundle,
    layer: &CountyLayer,
    scene: &DrillScene,
    look: &DrillLook,
    title: &MapTitle,
) -> String {
    let (w, h) = (scene.width, scene.height + TITLE_BAND + FOOTER_BAND);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">{patterns}<clipPath id="drill-map-area"><rect width="{w}" height="{map_h}"/></clipPath><rect width="{w}" height="{h}" fill="{PAPER}"/>{title}<g class="map" transform="translate(0 {TITLE_BAND})"><g clip-path="url(#drill-map-area)">{body}</g>{legend}</g>{warning}</svg>"#,
        patterns = Look::Fixed.patterns(PATTERN_PREFIX),
        title = title_band(title),
        map_h = scene.height,
        legend = legend_svg(
            &drill_legend(
                bundle,
                layer,
                &scene.city,
                look.roles,
                look.industry,
                look.lang
            ),
            |r| look::role_paint(Some(r), PATTERN_PREFIX),
            scene.height,
        ),
        body = drill_body(bundle, layer, scene, look),
        warning = crate::draw::map_markup::export_warning(bundle, look.lang, h - 9.0),
    )
}
