//! The committed plan document, read once per test the same way by the plan's reading tests
//! (`plan_reading.rs`, `plan_text_markup.rs`).

use atlas_core::model::plan_doc::PlanDoc;
use atlas_core::view::plan_view_state::PlanReading;

/// The committed plan document (`assets/plan.json`), ready for reading.
pub fn reading() -> PlanReading {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/plan.json");
    let doc: PlanDoc =
        serde_json::from_str(&std::fs::read_to_string(path).expect("plan.json")).expect("parses");
    PlanReading::new(doc)
}
