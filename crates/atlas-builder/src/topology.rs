//! Simplifying neighbouring outlines without opening gaps between them.
//!
//! Simplifying each city on its own would move a shared border differently on its two sides and
//! leave slivers. Instead the rings are cut into arcs at every junction (a vertex where the set of
//! neighbouring rings changes), each distinct arc is simplified once with its endpoints fixed, and
//! the rings are put back together from the simplified arcs, so both sides of a border use the very
//! same vertices. Coordinates are rounded on the arcs, before reassembly, for the same reason.

use std::collections::{HashMap, HashSet};

use geo::{Area, Coord, LineString, MultiPolygon, Polygon, Simplify, Validation};

/// A vertex in integer units of the input precision, so equality is exact.
type Key = (i64, i64);

/// Input coordinates are read at micro-degree precision (the source files have 6 decimals).
const INPUT_UNITS_PER_DEGREE: f64 = 1e6;

/// How a run of simplification went, for the builder's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimplifyStats {
    /// Vertices in the input rings (closing vertex not counted).
    pub vertices_in: usize,
    /// Vertices in the output rings (closing vertex not counted).
    pub vertices_out: usize,
    /// Distinct arcs the rings were cut into.
    pub arcs: usize,
}

/// Why the outlines could not be simplified into valid polygons.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "outline {index} cannot be simplified into a valid, true-to-area outline even at a tolerance of {tolerance} degrees: {reason}"
)]
pub struct SimplifyError {
    /// Position of the outline in the input (in its own file, once the builder has placed it).
    pub index: usize,
    /// The smallest tolerance that was tried.
    pub tolerance: f64,
    /// What the validity check said.
    pub reason: String,
}

/// Where one ring sits in the input: which outline, which polygon, which ring.
#[derive(Debug, Clone, Copy)]
struct RingPlace {
    outline: usize,
    polygon: usize,
    ring: usize,
}

/// One use of an arc by a ring, possibly walked backwards.
#[derive(Debug, Clone, Copy)]
struct ArcUse {
    arc: usize,
    reversed: bool,
}

/// The outlines as rings of shared arcs.
struct Topology {
    places: Vec<RingPlace>,
    rings: Vec<Vec<ArcUse>>,
    arcs: Vec<Vec<Key>>,
    arc_outlines: Vec<Vec<usize>>,
    pins: Vec<Vec<usize>>,
    vertices_in: usize,
}

/// Simplifies `outlines` together with tolerance `tolerance` (degrees, Douglas–Peucker) and rounds
/// every coordinate to `decimals` places. Where an outline comes out invalid, the arcs it uses are
/// simplified again with half the tolerance, a few times at most.
pub fn simplify_shared(
    outlines: &[MultiPolygon<f64>],
    tolerance: f64,
    decimals: i32,
) -> Result<(Vec<MultiPolygon<f64>>, SimplifyStats), SimplifyError> {
    simplify_shared_each(
        outlines,
        &vec![tolerance; outlines.len()],
        decimals,
        f64::INFINITY,
    )
}

