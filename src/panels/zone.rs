//! A zone's panel: its direction in the plan's words and its member cities.

use atlas_core::format::thousands;
use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use super::{PlaceLink, PlanQuote};
use crate::context::use_atlas;

/// The panel of a zone.
#[component]
pub fn ZonePanel(id: String) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang();
    let bundle = atlas.bundle.clone();
    bundle.zone(&id).cloned().map(|zone| {
        let members = zone
            .cities
            .iter()
            .map(|adcode| view! { <li><PlaceLink adcode=adcode.clone() /></li> })
            .collect_view();
        view! {
            <section class="zone-details" data-zone=zone.id.clone()>
                <h2 class="city-name">
                    <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                    {lang.pick(&zone.name_zh, &zone.name_en).to_string()} " "
                    <span class="name-en" lang=lang.other().code()>{lang.other().pick(&zone.name_zh, &zone.name_en).to_string()}</span>
                </h2>
                <dl class="facts">
                    <dt>{lang.text(Msg::Area)}</dt>
                    <dd>{format!("{} km²", thousands(zone.area_km2))}</dd>
                </dl>
                <h3>{lang.text(Msg::ZoneDirection)}</h3>
                <PlanQuote quote=zone.direction.clone() />
                {(lang == Lang::En).then(|| view! { <p class="gloss" lang="en">{zone.direction_gloss_en.clone()}</p> })}
                <h3>{lang.text(Msg::MemberCities)}</h3>
                <ul class="members">{members}</ul>
            </section>
        }
    })
}
