//! Placing map labels so that each sits inside its own city, none overlaps another, none leaves the
//! map and none lies under what covers the map (the legend, the credit line, a marker).
//!
//! Labels are placed in priority order. Each takes its best free spot where the whole box lies
//! inside its city; failing that, the free spot with its centre and the most of its box inside. A
//! label with no such spot is hidden — the city keeps its accessible name either way.

use std::cell::OnceCell;
use std::sync::OnceLock;

use geo::{BoundingRect, Contains, Coord, LineString, MultiPolygon, Polygon};

use crate::geo::projection::ScreenPoint;
use crate::model::sort;

/// An axis-aligned box in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Centre of the box; where the text is drawn (text-anchor middle).
    pub center: ScreenPoint,
    /// Width of the box.
    pub width: f64,
    /// Height of the box.
    pub height: f64,
}

impl LabelBox {
    /// The box spanning `left`..`left + width`, `top`..`top + height`, as a browser measures one.
    pub fn from_corner(left: f64, top: f64, width: f64, height: f64) -> LabelBox {
        LabelBox {
            center: ScreenPoint {
                x: left + width / 2.0,
                y: top + height / 2.0,
            },
            width,
            height,
        }
    }

    /// Whether two boxes share any area.
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.within(other, 0.0)
    }

    /// Whether two boxes share any area once `gap` px is added above and below one of them and
    /// half of it on either side: a box over or under the other with less than `gap` between,
    /// or beside it on the same line with less than half of it (a name's own width already
    /// keeps side-by-side words apart better than stacked lines).
    pub fn within(&self, other: &LabelBox, gap: f64) -> bool {
        (self.center.x - other.center.x).abs() * 2.0 < self.width + other.width + gap
            && (self.center.y - other.center.y).abs() * 2.0 < self.height + other.height + 2.0 * gap
    }

    /// Whether the box lies wholly on a `width` × `height` map.
    pub(crate) fn inside(&self, width: f64, height: f64) -> bool {
        self.center.x - self.width / 2.0 >= 0.0
            && self.center.y - self.height / 2.0 >= 0.0
            && self.center.x + self.width / 2.0 <= width
            && self.center.y + self.height / 2.0 <= height
    }

    /// Centre, corners and edge midpoints: the points that must lie in a shape for the box to.
    fn probe_points(&self) -> [Coord; PROBES] {
        let (x, y) = (self.center.x, self.center.y);
        let (dx, dy) = (self.width / 2.0, self.height / 2.0);
        [
            (x, y),
            (x - dx, y - dy),
            (x, y - dy),
            (x + dx, y - dy),
            (x + dx, y),
            (x + dx, y + dy),
            (x, y + dy),
            (x - dx, y + dy),
            (x - dx, y),
        ]
        .map(|(x, y)| Coord { x, y })
    }

    /// How many of the box's probe points lie inside `home`, and whether its centre does.
    fn probes_in(&self, home: &MultiPolygon) -> (usize, bool) {
        let inside = self.probe_points().map(|c| home.contains(&c));
        (inside.iter().filter(|i| **i).count(), inside[0])
    }
}

/// A label to place: its size, the spots it may take (best first) and the shape it belongs in.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRequest<'a> {
    /// Centres to try first, best first.
    pub spots: Vec<ScreenPoint>,
    /// When none of `spots` will do: the spacing, px, of a grid of further spots searched inside
    /// `home`, nearest the first spot first. The grid is only laid when needed.
    pub search_step: Option<f64>,
    /// Where that grid is kept once laid, when the caller keeps it beyond this run (it depends
    /// only on the map's size and the label's font: see `scene::LabelGeometry`); `None` lays it
    /// for this run only.
    pub grid: Option<&'a GridCell>,
    /// Width of the label's box.
    pub width: f64,
    /// Height of the label's box.
    pub height: f64,
    /// The city the label names (or lies in), in screen pixels; its centre never leaves it.
    pub home: &'a MultiPolygon,
    /// The least gap, px, kept on every side from every label placed before it which asked for
    /// no gap itself (a city's label from a county-level place's, not from another city's), so
    /// that two names over or beside each other never read as one string (“苏州 / 昆山”,
    /// “苏州 昆山”); 0 for none.
    pub stack_gap: f64,
}

