//! The live map's SVG element tree as markup, from a [`Scene`].
//!
//! The site build writes it into index.html, so the first map paints before any script runs; the
//! app adopts those very elements (or creates the same tree from this markup when it opens the
//! map again) and from then on only changes what a state change changes: the role classes and
//! names on a new industry, the selection on a click, the labels' group on a new language, the
//! paths' `d` only when the map's size changes (src/map/map_view.rs). It is the one SVG writer of the
//! atlas's maps: the exported SVG draws the same scene with the same pieces, its colours written
//! in ([`crate::draw::look::Look::Fixed`], [`crate::draw::export::map_svg`]); the small maps, the drilled map
//! and the locator are written by these pieces too, painted as [`crate::draw::look`] describes.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::draw::look::{self, DEFAULT_PATTERNS, Look, RoleShown};
use crate::draw::palette;
use crate::draw::scale_bar::ScaleBar;
use crate::draw::scene::{
    ChannelPiece, Scene, WATER_LABEL_SCALE, WaterShape, base_marker_path, place_radius,
};
use crate::geo::svg_path::push_tenths;
use crate::model::bundle::{Bundle, WaterKind};
use crate::model::facts::{Base, Role};
use crate::model::i18n::{Lang, Msg};

/// The id of the map's `<svg>`, by which the app finds the prerendered map to adopt.
pub const MAP_SVG_ID: &str = "atlas-map";

/// What the map shows besides its geometry: the roles of the chosen topic (if any), the
/// industry whose bases are marked, the language and the selection.
#[derive(Debug, Clone, Copy)]
pub struct MapLook<'a> {
    /// The strongest role of each place in the chosen topic, or `None` to colour by zone.
    pub roles: Option<&'a BTreeMap<String, Role>>,
    /// The chosen industry, whose bases are marked (all bases when `None`).
    pub industry: Option<&'a str>,
    /// The language of names and labels.
    pub lang: Lang,
    /// The selected city or county-level place.
    pub city: Option<&'a str>,
    /// The selected zone.
    pub zone: Option<&'a str>,
    /// Whether the places are buttons (the app's map) or named pictures (the page's map before
    /// the app has started, or without JavaScript, where nothing could answer a click).
    pub interactive: bool,
    /// Whether the colours are the stylesheet's or written in (an export).
    pub colours: Look,
}

impl MapLook<'_> {
    /// How `adcode` shows under this look's topic.
    pub fn role_of(&self, adcode: &str) -> RoleShown {
        role_shown(self.roles, adcode)
    }
}

/// How `adcode` shows under `roles` (see [`RoleShown`]).
pub fn role_shown(roles: Option<&BTreeMap<String, Role>>, adcode: &str) -> RoleShown {
    roles.map(|map| map.get(adcode).copied())
}

/// The `data-role` word of a place: empty by zone, `none` when not named, else the role.
pub fn role_word(role: RoleShown) -> &'static str {
    match role {
        None => "",
        Some(None) => "none",
        Some(Some(r)) => r.as_str(),
    }
}

/// The class of a city's shape: its zone, its role under a topic, and whether it is selected.
pub fn city_class(zone: &str, role: RoleShown, selected: bool) -> String {
    with_role_and_selection(format!("city zone-{zone}"), role, selected)
}

/// The class of a county-level place's marker: its role under a topic, and whether it is
/// selected.
pub fn place_class(role: RoleShown, selected: bool) -> String {
    with_role_and_selection(String::from("place-marker"), role, selected)
}

/// `class` followed by the role's class under a topic and `selected` when it is.
fn with_role_and_selection(mut class: String, role: RoleShown, selected: bool) -> String {
    if role.is_some() {
        class.push_str(" role-");
        class.push_str(role_word(role));
    }
    if selected {
        class.push_str(" selected");
    }
    class
}

