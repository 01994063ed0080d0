//! The county layer: Jiangsu's 95 county-level units (districts, counties, county-level cities),
//! a second static file next to the bundle that the app fetches only when a user drills into a
//! city, so the first load does not grow.
//!
//! The builder writes it from `geodata/` with the same shared-arc simplification as the cities,
//! so a city's counties tile it exactly; the app reads it with [`CountyLayer::accept`], which
//! checks it against the bundle already loaded and refuses it with a message the operator can act
//! on, while the province map keeps working.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::bundle::{Bounds, Bundle, SourceFile, WaterRef, read_json};
use crate::model::geojson_shape::{FeatureCollection, MultiPolygon, Position};
use crate::model::i18n::Lang;
use crate::model::schema_version::{declared_in_text, other_version};

/// The county layer's schema version; bump it on any incompatible change.
pub const COUNTY_SCHEMA_VERSION: u32 = 1;

/// The layer's file name, in the same folder as the bundle (`assets/`).
pub const COUNTY_LAYER_FILE: &str = "counties.json";

/// The largest county layer the atlas reads: far above a real one, so a runaway file is refused
/// before it is parsed.
pub const MAX_COUNTY_LAYER_BYTES: usize = 16 << 20;

/// The city boundary file the counties tile: the layer and the bundle must both list it, with
/// the same SHA-256, or the counties may not fit the cities drawn.
pub const CITY_BOUNDARY_SOURCE: &str = "geodata/jiangsu_cities.geojson";

/// How far, in degrees, a county may stray outside the bundle's bounds (rounding only).
const BOUNDS_SLACK_DEGREES: f64 = 1e-3;

/// What kind of county-level unit a county is, as the national code list classes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountyKind {
    /// A district of the city proper (市辖区).
    District,
    /// A county (县).
    County,
    /// A county-level city (县级市).
    CountyLevelCity,
}

impl CountyKind {
    /// The kind's name as the county panel shows it.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CountyKind::District, Lang::Zh) => "市辖区",
            (CountyKind::County, Lang::Zh) => "县",
            (CountyKind::CountyLevelCity, Lang::Zh) => "县级市",
            (CountyKind::District, Lang::En) => "district",
            (CountyKind::County, Lang::En) => "county",
            (CountyKind::CountyLevelCity, Lang::En) => "county-level city",
        }
    }
}

/// One county-level unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct County {
    /// Six-digit administrative code, e.g. `320583` (昆山市).
    pub adcode: String,
    /// Chinese name, e.g. 昆山市.
    pub name_zh: String,
    /// English name in pinyin, e.g. `Kunshan` or `Xuanwu District`.
    pub name_en: String,
    /// District, county or county-level city.
    pub kind: CountyKind,
    /// Adcode of the prefecture-level city it belongs to.
    pub city: String,
    /// Geodesic area from the full-detail boundary, km².
    pub area_km2: f64,
    /// A point inside the county where its label goes.
    pub label_point: Position,
    /// The county's extent.
    pub bounds: Bounds,
}

impl County {
    /// The name a map label shows: a county-level city without its 市 (昆山市 → 昆山), districts
    /// and counties in full (玄武区, 沛县), where the bare stem would read oddly.
    pub fn label_zh(&self) -> &str {
        match self.kind {
            CountyKind::CountyLevelCity => self.name_zh.strip_suffix('市').unwrap_or(&self.name_zh),
            CountyKind::District | CountyKind::County => &self.name_zh,
        }
    }
}

/// Properties of a county boundary feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyRef {
    /// The county's adcode, joining the feature to [`County`].
    pub adcode: String,
    /// The county's Chinese name, for GIS users reading the GeoJSON alone.
    pub name: String,
}

/// The whole county layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountyLayer {
    /// Must equal [`COUNTY_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The coordinate reference of every position; must equal the bundle's.
    pub crs: String,
    /// The input files the layer was built from (the county boundaries and the city boundaries
    /// they tile), with their SHA-256; the city file's must match the bundle's.
    pub sources: Vec<SourceFile>,
    /// The counties, in adcode order.
    pub counties: Vec<County>,
    /// County outlines, simplified with the cities' shared arcs.
    pub boundaries: FeatureCollection<CountyRef>,
    /// The lakes and the Yangtze at the detail of a drilled city's zoom, one feature for each of
    /// the bundle's `water` (simplified for the province's scale) in the same order and with the
    /// same names, so a drilled map's shores are as fine as its scale. Absent from a layer built
    /// without water; the drilled map then draws the bundle's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub water: Option<FeatureCollection<WaterRef>>,
}

