//! The atlas's colours in one place, as CSS writes them (`#rrggbb`): the role and zone fills, the
//! border and the ink. The target charts the builder draws take them from here, and a test holds
//! the stylesheet's custom properties (`assets/css/10-base.css`) and the exported map's role
//! colours to this list, so a role reads the same on the map, in its legend and in the charts.

use crate::model::facts::Role;

/// An sRGB colour, for drawing code that needs the channels (the charts' plotters backend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The channels of a `#rrggbb` colour, or `None` when it is not one.
pub fn rgb(hex: &str) -> Option<Rgb> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// Fill of the signature-industry role.
pub const ROLE_SIGNATURE: &str = "#8c1d40";
/// Fill of the focus role.
pub const ROLE_FOCUS: &str = "#c0504d";
/// Fill of the support role.
pub const ROLE_SUPPORT: &str = "#f4a582";
/// Fill of the pilot role.
pub const ROLE_PILOT: &str = "#7b61b5";
/// Fill of a place the topic does not name.
pub const ROLE_NONE: &str = "#e3e6ea";
/// Border between cities coloured by role, dark enough to outline the light fills.
pub const ROLE_BORDER: &str = "#4a5563";
/// Marks on dark role fills.
pub const MARK_LIGHT: &str = "#ffffff";
/// Marks on light role fills (the interface's ink).
pub const MARK_DARK: &str = "#1d2733";
/// The interface's text colour.
pub const INK: &str = "#1d2733";
/// The interface's secondary text colour.
pub const MUTED: &str = "#5a6675";
/// Fill of 苏南.
pub const ZONE_SOUTH: &str = "#5b9bd5";
/// Fill of 苏中.
pub const ZONE_CENTRAL: &str = "#7fbf7a";
/// Fill of 苏北.
pub const ZONE_NORTH: &str = "#e8b04e";
/// Fill of an industrial base's diamond marker (the interface's navy).
pub const BASE_MARKER: &str = "#1d3557";
/// Fill of lakes and rivers: a pale blue apart from every zone and role fill.
pub const WATER: &str = "#d4ecfa";
/// Edge of lakes and rivers, so water reads on the pale fills too.
pub const WATER_EDGE: &str = "#3a7fb8";
/// Lake names (dark blue, 4.5:1 and more on the water).
pub const WATER_INK: &str = "#164a75";

/// The paper under an exported map, and the light halo round its labels, the borders between
/// cities coloured by zone and the fill of a county-level place's marker when nothing is chosen.
pub const PAPER: &str = "#ffffff";
/// The zones' outlines and a drilled city's outline: darker than every border inside them.
pub const OUTLINE: &str = "#26323f";
/// Fill of the cities round a drilled city, faint so the city's counties stand out.
pub const NEIGHBOUR: &str = "#eef0f3";
/// Border of the cities round a drilled city.
pub const NEIGHBOUR_EDGE: &str = "#aab2bd";
/// The edge of an exported map's legend box.
pub const LEGEND_EDGE: &str = "#c7ced8";

/// The selection casing's outer stroke: a light halo, 3:1 and more on the dark role fills
/// (signature, focus, pilot), on the light mark and on the dark theme's unnamed fill.
pub const SELECT_HALO: &str = "#ffffff";
/// The selection casing's inner stroke: a near-black line, 3:1 and more on the light fills
/// (support, unnamed, zones) and the marks; one of the two strokes always stands out, where a
/// single crimson stroke vanished on the red and crimson fills.
pub const SELECT_LINE: &str = "#0b1320";
/// Width of the casing's halo, px: it shows 1.75 px either side of the line.
pub const SELECT_HALO_WIDTH: f64 = 6.0;
/// Width of the casing's line, px.
pub const SELECT_LINE_WIDTH: f64 = 2.5;

