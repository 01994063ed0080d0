//! Turning a projected MultiPolygon into the `d` attribute of an SVG path.

use std::fmt::Write;

use crate::geojson_shape::MultiPolygon;
use crate::projection::Projection;

/// The SVG path data for a MultiPolygon: one `M … Z` subpath per ring, coordinates to a tenth of
/// a pixel, consecutive points that land on the same tenth dropped. Fill with `fill-rule:
/// evenodd` or nonzero alike: holes run the other way round.
pub fn svg_path(geometry: &MultiPolygon, projection: &Projection) -> String {
    let mut d = String::new();
    for ring in geometry.coordinates.iter().flatten() {
        let mut last: Option<(i64, i64)> = None;
        for (i, position) in ring.iter().take(ring.len().saturating_sub(1)).enumerate() {
            let p = projection.project(*position);
            let tenths = ((p.x * 10.0).round() as i64, (p.y * 10.0).round() as i64);
            if last == Some(tenths) {
                continue;
            }
            last = Some(tenths);
            let command = if i == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{command}{}", Tenths(tenths.0));
            let _ = write!(d, " {}", Tenths(tenths.1));
        }
        if last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// A number of tenths printed as a short decimal: 1234 → `123.4`, 1230 → `123`.
struct Tenths(i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        match abs % 10 {
            0 => write!(f, "{sign}{}", abs / 10),
            frac => write!(f, "{sign}{}.{frac}", abs / 10),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Bounds;

    #[test]
    fn draws_each_ring_as_a_closed_subpath() {
        let square = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let geometry = MultiPolygon::new(vec![vec![square.clone()], vec![square]]);
        let bounds = Bounds {
            west: 0.0,
            south: 0.0,
            east: 1.0,
            north: 1.0,
        };
        let p = Projection::fit(bounds, 100.0, 100.0, 0.0);
        let d = svg_path(&geometry, &p);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
        assert!(d.starts_with("M0 100L100 100L100 0L0 0Z"), "{d}");
    }

    #[test]
    fn prints_tenths_without_trailing_zeros() {
        assert_eq!(Tenths(1234).to_string(), "123.4");
        assert_eq!(Tenths(1230).to_string(), "123");
        assert_eq!(Tenths(-5).to_string(), "-0.5");
    }
}
