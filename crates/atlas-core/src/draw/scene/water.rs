//! The water as drawn: each lake and the Yangtze as a filled path, and where the data's Yangtze
//! stops (about 119.6°E), the river carried on to the sea along the channel it runs in.
//!
//! East of that point the 苏南/苏中 border *is* the river: their cities' borders run mid-channel
//! from 镇江/扬州 to the estuary. The map draws that shared border as a water-coloured stroke,
//! starting as wide as the river where the data stops and widening to the estuary, so the river
//! reads as one river from 南京 to the sea instead of breaking off.

use geo::{BoundingRect, Contains, Coord, MultiPolygon};

use crate::draw::labels::LabelBox;
use crate::geo::projection::{Projection, ScreenPoint};
use crate::geo::svg_path::{PathData, svg_path};
use crate::model::bundle::{Bundle, WaterKind, WaterRef};
use crate::model::geojson_shape::FeatureCollection;

use super::screen_outline;

/// One lake or river as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterShape {
    /// Lake or river.
    pub kind: WaterKind,
    /// SVG path data of its outline.
    pub path: String,
    /// Its outline in screen pixels, the shape its name must fit inside.
    pub outline: MultiPolygon,
    /// The name shown, empty for unnamed water and for rivers.
    pub label: String,
    /// Where its name goes, or `None` when the name does not fit inside it.
    pub label_box: Option<LabelBox>,
}

/// A stretch of the channel carrying the river on, drawn as a stroke of its own width.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelPiece {
    /// SVG path data of the stretch (an open line).
    pub path: String,
    /// Stroke width, px.
    pub width: f64,
    /// The stretch's middle vertex: where the river's name may go.
    pub middle: ScreenPoint,
}

/// The river's width where the data stops, km (the Yangtze at 镇江 is about 1.5–2 km wide).
const CHANNEL_START_KM: f64 = 1.8;

/// The river's width at the estuary, km (drawn narrower than the real mouth so as not to hide the
/// cities on its banks).
const CHANNEL_END_KM: f64 = 8.0;

/// The thinnest the channel is drawn, px, so that it stays visible on a phone.
const CHANNEL_MIN_PX: f64 = 1.5;

/// How many stretches of stepped width the channel is drawn in.
const CHANNEL_PIECES: usize = 10;

/// How close, px, the shared border must pass to the river's end to continue it.
const CHANNEL_REACH_PX: f64 = 12.0;

/// How close, km, the shared border may pass to the river's end on a zoomed-in map (a drilled
/// city), where [`CHANNEL_REACH_PX`] is less ground than the data's coarseness.
const CHANNEL_REACH_KM: f64 = 8.0;

/// The `water` features projected (the bundle's for the province, the county layer's finer ones
/// for a drilled city: the same features in the same order), unnamed (names come with the labels).
pub fn water_shapes(
    water: &FeatureCollection<WaterRef>,
    projection: &Projection,
) -> Vec<WaterShape> {
    water
        .features
        .iter()
        .map(|f| WaterShape {
            kind: f.properties.kind,
            path: svg_path(&f.geometry, projection),
            outline: screen_outline(&f.geometry, projection),
            label: String::new(),
            label_box: None,
        })
        .collect()
}

/// Kilometres to pixels on this projection (north–south, where a degree is 111.2 km).
fn px_per_km(projection: &Projection) -> f64 {
    let a = projection.project([0.0, 0.0]);
    let b = projection.project([0.0, 1.0]);
    (a.y - b.y).abs() / 111.2
}

/// Where the river's data stops: the easternmost point of the river outlines.
fn river_end(water: &[WaterShape]) -> Option<ScreenPoint> {
    water
        .iter()
        .filter(|w| w.kind == WaterKind::River)
        .flat_map(|w| w.outline.iter())
        .flat_map(|p| p.exterior().0.iter())
        .max_by(|a, b| a.x.total_cmp(&b.x))
        .map(|c| ScreenPoint { x: c.x, y: c.y })
}

/// A point to a tenth of a pixel, the key by which neighbours' shared vertices are matched.
fn key(c: &Coord) -> (i64, i64) {
    ((c.x * 10.0).round() as i64, (c.y * 10.0).round() as i64)
}

/// The distance between two points, px.
fn distance(a: ScreenPoint, b: ScreenPoint) -> f64 {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).sqrt()
}

