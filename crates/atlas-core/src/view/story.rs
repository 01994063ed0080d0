//! The first screen's story, in the side panel while nothing is chosen: the ten industries as
//! choices with how many places the plan gives each a role, the regional signature industries
//! (§四(二)) and the three zones. One markup writer serves the prerendered page and the app, so
//! the panel the page brings is the panel the app shows, with no shift.

use std::fmt::Write;

use crate::draw::map_markup::escape;
use crate::model::bundle::Bundle;
use crate::model::facts::{Quote, Role};
use crate::model::i18n::{Lang, Msg};
use crate::model::sort::CollectByInsert;
use crate::view::landing::Landing;
use crate::view::url_state::ViewState;

/// One of the ten industries, as a choice on the first screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryIndustry<'a> {
    /// Its id (`industry=` in links).
    pub id: &'a str,
    /// Its name in the interface language.
    pub name: &'a str,
    /// How many cities and county-level places the plan gives a role in it.
    pub places: usize,
}

/// A place's regional signature industries, in the plan's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureRow<'a> {
    /// The place's adcode.
    pub place: &'a str,
    /// The place's short name in the interface language (南京, as the plan writes it).
    pub name: &'a str,
    /// The plan's words naming the place's signature industries, with their section.
    pub quote: &'a Quote,
    /// The fields named, as (field id, name in the interface language), in the bundle's order.
    pub fields: Vec<(&'a str, &'a str)>,
}

/// One of the three zones, with its cities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryZone<'a> {
    /// Its id (`zone=` in links).
    pub id: &'a str,
    /// Its name in the interface language.
    pub name: &'a str,
    /// Its cities' short names in the interface language, in the bundle's order.
    pub cities: Vec<&'a str>,
}

/// What the first screen tells: the industries, the signature industries and the zones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story<'a> {
    /// The ten industries in the plan's order.
    pub industries: Vec<StoryIndustry<'a>>,
    /// One row per place with a signature role, in the plan's order of its statements.
    pub signature: Vec<SignatureRow<'a>>,
    /// The three zones.
    pub zones: Vec<StoryZone<'a>>,
}

/// The story of `bundle` in `lang`.
pub fn story(bundle: &Bundle, lang: Lang) -> Story<'_> {
    let industries = bundle
        .industries
        .iter()
        .map(|industry| StoryIndustry {
            id: &industry.id,
            name: lang.pick(&industry.name_zh, &industry.name_en),
            places: bundle
                .roles
                .iter()
                .filter(|r| r.industry == industry.id)
                .map(|r| r.place.as_str())
                .into_set()
                .len(),
        })
        .collect();
    let mut signature: Vec<SignatureRow<'_>> = Vec::new();
    for fact in bundle.roles.iter().filter(|r| r.role == Role::Signature) {
        let field = bundle
            .field(&fact.field)
            .map_or((fact.field.as_str(), fact.field.as_str()), |f| {
                (f.id.as_str(), lang.pick(&f.name_zh, &f.name_en))
            });
        if let Some(row) = signature.iter_mut().find(|row| row.place == fact.place) {
            row.fields.push(field);
            continue;
        }
        let name = match (bundle.city(&fact.place), bundle.place_name(&fact.place)) {
            (Some(city), _) => lang.pick(city.short_name_zh(), &city.name_en),
            (None, Some(place)) => lang.pick(place.zh, place.en),
            (None, None) => fact.place.as_str(),
        };
        signature.push(SignatureRow {
            place: &fact.place,
            name,
            quote: &fact.quote,
            fields: vec![field],
        });
    }
    let zones = bundle
        .zones
        .iter()
        .map(|zone| StoryZone {
            id: &zone.id,
            name: lang.pick(&zone.name_zh, &zone.name_en),
            cities: zone
                .cities
                .iter()
                .filter_map(|adcode| bundle.city(adcode))
                .map(|c| lang.pick(c.short_name_zh(), &c.name_en))
                .collect(),
        })
        .collect();
    Story {
        industries,
        signature,
        zones,
    }
}

