//! The briefs view's choice of the cities whose briefs are ticked (`briefs=320100,320500`,
//! `briefs=all`, `briefs=none`; the comma written `%2C`, as `URLSearchParams` writes it), so
//! that reload, Back/Forward and a portal's link restore it. Left out of the link when it is the view's default ([`crate::view::brief::ticked_at_open`]: every
//! city, or the link's `city` alone).

use std::collections::BTreeSet;

use crate::model::bundle::Bundle;
use crate::model::sort::CollectByInsert;
use crate::view::brief::ticked_at_open;

use super::place_code;

/// The longest `briefs` value read: the 13 cities' codes, or their Chinese names, fit well
/// within it.
pub const MAX_BRIEFS_LEN: usize = 256;

/// `briefs=all`: every city's brief.
const ALL: &str = "all";

/// `briefs=none`: no brief ticked.
const NONE: &str = "none";

/// Which cities' briefs are ticked, when that is not the view's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TickedBriefs {
    /// Every city's brief (written `all`, where the link's `city` would tick that one alone).
    All,
    /// These cities' briefs (adcodes of prefecture-level cities); empty for none.
    Only(BTreeSet<String>),
}

/// A `briefs` value as read: the ticked cities (none if no item was known), and whether an
/// item was not a city the bundle knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadBriefs {
    /// The choice; `None` when the value named no known city.
    pub ticked: Option<TickedBriefs>,
    /// Some item was not a city's code or name (it was dropped).
    pub unknown: bool,
}

impl TickedBriefs {
    /// Reads a `briefs` value: `all`, `none`, or a comma-separated list of cities by code or by
    /// name (`南京,苏州`, `nanjing`); a county-level place (昆山) counts as its city, repeats once.
    pub fn read(bundle: &Bundle, value: &str) -> ReadBriefs {
        match value.trim().to_ascii_lowercase().as_str() {
            ALL => {
                return ReadBriefs {
                    ticked: Some(TickedBriefs::All),
                    unknown: false,
                };
            }
            NONE => {
                return ReadBriefs {
                    ticked: Some(TickedBriefs::Only(BTreeSet::new())),
                    unknown: false,
                };
            }
            _ => {}
        }
        let mut cities = BTreeSet::new();
        let mut unknown = false;
        for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match city_of(bundle, item) {
                Some(city) => {
                    cities.insert(city);
                }
                None => unknown = true,
            }
        }
        ReadBriefs {
            ticked: (!cities.is_empty()).then(|| TickedBriefs::from_set(bundle, cities)),
            unknown: unknown || value.trim().is_empty(),
        }
    }

    /// The choice of exactly the cities in `ticked` (codes the bundle lacks are left out).
    pub fn from_set(bundle: &Bundle, ticked: BTreeSet<String>) -> TickedBriefs {
        let known: BTreeSet<String> = ticked
            .into_iter()
            .filter(|code| bundle.city(code).is_some())
            .into_set();
        if known.len() == bundle.cities.len() {
            TickedBriefs::All
        } else {
            TickedBriefs::Only(known)
        }
    }

    /// The ticked cities' adcodes.
    pub fn cities(&self, bundle: &Bundle) -> BTreeSet<String> {
        match self {
            TickedBriefs::All => bundle.cities.iter().map(|c| c.adcode.clone()).into_set(),
            TickedBriefs::Only(cities) => cities.clone(),
        }
    }

    /// The value written in the link: `all`, `none` or the codes in adcode order.
    pub fn code(&self) -> String {
        match self {
            TickedBriefs::All => ALL.to_string(),
            TickedBriefs::Only(cities) if cities.is_empty() => NONE.to_string(),
            TickedBriefs::Only(cities) => cities.iter().cloned().collect::<Vec<_>>().join(","),
        }
    }

    /// `None` when the choice is what the view opens with anyway for the link's `city`, so the
    /// link leaves it out; else the choice.
    pub fn unless_default(self, bundle: &Bundle, city: Option<&str>) -> Option<TickedBriefs> {
        let default: BTreeSet<String> = ticked_at_open(bundle, city).into_iter().into_set();
        (self.cities(bundle) != default).then_some(self)
    }
}

/// The prefecture-level city a list item names: a city, or a county-level place's city.
fn city_of(bundle: &Bundle, item: &str) -> Option<String> {
    let code = place_code(bundle, item)?;
    if bundle.city(&code).is_some() {
        return Some(code);
    }
    bundle.place(&code).map(|p| p.city.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::bundle::committed_bundle as bundle;

    fn set(codes: &[&str]) -> BTreeSet<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn codes_names_and_places_read_as_their_cities() {
        let b = bundle();
        let read = TickedBriefs::read(&b, " 320500 ,南京,kunshan,320500");
        assert!(!read.unknown);
        assert_eq!(
            read.ticked,
            Some(TickedBriefs::Only(set(&["320100", "320500"])))
        );
    }

    #[test]
    fn all_and_none_read_and_write_as_words() {
        let b = bundle();
        for word in ["all", "none"] {
            let read = TickedBriefs::read(&b, &word.to_uppercase());
            assert_eq!(read.ticked.map(|t| t.code()).as_deref(), Some(word));
        }
        let every = b.cities.iter().map(|c| c.adcode.clone()).collect();
        assert_eq!(TickedBriefs::from_set(&b, every), TickedBriefs::All);
    }

    #[test]
    fn unknown_items_are_dropped_and_reported() {
        let b = bundle();
        let read = TickedBriefs::read(&b, "320100,999999,<script>");
        assert!(read.unknown);
        assert_eq!(read.ticked, Some(TickedBriefs::Only(set(&["320100"]))));
        let nothing = TickedBriefs::read(&b, "999999,");
        assert!(nothing.unknown);
        assert_eq!(nothing.ticked, None, "no known city: the default");
        assert!(TickedBriefs::read(&b, "").unknown, "an empty value");
    }

    #[test]
    fn the_default_for_the_link_is_left_out() {
        let b = bundle();
        assert_eq!(TickedBriefs::All.unless_default(&b, None), None);
        let suzhou = TickedBriefs::Only(set(&["320500"]));
        assert_eq!(suzhou.clone().unless_default(&b, Some("320500")), None);
        assert_eq!(
            suzhou.clone().unless_default(&b, None),
            Some(suzhou),
            "one city without the link's city is a choice"
        );
        assert_eq!(
            TickedBriefs::All.unless_default(&b, Some("320500")),
            Some(TickedBriefs::All)
        );
    }
}
