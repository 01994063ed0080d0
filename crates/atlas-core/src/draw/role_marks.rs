//! The mark each role's fill carries (cross-hatch, diagonals, dots, bars), so that the roles can
//! be told apart without colour: in greyscale, by colour-blind readers, and on a washed-out
//! projector. The live map and the exported SVG draw the same patterns from here.

use std::fmt::Write;

use crate::model::facts::Role;

/// Side of a pattern tile, px.
pub const TILE: f64 = 8.0;

/// One role's pattern: a tile filled with the role's colour and crossed by a stroked mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleMark {
    /// The role.
    pub role: Role,
    /// The SVG path of the mark within one tile (stroked, round caps; a zero-length segment is a dot).
    pub path: &'static str,
    /// Stroke width of the mark, px.
    pub width: f64,
    /// Whether the mark is dark (on a light fill) rather than light (on a dark fill).
    pub dark: bool,
}

impl RoleMark {
    /// The mark's colour: `dark` on a light fill, `light` on a dark one.
    pub fn stroke<'a>(&self, light: &'a str, dark: &'a str) -> &'a str {
        if self.dark { dark } else { light }
    }
}

/// The marks of the four roles, strongest first.
pub const ROLE_MARKS: [RoleMark; 4] = [
    RoleMark {
        role: Role::Signature,
        path: "M0 0L8 8M8 0L0 8",
        width: 1.4,
        dark: false,
    },
    RoleMark {
        role: Role::Focus,
        path: "M-2 2L2 -2M0 8L8 0M6 10L10 6",
        width: 1.6,
        dark: false,
    },
    RoleMark {
        role: Role::Support,
        path: "M2 2h0M6 6h0",
        width: 2.6,
        dark: true,
    },
    RoleMark {
        role: Role::Pilot,
        path: "M0 2H8M0 6H8",
        width: 1.4,
        dark: false,
    },
];

/// The id of `role`'s pattern element, for `fill="url(#…)"`.
pub fn pattern_id(role: Role) -> String {
    format!("role-pattern-{}", role.as_str())
}

/// `<pattern>` elements for every role with fixed colours, for a standalone SVG: `fill` gives each
/// role's colour, `light` and `dark` the two mark colours.
pub fn pattern_defs(fill: impl Fn(Role) -> &'static str, light: &str, dark: &str) -> String {
    let mut s = String::from("<defs>");
    for mark in &ROLE_MARKS {
        let _ = write!(
            s,
            r#"<pattern id="{id}" width="{TILE}" height="{TILE}" patternUnits="userSpaceOnUse"><rect width="{TILE}" height="{TILE}" fill="{fill}"/><path d="{d}" stroke="{stroke}" stroke-width="{w}" stroke-linecap="round" fill="none"/></pattern>"#,
            id = pattern_id(mark.role),
            fill = fill(mark.role),
            d = mark.path,
            stroke = mark.stroke(light, dark),
            w = mark.width,
        );
    }
    s.push_str("</defs>");
    s
}

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
    use crate::draw::export::{MAP_BACKGROUND, role_color};
    use crate::draw::palette::{MARK_DARK, MARK_LIGHT, ROLE_BORDER};

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let ratio = |a, b| contrast_ratio(a, b).expect("colours");
        assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio("#fff", "#000000"), None);
    }

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
    fn the_marks_differ_from_each_other() {
        for (i, a) in ROLE_MARKS.iter().enumerate() {
            for b in &ROLE_MARKS[i + 1..] {
                assert_ne!(a.path, b.path);
            }
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
