//! A text that mixes Chinese and English (a bilingual credit line, key names in a Chinese help
//! line), each run that is not in the interface language marked with its own `lang`, so that a
//! screen reader reads it with the right voice.

use atlas_core::view::announce::language_runs;
use leptos::prelude::*;

use crate::state::context::use_atlas;

/// The text, cut into language runs by `atlas_core::view::announce::language_runs`.
#[component]
pub fn MixedText(#[prop(into)] text: String) -> impl IntoView {
    let language = use_atlas().language;
    move || {
        let lang = language.get();
        language_runs(&text, lang)
            .into_iter()
            .map(|(run_lang, run)| {
                let run = run.to_string();
                if run_lang == lang {
                    run.into_any()
                } else {
                    view! { <span lang=run_lang.code()>{run}</span> }.into_any()
                }
            })
            .collect_view()
    }
}
