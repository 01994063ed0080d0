//! A zone's panel: its direction in the plan's words and its member cities.

use atlas_core::Msg;
use atlas_core::model::format::thousands;
use leptos::prelude::*;

use super::bilingual::{both_names, english_gloss, message};
use super::{PlaceLink, PlanQuote};
use crate::state::context::use_atlas;

/// The panel of a zone.
#[component]
pub fn ZonePanel(id: String) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    atlas.bundle.zone(&id).cloned().map(|zone| {
        let members = zone
            .cities
            .iter()
            .map(|adcode| view! { <li><PlaceLink adcode=adcode.clone() /></li> })
            .collect_view();
        view! {
            <section class="zone-details" data-zone=zone.id.clone()>
                <h2 class="city-name">
                    <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                    {both_names(language, &zone.name_zh, &zone.name_en)}
                </h2>
                <dl class="facts">
                    <dt>{message(language, Msg::Area)}</dt>
                    <dd>{format!("{}\u{a0}km²", thousands(zone.area_km2))}</dd>
                </dl>
                <h3>{message(language, Msg::ZoneDirection)}</h3>
                <PlanQuote quote=zone.direction.clone() />
                {english_gloss(language, &zone.direction_gloss_en)}
                <h3>{message(language, Msg::MemberCities)}</h3>
                <ul class="members">{members}</ul>
            </section>
        }
    })
}
