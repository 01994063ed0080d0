//! Reading and checking a bundle: the app calls [`Bundle::from_json`] on what it downloads, and
//! the builder calls [`Bundle::validate`] before it writes anything, so both sides agree on what a
//! good bundle is.

use std::collections::HashSet;

use serde::Deserialize;

use crate::model::bundle::{BoundarySource, Bundle, CITY_COUNT};
use crate::model::geojson_shape::MultiPolygon;

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

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

impl Bundle {
    /// Parses and checks a bundle: its length, that it holds no markup, the schema version, then its shape, then its consistency.
    pub fn from_json(text: &str) -> Result<Bundle, BundleError> {
        Bundle::check_text(text)?;
        // One pass for a good bundle; only when it fails is the version read on its own, so that a
        // bundle of another version is reported as such rather than as a shape error.
        let parsed = serde_json::from_str::<Bundle>(text).map_err(|shape| shape.to_string());
        let declared_version = || {
            serde_json::from_str::<VersionProbe>(text)
                .ok()
                .map(|probe| f64::from(probe.schema_version))
        };
        Bundle::from_parsed(parsed, declared_version, None::<&dyn BoundarySource>)
    }

    /// Checks that the parts of a bundle agree with each other.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.cities.is_empty() {
            return Err(BundleError::Empty);
        }
        if self.cities.len() != CITY_COUNT {
            return Err(BundleError::CityCount {
                found: self.cities.len(),
                expected: CITY_COUNT,
            });
        }
        let mut adcodes = HashSet::new();
        for city in &self.cities {
            if !adcodes.insert(city.adcode.as_str()) {
                return Err(BundleError::DuplicateCity {
                    adcode: city.adcode.clone(),
                });
            }
        }
        self.check_boundaries(&adcodes)?;
        self.check_zones(&adcodes)?;
        self.check_references()?;
        for zone in &self.zone_outlines.features {
            check_geometry(
                &format!("zone outline {}", zone.properties.id),
                &zone.geometry,
            )?;
        }
        for (i, water) in self.water.features.iter().enumerate() {
            let name = water.properties.name_zh.as_deref().unwrap_or("unnamed");
            check_geometry(&format!("water feature #{i} ({name})"), &water.geometry)?;
        }
        Ok(())
    }

    fn check_boundaries(&self, adcodes: &HashSet<&str>) -> Result<(), BundleError> {
        let mut drawn = HashSet::new();
        for feature in &self.city_boundaries.features {
            let adcode = feature.properties.adcode.as_str();
            if !adcodes.contains(adcode) || !drawn.insert(adcode) {
                return Err(BundleError::StrayBoundary {
                    adcode: adcode.to_string(),
                });
            }
            check_geometry(&format!("boundary of city {adcode}"), &feature.geometry)?;
        }
        match self
            .cities
            .iter()
            .find(|c| !drawn.contains(c.adcode.as_str()))
        {
            Some(city) => Err(BundleError::MissingBoundary {
                adcode: city.adcode.clone(),
            }),
            None => Ok(()),
        }
    }

    fn check_zones(&self, adcodes: &HashSet<&str>) -> Result<(), BundleError> {
        for zone in &self.zones {
            if let Some(unknown) = zone.cities.iter().find(|a| !adcodes.contains(a.as_str())) {
                return Err(BundleError::UnknownMember {
                    zone: zone.id.clone(),
                    adcode: unknown.clone(),
                });
            }
        }
        for city in &self.cities {
            let listed_by: Vec<&str> = self
                .zones
                .iter()
                .filter(|z| z.cities.contains(&city.adcode))
                .map(|z| z.id.as_str())
                .collect();
            if listed_by != [city.zone.as_str()] {
                return Err(BundleError::ZoneMembership {
                    adcode: city.adcode.clone(),
                    zone: city.zone.clone(),
                    listed_by: if listed_by.is_empty() {
                        "no zone".to_string()
                    } else {
                        listed_by.join(", ")
                    },
                });
            }
        }
        Ok(())
    }
}

impl Bundle {
    fn check_references(&self) -> Result<(), BundleError> {
        let unknown = |item: String, kind, id: &str| BundleError::UnknownReference {
            item,
            kind,
            id: id.to_string(),
        };
        for place in &self.places {
            if self.city(&place.city).is_none() {
                return Err(unknown(
                    format!("place {}", place.adcode),
                    "city",
                    &place.city,
                ));
            }
            let [lon, lat] = place.point;
            if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
                return Err(BundleError::BadCoordinate {
                    item: format!("place {}", place.adcode),
                    lon,
                    lat,
                });
            }
        }
        for field in &self.fields {
            if self.industry(&field.industry).is_none() {
                return Err(unknown(
                    format!("field {}", field.id),
                    "industry",
                    &field.industry,
                ));
            }
        }
        for base in &self.bases {
            let item = format!("base {}", base.name_zh);
            if self.city(&base.city).is_none() {
                return Err(unknown(item, "city", &base.city));
            }
            if let Some(i) = base.industries.iter().find(|i| self.industry(i).is_none()) {
                return Err(unknown(item, "industry", i));
            }
            let [lon, lat] = base.point;
            if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
                return Err(BundleError::BadCoordinate { item, lon, lat });
            }
        }
        for (i, fact) in self.roles.iter().enumerate() {
            let item = || format!("role fact #{i}");
            if self.place_name(&fact.place).is_none() {
                return Err(unknown(item(), "place", &fact.place));
            }
            match self.field(&fact.field) {
                None => return Err(unknown(item(), "field", &fact.field)),
                Some(f) if f.industry != fact.industry => {
                    return Err(unknown(item(), "industry", &fact.industry));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

fn check_geometry(item: &str, geometry: &MultiPolygon) -> Result<(), BundleError> {
    for &[lon, lat] in geometry.positions() {
        if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
            return Err(BundleError::BadCoordinate {
                item: item.to_string(),
                lon,
                lat,
            });
        }
    }
    let ring_ok = |ring: &Vec<[f64; 2]>| ring.len() >= 4 && ring.first() == ring.last();
    if geometry.coordinates.is_empty()
        || !geometry.coordinates.iter().flatten().all(ring_ok)
        || geometry.coordinates.iter().any(Vec::is_empty)
    {
        return Err(BundleError::BadRing {
            item: item.to_string(),
        });
    }
    Ok(())
}
