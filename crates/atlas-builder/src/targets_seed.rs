//! `seeds/targets.toml`: the plan's quantified statements (2010 baseline and goals).

use std::collections::HashSet;
use std::path::Path;

use atlas_core::model::facts::{Bound, TargetGroup, TargetKind};
use atlas_core::model::plan::PlanText;
use atlas_core::{Quote, Target};
use serde::Deserialize;

use crate::error::BuildError;
use crate::seeds::check_quote;

/// The targets file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsFile {
    /// The statements, in the plan's order.
    pub targets: Vec<TargetSeed>,
}

/// A quantified statement as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSeed {
    /// Stable id.
    pub id: String,
    /// Section of the plan.
    pub section: String,
    /// Baseline or goal.
    pub kind: TargetKind,
    /// Chart group.
    pub group: TargetGroup,
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// The figure, as it appears in the quote.
    pub value: f64,
    /// Chinese unit.
    pub unit: String,
    /// English unit.
    pub unit_en: String,
    /// How the plan bounds it.
    pub bound: Bound,
    /// The year it refers to.
    pub year: u16,
    /// The plan's words.
    pub quote: String,
}

impl TargetsFile {
    /// Reads the file, checks every quote and figure against the plan, returns the targets.
    pub fn load(path: &Path, plan: &PlanText) -> Result<Vec<Target>, BuildError> {
        let file: TargetsFile = crate::read_toml(path)?;
        let mut ids = HashSet::new();
        let mut targets = Vec::new();
        for t in file.targets {
            if !ids.insert(t.id.clone()) {
                return Err(BuildError::DuplicateId {
                    path: path.to_path_buf(),
                    kind: "target",
                    id: t.id,
                });
            }
            check_quote(
                plan,
                path.to_path_buf(),
                format!("target {}", t.id),
                &t.quote,
                &t.section,
            )?;
            let written = t.value.to_string();
            if !t.quote.contains(&written) {
                return Err(BuildError::ValueNotInQuote {
                    path: path.to_path_buf(),
                    id: t.id,
                    value: written,
                    quote: t.quote,
                });
            }
            targets.push(Target {
                id: t.id,
                kind: t.kind,
                group: t.group,
                label_zh: t.label_zh,
                label_en: t.label_en,
                value: t.value,
                unit: t.unit,
                unit_en: t.unit_en,
                bound: t.bound,
                year: t.year,
                quote: Quote {
                    quote: t.quote,
                    section: t.section,
                },
            });
        }
        Ok(targets)
    }
}
