//! The boundary inputs: `geodata/sources.toml` (which files, which coordinate reference, what to
//! credit) and the city boundary GeoJSON it names.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use geo::MultiPolygon;
use serde::Deserialize;

use crate::crossings::find_crossing;
use crate::error::BuildError;

/// `geodata/sources.toml`: lets an operator swap in approved boundaries and set what the map
/// credits, without touching code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoSources {
    /// The coordinate reference of the boundary files, e.g. `GCJ-02`.
    pub crs: String,
    /// The city boundary GeoJSON, relative to `geodata/`.
    pub cities: String,
    /// One point per county-level unit (GeoJSON Points with `adcode` and `city_adcode`), relative
    /// to `geodata/`: where county-level places are marked.
    pub county_points: String,
    /// The county-level boundary GeoJSON (`adcode`, `name`, `city_adcode`, `kind`), relative to
    /// `geodata/`: the drill-down layer, simplified with the cities' shared borders.
    pub counties: String,
    /// The reviewed English names of the counties (TOML keyed by adcode), relative to `geodata/`.
    pub county_names: String,
    /// Industrial bases (CSV), relative to `geodata/`.
    pub bases: String,
    /// The attribution line the map shows.
    pub attribution: String,
    /// The map approval number (审图号) to show, if the operator has one.
    pub approval_number: Option<String>,
    /// The water drawn for orientation (the `[water]` table), if any.
    pub water: Option<WaterSources>,
}

/// The `[water]` table of `geodata/sources.toml`: lakes and rivers drawn under the labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterSources {
    /// The water GeoJSON ((Multi)Polygons with a `name` or null), relative to `geodata/`.
    pub file: String,
    /// The names file (Chinese name → English name and kind), relative to `geodata/`.
    pub names: String,
    /// Where the water comes from, added to the credit line.
    pub attribution: String,
}

impl GeoSources {
    /// Reads and parses the sources file.
    pub fn read(path: &Path) -> Result<GeoSources, BuildError> {
        crate::read_toml(path)
    }
}

/// Reads a GeoJSON FeatureCollection, naming the file when it is not one.
fn read_feature_collection(path: &Path) -> Result<geojson::FeatureCollection, BuildError> {
    crate::read_text(path)?
        .parse()
        .map_err(|e: geojson::Error| BuildError::Syntax {
            path: path.to_path_buf(),
            message: format!("not a GeoJSON FeatureCollection: {e}"),
        })
}

/// One city boundary as read from the GeoJSON.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// The feature's `adcode` property.
    pub adcode: String,
    /// Its outline.
    pub geometry: MultiPolygon<f64>,
    /// All its properties, for layers that carry more than the adcode (the counties).
    pub properties: geojson::JsonObject,
}

/// Reads every feature of a boundary file; each must have a string `adcode` and a Polygon or
/// MultiPolygon of closed rings, no adcode may repeat, and no ring may cross or touch another
/// (or itself) except at shared vertices and along shared edges.
pub fn read_boundaries(path: &Path) -> Result<Vec<Boundary>, BuildError> {
    let syntax = |message: String| BuildError::Syntax {
        path: path.to_path_buf(),
        message,
    };
    let collection = read_feature_collection(path)?;
    let mut seen = HashSet::new();
    let mut boundaries = Vec::new();
    for (index, feature) in collection.features.iter().enumerate() {
        let adcode = feature
            .property("adcode")
            .and_then(|v| v.as_str())
            .ok_or_else(|| syntax(format!("feature #{index} has no string property `adcode`")))?
            .to_string();
        if !seen.insert(adcode.clone()) {
            return Err(BuildError::DuplicateAdcode {
                path: path.to_path_buf(),
                adcode,
            });
        }
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| syntax(format!("feature {adcode} has no geometry")))?;
        let geometry = to_multipolygon(path, &adcode, geometry)?;
        boundaries.push(Boundary {
            adcode,
            geometry,
            properties: feature.properties.clone().unwrap_or_default(),
        });
    }
    let outlines: Vec<MultiPolygon<f64>> = boundaries.iter().map(|b| b.geometry.clone()).collect();
    if let Some(c) = find_crossing(&outlines) {
        let (first, second) = (&boundaries[c.first].adcode, &boundaries[c.second].adcode);
        let reason = if first == second {
            format!(
                "its rings cross or touch themselves near ({}, {})",
                c.at.x, c.at.y
            )
        } else {
            format!(
                "it crosses or overlaps {second} near ({}, {})",
                c.at.x, c.at.y
            )
        };
        return Err(BuildError::InvalidPolygon {
            path: path.to_path_buf(),
            adcode: first.clone(),
            reason,
        });
    }
    Ok(boundaries)
}

