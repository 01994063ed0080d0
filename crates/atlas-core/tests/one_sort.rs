//! One sort in the wasm (issue 19, bytes): every sort in the core and the app goes through
//! `atlas_core::model::sort`, since each standard `sort_by` with its own closure type (and each
//! `sort_unstable`) copies the whole sort into the wasm. This fails on a standard sort called
//! anywhere else in code the wasm carries (tests aside), naming the file and the line.

use std::path::Path;

mod source_files;
use source_files::rust_files;

/// The standard slice sorts, as a call is written.
const STANDARD_SORTS: [&str; 7] = [
    ".sort()",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable()",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
];

#[test]
fn no_standard_sort_outside_the_shared_sort() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&core.join("src"));
    files.extend(rust_files(&core.join("../../src")));
    assert!(files.len() > 50, "found only {} source files", files.len());
    let mut misfits = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("model/sort.rs")) {
        let source = std::fs::read_to_string(file).expect("a source file");
        // A module's unit tests come last, after `#[cfg(test)]`; they are not in the wasm.
        let shipped = source.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in shipped.lines().enumerate() {
            if STANDARD_SORTS.iter().any(|sort| line.contains(sort)) {
                misfits.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        misfits.is_empty(),
        "a standard sort copies the sort into the wasm once more; use atlas_core::model::sort:\n{}",
        misfits.join("\n")
    );
}
