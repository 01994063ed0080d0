//! The drawn chart files: every text inside its SVG at no less than its variant's type size, one
//! unit per count-goal panel, no empty bar slot, the map's role colours, and no stray files.

use std::path::{Path, PathBuf};

use atlas_builder::charts::{Theme, chart_files};
use atlas_core::draw::charts::{
    ChartSetting, ChartVariant, bounded_figure, count_goal_panels, count_goal_scale, unit_heading,
};
use atlas_core::draw::labels::text_width;
use atlas_core::draw::palette;
use atlas_core::model::facts::Bound;
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
        assert!(v.font >= atlas_core::draw::charts::EXPLORER_MIN_TEXT_PX);
    }
    for v in ChartSetting::Projector.variants() {
        assert!(v.font >= atlas_core::draw::charts::PROJECTOR_MIN_TEXT_PX);
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
    let goals: usize = atlas_core::draw::charts::gdp_shares(&b)
        .iter()
        .map(|y| y.goals.len())
        .sum();
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("gdp-share")) {
        let head = svg.split('>').next().expect("svg tag");
        let width = number(head, "width");
        let (setting, variant) = variant_of(path);
        let theme = Theme::of(setting);
        let mut all = bars(svg, &theme.series.to_uppercase(), variant.font);
        all.extend(bars(svg, &theme.series_2.to_uppercase(), variant.font));
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
        let (setting, variant) = variant_of(path);
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
        let bars = bars(svg, &Theme::of(setting).series.to_uppercase(), variant.font);
        let goals: usize = panels.iter().map(|p| p.goals.len()).sum();
        assert_eq!(bars.len(), goals, "{path}: one bar per goal");
        let largest = bounded_figure(1000.0, Bound::AtLeast, lang);
        assert!(
            all.iter().any(|t| t.text == largest),
            "{path}: the largest figure, whole, with the plan's qualifier ({largest})"
        );
    }
}

#[test]
fn the_role_chart_uses_the_maps_role_colours() {
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("roles-per-city")) {
        let (setting, _) = variant_of(path);
        let colours = match setting {
            ChartSetting::Explorer => palette::role,
            ChartSetting::Projector => palette::projector_role,
        };
        for role in Role::ALL {
            let fill = format!("fill=\"{}\"", colours(role).to_uppercase());
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

/// Every rect of an SVG filled with `fill`: (x, y, width, height).
fn rects(svg: &str, fill: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.split("<rect")
        .skip(1)
        .filter_map(|rest| {
            let tag = rest.split('>').next()?;
            (attr(tag, "fill")? == fill).then(|| {
                (
                    number(tag, "x"),
                    number(tag, "y"),
                    number(tag, "width"),
                    number(tag, "height"),
                )
            })
        })
        .collect()
}

#[test]
fn the_counted_goals_share_one_scale_so_10_is_a_hundredth_of_1000() {
    let scale = count_goal_scale(&bundle());
    assert_eq!(scale, 1000.0);
    for (path, svg) in files().iter().filter(|(p, _)| p.contains("count-goals")) {
        let (setting, variant) = variant_of(path);
        let f = variant.font;
        let all = texts(svg);
        let mut lengths: Vec<(f64, f64)> = Vec::new();
        for (x, y, width, height) in rects(svg, &Theme::of(setting).series.to_uppercase()) {
            // The figure written at the bar's end, centred on it.
            let figure = all
                .iter()
                .find(|t| {
                    (t.left - (x + width + f * 0.3)).abs() < 2.0
                        && t.top < y + height
                        && t.bottom > y
                })
                .unwrap_or_else(|| panic!("{path}: the bar at ({x}, {y}) has its figure"));
            let value: f64 = figure
                .text
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or_else(|_| panic!("{path}: {:?} is a figure", figure.text));
            lengths.push((value, width));
        }
        let full = lengths
            .iter()
            .find(|(v, _)| *v == scale)
            .map(|(_, w)| *w)
            .expect("the largest goal is drawn");
        for (value, width) in &lengths {
            let expected = value / scale * full;
            assert!(
                (width - expected).abs() <= 1.5,
                "{path}: {value} is drawn {width} px long, not {expected:.1} px on the one scale"
            );
        }
        let ten = lengths
            .iter()
            .find(|(v, _)| *v == 10.0)
            .map(|(_, w)| *w)
            .expect("a goal of 10");
        assert!(
            ten * 20.0 < full,
            "{path}: 10 is {ten} px, ≥ 1,000 {full} px"
        );
    }
}

#[test]
fn the_projectors_charts_are_dark_with_light_ink() {
    for (path, svg) in files() {
        let (setting, _) = variant_of(&path);
        let ground = svg
            .split("<rect")
            .nth(1)
            .and_then(|r| attr(r.split('>').next()?, "fill").map(str::to_string))
            .expect("the chart's ground");
        let ink = svg
            .split("<text")
            .nth(1)
            .and_then(|r| attr(r.split('>').next()?, "fill").map(str::to_string))
            .expect("a text");
        let luminance = |hex: &str| {
            let c = palette::rgb(&hex.to_lowercase()).expect("a colour");
            (u32::from(c.0) + u32::from(c.1) + u32::from(c.2)) / 3
        };
        match setting {
            ChartSetting::Projector => {
                assert_eq!(
                    ground,
                    palette::PROJECTOR_BACKGROUND.to_uppercase(),
                    "{path}"
                );
                assert!(luminance(&ink) > 150, "{path}: light ink {ink}");
            }
            ChartSetting::Explorer => {
                assert!(luminance(&ground) > 240, "{path}: white ground {ground}");
                assert!(luminance(&ink) < 110, "{path}: dark ink {ink}");
            }
        }
    }
}
