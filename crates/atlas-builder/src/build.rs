//! From the inputs to the bundle: read, check, simplify, derive, assemble.

use std::path::{Path, PathBuf};

use atlas_core::model::bundle::{CityRef, PlanInfo, ZoneRef};
use atlas_core::model::geojson_shape::{self, Feature, FeatureCollection};
use atlas_core::model::plan::PlanText;
use atlas_core::{
    Bounds, Bundle, City, Field, Place, Quote, RoleFact, SCHEMA_VERSION, SourceFile, Zone,
};
use geo::orient::{Direction, Orient};
use geo::{
    Area, GeodesicArea, InteriorPoint, Intersects, LineString, MultiPolygon, Polygon, unary_union,
};
use sha2::{Digest, Sha256};

use crate::bases_seed::read_bases;
use crate::counties::{CityKey, CountyInput, read_counties};
use crate::county_build::COUNTY_TOLERANCE_DEGREES;
use crate::crossings::find_crossing;
use crate::error::BuildError;
use crate::geodata::{GeoSources, read_boundaries, read_county_points};
use crate::industries_seed::IndustriesFile;
use crate::seeds::Layout;
use crate::targets_seed::TargetsFile;
use crate::topology::{SimplifyStats, simplify_shared_each};

/// Douglas–Peucker tolerance for shared borders, degrees (about 250 m; a third of a pixel when
/// the whole province fills 1,000 pixels).
pub const TOLERANCE_DEGREES: f64 = 0.0025;

/// How far simplification may move any city's or county's area (a share of it) before the arcs
/// of that outline are simplified again more finely; the tests allow half a per cent.
pub const MAX_AREA_CHANGE: f64 = 0.004;

/// Decimal places kept in the bundle's coordinates (about 10 m).
pub const DECIMALS: i32 = 4;

/// The layout file, relative to the repository root.
pub const LAYOUT_FILE: &str = "seeds/layout.toml";

/// The industries file, relative to the repository root.
pub const INDUSTRIES_FILE: &str = "seeds/industries.toml";

/// The quantified statements, relative to the repository root.
pub const TARGETS_FILE: &str = "seeds/targets.toml";

/// The boundary sources file, relative to the repository root.
pub const GEO_SOURCES_FILE: &str = "geodata/sources.toml";

/// A built bundle and what building it measured.
#[derive(Debug, Clone)]
pub struct Built {
    /// The bundle as written to disk: compact JSON and a final newline.
    pub json: String,
    /// The layout as CSV, written next to the bundle.
    pub csv: String,
    /// The plan text, copied next to the bundle for those who link it.
    pub plan_text: String,
    /// The plan document (the text with its mentions) as written to disk, for the reading view.
    pub plan_doc_json: String,
    /// How many mentions the plan document holds.
    pub plan_doc_mentions: usize,
    /// The chart files: path relative to the root, and SVG text.
    pub charts: Vec<(String, String)>,
    /// The bundle itself.
    pub bundle: Bundle,
    /// The full-detail outlines, in the bundle's city order, for checks against the source.
    pub full_detail: Vec<MultiPolygon<f64>>,
    /// The simplified outlines, in the bundle's city order.
    pub simplified: Vec<MultiPolygon<f64>>,
    /// How simplification went (cities and counties together).
    pub stats: SimplifyStats,
    /// The county layer as written to disk: compact JSON and a final newline.
    pub counties_json: String,
    /// The county layer itself.
    pub county_layer: atlas_core::model::county_layer::CountyLayer,
    /// The full-detail county outlines, in the layer's order.
    pub county_full_detail: Vec<MultiPolygon<f64>>,
    /// The simplified county outlines, in the layer's order.
    pub county_simplified: Vec<MultiPolygon<f64>>,
    /// The boundary downloads for GIS users (path relative to the root, GeoJSON text).
    pub boundary_downloads: Vec<(String, String)>,
    /// The water as built, with its vertex counts.
    pub water: crate::water::Water,
}

