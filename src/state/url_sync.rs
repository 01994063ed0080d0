//! Keeping the view state and the address bar in step: the URL opens the view, every change
//! of view but a language switch becomes a history entry, and back/forward restore the view;
//! the address's fragment is left as it is. In a frame the history is
//! the host page's, so there every change replaces the atlas's one entry instead: the host's
//! back button is never taken over. A linked county the county layer turns out not to have is
//! dropped in place, replacing the link's entry, so that back never returns to it.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use atlas_core::Bundle;
use atlas_core::view::url_state::{Notice, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::context::AtlasContext;

thread_local! {
    /// The next change of view corrects the current one: it replaces the history entry.
    static CORRECTING: Cell<bool> = const { Cell::new(false) };
}

/// The view read from the page's URL, a signal that writes itself back to the URL, and the
/// notices about parameters that were ignored.
pub fn use_url_state(bundle: Arc<Bundle>) -> (RwSignal<ViewState>, RwSignal<Vec<Notice>>) {
    let (initial, initial_notices) = ViewState::from_query(&current_query(), &bundle);
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    // Writing history is slow (milliseconds), so the latest change is written once the frame
    // showing it has been painted. A change that comes before that first writes the pending one,
    // so every view still gets its own history entry, in order.
    let pending: StoredValue<Option<Address>> = StoredValue::new(None);
    Effect::new(move |previous: Option<ViewState>| {
        write_pending(pending);
        let correcting = CORRECTING.take();
        let current = state.get();
        let query = current.to_query();
        if query == current_query() {
            return current;
        }
        // The first write only tidies the address the page was opened with; a language switch
        // is a preference, not a place, and replaces the entry too.
        let replace = previous
            .as_ref()
            .is_none_or(|previous| previous.only_language_differs(&current));
        pending.set_value(Some(Address {
            query,
            replace: replace || correcting || crate::web::frame::in_frame(),
        }));
        request_animation_frame(move || {
            set_timeout(move || write_pending(pending), Duration::ZERO);
        });
        current
    });
    let listener = window_event_listener(ev::popstate, move |_| {
        // The address bar is now the truth: a write still waiting would overwrite it.
        pending.set_value(None);
        let (restored, restored_notices) = ViewState::from_query(&current_query(), &bundle);
        state.set(restored);
        notices.set(restored_notices);
    });
    on_cleanup(move || listener.remove());
    (state, notices)
}

/// Asks for the county layer whenever the view is drilled down (a link may open that way), and
/// once it has arrived, drops a linked county it does not have, or one outside the city, with a
/// notice, in place.
pub fn check_linked_county(atlas: &AtlasContext, notices: RwSignal<Vec<Notice>>) {
    let state = atlas.state;
    let counties = atlas.counties;
    let atlas = atlas.clone();
    Effect::new(move |_| {
        if state.with(|s| s.drill) {
            atlas.want_counties();
        }
        let Some(layer) = counties.with(|c| c.layer()) else {
            return;
        };
        let (checked, notice) = state.with(|s| s.checked_county(&layer, s.lang));
        if let Some(notice) = notice {
            notices.update(|n| n.push(notice));
            CORRECTING.set(true);
            state.set(checked);
        }
    });
}

/// Makes the next change of view replace the current history entry instead of adding one: for
/// changes that follow the reader rather than a choice (the plan paragraph scrolled into view, a
/// link's paragraph corrected once the plan has arrived), so Back still returns to the view before.
pub fn replace_next_entry() {
    CORRECTING.set(true);
}

/// Writes the address waiting to be written, if any (and if the page is still there).
fn write_pending(pending: StoredValue<Option<Address>>) {
    if let Some(address) = pending.try_update_value(Option::take).flatten() {
        address.write();
    }
}

/// A view's query waiting to be written to the address bar.
struct Address {
    query: String,
    /// Replace the current history entry rather than add one.
    replace: bool,
}

impl Address {
    /// Puts the query into the address bar, unless it is there already.
    fn write(self) {
        if self.query == current_query() {
            return;
        }
        let Ok(history) = window().history() else {
            return;
        };
        // The fragment (`#…`, a portal's or a reader's anchor) stays: only the query is the atlas's.
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let fragment = location.hash().unwrap_or_default();
        let url = format!("{path}{}{fragment}", self.query);
        let _ = if self.replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}
