//! Writing the outputs: a write that fails part-way leaves the old files whole and no staged
//! temporary file behind.

mod workspace;

use workspace::Workspace;

#[test]
fn a_failed_write_leaves_no_temporary_files() {
    let ws = Workspace::new();
    // A file where the charts' directory must be: writing the first chart fails, after the
    // bundle, the CSV, the plan files and the county layer were staged.
    std::fs::write(ws.path("assets/charts"), "not a directory").expect("write");
    let out = ws.run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the write could not succeed: {stderr}"
    );
    assert!(stderr.contains("assets/charts"), "{stderr}");
    let left: Vec<String> = std::fs::read_dir(ws.path("assets"))
        .expect("assets")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_eq!(
        std::fs::read_to_string(ws.path("assets/atlas.json")).expect("bundle"),
        "the previous bundle\n"
    );
}