/// A light tint of the signature fill (30 % of it on white), for the drilled city's counties the
/// plan does not name itself: the city's role as context, light enough that county borders and
/// labels stay readable, with no mark, so the county the plan names stands apart.
pub const TINT_SIGNATURE: &str = "#dcbbc6";
/// A light tint of the focus fill (see [`TINT_SIGNATURE`]).
pub const TINT_FOCUS: &str = "#eccaca";
/// A light tint of the support fill (see [`TINT_SIGNATURE`]).
pub const TINT_SUPPORT: &str = "#fce4da";
/// A light tint of the pilot fill (see [`TINT_SIGNATURE`]).
pub const TINT_PILOT: &str = "#d7d0e9";

/// The light tint of a role's fill.
pub fn tint(role: Role) -> &'static str {
    match role {
        Role::Signature => TINT_SIGNATURE,
        Role::Focus => TINT_FOCUS,
        Role::Support => TINT_SUPPORT,
        Role::Pilot => TINT_PILOT,
    }
}

/// The fill of a role.
pub fn role(role: Role) -> &'static str {
    match role {
        Role::Signature => ROLE_SIGNATURE,
        Role::Focus => ROLE_FOCUS,
        Role::Support => ROLE_SUPPORT,
        Role::Pilot => ROLE_PILOT,
    }
}

/// The stylesheet's custom properties for these colours, by name, so that a test can hold
/// `assets/css/10-base.css` to the palette.
pub const CSS_PROPERTIES: [(&str, &str); 25] = [
    ("--role-signature", ROLE_SIGNATURE),
    ("--role-focus", ROLE_FOCUS),
    ("--role-support", ROLE_SUPPORT),
    ("--role-pilot", ROLE_PILOT),
    ("--role-none", ROLE_NONE),
    ("--role-border", ROLE_BORDER),
    ("--mark-light", MARK_LIGHT),
    ("--mark-dark", MARK_DARK),
    ("--ink", INK),
    ("--muted", MUTED),
    ("--zone-south", ZONE_SOUTH),
    ("--zone-central", ZONE_CENTRAL),
    ("--zone-north", ZONE_NORTH),
    ("--base-marker", BASE_MARKER),
    ("--water", WATER),
    ("--water-edge", WATER_EDGE),
    ("--water-ink", WATER_INK),
    ("--select-halo", SELECT_HALO),
    ("--select-line", SELECT_LINE),
    ("--tint-signature", TINT_SIGNATURE),
    ("--tint-focus", TINT_FOCUS),
    ("--tint-support", TINT_SUPPORT),
    ("--tint-pilot", TINT_PILOT),
    ("--control", CONTROL),
    ("--link", LINK),
];

/// The controls' background (buttons, pickers, the search box).
pub const CONTROL: &str = "#ffffff";
/// Links and link-like buttons.
pub const LINK: &str = "#1d4f91";

/// The dark theme's page behind the map.
pub const DARK_PAPER: &str = "#0f1722";
/// The dark theme's panels and legend.
pub const DARK_PANEL: &str = "#16202d";
/// The dark theme's text colour.
pub const DARK_INK: &str = "#e6edf3";
/// The dark theme's secondary text colour.
pub const DARK_MUTED: &str = "#a9b7c6";
/// The dark theme's fill of a place the topic does not name: 3:1 and more from the page and from
/// the border, so unnamed cities neither sink into the page nor lose their borders.
pub const DARK_ROLE_NONE: &str = "#64748a";
/// The dark theme's border between cities and the province's edge (its coastline included):
/// light, 3:1 and more from the page and from the unnamed fill.
pub const DARK_ROLE_BORDER: &str = "#d8dde3";
/// The dark theme's controls (buttons, pickers, the search box).
pub const DARK_CONTROL: &str = "#223044";
/// The dark theme's links.
pub const DARK_LINK: &str = "#8cc4ff";

