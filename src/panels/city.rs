//! A city's or county-level place's panel. It leads with the answer for the map's topic — the
//! place's role in the chosen industry or field, in the plan's words with their section — then
//! lists its other roles compactly; a city's drill-down and brief buttons follow, and its context
//! (zone, area, code, the zone's direction) is folded below. With no industry chosen it lists
//! every role in full. Each sentence of the plan is quoted once (atlas_core::view::panel_order).

use atlas_core::model::format::thousands;
use atlas_core::model::layout::Topic;
use atlas_core::view::panel_order::{answer_heading, place_lead};
use atlas_core::{Bundle, Msg};
use leptos::prelude::*;
use std::sync::Arc;

use super::bilingual::{bases, both_names, english_gloss, in_language, message};
use super::roles::{Style, role_groups};
use super::{PlaceLink, PlanQuote};
use crate::state::context::use_atlas;

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
    let mention = match bundle.city(&adcode) {
        Some(c) => c.mention.clone(),
        None => bundle.place(&adcode)?.mention.clone(),
    };
    let topic = Memo::new(move |_| state.with(|s| (s.industry.clone(), s.field.clone())));
    let roles = {
        let (bundle, adcode, zh, en) = (bundle.clone(), adcode.clone(), zh.clone(), en.clone());
        move || {
            let (industry, field) = topic.get();
            roles_part(&bundle, &adcode, (&zh, &en), &mention, industry, field)
        }
    };
    let (parent_line, actions, context) = if let Some(city) = bundle.city(&adcode) {
        let zone = bundle.zone_of(city)?.clone();
        let zone_id = zone.id.clone();
        let drilled = Memo::new(move |_| state.with(|s| s.drill));
        let on_drill = atlas.clone();
        let drill_down = move |_| {
            on_drill.want_counties();
            on_drill.update(|s| s.drilled(true));
        };
        let brief_city = city.adcode.clone();
        let actions = view! {
            <p class="place-actions">
                <Show when=move || !drilled.get()>
                    <button type="button" class="drill-down" on:click=drill_down.clone()>
                        {message(language, Msg::DrillDown)}
                    </button>
                </Show>
                <button
                    type="button"
                    class="open-brief"
                    on:click=move |_| {
                        state.set(state.with_untracked(|s| s.brief_of(brief_city.clone())));
                    }
                >
                    {message(language, Msg::CityBrief)}
                </button>
            </p>
        };
        let context = view! {
            <details class="place-context">
                <summary>{message(language, Msg::PlaceContext)}</summary>
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
                    <dd class="city-area">{format!("{}\u{a0}km²", thousands(city.area_km2))}</dd>
                    <dt>{message(language, Msg::Code)}</dt>
                    <dd>{city.adcode.clone()}</dd>
                </dl>
                <h3>{message(language, Msg::ZoneDirection)}</h3>
                <PlanQuote quote=zone.direction.clone() />
                {english_gloss(language, &zone.direction_gloss_en)}
            </details>
        };
        (None, Some(actions), Some(context))
    } else {
        let parent = bundle.place(&adcode)?.city.clone();
        let line = view! {
            <p class="city-zone">
                {message(language, Msg::CountyLevel)} " · " <PlaceLink adcode=parent />
            </p>
        };
        (Some(line), None, None)
    };
    Some(
        view! {
            <section class="city-details" data-adcode=adcode.clone()>
                <h2 class="city-name">{both_names(language, &zh, &en)}</h2>
                {parent_line}
                {roles}
                {actions}
                {bases(language, bundle.bases_in(&adcode))}
                {context}
            </section>
        }
        .into_any(),
    )
}

/// The roles part of the panel for the chosen industry and field: the answer and the other
/// roles, or every role when neither is chosen; then the plan's mention of the place where no
/// role's sentence holds it.
fn roles_part(
    bundle: &Arc<Bundle>,
    adcode: &str,
    (place_zh, place_en): (&str, &str),
    mention: &atlas_core::Quote,
    industry: Option<String>,
    field: Option<String>,
) -> AnyView {
    let language = use_atlas().language;
    let topic = Topic::chosen(industry.as_deref(), field.as_deref());
    let lead = place_lead(bundle.roles_of_place(adcode), Some(mention), topic);
    let topic_name = match topic {
        Some(Topic::Field(id)) => bundle.field(id).map(|f| (&f.name_zh, &f.name_en)),
        Some(Topic::Industry(id)) => bundle.industry(id).map(|i| (&i.name_zh, &i.name_en)),
        _ => None,
    };
    let mention = lead.mention.cloned().map(|quote| {
        view! {
            <h3>{message(language, Msg::NamedInPlan)}</h3>
            <PlanQuote quote />
        }
    });
    let listed = match topic_name {
        Some((topic_zh, topic_en)) => {
            let (heading_zh, heading_en) = answer_heading(place_zh, place_en, topic_zh, topic_en);
            let above = lead.quoted_above();
            let answer = if lead.answer.is_empty() {
                view! { <p class="no-roles no-role-in-topic">{message(language, Msg::NoRoleInTopic)}</p> }
                    .into_any()
            } else {
                role_groups(lead.answer, Style::Answer, "roles answer-roles", &[])
            };
            let others = (!lead.others.is_empty()).then(|| {
                view! {
                    <h3>{message(language, Msg::OtherRoles)}</h3>
                    {role_groups(lead.others, Style::Compact, "roles other-roles", &above)}
                }
            });
            view! {
                <div class="answer">
                    <h3 class="answer-head">{in_language(language, &heading_zh, &heading_en)}</h3>
                    {answer}
                </div>
                {others}
            }
            .into_any()
        }
        None if lead.others.is_empty() => {
            view! { <p class="no-roles">{message(language, Msg::NoRoles)}</p> }.into_any()
        }
        None => view! {
            <h3>{message(language, Msg::RolesInPlan)}</h3>
            {role_groups(lead.others, Style::Full, "roles", &[])}
        }
        .into_any(),
    };
    view! { {listed} {mention} }.into_any()
}
