//! The roles the plan gives a place, as city and county panels list them: each role's badge, its
//! field (a button colouring the map by it), the industry when the field is narrower, and the
//! plan's words with their section.

use atlas_core::{Msg, RoleFact};
use leptos::prelude::*;

use super::PlanQuote;
use super::bilingual::{in_language, message, role_name};
use crate::context::use_atlas;

/// The list of `facts`, or a line saying the plan gives none.
pub fn role_list(facts: Vec<&RoleFact>) -> AnyView {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    if facts.is_empty() {
        return view! { <p class="no-roles">{message(language, Msg::NoRoles)}</p> }.into_any();
    }
    let items = facts
        .into_iter()
        .map(|fact| {
            let field = bundle.field(&fact.field);
            let industry = bundle.industry(&fact.industry);
            let (field_zh, field_en) =
                field.map_or(("", ""), |f| (f.name_zh.as_str(), f.name_en.as_str()));
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
        .collect_view();
    view! { <ul class="roles">{items}</ul> }.into_any()
}
