//! The atlas's native builder: reads `geodata/` and `seeds/`, checks every fact against the plan
//! and every outline for validity, simplifies the boundaries without opening gaps, and writes the
//! one data bundle the app reads (`assets/atlas.json`).

pub mod build;
pub mod crossings;
pub mod error;
pub mod geodata;
pub mod seeds;
pub mod topology;

use std::path::Path;

pub use build::{Built, build};
pub use error::BuildError;

/// Where the bundle goes, relative to the repository root.
pub const BUNDLE_FILE: &str = "assets/atlas.json";

/// Reads a UTF-8 text file, naming the file on failure.
pub fn read_text(path: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(path).map_err(|source| BuildError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes the bundle under `root` (through a temporary file, so a failed write leaves the old
/// bundle whole).
pub fn write_bundle(root: &Path, json: &str) -> Result<(), BuildError> {
    let target = root.join(BUNDLE_FILE);
    let temporary = target.with_extension("json.tmp");
    let fail = |source| BuildError::Write {
        path: target.clone(),
        source,
    };
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    std::fs::write(&temporary, json).map_err(fail)?;
    std::fs::rename(&temporary, &target).map_err(fail)
}