/// Like [`simplify_shared`], with a tolerance per outline, so that two layers drawn at different
/// zooms (cities and their counties) share one set of arcs: an arc takes the largest tolerance of
/// the outlines that use it, so a border the coarser layer draws is simplified once, the same way
/// for both layers, and a border only the finer layer draws keeps the finer detail. An outline
/// whose area moves by more than `max_area_change` (a share of its area) is treated like an
/// invalid one: its arcs are simplified again with half the tolerance, so a small county keeps its
/// true area even where it lies on a border simplified at the coarser tolerance.
pub fn simplify_shared_each(
    outlines: &[MultiPolygon<f64>],
    outline_tolerances: &[f64],
    decimals: i32,
    max_area_change: f64,
) -> Result<(Vec<MultiPolygon<f64>>, SimplifyStats), SimplifyError> {
    const HALVINGS: u32 = 8;
    let topology = Topology::new(outlines);
    let mut tolerances: Vec<f64> = topology
        .arc_outlines
        .iter()
        .map(|users| {
            users
                .iter()
                .filter_map(|&u| outline_tolerances.get(u).copied())
                .fold(0.0, f64::max)
        })
        .collect();
    let mut attempt = 0;
    loop {
        let simplified: Vec<Vec<Coord<f64>>> = topology
            .arcs
            .iter()
            .zip(&topology.pins)
            .zip(&tolerances)
            .map(|((arc, pins), &t)| simplify_arc(arc, pins, t, decimals))
            .collect();
        let result = topology.assemble(&simplified, outlines.len());
        let invalid: Vec<(usize, String)> = result
            .iter()
            .enumerate()
            .filter_map(|(i, mp)| {
                invalid_reason(mp)
                    .or_else(|| area_change_reason(&outlines[i], mp, max_area_change))
                    .map(|r| (i, r))
            })
            .collect();
        let Some((index, reason)) = invalid.first().cloned() else {
            let stats = SimplifyStats {
                vertices_in: topology.vertices_in,
                vertices_out: result
                    .iter()
                    .flat_map(|mp| mp.iter())
                    .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                    .map(|r| r.0.len().saturating_sub(1))
                    .sum(),
                arcs: topology.arcs.len(),
            };
            return Ok((result, stats));
        };
        attempt += 1;
        if attempt > HALVINGS {
            return Err(SimplifyError {
                index,
                tolerance: outline_tolerances.get(index).copied().unwrap_or_default()
                    / 2f64.powi(HALVINGS as i32),
                reason,
            });
        }
        let bad: HashSet<usize> = invalid.iter().map(|(i, _)| *i).collect();
        for (arc, users) in topology.arc_outlines.iter().enumerate() {
            if users.iter().any(|u| bad.contains(u)) {
                tolerances[arc] /= 2.0;
            }
        }
    }
}

/// Why a simplified outline's area has strayed too far from the original's, if it has.
fn area_change_reason(
    original: &MultiPolygon<f64>,
    simplified: &MultiPolygon<f64>,
    max_change: f64,
) -> Option<String> {
    let before = original.unsigned_area();
    let change = simplified.unsigned_area() / before - 1.0;
    (before > 0.0 && change.abs() > max_change).then(|| {
        format!(
            "its area changes by {:.2} %, more than {:.2} %",
            change * 100.0,
            max_change * 100.0
        )
    })
}

fn invalid_reason(mp: &MultiPolygon<f64>) -> Option<String> {
    let too_short = mp
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .any(|r| r.0.len() < 4);
    if too_short {
        return Some("a ring collapsed to fewer than three corners".to_string());
    }
    mp.validation_errors().first().map(|e| e.to_string())
}

fn key(c: &Coord<f64>) -> Key {
    (
        (c.x * INPUT_UNITS_PER_DEGREE).round() as i64,
        (c.y * INPUT_UNITS_PER_DEGREE).round() as i64,
    )
}

/// A ring's vertices as keys, without the closing repeat or consecutive duplicates.
fn ring_keys(ring: &LineString<f64>) -> Vec<Key> {
    let mut keys: Vec<Key> = ring.0.iter().map(key).collect();
    keys.dedup();
    if keys.len() > 1 && keys.first() == keys.last() {
        keys.pop();
    }
    keys
}

impl Topology {
    fn new(outlines: &[MultiPolygon<f64>]) -> Topology {
        let mut places = Vec::new();
        let mut ring_vertices = Vec::new();
        for (outline, mp) in outlines.iter().enumerate() {
            for (polygon, p) in mp.iter().enumerate() {
                let rings = std::iter::once(p.exterior()).chain(p.interiors());
                for (ring, r) in rings.enumerate() {
                    places.push(RingPlace {
                        outline,
                        polygon,
                        ring,
                    });
                    ring_vertices.push(ring_keys(r));
                }
            }
        }
        let junctions = find_junctions(&ring_vertices);
        let mut arcs: Vec<Vec<Key>> = Vec::new();
        let mut arc_ids: HashMap<Vec<Key>, usize> = HashMap::new();
        let mut arc_outlines: Vec<Vec<usize>> = Vec::new();
        let mut rings = Vec::new();
        for (place, keys) in places.iter().zip(&ring_vertices) {
            let mut uses = Vec::new();
            for piece in cut_at_junctions(keys, &junctions) {
                let reversed_piece: Vec<Key> = piece.iter().rev().copied().collect();
                let reversed = reversed_piece < piece;
                let canonical = if reversed { reversed_piece } else { piece };
                let arc = *arc_ids.entry(canonical.clone()).or_insert_with(|| {
                    arcs.push(canonical);
                    arc_outlines.push(Vec::new());
                    arcs.len() - 1
                });
                if !arc_outlines[arc].contains(&place.outline) {
                    arc_outlines[arc].push(place.outline);
                }
                uses.push(ArcUse { arc, reversed });
            }
            rings.push(uses);
        }
        let pins = pinned_vertices(&arcs, &rings);
        Topology {
            places,
            rings,
            arcs,
            arc_outlines,
            pins,
            vertices_in: ring_vertices.iter().map(Vec::len).sum(),
        }
    }

