//! The data bundle: the one static JSON file the app reads.
//!
//! The builder writes it from `geodata/` and `seeds/`; the app reads it and draws. Anything the
//! app would otherwise have to compute (simplified outlines, zone outlines, label points, areas,
//! bounds) is precomputed here.

use serde::{Deserialize, Serialize};

use crate::model::bundle_error::BundleError;
use crate::model::facts::{Base, Field, Industry, Place, Quote, RoleFact, Target};
use crate::model::geojson_shape::{FeatureCollection, MultiPolygon, Position};
use crate::model::i18n::{Lang, Msg};

mod checks;
mod parsed;
mod queries;

pub use parsed::{json_syntax_reason, read_json};

pub(crate) use parsed::markup_excerpt;

/// Where a bundle served without its boundaries (the app's first-load copy) takes them from:
/// the outlines the page's prerendered map draws, read back by geography
/// ([`DrawnOutlines`](crate::geo::page_geometry::DrawnOutlines)), so the model reads a bundle
/// without knowing how a map is drawn.
pub trait BoundarySource {
    /// `bundle` with its boundaries filled in, then checked as any bundle is.
    fn fill_boundaries(&self, bundle: Bundle) -> Result<Bundle, BundleError>;
}

/// Jiangsu's prefecture-level cities: a bundle (and the layout it is built from) has exactly this many.
pub const CITY_COUNT: usize = 13;

/// The schema version this code reads and writes; bump it on any incompatible change.
pub const SCHEMA_VERSION: u32 = 3;

/// The whole bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Must equal [`SCHEMA_VERSION`]; checked before anything else is read.
    pub schema_version: u32,
    /// The coordinate reference of every position, e.g. `GCJ-02`.
    pub crs: String,
    /// Where the boundaries come from, shown on the map.
    pub attribution: String,
    /// The map approval number (审图号) the operator configured, shown when present.
    pub approval_number: Option<String>,
    /// The plan the facts are quoted from.
    pub plan: PlanInfo,
    /// The input files the bundle was built from, with their SHA-256, in path order.
    pub sources: Vec<SourceFile>,
    /// The extent of all cities.
    pub bounds: Bounds,
    /// The three zones of §四(一), in the plan's order.
    pub zones: Vec<Zone>,
    /// The prefecture-level cities, in adcode order.
    pub cities: Vec<City>,
    /// County-level places the plan names, with their points.
    pub places: Vec<Place>,
    /// The ten industries of §三, in the plan's order.
    pub industries: Vec<Industry>,
    /// The fields the layout statements name, each linked to its industry.
    pub fields: Vec<Field>,
    /// Every place's role in every field, one fact per place and statement.
    pub roles: Vec<RoleFact>,
    /// The plan's quantified statements.
    pub targets: Vec<Target>,
    /// Industrial bases from `geodata/bases.csv`, each with its own source.
    pub bases: Vec<Base>,
    /// City outlines, simplified so that neighbours still share their borders exactly.
    pub city_boundaries: FeatureCollection<CityRef>,
    /// Zone outlines: the union of each zone's member cities.
    pub zone_outlines: FeatureCollection<ZoneRef>,
    /// Lakes and the Yangtze, drawn for orientation under the labels; simplified for the
    /// province map and never clickable.
    pub water: FeatureCollection<WaterRef>,
    /// Where the water comes from, shown in the credit line after the boundaries' source.
    pub water_attribution: Option<String>,
}

/// Which plan the bundle quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    /// The plan's title in Chinese.
    pub title_zh: String,
    /// The plan's title in English.
    pub title_en: String,
}

/// One input file and its content hash, so a bundle says what it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// Path relative to the repository root.
    pub path: String,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// A longitude/latitude box in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// Smallest longitude.
    pub west: f64,
    /// Smallest latitude.
    pub south: f64,
    /// Largest longitude.
    pub east: f64,
    /// Largest latitude.
    pub north: f64,
}

