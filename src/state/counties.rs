//! The county layer as the app holds it: not asked for until a user drills into a city, searches
//! or opens the table, then fetched once; a broken or missing file is kept as its message, shown
//! in its own panel while the province map keeps working, until a user drills in anew.

use std::sync::Arc;

use atlas_core::Bundle;
use atlas_core::model::county_layer::CountyLayer;
use leptos::prelude::*;

use crate::state::load::LoadError;

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

/// Starts downloading the county layer into `counties` unless it is loading, loaded or has
/// failed ([`AtlasContext::want_counties`](crate::state::context::AtlasContext::want_counties) is how
/// the parts of the page ask).
pub fn want(counties: RwSignal<Counties>, bundle: &Arc<Bundle>) {
    if !matches!(counties.get_untracked(), Counties::Idle) {
        return;
    }
    counties.set(Counties::Loading);
    let bundle = Arc::clone(bundle);
    leptos::task::spawn_local(async move {
        counties.set(match crate::state::load::load_counties(&bundle).await {
            Ok(layer) => Counties::Ready(layer),
            Err(e) => Counties::Failed(e),
        });
    });
}

/// Like [`want`], but after a failure tries once more.
pub fn want_again(counties: RwSignal<Counties>, bundle: &Arc<Bundle>) {
    if matches!(counties.get_untracked(), Counties::Failed(_)) {
        counties.set(Counties::Idle);
    }
    want(counties, bundle);
}
