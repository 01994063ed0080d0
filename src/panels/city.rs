//! A city's or county-level place's panel: names, zone or parent city, area, and every role the
//! plan gives it, each with its quote.

use atlas_core::format::thousands;
use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use super::{PlaceLink, PlanQuote};
use crate::bases::base_list;
use crate::context::use_atlas;

/// The panel of a city or county-level place.
#[component]
pub fn PlacePanel(adcode: String) -> impl IntoView {
    place_panel(adcode)
}

fn place_panel(adcode: String) -> Option<AnyView> {
    let atlas = use_atlas();
    let lang = atlas.lang();
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
                    {lang.pick(&zone.name_zh, &zone.name_en).to_string()}
                </button>
            </p>
            <dl class="facts">
                <dt>{lang.text(Msg::Area)}</dt>
                <dd class="city-area">{format!("{} km²", thousands(city.area_km2))}</dd>
                <dt>{lang.text(Msg::Code)}</dt>
                <dd>{city.adcode.clone()}</dd>
            </dl>
            <h3>{lang.text(Msg::ZoneDirection)}</h3>
            <PlanQuote quote=zone.direction.clone() />
            {(lang == Lang::En).then(|| view! { <p class="gloss" lang="en">{zone.direction_gloss_en.clone()}</p> })}
        }
        .into_any()
    } else {
        let parent = bundle.place(&adcode)?.city.clone();
        view! {
            <p class="city-zone">
                {lang.text(Msg::CountyLevel)} " · " <PlaceLink adcode=parent />
            </p>
        }
        .into_any()
    };
    let roles = bundle.roles_of_place(&adcode);
    let role_items = if roles.is_empty() {
        view! { <p class="no-roles">{lang.text(Msg::NoRoles)}</p> }.into_any()
    } else {
        roles
            .into_iter()
            .map(|fact| {
                let field = bundle.field(&fact.field);
                let industry = bundle.industry(&fact.industry);
                let field_name = field.map_or("", |f| lang.pick(&f.name_zh, &f.name_en)).to_string();
                let industry_name = industry.map_or("", |i| lang.pick(&i.name_zh, &i.name_en)).to_string();
                let field_id = fact.field.clone();
                let b = bundle.clone();
                view! {
                    <li class="role-item" data-field=fact.field.clone() data-role=fact.role.as_str()>
                        <p class="role-head">
                            <span class=format!("badge role-{}", fact.role.as_str())>{lang.role(fact.role)}</span>
                            <button
                                type="button"
                                class="link field-name"
                                on:click=move |_| state.set(state.with_untracked(|s| s.with_field(&b, &field_id)))
                            >
                                {field_name.clone()}
                            </button>
                            {(field_name != industry_name).then(|| view! { <span class="industry-name">{lang.pick("（", " (")}{industry_name.clone()}{lang.pick("）", ")")}</span> })}
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
                <h2 class="city-name">
                    {lang.pick(&zh, &en).to_string()} " "
                    <span class="name-en" lang=lang.other().code()>{lang.other().pick(&zh, &en).to_string()}</span>
                </h2>
                {context}
                <h3>{lang.text(Msg::RolesInPlan)}</h3>
                <ul class="roles">{role_items}</ul>
                <h3>{lang.text(Msg::NamedInPlan)}</h3>
                <PlanQuote quote=mention />
                {base_list(bundle.bases_in(&adcode), lang)}
            </section>
        }
        .into_any(),
    )
}
