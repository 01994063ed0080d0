//! The county layer's inputs: the 95 county-level boundaries and their English names, checked
//! against the cities they belong to before anything is simplified.

use std::collections::BTreeMap;
use std::path::Path;

use atlas_core::model::county_layer::CountyKind;
use geo::MultiPolygon;
use serde::Deserialize;

use crate::error::BuildError;
use crate::geodata::read_boundaries;

/// One county-level unit as read from the boundary file, with its English name from the table.
#[derive(Debug, Clone)]
pub struct CountyInput {
    /// Six-digit administrative code.
    pub adcode: String,
    /// Chinese name, as the boundary file gives it.
    pub name_zh: String,
    /// English name, from the names table.
    pub name_en: String,
    /// Adcode of its prefecture-level city.
    pub city: String,
    /// District, county or county-level city.
    pub kind: CountyKind,
    /// Full-detail outline.
    pub geometry: MultiPolygon<f64>,
}

/// `geodata/county_names.toml`: the reviewed English names, so that a polyphone (六合 Luhe, 句容
/// Jurong) is read the way the place says it rather than the way a pinyin crate guesses.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    names: BTreeMap<String, NameEntry>,
}

/// One row of the names table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameEntry {
    zh: String,
    en: String,
}

/// A city a county may belong to: its adcode and Chinese name.
#[derive(Debug, Clone, Copy)]
pub struct CityKey<'a> {
    /// The city's adcode.
    pub adcode: &'a str,
    /// The city's Chinese name, for messages.
    pub name_zh: &'a str,
}

/// Reads the county boundaries at `path` and their names at `names_path`, in adcode order, and
/// checks that each county names one of `cities` with a code inside it, that every city has a
/// county, and that the names table covers exactly the counties, under the same Chinese names.
pub fn read_counties(
    path: &Path,
    names_path: &Path,
    cities: &[CityKey<'_>],
) -> Result<Vec<CountyInput>, BuildError> {
    let names: NamesFile = crate::read_toml(names_path)?;
    let mut names = names.names;
    let mut counties = Vec::new();
    for boundary in read_boundaries(path)? {
        let text = |key: &str| {
            boundary
                .properties
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .ok_or_else(|| BuildError::CountyProperty {
                    path: path.to_path_buf(),
                    adcode: boundary.adcode.clone(),
                    problem: format!("has no string property `{key}`"),
                })
        };
        let name_zh = text("name")?;
        let city = text("city_adcode")?;
        let kind = match text("kind")?.as_str() {
            "district" => CountyKind::District,
            "county" => CountyKind::County,
            "county-level city" => CountyKind::CountyLevelCity,
            other => {
                return Err(BuildError::CountyProperty {
                    path: path.to_path_buf(),
                    adcode: boundary.adcode.clone(),
                    problem: format!(
                        "has kind {other:?}; it must be `district`, `county` or `county-level city`"
                    ),
                });
            }
        };
        check_code(path, &boundary.adcode, &name_zh, &city, cities)?;
        let entry = names
            .remove(&boundary.adcode)
            .ok_or_else(|| BuildError::CountyName {
                path: names_path.to_path_buf(),
                adcode: boundary.adcode.clone(),
                problem: format!("has no English name for {name_zh}; add a row for it"),
            })?;
        if entry.zh != name_zh || entry.en.trim().is_empty() {
            return Err(BuildError::CountyName {
                path: names_path.to_path_buf(),
                adcode: boundary.adcode.clone(),
                problem: format!(
                    "names it {:?} ({:?}), but the boundary file calls it {name_zh}; review the row",
                    entry.zh, entry.en
                ),
            });
        }
        counties.push(CountyInput {
            adcode: boundary.adcode,
            name_zh,
            name_en: entry.en,
            city,
            kind,
            geometry: boundary.geometry,
        });
    }
    if let Some(adcode) = names.keys().next() {
        return Err(BuildError::CountyName {
            path: names_path.to_path_buf(),
            adcode: adcode.clone(),
            problem: "is not a county of the boundary file; remove the row".to_string(),
        });
    }
    if let Some(city) = cities
        .iter()
        .find(|c| !counties.iter().any(|k| k.city == c.adcode))
    {
        return Err(BuildError::CityWithoutCounties {
            path: path.to_path_buf(),
            adcode: city.adcode.to_string(),
            name: city.name_zh.to_string(),
        });
    }
    counties.sort_by(|a, b| a.adcode.cmp(&b.adcode));
    Ok(counties)
}

/// A county's code must be six digits and start with the four digits of a city of the layout,
/// the city its `city_adcode` names (the national code list nests them so).
fn check_code(
    path: &Path,
    adcode: &str,
    name: &str,
    city: &str,
    cities: &[CityKey<'_>],
) -> Result<(), BuildError> {
    let problem = if adcode.len() != 6 || !adcode.bytes().all(|b| b.is_ascii_digit()) {
        Some("its adcode is not six digits".to_string())
    } else if !cities.iter().any(|c| c.adcode == city) {
        Some(format!(
            "its city_adcode {city} is not one of the layout's cities"
        ))
    } else if adcode.get(..4) != city.get(..4) {
        Some(format!(
            "its code does not start with the first four digits of its city {city}"
        ))
    } else {
        None
    };
    match problem {
        Some(problem) => Err(BuildError::CountyCode {
            path: path.to_path_buf(),
            adcode: adcode.to_string(),
            name: name.to_string(),
            problem,
        }),
        None => Ok(()),
    }
}
