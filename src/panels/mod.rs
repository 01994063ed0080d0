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

use leptos::prelude::*;

pub use mixed_text::MixedText;
pub use place_link::PlaceLink;
pub use quote::PlanQuote;

use crate::context::use_atlas;

/// What the top of the panel shows: the selected city or county-level place, else the zone.
#[derive(Clone, PartialEq)]
enum Top {
    Place(String),
    Zone(String),
}

/// The panel beside the map or table.
#[component]
pub fn SidePanel() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let language = atlas.language;
    let top = Memo::new(move |_| {
        state.with(|s| match (&s.city, &s.zone) {
            (Some(adcode), _) => Some(Top::Place(adcode.clone())),
            (None, Some(zone)) => Some(Top::Zone(zone.clone())),
            (None, None) => None,
        })
    });
    let topic =
        Memo::new(move |_| state.with(|s| s.industry.clone().map(|id| (id, s.field.clone()))));
    let nothing_chosen =
        Memo::new(move |_| top.with(Option::is_none) && topic.with(Option::is_none));
    view! {
        <aside class="panel">
            {move || nothing_chosen.get().then(|| {
                view! { <p class="panel-hint">{bilingual::message(language, atlas_core::Msg::PanelHint)}</p> }
            })}
            {move || top.get().map(|top| match top {
                Top::Place(adcode) => view! { <city::PlacePanel adcode /> }.into_any(),
                Top::Zone(id) => view! { <zone::ZonePanel id /> }.into_any(),
            })}
            {move || topic.get().map(|(id, field)| view! { <industry::IndustryPanel id field /> })}
        </aside>
    }
}
