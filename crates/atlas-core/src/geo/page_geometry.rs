//! The boundaries read back from the prerendered map's paths.
//!
//! The page brings every city and zone outline and every lake already drawn (`map_markup`, at
//! [`PRERENDER_SIZE`](crate::view::page::PRERENDER_SIZE)), so the bundle the app loads first need not
//! carry the same geometry a second time: the app reads the paths back into GeoJSON-shaped
//! boundaries (to a tenth of a pixel of that map, about 55 m) and draws every other size, the
//! labels and the exports from them.

use crate::geo::projection::{MAP_PADDING, Projection, ScreenPoint};
use crate::model::bundle::{BoundarySource, Bundle, CityRef, ZoneRef};
use crate::model::bundle_error::{BundleError, PathError};
use crate::model::geojson_shape::{Feature, FeatureCollection, MultiPolygon, Position, Ring};

/// The outlines a prerendered map draws, as the app finds them in the page: the map's size and
/// each city's path data by adcode, each zone's by id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DrawnOutlines {
    /// The width the map was drawn for, px.
    pub width: f64,
    /// The height the map was drawn for, px.
    pub height: f64,
    /// `(adcode, d)` of each city's shape.
    pub cities: Vec<(String, String)>,
    /// `(id, d)` of each zone's outline.
    pub zones: Vec<(String, String)>,
    /// `(index, d)` of each lake and river, by its index in the bundle's water.
    pub water: Vec<(String, String)>,
}

impl BoundarySource for DrawnOutlines {
    /// The bundle with the boundaries and water these outlines read back into (in the bundle's
    /// order of cities, zones and water), then checked as any bundle is: a city or lake the page
    /// does not draw is refused as a bundle without its outline would be.
    fn fill_boundaries(&self, mut bundle: Bundle) -> Result<Bundle, BundleError> {
        let projection = Projection::fit(bundle.bounds, self.width, self.height, MAP_PADDING);
        let read = |what: &str, d: &str| {
            boundary(d, &projection).map_err(|problem| BundleError::DrawnBoundary {
                what: what.to_string(),
                problem,
            })
        };
        let mut cities = Vec::new();
        for city in &bundle.cities {
            if let Some((_, d)) = self.cities.iter().find(|(a, _)| *a == city.adcode) {
                let properties = CityRef {
                    adcode: city.adcode.clone(),
                    name: city.name_zh.clone(),
                };
                cities.push(Feature::new(properties, read(&city.adcode, d)?));
            }
        }
        let mut zones = Vec::new();
        for zone in &bundle.zones {
            if let Some((_, d)) = self.zones.iter().find(|(id, _)| *id == zone.id) {
                let properties = ZoneRef {
                    id: zone.id.clone(),
                    name: zone.name_zh.clone(),
                };
                zones.push(Feature::new(properties, read(&zone.id, d)?));
            }
        }
        for (i, feature) in bundle.water.features.iter_mut().enumerate() {
            let index = i.to_string();
            if let Some((_, d)) = self.water.iter().find(|(k, _)| *k == index) {
                feature.geometry = read(&format!("water #{i}"), d)?;
            }
        }
        bundle.city_boundaries = FeatureCollection::new(cities);
        bundle.zone_outlines = FeatureCollection::new(zones);
        bundle.validate()?;
        Ok(bundle)
    }
}

/// The rings of path data written by [`svg_path`](crate::geo::svg_path::svg_path), in pixels.
pub fn path_rings(d: &str) -> Result<Vec<Vec<ScreenPoint>>, PathError> {
    let mut rings = Vec::new();
    let mut ring: Vec<ScreenPoint> = Vec::new();
    let mut relative = false;
    let mut numbers = Numbers::new(d);
    while let Some(token) = numbers.next_token()? {
        match token {
            Token::Command('M') => {
                let x = numbers.number()?;
                let y = numbers.number()?;
                ring = vec![ScreenPoint { x, y }];
                relative = false;
            }
            Token::Command('l') => relative = true,
            Token::Command('Z') => {
                if ring.len() >= 3 {
                    rings.push(std::mem::take(&mut ring));
                }
                relative = false;
            }
            Token::Number(dx) if relative => {
                let dy = numbers.number()?;
                let last = *ring.last().ok_or(PathError::Empty)?;
                ring.push(ScreenPoint {
                    x: last.x + dx,
                    y: last.y + dy,
                });
            }
            Token::Command(c) => {
                return Err(PathError::Unexpected {
                    at: numbers.at,
                    found: c.to_string(),
                });
            }
            Token::Number(n) => {
                return Err(PathError::Unexpected {
                    at: numbers.at,
                    found: n.to_string(),
                });
            }
        }
    }
    if rings.is_empty() {
        return Err(PathError::Empty);
    }
    Ok(rings)
}

/// The boundary path data `d` draws on the map `projection` draws, in degrees: each ring closed,
/// each ring turning the other way from the one before its polygon starts a hole of it (svg_path
/// writes a polygon's exterior, then its holes), as the bundle's GeoJSON has them.
pub fn boundary(d: &str, projection: &Projection) -> Result<MultiPolygon, PathError> {
    let mut polygons: Vec<Vec<Ring>> = Vec::new();
    let mut exterior_turn = 0.0;
    for points in path_rings(d)? {
        let mut ring: Ring = points
            .iter()
            .map(|p| projection.unproject(*p).ok_or(PathError::NoMap))
            .collect::<Result<_, _>>()?;
        let turn = signed_area(&ring);
        if let Some(first) = ring.first().copied() {
            ring.push(first);
        }
        match polygons.last_mut() {
            Some(polygon) if turn * exterior_turn < 0.0 => polygon.push(ring),
            _ => {
                exterior_turn = turn;
                polygons.push(vec![ring]);
            }
        }
    }
    Ok(MultiPolygon::new(polygons))
}

