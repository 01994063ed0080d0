//! An industry's panel: what the plan says it is to develop, its numbered sub-areas, and where it
//! is laid out (each statement with its role, places and quote). A statement the place panel above
//! already quotes as its answer is cited by section there instead of quoted again.

use atlas_core::model::layout::Topic;
use atlas_core::{Msg, Quote};
use leptos::prelude::*;

use super::bilingual::{
    bases, both_names, english_gloss, in_language, message, role_name, section,
};
use super::{PlaceLink, PlanQuote};
use crate::state::context::use_atlas;

/// The panel of an industry, narrowed to one field when one is chosen; `quoted_above` are the
/// sentences the place panel above shows in full.
#[component]
pub fn IndustryPanel(
    id: String,
    field: Option<String>,
    quoted_above: Memo<Vec<Quote>>,
) -> impl IntoView {
    industry_panel(id, field, quoted_above)
}

fn industry_panel(
    id: String,
    field: Option<String>,
    quoted_above: Memo<Vec<Quote>>,
) -> Option<AnyView> {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let industry = bundle.industry(&id)?.clone();
    let topic = Topic::chosen(Some(&id), field.as_deref())?;
    let statements = bundle.statements_in(topic);
    let layout = if statements.is_empty() {
        view! { <p class="no-roles">{message(language, Msg::NotLaidOut)}</p> }.into_any()
    } else {
        statements
            .into_iter()
            .map(|statement| {
                let fact = statement.fact;
                let field_name = bundle
                    .field(&fact.field)
                    .map(|f| in_language(language, &f.name_zh, &f.name_en));
                let place_buttons = statement
                    .places
                    .into_iter()
                    .map(|adcode| view! { <PlaceLink adcode=adcode.to_string() class="place-chip" /> })
                    .collect_view();
                let own = fact.quote.clone();
                let quoted_before = statement.quoted_before;
                let above = move || {
                    (quoted_before || quoted_above.with(|q| q.contains(&own))).then_some("true")
                };
                view! {
                    <li class="statement" data-field=fact.field.clone() data-role=fact.role.as_str() data-quoted-above=above>
                        <p class="role-head">
                            <span class=format!("badge role-{}", fact.role.as_str())>{role_name(language, fact.role)}</span>
                            <span class="field-name">{field_name}</span>
                        </p>
                        <p class="places">{place_buttons}</p>
                        <p class="quoted-above">
                            "§" {section(language, &fact.quote.section)} " · " {message(language, Msg::QuotedAbove)}
                        </p>
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
            let name = in_language(
                language,
                &format!("{}. {}", sub.number, sub.name_zh),
                &format!("{}. {}", sub.number, sub.name_en),
            );
            view! {
                <li>
                    <details>
                        <summary>{name}</summary>
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
                {both_names(language, &industry.name_zh, &industry.name_en)}
                <button type="button" class="close" aria-label=message(language, Msg::Close) on:click=clear>"×"</button>
            </h2>
            <PlanQuote quote=industry.summary.clone() />
            {english_gloss(language, &industry.gloss_en)}
            <h3>{message(language, Msg::WhereLaidOut)}</h3>
            <ul class="statements">{layout}</ul>
            {bases(language, bundle.bases_for(Some(&industry.id)))}
            <h3>{message(language, Msg::Subareas)}</h3>
            <ol class="subareas">{subareas}</ol>
        </section>
    }
    .into_any())
}