/// The accessible name of a place on the map: its names, its zone (a city) or city (a
/// county-level place), and its role when one is shown.
pub fn accessible_name(bundle: &Bundle, adcode: &str, role: Option<Role>, lang: Lang) -> String {
    let Some(name) = bundle.place_name(adcode) else {
        return adcode.to_string();
    };
    let context = if name.county_level {
        bundle
            .place(adcode)
            .and_then(|p| bundle.place_name(&p.city))
            .map_or(String::new(), |c| c.in_lang(lang).to_string())
    } else {
        bundle
            .city(adcode)
            .and_then(|c| bundle.zone_of(c))
            .map_or(String::new(), |z| {
                lang.pick(&z.name_zh, &z.name_en).to_string()
            })
    };
    let mut text = format!(
        "{}{}{context}",
        both_names(name.zh, name.en, lang),
        lang.pick("，", ", ")
    );
    if let Some(role) = role {
        text.push_str(lang.pick("；", "; "));
        text.push_str(lang.role(role));
    }
    text
}

/// A place's two names for an accessible name, the interface language's first, with the
/// punctuation of that language: `南京市 Nanjing`, `Nanjing (南京市)`.
pub fn both_names(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{zh} {en}"),
        Lang::En => format!("{en} ({zh})"),
    }
}

/// A base's one-line description: name, kind, year, and whether its position is approximate.
pub fn base_title(base: &Base, lang: Lang) -> String {
    let mut text = format!(
        "{} · {}",
        lang.pick(&base.name_zh, &base.name_en),
        base.kind.name(lang)
    );
    if let Some(year) = base.approved {
        let _ = write!(text, " · {year} {}", lang.text(Msg::Approved));
    }
    if base.approximate {
        text.push_str(" · ");
        text.push_str(lang.text(Msg::Approximate));
    }
    text
}

/// Escapes text for XML and HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A coordinate to a tenth of a pixel, written as paths write theirs (digit by digit, without
/// the float formatting machinery).
pub fn tenths(value: f64) -> String {
    let mut out = String::new();
    push_tenths(&mut out, (value * 10.0).round() as i64);
    out
}

/// What a city's shape or a county-level place's marker on a drawn (themed, interactive) map
/// shows under a look: the one description the maps that restyle their places in place (the
/// province map, the plan view's map) apply, as [`cities`] and [`places`] write it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceStyle {
    /// The class: zone (a city), role, selection and `extra`.
    pub class: String,
    /// The `data-role` word.
    pub role: &'static str,
    /// The accessible name.
    pub name: String,
    /// `aria-pressed`: whether it is the selected place.
    pub pressed: &'static str,
    /// A marker's radius (its role's size at the map's width); `None` for a city's shape.
    pub radius: Option<String>,
}

/// How the place `adcode` shows under `look`: a city's shape when `zone` (its zone) is given,
/// else a county-level place's marker on a map `width` px wide; `extra` classes follow its own
/// (the plan view's `plan-focus`).
pub fn place_style(
    bundle: &Bundle,
    look: &MapLook,
    adcode: &str,
    zone: Option<&str>,
    width: f64,
    extra: Option<&str>,
) -> PlaceStyle {
    let role = look.role_of(adcode);
    let selected = look.city == Some(adcode);
    let mut class = match zone {
        Some(zone) => city_class(zone, role, selected),
        None => place_class(role, selected),
    };
    if let Some(extra) = extra {
        class.push(' ');
        class.push_str(extra);
    }
    PlaceStyle {
        class,
        role: role_word(role),
        name: accessible_name(bundle, adcode, role.flatten(), look.lang),
        pressed: if selected { "true" } else { "false" },
        radius: zone.is_none().then(|| tenths(place_radius(role, width))),
    }
}

/// The attributes that make a place a button, or, before the app has started, a named picture.
pub fn place_role(interactive: bool, selected: bool) -> &'static str {
    match (interactive, selected) {
        (false, _) => r#"role="img""#,
        (true, false) => r#"tabindex="0" role="button" aria-pressed="false""#,
        (true, true) => r#"tabindex="0" role="button" aria-pressed="true""#,
    }
}

/// The attributes every selectable place on the map carries, a city's shape or a county-level
/// place's marker: button (or picture), accessible name, adcode and role word under `look`.
fn place_attributes(bundle: &Bundle, adcode: &str, look: &MapLook) -> String {
    let role = look.role_of(adcode);
    let selected = look.city == Some(adcode);
    format!(
        r#"{button} aria-label="{name}" data-adcode="{adcode}" data-role="{word}""#,
        button = place_role(look.interactive, selected),
        name = escape(&accessible_name(bundle, adcode, role.flatten(), look.lang)),
        word = role_word(role),
    )
}

