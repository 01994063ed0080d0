//! Everything that can stop a build, each naming the file and the item to fix.

use std::path::PathBuf;

use atlas_core::BundleError;
use atlas_core::model::plan::QuoteProblem;

use crate::topology::SimplifyError;

/// Why the bundle could not be built. Nothing is written when any of these occurs.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// An input file could not be read.
    #[error("{path}: cannot read it: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The bundle could not be written.
    #[error("{path}: cannot write it: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// An input file is not well-formed TOML or GeoJSON of the expected shape.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// What the parser said, with line and column where it knows them.
        message: String,
    },
    /// An input holds an angle bracket, as markup or script would.
    #[error(
        "{path}, line {line}: has `<` or `>` ({excerpt}); names, quotes and glosses must be plain text"
    )]
    Markup {
        /// The file.
        path: PathBuf,
        /// The first line holding one.
        line: usize,
        /// That line, shortened.
        excerpt: String,
    },
    /// The layout does not list the expected number of cities.
    #[error("{path}: lists {found} cities, but Jiangsu has {expected} prefecture-level cities")]
    CityCount {
        /// The layout file.
        path: PathBuf,
        /// How many it lists.
        found: usize,
        /// How many it must list.
        expected: usize,
    },
    /// An adcode is not six digits.
    #[error("{path}: city {adcode:?} has no valid adcode (six digits, e.g. 320100)")]
    BadAdcode {
        /// The file.
        path: PathBuf,
        /// The offending code.
        adcode: String,
    },
    /// Two cities (or two boundary features) share an adcode.
    #[error("{path}: adcode {adcode} is used twice")]
    DuplicateAdcode {
        /// The file.
        path: PathBuf,
        /// The repeated code.
        adcode: String,
    },
    /// Two zones share an id.
    #[error("{path}: zone id {zone} is used twice")]
    DuplicateZone {
        /// The layout file.
        path: PathBuf,
        /// The repeated id.
        zone: String,
    },
    /// A zone lists an adcode that is not a city of the layout.
    #[error("{path}: zone {zone} lists {adcode}, which is not one of the layout's cities")]
    UnknownZoneMember {
        /// The layout file.
        path: PathBuf,
        /// The zone.
        zone: String,
        /// The unknown code.
        adcode: String,
    },
    /// A city is in no zone.
    #[error("{path}: city {adcode} ({name}) is in no zone; add it to the `cities` of one zone")]
    CityInNoZone {
        /// The layout file.
        path: PathBuf,
        /// The city's code.
        adcode: String,
        /// The city's name.
        name: String,
    },
    /// A city is in more than one zone.
    #[error("{path}: city {adcode} ({name}) is in several zones ({zones}); keep it in one")]
    CityInSeveralZones {
        /// The layout file.
        path: PathBuf,
        /// The city's code.
        adcode: String,
        /// The city's name.
        name: String,
        /// The zones listing it.
        zones: String,
    },
    /// A quote is not found verbatim inside the section it names.
    #[error("{path}: {item}: quote {quote:?} in section {section}: {problem}")]
    Quote {
        /// The layout file.
        path: PathBuf,
        /// Which fact carries the quote.
        item: String,
        /// The quote as written.
        quote: String,
        /// The section it claims.
        section: String,
        /// What is wrong with it.
        problem: QuoteProblem,
    },
    /// A city of the layout has no boundary in the geodata.
    #[error("{path}: has no boundary for city {adcode} ({name})")]
    MissingBoundary {
        /// The boundary file.
        path: PathBuf,
        /// The city's code.
        adcode: String,
        /// The city's name.
        name: String,
    },
    /// The geodata holds a boundary for a city the layout does not list.
    #[error("{path}: feature {adcode} is not a city of the layout")]
    ExtraBoundary {
        /// The boundary file.
        path: PathBuf,
        /// The feature's adcode.
        adcode: String,
    },
    /// Two items of one kind share an id.
    #[error("{path}: {kind} id {id:?} is used twice")]
    DuplicateId {
        /// The file.
        path: PathBuf,
        /// What kind of item (industry, field, target, role).
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// The industries file does not list the ten industries of §三.
    #[error("{path}: lists {found} industries, but §三 of the plan has {expected}")]
    IndustryCount {
        /// The industries file.
        path: PathBuf,
        /// How many it lists.
        found: usize,
        /// How many it must list.
        expected: usize,
    },
    /// A field is linked to an industry that does not exist.
    #[error(
        "{path}: field {field} belongs to industry {industry:?}, which is not one of seeds/industries.toml"
    )]
    FieldWithoutIndustry {
        /// The layout file.
        path: PathBuf,
        /// The field.
        field: String,
        /// The industry it names.
        industry: String,
    },
    /// A role names a field that does not exist.
    #[error("{path}: {item} names field {field:?}, which is not one of the layout's [[fields]]")]
    UnknownField {
        /// The layout file.
        path: PathBuf,
        /// Which role statement.
        item: String,
        /// The field it names.
        field: String,
    },
    /// A role or place names a place that is neither a city nor a county-level place of the layout.
    #[error(
        "{path}: {item} names place {place:?}, which is neither one of the layout's cities nor one of its [[places]]"
    )]
    UnknownPlace {
        /// The layout file.
        path: PathBuf,
        /// Which statement.
        item: String,
        /// The adcode it names.
        place: String,
    },
    /// A county-level place is not in the county points file, or belongs to another city there.
    #[error("{path}: place {adcode} is not a county-level unit of city {city} in this file")]
    UnknownCounty {
        /// The county points file.
        path: PathBuf,
        /// The place's adcode.
        adcode: String,
        /// The city the layout puts it under.
        city: String,
    },
    /// A quantified statement's figure does not appear in its quote.
    #[error("{path}: target {id}: the value {value} does not appear in its quote {quote:?}")]
    ValueNotInQuote {
        /// The targets file.
        path: PathBuf,
        /// The target.
        id: String,
        /// The value as written.
        value: String,
        /// The quote.
        quote: String,
    },
    /// A row of the bases file is incomplete or inconsistent.
    #[error("{path}: row {row} ({name}): {problem}")]
    Base {
        /// The bases file.
        path: PathBuf,
        /// The row number, counting the header as row 1.
        row: usize,
        /// The base's name as written.
        name: String,
        /// What is wrong.
        problem: String,
    },
    /// A boundary is not a valid (Multi)Polygon.
    #[error("{path}: boundary of {adcode} is not a valid polygon: {reason}")]
    InvalidPolygon {
        /// The boundary file.
        path: PathBuf,
        /// The feature's adcode.
        adcode: String,
        /// What the validity check said.
        reason: String,
    },
    /// Simplification could not keep every outline valid.
    #[error("{path}: {source}")]
    Simplify {
        /// The boundary file.
        path: PathBuf,
        /// What went wrong, and where.
        source: SimplifyError,
    },
    /// Simplified neighbours overlap or leave a gap between them.
    #[error("{path}: after simplification the cities {problem}")]
    Topology {
        /// The boundary file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// A target chart could not be drawn.
    #[error("the target charts could not be drawn: {0}")]
    Chart(String),
    /// The plan document (the plan text with its mentions) does not fit the text or the bundle.
    #[error("{path}: {problem}")]
    PlanDoc {
        /// The plan document's file (or the plan text it is built from).
        path: PathBuf,
        /// What is wrong, naming the mention's name and offset where one is at fault.
        problem: atlas_core::model::plan_doc::PlanDocError,
    },
    /// The committed plan document is not JSON of the plan document's form.
    #[error(
        "{path}: not a plan document: {reason}; run `cargo run -p atlas-builder` to write it again"
    )]
    PlanDocSyntax {
        /// The plan document's file.
        path: PathBuf,
        /// What the JSON reader said.
        reason: String,
    },
    /// The assembled bundle failed the same check the app makes when it loads it.
    #[error("the assembled bundle is inconsistent: {0}")]
    Bundle(#[from] BundleError),
    // The county layer (geodata/jiangsu_counties.geojson and geodata/county_names.toml).
    /// A county feature lacks a property or has one of the wrong form.
    #[error("{path}: county {adcode} {problem}")]
    CountyProperty {
        /// The county boundary file.
        path: PathBuf,
        /// The feature's adcode.
        adcode: String,
        /// What is missing or wrong.
        problem: String,
    },
    /// A county's code does not fit the cities' code list.
    #[error("{path}: county {adcode} ({name}): {problem}")]
    CountyCode {
        /// The county boundary file.
        path: PathBuf,
        /// The county's adcode.
        adcode: String,
        /// The county's Chinese name.
        name: String,
        /// How its code disagrees with its city.
        problem: String,
    },
    /// The names table misses a county, has one too many, or disagrees with the boundary file.
    #[error("{path}: county {adcode} {problem}")]
    CountyName {
        /// The names table.
        path: PathBuf,
        /// The county's adcode.
        adcode: String,
        /// What is wrong with its row.
        problem: String,
    },
    /// A city of the layout has no county in the county file.
    #[error(
        "{path}: city {adcode} ({name}) has no county; every city must be covered by its counties"
    )]
    CityWithoutCounties {
        /// The county boundary file.
        path: PathBuf,
        /// The city's adcode.
        adcode: String,
        /// The city's Chinese name.
        name: String,
    },
    /// After simplification a city's counties do not tile it.
    #[error("{path}: after simplification the counties of {city} {problem}")]
    CountyTiling {
        /// The county boundary file.
        path: PathBuf,
        /// The city, with its name.
        city: String,
        /// The gap, overlap or county outside, and where.
        problem: String,
    },
    /// The assembled county layer failed the check the app makes when it loads it.
    #[error("the assembled county layer is inconsistent with the bundle: {0}")]
    CountyLayer(#[from] atlas_core::model::county_layer::CountyLayerError),
    // Water (lakes and rivers drawn for orientation).
    /// A water feature is not a valid polygon, before or after simplification.
    #[error("{path}: water {feature} is not a valid polygon: {reason}")]
    InvalidWater {
        /// The water file.
        path: PathBuf,
        /// The feature's number and name.
        feature: String,
        /// What is wrong.
        reason: String,
    },
    /// A water feature reaches outside the province's bounds.
    #[error(
        "{path}: water {feature} reaches ({lon}, {lat}), outside the province's bounds ({bounds}); clip it to Jiangsu"
    )]
    WaterOutside {
        /// The water file.
        path: PathBuf,
        /// The feature's number and name.
        feature: String,
        /// Longitude of the first position outside.
        lon: f64,
        /// Latitude of that position.
        lat: f64,
        /// The bounds, west south east north.
        bounds: String,
    },
    /// A water feature's name is not in the names file.
    #[error(
        "{path}: water {feature} has a name the names file {names} does not list; add it there with its English name and kind"
    )]
    UnknownWaterName {
        /// The water file.
        path: PathBuf,
        /// The feature's number and name.
        feature: String,
        /// The names file.
        names: PathBuf,
    },
}
