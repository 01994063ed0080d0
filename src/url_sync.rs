//! Keeping the view state and the address bar in step: the URL opens the view, every change
//! of view becomes a history entry, and back/forward restore the view.

use std::sync::Arc;

use atlas_core::Bundle;
use atlas_core::url_state::{Notice, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The view read from the page's URL, a signal that writes itself back to the URL, and the
/// notices about parameters that were ignored.
pub fn use_url_state(bundle: Arc<Bundle>) -> (RwSignal<ViewState>, RwSignal<Vec<Notice>>) {
    let (initial, initial_notices) = ViewState::from_query(&current_query(), &bundle);
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    Effect::new(move |previous: Option<()>| {
        let query = state.with(ViewState::to_query);
        if query == current_query() {
            return;
        }
        let Ok(history) = window().history() else {
            return;
        };
        let path = window().location().pathname().unwrap_or_default();
        let url = format!("{path}{query}");
        // The first write only tidies the address the page was opened with.
        let _ = if previous.is_none() {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    });
    let listener = window_event_listener(ev::popstate, move |_| {
        let (restored, restored_notices) = ViewState::from_query(&current_query(), &bundle);
        state.set(restored);
        notices.set(restored_notices);
    });
    on_cleanup(move || listener.remove());
    (state, notices)
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}
