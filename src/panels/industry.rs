//! An industry's panel: what the plan says it is to develop, its numbered sub-areas, and where it
//! is laid out (each statement with its role, places and quote).

use atlas_core::layout::Topic;
use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use super::{PlaceLink, PlanQuote};
use crate::bases::base_list;
use crate::context::use_atlas;

/// The panel of an industry, narrowed to one field when one is chosen.
#[component]
pub fn IndustryPanel(id: String, field: Option<String>) -> impl IntoView {
    industry_panel(id, field)
}

fn industry_panel(id: String, field: Option<String>) -> Option<AnyView> {
    let atlas = use_atlas();
    let lang = atlas.lang();
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let industry = bundle.industry(&id)?.clone();
    let topic = Topic::chosen(Some(&id), field.as_deref())?;
    let statements = bundle.statements_in(topic);
    let layout = if statements.is_empty() {
        view! { <p class="no-roles">{lang.text(Msg::NotLaidOut)}</p> }.into_any()
    } else {
        statements
            .into_iter()
            .map(|statement| {
                let fact = statement.fact;
                let field_name = bundle
                    .field(&fact.field)
                    .map_or(String::new(), |f| lang.pick(&f.name_zh, &f.name_en).to_string());
                let place_buttons = statement
                    .places
                    .into_iter()
                    .map(|adcode| view! { <PlaceLink adcode=adcode.to_string() class="place-chip" /> })
                    .collect_view();
                view! {
                    <li class="statement" data-field=fact.field.clone() data-role=fact.role.as_str()>
                        <p class="role-head">
                            <span class=format!("badge role-{}", fact.role.as_str())>{lang.role(fact.role)}</span>
                            <span class="field-name">{field_name}</span>
                        </p>
                        <p class="places">{place_buttons}</p>
                        <PlanQuote quote=fact.quote.clone() />
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let subareas = industry
        .subareas
        .iter()
        .map(|sub| {
            view! {
                <li>
                    <details>
                        <summary>{format!("{}. {}", sub.number, lang.pick(&sub.name_zh, &sub.name_en))}</summary>
                        <PlanQuote quote=sub.quote.clone() />
                    </details>
                </li>
            }
        })
        .collect_view();
    let clear = move |_| state.set(state.with_untracked(|s| s.with_industry(None)));
    Some(view! {
        <section class="industry-details" data-industry=industry.id.clone()>
            <h2 class="industry-name">
                {lang.pick(&industry.name_zh, &industry.name_en).to_string()} " "
                <span class="name-en" lang=lang.other().code()>{lang.other().pick(&industry.name_zh, &industry.name_en).to_string()}</span>
                <button type="button" class="close" aria-label=lang.text(Msg::Close) on:click=clear>"×"</button>
            </h2>
            <PlanQuote quote=industry.summary.clone() />
            {(lang == Lang::En).then(|| view! { <p class="gloss" lang="en">{industry.gloss_en.clone()}</p> })}
            <h3>{lang.text(Msg::WhereLaidOut)}</h3>
            <ul class="statements">{layout}</ul>
            {base_list(bundle.bases_for(Some(&industry.id)), lang)}
            <h3>{lang.text(Msg::Subareas)}</h3>
            <ol class="subareas">{subareas}</ol>
        </section>
    }
    .into_any())
}