/// What is wrong with a county layer, worded for the person who has to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CountyLayerError {
    /// The text is not JSON of the layer's shape.
    #[error("the county layer ({COUNTY_LAYER_FILE}) is not valid JSON of the expected shape: {0}")]
    Json(String),
    /// The text is longer than any real layer.
    #[error(
        "the county layer is {bytes} bytes, more than the {limit} bytes the atlas reads; rebuild it with the builder"
    )]
    TooLarge {
        /// The layer's length.
        bytes: usize,
        /// The most the atlas reads.
        limit: usize,
    },
    /// The layer was written for another version of the app.
    #[error(
        "the county layer has schema version {found}, but this app reads version {expected}; upload {COUNTY_LAYER_FILE} from the same build as the app"
    )]
    SchemaVersion {
        /// The version the layer declares.
        found: u32,
        /// The version this code reads.
        expected: u32,
    },
    /// The layer's coordinates are in another reference than the bundle's.
    #[error(
        "the county layer is in {layer}, but the map is in {bundle}; rebuild both with the builder"
    )]
    Crs {
        /// The layer's reference.
        layer: String,
        /// The bundle's reference.
        bundle: String,
    },
    /// The layer was built from other city boundaries than the bundle.
    #[error(
        "the county layer was built from another version of {path} than the map; upload {COUNTY_LAYER_FILE} and atlas.json from the same build"
    )]
    OtherBuild {
        /// The city boundary file whose hashes differ.
        path: String,
    },
    /// The layer (or the bundle) does not say which city boundaries it was built from, so it
    /// cannot be known to fit the map.
    #[error(
        "the county layer ({COUNTY_LAYER_FILE}) or atlas.json does not list the city boundaries it was built from ({CITY_BOUNDARY_SOURCE}) with their SHA-256; upload {COUNTY_LAYER_FILE} and atlas.json from the same build"
    )]
    Unsourced,
    /// A county names a city the bundle does not have, or a code outside it.
    #[error("county {adcode} ({name}) does not belong to city {city} of the map")]
    WrongCity {
        /// The county's adcode.
        adcode: String,
        /// The county's name.
        name: String,
        /// The city it names.
        city: String,
    },
    /// Two counties share an adcode.
    #[error("county {adcode} appears twice in the county layer")]
    Duplicate {
        /// The repeated adcode.
        adcode: String,
    },
    /// A city of the bundle has no county.
    #[error("city {adcode} ({name}) has no county in the county layer")]
    EmptyCity {
        /// The city's adcode.
        adcode: String,
        /// The city's name.
        name: String,
    },
    /// A county has no outline, or an outline no county.
    #[error("county {adcode} has no boundary, or a boundary matches no county or two")]
    Boundary {
        /// The adcode in question.
        adcode: String,
    },
    /// A boundary is malformed or lies outside the province.
    #[error("the boundary of county {adcode} is malformed or lies outside Jiangsu: {problem}")]
    Geometry {
        /// The county.
        adcode: String,
        /// What is wrong.
        problem: String,
    },
    /// A county's own facts are missing or impossible.
    #[error("county {adcode} in the county layer has {problem}; rebuild it with the builder")]
    BadCounty {
        /// The county.
        adcode: String,
        /// What is wrong.
        problem: String,
    },
    /// A place or base of the bundle stands in a county the layer lacks.
    #[error("{item} stands in county {adcode}, which the county layer lacks")]
    MissingHost {
        /// The place or base.
        item: String,
        /// The county it names.
        adcode: String,
    },
    /// The layer's water does not match the bundle's feature for feature.
    #[error(
        "the county layer's water has {layer} features where the map's has {bundle}, or other names in another order; upload {COUNTY_LAYER_FILE} and atlas.json from the same build"
    )]
    Water {
        /// How many water features the layer has.
        layer: usize,
        /// How many the bundle has.
        bundle: usize,
    },
    /// Text holds an angle bracket, as markup would.
    #[error(
        "the county layer holds markup ({excerpt}); its names must be plain text, so rebuild it with the builder"
    )]
    Markup {
        /// The text around the first angle bracket.
        excerpt: String,
    },
}

impl CountyLayer {
    /// The checks on the layer's text made before it is parsed: its length and that it holds no
    /// markup, plainly or as a JSON escape.
    pub fn check_text(text: &str) -> Result<(), CountyLayerError> {
        if text.len() > MAX_COUNTY_LAYER_BYTES {
            return Err(CountyLayerError::TooLarge {
                bytes: text.len(),
                limit: MAX_COUNTY_LAYER_BYTES,
            });
        }
        match crate::model::bundle::markup_excerpt(text) {
            Some(excerpt) => Err(CountyLayerError::Markup { excerpt }),
            None => Ok(()),
        }
    }