/// The whole map: `<svg id="atlas-map">` with its role patterns and groups, drawn for `look`;
/// a map that is not interactive is the page's own, scaled to fit until the app takes it over
/// (class `prerendered`).
pub fn map_svg(bundle: &Bundle, scene: &Scene, look: &MapLook) -> String {
    let (w, h) = (tenths(scene.width), tenths(scene.height));
    let class = if look.interactive {
        "map-svg"
    } else {
        "map-svg prerendered"
    };
    format!(
        r#"<svg id="{MAP_SVG_ID}" class="{class}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="group" aria-label="{label}">{patterns}{body}</svg>"#,
        label = escape(look.lang.text(Msg::MapLabel)),
        patterns = look.colours.patterns(DEFAULT_PATTERNS),
        body = map_body(bundle, scene, look),
    )
}

/// The map's groups, drawn for `look`: cities, water, zone outlines, the selection's casing, the
/// places' hit areas (only where a tap can choose: a themed map), bases, places, labels and the
/// scale bar.
pub fn map_body(bundle: &Bundle, scene: &Scene, look: &MapLook) -> String {
    let hits = match look.colours {
        Look::Themed => format!(
            r#"<g class="marker-hits" aria-hidden="true">{}</g>"#,
            place_hits(scene)
        ),
        Look::Fixed => String::new(),
    };
    format!(
        r#"<g class="cities">{cities}</g><g class="water" aria-hidden="true">{water}</g><g class="zone-outlines" aria-hidden="true">{zones}</g><g class="selected-outline" aria-hidden="true">{selected}</g>{hits}<g class="bases">{bases}</g><g class="places">{places}</g><g class="labels" aria-hidden="true">{labels}</g><g class="scale-bar" aria-hidden="true">{scale}</g>"#,
        cities = cities(bundle, scene, look),
        water = water(&scene.water, &scene.channel),
        zones = zone_outlines(scene, look.zone, look.colours),
        selected = selected_outline(scene, look.city),
        bases = bases(bundle, scene, look),
        places = places(bundle, scene, look),
        labels = labels(scene, look.colours),
        scale = scale_bar(scene.scale_bar.as_ref()),
    )
}

/// An exported map's warning line at `y`: that it is not an approved map (or its approval
/// number) and its coordinate reference, in the ink colour so it is read, not skimmed; the
/// sources' licences go in the file's description (the live map's About box), not on the map.
pub fn export_warning(bundle: &Bundle, lang: Lang, y: f64) -> String {
    format!(
        r##"<desc>{licences}</desc><text class="map-warning" x="12" y="{y}" font-size="12" font-weight="600" fill="{ink}">{warning}</text>"##,
        licences = escape(&bundle.licences().join(" · ")),
        y = tenths(y),
        ink = palette::INK,
        warning = escape(&bundle.map_warning(lang)),
    )
}

/// The scale bar (see [`crate::draw::scale_bar`]): a bar with end ticks and its length in km above
/// it, with its colours as attributes so an exported file needs no stylesheet (the live map's
/// stylesheet recolours it per theme). Nothing when the map has no bar.
pub fn scale_bar(bar: Option<&ScaleBar>) -> String {
    let Some(bar) = bar else {
        return String::new();
    };
    let (x, y, end) = (bar.start.x, bar.start.y, bar.start.x + bar.length);
    let tick = (bar.font * 0.4).max(4.0);
    format!(
        r##"<path class="scale-bar-line" d="M{x0} {top}V{y0}H{x1}V{top}" fill="none" stroke="{paper}" stroke-width="4" stroke-linejoin="round"></path><path class="scale-bar-line ink" d="M{x0} {top}V{y0}H{x1}V{top}" fill="none" stroke="{ink}" stroke-width="1.5"></path><text class="scale-bar-label" x="{mid}" y="{ty}" font-size="{size}" text-anchor="middle" fill="{ink}" stroke="{paper}" stroke-width="3" paint-order="stroke">{text}</text>"##,
        x0 = tenths(x),
        x1 = tenths(end),
        y0 = tenths(y),
        top = tenths(y - tick),
        mid = tenths((x + end) / 2.0),
        ty = tenths(y - tick - 2.0),
        size = tenths(bar.font),
        ink = palette::INK,
        paper = palette::PAPER,
        text = escape(&bar.label()),
    )
}

