//! A county's panel: its names, kind and city (a link back to the city's own panel, staying
//! drilled down) in one line, then what the plan says of it where it names it (昆山, 宜兴), the
//! bases it hosts, the city's roles as context, and its area and code last.

use std::sync::Arc;

use atlas_core::model::county_facts::county_facts;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::model::format::thousands;
use atlas_core::{Lang, Msg};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::PlanQuote;
use super::bilingual::{bases, both_names, in_language, message};
use super::roles::role_list;
use crate::state::chunk::{ChunkBuild, ChunkFailed, Split};
use crate::state::context::use_atlas;

/// The panel of one county of the loaded county layer.
#[component]
pub fn CountyPanel(adcode: String, layer: Arc<CountyLayer>) -> impl IntoView {
    county_panel(&adcode, &layer)
}

fn county_panel(adcode: &str, layer: &CountyLayer) -> Option<AnyView> {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let facts = county_facts(&bundle, layer, adcode)?;
    let county = facts.county;
    let city = facts.city;
    let kind = in_language(
        language,
        county.kind.name(Lang::Zh),
        county.kind.name(Lang::En),
    );
    let own_words = match facts.mention {
        Some(mention) => {
            // Where the plan names the county only in a role's own sentence, that sentence is
            // shown once, with the role.
            let apart = facts.roles.iter().all(|r| r.quote != *mention).then(|| {
                view! {
                    <h3>{message(language, Msg::NamedInPlan)}</h3>
                    <PlanQuote quote=mention.clone() />
                }
            });
            view! {
                <h3>{message(language, Msg::RolesInPlan)}</h3>
                {role_list(facts.roles)}
                {apart}
            }
            .into_any()
        }
        None => view! { <p class="no-roles county-not-named">{message(language, Msg::CountyNotNamed)}</p> }
            .into_any(),
    };
    let n = facts.city_roles.len();
    let context_summary = in_language(
        language,
        &format!("{}的角色（{n} 项）", city.name_zh),
        &format!("{}'s roles ({n})", city.name_en),
    );
    Some(
        view! {
            <section class="county-details" data-adcode=county.adcode.clone() data-kind=format!("{:?}", county.kind).to_ascii_lowercase()>
                <h2 class="city-name">{both_names(language, &county.name_zh, &county.name_en)}</h2>
                <p class="city-zone">
                    <span class="county-kind">{kind}</span>
                    " · "
                    <button
                        type="button"
                        class="link city-link"
                        data-adcode=city.adcode.clone()
                        on:click=move |_| state.set(state.with_untracked(|s| s.with_county(None)))
                    >
                        {in_language(language, &city.name_zh, &city.name_en)}
                    </button>
                </p>
                {own_words}
                {bases(language, facts.bases)}
                <h3>{message(language, Msg::CityRolesContext)}</h3>
                <details class="city-roles">
                    <summary>{context_summary}</summary>
                    {role_list(facts.city_roles)}
                </details>
                <dl class="facts county-facts">
                    <dt>{message(language, Msg::Area)}</dt>
                    <dd class="county-area">{format!("{}\u{a0}km²", thousands(county.area_km2))}</dd>
                    <dt>{message(language, Msg::Code)}</dt>
                    <dd class="county-code">{county.adcode.clone()}</dd>
                </dl>
            </section>
        }
        .into_any(),
    )
}

/// A county's panel, from the wasm chunk `drill` (with the drilled map): shown once the chunk has
/// arrived, or its error panel.
pub fn county_split(adcode: String, layer: Arc<CountyLayer>) -> impl IntoView {
    let split = Arc::new(move || -> ChunkBuild {
        Box::pin(county_chunk(adcode.clone(), Arc::clone(&layer)))
    });
    view! { <Split chunk="drill" split /> }
}

/// The split point: its body, the panel built type-erased, is in the `drill` chunk.
#[wasm_split(drill, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn county_chunk(adcode: String, layer: Arc<CountyLayer>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <CountyPanel adcode layer /> }.into_any())
}