/// The whole `width` × `height` map as a label's home: for labels that may sit anywhere on it
/// (lake names, the locator's neighbours), not only inside one place.
pub fn whole_area(width: f64, height: f64) -> MultiPolygon {
    MultiPolygon::new(vec![Polygon::new(
        LineString::from(vec![
            (0.0, 0.0),
            (width, 0.0),
            (width, height),
            (0.0, height),
        ]),
        Vec::new(),
    )])
}

/// Width of `text` at `font_px`, never less than the browser draws it (tested against the drawn
/// text in tests/e2e/water_labels.test.mjs): CJK characters one em, Latin capitals 0.74 em, `m`
/// and `w` 0.92 em, narrow letters and punctuation 0.36 em, other characters 0.62 em.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            c if (c as u32) >= 0x2E80 => 1.0,
            'i' | 'l' | 'j' | 't' | 'f' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | ' ' => 0.36,
            'A'..='Z' => 0.74,
            'm' | 'w' => 0.92,
            _ => 0.62,
        })
        .sum::<f64>()
        * font_px
}

/// A spot a label could take, with how much of its box lies inside its home shape.
struct Candidate<'c> {
    label: LabelBox,
    probes: Probes<'c>,
}

/// How many of a candidate's probe points lie inside its home: known for a cell of the search
/// grid (whose centre is inside); for a given spot, counted (with whether its centre is inside)
/// only once the spot is found free, and once for both passes. Nine point-in-shape tests per spot
/// were most of a drilled map's label placement.
enum Probes<'c> {
    Counted(usize),
    Given(&'c OnceCell<(usize, bool)>),
}

impl Candidate<'_> {
    /// How many of the box's probe points lie inside `home`, and whether its centre does.
    fn inside(&self, home: &MultiPolygon) -> (usize, bool) {
        match self.probes {
            Probes::Counted(probes) => (probes, true),
            Probes::Given(counted) => *counted.get_or_init(|| self.label.probes_in(home)),
        }
    }
}

/// Places labels in the order given (most important first) inside a `width` × `height` map, clear
/// of every `keep_out` box. Returns, for each request, its box, or `None` when it had to be hidden.
pub fn place_labels(
    requests: &[LabelRequest],
    width: f64,
    height: f64,
    keep_out: &[LabelBox],
) -> Vec<Option<LabelBox>> {
    // Each placed box, with whether it kept a gap itself.
    let mut placed: Vec<(LabelBox, bool)> = Vec::new();
    requests
        .iter()
        .map(|r| {
            let label_box = |center| LabelBox {
                center,
                width: r.width,
                height: r.height,
            };
            let lay = || match (r.search_step, r.spots.first()) {
                (Some(step), Some(&anchor)) => InsideGrid::new(r.home, step, anchor),
                _ => None,
            };
            let own = OnceCell::new();
            let grid = || match r.grid {
                Some(kept) => kept.get_or_init(lay),
                None => own.get_or_init(lay),
            };
            // A given spot's probes are counted when first needed, and once.
            let counted: Vec<OnceCell<(usize, bool)>> =
                r.spots.iter().map(|_| OnceCell::new()).collect();
            let candidates = || {
                let given = r
                    .spots
                    .iter()
                    .zip(&counted)
                    .map(|(&center, counted)| Candidate {
                        label: label_box(center),
                        probes: Probes::Given(counted),
                    });
                // The grid is only laid when every given spot was tried and none would do.
                let searched = std::iter::once(()).flat_map(move |()| {
                    grid().iter().flat_map(move |g| {
                        g.order.iter().map(move |&cell| Candidate {
                            label: label_box(g.point(cell)),
                            probes: Probes::Counted(g.probes_inside(cell, r.width, r.height)),
                        })
                    })
                });
                given.chain(searched)
            };
            let free = |c: &Candidate| {
                c.label.inside(width, height)
                    && !keep_out.iter().any(|p| p.overlaps(&c.label))
                    && !placed.iter().any(|(p, gapped)| {
                        p.within(&c.label, if *gapped { 0.0 } else { r.stack_gap })
                    })
            };
            let spot = candidates()
                .find(|c| free(c) && c.inside(r.home).0 == PROBES)
                .map(|c| c.label)
                .or_else(|| {
                    // No room for the whole box: the free spot with its centre and most of the box
                    // inside, the nearest of equals.
                    candidates()
                        .filter(|c| free(c))
                        .filter_map(|c| match c.inside(r.home) {
                            (probes, true) => Some((c.label, probes)),
                            (_, false) => None,
                        })
                        .fold(
                            None,
                            |best: Option<(LabelBox, usize)>, (label, probes)| match best {
                                Some((_, most)) if most >= probes => best,
                                _ => Some((label, probes)),
                            },
                        )
                        .map(|(label, _)| label)
                });
            if let Some(b) = spot {
                placed.push((b, r.stack_gap > 0.0));
            }
            spot
        })
        .collect()
}

