//! `seeds/industries.toml`: the ten industries of §三 with their numbered sub-areas.

use std::collections::HashSet;
use std::path::Path;

use atlas_core::model::facts::Subarea;
use atlas_core::model::plan::PlanText;
use atlas_core::{Industry, Quote};
use serde::Deserialize;

use crate::error::BuildError;
use crate::seeds::check_quote;

/// §三 of the plan names ten strategic emerging industries.
pub const INDUSTRY_COUNT: usize = 10;

/// The industries file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustriesFile {
    /// The industries, in the plan's order.
    pub industries: Vec<IndustrySeed>,
}

/// An industry as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustrySeed {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Its section, e.g. `三(一)`.
    pub section: String,
    /// What the plan says it is to develop.
    pub summary: String,
    /// An English gloss of the summary.
    pub gloss_en: String,
    /// Numbered sub-areas in the plan's order.
    pub subareas: Vec<SubareaSeed>,
}

/// A sub-area as written; its section is its industry's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubareaSeed {
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The plan's sentence introducing it.
    pub quote: String,
}

impl IndustriesFile {
    /// Reads the file, checks it against the plan, and returns the bundle's industries.
    pub fn load(path: &Path, plan: &PlanText) -> Result<Vec<Industry>, BuildError> {
        let file: IndustriesFile = crate::read_toml(path)?;
        if file.industries.len() != INDUSTRY_COUNT {
            return Err(BuildError::IndustryCount {
                path: path.to_path_buf(),
                found: file.industries.len(),
                expected: INDUSTRY_COUNT,
            });
        }
        let mut ids = HashSet::new();
        let mut industries = Vec::new();
        for seed in file.industries {
            if !ids.insert(seed.id.clone()) {
                return Err(BuildError::DuplicateId {
                    path: path.to_path_buf(),
                    kind: "industry",
                    id: seed.id,
                });
            }
            let item = format!("industry {}", seed.id);
            check_quote(
                plan,
                path.to_path_buf(),
                item.clone(),
                &seed.summary,
                &seed.section,
            )?;
            let mut subareas = Vec::new();
            for (n, sub) in seed.subareas.into_iter().enumerate() {
                let sub_item = format!("{item} sub-area {}", sub.name_zh);
                check_quote(
                    plan,
                    path.to_path_buf(),
                    sub_item,
                    &sub.quote,
                    &seed.section,
                )?;
                subareas.push(Subarea {
                    number: n as u32 + 1,
                    name_zh: sub.name_zh,
                    name_en: sub.name_en,
                    quote: Quote {
                        quote: sub.quote,
                        section: seed.section.clone(),
                    },
                });
            }
            industries.push(Industry {
                id: seed.id,
                name_zh: seed.name_zh,
                name_en: seed.name_en,
                summary: Quote {
                    quote: seed.summary,
                    section: seed.section,
                },
                gloss_en: seed.gloss_en,
                subareas,
            });
        }
        Ok(industries)
    }
}
