//! The hand-written layout file (`seeds/layout.toml`) and its checks against the plan text.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use atlas_core::model::plan::PlanText;
use atlas_core::{Quote, Role};
use serde::Deserialize;

use crate::error::BuildError;

pub use atlas_core::CITY_COUNT;

/// The whole layout file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Which plan the facts are quoted from.
    pub plan: PlanSeed,
    /// The zones of §四(一).
    pub zones: Vec<ZoneSeed>,
    /// The prefecture-level cities.
    pub cities: Vec<CitySeed>,
    /// County-level places the plan names.
    #[serde(default)]
    pub places: Vec<PlaceSeed>,
    /// The fields the layout statements name.
    #[serde(default)]
    pub fields: Vec<FieldSeed>,
    /// The layout statements: who has which role in which field.
    #[serde(default)]
    pub roles: Vec<RoleSeed>,
}

/// A county-level place as written in the layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceSeed {
    /// Six-digit adcode.
    pub adcode: String,
    /// Chinese name.
    pub name_zh: String,
    /// English (pinyin) name.
    pub name_en: String,
    /// Adcode of its prefecture-level city.
    pub city: String,
    /// Where the plan names it.
    pub mention: Quote,
}

/// A field as written in the layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSeed {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Id of its industry in seeds/industries.toml.
    pub industry: String,
}

/// One layout statement: these places have this role in this field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSeed {
    /// Id of the field.
    pub field: String,
    /// The role; anything but signature, focus, support or pilot is refused when parsing.
    pub role: Role,
    /// Adcodes of the cities or county-level places.
    pub places: Vec<String>,
    /// Section of the plan.
    pub section: String,
    /// The plan's words.
    pub quote: String,
}

/// The plan's file and title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSeed {
    /// The plan text, relative to `seeds/`.
    pub file: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
}

/// A zone as written in the layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneSeed {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Member cities' adcodes.
    pub cities: Vec<String>,
    /// The development direction.
    pub direction: DirectionSeed,
}

/// A zone's development direction with its English gloss.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectionSeed {
    /// Section of the plan, e.g. `四(一)`.
    pub section: String,
    /// The plan's words.
    pub quote: String,
    /// An English gloss.
    pub gloss_en: String,
}

/// A city as written in the layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitySeed {
    /// Six-digit adcode.
    pub adcode: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Where the plan names the city.
    pub mention: Quote,
}

impl Layout {
    /// Reads and parses the layout file.
    pub fn read(path: &Path) -> Result<Layout, BuildError> {
        crate::read_toml(path)
    }

    /// Checks the layout on its own, against the plan, and against the ids of the industries;
    /// `path` is the layout file, for errors.
    pub fn check(
        &self,
        path: &Path,
        plan: &PlanText,
        industries: &[&str],
    ) -> Result<(), BuildError> {
        let path = || path.to_path_buf();
        if self.cities.len() != CITY_COUNT {
            return Err(BuildError::CityCount {
                path: path(),
                found: self.cities.len(),
                expected: CITY_COUNT,
            });
        }
        let mut adcodes = HashSet::new();
        for city in &self.cities {
            let a = &city.adcode;
            if a.len() != 6 || !a.bytes().all(|b| b.is_ascii_digit()) {
                return Err(BuildError::BadAdcode {
                    path: path(),
                    adcode: a.clone(),
                });
            }
            if !adcodes.insert(a.as_str()) {
                return Err(BuildError::DuplicateAdcode {
                    path: path(),
                    adcode: a.clone(),
                });
            }
        }
        let mut zone_ids = HashSet::new();
        for zone in &self.zones {
            if !zone_ids.insert(zone.id.as_str()) {
                return Err(BuildError::DuplicateZone {
                    path: path(),
                    zone: zone.id.clone(),
                });
            }
            if let Some(a) = zone.cities.iter().find(|a| !adcodes.contains(a.as_str())) {
                return Err(BuildError::UnknownZoneMember {
                    path: path(),
                    zone: zone.id.clone(),
                    adcode: a.clone(),
                });
            }
        }
        for city in &self.cities {
            let zones = self.zones_of(&city.adcode);
            match zones.len() {
                1 => {}
                0 => {
                    return Err(BuildError::CityInNoZone {
                        path: path(),
                        adcode: city.adcode.clone(),
                        name: city.name_zh.clone(),
                    });
                }
                _ => {
                    return Err(BuildError::CityInSeveralZones {
                        path: path(),
                        adcode: city.adcode.clone(),
                        name: city.name_zh.clone(),
                        zones: zones.join(", "),
                    });
                }
            }
        }
        for zone in &self.zones {
            let d = &zone.direction;
            check_quote(
                plan,
                path(),
                format!("zone {} direction", zone.id),
                &d.quote,
                &d.section,
            )?;
        }
        for city in &self.cities {
            let m = &city.mention;
            let item = format!("city {} ({}) mention", city.adcode, city.name_zh);
            check_quote(plan, path(), item, &m.quote, &m.section)?;
        }
        self.check_places(path(), plan, &adcodes)?;
        self.check_fields_and_roles(path(), plan, industries)
    }

