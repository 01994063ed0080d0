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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::palette::{DARK_ROLE_NONE, ROLE_NONE, ZONE_CENTRAL, ZONE_NORTH, ZONE_SOUTH};
    use crate::draw::palette::{
        MARK_DARK, MARK_LIGHT, SELECT_HALO, SELECT_LINE, contrast_ratio, role, tint,
    };

    fn ratio(a: &str, b: &str) -> f64 {
        contrast_ratio(a, b).unwrap_or_else(|| panic!("{a} or {b} is not #rrggbb"))
    }

    #[test]
    fn one_of_the_casings_two_strokes_stands_out_3_to_1_on_every_fill_and_mark() {
        let mut grounds: Vec<(&str, &str)> = Role::ALL.iter().map(|&r| ("fill", role(r))).collect();
        grounds.extend([
            ("none", ROLE_NONE),
            ("dark none", DARK_ROLE_NONE),
            ("south", ZONE_SOUTH),
            ("central", ZONE_CENTRAL),
            ("north", ZONE_NORTH),
        ]);
        grounds.extend(Role::ALL.iter().map(|&r| ("tint", tint(r))));
        for mark in &ROLE_MARKS {
            grounds.push(("mark", mark.stroke(MARK_LIGHT, MARK_DARK)));
        }
        for (what, ground) in grounds {
            let best = ratio(SELECT_HALO, ground).max(ratio(SELECT_LINE, ground));
            assert!(best >= 3.0, "{what} {ground}: {best:.2}");
        }
        assert!(
            ratio(SELECT_HALO, SELECT_LINE) >= 3.0,
            "the two strokes tell apart"
        );
    }

    #[test]
    fn the_marks_differ_from_each_other() {
        for (i, a) in ROLE_MARKS.iter().enumerate() {
            for b in &ROLE_MARKS[i + 1..] {
                assert_ne!(a.path, b.path);
            }
        }
    }
}