/// The stretches carrying the river from where its data stops to the sea, along the border
/// two zones share there; none when the bundle has no river or no such border.
pub fn channel(
    bundle: &Bundle,
    projection: &Projection,
    water: &[WaterShape],
) -> Vec<ChannelPiece> {
    let Some(end) = river_end(water) else {
        return Vec::new();
    };
    let rings: Vec<Vec<Coord>> = bundle
        .zone_outlines
        .features
        .iter()
        .flat_map(|f| screen_outline(&f.geometry, projection))
        .map(|p| {
            let ring = &p.exterior().0;
            ring[..ring.len().saturating_sub(1)].to_vec()
        })
        .collect();
    let reach = CHANNEL_REACH_PX.max(CHANNEL_REACH_KM * px_per_km(projection));
    let mut best: Option<Vec<ScreenPoint>> = None;
    for (i, a) in rings.iter().enumerate() {
        for b in &rings[i + 1..] {
            if let Some(line) = shared_eastward(a, b, end, reach)
                && best.as_ref().is_none_or(|best| line.len() > best.len())
            {
                best = Some(line);
            }
        }
    }
    best.map_or_else(Vec::new, |line| tapered(&line, px_per_km(projection)))
}

/// The border rings `a` and `b` (open, both turning the same way) share from their common vertex
/// nearest `end` eastward, when there is one within `reach` px: a shared border runs forward
/// along one ring and backward along the other, so it is walked on both at once.
fn shared_eastward(
    a: &[Coord],
    b: &[Coord],
    end: ScreenPoint,
    reach: f64,
) -> Option<Vec<ScreenPoint>> {
    let point = |c: &Coord| ScreenPoint { x: c.x, y: c.y };
    let (start, _) = a
        .iter()
        .enumerate()
        .map(|(i, c)| (i, distance(point(c), end)))
        .filter(|&(i, d)| d <= reach && b.iter().any(|c| key(c) == key(&a[i])))
        .min_by(|x, y| x.1.total_cmp(&y.1))?;
    let their_start = b.iter().position(|d| key(d) == key(&a[start]))?;
    let (n, m) = (a.len() as isize, b.len() as isize);
    let walk = |step: isize| {
        let mut line = vec![point(&a[start])];
        for k in 1..n.min(m) {
            let mine = &a[(start as isize + step * k).rem_euclid(n) as usize];
            let theirs = &b[(their_start as isize - step * k).rem_euclid(m) as usize];
            if key(mine) != key(theirs) {
                break;
            }
            line.push(point(mine));
        }
        line
    };
    let (forward, backward) = (walk(1), walk(-1));
    let reach = |line: &Vec<ScreenPoint>| line.last().map_or(f64::MIN, |p| p.x);
    let line = if reach(&forward) >= reach(&backward) {
        forward
    } else {
        backward
    };
    (line.len() >= 2).then_some(line)
}

/// `line` cut into [`CHANNEL_PIECES`] stretches of equal length, each as wide as the river is
/// at its middle, from [`CHANNEL_START_KM`] to [`CHANNEL_END_KM`].
fn tapered(line: &[ScreenPoint], px_per_km: f64) -> Vec<ChannelPiece> {
    let steps: Vec<f64> = line.windows(2).map(|w| distance(w[0], w[1])).collect();
    let total: f64 = steps.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let piece_length = total / CHANNEL_PIECES as f64;
    let mut pieces: Vec<Vec<ScreenPoint>> = vec![vec![line[0]]];
    let mut walked = 0.0;
    for (w, step) in line.windows(2).zip(&steps) {
        walked += step;
        let piece = ((walked / piece_length) as usize).min(CHANNEL_PIECES - 1);
        while pieces.len() <= piece {
            let joint = *pieces.last().and_then(|p| p.last()).unwrap_or(&w[0]);
            pieces.push(vec![joint]);
        }
        if let Some(current) = pieces.last_mut() {
            current.push(w[1]);
        }
    }
    let count = pieces.len() as f64;
    pieces
        .into_iter()
        .enumerate()
        .filter(|(_, p)| p.len() >= 2)
        .map(|(i, points)| {
            let t = (i as f64 + 0.5) / count;
            let km = CHANNEL_START_KM + (CHANNEL_END_KM - CHANNEL_START_KM) * t;
            ChannelPiece {
                path: open_path(&points),
                width: (km * px_per_km).max(CHANNEL_MIN_PX),
                middle: points[points.len() / 2],
            }
        })
        .collect()
}

