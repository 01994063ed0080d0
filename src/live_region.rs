//! The one live region of the page: a visually hidden status line that a screen reader reads
//! when the selection, the industry or the slide changes. What it says is decided in
//! `atlas_core::announce`; this only shows it.

use atlas_core::announce::announcement;
use atlas_core::url_state::ViewState;
use leptos::prelude::*;

use crate::context::use_atlas;

/// The status line, empty until the view first changes.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let atlas = use_atlas();
    let state = atlas.state;
    let bundle = atlas.bundle.clone();
    let line = RwSignal::new(String::new());
    Effect::new(move |previous: Option<ViewState>| {
        let next = state.get();
        if let Some(text) = previous.and_then(|p| announcement(&bundle, &p, &next)) {
            line.set(text);
        }
        next
    });
    view! {
        <p class="live-region" role="status" aria-live="polite" aria-atomic="true">{line}</p>
    }
}