/// Every city's shape as a focusable button named for screen readers.
pub fn cities(bundle: &Bundle, scene: &Scene, look: &MapLook) -> String {
    let mut s = String::new();
    for city in &scene.cities {
        let role = look.role_of(&city.adcode);
        let selected = look.city == Some(city.adcode.as_str());
        let _ = write!(
            s,
            r#"<path class="{class}" d="{d}" data-zone="{zone}" {place}{paint}></path>"#,
            class = city_class(&city.zone, role, selected),
            d = city.path,
            zone = city.zone,
            place = place_attributes(bundle, &city.adcode, look),
            paint = look
                .colours
                .paint(|| look::city(&city.zone, role, DEFAULT_PATTERNS)),
        );
    }
    s
}

/// The lakes and the river over the cities (or a drilled city's counties), then the river
/// carried on along its channel to the sea: pictures only, never focusable and never taking a
/// click (the stylesheet sets `pointer-events: none`), so the place under the water keeps its
/// clicks. Each shape carries its class, which the live map's stylesheet colours per theme, and
/// its colours as presentation attributes, so an exported file needs no stylesheet.
pub fn water(water: &[WaterShape], channel: &[ChannelPiece]) -> String {
    let mut s = String::new();
    for (i, shape) in water.iter().enumerate() {
        let kind = match shape.kind {
            WaterKind::Lake => "lake",
            WaterKind::River => "river",
        };
        let _ = write!(
            s,
            r#"<path class="water-{kind}" data-water="{i}" d="{}" fill="{}" stroke="{}" stroke-width="0.8"></path>"#,
            shape.path,
            palette::WATER,
            palette::WATER_EDGE,
        );
    }
    for (class, color, widen) in [
        ("water-channel edge", palette::WATER_EDGE, CHANNEL_EDGE),
        ("water-channel", palette::WATER, 0.0),
    ] {
        for piece in channel {
            let _ = write!(
                s,
                r#"<path class="{class}" d="{}" fill="none" stroke="{color}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"></path>"#,
                piece.path,
                tenths(piece.width + widen)
            );
        }
    }
    s
}

/// The names of the water that has room, at `size` px, with their colours as attributes as
/// [`water`] has.
pub fn water_labels(water: &[WaterShape], size: f64) -> String {
    let mut s = String::new();
    for shape in water {
        let Some(b) = shape.label_box else { continue };
        let _ = write!(
            s,
            r##"<text class="water-label" x="{x}" y="{y}" font-size="{size}" font-weight="500" text-anchor="middle" dominant-baseline="central" fill="{ink}" stroke="{paper}" stroke-width="2.5" paint-order="stroke">{text}</text>"##,
            x = tenths(b.center.x),
            y = tenths(b.center.y),
            size = tenths(size),
            ink = palette::WATER_INK,
            paper = palette::PAPER,
            text = escape(&shape.label),
        );
    }
    s
}

/// How much wider the channel's edge is drawn than its water, px: a 0.8 px edge each side, as
/// the lakes have.
pub const CHANNEL_EDGE: f64 = 1.6;

/// The zone outlines, the selected zone's marked, painted as `colours` says.
pub fn zone_outlines(scene: &Scene, selected: Option<&str>, colours: Look) -> String {
    let mut s = String::new();
    for zone in &scene.zones {
        let class = if selected == Some(zone.id.as_str()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            s,
            r#"<path class="zone-outline zone-{id}{class}" data-zone="{id}" d="{d}"{paint}></path>"#,
            id = zone.id,
            d = zone.path,
            paint = colours.paint(|| look::outline("2")),
        );
    }
    s
}