/// SVG path data of an open line, written as the outlines are.
fn open_path(points: &[ScreenPoint]) -> String {
    let mut d = PathData::default();
    for p in points {
        d.point(*p);
    }
    d.finish()
}

/// Whether `label` lies wholly inside `shape`: its corners, edge midpoints and centre inside,
/// and no vertex of the shape within it (so no shore or island cuts through it).
fn fits_inside(shape: &MultiPolygon, label: &LabelBox) -> bool {
    let (x, y) = (label.center.x, label.center.y);
    let (dx, dy) = (label.width / 2.0, label.height / 2.0);
    let probes_inside = [-1.0, 0.0, 1.0].iter().all(|i| {
        [-1.0, 0.0, 1.0].iter().all(|j| {
            shape.contains(&Coord {
                x: x + i * dx,
                y: y + j * dy,
            })
        })
    });
    probes_inside
        && !shape
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .flat_map(|r| r.0.iter())
            .any(|c| (c.x - x).abs() < dx && (c.y - y).abs() < dy)
}

/// How many spots a lake's name is offered: enough to step round a city's label or a marker.
const LAKE_SPOTS: usize = 24;

/// Spots where a `width` × `height` box fits wholly inside `shape` ([`fits_inside`]) and on the
/// `map_width` × `map_height` map, on a grid of `step` pixels walked outward from the middle of
/// the part of the shape's extent on the map, ring by ring: where a lake's name can go, nearest
/// its middle first. A drilled city shows only part of a lake such as 太湖: the walk covers that
/// part alone, and stops once the lake has its spots.
pub fn spots_inside(
    shape: &MultiPolygon,
    (width, height): (f64, f64),
    (map_width, map_height): (f64, f64),
    step: f64,
) -> Vec<ScreenPoint> {
    let Some(extent) = shape.bounding_rect() else {
        return Vec::new();
    };
    let (left, top) = (extent.min().x.max(0.0), extent.min().y.max(0.0));
    let (right, bottom) = (
        extent.max().x.min(map_width),
        extent.max().y.min(map_height),
    );
    if left >= right || top >= bottom {
        return Vec::new();
    }
    let step = step.max(1.0);
    let middle = ScreenPoint {
        x: (left + right) / 2.0,
        y: (top + bottom) / 2.0,
    };
    let reach = ((right - left).max(bottom - top) / 2.0 / step).ceil() as i64;
    let mut spots = Vec::new();
    for ring in 0..=reach {
        for i in -ring..=ring {
            for j in -ring..=ring {
                if i.abs().max(j.abs()) != ring {
                    continue;
                }
                let center = ScreenPoint {
                    x: middle.x + i as f64 * step,
                    y: middle.y + j as f64 * step,
                };
                let label = LabelBox {
                    center,
                    width,
                    height,
                };
                if label.inside(map_width, map_height) && fits_inside(shape, &label) {
                    spots.push(center);
                    if spots.len() == LAKE_SPOTS {
                        return spots;
                    }
                }
            }
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use geo::Rect;

    use super::*;

    /// 太湖 from a drilled 苏州: a lake far bigger than the map, the map over one corner of it.
    #[test]
    fn a_lake_larger_than_the_map_is_offered_spots_on_the_map() {
        let lake = MultiPolygon::new(vec![
            Rect::new(
                Coord {
                    x: -2000.0,
                    y: -2000.0,
                },
                Coord { x: 300.0, y: 300.0 },
            )
            .to_polygon(),
        ]);
        let spots = spots_inside(&lake, (60.0, 16.0), (400.0, 400.0), 5.0);
        assert_eq!(spots.len(), LAKE_SPOTS);
        assert!(
            spots
                .iter()
                .all(|c| c.x >= 30.0 && c.x <= 270.0 && c.y >= 8.0 && c.y <= 292.0),
            "{spots:?}"
        );
    }

    #[test]
    fn a_lake_off_the_map_is_offered_none() {
        let lake = MultiPolygon::new(vec![
            Rect::new(Coord { x: 500.0, y: 0.0 }, Coord { x: 900.0, y: 300.0 }).to_polygon(),
        ]);
        assert!(spots_inside(&lake, (60.0, 16.0), (400.0, 400.0), 5.0).is_empty());
    }
}
