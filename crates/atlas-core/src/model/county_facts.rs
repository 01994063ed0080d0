//! What a county's panel and table row say about one county-level unit: its names, kind, code
//! and area from the county layer, its city, the bases it hosts, what the plan says of it where
//! it names it (昆山, 宜兴) and the city's roles as context. Gathered here so the panel, the table
//! and the tests read one answer.

use crate::model::bundle::{Bundle, City};
use crate::model::county_layer::{County, CountyLayer};
use crate::model::facts::{Base, Quote, RoleFact};

/// Everything known about one county, borrowed from the bundle and the layer.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyFacts<'a> {
    /// The county as the layer describes it (names, kind, adcode, area).
    pub county: &'a County,
    /// Its prefecture-level city.
    pub city: &'a City,
    /// Where the plan names the county, when it does (昆山 and 宜兴 only).
    pub mention: Option<&'a Quote>,
    /// The roles the plan gives the county itself, each with its words and section.
    pub roles: Vec<&'a RoleFact>,
    /// The bases whose host unit is this county, each with its source.
    pub bases: Vec<&'a Base>,
    /// The roles the plan gives the county's city, as context.
    pub city_roles: Vec<&'a RoleFact>,
}

/// The facts of the county with this adcode, or `None` when the layer has no such county or
/// its city is not in the bundle.
pub fn county_facts<'a>(
    bundle: &'a Bundle,
    layer: &'a CountyLayer,
    adcode: &str,
) -> Option<CountyFacts<'a>> {
    let county = layer.county(adcode)?;
    let city = bundle.city(&county.city)?;
    Some(CountyFacts {
        county,
        city,
        mention: bundle.place(adcode).map(|p| &p.mention),
        roles: bundle.roles_of_place(adcode),
        bases: hosted_bases(bundle, adcode),
        city_roles: bundle.roles_of_place(&city.adcode),
    })
}

/// The bases whose host unit is the county `adcode` (a city's `bases_in` also lists the bases of
/// all its counties; a county lists only its own).
pub fn hosted_bases<'a>(bundle: &'a Bundle, adcode: &str) -> Vec<&'a Base> {
    bundle.bases.iter().filter(|b| b.host == adcode).collect()
}
