//! A place named in a panel, as a link-styled button that selects it.

use leptos::prelude::*;

use super::bilingual::in_language;
use crate::state::context::use_atlas;

/// A button showing a city's or county-level place's name in the interface language (following
/// a language switch in place); pressing it selects the place. Nothing is shown for an adcode the
/// bundle does not know.
#[component]
pub fn PlaceLink(adcode: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let name = atlas
        .bundle
        .place_name(&adcode)
        .map(|n| in_language(atlas.language, n.zh, n.en))?;
    Some(view! {
        <button
            type="button"
            class=format!("link {class}")
            data-adcode=adcode.clone()
            on:click=move |_| state.set(state.with_untracked(|s| s.with_city(Some(adcode.clone()))))
        >
            {name}
        </button>
    })
}
