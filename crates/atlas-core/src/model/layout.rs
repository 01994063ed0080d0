//! The answers to the questions the map, panels and table ask of the layout facts (the topic a
//! map is coloured by, a place's name, a quantified statement, the count of each role); the
//! questions themselves are methods of [`Bundle`](crate::model::bundle::Bundle).

use crate::model::facts::{Role, RoleFact};
use crate::model::i18n::Lang;

/// What the map is coloured by: an industry, one field of it, or one role across industries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic<'a> {
    /// Every field of this industry.
    Industry(&'a str),
    /// This field only.
    Field(&'a str),
    /// Every fact with this role (e.g. all signature industries).
    Role(Role),
}

impl<'a> Topic<'a> {
    /// The topic an explorer's choice colours the map by: the field when one is chosen, else the
    /// industry; `None` when neither is (the map is coloured by zone).
    pub fn chosen(industry: Option<&'a str>, field: Option<&'a str>) -> Option<Topic<'a>> {
        field.map(Topic::Field).or(industry.map(Topic::Industry))
    }
}

/// How many places hold each role, strongest role first, leaving out roles no place holds: the
/// one count behind the legend and the announced line, given the strongest role of each place
/// (see [`Bundle::strongest_roles`](crate::model::bundle::Bundle::strongest_roles)).
pub fn role_counts<'r>(roles: impl IntoIterator<Item = &'r Role>) -> Vec<(Role, usize)> {
    let roles: Vec<Role> = roles.into_iter().copied().collect();
    Role::ALL
        .into_iter()
        .map(|role| (role, roles.iter().filter(|r| **r == role).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// A city or county-level place, by its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceName<'a> {
    /// Its adcode.
    pub adcode: &'a str,
    /// Chinese name.
    pub zh: &'a str,
    /// English name.
    pub en: &'a str,
    /// Whether it is a county-level place (else a prefecture-level city).
    pub county_level: bool,
}

impl PlaceName<'_> {
    /// The name in a language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        lang.pick(self.zh, self.en)
    }
}

/// One statement of the plan's layout: a field, a role, a quote, and every place it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement<'a> {
    /// The first fact of the statement (its field, role and quote are the statement's).
    pub fact: &'a RoleFact,
    /// Adcodes of the places it names, in the plan's order.
    pub places: Vec<&'a str>,
    /// Whether an earlier statement of the same list quotes the same sentence (one sentence of
    /// the plan often names a focus and its supports): a panel quotes a sentence once and cites
    /// it by section after that.
    pub quoted_before: bool,
}
