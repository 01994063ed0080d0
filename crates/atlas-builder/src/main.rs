//! `atlas-builder [--root DIR] [--check]`: builds `assets/atlas.json` (and the county layer and
//! boundary downloads beside it) from `geodata/` and `seeds/`, or with `--check` only verifies that the committed bundle is what it would build.
//! `atlas-builder page OUT [FROM=TO …]` writes the site's final index.html (see `page`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("page") => return page(&args[1..]),
        Some("lite") => return lite(&args[1..]),
        _ => {}
    }
    let mut root = PathBuf::from(".");
    let mut check = false;
    let mut args = args.into_iter();
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
        // A committed plan document that does not fit its text or the bundle is named precisely
        // (mention and offset), before the plain comparison below.
        if let Err(e) = atlas_builder::plan_doc_file::check_committed(&root, &built.bundle) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
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
        println!(
            "the bundle, the layout CSV, the plan text and document, the charts, the county layer and the boundary downloads are up to date"
        );
        return ExitCode::SUCCESS;
    }
    let target = root.join(atlas_builder::BUNDLE_FILE);
    if let Err(e) = atlas_builder::write_outputs(&root, &built) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let s = built.stats;
    let county_vertices: usize = built
        .county_layer
        .boundaries
        .features
        .iter()
        .map(|f| f.geometry.vertex_count())
        .sum();
    println!(
        "wrote {} ({} bytes, {} counties, {county_vertices} positions) and {} boundary downloads",
        atlas_builder::COUNTIES_FILE,
        built.counties_json.len(),
        built.county_layer.counties.len(),
        built.boundary_downloads.len(),
    );
    println!(
        "wrote {} ({} bytes), layout.csv, plan.txt, plan.json ({} mentions) and {} charts in {} ms: {} cities, {} zones, {} places, {} industries, {} fields, {} role facts, {} targets, {} bases; {} of {} city and county vertices kept in {} shared arcs",
        target.display(),
        built.json.len(),
        built.plan_doc_mentions,
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
  builds assets/atlas.json, assets/counties.json and the boundary downloads from geodata/ and
  seeds/ under DIR (default: .)
  --check  only verify that the committed bundle is exactly what would be built
usage: atlas-builder lite OUT
  writes OUT, the bundle the app loads first: assets/atlas.json without its boundaries, which the
  page brings already drawn
usage: atlas-builder page OUT [FROM=TO ...]
  writes OUT, the site's index.html: the template index.html with each quoted FROM renamed TO and
  the default map of assets/atlas.json prerendered in its body";

/// `lite OUT`: writes the bundle the app loads first, without the boundaries the page draws.
fn lite(args: &[String]) -> ExitCode {
    let [out] = args else {
        return usage("lite needs the one file to write");
    };
    let written = atlas_builder::read_text(std::path::Path::new(atlas_builder::BUNDLE_FILE))
        .map_err(|e| e.to_string())
        .and_then(|text| {
            atlas_core::Bundle::from_json(&text)
                .map_err(|e| format!("{}: {e}", atlas_builder::BUNDLE_FILE))
        })
        .and_then(|bundle| {
            serde_json::to_string(&bundle.without_boundaries()).map_err(|e| e.to_string())
        })
        .and_then(|json| {
            std::fs::write(out, json).map_err(|e| format!("{out}: cannot write it: {e}"))
        });
    finish(written)
}

/// `page OUT [FROM=TO …]`: writes the site's index.html from the template and the bundle in the
/// current directory.
fn page(args: &[String]) -> ExitCode {
    let Some((out, renamings)) = args.split_first() else {
        return usage("page needs the file to write");
    };
    let renamings: Result<Vec<atlas_builder::page::Renaming>, _> =
        renamings.iter().map(|r| r.parse()).collect();
    let written = renamings
        .map_err(|e| e.to_string())
        .and_then(|renamings| {
            let template = std::fs::read_to_string("index.html")
                .map_err(|e| format!("index.html (the page template): cannot read it: {e}"))?;
            let text = atlas_builder::read_text(std::path::Path::new(atlas_builder::BUNDLE_FILE))
                .map_err(|e| e.to_string())?;
            let bundle = atlas_core::Bundle::from_json(&text)
                .map_err(|e| format!("{}: {e}", atlas_builder::BUNDLE_FILE))?;
            atlas_builder::page::write_page(&template, &bundle, &renamings)
                .map_err(|e| e.to_string())
        })
        .and_then(|page| {
            std::fs::write(out, page).map_err(|e| format!("{out}: cannot write it: {e}"))
        });
    finish(written)
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}

/// The exit code of a command that wrote its file or says why not.
fn finish(written: Result<(), String>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
