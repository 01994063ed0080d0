//! One description of how the atlas's maps are painted, for the one SVG writer
//! ([`crate::draw::map_markup`]) and every map it draws: the live province map and the page's
//! prerendered one, the plan view's map, the small maps, the drilled map, the exports and the
//! brief's locator. Each shape's fill, border and label ink is decided here, from the colours of
//! [`crate::draw::palette`], so a role, a zone or a label reads the same on every one of them; a test
//! holds the code to naming no colour outside the palette.

use std::fmt::Write;

use crate::draw::county_scene::CountyFill;
use crate::draw::palette;
use crate::draw::role_marks::{ROLE_MARKS, TILE, pattern_defs, pattern_id};
use crate::model::facts::Role;

/// Where a map goes, which decides whether its colours are written into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Coloured by the stylesheet, per theme (light, dark, print, the presenter's projector): the
    /// live province map, the page's prerendered map, the plan view's map and the small maps.
    /// Shapes carry their classes only, so a theme recolours them without a redraw and the page
    /// carries no colour twice.
    Themed,
    /// Colours as presentation attributes beside the classes, so a file needs no stylesheet (a
    /// stylesheet rule still overrides them): the exports (SVG and PNG), the drilled map and the
    /// brief's locator.
    Fixed,
}

impl Look {
    /// `paint` as presentation attributes (with a leading space) when this look writes its
    /// colours, else nothing.
    pub fn paint(self, paint: impl FnOnce() -> Paint) -> String {
        match self {
            Look::Themed => String::new(),
            Look::Fixed => paint().attributes(),
        }
    }

    /// The role patterns that role fills refer to, `prefix` starting their ids: coloured by the
    /// stylesheet when themed, with their colours written in when fixed.
    pub fn patterns(self, prefix: &str) -> String {
        let defs = match self {
            Look::Themed => themed_patterns(),
            Look::Fixed => pattern_defs(
                |r| role_fill(Some(r)),
                palette::MARK_LIGHT,
                palette::MARK_DARK,
            ),
        };
        defs.replace(DEFAULT_PATTERNS, prefix)
    }
}

/// How a place shows under the chosen topic: `None` when the map is coloured by zone,
/// `Some(None)` when the topic does not name it, `Some(Some(role))` otherwise.
pub type RoleShown = Option<Option<Role>>;

/// The role patterns (colour plus mark) that role fills refer to; the stylesheet colours them,
/// so each theme keeps its own palette.
fn themed_patterns() -> String {
    let mut s = String::from(r#"<defs aria-hidden="true">"#);
    for mark in &ROLE_MARKS {
        let role = mark.role.as_str();
        let _ = write!(
            s,
            r#"<pattern id="{id}" width="{TILE}" height="{TILE}" patternUnits="userSpaceOnUse"><rect class="pattern-fill role-{role}" width="{TILE}" height="{TILE}"/><path class="pattern-mark role-{role}" d="{d}" stroke-width="{w}" stroke-linecap="round" fill="none"/></pattern>"#,
            id = pattern_id(mark.role),
            d = mark.path,
            w = mark.width,
        );
    }
    s.push_str("</defs>");
    s
}

/// The prefix of the province map's role pattern ids (see [`pattern_id`]).
pub const DEFAULT_PATTERNS: &str = "role-pattern-";

/// A shape's paint: its fill, its border and the border's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    /// The fill: a colour, a pattern (`url(#…)`) or `none`.
    pub fill: String,
    /// The border's colour.
    pub stroke: &'static str,
    /// The border's width, px, as written.
    pub width: &'static str,
}

impl Paint {
    /// The paint as presentation attributes, with a leading space.
    pub fn attributes(&self) -> String {
        format!(
            r#" fill="{}" stroke="{}" stroke-width="{}""#,
            self.fill, self.stroke, self.width
        )
    }
}

/// Fill of a zone, as the province map colours its cities when no industry is chosen.
pub fn zone_fill(zone: &str) -> &'static str {
    match zone {
        "south" => palette::ZONE_SOUTH,
        "central" => palette::ZONE_CENTRAL,
        "north" => palette::ZONE_NORTH,
        _ => palette::ROLE_NONE,
    }
}

/// Fill of a role, or of a place the topic does not name.
pub fn role_fill(role: Option<Role>) -> &'static str {
    role.map_or(palette::ROLE_NONE, palette::role)
}

/// Paint of a role on a map: its pattern (colour and mark, ids starting with `prefix`), or the
/// plain fill of no role.
pub fn role_paint(role: Option<Role>, prefix: &str) -> String {
    match role {
        Some(r) => format!(
            "url(#{})",
            pattern_id(r).replacen(DEFAULT_PATTERNS, prefix, 1)
        ),
        None => role_fill(None).to_string(),
    }
}

/// A city's paint: its zone's fill between white borders, or its role's between dark ones.
pub fn city(zone: &str, role: RoleShown, prefix: &str) -> Paint {
    match role {
        None => Paint {
            fill: zone_fill(zone).to_string(),
            stroke: palette::PAPER,
            width: "0.8",
        },
        Some(role) => Paint {
            fill: role_paint(role, prefix),
            stroke: palette::ROLE_BORDER,
            width: "0.8",
        },
    }
}

