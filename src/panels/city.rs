//! A city's or county-level place's panel: names, zone or parent city, area, and every role the
//! plan gives it, each with its quote; a city's panel offers to drill down into its counties.

use atlas_core::Msg;
use atlas_core::format::thousands;
use atlas_core::url_state::View;
use leptos::prelude::*;

use super::bilingual::{bases, both_names, english_gloss, in_language, message};
use super::roles::role_list;
use super::{PlaceLink, PlanQuote};
use crate::context::use_atlas;

/// The panel of a city or county-level place.
#[component]
pub fn PlacePanel(adcode: String) -> impl IntoView {
    place_panel(adcode)
}

fn place_panel(adcode: String) -> Option<AnyView> {
    let atlas = use_atlas();
    let language = atlas.language;
    let bundle = atlas.bundle.clone();
    let state = atlas.state;
    let name = bundle.place_name(&adcode)?;
    let (zh, en) = (name.zh.to_string(), name.en.to_string());
    let context = if let Some(city) = bundle.city(&adcode) {
        let zone = bundle.zone_of(city)?.clone();
        let zone_id = zone.id.clone();
        let drilled = Memo::new(move |_| state.with(|s| s.drill));
        let on_drill = atlas.clone();
        let drill_down = move |_| {
            on_drill.want_counties();
            on_drill.update(|s| s.drilled(true));
        };
        view! {
            <p class="city-zone">
                <button
                    type="button"
                    class="link"
                    on:click=move |_| state.set(state.with_untracked(|s| s.with_zone(Some(zone_id.clone()))))
                >
                    <span class=format!("swatch zone-{}", zone.id) aria-hidden="true"></span>
                    {in_language(language, &zone.name_zh, &zone.name_en)}
                </button>
            </p>
            <Show when=move || !drilled.get()>
                <p class="drill">
                    <button type="button" class="drill-down" on:click=drill_down.clone()>
                        {message(language, Msg::DrillDown)}
                    </button>
                </p>
            </Show>
            <p class="brief-link">
                <button
                    type="button"
                    class="open-brief"
                    on:click={
                        let adcode = city.adcode.clone();
                        move |_| {
                            let mut next = state.with_untracked(|s| s.with_city(Some(adcode.clone())));
                            next.view = View::Briefs;
                            state.set(next);
                        }
                    }
                >
                    {message(language, Msg::CityBrief)}
                </button>
            </p>
            <dl class="facts">
                <dt>{message(language, Msg::Area)}</dt>
                <dd class="city-area">{format!("{} km²", thousands(city.area_km2))}</dd>
                <dt>{message(language, Msg::Code)}</dt>
                <dd>{city.adcode.clone()}</dd>
            </dl>
            <h3>{message(language, Msg::ZoneDirection)}</h3>
            <PlanQuote quote=zone.direction.clone() />
            {english_gloss(language, &zone.direction_gloss_en)}
        }
        .into_any()
    } else {
        let parent = bundle.place(&adcode)?.city.clone();
        view! {
            <p class="city-zone">
                {message(language, Msg::CountyLevel)} " · " <PlaceLink adcode=parent />
            </p>
        }
        .into_any()
    };
    let mention = match bundle.city(&adcode) {
        Some(c) => c.mention.clone(),
        None => bundle.place(&adcode)?.mention.clone(),
    };
    Some(
        view! {
            <section class="city-details" data-adcode=adcode.clone()>
                <h2 class="city-name">{both_names(language, &zh, &en)}</h2>
                {context}
                <h3>{message(language, Msg::RolesInPlan)}</h3>
                {role_list(bundle.roles_of_place(&adcode))}
                <h3>{message(language, Msg::NamedInPlan)}</h3>
                <PlanQuote quote=mention />
                {bases(language, bundle.bases_in(&adcode))}
            </section>
        }
        .into_any(),
    )
}