    /// Parses and checks a layer against the `bundle` it is to be drawn with (native side; the
    /// app parses with the browser's `JSON.parse` and calls [`CountyLayer::accept`]). A text that
    /// is not JSON at all (cut short, say) is worded as the app words it.
    pub fn from_json(text: &str, bundle: &Bundle) -> Result<CountyLayer, CountyLayerError> {
        CountyLayer::check_text(text)?;
        let parsed = read_json::<CountyLayer>(text).map_err(CountyLayerError::Json)?;
        let declared = || declared_in_text(text);
        CountyLayer::accept(parsed, declared, bundle)
    }

    /// Accepts what a parser read from a text that passed [`CountyLayer::check_text`]:
    /// `declared_version` gives the text's top-level `schema_version` when the shape is wrong, so
    /// that a layer of another version is reported as such.
    pub fn accept(
        parsed: Result<CountyLayer, String>,
        declared_version: impl FnOnce() -> Option<f64>,
        bundle: &Bundle,
    ) -> Result<CountyLayer, CountyLayerError> {
        let layer = parsed.map_err(|shape| {
            match other_version(declared_version(), COUNTY_SCHEMA_VERSION) {
                Some(found) => CountyLayerError::SchemaVersion {
                    found,
                    expected: COUNTY_SCHEMA_VERSION,
                },
                None => CountyLayerError::Json(shape),
            }
        })?;
        if layer.schema_version != COUNTY_SCHEMA_VERSION {
            return Err(CountyLayerError::SchemaVersion {
                found: layer.schema_version,
                expected: COUNTY_SCHEMA_VERSION,
            });
        }
        layer.check(bundle)?;
        Ok(layer)
    }

    /// The water a drilled map draws: the layer's, at the city's detail, or the bundle's when
    /// the layer has none.
    pub fn water<'a>(&'a self, bundle: &'a Bundle) -> &'a FeatureCollection<WaterRef> {
        self.water.as_ref().unwrap_or(&bundle.water)
    }

    /// Checks that the layer's water, if any, is the bundle's feature for feature (same count,
    /// names and kinds, in order), each outline well-formed.
    fn check_water(&self, bundle: &Bundle) -> Result<(), CountyLayerError> {
        let Some(water) = &self.water else {
            return Ok(());
        };
        let same = water.features.len() == bundle.water.features.len()
            && water
                .features
                .iter()
                .zip(&bundle.water.features)
                .all(|(a, b)| {
                    a.properties == b.properties
                        && geometry_problem(&a.geometry, bundle.bounds).is_none()
                });
        if same {
            Ok(())
        } else {
            Err(CountyLayerError::Water {
                layer: water.features.len(),
                bundle: bundle.water.features.len(),
            })
        }
    }

    /// Checks that the layer agrees with itself and with `bundle`.
    pub fn check(&self, bundle: &Bundle) -> Result<(), CountyLayerError> {
        if self.crs != bundle.crs {
            return Err(CountyLayerError::Crs {
                layer: self.crs.clone(),
                bundle: bundle.crs.clone(),
            });
        }
        let lists_cities = |sources: &[SourceFile]| {
            sources
                .iter()
                .any(|s| s.path == CITY_BOUNDARY_SOURCE && !s.sha256.is_empty())
        };
        if !lists_cities(&self.sources) || !lists_cities(&bundle.sources) {
            return Err(CountyLayerError::Unsourced);
        }
        for source in &self.sources {
            if let Some(ours) = bundle.sources.iter().find(|s| s.path == source.path)
                && ours.sha256 != source.sha256
            {
                return Err(CountyLayerError::OtherBuild {
                    path: source.path.clone(),
                });
            }
        }
        let mut seen = HashSet::new();
        for county in &self.counties {
            if !seen.insert(county.adcode.as_str()) {
                return Err(CountyLayerError::Duplicate {
                    adcode: county.adcode.clone(),
                });
            }
            let city_area = bundle.city(&county.city).map(|c| c.area_km2);
            if let Some(problem) = county_problem(county, bundle.bounds, city_area) {
                return Err(CountyLayerError::BadCounty {
                    adcode: county.adcode.clone(),
                    problem,
                });
            }
            let in_city = bundle.city(&county.city).is_some()
                && county.adcode.len() == 6
                && county.adcode.get(..4) == county.city.get(..4);
            if !in_city {
                return Err(CountyLayerError::WrongCity {
                    adcode: county.adcode.clone(),
                    name: county.name_zh.clone(),
                    city: county.city.clone(),
                });
            }
        }
        if let Some(city) = bundle
            .cities
            .iter()
            .find(|c| !self.counties.iter().any(|k| k.city == c.adcode))
        {
            return Err(CountyLayerError::EmptyCity {
                adcode: city.adcode.clone(),
                name: city.name_zh.clone(),
            });
        }
        self.check_boundaries(bundle, &seen)?;
        self.check_water(bundle)?;
        let hosts = bundle
            .places
            .iter()
            .map(|p| (format!("place {}", p.name_zh), &p.adcode))
            .chain(
                bundle
                    .bases
                    .iter()
                    .map(|b| (format!("base {}", b.name_zh), &b.host)),
            );
        for (item, adcode) in hosts {
            if !seen.contains(adcode.as_str()) {
                return Err(CountyLayerError::MissingHost {
                    item,
                    adcode: adcode.clone(),
                });
            }
        }
        Ok(())
    }