fn to_multipolygon(
    path: &Path,
    adcode: &str,
    geometry: &geojson::Geometry,
) -> Result<MultiPolygon<f64>, BuildError> {
    let invalid = |reason: String| BuildError::InvalidPolygon {
        path: PathBuf::from(path),
        adcode: adcode.to_string(),
        reason,
    };
    let geometry: geo::Geometry<f64> = geometry
        .try_into()
        .map_err(|e: geojson::Error| invalid(e.to_string()))?;
    let finite = geo::CoordsIter::coords_iter(&geometry)
        .all(|c| c.x.is_finite() && c.y.is_finite() && c.x.abs() <= 180.0 && c.y.abs() <= 90.0);
    if !finite {
        return Err(invalid(
            "a coordinate is not a longitude/latitude in degrees".to_string(),
        ));
    }
    let mp = match geometry {
        geo::Geometry::MultiPolygon(mp) => mp,
        geo::Geometry::Polygon(p) => MultiPolygon::new(vec![p]),
        _ => {
            return Err(invalid(
                "it is neither a Polygon nor a MultiPolygon".to_string(),
            ));
        }
    };
    let bad_ring = mp
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .any(|r| r.0.len() < 4 || !r.is_closed());
    if mp.0.is_empty() || bad_ring {
        return Err(invalid(
            "a ring is not closed or has fewer than three corners".to_string(),
        ));
    }
    Ok(mp)
}

/// A county-level unit's point.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyPoint {
    /// The unit's adcode.
    pub adcode: String,
    /// The adcode of its prefecture-level city.
    pub city: String,
    /// Longitude and latitude.
    pub point: [f64; 2],
}

/// Reads the county points file.
pub fn read_county_points(path: &Path) -> Result<Vec<CountyPoint>, BuildError> {
    let syntax = |message: String| BuildError::Syntax {
        path: path.to_path_buf(),
        message,
    };
    let collection = read_feature_collection(path)?;
    collection
        .features
        .iter()
        .enumerate()
        .map(|(index, feature)| {
            let text_property = |key: &str| {
                feature
                    .property(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .ok_or_else(|| {
                        syntax(format!("feature #{index} has no string property `{key}`"))
                    })
            };
            let adcode = text_property("adcode")?;
            let city = text_property("city_adcode")?;
            let point = match feature.geometry.as_ref().map(|g| &g.value) {
                Some(geojson::GeometryValue::Point { coordinates }) if coordinates.len() >= 2 => {
                    [coordinates[0], coordinates[1]]
                }
                _ => return Err(syntax(format!("feature {adcode} is not a Point"))),
            };
            let [lon, lat] = point;
            if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
                return Err(syntax(format!(
                    "feature {adcode} has no valid longitude/latitude"
                )));
            }
            Ok(CountyPoint {
                adcode,
                city,
                point,
            })
        })
        .collect()
}

/// One water feature as read: where it stands in the file, its `name` (if any) and its outline.
#[derive(Debug, Clone)]
pub struct WaterFeature {
    /// The feature's position in the file, from 0.
    pub index: usize,
    /// Its `name` property, when it is a string.
    pub name: Option<String>,
    /// Its outline.
    pub geometry: MultiPolygon<f64>,
}

impl WaterFeature {
    /// How messages name the feature: its number in the file and its name.
    pub fn label(&self) -> String {
        format!(
            "feature #{} ({})",
            self.index,
            self.name.as_deref().unwrap_or("unnamed")
        )
    }
}

/// Reads the water file: each feature a Polygon or MultiPolygon of closed rings in degrees,
/// with an optional string `name`.
pub fn read_water(path: &Path) -> Result<Vec<WaterFeature>, BuildError> {
    let collection = read_feature_collection(path)?;
    collection
        .features
        .iter()
        .enumerate()
        .map(|(index, feature)| {
            let name = feature
                .property("name")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let mut water = WaterFeature {
                index,
                name,
                geometry: MultiPolygon::new(Vec::new()),
            };
            let invalid = |reason: String| BuildError::InvalidWater {
                path: path.to_path_buf(),
                feature: water.label(),
                reason,
            };
            let geometry = feature
                .geometry
                .as_ref()
                .ok_or_else(|| invalid("it has no geometry".to_string()))?;
            water.geometry = to_multipolygon(path, "", geometry).map_err(|e| match e {
                BuildError::InvalidPolygon { reason, .. } => invalid(reason),
                other => other,
            })?;
            Ok(water)
        })
        .collect()
}