/// How many points of a box are probed: corners, edge midpoints and centre.
const PROBES: usize = 9;

/// A label's search grid, laid the first time the label needs it and kept for the next runs.
pub type GridCell = OnceLock<Option<InsideGrid>>;

/// Which points of a regular grid over a shape lie inside it, each tested once, so that the many
/// boxes a crowded label tries are checked by lookups rather than point-in-polygon tests.
#[derive(Debug, Clone, PartialEq)]
pub struct InsideGrid {
    left: f64,
    top: f64,
    step: f64,
    columns: usize,
    inside: Vec<bool>,
    /// The cells inside the shape, nearest the anchor first.
    order: Vec<(usize, usize)>,
}

impl InsideGrid {
    /// The grid of `step` pixels over `home`, or `None` for an empty shape.
    fn new(home: &MultiPolygon, step: f64, anchor: ScreenPoint) -> Option<InsideGrid> {
        let bounds = home.bounding_rect()?;
        let step = step.max(1.0);
        let columns = (bounds.width() / step).floor() as usize + 1;
        let rows = (bounds.height() / step).floor() as usize + 1;
        let (left, top) = (bounds.min().x, bounds.min().y);
        let inside: Vec<bool> = (0..rows)
            .flat_map(|row| (0..columns).map(move |column| (column, row)))
            .map(|(column, row)| {
                home.contains(&Coord {
                    x: left + column as f64 * step,
                    y: top + row as f64 * step,
                })
            })
            .collect();
        let mut grid = InsideGrid {
            left,
            top,
            step,
            columns,
            inside,
            order: Vec::new(),
        };
        let distance = |p: ScreenPoint| (p.x - anchor.x).powi(2) + (p.y - anchor.y).powi(2);
        let mut order: Vec<(usize, usize)> = (0..rows)
            .flat_map(|row| (0..columns).map(move |column| (column, row)))
            .filter(|&(column, row)| grid.inside[row * columns + column])
            .collect();
        sort::sort_by(&mut order, |a, b| {
            distance(grid.point(*a)).total_cmp(&distance(grid.point(*b)))
        });
        grid.order = order;
        Some(grid)
    }

    /// The screen point of a cell.
    fn point(&self, (column, row): (usize, usize)) -> ScreenPoint {
        ScreenPoint {
            x: self.left + column as f64 * self.step,
            y: self.top + row as f64 * self.step,
        }
    }

    /// Whether the cell `column` × `row` (possibly off the grid, which is outside) is inside.
    fn at(&self, column: isize, row: isize) -> bool {
        let (Ok(column), Ok(row)) = (usize::try_from(column), usize::try_from(row)) else {
            return false;
        };
        column < self.columns && self.inside.get(row * self.columns + column) == Some(&true)
    }

    /// How many probe points of a `width` × `height` box centred on `cell` are inside, each probe
    /// rounded outward to the grid so that a box counted whole is whole.
    fn probes_inside(&self, (column, row): (usize, usize), width: f64, height: f64) -> usize {
        let dx = (width / 2.0 / self.step).ceil() as isize;
        let dy = (height / 2.0 / self.step).ceil() as isize;
        let (c, r) = (column as isize, row as isize);
        [-1, 0, 1]
            .into_iter()
            .flat_map(|i| [-1, 0, 1].map(|j| (c + i * dx, r + j * dy)))
            .filter(|&(c, r)| self.at(c, r))
            .count()
    }
}

