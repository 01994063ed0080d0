//! What every component of the atlas shares: the bundle, the view state (mirrored in the URL),
//! the notices about link parameters, the plan document (fetched on first need) and the quote the
//! plan view is showing.

use std::collections::BTreeMap;
use std::sync::Arc;

use atlas_core::view::plan_view_state::PlanReading;
use atlas_core::view::url_state::{Notice, ViewState};
use atlas_core::{Bundle, Lang, Quote, Role};
use leptos::prelude::*;

use crate::state::counties::Counties;
use crate::state::load::LoadError;
use crate::state::plan::load_plan;
use crate::web::start_now::start_now;

/// Where the plan document stands: not asked for, loading, ready or failed.
#[derive(Debug, Clone, Default)]
pub enum PlanState {
    /// Not asked for yet.
    #[default]
    Unasked,
    /// Being downloaded.
    Loading,
    /// Ready to read.
    Ready(Arc<PlanReading>),
    /// Could not be loaded; the error says why and what to do.
    Failed(LoadError),
}

/// The atlas's shared state, provided once by the page and read by every component.
#[derive(Clone)]
pub struct AtlasContext {
    /// The loaded bundle.
    pub bundle: Arc<Bundle>,
    /// The view: language, map or table, selections.
    pub state: RwSignal<ViewState>,
    /// The quote the plan view marks, after "show in plan"; cleared when the view is left.
    pub plan_quote: RwSignal<Option<Quote>>,
    /// The quote whose "show in plan" button takes focus back when its panel is shown again
    /// (after Back from the plan view), so keyboard users return to where they were.
    pub plan_return: RwSignal<Option<Quote>>,
    /// The view "show in plan" left, to which Esc in the plan view returns.
    pub plan_opened_from: RwSignal<Option<ViewState>>,
    /// The plan document with its mentions, fetched on first need (see `want_plan`).
    pub plan: RwSignal<PlanState>,
    /// The notices about link parameters that were ignored, shown in the notice bar.
    pub notices: RwSignal<Vec<Notice>>,
    /// The interface language, derived from the state (a copyable handle for closures).
    pub language: Memo<Lang>,
    /// The county layer, fetched on first need (see `AtlasContext::want_counties`).
    pub counties: RwSignal<Counties>,
    /// The strongest role of each place the map colours by (core `ViewState::roles_shown`):
    /// one memo that the province map and the drilled map both read, computed once per change.
    pub roles: Memo<Option<BTreeMap<String, Role>>>,
}

impl AtlasContext {
    /// Starts downloading the county layer unless it is loading, loaded or has failed; every
    /// part that needs counties calls this, and reads `counties` for the outcome.
    pub fn want_counties(&self) {
        crate::state::counties::want(self.counties, &self.bundle);
    }

    /// Like [`AtlasContext::want_counties`], but after a failure tries once more: called when a
    /// user drills into a city anew, so a passing network fault needs no reload, while the parts
    /// that only follow the view (links, panels, search) never retry on their own.
    pub fn want_counties_again(&self) {
        crate::state::counties::want_again(self.counties, &self.bundle);
    }

    /// Opens the plan view at a quote, with its words marked, as a new history entry (Back
    /// returns to where the reader was); the paragraph is set once the plan is there if it is
    /// not yet.
    pub fn show_in_plan(&self, quote: Quote) {
        let paragraph = self.plan.with_untracked(|plan| match plan {
            PlanState::Ready(reading) => reading.locate(&quote).map(|(n, _)| n),
            _ => None,
        });
        self.plan_return.set(Some(quote.clone()));
        self.plan_quote.set(Some(quote));
        self.plan_opened_from.set(Some(self.state.get_untracked()));
        self.want_plan();
        self.update(|s| s.at_paragraph(paragraph));
    }

    /// The interface language, tracked.
    pub fn lang(&self) -> Lang {
        self.language.get()
    }

    /// Starts downloading the plan document unless it is there or on its way, or failed for
    /// any reason but its reader's code: that is the plan view's chunk, and once the chunk is
    /// back (the view's retry), the view asks again.
    pub fn want_plan(&self) {
        let ask = self.plan.with_untracked(|plan| {
            matches!(
                plan,
                PlanState::Unasked | PlanState::Failed(LoadError::Code { .. })
            )
        });
        if !ask {
            return;
        }
        self.plan.set(PlanState::Loading);
        let (plan, bundle) = (self.plan, self.bundle.clone());
        start_now(async move {
            let loaded = match load_plan(bundle).await {
                Ok(reading) => PlanState::Ready(Arc::new(reading)),
                Err(error) => PlanState::Failed(error),
            };
            plan.set(loaded);
        });
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