/// The dark theme (`theme=dark`, or `auto` under a dark colour scheme): the custom properties
/// `assets/css/10-base.css` sets on `html.theme-dark`, held to these by a test. Role, zone and
/// water colours are the light theme's: one colour code in every theme.
pub const DARK_CSS_PROPERTIES: [(&str, &str); 8] = [
    ("--paper", DARK_PAPER),
    ("--panel", DARK_PANEL),
    ("--ink", DARK_INK),
    ("--muted", DARK_MUTED),
    ("--role-none", DARK_ROLE_NONE),
    ("--role-border", DARK_ROLE_BORDER),
    ("--control", DARK_CONTROL),
    ("--link", DARK_LINK),
];

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21), to check marks, shapes and text.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// WCAG 2 relative luminance of a `#rrggbb` colour.
fn relative_luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let ratio = |a, b| contrast_ratio(a, b).expect("colours");
        assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio("#fff", "#000000"), None);
    }

    fn ratio(a: &str, b: &str) -> f64 {
        contrast_ratio(a, b).unwrap_or_else(|| panic!("{a} or {b} is not #rrggbb"))
    }

    #[test]
    fn tints_are_light_enough_for_ink_and_borders_and_keep_their_roles_hue_order() {
        for r in Role::ALL {
            assert!(ratio(tint(r), INK) >= 4.5, "{r:?}: labels on the tint");
            assert!(
                ratio(tint(r), ROLE_BORDER) >= 3.0,
                "{r:?}: borders on the tint"
            );
            assert_ne!(tint(r), role(r));
        }
    }

    #[test]
    fn the_dark_theme_keeps_shapes_3_to_1_from_the_page_and_their_border() {
        assert!(
            ratio(DARK_ROLE_NONE, DARK_PAPER) >= 3.0,
            "unnamed cities on the page"
        );
        assert!(
            ratio(DARK_ROLE_NONE, DARK_ROLE_BORDER) >= 3.0,
            "their border"
        );
        assert!(
            ratio(DARK_ROLE_BORDER, DARK_PAPER) >= 3.0,
            "the province's edge"
        );
        for ground in [DARK_PAPER, DARK_PANEL, DARK_CONTROL] {
            assert!(ratio(DARK_INK, ground) >= 4.5, "ink on {ground}");
            assert!(
                ratio(DARK_MUTED, ground) >= 4.5,
                "secondary text on {ground}"
            );
            assert!(ratio(DARK_LINK, ground) >= 4.5, "links on {ground}");
        }
    }
}

// --- Presenter slice (issue 18 point 5): the projector variant of the palette. ---

/// The projector's slide background: the presenter's dark stage, and the ground of the charts
/// drawn for it.
pub const PROJECTOR_BACKGROUND: &str = "#0b1320";
/// The projector's text colour on its dark background.
pub const PROJECTOR_INK: &str = "#ffffff";
/// The projector's secondary text (axes, units): 9:1 and more on its background.
pub const PROJECTOR_MUTED: &str = "#b8c2cf";
/// Grid lines and rules of the projector's charts, faint on its background.
pub const PROJECTOR_GRID: &str = "#34445a";
/// The explorer's charts' main series colour (the interface's deep blue).
pub const SERIES: &str = "#1d3557";
/// The explorer's charts' second series colour, lighter.
pub const SERIES_2: &str = "#5b9bd5";
/// Grid lines and rules of the explorer's charts.
pub const GRID: &str = "#d8dde3";
/// The projector's main series colour (the interface's blue, lightened for the dark slide).
pub const PROJECTOR_SERIES: &str = "#9fc9f2";
/// The projector's second series colour, darker than the first as on paper it is lighter.
pub const PROJECTOR_SERIES_2: &str = "#4a7fb8";
/// Fill of the signature role on the projector: the map's crimson, lifted off the dark stage
/// (4.5:1 and more under the dark ink of its badge).
pub const PROJECTOR_ROLE_SIGNATURE: &str = "#e04a78";
/// Fill of the focus role on the projector: the map's red, lighter.
pub const PROJECTOR_ROLE_FOCUS: &str = "#ff6b66";
/// Fill of the support role on the projector: the map's salmon, lighter.
pub const PROJECTOR_ROLE_SUPPORT: &str = "#ffb896";
/// Fill of the pilot role on the projector: the map's purple, lighter.
pub const PROJECTOR_ROLE_PILOT: &str = "#a58ee0";
/// Fill of a place the topic does not name, on the projector.
pub const PROJECTOR_ROLE_NONE: &str = "#3a4658";

