//! A quotation from the plan: its words, its section, and a button that opens the plan text
//! scrolled to it.

use atlas_core::{Msg, Quote};
use leptos::prelude::*;

use super::bilingual::{message, section};
use crate::context::use_atlas;

/// The plan's words with their section and a "show in plan" button; the labels and the section's
/// numbering follow the interface language in place.
#[component]
pub fn PlanQuote(quote: Quote) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let section = section(language, &quote.section);
    let text = quote.quote.clone();
    let plan_quote = atlas.plan_quote;
    view! {
        <figure class="plan-quote">
            <blockquote lang="zh-CN">{text}</blockquote>
            <figcaption>
                <span>{message(language, Msg::Section)} " §" <span class="section">{section}</span></span>
                <button
                    type="button"
                    class="show-in-plan"
                    on:click=move |_| plan_quote.set(Some(quote.clone()))
                >
                    {message(language, Msg::ShowInPlan)}
                </button>
            </figcaption>
        </figure>
    }
}
