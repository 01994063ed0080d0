//! A city's or county-level place's panel: names, zone or parent city, area, and every role the
//! plan gives it, each with its quote.

use atlas_core::Msg;
use atlas_core::format::thousands;
use leptos::prelude::*;

use super::bilingual::{bases, both_names, english_gloss, in_language, message, role_name};
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
    let roles = bundle.roles_of_place(&adcode);
    let role_items = if roles.is_empty() {
        view! { <p class="no-roles">{message(language, Msg::NoRoles)}</p> }.into_any()
    } else {
        roles
            .into_iter()
            .map(|fact| {
                let field = bundle.field(&fact.field);
                let industry = bundle.industry(&fact.industry);
                let (field_zh, field_en) = field.map_or(("", ""), |f| (f.name_zh.as_str(), f.name_en.as_str()));
                let (industry_zh, industry_en) =
                    industry.map_or(("", ""), |i| (i.name_zh.as_str(), i.name_en.as_str()));
                // The industry is named beside a field that is not the whole industry.
                let industry_name = ((field_zh, field_en) != (industry_zh, industry_en)).then(|| {
                    let (zh, en) = (format!("（{industry_zh}）"), format!(" ({industry_en})"));
                    view! { <span class="industry-name">{in_language(language, &zh, &en)}</span> }
                });
                let field_id = fact.field.clone();
                let b = bundle.clone();
                view! {
                    <li class="role-item" data-field=fact.field.clone() data-role=fact.role.as_str()>
                        <p class="role-head">
                            <span class=format!("badge role-{}", fact.role.as_str())>{role_name(language, fact.role)}</span>
                            <button
                                type="button"
                                class="link field-name"
                                on:click=move |_| state.set(state.with_untracked(|s| s.with_field(&b, &field_id)))
                            >
                                {in_language(language, field_zh, field_en)}
                            </button>
                            {industry_name}
                        </p>
                        <PlanQuote quote=fact.quote.clone() />
                    </li>
                }
            })
            .collect_view()
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
                <ul class="roles">{role_items}</ul>
                <h3>{message(language, Msg::NamedInPlan)}</h3>
                <PlanQuote quote=mention />
                {bases(language, bundle.bases_in(&adcode))}
            </section>
        }
        .into_any(),
    )
}
