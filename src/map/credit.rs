//! The row under every map: the map's warning line (not an approved map, or its approval number,
//! and its coordinate reference), kept prominent, and the About box listing the sources and their
//! licences, drawn as `atlas_core::view::page::credit_row` prerenders it.

use leptos::prelude::*;

use crate::panels::MixedText;
use crate::state::context::use_atlas;
use atlas_core::Msg;

/// The warning line and the About box (a native `<details>`: Tab to it, Enter opens it).
#[component]
pub fn CreditRow() -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let bundle = atlas.bundle.clone();
    let warning = move || bundle.map_warning(language.get());
    let licences = atlas
        .bundle
        .licences()
        .into_iter()
        .map(|line| view! { <li><MixedText text=line.to_string() /></li> })
        .collect_view();
    view! {
        <div class="attribution">
            <p class="map-warning">{warning}</p>
            <details class="about">
                <summary>{move || language.get().text(Msg::About)}</summary>
                <div class="about-box">
                    <h2>{move || language.get().text(Msg::AboutSources)}</h2>
                    <ul>{licences}</ul>
                </div>
            </details>
        </div>
    }
}
