//! Finding rings that cross or touch where they must not, across all outlines at once.
//!
//! geo's `Validation` compares every pair of segments of a ring (quadratic: seconds on the full
//! detail boundaries); a sweep over all segments of all outlines with geo's [`Intersections`] does
//! the same job in one pass and also sees crossings between neighbouring outlines.

use geo::algorithm::sweep::Cross;
use geo::{Coord, Intersections, Line, LineIntersection, MultiPolygon};

/// Where two rings meet improperly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    /// The outline of the first segment.
    pub first: usize,
    /// The outline of the second segment.
    pub second: usize,
    /// A point of the meeting.
    pub at: Coord<f64>,
}

/// A segment and the outline it belongs to.
#[derive(Debug, Clone, Copy)]
struct Segment {
    line: Line<f64>,
    outline: usize,
}

impl Cross for Segment {
    type Scalar = f64;

    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// The first improper meeting of two segments of any rings of `outlines`, if any.
///
/// Segments may meet only at a vertex they both end on, or be the very same edge walked by two
/// different outlines (a shared border). A crossing, a vertex touching the middle of an edge, or a
/// partial overlap is improper.
pub fn find_crossing(outlines: &[MultiPolygon<f64>]) -> Option<Crossing> {
    let segments: Vec<Segment> = outlines
        .iter()
        .enumerate()
        .flat_map(|(outline, mp)| {
            mp.iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .flat_map(|ring| ring.lines())
                .filter(|line| line.start != line.end)
                .map(move |line| Segment { line, outline })
        })
        .collect();
    Intersections::from_iter(segments).find_map(|(a, b, meeting)| {
        let (p, q) = (a.line, b.line);
        let shares_endpoint =
            |c: Coord<f64>| (c == p.start || c == p.end) && (c == q.start || c == q.end);
        let proper = match meeting {
            LineIntersection::SinglePoint { intersection, .. } => shares_endpoint(intersection),
            LineIntersection::Collinear { .. } => {
                let same_edge = (p.start == q.start && p.end == q.end)
                    || (p.start == q.end && p.end == q.start);
                same_edge && a.outline != b.outline
            }
        };
        let at = match meeting {
            LineIntersection::SinglePoint { intersection, .. } => intersection,
            LineIntersection::Collinear { intersection } => intersection.start,
        };
        (!proper).then_some(Crossing {
            first: a.outline,
            second: b.outline,
            at,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn neighbours_sharing_an_edge_do_not_cross() {
        let a = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let b = polygon![(x: 1.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0)];
        let outlines = [MultiPolygon::new(vec![a]), MultiPolygon::new(vec![b])];
        assert_eq!(find_crossing(&outlines), None);
    }

    #[test]
    fn a_bow_tie_crosses_itself() {
        let bow = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0), (x: 0.0, y: 1.0)];
        let found = find_crossing(&[MultiPolygon::new(vec![bow])]).expect("crossing");
        assert_eq!((found.first, found.second), (0, 0));
        assert_eq!(found.at, Coord { x: 0.5, y: 0.5 });
    }

    #[test]
    fn overlapping_neighbours_cross() {
        let a = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let b = polygon![(x: 0.5, y: 0.5), (x: 2.0, y: 0.5), (x: 2.0, y: 2.0), (x: 0.5, y: 2.0)];
        let found = find_crossing(&[MultiPolygon::new(vec![a]), MultiPolygon::new(vec![b])]);
        assert!(found.is_some_and(|c| c.first != c.second));
    }

    #[test]
    fn a_vertex_touching_the_middle_of_an_edge_is_improper() {
        let a = polygon![(x: 0.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 0.0, y: 1.0)];
        let b = polygon![(x: 1.0, y: 1.0), (x: 2.0, y: 2.0), (x: 0.0, y: 2.0)];
        let found = find_crossing(&[MultiPolygon::new(vec![a]), MultiPolygon::new(vec![b])]);
        assert!(found.is_some());
    }
}
