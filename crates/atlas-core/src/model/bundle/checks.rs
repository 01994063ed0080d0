//! Reading and checking a bundle: the app calls [`Bundle::from_json`] on what it downloads, and
//! the builder calls [`Bundle::validate`] before it writes anything, so both sides agree on what a
//! good bundle is. What is wrong with a bundle is worded in
//! [`bundle_error`](crate::model::bundle_error).

use std::collections::HashSet;

use serde::Deserialize;

use crate::model::bundle::{BoundarySource, Bundle, CITY_COUNT};
use crate::model::bundle_error::BundleError;
use crate::model::geojson_shape::MultiPolygon;

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
