//! The one live region of the page: a visually hidden status line that a screen reader reads
//! when the selection, the industry, the slide or the drill-down changes. What it says is decided
//! in `atlas_core::view::announce`; this only shows it.

use atlas_core::view::announce::{announcement, layer_arrived_line};
use atlas_core::view::url_state::ViewState;
use leptos::prelude::*;

use crate::state::context::use_atlas;

/// The status line, empty until the view first changes.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let counties = atlas.counties;
    let bundle = atlas.bundle.clone();
    let line = RwSignal::new(String::new());
    // Remembers the view last announced and whether the county layer was there then, so that a
    // layer arriving after a drill-down still tells how many counties the map now shows.
    Effect::new(move |previous: Option<(ViewState, bool)>| {
        let next = state.get();
        let layer = counties.with(|c| c.layer());
        if let Some((before, had_layer)) = previous {
            let text = match (&layer, before == next) {
                (Some(layer), true) if !had_layer => layer_arrived_line(&bundle, layer, &next),
                (_, true) => None,
                (layer, false) => announcement(&bundle, layer.as_deref(), &before, &next),
            };
            if let Some(text) = text {
                line.set(text);
            }
        }
        (next, layer.is_some())
    });
    view! {
        <p class="live-region" role="status" aria-live="polite" aria-atomic="true">{line}</p>
    }
}