/// The outline drawn over the selected city, or nothing: a [`casing`].
pub fn selected_outline(scene: &Scene, city: Option<&str>) -> String {
    city.and_then(|adcode| scene.cities.iter().find(|c| c.adcode == adcode))
        .map_or(String::new(), |shape| casing(&shape.path))
}

/// The selection's casing along the path `d`: a dark line inside a light halo, two strokes, so
/// that one of them stands out 3:1 or more on every role fill and mark (see
/// [`palette::SELECT_HALO`]); the province map, the drilled map and their exports draw it from
/// here. Its colours are attributes too, for a file without the stylesheet.
pub fn casing(d: &str) -> String {
    format!(
        r#"<path class="casing-halo" d="{d}" fill="none" stroke="{halo}" stroke-width="{hw}" stroke-linejoin="round"></path><path class="casing-line" d="{d}" fill="none" stroke="{line}" stroke-width="{lw}" stroke-linejoin="round"></path>"#,
        halo = palette::SELECT_HALO,
        line = palette::SELECT_LINE,
        hw = palette::SELECT_HALO_WIDTH,
        lw = palette::SELECT_LINE_WIDTH,
    )
}

/// The markers of the bases serving the look's industry (every base when `None`), each a
/// button that selects its host city.
pub fn bases(bundle: &Bundle, scene: &Scene, look: &MapLook) -> String {
    let mut s = String::new();
    for (base, at) in bundle.bases.iter().zip(&scene.bases) {
        if !base.serves(look.industry) {
            continue;
        }
        let title = escape(&base_title(base, look.lang));
        let button = if look.interactive {
            r#"tabindex="0" role="button""#
        } else {
            r#"role="img""#
        };
        let _ = write!(
            s,
            r#"<path class="base-marker" d="{d}" {button} aria-label="{title}" data-host="{city}"{paint}><title>{title}</title></path>"#,
            d = base_marker_path(*at),
            city = base.city,
            paint = look.colours.paint(look::base_marker),
        );
    }
    s
}

/// The radius of a county-level place's hit area, px: a target 24 px across (WCAG 2.5.8) round
/// its marker, which is drawn 12 to 21 px across.
pub const HIT_RADIUS: f64 = 12.0;

/// The county-level places' hit areas: an invisible circle of [`HIT_RADIUS`] round each place's
/// marker, naming the place a tap there chooses (`data-hit`), so that a finger finds a 12 px
/// marker inside its city (昆山 in 苏州, 宜兴 in 无锡), where a near miss would choose the city.
/// They lie under every marker, so a marker itself always takes its own tap.
pub fn place_hits(scene: &Scene) -> String {
    let mut s = String::new();
    for place in &scene.places {
        let _ = write!(
            s,
            r#"<circle class="marker-hit" cx="{x}" cy="{y}" r="{HIT_RADIUS}" data-hit="{adcode}"></circle>"#,
            x = tenths(place.point.x),
            y = tenths(place.point.y),
            adcode = place.adcode,
        );
    }
    s
}

/// A place's label paint under `colours`: nothing when themed (the stylesheet's), else ink on a
/// white halo.
fn label_paint(colours: Look) -> String {
    match colours {
        Look::Themed => String::new(),
        Look::Fixed => look::label("600", palette::INK, "3"),
    }
}

/// The county-level places' markers, each a focusable button named for screen readers.
pub fn places(bundle: &Bundle, scene: &Scene, look: &MapLook) -> String {
    let mut s = String::new();
    for place in &scene.places {
        let role = look.role_of(&place.adcode);
        let selected = look.city == Some(place.adcode.as_str());
        let _ = write!(
            s,
            r#"<circle class="{class}" cx="{x}" cy="{y}" r="{r}" {place}{paint}></circle>"#,
            class = place_class(role, selected),
            r = place_radius(role, scene.width),
            x = tenths(place.point.x),
            y = tenths(place.point.y),
            place = place_attributes(bundle, &place.adcode, look),
            paint = look
                .colours
                .paint(|| look::place_marker(role, DEFAULT_PATTERNS)),
        );
    }
    s
}