/// Builds the bundle from the repository at `root`, checking everything on the way.
pub fn build(root: &Path) -> Result<Built, BuildError> {
    let layout_path = root.join(LAYOUT_FILE);
    let layout = Layout::read(&layout_path)?;
    let plan_path = root.join("seeds").join(&layout.plan.file);
    let plan_text = crate::read_text(&plan_path)?;
    let plan = PlanText::new(plan_text.clone());
    let industries_path = root.join(INDUSTRIES_FILE);
    let industries = IndustriesFile::load(&industries_path, &plan)?;
    let industry_ids: Vec<&str> = industries.iter().map(|i| i.id.as_str()).collect();
    layout.check(&layout_path, &plan, &industry_ids)?;
    let targets_path = root.join(TARGETS_FILE);
    let targets = TargetsFile::load(&targets_path, &plan)?;

    let sources_path = root.join(GEO_SOURCES_FILE);
    let sources = GeoSources::read(&sources_path)?;
    let cities_path = root.join("geodata").join(&sources.cities);
    let mut boundaries = read_boundaries(&cities_path)?;
    if let Some(extra) = boundaries
        .iter()
        .find(|b| !layout.cities.iter().any(|c| c.adcode == b.adcode))
    {
        return Err(BuildError::ExtraBoundary {
            path: cities_path,
            adcode: extra.adcode.clone(),
        });
    }
    let mut seeds = layout.cities.clone();
    seeds.sort_by(|a, b| a.adcode.cmp(&b.adcode));
    let mut full_detail = Vec::new();
    for city in &seeds {
        let at = boundaries
            .iter()
            .position(|b| b.adcode == city.adcode)
            .ok_or_else(|| BuildError::MissingBoundary {
                path: cities_path.clone(),
                adcode: city.adcode.clone(),
                name: city.name_zh.clone(),
            })?;
        full_detail.push(boundaries.swap_remove(at).geometry);
    }

    let counties_path = root.join("geodata").join(&sources.counties);
    let county_names_path = root.join("geodata").join(&sources.county_names);
    let city_keys: Vec<CityKey<'_>> = seeds
        .iter()
        .map(|c| CityKey {
            adcode: &c.adcode,
            name_zh: &c.name_zh,
        })
        .collect();
    let counties = read_counties(&counties_path, &county_names_path, &city_keys)?;
    let Simplified {
        cities: simplified,
        counties: county_simplified,
        stats,
    } = simplify_with_counties(&full_detail, &counties, &cities_path, &counties_path)?;
    let names: Vec<String> = seeds
        .iter()
        .map(|c| format!("{} ({})", c.adcode, c.name_zh))
        .collect();
    check_partition(&simplified, &names, &cities_path)?;
    let tiled: Vec<(String, String, &MultiPolygon<f64>)> = seeds
        .iter()
        .zip(&simplified)
        .map(|(c, s)| (c.adcode.clone(), c.name_zh.clone(), s))
        .collect();
    crate::county_build::check_tiling(&counties_path, &tiled, &counties, &county_simplified)?;

    let cities: Vec<City> = seeds
        .iter()
        .zip(&full_detail)
        .zip(&simplified)
        .map(|((seed, full), simple)| {
            let shape = to_shape(simple);
            City {
                adcode: seed.adcode.clone(),
                name_zh: seed.name_zh.clone(),
                name_en: seed.name_en.clone(),
                zone: layout.zones_of(&seed.adcode).concat(),
                mention: seed.mention.clone(),
                label_point: label_point(simple),
                area_km2: round_to(full.geodesic_area_unsigned() / 1e6, 1),
                bounds: bounds_of(&shape),
            }
        })
        .collect();

    let mut zones = Vec::new();
    let mut zone_features = Vec::new();
    for seed in &layout.zones {
        let members: Vec<usize> = (0..seeds.len())
            .filter(|&i| seed.cities.contains(&seeds[i].adcode))
            .collect();
        let outline = unary_union(members.iter().map(|&i| &simplified[i]));
        zone_features.push(Feature::new(
            ZoneRef {
                id: seed.id.clone(),
                name: seed.name_zh.clone(),
            },
            to_shape(&outline),
        ));
        zones.push(Zone {
            id: seed.id.clone(),
            name_zh: seed.name_zh.clone(),
            name_en: seed.name_en.clone(),
            cities: members.iter().map(|&i| seeds[i].adcode.clone()).collect(),
            direction: Quote {
                quote: seed.direction.quote.clone(),
                section: seed.direction.section.clone(),
            },
            direction_gloss_en: seed.direction.gloss_en.clone(),
            area_km2: round_to(members.iter().map(|&i| cities[i].area_km2).sum(), 1),
        });
    }

    let city_features: Vec<Feature<CityRef>> = seeds
        .iter()
        .zip(&simplified)
        .map(|(seed, simple)| {
            let props = CityRef {
                adcode: seed.adcode.clone(),
                name: seed.name_zh.clone(),
            };
            Feature::new(props, to_shape(simple))
        })
        .collect();
    let bounds = Bounds::of(city_features.iter().flat_map(|f| f.geometry.positions()))
        .ok_or(atlas_core::BundleError::Empty)?;

    let county_points_path = root.join("geodata").join(&sources.county_points);
    let county_points = read_county_points(&county_points_path)?;
    let mut places = Vec::new();
    for seed in &layout.places {
        let point = county_points
            .iter()
            .find(|p| p.adcode == seed.adcode && p.city == seed.city)
            .ok_or_else(|| BuildError::UnknownCounty {
                path: county_points_path.clone(),
                adcode: seed.adcode.clone(),
                city: seed.city.clone(),
            })?;
        places.push(Place {
            adcode: seed.adcode.clone(),
            name_zh: seed.name_zh.clone(),
            name_en: seed.name_en.clone(),
            city: seed.city.clone(),
            point: [
                round_to(point.point[0], DECIMALS),
                round_to(point.point[1], DECIMALS),
            ],
            mention: seed.mention.clone(),
        });
    }
    let fields: Vec<Field> = layout
        .fields
        .iter()
        .map(|f| Field {
            id: f.id.clone(),
            name_zh: f.name_zh.clone(),
            name_en: f.name_en.clone(),
            industry: f.industry.clone(),
        })
        .collect();
    let roles: Vec<RoleFact> = layout
        .roles
        .iter()
        .flat_map(|statement| {
            let industry = fields
                .iter()
                .find(|f| f.id == statement.field)
                .map_or(String::new(), |f| f.industry.clone());
            statement.places.iter().map(move |place| RoleFact {
                place: place.clone(),
                field: statement.field.clone(),
                industry: industry.clone(),
                role: statement.role,
                quote: Quote {
                    quote: statement.quote.clone(),
                    section: statement.section.clone(),
                },
            })
        })
        .collect();

    let bases_path = root.join("geodata").join(&sources.bases);
    let bases = read_bases(&bases_path, &county_points, &industry_ids, bounds)?;

    let water = crate::water::build_water(root, sources.water.as_ref(), bounds)?;

    let mut inputs = vec![
        bases_path,
        layout_path,
        plan_path.clone(),
        sources_path,
        cities_path.clone(),
        industries_path,
        targets_path,
        county_points_path,
        counties_path.clone(),
    ];
    inputs.extend(water.inputs.iter().cloned());
    inputs.sort();
    let sources_list = inputs
        .iter()
        .map(|p| source_file(root, p))
        .collect::<Result<Vec<_>, _>>()?;

    let bundle = Bundle {
        schema_version: SCHEMA_VERSION,
        crs: sources.crs,
        attribution: sources.attribution,
        approval_number: sources.approval_number,
        plan: PlanInfo {
            title_zh: layout.plan.title_zh,
            title_en: layout.plan.title_en,
        },
        sources: sources_list,
        bounds,
        zones,
        cities,
        places,
        industries,
        fields,
        roles,
        targets,
        bases,
        city_boundaries: FeatureCollection::new(city_features),
        zone_outlines: FeatureCollection::new(zone_features),
        water: water.features.clone(),
        water_attribution: water.attribution.clone(),
    };
    bundle.validate()?;
    let mut json = serde_json::to_string(&bundle)
        .map_err(|e| atlas_core::BundleError::Json(format!("cannot serialise the bundle: {e}")))?;
    json.push('\n');
    let charts =
        crate::charts::chart_files(&bundle).map_err(|e| BuildError::Chart(e.to_string()))?;
    let county_sources = [&counties_path, &cities_path, &county_names_path]
        .into_iter()
        .map(|p| source_file(root, p))
        .collect::<Result<Vec<_>, _>>()?;
    let county_layer = crate::county_build::assemble(
        &bundle,
        county_sources,
        &counties,
        &county_simplified,
        &water.city_features,
    )?;
    let mut counties_json = serde_json::to_string(&county_layer).map_err(|e| {
        atlas_core::BundleError::Json(format!("cannot serialise the county layer: {e}"))
    })?;
    counties_json.push('\n');
    let boundary_downloads = crate::downloads::boundary_downloads(&bundle, &county_layer)?;
    let (plan_doc_json, plan_doc_mentions) =
        crate::plan_doc_file::plan_doc_json(&plan_path, &plan_text, &bundle)?;
    Ok(Built {
        plan_doc_json,
        plan_doc_mentions,
        boundary_downloads,
        counties_json,
        county_layer,
        county_full_detail: counties.into_iter().map(|c| c.geometry).collect(),
        county_simplified,
        charts,
        csv: crate::layout_csv::layout_csv(&bundle),
        plan_text,
        json,
        bundle,
        full_detail,
        simplified,
        stats,
        water,
    })
}