    fn check_places(
        &self,
        path: PathBuf,
        plan: &PlanText,
        cities: &HashSet<&str>,
    ) -> Result<(), BuildError> {
        let mut seen = HashSet::new();
        for place in &self.places {
            let item = format!("place {} ({})", place.adcode, place.name_zh);
            if cities.contains(place.adcode.as_str()) || !seen.insert(place.adcode.as_str()) {
                return Err(BuildError::DuplicateAdcode {
                    path,
                    adcode: place.adcode.clone(),
                });
            }
            if !cities.contains(place.city.as_str()) {
                return Err(BuildError::UnknownPlace {
                    path,
                    item,
                    place: place.city.clone(),
                });
            }
            let m = &place.mention;
            check_quote(plan, path.clone(), item, &m.quote, &m.section)?;
        }
        Ok(())
    }

    fn check_fields_and_roles(
        &self,
        path: PathBuf,
        plan: &PlanText,
        industries: &[&str],
    ) -> Result<(), BuildError> {
        let mut field_ids = HashSet::new();
        for field in &self.fields {
            if !field_ids.insert(field.id.as_str()) {
                return Err(BuildError::DuplicateId {
                    path,
                    kind: "field",
                    id: field.id.clone(),
                });
            }
            if !industries.contains(&field.industry.as_str()) {
                return Err(BuildError::FieldWithoutIndustry {
                    path,
                    field: field.id.clone(),
                    industry: field.industry.clone(),
                });
            }
        }
        let mut facts = HashSet::new();
        for (i, role) in self.roles.iter().enumerate() {
            let item = format!(
                "role statement #{} ({} {})",
                i + 1,
                role.field,
                role.role.as_str()
            );
            if !field_ids.contains(role.field.as_str()) {
                return Err(BuildError::UnknownField {
                    path,
                    item,
                    field: role.field.clone(),
                });
            }
            for place in &role.places {
                if !self.is_place(place) {
                    return Err(BuildError::UnknownPlace {
                        path,
                        item,
                        place: place.clone(),
                    });
                }
                if !facts.insert((place.as_str(), role.field.as_str(), role.role)) {
                    return Err(BuildError::DuplicateId {
                        path,
                        kind: "role",
                        id: format!("{place} {} {}", role.field, role.role.as_str()),
                    });
                }
            }
            check_quote(plan, path.clone(), item, &role.quote, &role.section)?;
        }
        Ok(())
    }

    /// Whether an adcode is one of the layout's cities or county-level places.
    pub fn is_place(&self, adcode: &str) -> bool {
        self.cities.iter().any(|c| c.adcode == adcode)
            || self.places.iter().any(|p| p.adcode == adcode)
    }

    /// The ids of the zones listing a city.
    pub fn zones_of(&self, adcode: &str) -> Vec<&str> {
        self.zones
            .iter()
            .filter(|z| z.cities.iter().any(|a| a == adcode))
            .map(|z| z.id.as_str())
            .collect()
    }
}

/// Checks that a quote stands verbatim inside its section.
pub fn check_quote(
    plan: &PlanText,
    path: PathBuf,
    item: String,
    quote: &str,
    section: &str,
) -> Result<(), BuildError> {
    plan.find_in_section(quote, section)
        .map(|_| ())
        .map_err(|problem| BuildError::Quote {
            path,
            item,
            quote: quote.to_string(),
            section: section.to_string(),
            problem,
        })
}