/// The labels that have room: cities', then county-level places' (at 0.9 of the size), then the
/// lakes' names; painted as `colours` says (the water's names always are).
pub fn labels(scene: &Scene, colours: Look) -> String {
    let mut s = String::new();
    let font = scene.label_font;
    let all = scene
        .cities
        .iter()
        .map(|c| (&c.adcode, &c.label, c.label_box, font, "city-label"))
        .chain(scene.places.iter().map(|p| {
            (
                &p.adcode,
                &p.label,
                p.label_box,
                font * 0.9,
                "city-label place-label",
            )
        }));
    for (adcode, text, label_box, size, class) in all {
        let Some(b) = label_box else { continue };
        let _ = write!(
            s,
            r#"<text class="{class}" data-adcode="{adcode}" x="{x}" y="{y}" font-size="{size}"{paint}>{text}</text>"#,
            x = tenths(b.center.x),
            y = tenths(b.center.y),
            size = tenths(size),
            text = escape(text),
            paint = label_paint(colours),
        );
    }
    s.push_str(&water_labels(&scene.water, font * WATER_LABEL_SCALE));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessible_names_lead_with_the_interface_languages_name_and_punctuation() {
        let bundle = crate::model::bundle::committed_bundle();
        assert_eq!(
            accessible_name(&bundle, "320100", Some(Role::Support), Lang::En),
            "Nanjing (南京市), Southern Jiangsu; Support"
        );
        assert_eq!(
            accessible_name(&bundle, "320100", Some(Role::Support), Lang::Zh),
            "南京市 Nanjing，苏南；支撑"
        );
    }

    #[test]
    fn classes_say_zone_role_and_selection() {
        assert_eq!(city_class("south", None, false), "city zone-south");
        assert_eq!(
            city_class("north", Some(None), true),
            "city zone-north role-none selected"
        );
        assert_eq!(
            city_class("central", Some(Some(Role::Focus)), false),
            "city zone-central role-focus"
        );
        assert_eq!(place_class(None, false), "place-marker");
        assert_eq!(
            place_class(Some(Some(Role::Support)), true),
            "place-marker role-support selected"
        );
    }

    #[test]
    fn every_place_has_a_hit_area_of_24_px_choosing_it() {
        let bundle = crate::model::bundle::committed_bundle();
        let scene = Scene::project(&bundle, 390.0, 400.0);
        let hits = place_hits(&scene);
        assert_eq!(
            hits.matches(r#"class="marker-hit""#).count(),
            bundle.places.len()
        );
        assert!(hits.contains(r#"r="12" data-hit="320583""#), "昆山's own");
        assert!(hits.contains(r#"r="12" data-hit="320282""#), "宜兴's own");
    }

    #[test]
    fn a_restyled_place_shows_what_a_drawn_one_shows() {
        let bundle = crate::model::bundle::committed_bundle();
        let scene = Scene::project(&bundle, 600.0, 500.0);
        let roles: BTreeMap<String, Role> = BTreeMap::from([("320583".to_string(), Role::Focus)]);
        let look = MapLook {
            roles: Some(&roles),
            industry: None,
            lang: Lang::En,
            city: Some("320583"),
            zone: None,
            interactive: true,
            colours: Look::Themed,
        };
        let drawn = places(&bundle, &scene, &look);
        let style = place_style(&bundle, &look, "320583", None, scene.width, None);
        let r = style.radius.clone().expect("a marker's radius");
        assert!(drawn.contains(&format!(r#"class="{}" cx="#, style.class)));
        assert!(drawn.contains(&format!(r#"r="{r}" tabindex="0" role="button" aria-pressed="true" aria-label="{}" data-adcode="320583" data-role="{}""#, escape(&style.name), style.role)));
        let city = place_style(
            &bundle,
            &look,
            "320500",
            Some("south"),
            600.0,
            Some("plan-focus"),
        );
        assert_eq!(city.class, "city zone-south role-none plan-focus");
        assert_eq!(
            (city.role, city.pressed, city.radius),
            ("none", "false", None)
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r#"<b>&'""#), "&lt;b&gt;&amp;&#39;&quot;");
    }

    #[test]
    fn tenths_round_to_one_decimal() {
        assert_eq!(tenths(12.34), "12.3");
        assert_eq!(tenths(-0.06), "-0.1");
        assert_eq!(tenths(7.0), "7");
    }
}