/// Twice the signed area of an open ring (shoelace): its sign says which way it turns.
fn signed_area(ring: &[Position]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum()
}

/// A command letter or a number of path data.
enum Token {
    Command(char),
    Number(f64),
}

/// Reads path data token by token.
struct Numbers<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Numbers<'a> {
    fn new(text: &'a str) -> Numbers<'a> {
        Numbers { text, at: 0 }
    }

    fn next_token(&mut self) -> Result<Option<Token>, PathError> {
        let rest = &self.text[self.at..];
        let trimmed = rest.trim_start_matches([' ', ',']);
        self.at += rest.len() - trimmed.len();
        let Some(c) = trimmed.chars().next() else {
            return Ok(None);
        };
        if c.is_ascii_alphabetic() {
            self.at += 1;
            return Ok(Some(Token::Command(c)));
        }
        // A number runs to the first character that is not a digit, or to a second point
        // (`1.5.5` is 1.5 and .5, as the path writer leaves out the space).
        let mut pointed = c == '.';
        let end = trimmed
            .char_indices()
            .skip(1)
            .find(|&(_, ch)| {
                let second_point = ch == '.' && std::mem::replace(&mut pointed, true);
                second_point || !(ch.is_ascii_digit() || ch == '.')
            })
            .map_or(trimmed.len(), |(i, _)| i);
        let number = trimmed[..end]
            .parse::<f64>()
            .map_err(|_| PathError::Unexpected {
                at: self.at,
                found: trimmed[..end].to_string(),
            })?;
        self.at += end;
        Ok(Some(Token::Number(number)))
    }

    fn number(&mut self) -> Result<f64, PathError> {
        match self.next_token()? {
            Some(Token::Number(n)) => Ok(n),
            Some(Token::Command(c)) => Err(PathError::Unexpected {
                at: self.at,
                found: c.to_string(),
            }),
            None => Err(PathError::Unexpected {
                at: self.at,
                found: "the end".to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::svg_path::svg_path;
    use crate::model::bundle::Bounds;

    const BOUNDS: Bounds = Bounds {
        west: 116.36,
        south: 30.76,
        east: 121.97,
        north: 35.13,
    };

    #[test]
    fn a_drawn_polygon_with_a_hole_reads_back_within_a_tenth_of_a_pixel() {
        let exterior = vec![
            [117.0, 31.0],
            [121.0, 31.0],
            [121.0, 34.0],
            [117.0, 34.0],
            [117.0, 31.0],
        ];
        let hole = vec![
            [118.0, 32.0],
            [118.0, 33.0],
            [119.5, 33.0],
            [119.5, 32.0],
            [118.0, 32.0],
        ];
        let island = vec![[120.0, 34.5], [120.5, 34.5], [120.5, 34.9], [120.0, 34.5]];
        let shape = MultiPolygon::new(vec![vec![exterior, hole], vec![island]]);
        let projection = Projection::fit(BOUNDS, 928.0, 700.0, 16.0);
        let back = boundary(&svg_path(&shape, &projection), &projection).expect("reads back");
        assert_eq!(back.coordinates.len(), 2, "two polygons");
        assert_eq!(back.coordinates[0].len(), 2, "the first keeps its hole");
        let tenth_of_a_pixel = 0.1 / 150.0;
        for (a, b) in shape.positions().zip(back.positions()) {
            assert!(
                (a[0] - b[0]).abs() < tenth_of_a_pixel && (a[1] - b[1]).abs() < tenth_of_a_pixel
            );
        }
    }

    #[test]
    fn numbers_written_without_separators_read_back() {
        // As the path writer writes them: `1.5.5` is 1.5 then .5, `0-.5` is 0 then -0.5.
        let read = path_rings("M0 0l1.5.5 0-.5.5.5 10.3 2.5ZM.3.7l.7 0 0 .7Z")
            .expect("the writer's short form reads");
        let tenths = |v: f64| (v * 10.0).round() / 10.0;
        let xy: Vec<Vec<(f64, f64)>> = read
            .iter()
            .map(|ring| ring.iter().map(|p| (tenths(p.x), tenths(p.y))).collect())
            .collect();
        assert_eq!(
            xy,
            vec![
                vec![(0.0, 0.0), (1.5, 0.5), (1.5, 0.0), (2.0, 0.5), (12.3, 3.0)],
                vec![(0.3, 0.7), (1.0, 0.7), (1.0, 1.4)]
            ]
        );
    }

    #[test]
    fn foreign_path_data_is_refused() {
        let projection = Projection::fit(BOUNDS, 928.0, 700.0, 16.0);
        assert!(matches!(
            boundary("M1 1C2 2 3 3 4 4Z", &projection),
            Err(PathError::Unexpected { .. })
        ));
        assert_eq!(boundary("", &projection), Err(PathError::Empty));
        assert!(boundary("M1 1l2", &projection).is_err());
        assert!(boundary("M1 1lx", &projection).is_err());
    }
}
