//! The drawn chart files: every text inside its SVG at no less than its variant's type size, one
//! unit per count-goal panel, no empty bar slot, the map's role colours, and no stray files.

use std::path::{Path, PathBuf};

use atlas_builder::charts::chart_files;
use atlas_core::charts::{ChartSetting, ChartVariant, count_goal_panels, unit_heading};
use atlas_core::labels::text_width;
use atlas_core::palette;
use atlas_core::{Bundle, Lang, Role};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bundle() -> Bundle {
    let json = std::fs::read_to_string(root().join(atlas_builder::BUNDLE_FILE)).expect("bundle");
    Bundle::from_json(&json).expect("loads")
}

fn files() -> Vec<(String, String)> {
    chart_files(&bundle()).expect("the charts draw")
}

/// The value of `name="…"` in an SVG tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

fn number(tag: &str, name: &str) -> f64 {
    attr(tag, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in {tag}"))
}

/// A text of a chart: its estimated box and its size.
#[derive(Debug)]
struct TextBox {
    text: String,
    font: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// Every `<text>` of an SVG written by plotters, with its box estimated as the builder places it.
fn texts(svg: &str) -> Vec<TextBox> {
    svg.split("<text")
        .skip(1)
        .map(|rest| {
            let (tag, body) = rest.split_once('>').expect("tag end");
            let text = body
                .split("</text>")
                .next()
                .expect("text end")
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            let font = number(tag, "font-size");
            let (x, y) = (number(tag, "x"), number(tag, "y"));
            let width = text_width(&text, font);
            let (left, right) = match attr(tag, "text-anchor") {
                Some("start") => (x, x + width),
                Some("middle") => (x - width / 2.0, x + width / 2.0),
                Some("end") => (x - width, x),
                other => panic!("anchor {other:?}"),
            };
            let (top, bottom) = match attr(tag, "dy") {
                Some("0.76em") => (y, y + font * 1.05),
                Some("0.5ex") => (y - font * 0.6, y + font * 0.5),
                Some("-0.5ex") => (y - font * 1.05, y),
                other => panic!("dy {other:?}"),
            };
            assert!(attr(tag, "transform").is_none(), "no rotated text: {text}");
            TextBox {
                text,
                font,
                left,
                right,
                top,
                bottom,
            }
        })
        .collect()
}

/// The setting and variant a chart file is drawn for, from its name.
fn variant_of(path: &str) -> (ChartSetting, ChartVariant) {
    let parts: Vec<&str> = path.rsplit('/').next().expect("name").split('.').collect();
    let setting = ChartSetting::from_name(parts[1]).expect("setting");
    let width: u32 = parts[2].parse().expect("width");
    let variant = *setting
        .variants()
        .iter()
        .find(|v| v.width == width)
        .expect("a known width");
    (setting, variant)
}

#[test]
fn every_text_is_inside_its_chart_and_no_smaller_than_its_variants_type_size() {
    let files = files();
    assert_eq!(files.len(), 4 * 8 * 2, "4 charts × 8 widths × 2 languages");
    for (path, svg) in &files {
        let (_, variant) = variant_of(path);
        let head = svg.split('>').next().expect("svg tag");
        let (width, height) = (number(head, "width"), number(head, "height"));
        assert_eq!(width, f64::from(variant.width), "{path}");
        let all = texts(svg);
        assert!(all.len() >= 8, "{path} has its labels");
        for t in all {
            assert!(
                t.font >= variant.font - 1e-9,
                "{path}: {:?} at {} px, below {}",
                t.text,
                t.font,
                variant.font
            );
            assert!(
                t.left >= 0.0 && t.right <= width && t.top >= 0.0 && t.bottom <= height,
                "{path}: {t:?} is not inside {width}×{height}"
            );
        }
    }
}

#[test]
fn the_smallest_variants_still_meet_the_displayed_minimum() {
    // The app never shows a variant narrower than its frame, so the drawn size is the floor.
    for v in ChartSetting::Explorer.variants() {
        assert!(v.font >= atlas_core::charts::EXPLORER_MIN_TEXT_PX);
    }
    for v in ChartSetting::Projector.variants() {
        assert!(v.font >= atlas_core::charts::PROJECTOR_MIN_TEXT_PX);
    }
}

/// The bars of an SVG filled with `fill` (as plotters writes it), leaving out the legend's
/// square swatches of the type size: (x, width).
fn bars(svg: &str, fill: &str, font: f64) -> Vec<(f64, f64)> {
    svg.split("<rect")
        .skip(1)
        .filter_map(|rest| {
            let tag = rest.split('>').next()?;
            let (width, height) = (number(tag, "width"), number(tag, "height"));
            let swatch = (width - font).abs() < 0.5 && (height - font).abs() < 0.5;
            (attr(tag, "fill")? == fill && !swatch).then(|| (number(tag, "x"), width))
        })
        .collect()
}

#[test]
fn the_gdp_share_bars_fill_their_chart_without_an_empty_slot() {
    let b = bundle();
    let goals: usize = atlas_core::charts::gdp_shares(&b)
        .iter()
        .map(|y| y.goals.len())
        .sum();
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("gdp-share")) {
        let head = svg.split('>').next().expect("svg tag");
        let width = number(head, "width");
        let (_, variant) = variant_of(path);
        let mut all = bars(svg, "#1D3557", variant.font);
        all.extend(bars(svg, "#5B9BD5", variant.font));
        assert_eq!(all.len(), goals, "{path}: one bar per goal");
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        let bar = all[0].1;
        let last_right = all.last().map(|(x, w)| x + w).unwrap_or(0.0);
        assert!(
            width - last_right < bar,
            "{path}: {} px of empty chart after the last bar, wider than a bar ({bar} px)",
            width - last_right
        );
        for pair in all.windows(2) {
            let gap = pair[1].0 - (pair[0].0 + pair[0].1);
            assert!(gap < bar, "{path}: a gap of {gap} px between bars");
        }
    }
}

#[test]
fn the_counted_goals_are_drawn_one_panel_per_unit_each_with_its_heading_and_figures() {
    let b = bundle();
    let panels = count_goal_panels(&b);
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("count-goals")) {
        let lang = if path.ends_with(".zh.svg") {
            Lang::Zh
        } else {
            Lang::En
        };
        let (_, variant) = variant_of(path);
        let all = texts(svg);
        let headings: Vec<&str> = all
            .iter()
            .filter(|t| t.font > variant.font + 0.5)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            headings.len(),
            panels.len(),
            "{path}: one heading per panel"
        );
        for panel in &panels {
            let heading = unit_heading(panel.unit_en, lang);
            assert_eq!(
                headings.iter().filter(|t| **t == heading).count(),
                1,
                "{path}: the {heading} panel"
            );
        }
        let bars = bars(svg, "#1D3557", variant.font);
        let goals: usize = panels.iter().map(|p| p.goals.len()).sum();
        assert_eq!(bars.len(), goals, "{path}: one bar per goal");
        assert!(
            all.iter().any(|t| t.text == "≥ 1,000"),
            "{path}: the largest figure, whole"
        );
    }
}