/// The projector's fill of a role: the same hue as [`role`] (within 15°, a test holds it), lighter
/// so that it stands off the dark slide, in the same order of lightness as on the map.
pub fn projector_role(role: Role) -> &'static str {
    match role {
        Role::Signature => PROJECTOR_ROLE_SIGNATURE,
        Role::Focus => PROJECTOR_ROLE_FOCUS,
        Role::Support => PROJECTOR_ROLE_SUPPORT,
        Role::Pilot => PROJECTOR_ROLE_PILOT,
    }
}

/// The presenter theme's custom properties (`.presenter` in `assets/css/views/80-presenter.css`), so
/// that a test can hold the stylesheet to the projector palette.
pub const PROJECTOR_CSS_PROPERTIES: [(&str, &str); 5] = [
    ("--role-signature", PROJECTOR_ROLE_SIGNATURE),
    ("--role-focus", PROJECTOR_ROLE_FOCUS),
    ("--role-support", PROJECTOR_ROLE_SUPPORT),
    ("--role-pilot", PROJECTOR_ROLE_PILOT),
    ("--role-none", PROJECTOR_ROLE_NONE),
];

/// The hue of a colour in degrees (0–360), `None` for a grey or a colour that is not `#rrggbb`.
pub fn hue(hex: &str) -> Option<f64> {
    let Rgb(r, g, b) = rgb(hex)?;
    let (r, g, b) = (f64::from(r), f64::from(g), f64::from(b));
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let delta = max - min;
    if delta == 0.0 {
        return None;
    }
    let sector = if max == r {
        ((g - b) / delta).rem_euclid(6.0)
    } else if max == g {
        (b - r) / delta + 2.0
    } else {
        (r - g) / delta + 4.0
    };
    Some(sector * 60.0)
}

/// How far apart two hues are, in degrees around the colour wheel (0–180).
pub fn hue_distance(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[cfg(test)]
mod projector_tests {
    use super::*;

    #[test]
    fn each_projector_role_has_the_maps_hue_within_15_degrees() {
        for r in Role::ALL {
            let map = hue(role(r)).expect("a role fill is a colour");
            let projector = hue(projector_role(r)).expect("a projector fill is a colour");
            assert!(
                hue_distance(map, projector) <= 15.0,
                "{r:?}: map {map:.1}°, projector {projector:.1}°"
            );
        }
    }

    #[test]
    fn projector_roles_keep_the_maps_order_of_lightness() {
        let sum = |hex: &str| {
            rgb(hex).map_or(0, |Rgb(r, g, b)| u32::from(r) + u32::from(g) + u32::from(b))
        };
        assert!(sum(PROJECTOR_ROLE_SIGNATURE) < sum(PROJECTOR_ROLE_FOCUS));
        assert!(sum(PROJECTOR_ROLE_FOCUS) < sum(PROJECTOR_ROLE_SUPPORT));
    }

    #[test]
    fn hues_are_measured_around_the_wheel() {
        assert_eq!(hue("#ff0000"), Some(0.0));
        assert_eq!(hue("#00ff00"), Some(120.0));
        assert_eq!(hue("#0000ff"), Some(240.0));
        assert_eq!(hue("#808080"), None);
        assert_eq!(hue_distance(350.0, 5.0), 15.0);
        assert_eq!(hue_distance(10.0, 200.0), 170.0);
    }
}
