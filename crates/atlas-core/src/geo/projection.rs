//! Fitting longitude/latitude onto a screen rectangle.
//!
//! The atlas shows one province, about 5.6° wide and 4.4° tall, so an equirectangular projection
//! whose x is scaled by the cosine of the middle latitude keeps shapes true to within about 4 %
//! across Jiangsu, is trivially invertible, and costs nothing to compute on each resize.

use crate::model::bundle::Bounds;
use crate::model::geojson_shape::Position;

/// Pixels left free around the province (or a drilled city) on every map it is fitted to.
pub const MAP_PADDING: f64 = 16.0;

/// A screen point in CSS pixels, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenPoint {
    /// Pixels from the left edge.
    pub x: f64,
    /// Pixels from the top edge.
    pub y: f64,
}

/// Maps positions in degrees onto a `width` × `height` pixel viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    x_per_degree: f64,
    y_per_degree: f64,
    offset_x: f64,
    offset_y: f64,
}

impl Projection {
    /// The projection that shows `bounds` as large as fits inside the viewport, centred, leaving
    /// `padding` pixels on every side. A degenerate viewport gives a scale of zero, never NaN.
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64) -> Projection {
        let middle_latitude = ((bounds.south + bounds.north) / 2.0).to_radians();
        let aspect = middle_latitude.cos();
        let span_x = ((bounds.east - bounds.west) * aspect).max(f64::EPSILON);
        let span_y = (bounds.north - bounds.south).max(f64::EPSILON);
        let room_x = (width - 2.0 * padding).max(0.0);
        let room_y = (height - 2.0 * padding).max(0.0);
        let scale = (room_x / span_x).min(room_y / span_y);
        Projection {
            west: bounds.west,
            north: bounds.north,
            x_per_degree: scale * aspect,
            y_per_degree: scale,
            offset_x: (width - span_x * scale) / 2.0,
            offset_y: (height - span_y * scale) / 2.0,
        }
    }

    /// Where a position lands on screen.
    pub fn project(&self, [lon, lat]: Position) -> ScreenPoint {
        ScreenPoint {
            x: self.offset_x + (lon - self.west) * self.x_per_degree,
            y: self.offset_y + (self.north - lat) * self.y_per_degree,
        }
    }

    /// The position a screen point shows: the inverse of [`Projection::project`], so geometry
    /// drawn on a map of known size can be read back (`page_geometry`). `None` for a degenerate
    /// viewport, which shows no position.
    pub fn unproject(&self, point: ScreenPoint) -> Option<Position> {
        if self.x_per_degree <= 0.0 || self.y_per_degree <= 0.0 {
            return None;
        }
        Some([
            self.west + (point.x - self.offset_x) / self.x_per_degree,
            self.north - (point.y - self.offset_y) / self.y_per_degree,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JIANGSU: Bounds = Bounds {
        west: 116.36,
        south: 30.76,
        east: 121.97,
        north: 35.13,
    };

    #[test]
    fn the_fitted_box_touches_the_padding_on_its_tight_side_and_is_centred() {
        let p = Projection::fit(JIANGSU, 800.0, 600.0, 20.0);
        let nw = p.project([JIANGSU.west, JIANGSU.north]);
        let se = p.project([JIANGSU.east, JIANGSU.south]);
        let tight_x = (nw.x - 20.0).abs() < 1e-9 && (se.x - 780.0).abs() < 1e-9;
        let tight_y = (nw.y - 20.0).abs() < 1e-9 && (se.y - 580.0).abs() < 1e-9;
        assert!(tight_x || tight_y, "{nw:?} {se:?}");
        assert!(((nw.x + se.x) / 2.0 - 400.0).abs() < 1e-9);
        assert!(((nw.y + se.y) / 2.0 - 300.0).abs() < 1e-9);
    }

    #[test]
    fn east_west_is_shortened_by_the_cosine_of_the_latitude() {
        let p = Projection::fit(JIANGSU, 1000.0, 1000.0, 0.0);
        let a = p.project([118.0, 32.0]);
        let b = p.project([119.0, 32.0]);
        let c = p.project([118.0, 33.0]);
        let ratio = (b.x - a.x) / (a.y - c.y);
        assert!(
            (ratio - 32.945_f64.to_radians().cos()).abs() < 1e-3,
            "{ratio}"
        );
    }

    #[test]
    fn unproject_inverts_project() {
        let p = Projection::fit(JIANGSU, 928.0, 700.0, 16.0);
        let back = p
            .unproject(p.project([119.31, 32.07]))
            .expect("a real viewport");
        assert!((back[0] - 119.31).abs() < 1e-9 && (back[1] - 32.07).abs() < 1e-9);
        assert_eq!(
            Projection::fit(JIANGSU, 0.0, 0.0, 16.0).unproject(ScreenPoint { x: 1.0, y: 1.0 }),
            None
        );
    }

    #[test]
    fn a_zero_viewport_gives_finite_points() {
        let p = Projection::fit(JIANGSU, 0.0, 0.0, 10.0);
        let q = p.project([118.0, 32.0]);
        assert!(q.x.is_finite() && q.y.is_finite());
    }
}
