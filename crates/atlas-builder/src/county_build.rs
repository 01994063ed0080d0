//! From the simplified county outlines to `assets/counties.json`: the check that a city's
//! counties still tile it, and the layer's assembly.

use std::path::Path;

use atlas_core::model::bundle::WaterRef;
use atlas_core::model::county_layer::{COUNTY_SCHEMA_VERSION, County, CountyLayer, CountyRef};
use atlas_core::model::geojson_shape::{Feature, FeatureCollection};
use atlas_core::{Bundle, SourceFile};
use geo::{Area, BooleanOps, GeodesicArea, MultiPolygon, unary_union};

use crate::build::{bounds_of, label_point, round_to, to_shape};
use crate::counties::CountyInput;
use crate::crossings::find_crossing;
use crate::error::BuildError;

/// Douglas–Peucker tolerance for borders only counties draw, degrees (about 80 m; under a pixel
/// when a city fills 900 pixels on drill-down). Borders a city also draws keep the city's coarser
/// tolerance, so both layers share them.
pub const COUNTY_TOLERANCE_DEGREES: f64 = 0.0008;

/// How far, as a share of the area, the counties of a city may miss it (gap), exceed it (a county
/// outside) or overlap one another after simplification.
pub const TILING_TOLERANCE: f64 = 0.005;

/// Checks that the simplified counties of each simplified city tile it: no two cross or overlap,
/// none lies outside its city, and together they cover it, each within [`TILING_TOLERANCE`].
/// `cities` pairs each city's adcode and name with its outline.
pub fn check_tiling(
    path: &Path,
    cities: &[(String, String, &MultiPolygon<f64>)],
    counties: &[CountyInput],
    simplified: &[MultiPolygon<f64>],
) -> Result<(), BuildError> {
    for (adcode, name, city) in cities {
        let members: Vec<usize> = (0..counties.len())
            .filter(|&i| &counties[i].city == adcode)
            .collect();
        let outlines: Vec<MultiPolygon<f64>> =
            members.iter().map(|&i| simplified[i].clone()).collect();
        let label = |k: usize| format!("{} ({})", counties[k].adcode, counties[k].name_zh);
        let problem = if let Some(c) = find_crossing(&outlines) {
            Some(format!(
                "overlap: {} and {} cross near ({}, {})",
                label(members[c.first]),
                label(members[c.second]),
                c.at.x,
                c.at.y
            ))
        } else {
            tiling_problem(city, &members, &outlines, label)
        };
        if let Some(problem) = problem {
            return Err(BuildError::CountyTiling {
                path: path.to_path_buf(),
                city: format!("{adcode} ({name})"),
                problem,
            });
        }
    }
    Ok(())
}

/// What keeps `outlines` (the counties `members`) from tiling `city`, by area.
fn tiling_problem(
    city: &MultiPolygon<f64>,
    members: &[usize],
    outlines: &[MultiPolygon<f64>],
    label: impl Fn(usize) -> String,
) -> Option<String> {
    let percent = |part: f64, whole: f64| 100.0 * part / whole;
    for (&k, outline) in members.iter().zip(outlines) {
        let area = outline.unsigned_area();
        let outside = outline.difference(city).unsigned_area();
        if outside > area * TILING_TOLERANCE {
            return Some(format!(
                "are not all inside it: {:.2} % of {} lies outside the city",
                percent(outside, area),
                label(k)
            ));
        }
    }
    let sum: f64 = outlines.iter().map(|o| o.unsigned_area()).sum();
    let union = unary_union(outlines.iter()).unsigned_area();
    let whole = city.unsigned_area();
    if sum - union > whole * TILING_TOLERANCE {
        return Some(format!(
            "overlap: their areas add up to {:.2} % more than their union",
            percent(sum - union, whole)
        ));
    }
    if (whole - union).abs() > whole * TILING_TOLERANCE {
        return Some(format!(
            "leave a gap: together they cover {:.2} % of the city",
            percent(union, whole)
        ));
    }
    None
}

/// The county layer: the counties in adcode order with their simplified outlines and the water
/// at a drilled city's detail (none when the build has no water), checked against `bundle` as
/// the app will check it.
pub fn assemble(
    bundle: &Bundle,
    sources: Vec<SourceFile>,
    counties: &[CountyInput],
    simplified: &[MultiPolygon<f64>],
    water: &FeatureCollection<WaterRef>,
) -> Result<CountyLayer, BuildError> {
    let mut records = Vec::new();
    let mut features = Vec::new();
    for (county, simple) in counties.iter().zip(simplified) {
        let shape = to_shape(simple);
        records.push(County {
            adcode: county.adcode.clone(),
            name_zh: county.name_zh.clone(),
            name_en: county.name_en.clone(),
            kind: county.kind,
            city: county.city.clone(),
            area_km2: round_to(county.geometry.geodesic_area_unsigned() / 1e6, 1),
            label_point: label_point(simple),
            bounds: bounds_of(&shape),
        });
        features.push(Feature::new(
            CountyRef {
                adcode: county.adcode.clone(),
                name: county.name_zh.clone(),
            },
            shape,
        ));
    }
    let layer = CountyLayer {
        schema_version: COUNTY_SCHEMA_VERSION,
        crs: bundle.crs.clone(),
        sources,
        counties: records,
        boundaries: FeatureCollection::new(features),
        water: (!water.features.is_empty()).then(|| water.clone()),
    };
    layer.check(bundle)?;
    Ok(layer)
}