/// Simplifies the cities and their counties in one shared-arc topology: a border the city map
/// draws is simplified once at the cities' tolerance for both layers, a border between counties of
/// one city at the finer county tolerance. A failure names the file of the outline at fault, and
/// its position there. Returns the cities, then the counties, each in input order.
fn simplify_with_counties(
    cities: &[MultiPolygon<f64>],
    counties: &[CountyInput],
    cities_path: &Path,
    counties_path: &Path,
) -> Result<Simplified, BuildError> {
    let outlines: Vec<MultiPolygon<f64>> = cities
        .iter()
        .cloned()
        .chain(counties.iter().map(|c| c.geometry.clone()))
        .collect();
    let tolerances: Vec<f64> = cities
        .iter()
        .map(|_| TOLERANCE_DEGREES)
        .chain(counties.iter().map(|_| COUNTY_TOLERANCE_DEGREES))
        .collect();
    let (mut simplified, stats) =
        simplify_shared_each(&outlines, &tolerances, DECIMALS, MAX_AREA_CHANGE).map_err(
            |mut source| {
                let path = if source.index < cities.len() {
                    cities_path.to_path_buf()
                } else {
                    source.index -= cities.len();
                    counties_path.to_path_buf()
                };
                BuildError::Simplify { path, source }
            },
        )?;
    let counties = simplified.split_off(cities.len());
    Ok(Simplified {
        cities: simplified,
        counties,
        stats,
    })
}