    /// Rebuilds the outlines from simplified arcs.
    fn assemble(&self, arcs: &[Vec<Coord<f64>>], outline_count: usize) -> Vec<MultiPolygon<f64>> {
        let mut polygons: Vec<Vec<Vec<LineString<f64>>>> = vec![Vec::new(); outline_count];
        for (place, uses) in self.places.iter().zip(&self.rings) {
            let mut coords: Vec<Coord<f64>> = Vec::new();
            for u in uses {
                let arc = &arcs[u.arc];
                let walk: Box<dyn Iterator<Item = &Coord<f64>>> = if u.reversed {
                    Box::new(arc.iter().rev())
                } else {
                    Box::new(arc.iter())
                };
                for c in walk {
                    if coords.last() != Some(c) {
                        coords.push(*c);
                    }
                }
            }
            if coords.len() > 1 && coords.first() == coords.last() {
                coords.pop();
            }
            let rings = &mut polygons[place.outline];
            if rings.len() <= place.polygon {
                rings.resize(place.polygon + 1, Vec::new());
            }
            let ring_list = &mut rings[place.polygon];
            if ring_list.len() <= place.ring {
                ring_list.resize(place.ring + 1, LineString::new(Vec::new()));
            }
            ring_list[place.ring] = LineString::new(coords);
        }
        polygons
            .into_iter()
            .map(|polys| {
                MultiPolygon::new(
                    polys
                        .into_iter()
                        .map(|mut rings| {
                            let exterior = rings.remove(0);
                            Polygon::new(exterior, rings)
                        })
                        .collect(),
                )
            })
            .collect()
    }
}

/// Vertices where rings must be cut: where the neighbours of a vertex differ between the rings
/// through it (a border between two outlines begins or ends there).
fn find_junctions(rings: &[Vec<Key>]) -> HashSet<Key> {
    let mut neighbours: HashMap<Key, (Key, Key)> = HashMap::new();
    let mut junctions = HashSet::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let prev = ring[(i + n - 1) % n];
            let next = ring[(i + 1) % n];
            let pair = (prev.min(next), prev.max(next));
            match neighbours.get(&ring[i]) {
                Some(seen) if *seen != pair => {
                    junctions.insert(ring[i]);
                }
                Some(_) => {}
                None => {
                    neighbours.insert(ring[i], pair);
                }
            }
        }
    }
    junctions
}

/// Cuts a ring into pieces that run from one junction to the next, endpoints included.
fn cut_at_junctions(ring: &[Key], junctions: &HashSet<Key>) -> Vec<Vec<Key>> {
    let Some(start) = ring.iter().position(|k| junctions.contains(k)) else {
        // A ring with no junction is one closed arc; start it at its smallest vertex so that the
        // same ring met from its other side (an enclave) yields the same arc.
        let start = ring
            .iter()
            .enumerate()
            .min_by_key(|(_, k)| **k)
            .map_or(0, |(i, _)| i);
        let n = ring.len();
        return vec![
            (0..=n)
                .map(|step| ring[(start + step) % n.max(1)])
                .collect(),
        ];
    };
    let n = ring.len();
    let mut pieces = Vec::new();
    let mut piece = vec![ring[start]];
    for step in 1..=n {
        let k = ring[(start + step) % n];
        piece.push(k);
        if junctions.contains(&k) {
            pieces.push(std::mem::replace(&mut piece, vec![k]));
        }
    }
    pieces
}

