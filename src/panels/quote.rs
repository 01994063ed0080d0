//! A quotation from the plan: its words, its section, and a button that opens the plan reading
//! view at it, with the words marked there.

use atlas_core::{Msg, Quote};
use leptos::html::Button;
use leptos::prelude::*;

use super::bilingual::{message, section};
use crate::state::context::use_atlas;

/// The plan's words with their section and a "show in plan" button; the labels and the section's
/// numbering follow the interface language in place. After Back from the plan view, the button
/// that opened it takes the keyboard focus again.
#[component]
pub fn PlanQuote(quote: Quote) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let section = section(language, &quote.section);
    let text = quote.quote.clone();
    let button = NodeRef::<Button>::new();
    let plan_return = atlas.plan_return;
    let own = quote.clone();
    Effect::new(move |_| {
        let Some(element) = button.get() else { return };
        if plan_return.with_untracked(|q| q.as_ref() == Some(&own)) {
            plan_return.set(None);
            request_animation_frame(move || {
                let _ = element.focus();
            });
        }
    });
    view! {
        <figure class="plan-quote">
            <blockquote lang="zh-CN">{text}</blockquote>
            <figcaption>
                <span>{message(language, Msg::Section)} " §" <span class="section">{section}</span></span>
                <button
                    type="button"
                    class="show-in-plan"
                    node_ref=button
                    on:click=move |_| atlas.show_in_plan(quote.clone())
                >
                    {message(language, Msg::ShowInPlan)}
                </button>
            </figcaption>
        </figure>
    }
}