/// A drilled city's county's paint (see [`CountyFill`]): its city's zone, its own role, a tint
/// of its city's role, or the fill of no role; thinner borders than a city's.
pub fn county(fill: CountyFill, zone: &str, prefix: &str) -> Paint {
    let (fill, stroke) = match fill {
        CountyFill::Zone => (zone_fill(zone).to_string(), palette::PAPER),
        CountyFill::Own(role) => (role_paint(Some(role), prefix), palette::ROLE_BORDER),
        CountyFill::CityTint(role) => (palette::tint(role).to_string(), palette::ROLE_BORDER),
        CountyFill::Unnamed => (role_paint(None, prefix), palette::ROLE_BORDER),
    };
    Paint {
        fill,
        stroke,
        width: "0.6",
    }
}

/// A county-level place's marker: white by zone, else its role's paint, under an ink ring.
pub fn place_marker(role: RoleShown, prefix: &str) -> Paint {
    Paint {
        fill: role.map_or_else(|| palette::PAPER.to_string(), |r| role_paint(r, prefix)),
        stroke: palette::INK,
        width: "2",
    }
}

/// A base's diamond marker, navy on a white edge.
pub fn base_marker() -> Paint {
    Paint {
        fill: palette::BASE_MARKER.to_string(),
        stroke: palette::PAPER,
        width: "1.5",
    }
}

/// A zone's outline (or, `width` 2.5, a drilled city's): dark over every border inside it.
pub fn outline(width: &'static str) -> Paint {
    Paint {
        fill: "none".to_string(),
        stroke: palette::OUTLINE,
        width,
    }
}

/// A city round the drilled city: faint, so the counties stand out.
pub fn neighbour() -> Paint {
    Paint {
        fill: palette::NEIGHBOUR.to_string(),
        stroke: palette::NEIGHBOUR_EDGE,
        width: "0.8",
    }
}

/// A label's paint as presentation attributes (with a leading space), centred on its point:
/// `weight`, `ink`, and a white halo `halo` px wide so it reads on any fill.
pub fn label(weight: &str, ink: &str, halo: &str) -> String {
    format!(
        r#" font-weight="{weight}" text-anchor="middle" dominant-baseline="central" fill="{ink}" stroke="{paper}" stroke-width="{halo}" paint-order="stroke""#,
        paper = palette::PAPER,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::palette::{MARK_DARK, MARK_LIGHT, PAPER, ROLE_BORDER, contrast_ratio};
    use crate::draw::role_marks::{ROLE_MARKS, pattern_defs, pattern_id};

    #[test]
    fn every_mark_stands_out_from_its_fill_by_3_to_1() {
        for mark in &ROLE_MARKS {
            let stroke = mark.stroke(MARK_LIGHT, MARK_DARK);
            let ratio = contrast_ratio(stroke, role_fill(Some(mark.role))).expect("colours");
            assert!(ratio >= 3.0, "{:?}: {ratio:.2}", mark.role);
        }
    }

    #[test]
    fn every_shape_stands_out_by_3_to_1_from_its_border_or_the_background() {
        for role in Role::ALL.map(Some).into_iter().chain([None]) {
            let fill = role_fill(role);
            let best = [ROLE_BORDER, PAPER]
                .map(|other| contrast_ratio(fill, other).expect("colours"))
                .into_iter()
                .fold(0.0, f64::max);
            assert!(best >= 3.0, "{role:?}: {best:.2}");
        }
    }

    #[test]
    fn the_defs_hold_one_pattern_per_role() {
        let defs = pattern_defs(|r| role_fill(Some(r)), MARK_LIGHT, MARK_DARK);
        assert_eq!(defs.matches("<pattern ").count(), 4);
        for role in Role::ALL {
            assert!(defs.contains(&format!(r#"id="{}""#, pattern_id(role))));
        }
    }

    #[test]
    fn a_themed_map_writes_no_colour_and_a_fixed_one_writes_them_all() {
        let paint = || city("south", Some(Some(Role::Focus)), DEFAULT_PATTERNS);
        assert_eq!(Look::Themed.paint(paint), "");
        assert_eq!(
            Look::Fixed.paint(paint),
            r##" fill="url(#role-pattern-focus)" stroke="#4a5563" stroke-width="0.8""##
        );
        assert!(
            !Look::Themed
                .patterns(DEFAULT_PATTERNS)
                .contains(" fill=\"#")
        );
        let fixed = Look::Fixed.patterns("drill-pattern-");
        for r in Role::ALL {
            assert!(fixed.contains(&format!(r#"id="drill-pattern-{}""#, r.as_str())));
            assert!(
                fixed.contains(palette::role(r)),
                "{r:?}'s colour written in"
            );
        }
    }

    #[test]
    fn every_paint_comes_from_the_palette() {
        assert_eq!(city("north", None, "").fill, palette::ZONE_NORTH);
        assert_eq!(city("north", Some(None), "").fill, palette::ROLE_NONE);
        assert_eq!(
            county(CountyFill::CityTint(Role::Pilot), "south", "").fill,
            palette::TINT_PILOT
        );
        assert_eq!(
            county(CountyFill::Own(Role::Signature), "south", "drill-pattern-").fill,
            "url(#drill-pattern-signature)"
        );
        assert_eq!(place_marker(None, "").fill, palette::PAPER);
        assert_eq!(base_marker().fill, palette::BASE_MARKER);
        assert_eq!(outline("2.5").stroke, palette::OUTLINE);
        assert_eq!(neighbour().fill, palette::NEIGHBOUR);
        assert!(label("600", palette::INK, "3").contains(r##"fill="#1d2733" stroke="#ffffff""##));
    }
}
