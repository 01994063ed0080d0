//! Water for orientation: the lakes and the Yangtze of `geodata/` (the `[water]` table of
//! `sources.toml`), checked, named and simplified for the province map.
//!
//! Each feature must be a valid polygon inside the province's bounds, before and after
//! simplification, and carry a name the names file knows (or none, for small lakes). Parts too
//! small to see on the province map are left out, so the bundle and the page carry no crumbs.

use std::path::{Path, PathBuf};

use atlas_core::Bounds;
use atlas_core::model::bundle::{WaterKind, WaterRef};
use atlas_core::model::geojson_shape::{Feature, FeatureCollection};
use geo::{Area, LineString, MultiPolygon, Polygon, SimplifyVwPreserve, Validation};
use serde::Deserialize;

use crate::error::BuildError;
use crate::geodata::{WaterFeature, WaterSources, read_water};

/// Visvalingam–Whyatt tolerance for water, square degrees: a vertex goes when the triangle it
/// makes with its neighbours is smaller than this (half a 0.025° square: on a 928 px map of the
/// province, a bump of about a pixel), and never so that a ring crosses itself.
pub const WATER_TOLERANCE: f64 = 0.025 * 0.025 / 2.0;

/// The tolerance for the water a drilled city draws, square degrees: a sixteenth of
/// [`WATER_TOLERANCE`], as a city fills about four times the pixels per degree the province does
/// (a bump of about a pixel there too).
pub const CITY_WATER_TOLERANCE: f64 = WATER_TOLERANCE / 16.0;

/// Parts (lakes, islands) smaller than this are left out, square degrees (about 5 km²: a blot of
/// 3 × 3 px on a 928 px map; the slivers of 微山湖 inside Jiangsu are smaller).
pub const MIN_WATER_AREA: f64 = 0.0005;

/// How much simplification may change a feature's area, as a share of it.
const MAX_AREA_CHANGE: f64 = 0.1;

/// Decimal places kept in the water's coordinates (about 10 m, as the boundaries).
const DECIMALS: i32 = 4;

/// `geodata/water.toml`: the Chinese name of each named feature, its English name and its kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    water: Vec<WaterName>,
}

/// One named water body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaterName {
    zh: String,
    en: String,
    kind: WaterKind,
}

/// The water as it goes into the bundle, and what building it read and measured.
#[derive(Debug, Clone)]
pub struct Water {
    /// The simplified features.
    pub features: FeatureCollection<WaterRef>,
    /// The same features at a drilled city's detail ([`CITY_WATER_TOLERANCE`]), one for each of
    /// `features` in the same order, for the county layer.
    pub city_features: FeatureCollection<WaterRef>,
    /// The credit line's water part.
    pub attribution: Option<String>,
    /// The files read, for the bundle's list of inputs.
    pub inputs: Vec<PathBuf>,
    /// Vertices read.
    pub vertices_in: usize,
    /// Vertices kept.
    pub vertices_out: usize,
}

impl Water {
    /// No water: what a build without a `[water]` table draws.
    pub fn none() -> Water {
        Water {
            features: FeatureCollection::new(Vec::new()),
            city_features: FeatureCollection::new(Vec::new()),
            attribution: None,
            inputs: Vec::new(),
            vertices_in: 0,
            vertices_out: 0,
        }
    }
}

/// Reads, checks and simplifies the water `sources` names (none when there is no `[water]`
/// table), refusing a feature that is invalid, outside `bounds` or of an unknown name.
pub fn build_water(
    root: &Path,
    sources: Option<&WaterSources>,
    bounds: Bounds,
) -> Result<Water, BuildError> {
    let Some(sources) = sources else {
        return Ok(Water::none());
    };
    let path = root.join("geodata").join(&sources.file);
    let names_path = root.join("geodata").join(&sources.names);
    let names: NamesFile = crate::read_toml(&names_path)?;
    let read = read_water(&path)?;
    let mut water = Water {
        attribution: Some(sources.attribution.clone()),
        inputs: vec![path.clone(), names_path.clone()],
        ..Water::none()
    };
    let mut features = Vec::new();
    let mut city_features = Vec::new();
    for feature in &read {
        let properties = match &feature.name {
            None => WaterRef {
                name_zh: None,
                name_en: None,
                kind: WaterKind::Lake,
            },
            Some(zh) => {
                let known = names.water.iter().find(|n| n.zh == *zh).ok_or_else(|| {
                    BuildError::UnknownWaterName {
                        path: path.clone(),
                        feature: feature.label(),
                        names: names_path.clone(),
                    }
                })?;
                WaterRef {
                    name_zh: Some(known.zh.clone()),
                    name_en: Some(known.en.clone()),
                    kind: known.kind,
                }
            }
        };
        check_inside(&path, feature, bounds)?;
        valid(&path, feature, &feature.geometry, "")?;
        let simple = simplified(&feature.geometry, WATER_TOLERANCE);
        valid(&path, feature, &simple, " after simplification")?;
        water.vertices_in += geo::CoordsIter::coords_count(&feature.geometry);
        if simple.0.is_empty() {
            continue;
        }
        let fine = simplified(&feature.geometry, CITY_WATER_TOLERANCE);
        valid(&path, feature, &fine, " after simplification for a city")?;
        water.vertices_out += geo::CoordsIter::coords_count(&simple);
        city_features.push(Feature::new(
            properties.clone(),
            crate::build::to_shape(&fine),
        ));
        features.push(Feature::new(properties, crate::build::to_shape(&simple)));
    }
    water.features = FeatureCollection::new(features);
    water.city_features = FeatureCollection::new(city_features);
    Ok(water)
}