impl Bounds {
    /// The smallest box holding every position, or `None` when there is none.
    pub fn of<'a>(positions: impl IntoIterator<Item = &'a Position>) -> Option<Bounds> {
        positions.into_iter().fold(None, |acc, [lon, lat]| {
            let b = acc.unwrap_or(Bounds {
                west: *lon,
                south: *lat,
                east: *lon,
                north: *lat,
            });
            Some(Bounds {
                west: b.west.min(*lon),
                south: b.south.min(*lat),
                east: b.east.max(*lon),
                north: b.north.max(*lat),
            })
        })
    }
}

/// One of the three zones (苏南, 苏中, 苏北).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    /// Stable identifier: `south`, `central` or `north`.
    pub id: String,
    /// Chinese name, e.g. 苏南.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Adcodes of the member cities.
    pub cities: Vec<String>,
    /// The development direction the plan gives the zone.
    pub direction: Quote,
    /// An English gloss of the direction (the quote itself stays Chinese).
    pub direction_gloss_en: String,
    /// Geodesic area of the member cities, km².
    pub area_km2: f64,
}

/// A prefecture-level city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    /// Six-digit administrative code, e.g. `320100`.
    pub adcode: String,
    /// Chinese name, e.g. 南京市.
    pub name_zh: String,
    /// English name, e.g. Nanjing.
    pub name_en: String,
    /// Id of the zone the city belongs to.
    pub zone: String,
    /// Where the plan names the city.
    pub mention: Quote,
    /// A point inside the city where its label goes.
    pub label_point: Position,
    /// Geodesic area from the full-detail boundary, km².
    pub area_km2: f64,
    /// The city's extent.
    pub bounds: Bounds,
}

impl Zone {
    /// The direction in brief, in the plan's own words: the clause that says what the zone is to
    /// stress (突出…) and the closing clause that says what it is to become.
    pub fn direction_headline(&self) -> Vec<&str> {
        let text = self.direction.quote.trim_end_matches('。');
        let clauses: Vec<&str> = text.split('，').collect();
        let stress = clauses.iter().find(|c| c.starts_with("突出")).copied();
        let goal = clauses.last().copied();
        stress
            .into_iter()
            .chain(goal.filter(|g| Some(*g) != stress))
            .collect()
    }
}

impl City {
    /// The name without the trailing 市, as map labels show it (南京市 → 南京).
    pub fn short_name_zh(&self) -> &str {
        self.name_zh.strip_suffix('市').unwrap_or(&self.name_zh)
    }
}

/// Properties of a city boundary feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityRef {
    /// The city's adcode, joining the feature to [`City`].
    pub adcode: String,
    /// The city's Chinese name, for GIS users reading the GeoJSON alone.
    pub name: String,
}

/// Properties of a zone outline feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneRef {
    /// The zone's id, joining the feature to [`Zone`].
    pub id: String,
    /// The zone's Chinese name.
    pub name: String,
}

/// Properties of a water feature: a lake or a river, named when the names file knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaterRef {
    /// Chinese name, e.g. 太湖; `None` for the small unnamed lakes.
    pub name_zh: Option<String>,
    /// English name, e.g. Taihu Lake.
    pub name_en: Option<String>,
    /// Lake or river: lakes are named on the map where the name fits inside them.
    pub kind: WaterKind,
}

/// What kind of water a feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WaterKind {
    /// A lake.
    Lake,
    /// A river.
    River,
}

impl WaterRef {
    /// The name in `lang`, if the feature has one.
    pub fn name(&self, lang: crate::model::i18n::Lang) -> Option<&str> {
        match lang {
            crate::model::i18n::Lang::Zh => self.name_zh.as_deref(),
            crate::model::i18n::Lang::En => self.name_en.as_deref(),
        }
    }
}

impl Bundle {
    /// Whether the bundle came without its boundaries: the app's first-load copy, whose
    /// geometry the page brings already drawn.
    pub fn lacks_boundaries(&self) -> bool {
        self.city_boundaries.features.is_empty() && self.zone_outlines.features.is_empty()
    }

