//! A copy of the repository's inputs in a temporary directory, for tests that run the builder
//! binary on mutated inputs.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the workspace"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SENTINEL: &str = "the previous bundle\n";

/// A copy of the repository's inputs in a temporary directory, with an old bundle in place.
pub struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["seeds", "geodata", "assets"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        for file in [
            "seeds/layout.toml",
            "seeds/industries.toml",
            "seeds/targets.toml",
            "seeds/plan.txt",
            "geodata/sources.toml",
            "geodata/jiangsu_cities.geojson",
            "geodata/jiangsu_county_points.geojson",
            "geodata/jiangsu_counties.geojson",
            "geodata/county_names.toml",
            "geodata/bases.csv",
            "geodata/jiangsu_water_gshhs.geojson",
            "geodata/water.toml",
        ] {
            std::fs::copy(repo.join(file), dir.path().join(file)).expect(file);
        }
        std::fs::write(dir.path().join("assets/atlas.json"), SENTINEL).expect("sentinel");
        Workspace { dir }
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    pub fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let text = std::fs::read_to_string(self.path(file)).expect("read");
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(self.path(file), text.replacen(from, to, 1)).expect("write");
        self
    }

    pub fn edit_geojson(&self, change: impl FnOnce(&mut Value)) -> &Self {
        self.edit_json("geodata/jiangsu_cities.geojson", change)
    }

    /// Rewrites a JSON input of the copy through `change`.
    pub fn edit_json(&self, file: &str, change: impl FnOnce(&mut Value)) -> &Self {
        let file = self.path(file);
        let mut value: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
        change(&mut value);
        std::fs::write(&file, value.to_string()).expect("write");
        self
    }

    /// Runs the builder on the copy.
    pub fn run(&self) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_atlas-builder"))
            .arg("--root")
            .arg(self.dir.path())
            .output()
            .expect("runs")
    }

    /// Runs the builder with `--check` on the copy: verifies what it has in assets/.
    pub fn check(&self) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_atlas-builder"))
            .arg("--root")
            .arg(self.dir.path())
            .arg("--check")
            .output()
            .expect("runs")
    }

    /// Runs the builder; asserts that it succeeded; returns the bundle it wrote.
    pub fn built(&self) -> Value {
        let out = self.run();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(self.path("assets/atlas.json")).expect("written");
        serde_json::from_str(&text).expect("json")
    }

    /// Runs the builder; asserts that it failed and wrote nothing; returns its message.
    pub fn refused(&self) -> String {
        let out = self.run();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!out.status.success(), "the builder accepted it: {stderr}");
        let bundle = std::fs::read_to_string(self.path("assets/atlas.json")).expect("bundle");
        assert_eq!(bundle, SENTINEL, "the old bundle was overwritten");
        for file in [
            "assets/atlas.json.tmp",
            "assets/layout.csv",
            "assets/plan.txt",
            "assets/plan.json",
            "assets/counties.json",
            "assets/boundaries.gcj02.geojson",
            "assets/boundaries.wgs84.geojson",
        ] {
            assert!(!self.path(file).exists(), "{file} was written");
        }
        stderr
    }
}

pub fn assert_names(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{message:?} does not name {part:?}");
    }
}
