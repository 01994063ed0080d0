//! The atlas's colours in one place, as CSS writes them (`#rrggbb`): the role and zone fills, the
//! border and the ink. The target charts the builder draws take them from here, and a test holds
//! the stylesheet's custom properties (`assets/css/10-base.css`) and the exported map's role
//! colours to this list, so a role reads the same on the map, in its legend and in the charts.

use crate::facts::Role;

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
pub const CSS_PROPERTIES: [(&str, &str); 17] = [
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
];

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

/// The presenter theme's custom properties (`.presenter` in `assets/css/80-presenter.css`), so
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
