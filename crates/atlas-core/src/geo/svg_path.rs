//! Turning a projected MultiPolygon into the `d` attribute of an SVG path.

use crate::geo::projection::Projection;
use crate::model::geojson_shape::MultiPolygon;

/// The SVG path data for a MultiPolygon: one subpath per ring, its first point absolute (`M`),
/// the others as steps from the one before (`l`), to a tenth of a pixel, with consecutive
/// points that land on the same tenth dropped. Steps are computed from the rounded positions, so
/// they never drift, and are about half the size of absolute coordinates (the prerendered page
/// carries every path). Fill with `fill-rule: evenodd` or nonzero alike: holes run the other way
/// round.
pub fn svg_path(geometry: &MultiPolygon, projection: &Projection) -> String {
    let mut d = String::new();
    for ring in geometry.coordinates.iter().flatten() {
        let mut last: Option<(i64, i64)> = None;
        for position in ring.iter().take(ring.len().saturating_sub(1)) {
            let p = projection.project(*position);
            let tenths = ((p.x * 10.0).round() as i64, (p.y * 10.0).round() as i64);
            match last {
                None => {
                    d.push('M');
                    push_tenths(&mut d, tenths.0);
                    d.push(' ');
                    push_tenths(&mut d, tenths.1);
                    d.push('l');
                }
                Some(previous) if previous == tenths => continue,
                Some(previous) => {
                    let step = (tenths.0 - previous.0, tenths.1 - previous.1);
                    if !d.ends_with('l') && step.0 >= 0 {
                        d.push(' ');
                    }
                    push_tenths(&mut d, step.0);
                    if step.1 >= 0 {
                        d.push(' ');
                    }
                    push_tenths(&mut d, step.1);
                }
            }
            last = Some(tenths);
        }
        if last.is_some() {
            if d.ends_with('l') {
                d.pop();
            }
            d.push('Z');
        }
    }
    d
}

/// Appends a number of tenths as a short decimal: 1234 → `123.4`, 1230 → `123`. Written digit by
/// digit: paths hold thousands of numbers, and the formatting machinery was most of the time the
/// map took to draw.
pub(crate) fn push_tenths(out: &mut String, tenths: i64) {
    if tenths < 0 {
        out.push('-');
    }
    let abs = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = abs / 10;
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev().map(|&b| char::from(b)));
    let fraction = abs % 10;
    if fraction != 0 {
        out.push('.');
        out.push(char::from(b'0' + fraction as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bundle::Bounds;

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
        assert_eq!(d, "M0 100l100 0 0-100-100 0ZM0 100l100 0 0-100-100 0Z");
    }

    #[test]
    fn prints_tenths_without_trailing_zeros() {
        let printed = |tenths| {
            let mut s = String::new();
            push_tenths(&mut s, tenths);
            s
        };
        assert_eq!(printed(1234), "123.4");
        assert_eq!(printed(1230), "123");
        assert_eq!(printed(-5), "-0.5");
        assert_eq!(printed(0), "0");
        assert_eq!(printed(-20), "-2");
        assert_eq!(printed(i64::MIN), "-922337203685477580.8");
    }
}
