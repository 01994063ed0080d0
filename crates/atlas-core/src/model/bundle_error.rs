//! Why a bundle is refused, worded for the person who has to fix it, and the limit on its size:
//! the one error the builder and the app both report for a bundle.

/// The largest bundle the atlas reads: 50 times today's, so a real bundle never meets it, while a
/// wrong or runaway file is refused before it is parsed.
pub const MAX_BUNDLE_BYTES: usize = 8 << 20;

/// Why a path could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// Something other than the map's own `M x y l dx dy … Z` path data.
    #[error("path data is not the map's own at character {at}: {found:?}")]
    Unexpected {
        /// Where, in characters from the start.
        at: usize,
        /// What was found there.
        found: String,
    },
    /// The path draws no ring of three points or more.
    #[error("path data draws no outline")]
    Empty,
    /// The map it was drawn on has no size, so no position can be read back.
    #[error("the map the path was drawn on has no size")]
    NoMap,
}

/// What is wrong with a bundle, worded for the person who has to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BundleError {
    /// The text is not JSON of the bundle's shape.
    #[error("the data bundle is not valid JSON of the expected shape: {0}")]
    Json(String),
    /// The text is longer than any real bundle.
    #[error(
        "the data bundle is {bytes} bytes, more than the {limit} bytes the atlas reads; rebuild it with the builder"
    )]
    TooLarge {
        /// The bundle's length.
        bytes: usize,
        /// The most the atlas reads.
        limit: usize,
    },
    /// The bundle was written for another version of the app.
    #[error(
        "the data bundle has schema version {found}, but this app reads version {expected}; rebuild it with this version's builder"
    )]
    SchemaVersion {
        /// The version the bundle declares.
        found: u32,
        /// The version this code reads.
        expected: u32,
    },
    /// Two cities share an adcode.
    #[error("city {adcode} appears twice in the data bundle")]
    DuplicateCity {
        /// The repeated adcode.
        adcode: String,
    },
    /// The page's drawn map could not be read back into boundaries.
    #[error(
        "the page's map of {what} cannot be read back ({problem}): index.html and the data bundle must come from the same build; upload dist/ again in full"
    )]
    DrawnBoundary {
        /// The city or zone whose path failed.
        what: String,
        /// Why.
        problem: PathError,
    },
    /// A city has no outline.
    #[error("city {adcode} has no boundary in the data bundle")]
    MissingBoundary {
        /// The city without an outline.
        adcode: String,
    },
    /// An outline belongs to no city, or a second outline to one city.
    #[error("boundary feature {adcode} matches no city, or the city has two boundaries")]
    StrayBoundary {
        /// The adcode named by the feature.
        adcode: String,
    },
    /// A zone lists a city that is not in the bundle.
    #[error("zone {zone} lists city {adcode}, which is not in the data bundle")]
    UnknownMember {
        /// The zone's id.
        zone: String,
        /// The unknown adcode.
        adcode: String,
    },
    /// A city is listed by no zone, by several, or by another zone than its own.
    #[error(
        "city {adcode} must be listed by exactly one zone, its own ({zone}), but is listed by {listed_by}"
    )]
    ZoneMembership {
        /// The city.
        adcode: String,
        /// The zone the city names.
        zone: String,
        /// The zones that list it, or `no zone`.
        listed_by: String,
    },
    /// A position is not a finite longitude/latitude.
    #[error("{item} has an impossible coordinate ({lon}, {lat})")]
    BadCoordinate {
        /// Which feature holds it.
        item: String,
        /// Its longitude.
        lon: f64,
        /// Its latitude.
        lat: f64,
    },
    /// A ring has fewer than four positions or is not closed.
    #[error("{item} has a ring that is not closed or has fewer than 4 positions")]
    BadRing {
        /// Which feature holds it.
        item: String,
    },
    /// The bundle has no cities at all.
    #[error("the data bundle holds no cities")]
    Empty,
    /// The bundle does not hold Jiangsu's 13 cities.
    #[error(
        "the data bundle holds {found} cities, but Jiangsu has {expected}; rebuild it with the builder"
    )]
    CityCount {
        /// How many it holds.
        found: usize,
        /// How many Jiangsu has.
        expected: usize,
    },
    /// Text in the bundle holds an angle bracket, as markup or script would; the builder never
    /// writes one, so the bundle was not made by it or was altered.
    #[error(
        "the data bundle holds markup ({excerpt}); its names and quotes must be plain text, so rebuild it with the builder"
    )]
    Markup {
        /// The text around the first angle bracket.
        excerpt: String,
    },
    /// A fact names something the bundle does not define.
    #[error("{item} names {kind} {id:?}, which is not in the data bundle")]
    UnknownReference {
        /// Which fact.
        item: String,
        /// What kind of thing it names (place, field, industry, city).
        kind: &'static str,
        /// The name it uses.
        id: String,
    },
}
