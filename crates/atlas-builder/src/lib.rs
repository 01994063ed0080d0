//! The atlas's native builder: reads `geodata/` and `seeds/`, checks every fact against the plan
//! and every outline for validity, simplifies the boundaries without opening gaps, and writes the
//! one data bundle the app reads (`assets/atlas.json`).

pub mod bases_seed;
pub mod build;
pub mod charts;
pub mod counties;
pub mod county_build;
pub mod crossings;
pub mod downloads;
pub mod error;
pub mod geodata;
pub mod industries_seed;
pub mod layout_csv;
pub mod page;
pub mod plan_doc_file;
pub mod seeds;
pub mod targets_seed;
pub mod topology;
pub mod water;

use std::path::{Path, PathBuf};

pub use atlas_core::draw::charts::CHARTS_DIR;
pub use build::{Built, build};
pub use error::BuildError;

/// Where the bundle goes, relative to the repository root.
pub const BUNDLE_FILE: &str = "assets/atlas.json";

/// Where the layout CSV goes, next to the bundle.
pub const CSV_FILE: &str = "assets/layout.csv";

/// Where the county layer goes, next to the bundle, under the name the app fetches
/// ([`atlas_core::model::county_layer::COUNTY_LAYER_FILE`]).
pub const COUNTIES_FILE: &str = "assets/counties.json";

/// Where the plan text goes, next to the bundle, for those who link the plain text.
pub const PLAN_FILE: &str = "assets/plan.txt";

/// Where the plan document (the text with its mentions) goes, under the name the app fetches
/// ([`atlas_core::model::plan_doc::PLAN_DOC_FILE`]).
pub const PLAN_DOC_FILE: &str = "assets/plan.json";

impl Built {
    /// Every file the builder writes, with its content: the bundle, the CSV, the plan text and
    /// plan document, the county layer, the chart files and the boundary downloads.
    pub fn outputs(&self) -> Vec<(&str, &str)> {
        let fixed = [
            (BUNDLE_FILE, self.json.as_str()),
            (CSV_FILE, self.csv.as_str()),
            (PLAN_FILE, self.plan_text.as_str()),
            (PLAN_DOC_FILE, self.plan_doc_json.as_str()),
            (COUNTIES_FILE, self.counties_json.as_str()),
        ];
        fixed
            .into_iter()
            .chain(self.charts.iter().map(|(p, c)| (p.as_str(), c.as_str())))
            .chain(
                self.boundary_downloads
                    .iter()
                    .map(|(p, c)| (p.as_str(), c.as_str())),
            )
            .collect()
    }
}

/// Reads a UTF-8 text input, naming the file on failure. No input of the atlas holds markup (the
/// plan, names, quotes and glosses are plain text), so an angle bracket anywhere is refused with
/// its line: whatever reaches the page or an export is text, never HTML or script.
pub fn read_text(path: &Path) -> Result<String, BuildError> {
    let text = std::fs::read_to_string(path).map_err(|source| BuildError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    match text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(['<', '>']))
    {
        Some((n, line)) => Err(BuildError::Markup {
            path: path.to_path_buf(),
            line: n + 1,
            excerpt: line.trim().chars().take(60).collect(),
        }),
        None => Ok(text),
    }
}

/// Reads and parses a TOML input file, naming the file (with line and column) when it is wrong.
pub fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, BuildError> {
    toml::from_str(&read_text(path)?).map_err(|e| BuildError::Syntax {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// The files in [`CHARTS_DIR`] that the builder no longer makes (charts of a width or name that
/// is gone), so that `--check` names them and a build removes them.
pub fn stray_charts(root: &Path, built: &Built) -> Vec<PathBuf> {
    let made: Vec<PathBuf> = built.charts.iter().map(|(p, _)| root.join(p)).collect();
    let Ok(entries) = std::fs::read_dir(root.join(CHARTS_DIR)) else {
        return Vec::new();
    };
    let mut stray: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "svg") && !made.contains(p))
        .collect();
    stray.sort();
    stray
}

/// Writes every output under `root`: each goes to a temporary file first and is renamed into
/// place only when all of them were written, so a failed write leaves the old files whole. Chart
/// files the builder no longer makes are removed.
pub fn write_outputs(root: &Path, built: &Built) -> Result<(), BuildError> {
    let stray = stray_charts(root, built);
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (file, content) in built.outputs() {
        let target = root.join(file);
        // The whole name plus `.tmp`, so that plan.txt and plan.json stage apart.
        let mut temporary = target.clone().into_os_string();
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&temporary, content));
        if let Err(source) = written {
            // Nothing is left half-written: the files staged so far go again.
            let _ = std::fs::remove_file(&temporary);
            for (staged_file, _) in &staged {
                let _ = std::fs::remove_file(staged_file);
            }
            return Err(BuildError::Write {
                path: target,
                source,
            });
        }
        staged.push((temporary, target));
    }
    for (temporary, target) in staged {
        std::fs::rename(&temporary, &target).map_err(|source| BuildError::Write {
            path: target.clone(),
            source,
        })?;
    }
    for path in stray {
        std::fs::remove_file(&path).map_err(|source| BuildError::Write { path, source })?;
    }
    Ok(())
}
