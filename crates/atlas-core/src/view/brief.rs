//! A city's one-page brief for a coordination meeting (`?view=briefs`): what the plan says about
//! the city, gathered from the bundle with the queries the city panel uses, so a delegation's
//! sheet states exactly the facts the atlas shows. The app lays the briefs out and prints them;
//! the date line ([`date`]) is decided here too, the locator map in
//! [`locator`](crate::draw::locator).

use crate::model::bundle::{Bundle, City, PlanInfo, Zone};
use crate::model::facts::{Base, Field, Industry, Place, RoleFact};

pub mod date;
pub mod notes;
pub mod reading_place;
pub mod sheet;

/// Why a brief could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BriefError {
    /// The adcode is not one of the bundle's prefecture-level cities.
    #[error(
        "{0} is not a prefecture-level city of the bundle: briefs exist for the 13 cities only (a county-level place's brief is its city's)"
    )]
    NotACity(String),
    /// The city's zone, or a role's field or industry, is missing from the bundle.
    #[error(
        "the bundle names {0} but does not define it: rebuild the bundle (cargo run -p atlas-builder)"
    )]
    Missing(String),
}

/// Everything one city's brief shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CityBrief<'a> {
    /// The city (names, adcode).
    pub city: &'a City,
    /// Its zone, with the direction the plan gives the zone.
    pub zone: &'a Zone,
    /// Every role the plan gives the city, in the order the city panel lists them.
    pub roles: Vec<BriefRole<'a>>,
    /// The city's county-level places the bundle holds, each with its own roles.
    pub places: Vec<PlaceBrief<'a>>,
    /// The industrial bases in the city, each carrying its source.
    pub bases: Vec<&'a Base>,
    /// The plan the facts are quoted from (its title heads the page).
    pub plan: &'a PlanInfo,
}

/// One role with the names the brief prints beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefRole<'a> {
    /// The fact: role, plan's words and section.
    pub fact: &'a RoleFact,
    /// The field the role is in.
    pub field: &'a Field,
    /// The field's industry.
    pub industry: &'a Industry,
}

impl BriefRole<'_> {
    /// Whether the field is narrower than its industry, so the brief names the industry too (as
    /// the city panel does).
    pub fn names_industry(&self) -> bool {
        (self.field.name_zh.as_str(), self.field.name_en.as_str())
            != (
                self.industry.name_zh.as_str(),
                self.industry.name_en.as_str(),
            )
    }
}

/// A county-level place of the city with its roles.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceBrief<'a> {
    /// The place.
    pub place: &'a Place,
    /// Its roles in the plan.
    pub roles: Vec<BriefRole<'a>>,
}

fn with_names<'a>(
    bundle: &'a Bundle,
    facts: Vec<&'a RoleFact>,
) -> Result<Vec<BriefRole<'a>>, BriefError> {
    facts
        .into_iter()
        .map(|fact| {
            Ok(BriefRole {
                fact,
                field: bundle
                    .field(&fact.field)
                    .ok_or_else(|| BriefError::Missing(format!("field {}", fact.field)))?,
                industry: bundle
                    .industry(&fact.industry)
                    .ok_or_else(|| BriefError::Missing(format!("industry {}", fact.industry)))?,
            })
        })
        .collect()
}

/// The brief of the city `adcode`.
pub fn city_brief<'a>(bundle: &'a Bundle, adcode: &str) -> Result<CityBrief<'a>, BriefError> {
    let city = bundle
        .city(adcode)
        .ok_or_else(|| BriefError::NotACity(adcode.to_string()))?;
    let zone = bundle
        .zone_of(city)
        .ok_or_else(|| BriefError::Missing(format!("zone {}", city.zone)))?;
    let places = bundle
        .places
        .iter()
        .filter(|p| p.city == city.adcode)
        .map(|place| {
            Ok(PlaceBrief {
                place,
                roles: with_names(bundle, bundle.roles_of_place(&place.adcode))?,
            })
        })
        .collect::<Result<_, BriefError>>()?;
    Ok(CityBrief {
        city,
        zone,
        roles: with_names(bundle, bundle.roles_of_place(&city.adcode))?,
        places,
        bases: bundle.bases_in(&city.adcode),
        plan: &bundle.plan,
    })
}

/// Every city's brief, in the bundle's (adcode) order: the print job's pages.
pub fn all_briefs(bundle: &Bundle) -> Result<Vec<CityBrief<'_>>, BriefError> {
    bundle
        .cities
        .iter()
        .map(|c| city_brief(bundle, &c.adcode))
        .collect()
}

/// The cities ticked when the briefs view opens: the city of the link's `city` (a county-level
/// place's city for a place) alone, so the panel's "City brief" prints that one sheet; every
/// city when the link names none (or names something that is not a place).
pub fn ticked_at_open(bundle: &Bundle, city: Option<&str>) -> Vec<String> {
    let chosen = city.and_then(|code| {
        bundle
            .city(code)
            .map(|c| c.adcode.clone())
            .or_else(|| bundle.place(code).map(|p| p.city.clone()))
    });
    match chosen {
        Some(adcode) => vec![adcode],
        None => bundle.cities.iter().map(|c| c.adcode.clone()).collect(),
    }
}

/// How many items a brief lists (roles, county-level places and their roles, bases): the measure
/// of how full its page is, by which the tests find the brief most at risk of a second page.
pub fn items(brief: &CityBrief) -> usize {
    brief.roles.len()
        + brief
            .places
            .iter()
            .map(|p| 1 + p.roles.len())
            .sum::<usize>()
        + brief.bases.len()
}
