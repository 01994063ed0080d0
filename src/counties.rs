//! The county layer as the app holds it: not asked for until a user drills into a city, searches
//! or opens the table, then fetched once; a broken or missing file is kept as its message, shown
//! in its own panel while the province map keeps working, until a user drills in anew.

use std::sync::Arc;

use atlas_core::model::county_layer::CountyLayer;
use leptos::prelude::*;

use crate::context::AtlasContext;
use crate::load::LoadError;

/// Where the county layer stands.
#[derive(Debug, Clone, Default)]
pub enum Counties {
    /// Nobody has asked for it yet.
    #[default]
    Idle,
    /// It is being downloaded.
    Loading,
    /// It arrived and passed its checks.
    Ready(Arc<CountyLayer>),
    /// It could not be used; the error says why and what to do.
    Failed(LoadError),
}

impl Counties {
    /// The layer, once it is ready.
    pub fn layer(&self) -> Option<Arc<CountyLayer>> {
        match self {
            Counties::Ready(layer) => Some(Arc::clone(layer)),
            _ => None,
        }
    }
}

impl AtlasContext {
    /// Starts downloading the county layer unless it is loading, loaded or has failed; every
    /// part that needs counties calls this, and reads `counties` for the outcome.
    pub fn want_counties(&self) {
        if !matches!(self.counties.get_untracked(), Counties::Idle) {
            return;
        }
        self.counties.set(Counties::Loading);
        let bundle = Arc::clone(&self.bundle);
        let counties = self.counties;
        leptos::task::spawn_local(async move {
            counties.set(match crate::load::load_counties(&bundle).await {
                Ok(layer) => Counties::Ready(layer),
                Err(e) => Counties::Failed(e),
            });
        });
    }

    /// Like [`AtlasContext::want_counties`], but after a failure tries once more: called when a
    /// user drills into a city anew, so a passing network fault needs no reload, while the parts
    /// that only follow the view (links, panels, search) never retry on their own.
    pub fn want_counties_again(&self) {
        if matches!(self.counties.get_untracked(), Counties::Failed(_)) {
            self.counties.set(Counties::Idle);
        }
        self.want_counties();
    }
}
