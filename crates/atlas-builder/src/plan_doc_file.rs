//! The plan document the reading view loads (`assets/plan.json`): the plan text with the
//! mentions found in it, written by the builder and, with `--check`, read back and checked
//! against its text and the bundle, so a hand-edited or stale mention list is refused naming the
//! mention's name and offset.

use std::path::{Path, PathBuf};

use atlas_core::Bundle;
use atlas_core::model::plan_doc::{PlanDoc, PlanDocError};

use crate::BuildError;

/// The plan document for `text` (read from `plan_path`) as written to disk (compact JSON and a
/// final newline), with how many mentions it holds.
pub fn plan_doc_json(
    plan_path: &Path,
    text: &str,
    bundle: &Bundle,
) -> Result<(String, usize), BuildError> {
    let doc = PlanDoc::build(text.to_string(), bundle).map_err(|problem| BuildError::PlanDoc {
        path: plan_path.to_path_buf(),
        problem,
    })?;
    let mut json = serde_json::to_string(&doc).map_err(|e| {
        atlas_core::BundleError::Json(format!("cannot serialise the plan document: {e}"))
    })?;
    json.push('\n');
    Ok((json, doc.mentions.len()))
}

/// Reads the committed plan document under `root` and checks it against its own text's hash and
/// `bundle`: its version, its build and every mention.
pub fn check_committed(root: &Path, bundle: &Bundle) -> Result<(), BuildError> {
    let path: PathBuf = root.join(crate::PLAN_DOC_FILE);
    let text = crate::read_text(&path)?;
    let doc: PlanDoc = serde_json::from_str(&text).map_err(|e| BuildError::PlanDocSyntax {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    doc.check(bundle)
        .map_err(|problem: PlanDocError| BuildError::PlanDoc { path, problem })
}