    /// This bundle without its boundaries and without the water's outlines (each lake keeps its
    /// names and kind): what the site build serves the app, next to the page that draws them (the
    /// whole bundle stays at its stable address for GIS tools).
    pub fn without_boundaries(&self) -> Bundle {
        let mut lite = self.clone();
        lite.city_boundaries = FeatureCollection::new(Vec::new());
        lite.zone_outlines = FeatureCollection::new(Vec::new());
        for feature in &mut lite.water.features {
            feature.geometry = MultiPolygon::new(Vec::new());
        }
        lite
    }

    /// The city with this adcode.
    pub fn city(&self, adcode: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.adcode == adcode)
    }

    /// The zone with this id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The zone a city belongs to.
    pub fn zone_of(&self, city: &City) -> Option<&Zone> {
        self.zone(&city.zone)
    }

    /// The credit line under every map (live, printed, exported): the boundaries' source, the
    /// water's source, the map approval number when there is one, and the coordinate reference.
    pub fn credit_line(&self) -> String {
        let mut line = self.attribution.clone();
        if let Some(water) = &self.water_attribution {
            line.push_str(" · ");
            line.push_str(water);
        }
        if let Some(number) = &self.approval_number {
            line.push_str(" · 审图号 ");
            line.push_str(number);
        }
        line.push_str(" · 坐标系 ");
        line.push_str(&self.crs);
        line
    }

    /// The line every map carries where everyone sees it (live, prerendered, printed, exported):
    /// that it is not an approved map — or its approval number (审图号) when the operator
    /// configured one — and its coordinate reference. The sources' licences are in the About
    /// box ([`Bundle::licences`]), so this warning is not buried among them.
    pub fn map_warning(&self, lang: Lang) -> String {
        let approval = match &self.approval_number {
            Some(number) => match lang {
                Lang::Zh => format!("审图号 {number}"),
                Lang::En => format!("Map approval no. {number}"),
            },
            None => lang.text(Msg::NotApprovedMap).to_string(),
        };
        format!(
            "{approval} · {} {}",
            lang.text(Msg::CoordinateSystem),
            self.crs
        )
    }

    /// The sources of what the maps draw with their licences, one line each (the boundaries',
    /// then the water's), for the About box and the exported files' description.
    pub fn licences(&self) -> Vec<&str> {
        std::iter::once(self.attribution.as_str())
            .chain(self.water_attribution.as_deref())
            .collect()
    }
}

/// The committed bundle's text (`assets/atlas.json`), which the core's unit tests read.
#[cfg(test)]
pub(crate) fn committed_bundle_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    std::fs::read_to_string(path).expect("the committed bundle is readable")
}

/// The committed bundle, loaded, for the core's unit tests.
#[cfg(test)]
pub(crate) fn committed_bundle() -> Bundle {
    Bundle::from_json(&committed_bundle_text()).expect("the committed bundle loads")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_direction_headline_keeps_the_plans_words() {
        let zone = Zone {
            id: "north".to_string(),
            name_zh: "苏北".to_string(),
            name_en: "Northern Jiangsu".to_string(),
            cities: Vec::new(),
            direction: Quote {
                quote: "苏北地区要充分发挥特色资源优势，突出引进合作发展，加快规模化发展，尽快成为有影响力的战略性新兴产业成长区。".to_string(),
                section: "四(一)".to_string(),
            },
            direction_gloss_en: String::new(),
            area_km2: 0.0,
        };
        let headline = zone.direction_headline();
        assert_eq!(
            headline,
            ["突出引进合作发展", "尽快成为有影响力的战略性新兴产业成长区"]
        );
        assert!(headline.iter().all(|h| zone.direction.quote.contains(h)));
    }

    #[test]
    fn bounds_cover_every_position() {
        let pts = [[118.0, 32.0], [120.5, 31.0], [119.0, 34.5]];
        let b = Bounds::of(&pts).expect("non-empty");
        assert_eq!(
            (b.west, b.south, b.east, b.north),
            (118.0, 31.0, 120.5, 34.5)
        );
        assert!(Bounds::of(&[]).is_none());
    }
}