/// Refuses a feature with a position outside `bounds`.
fn check_inside(path: &Path, feature: &WaterFeature, bounds: Bounds) -> Result<(), BuildError> {
    let outside = geo::CoordsIter::coords_iter(&feature.geometry).find(|c| {
        c.x < bounds.west || c.x > bounds.east || c.y < bounds.south || c.y > bounds.north
    });
    match outside {
        Some(c) => Err(BuildError::WaterOutside {
            path: path.to_path_buf(),
            feature: feature.label(),
            lon: c.x,
            lat: c.y,
            bounds: format!(
                "{} {} {} {}",
                bounds.west, bounds.south, bounds.east, bounds.north
            ),
        }),
        None => Ok(()),
    }
}

/// Refuses an outline that is not a valid polygon (OGC rules: no self-crossing ring, holes
/// inside their exterior, parts not overlapping).
fn valid(
    path: &Path,
    feature: &WaterFeature,
    shape: &MultiPolygon<f64>,
    when: &str,
) -> Result<(), BuildError> {
    shape
        .check_validation()
        .map_err(|e| BuildError::InvalidWater {
            path: path.to_path_buf(),
            feature: feature.label(),
            reason: format!("{e}{when}"),
        })
}

/// The outline simplified at the largest tolerance up to `largest` (half of it, a quarter …) that keeps it valid and its area within [`MAX_AREA_CHANGE`] of the unsimplified
/// parts' (so a narrow river keeps its course), or at full detail (rounded) when none does.
/// Where the simplified shores would no longer hold an island (a river's narrow channel round a
/// sandbank), the islands are dropped before the tolerance is lowered: on the province map they
/// are specks.
fn simplified(shape: &MultiPolygon<f64>, largest: f64) -> MultiPolygon<f64> {
    let full = simplified_at(shape, 0.0);
    let area = full.unsigned_area();
    let kept = |simple: &MultiPolygon<f64>| {
        simple.is_valid() && (simple.unsigned_area() - area).abs() <= area * MAX_AREA_CHANGE
    };
    let mut tolerance = largest;
    while tolerance > largest / 1e4 {
        let simple = simplified_at(shape, tolerance);
        if kept(&simple) {
            return simple;
        }
        let without_islands = MultiPolygon::new(
            simple
                .iter()
                .map(|p| Polygon::new(p.exterior().clone(), Vec::new()))
                .collect(),
        );
        if kept(&without_islands) {
            return without_islands;
        }
        tolerance /= 2.0;
    }
    full
}

/// The outline simplified at `tolerance` (each ring on its own keeps from crossing itself), each
/// ring rounded to [`DECIMALS`], parts and holes too small to see left out.
fn simplified_at(shape: &MultiPolygon<f64>, tolerance: f64) -> MultiPolygon<f64> {
    let ring = |r: &LineString<f64>| -> Option<LineString<f64>> {
        let mut simple = r.clone();
        simple.0.iter_mut().for_each(|c| {
            c.x = round_to(c.x, DECIMALS);
            c.y = round_to(c.y, DECIMALS);
        });
        simple.0.dedup();
        let big = Polygon::new(simple.clone(), Vec::new()).unsigned_area() >= MIN_WATER_AREA;
        (simple.0.len() >= 4 && big).then_some(simple)
    };
    MultiPolygon::new(
        shape
            .simplify_vw_preserve(tolerance)
            .iter()
            .filter_map(|p| {
                let exterior = ring(p.exterior())?;
                Some(Polygon::new(
                    exterior,
                    p.interiors().iter().filter_map(ring).collect(),
                ))
            })
            .collect(),
    )
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}