    fn check_boundaries(
        &self,
        bundle: &Bundle,
        counties: &HashSet<&str>,
    ) -> Result<(), CountyLayerError> {
        let mut drawn = HashSet::new();
        for feature in &self.boundaries.features {
            let adcode = feature.properties.adcode.as_str();
            if !counties.contains(adcode) || !drawn.insert(adcode) {
                return Err(CountyLayerError::Boundary {
                    adcode: adcode.to_string(),
                });
            }
            if let Some(problem) = geometry_problem(&feature.geometry, bundle.bounds) {
                return Err(CountyLayerError::Geometry {
                    adcode: adcode.to_string(),
                    problem,
                });
            }
        }
        match self
            .counties
            .iter()
            .find(|c| !drawn.contains(c.adcode.as_str()))
        {
            Some(county) => Err(CountyLayerError::Boundary {
                adcode: county.adcode.clone(),
            }),
            None => Ok(()),
        }
    }

    /// The county with this adcode.
    pub fn county(&self, adcode: &str) -> Option<&County> {
        self.counties.iter().find(|c| c.adcode == adcode)
    }

    /// The counties of one city, in adcode order.
    pub fn counties_of<'a>(&'a self, city: &'a str) -> impl Iterator<Item = &'a County> + 'a {
        self.counties.iter().filter(move |c| c.city == city)
    }

    /// The outline of the county with this adcode.
    pub fn boundary(&self, adcode: &str) -> Option<&MultiPolygon> {
        self.boundaries
            .features
            .iter()
            .find(|f| f.properties.adcode == adcode)
            .map(|f| &f.geometry)
    }
}

/// Why a county's facts cannot be shown: an empty name, an area that is not a positive number
/// or is larger than its city's (`city_area`, when the city is known), or a label point or
/// extent outside the province.
fn county_problem(county: &County, bounds: Bounds, city_area: Option<f64>) -> Option<String> {
    let s = BOUNDS_SLACK_DEGREES;
    let inside = |lon: f64, lat: f64| {
        lon >= bounds.west - s
            && lon <= bounds.east + s
            && lat >= bounds.south - s
            && lat <= bounds.north + s
    };
    let [lon, lat] = county.label_point;
    let extent = county.bounds;
    if county.name_zh.trim().is_empty() || county.name_en.trim().is_empty() {
        Some("an empty name".to_string())
    } else if !(county.area_km2.is_finite() && county.area_km2 > 0.0)
        || city_area.is_some_and(|city| county.area_km2 > city * (1.0 + AREA_SLACK))
    {
        Some(format!("an impossible area ({} km²)", county.area_km2))
    } else if !inside(lon, lat) {
        Some(format!("a label point outside Jiangsu ({lon}, {lat})"))
    } else if !(inside(extent.west, extent.south)
        && inside(extent.east, extent.north)
        && extent.west <= extent.east
        && extent.south <= extent.north)
    {
        Some(format!(
            "an extent outside Jiangsu ({}, {} to {}, {})",
            extent.west, extent.south, extent.east, extent.north
        ))
    } else {
        None
    }
}

/// How much larger than its city a county's area may be (rounding only): none can be larger.
const AREA_SLACK: f64 = 0.01;

/// Why a county outline cannot be drawn: a coordinate that is not a number or lies outside the
/// province, or a ring that is not closed.
fn geometry_problem(geometry: &MultiPolygon, bounds: Bounds) -> Option<String> {
    let s = BOUNDS_SLACK_DEGREES;
    if let Some([lon, lat]) = geometry.positions().find(|[lon, lat]| {
        !(lon.is_finite()
            && lat.is_finite()
            && *lon >= bounds.west - s
            && *lon <= bounds.east + s
            && *lat >= bounds.south - s
            && *lat <= bounds.north + s)
    }) {
        return Some(format!("position ({lon}, {lat})"));
    }
    let ring_ok = |ring: &Vec<Position>| ring.len() >= 4 && ring.first() == ring.last();
    if geometry.coordinates.is_empty()
        || geometry.coordinates.iter().any(Vec::is_empty)
        || !geometry.coordinates.iter().flatten().all(ring_ok)
    {
        return Some("a ring that is not closed or has fewer than 4 positions".to_string());
    }
    None
}