/// Interior vertices of each arc that simplification must keep, so that every ring keeps at least
/// three corners: a closed arc keeps the vertices a third and two thirds along it; an arc of a ring
/// made of only two arcs keeps its middle vertex.
fn pinned_vertices(arcs: &[Vec<Key>], rings: &[Vec<ArcUse>]) -> Vec<Vec<usize>> {
    let mut pins: Vec<Vec<usize>> = arcs
        .iter()
        .map(|arc| {
            let n = arc.len() - 1;
            if arc.first() == arc.last() && n >= 3 {
                vec![n / 3, 2 * n / 3]
            } else {
                Vec::new()
            }
        })
        .collect();
    for uses in rings.iter().filter(|uses| uses.len() == 2) {
        for u in uses {
            let n = arcs[u.arc].len() - 1;
            if pins[u.arc].is_empty() && n >= 2 {
                pins[u.arc] = vec![n / 2];
            }
        }
    }
    pins
}

/// Douglas–Peucker between fixed vertices (the endpoints and the pins), then rounding to
/// `decimals` places, then dropping repeats.
fn simplify_arc(arc: &[Key], pins: &[usize], tolerance: f64, decimals: i32) -> Vec<Coord<f64>> {
    let coords: Vec<Coord<f64>> = arc
        .iter()
        .map(|&(x, y)| Coord {
            x: x as f64 / INPUT_UNITS_PER_DEGREE,
            y: y as f64 / INPUT_UNITS_PER_DEGREE,
        })
        .collect();
    let mut bounds = vec![0];
    bounds.extend_from_slice(pins);
    bounds.push(coords.len() - 1);
    let scale = 10f64.powi(decimals);
    let mut out: Vec<Coord<f64>> = Vec::new();
    for pair in bounds.windows(2) {
        let piece = LineString::new(coords[pair[0]..=pair[1]].to_vec());
        for c in piece.simplify(tolerance).0 {
            let rounded = Coord {
                x: (c.x * scale).round() / scale,
                y: (c.y * scale).round() / scale,
            };
            if out.last() != Some(&rounded) {
                out.push(rounded);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    /// Two unit squares side by side whose shared edge has a wiggle of extra vertices.
    fn neighbours() -> Vec<MultiPolygon<f64>> {
        let left = polygon![
            (x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0001, y: 0.25), (x: 1.0, y: 0.5),
            (x: 0.9999, y: 0.75), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0), (x: 0.0, y: 0.0)
        ];
        let right = polygon![
            (x: 1.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0),
            (x: 0.9999, y: 0.75), (x: 1.0, y: 0.5), (x: 1.0001, y: 0.25), (x: 1.0, y: 0.0)
        ];
        vec![
            MultiPolygon::new(vec![left]),
            MultiPolygon::new(vec![right]),
        ]
    }

    #[test]
    fn a_shared_border_is_simplified_once_for_both_sides() {
        let (out, stats) = simplify_shared(&neighbours(), 0.01, 4).expect("valid");
        let border = |mp: &MultiPolygon<f64>| {
            let mut keys: Vec<Key> = mp.0[0]
                .exterior()
                .0
                .iter()
                .filter(|c| (c.x - 1.0).abs() < 0.001)
                .map(key)
                .collect();
            keys.sort();
            keys.dedup();
            keys
        };
        assert_eq!(border(&out[0]), border(&out[1]));
        assert!(
            !border(&out[0]).contains(&(1_000_100, 250_000)),
            "the wiggle is simplified away"
        );
        assert_eq!(stats.vertices_in, 14);
        assert!(stats.vertices_out < stats.vertices_in);
        assert_eq!(stats.arcs, 3);
    }

    #[test]
    fn a_lone_island_keeps_at_least_a_triangle() {
        let island = polygon![
            (x: 0.0, y: 0.0), (x: 0.001, y: 0.0), (x: 0.001, y: 0.001), (x: 0.0, y: 0.001),
            (x: 0.0, y: 0.0)
        ];
        let (out, _) = simplify_shared(&[MultiPolygon::new(vec![island])], 1.0, 4).expect("valid");
        assert!(out[0].0[0].exterior().0.len() >= 4);
    }

    #[test]
    fn junctions_are_where_neighbours_change() {
        let rings: Vec<Vec<Key>> = neighbours()
            .iter()
            .map(|mp| ring_keys(mp.0[0].exterior()))
            .collect();
        let junctions = find_junctions(&rings);
        assert!(junctions.contains(&(1_000_000, 0)));
        assert!(junctions.contains(&(1_000_000, 1_000_000)));
        assert!(!junctions.contains(&(1_000_000, 500_000)));
    }
}
