//! The atlas's colours in one place: the role and zone fills, the border and the ink. The
//! stylesheet's custom properties (`assets/css/10-base.css`) and the target charts the builder
//! draws take them from here (a test holds the stylesheet to this list), so a role reads the same
//! on the map, in its legend and in the charts.

use crate::facts::Role;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as CSS writes it, `#rrggbb` in lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Fill of the signature-industry role.
pub const ROLE_SIGNATURE: Rgb = Rgb(0x8c, 0x1d, 0x40);
/// Fill of the focus role.
pub const ROLE_FOCUS: Rgb = Rgb(0xc0, 0x50, 0x4d);
/// Fill of the support role.
pub const ROLE_SUPPORT: Rgb = Rgb(0xf4, 0xa5, 0x82);
/// Fill of the pilot role.
pub const ROLE_PILOT: Rgb = Rgb(0x7b, 0x61, 0xb5);
/// Fill of a place the topic does not name.
pub const ROLE_NONE: Rgb = Rgb(0xe3, 0xe6, 0xea);
/// Border between cities coloured by role, dark enough to outline the light fills.
pub const ROLE_BORDER: Rgb = Rgb(0x4a, 0x55, 0x63);
/// Marks on dark role fills.
pub const MARK_LIGHT: Rgb = Rgb(0xff, 0xff, 0xff);
/// Marks on light role fills (the interface's ink).
pub const MARK_DARK: Rgb = Rgb(0x1d, 0x27, 0x33);
/// The interface's text colour.
pub const INK: Rgb = Rgb(0x1d, 0x27, 0x33);
/// The interface's secondary text colour.
pub const MUTED: Rgb = Rgb(0x5a, 0x66, 0x75);
/// Fill of 苏南.
pub const ZONE_SOUTH: Rgb = Rgb(0x5b, 0x9b, 0xd5);
/// Fill of 苏中.
pub const ZONE_CENTRAL: Rgb = Rgb(0x7f, 0xbf, 0x7a);
/// Fill of 苏北.
pub const ZONE_NORTH: Rgb = Rgb(0xe8, 0xb0, 0x4e);

/// The fill of a role.
pub fn role(role: Role) -> Rgb {
    match role {
        Role::Signature => ROLE_SIGNATURE,
        Role::Focus => ROLE_FOCUS,
        Role::Support => ROLE_SUPPORT,
        Role::Pilot => ROLE_PILOT,
    }
}

/// The stylesheet's custom properties for these colours, by name, so that a test can hold
/// `assets/css/10-base.css` to the palette.
pub const CSS_PROPERTIES: [(&str, Rgb); 13] = [
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
];
