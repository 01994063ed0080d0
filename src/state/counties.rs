//! The county layer as the app holds it: not asked for until a part of the page first needs it
//! (a drill-down or a link to one, search, the table, the briefs), then fetched once and read by
//! its reader, a wasm chunk of its own; a broken or missing file (or reader) is kept as its
//! message, shown in its own panel while the province map keeps working, until a user drills in
//! anew.

use std::sync::Arc;

use atlas_core::Bundle;
use atlas_core::model::county_layer::CountyLayer;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::state::chunk_files::code_failed;
use crate::state::load::{LoadError, ReaderMissing, fetch_county_layer, read_county_layer_text};
use crate::web::start_now::start_now;

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
    start_now(async move {
        counties.set(match load(bundle).await {
            Ok(layer) => Counties::Ready(Arc::new(layer)),
            Err(e) => Counties::Failed(e),
        });
    });
}

/// The wasm chunk holding the county layer's reader.
const READER_CHUNK: &str = "county_layer";

/// Downloads the county layer and reads it with its reader, whose chunk downloads beside it
/// (at once when it was fetched on idle).
async fn load(bundle: Arc<Bundle>) -> Result<CountyLayer, LoadError> {
    start_now(async {
        let _ = preload_county_layer().await;
    });
    let text = fetch_county_layer().await?;
    match read_county_layer(text, bundle).await {
        Ok(read) => read,
        Err(ReaderMissing) => Err(code_failed(READER_CHUNK, "the county layer").await),
    }
}

/// The split point: the county layer's reader (its shape read by serde, then atlas-core's
/// checks against the bundle) is the `county_layer` chunk, out of the first wasm.
#[wasm_split(county_layer, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_county_layer))]
pub fn read_county_layer(
    text: String,
    bundle: Arc<Bundle>,
) -> Result<Result<CountyLayer, LoadError>, ReaderMissing> {
    Ok(read_county_layer_text(&text, &bundle))
}

/// Like [`want`], but after a failure tries once more.
pub fn want_again(counties: RwSignal<Counties>, bundle: &Arc<Bundle>) {
    if matches!(counties.get_untracked(), Counties::Failed(_)) {
        counties.set(Counties::Idle);
    }
    want(counties, bundle);
}
