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
