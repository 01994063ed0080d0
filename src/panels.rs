//! The side panel: the selected county, city, place or zone on top, the chosen industry's layout below,
//! and the first screen's story (the industries, signature industries and zones) when nothing is
//! chosen. Each part follows only what it shows (a city click leaves
//! the industry panel's elements as they are, an industry switch the city's), and its texts follow
//! the language in place. It is not a live region (it would read every quote); the page's live
//! region announces one line per change instead.

pub mod bases;
mod bilingual;
mod city;
pub(crate) mod county;
mod industry;
mod mixed_text;
mod place_link;
mod quote;
mod roles;
pub mod story_panel;
mod zone;

use atlas_core::Msg;
use atlas_core::model::layout::Topic;
use atlas_core::view::panel_order::place_lead;
use leptos::prelude::*;

pub use mixed_text::MixedText;
pub use place_link::PlaceLink;
pub use quote::PlanQuote;

use crate::panels::story_panel::StoryPanel;
use crate::state::context::use_atlas;
use crate::state::counties::Counties;

/// The panel beside the map or table.
#[component]
pub fn SidePanel() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let language = atlas.language;
    let city = Memo::new(move |_| state.with(|s| s.city.clone()));
    let county = Memo::new(move |_| state.with(|s| s.county.clone()));
    let counties = atlas.counties;
    let zone = Memo::new(move |_| state.with(|s| s.zone.clone()));
    let industry = Memo::new(move |_| state.with(|s| s.industry.clone()));
    let field = Memo::new(move |_| state.with(|s| s.field.clone()));
    let nothing_chosen = Memo::new(move |_| {
        state.with(|s| s.city.is_none() && s.zone.is_none() && s.industry.is_none())
    });
    // The county on top once the county layer is there (its city's panel until then), else the
    // city or county-level place, else the zone.
    let top = move || {
        match (county.get(), city.get(), zone.get()) {
        (Some(adcode), city, _) => Some(
            (move || match counties.get() {
                Counties::Ready(layer) => {
                    county::county_split(adcode.clone(), layer).into_any()
                }
                other => {
                    let status = match other {
                        Counties::Failed(error) => view! {
                            <p class="counties-status">{bilingual::message(language, Msg::CountiesFailed)} {error.to_string()}</p>
                        }
                        .into_any(),
                        _ => view! {
                            <p class="counties-status">{bilingual::message(language, Msg::CountiesLoading)}</p>
                        }
                        .into_any(),
                    };
                    let city = city.clone().unwrap_or_default();
                    view! { {status} <city::PlacePanel adcode=city /> }.into_any()
                }
            })
            .into_any(),
        ),
        (None, Some(adcode), _) => Some(view! { <city::PlacePanel adcode /> }.into_any()),
        (None, None, Some(id)) => Some(view! { <zone::ZonePanel id /> }.into_any()),
        (None, None, None) => None,
    }
    };
    // The sentences the place panel on top shows as its answer, which the industry panel cites
    // instead of quoting again.
    let bundle = atlas.bundle.clone();
    let quoted_above = Memo::new(move |_| {
        state.with(|s| {
            let place = s.county.as_deref().or(s.city.as_deref());
            let topic = Topic::chosen(s.industry.as_deref(), s.field.as_deref());
            place.map_or_else(Vec::new, |adcode| {
                place_lead(bundle.roles_of_place(adcode), None, topic).quoted_above()
            })
        })
    });
    let industry_panel = move || {
        industry
            .get()
            .map(|id| view! { <industry::IndustryPanel id field=field.get() quoted_above /> })
    };
    view! {
        <aside class="panel">
            {move || nothing_chosen.get().then(|| view! { <StoryPanel /> })}
            {top}
            {industry_panel}
        </aside>
    }
}