/// The two boundary layers after their joint simplification.
struct Simplified {
    /// The cities, in input order.
    cities: Vec<MultiPolygon<f64>>,
    /// The counties, in input order.
    counties: Vec<MultiPolygon<f64>>,
    /// How it went, for both layers together.
    stats: SimplifyStats,
}

/// The simplified cities must tile the province: no ring crosses another, no two overlap (their
/// areas add up to the area of their union) and their union has no hole (no gap opened between
/// neighbours). `names` name the cities, in the same order, for the message.
fn check_partition(
    cities: &[MultiPolygon<f64>],
    names: &[String],
    path: &Path,
) -> Result<(), BuildError> {
    let problem = if let Some(c) = find_crossing(cities) {
        Some(format!(
            "{} and {} cross or overlap near ({}, {})",
            names[c.first], names[c.second], c.at.x, c.at.y
        ))
    } else {
        let union = unary_union(cities.iter());
        let sum: f64 = cities.iter().map(|c| c.unsigned_area()).sum();
        let united = union.unsigned_area();
        if (sum - united).abs() > sum * 1e-9 {
            Some(format!(
                "overlap: their areas add up to {sum} square degrees, their union is {united}"
            ))
        } else {
            union
                .iter()
                .flat_map(|p| p.interiors())
                .next()
                .map(|hole| gap_message(hole, cities, names))
        }
    };
    match problem {
        Some(problem) => Err(BuildError::Topology {
            path: path.to_path_buf(),
            problem,
        }),
        None => Ok(()),
    }
}

/// Names the cities around a hole in the union (and any inside it), and where it is.
fn gap_message(hole: &LineString<f64>, cities: &[MultiPolygon<f64>], names: &[String]) -> String {
    let gap = Polygon::new(hole.clone(), Vec::new());
    let around: Vec<&str> = cities
        .iter()
        .zip(names)
        .filter(|(city, _)| gap.intersects(*city))
        .map(|(_, name)| name.as_str())
        .collect();
    let at = hole.0.first().copied().unwrap_or_default();
    format!(
        "leave a gap between {} near ({}, {}): their union has a hole",
        around.join(", "),
        at.x,
        at.y
    )
}

/// A point inside the city's largest part, where its label goes.
pub(crate) fn label_point(city: &MultiPolygon<f64>) -> geojson_shape::Position {
    let largest = city
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    let point = largest.and_then(|p| p.interior_point());
    point.map_or([0.0, 0.0], |p| {
        [round_to(p.x(), DECIMALS), round_to(p.y(), DECIMALS)]
    })
}

/// A geo MultiPolygon as bundle GeoJSON: exterior rings counter-clockwise, holes clockwise,
/// coordinates rounded to [`DECIMALS`].
pub(crate) fn to_shape(mp: &MultiPolygon<f64>) -> geojson_shape::MultiPolygon {
    let oriented = mp.orient(Direction::Default);
    let ring = |r: &geo::LineString<f64>| {
        r.0.iter()
            .map(|c| [round_to(c.x, DECIMALS), round_to(c.y, DECIMALS)])
            .collect()
    };
    geojson_shape::MultiPolygon::new(
        oriented
            .iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(ring)
                    .collect()
            })
            .collect(),
    )
}

pub(crate) fn bounds_of(shape: &geojson_shape::MultiPolygon) -> Bounds {
    Bounds::of(shape.positions()).unwrap_or(Bounds {
        west: 0.0,
        south: 0.0,
        east: 0.0,
        north: 0.0,
    })
}

pub(crate) fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

pub(crate) fn source_file(root: &Path, path: &PathBuf) -> Result<SourceFile, BuildError> {
    let bytes = std::fs::read(path).map_err(|source| BuildError::Read {
        path: path.clone(),
        source,
    })?;
    let relative = path.strip_prefix(root).unwrap_or(path);
    Ok(SourceFile {
        path: relative.to_string_lossy().replace('\\', "/"),
        sha256: format!("{:x}", Sha256::digest(&bytes)),
    })
}
