//! A quotation from the plan: its words, its section, and a button that opens the plan text
//! scrolled to it.

use atlas_core::{Msg, Quote};
use leptos::prelude::*;

use crate::context::use_atlas;

/// The plan's words with their section and a "show in plan" button.
#[component]
pub fn PlanQuote(quote: Quote) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang();
    let section = lang.section(&quote.section);
    let text = quote.quote.clone();
    let plan_quote = atlas.plan_quote;
    view! {
        <figure class="plan-quote">
            <blockquote lang="zh-CN">{text}</blockquote>
            <figcaption>
                <span>{lang.text(Msg::Section)} " §" <span class="section">{section}</span></span>
                <button
                    type="button"
                    class="show-in-plan"
                    on:click=move |_| plan_quote.set(Some(quote.clone()))
                >
                    {lang.text(Msg::ShowInPlan)}
                </button>
            </figcaption>
        </figure>
    }
}
