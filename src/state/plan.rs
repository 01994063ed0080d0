//! The plan document as the app reads it: fetched when the plan view first opens, beside the
//! view's wasm chunk, and read, checked and indexed for reading by code in that chunk (`plan`),
//! so the first wasm does not carry it.

use std::sync::Arc;

use atlas_core::Bundle;
use atlas_core::view::plan_view_state::PlanReading;
use leptos::wasm_split::wasm_split;

use crate::state::chunk_files::code_failed;
use crate::state::load::{LoadError, ReaderMissing, fetch_plan_doc, read_plan_doc_text};

/// The wasm chunk holding the plan document's reader: the plan view's.
const READER_CHUNK: &str = "plan";

/// Downloads the plan document and reads it for the plan view.
pub async fn load_plan(bundle: Arc<Bundle>) -> Result<PlanReading, LoadError> {
    let text = fetch_plan_doc().await?;
    match read_plan(text, bundle).await {
        Ok(read) => read,
        Err(ReaderMissing) => Err(code_failed(READER_CHUNK, "the plan document").await),
    }
}

/// The split point: the plan document's reader is in the plan view's chunk, which the view
/// needs anyway.
#[wasm_split(plan, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_plan(
    text: String,
    bundle: Arc<Bundle>,
) -> Result<Result<PlanReading, LoadError>, ReaderMissing> {
    Ok(read_plan_doc_text(&text, &bundle).map(PlanReading::new))
}
