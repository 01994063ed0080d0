//! `atlas-builder [--root DIR] [--check]`: builds `assets/atlas.json` from `geodata/` and
//! `seeds/`, or with `--check` only verifies that the committed bundle is what it would build.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut root = PathBuf::from(".");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--root" => match args.next() {
                Some(dir) => root = PathBuf::from(dir),
                None => return usage("--root needs a directory"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown argument {other:?}")),
        }
    }
    let started = Instant::now();
    let built = match atlas_builder::build(&root) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("nothing was written");
            return ExitCode::FAILURE;
        }
    };
    if check {
        let stale: Vec<String> = built
            .outputs()
            .into_iter()
            .filter(|(file, content)| {
                std::fs::read_to_string(root.join(file)).ok().as_deref() != Some(*content)
            })
            .map(|(file, _)| file.to_string())
            .chain(
                atlas_builder::stray_charts(&root, &built)
                    .iter()
                    .map(|p| format!("{} (no longer made)", p.display())),
            )
            .collect();
        if !stale.is_empty() {
            eprintln!(
                "error: {} not what the builder makes from geodata/ and seeds/; run `cargo run -p atlas-builder`",
                stale.join(", ")
            );
            return ExitCode::FAILURE;
        }
        println!("the bundle, the layout CSV, the plan text and the charts are up to date");
        return ExitCode::SUCCESS;
    }
    let target = root.join(atlas_builder::BUNDLE_FILE);
    if let Err(e) = atlas_builder::write_outputs(&root, &built) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let s = built.stats;
    println!(
        "wrote {} ({} bytes), layout.csv, plan.txt and {} charts in {} ms: {} cities, {} zones, {} places, {} industries, {} fields, {} role facts, {} targets, {} bases; {} of {} vertices kept in {} shared arcs",
        target.display(),
        built.json.len(),
        built.charts.len(),
        started.elapsed().as_millis(),
        built.bundle.cities.len(),
        built.bundle.zones.len(),
        built.bundle.places.len(),
        built.bundle.industries.len(),
        built.bundle.fields.len(),
        built.bundle.roles.len(),
        built.bundle.targets.len(),
        built.bundle.bases.len(),
        s.vertices_out,
        s.vertices_in,
        s.arcs,
    );
    ExitCode::SUCCESS
}

const USAGE: &str = "usage: atlas-builder [--root DIR] [--check]
  builds assets/atlas.json from geodata/ and seeds/ under DIR (default: .)
  --check  only verify that the committed bundle is exactly what would be built";

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}
