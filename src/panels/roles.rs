//! The roles the plan gives a place, as city and county panels list them: each role's badge, its
//! field (a button colouring the map by it), the industry when the field is narrower, and the
//! plan's words with their section — one item per sentence of the plan, so that roles given in
//! one sentence (南京's 软件 and 智能电网) quote it once.

use atlas_core::view::panel_order::{RoleGroup, group_by_sentence};
use atlas_core::{Msg, Quote, RoleFact};
use leptos::prelude::*;

use super::PlanQuote;
use super::bilingual::{in_language, message, role_name, section};
use crate::state::context::use_atlas;

/// How a list shows its roles.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Every role with its field and the plan's words.
    Full,
    /// The panel's answer under a heading naming the topic: the field is named only where it
    /// is narrower than its industry; the plan's words follow.
    Answer,
    /// One line per role, the plan's words folded under a summary citing the section.
    Compact,
}

/// The list of `facts` in full, or a line saying the plan gives none.
pub fn role_list(facts: Vec<&RoleFact>) -> AnyView {
    let language = use_atlas().language;
    if facts.is_empty() {
        return view! { <p class="no-roles">{message(language, Msg::NoRoles)}</p> }.into_any();
    }
    role_groups(group_by_sentence(facts), Style::Full, "roles", &[])
}

/// The groups of roles as a list with the class `class`, in `style`; a compact group whose
/// sentence is one of `above` (already quoted by the panel's answer) cites it by section only.
pub fn role_groups(
    groups: Vec<RoleGroup>,
    style: Style,
    class: &'static str,
    above: &[Quote],
) -> AnyView {
    let language = use_atlas().language;
    let items = groups
        .into_iter()
        .map(|group| {
            let first = group.facts[0];
            let heads = group
                .facts
                .iter()
                .map(|fact| role_head(fact, style))
                .collect_view();
            let quote = group.quote.clone();
            let words = if style == Style::Compact && above.contains(&quote) {
                let cited = section(language, &quote.section);
                view! {
                    <p class="quoted-above">"§" {cited} " · " {message(language, Msg::QuotedAbove)}</p>
                }
                .into_any()
            } else if style == Style::Compact {
                let cited = section(language, &quote.section);
                view! {
                    <details class="role-words">
                        <summary>{message(language, Msg::PlanWords)} " §" {cited}</summary>
                        <PlanQuote quote />
                    </details>
                }
                .into_any()
            } else {
                view! { <PlanQuote quote /> }.into_any()
            };
            view! {
                <li class="role-item" class:compact=style == Style::Compact data-field=first.field.clone() data-role=first.role.as_str()>
                    {heads}
                    {words}
                </li>
            }
        })
        .collect_view();
    view! { <ul class=class>{items}</ul> }.into_any()
}

/// One role's line: its badge, its field (a button colouring the map by it) and the industry
/// when the field is narrower.
fn role_head(fact: &RoleFact, style: Style) -> impl IntoView + use<> {
    let atlas = use_atlas();
    let language = atlas.language;
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let field = bundle.field(&fact.field);
    let industry = bundle.industry(&fact.industry);
    let (field_zh, field_en) = field.map_or(("", ""), |f| (f.name_zh.as_str(), f.name_en.as_str()));
    let (industry_zh, industry_en) =
        industry.map_or(("", ""), |i| (i.name_zh.as_str(), i.name_en.as_str()));
    let narrower = (field_zh, field_en) != (industry_zh, industry_en);
    // The industry is named beside a field that is not the whole industry; in the answer the
    // heading already names the topic, so only a narrower field is added.
    let industry_name = (narrower && style != Style::Answer).then(|| {
        let (zh, en) = (format!("（{industry_zh}）"), format!(" ({industry_en})"));
        view! { <span class="industry-name">{in_language(language, &zh, &en)}</span> }
    });
    let field_button = (style != Style::Answer || narrower).then(|| {
        let field_id = fact.field.clone();
        let b = bundle.clone();
        view! {
            <button
                type="button"
                class="link field-name"
                on:click=move |_| state.set(state.with_untracked(|s| s.with_field(&b, &field_id)))
            >
                {in_language(language, field_zh, field_en)}
            </button>
        }
    });
    view! {
        <p class="role-head" data-field=fact.field.clone() data-role=fact.role.as_str()>
            <span class=format!("badge role-{}", fact.role.as_str())>{role_name(language, fact.role)}</span>
            {field_button}
            {industry_name}
        </p>
    }
}