/// The story panel's content (inside its `<section class="story">`): three headed lists of
/// buttons carrying `data-industry`, `data-field` or `data-zone`, which the app reads on a click.
pub fn story_markup(bundle: &Bundle, lang: Lang) -> String {
    let story = story(bundle, lang);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<h2 class="story-title">{}</h2><p class="story-note">{}</p><ul class="story-industries">"#,
        escape(lang.text(Msg::StoryIndustries)),
        escape(lang.text(Msg::StoryIndustriesNote)),
    );
    for industry in &story.industries {
        let _ = write!(
            out,
            r#"<li><button type="button" class="story-industry" data-industry="{id}"><span class="story-name">{name}</span> <span class="story-count">{count}</span></button></li>"#,
            id = escape(industry.id),
            name = escape(industry.name),
            count = industry.places,
        );
    }
    let section = story
        .signature
        .first()
        .map(|row| lang.section(&row.quote.section))
        .unwrap_or_default();
    let _ = write!(
        out,
        r#"</ul><h2 class="story-title">{}</h2><p class="story-note">{} §{}</p><ul class="story-signature">"#,
        escape(lang.text(Msg::StorySignature)),
        escape(lang.text(Msg::StorySignatureNote)),
        escape(&section),
    );
    for row in &story.signature {
        let _ = write!(
            out,
            r#"<li data-place="{place}"><span class="story-place">{name}</span>"#,
            place = escape(row.place),
            name = escape(row.name),
        );
        for (id, name) in &row.fields {
            let _ = write!(
                out,
                r#" <button type="button" class="story-field" data-field="{}">{}</button>"#,
                escape(id),
                escape(name),
            );
        }
        let _ = write!(
            out,
            r#" <q class="story-quote" lang="zh-CN">{}</q></li>"#,
            escape(&row.quote.quote)
        );
    }
    let _ = write!(
        out,
        r#"</ul><h2 class="story-title">{}</h2><ul class="story-zones">"#,
        escape(lang.text(Msg::StoryZones)),
    );
    let separator = lang.pick("、", ", ");
    for zone in &story.zones {
        let _ = write!(
            out,
            r#"<li><button type="button" class="story-zone" data-zone="{id}"><span class="swatch zone-{id}" aria-hidden="true"></span><span class="story-name">{name}</span></button> <span class="story-cities">{cities}</span></li>"#,
            id = escape(zone.id),
            name = escape(zone.name),
            cities = escape(&zone.cities.join(separator)),
        );
    }
    out.push_str("</ul>");
    out
}

/// A choice the story panel offers, as the app reads it from the clicked button's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryChoice {
    /// `data-industry`: colour the map by this industry.
    Industry(String),
    /// `data-field`: colour the map by this field (a signature industry).
    Field(String),
    /// `data-zone`: select this zone.
    Zone(String),
}

impl StoryChoice {
    /// The view after the choice, made as the industry picker and the legend make it.
    pub fn apply(&self, bundle: &Bundle, state: &ViewState) -> ViewState {
        match self {
            StoryChoice::Industry(id) => state.with_industry(Some(id.clone())),
            StoryChoice::Field(id) => state.with_field(bundle, id),
            StoryChoice::Zone(id) => state.with_zone(Some(id.clone())),
        }
    }

    /// Where focus lands once the story panel has given way to what was chosen: the industry
    /// panel's heading, or the zone's button in the legend.
    pub fn landing(&self) -> Landing {
        match self {
            StoryChoice::Industry(_) | StoryChoice::Field(_) => Landing {
                selector: ".panel .industry-name".to_string(),
                heading: true,
            },
            StoryChoice::Zone(zone) => Landing {
                selector: format!(r#".legend-zone[data-zone="{zone}"]"#),
                heading: false,
            },
        }
    }
}
