//! Turning a projected MultiPolygon into the `d` attribute of an SVG path.

use crate::geo::projection::{Projection, ScreenPoint};
use crate::model::geojson_shape::MultiPolygon;

/// The SVG path data for a MultiPolygon: one subpath per ring, written by [`PathData`], closed
/// (`Z`). Fill with `fill-rule: evenodd` or nonzero alike: holes run the other way round.
pub fn svg_path(geometry: &MultiPolygon, projection: &Projection) -> String {
    let mut d = PathData::default();
    for ring in geometry.coordinates.iter().flatten() {
        for position in ring.iter().take(ring.len().saturating_sub(1)) {
            d.point(projection.project(*position));
        }
        d.end_subpath(true);
    }
    d.finish()
}

/// Path data being written: each subpath's first point absolute (`M`), the others as steps from
/// the one before (`l`), to a tenth of a pixel, with consecutive points that land on the same
/// tenth dropped. Steps are computed from the rounded positions, so they never drift, and are
/// about half the size of absolute coordinates. Numbers are written as short as a reader takes
/// them, since the prerendered page carries every path (1.4 KB less gzip on the page than with
/// `0.5` and a space before every non-negative number): no leading zero (`.5`, `-.5`), no space before a minus
/// sign, nor before a leading point after a number that has a point already (`l1.5.5` is the
/// step 1.5, 0.5).
#[derive(Debug, Default)]
pub(crate) struct PathData {
    /// The data so far.
    d: String,
    /// The current subpath's last point, in tenths; `None` before its first.
    last: Option<(i64, i64)>,
    /// Whether the last number written has a point.
    pointed: bool,
}

impl PathData {
    /// Adds a point to the current subpath (starting one if none is open).
    pub(crate) fn point(&mut self, p: ScreenPoint) {
        let tenths = ((p.x * 10.0).round() as i64, (p.y * 10.0).round() as i64);
        match self.last {
            None => {
                self.d.push('M');
                self.number(tenths.0);
                self.number(tenths.1);
                self.d.push('l');
            }
            Some(previous) if previous == tenths => return,
            Some(previous) => {
                self.number(tenths.0 - previous.0);
                self.number(tenths.1 - previous.1);
            }
        }
        self.last = Some(tenths);
    }

    /// Ends the current subpath, closing it (`Z`) if `close`; the next point starts another.
    pub(crate) fn end_subpath(&mut self, close: bool) {
        if self.last.take().is_some() {
            if self.d.ends_with('l') {
                self.d.pop();
            }
            if close {
                self.d.push('Z');
            }
        }
    }

    /// The path data, the last subpath left open.
    pub(crate) fn finish(mut self) -> String {
        self.end_subpath(false);
        self.d
    }

    /// Appends a number of tenths with only the separator a reader needs before it.
    fn number(&mut self, tenths: i64) {
        let point_first = tenths != 0 && tenths.unsigned_abs() < 10;
        let after_command = self.d.ends_with(|c: char| c.is_ascii_alphabetic());
        if !after_command && tenths >= 0 && !(point_first && self.pointed) {
            self.d.push(' ');
        }
        if point_first {
            if tenths < 0 {
                self.d.push('-');
            }
            self.d.push('.');
            self.d.push(char::from(b'0' + tenths.unsigned_abs() as u8));
        } else {
            push_tenths(&mut self.d, tenths);
        }
        self.pointed = tenths % 10 != 0;
    }
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
    fn numbers_take_only_the_separators_a_reader_needs() {
        let mut d = PathData::default();
        for (x, y) in [
            (0.0, 0.0),
            (1.5, 0.5),
            (1.5, 0.5),
            (1.5, 0.0),
            (2.0, 0.5),
            (12.25, 3.0),
        ] {
            d.point(ScreenPoint { x, y });
        }
        d.end_subpath(true);
        for (x, y) in [(0.3, 0.7), (1.0, 0.7), (1.0, 1.4)] {
            d.point(ScreenPoint { x, y });
        }
        d.end_subpath(true);
        let written = d.finish();
        assert_eq!(written, "M0 0l1.5.5 0-.5.5.5 10.3 2.5ZM.3.7l.7 0 0 .7Z");
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
