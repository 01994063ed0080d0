//! The questions the map, panels and table ask of the bundle's layout facts (which roles a place
//! has, where an industry or field is laid out, the strongest role of each place), answered on
//! [`Bundle`] itself; the answers' own types are in [`layout`](crate::model::layout).

use std::collections::BTreeMap;

use crate::model::bundle::Bundle;
use crate::model::facts::{Base, Field, Industry, Place, Role, RoleFact};
use crate::model::i18n::{Lang, Msg};
use crate::model::layout::{PlaceName, Statement, Topic};
use crate::model::sort::{self, CollectByInsert};

impl Bundle {
    /// The industry with this id.
    pub fn industry(&self, id: &str) -> Option<&Industry> {
        self.industries.iter().find(|i| i.id == id)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The fields of an industry, in bundle order.
    pub fn fields_of(&self, industry: &str) -> Vec<&Field> {
        self.fields
            .iter()
            .filter(|f| f.industry == industry)
            .collect()
    }

    /// The industry picker's choices in `lang`: colour by zone, then each industry followed by
    /// its fields (a field named as its industry is left out), as `(value, text)` pairs whose
    /// value is `industry:ID` or `field:ID`; the toolbar and the prerendered page both list them.
    pub fn picker_options(&self, lang: Lang) -> Vec<(String, String)> {
        let mut options = vec![(String::new(), lang.text(Msg::ByZone).to_string())];
        for industry in &self.industries {
            let industry_name = lang.pick(&industry.name_zh, &industry.name_en);
            options.push((
                format!("industry:{}", industry.id),
                industry_name.to_string(),
            ));
            for field in self.fields_of(&industry.id) {
                let name = lang.pick(&field.name_zh, &field.name_en);
                if name != industry_name {
                    options.push((format!("field:{}", field.id), format!("\u{2003}· {name}")));
                }
            }
        }
        options
    }

    /// The county-level place with this adcode.
    pub fn place(&self, adcode: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.adcode == adcode)
    }

    /// The names of a city or county-level place.
    pub fn place_name(&self, adcode: &str) -> Option<PlaceName<'_>> {
        if let Some(c) = self.city(adcode) {
            return Some(PlaceName {
                adcode: &c.adcode,
                zh: &c.name_zh,
                en: &c.name_en,
                county_level: false,
            });
        }
        self.place(adcode).map(|p| PlaceName {
            adcode: &p.adcode,
            zh: &p.name_zh,
            en: &p.name_en,
            county_level: true,
        })
    }

    /// Every role fact naming this place, in bundle order.
    pub fn roles_of_place(&self, adcode: &str) -> Vec<&RoleFact> {
        self.roles.iter().filter(|r| r.place == adcode).collect()
    }

    /// Every role fact of a topic, in bundle order.
    pub fn roles_in(&self, topic: Topic<'_>) -> Vec<&RoleFact> {
        self.roles
            .iter()
            .filter(|r| match topic {
                Topic::Industry(id) => r.industry == id,
                Topic::Field(id) => r.field == id,
                Topic::Role(role) => r.role == role,
            })
            .collect()
    }

    /// [`Bundle::strongest_roles`] keyed by owned adcodes, as a map's colouring keeps it (the
    /// live map's memo, the exports, the plan view's side map).
    pub fn strongest_roles_owned(&self, topic: Topic<'_>) -> BTreeMap<String, Role> {
        self.strongest_roles(topic)
            .into_iter()
            .map(|(place, role)| (place.to_string(), role))
            .into_map()
    }

    /// The strongest role each place has in a topic (signature over focus over support over
    /// pilot); places the topic does not name are absent.
    pub fn strongest_roles(&self, topic: Topic<'_>) -> BTreeMap<&str, Role> {
        let mut strongest: BTreeMap<&str, Role> = BTreeMap::new();
        for fact in self.roles_in(topic) {
            strongest
                .entry(fact.place.as_str())
                .and_modify(|r| *r = (*r).min(fact.role))
                .or_insert(fact.role);
        }
        strongest
    }

    /// Every place that can hold a role: the cities in adcode order, then the county-level places.
    pub fn all_places(&self) -> Vec<PlaceName<'_>> {
        self.cities
            .iter()
            .filter_map(|c| self.place_name(&c.adcode))
            .chain(
                self.places
                    .iter()
                    .filter_map(|p| self.place_name(&p.adcode)),
            )
            .collect()
    }

    /// The statements of a topic: facts sharing field, role and quote grouped into one entry with
    /// all the places it names, in bundle order.
    pub fn statements_in(&self, topic: Topic<'_>) -> Vec<Statement<'_>> {
        let mut statements: Vec<Statement<'_>> = Vec::new();
        for fact in self.roles_in(topic) {
            match statements.iter_mut().find(|s| {
                s.fact.field == fact.field && s.fact.role == fact.role && s.fact.quote == fact.quote
            }) {
                Some(statement) => statement.places.push(&fact.place),
                None => {
                    let quoted_before = statements.iter().any(|s| s.fact.quote == fact.quote);
                    statements.push(Statement {
                        fact,
                        places: vec![&fact.place],
                        quoted_before,
                    });
                }
            }
        }
        statements
    }

    /// The bases serving an industry, or every base when no industry is given.
    pub fn bases_for(&self, industry: Option<&str>) -> Vec<&Base> {
        self.bases.iter().filter(|b| b.serves(industry)).collect()
    }

    /// The bases in a city or county-level place (by host unit or host city).
    pub fn bases_in(&self, adcode: &str) -> Vec<&Base> {
        self.bases
            .iter()
            .filter(|b| b.host == adcode || b.city == adcode)
            .collect()
    }

    /// The roles of one place in one industry, strongest first, without repeats.
    pub fn roles_in_cell(&self, place: &str, industry: &str) -> Vec<Role> {
        let mut roles: Vec<Role> = self
            .roles
            .iter()
            .filter(|r| r.place == place && r.industry == industry)
            .map(|r| r.role)
            .collect();
        sort::sort(&mut roles);
        roles.dedup();
        roles
    }
}
