//! The side panel: the selected city, place or zone on top, the chosen industry's layout below,
//! and a hint when nothing is chosen. It is not a live region (it would read every quote); the
//! page's live region announces one line per change instead.

mod city;
mod industry;
mod mixed_text;
mod place_link;
mod quote;
mod zone;

use atlas_core::Msg;
use leptos::prelude::*;

pub use mixed_text::MixedText;
pub use place_link::PlaceLink;
pub use quote::PlanQuote;

use crate::context::use_atlas;

/// The panel beside the map or table.
#[component]
pub fn SidePanel() -> impl IntoView {
    let atlas = use_atlas();
    view! {
        <aside class="panel">
            {move || {
                let state = atlas.state.get();
                let lang = state.lang;
                let top = match (&state.city, &state.zone) {
                    (Some(adcode), _) => Some(view! { <city::PlacePanel adcode=adcode.clone() /> }.into_any()),
                    (None, Some(zone)) => Some(view! { <zone::ZonePanel id=zone.clone() /> }.into_any()),
                    (None, None) => None,
                };
                let industry = state.industry.clone().map(|id| {
                    view! { <industry::IndustryPanel id field=state.field.clone() /> }
                });
                let hint = (top.is_none() && industry.is_none())
                    .then(|| view! { <p class="panel-hint">{lang.text(Msg::PanelHint)}</p> });
                view! { {hint} {top} {industry} }
            }}
        </aside>
    }
}