/// Spots for the label of a marker of `radius` at `point`: right of it, left, above, below, then
/// the four diagonals, each box just clear of the marker.
pub fn spots_beside(point: ScreenPoint, radius: f64, width: f64, height: f64) -> Vec<ScreenPoint> {
    let dx = radius + 2.0 + width / 2.0;
    let dy = radius + 1.0 + height / 2.0;
    [
        (dx, 0.0),
        (-dx, 0.0),
        (0.0, -dy),
        (0.0, dy),
        (dx, -dy),
        (-dx, -dy),
        (dx, dy),
        (-dx, dy),
    ]
    .into_iter()
    .map(|(ox, oy)| ScreenPoint {
        x: point.x + ox,
        y: point.y + oy,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use geo::{Rect, coord};

    use super::*;

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> MultiPolygon {
        MultiPolygon::new(vec![
            Rect::new(coord! { x: x0, y: y0 }, coord! { x: x1, y: y1 }).to_polygon(),
        ])
    }

    fn request(home: &MultiPolygon, x: f64, y: f64) -> LabelRequest<'_> {
        LabelRequest {
            spots: vec![ScreenPoint { x, y }],
            search_step: Some(4.0),
            grid: None,
            width: 40.0,
            height: 16.0,
            home,
            stack_gap: 0.0,
        }
    }

    #[test]
    fn a_lone_label_sits_on_its_anchor() {
        let home = square(0.0, 0.0, 200.0, 200.0);
        let placed = place_labels(&[request(&home, 100.0, 100.0)], 200.0, 200.0, &[]);
        let b = placed[0].expect("placed");
        assert_eq!(b.center, ScreenPoint { x: 100.0, y: 100.0 });
    }

    #[test]
    fn a_crowded_label_moves_within_its_city_and_never_overlaps() {
        let home = square(0.0, 0.0, 200.0, 200.0);
        let placed = place_labels(
            &[request(&home, 100.0, 100.0), request(&home, 105.0, 102.0)],
            200.0,
            200.0,
            &[],
        );
        let (a, b) = (placed[0].expect("first"), placed[1].expect("second"));
        assert!(!a.overlaps(&b));
        assert_eq!(a.center, ScreenPoint { x: 100.0, y: 100.0 });
        assert!(b.probe_points().iter().all(|c| home.contains(c)));
    }

    #[test]
    fn a_label_whose_anchor_is_near_the_border_moves_inward() {
        let home = square(50.0, 50.0, 150.0, 150.0);
        let placed = place_labels(&[request(&home, 52.0, 52.0)], 200.0, 200.0, &[]);
        let b = placed[0].expect("placed");
        assert!(b.probe_points().iter().all(|c| home.contains(c)), "{b:?}");
    }

    #[test]
    fn a_label_keeps_clear_of_the_keep_out_boxes() {
        let home = square(0.0, 0.0, 200.0, 200.0);
        let legend = LabelBox::from_corner(60.0, 60.0, 80.0, 80.0);
        let placed = place_labels(&[request(&home, 100.0, 100.0)], 200.0, 200.0, &[legend]);
        let b = placed[0].expect("placed");
        assert!(!b.overlaps(&legend), "{b:?}");
    }

    #[test]
    fn a_label_too_big_for_its_city_keeps_its_centre_inside() {
        let home = square(90.0, 90.0, 110.0, 110.0);
        let placed = place_labels(&[request(&home, 100.0, 100.0)], 200.0, 200.0, &[]);
        let b = placed[0].expect("placed");
        assert!(home.contains(&b.probe_points()[0]));
    }

    #[test]
    fn a_label_with_no_free_spot_is_hidden() {
        let home = square(0.0, 0.0, 40.0, 16.0);
        let requests = vec![request(&home, 20.0, 8.0); 12];
        let placed = place_labels(&requests, 40.0, 16.0, &[]);
        assert!(placed[0].is_some());
        assert!(placed[1..].iter().all(Option::is_none));
    }

    #[test]
    fn a_marker_label_tries_the_right_side_first() {
        let spots = spots_beside(ScreenPoint { x: 100.0, y: 100.0 }, 6.0, 40.0, 16.0);
        assert_eq!(spots[0], ScreenPoint { x: 128.0, y: 100.0 });
        assert_eq!(spots.len(), 8);
    }

    #[test]
    fn chinese_is_wider_than_latin_per_character() {
        assert_eq!(text_width("南京", 10.0), 20.0);
        assert!((text_width("Wuxi", 10.0) - 23.4).abs() < 1e-9);
    }
}
