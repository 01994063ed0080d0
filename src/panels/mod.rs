//! The side panel: the selected city, place or zone on top, the chosen industry's layout below,
//! and a hint when nothing is chosen. Each part follows only what it shows (a city click leaves
//! the industry panel's elements as they are, an industry switch the city's), and its texts follow
//! the language in place. It is not a live region (it would read every quote); the page's live
//! region announces one line per change instead.

mod bilingual;
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
    let state = atlas.state;
    let language = atlas.language;
    let city = Memo::new(move |_| state.with(|s| s.city.clone()));
    let zone = Memo::new(move |_| state.with(|s| s.zone.clone()));
    let industry = Memo::new(move |_| state.with(|s| s.industry.clone()));
    let field = Memo::new(move |_| state.with(|s| s.field.clone()));
    let nothing_chosen = Memo::new(move |_| {
        state.with(|s| s.city.is_none() && s.zone.is_none() && s.industry.is_none())
    });
    // The city or county-level place on top, else the zone.
    let top = move || match (city.get(), zone.get()) {
        (Some(adcode), _) => Some(view! { <city::PlacePanel adcode /> }.into_any()),
        (None, Some(id)) => Some(view! { <zone::ZonePanel id /> }.into_any()),
        (None, None) => None,
    };
    let industry_panel = move || {
        industry
            .get()
            .map(|id| view! { <industry::IndustryPanel id field=field.get() /> })
    };
    view! {
        <aside class="panel">
            {move || nothing_chosen.get().then(|| {
                view! { <p class="panel-hint">{bilingual::message(language, Msg::PanelHint)}</p> }
            })}
            {top}
            {industry_panel}
        </aside>
    }
}