#[test]
fn the_role_chart_uses_the_maps_role_colours() {
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("roles-per-city")) {
        for role in Role::ALL {
            let fill = format!("fill=\"{}\"", palette::role(role).to_uppercase());
            assert!(svg.contains(&fill), "{path}: {role:?} drawn as {fill}");
        }
        assert!(!svg.contains("#D6604D"), "{path}: the old focus colour");
    }
}

#[test]
fn every_committed_chart_file_is_one_the_builder_makes_now() {
    let built = atlas_builder::build(&root()).expect("the repository builds");
    assert_eq!(
        atlas_builder::stray_charts(&root(), &built),
        Vec::<PathBuf>::new(),
        "run `cargo run -p atlas-builder` to remove them"
    );
    for (path, content) in &built.charts {
        let committed = std::fs::read_to_string(root().join(path)).unwrap_or_default();
        assert!(
            committed == *content,
            "{path} is stale: run `cargo run -p atlas-builder`"
        );
    }
}

#[test]
fn the_charts_are_drawn_in_both_languages_for_both_settings_without_inline_styles() {
    let files = files();
    for (path, svg) in &files {
        assert!(svg.starts_with("<svg "), "{path}");
        assert!(!svg.contains("style="), "{path} has an inline style");
        assert!(svg.contains("font-family=\"WenQuanYi Micro Hei"), "{path}");
    }
    let chart = |name: &str| {
        &files
            .iter()
            .find(|(p, _)| p == &format!("assets/charts/{name}.svg"))
            .expect(name)
            .1
    };
    assert!(chart("output-path.explorer.260.zh").contains("76,661"));
    assert!(chart("output-path.projector.480.en").contains("100 million yuan"));
    assert!(chart("gdp-share.explorer.400.zh").contains("25%"));
    assert!(chart("count-goals.explorer.560.zh").contains("专利技术产业化项目"));
    assert!(chart("roles-per-city.explorer.800.en").contains("Nanjing"));
}
