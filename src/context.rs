//! What every component of the atlas shares: the bundle, the view state (mirrored in the URL),
//! and the quote the plan view is showing.

use std::sync::Arc;

use atlas_core::url_state::ViewState;
use atlas_core::{Bundle, Lang, Quote};
use leptos::prelude::*;

use crate::counties::Counties;

/// The atlas's shared state, provided once by the page and read by every component.
#[derive(Clone)]
pub struct AtlasContext {
    /// The loaded bundle.
    pub bundle: Arc<Bundle>,
    /// The view: language, map or table, selections.
    pub state: RwSignal<ViewState>,
    /// The quote the plan view shows, when it is open.
    pub plan_quote: RwSignal<Option<Quote>>,
    /// The interface language, derived from the state (a copyable handle for closures).
    pub language: Memo<Lang>,
    /// The county layer, fetched on first need (see `AtlasContext::want_counties`).
    pub counties: RwSignal<Counties>,
}

impl AtlasContext {
    /// The interface language, tracked.
    pub fn lang(&self) -> Lang {
        self.language.get()
    }

    /// Changes the view with a function of the current one.
    pub fn update(&self, change: impl FnOnce(&ViewState) -> ViewState) {
        let next = self.state.with_untracked(change);
        self.state.set(next);
    }
}

/// The context provided by the page.
pub fn use_atlas() -> AtlasContext {
    expect_context::<AtlasContext>()
}
