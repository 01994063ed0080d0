//! One SVG writer and one palette (issue 19, item 2): the live map and its export are drawn by
//! the same pieces, so they draw the same places, bases and labels, the export only writing the
//! colours in; the export of a view marks the bases the live map marks; and no code names a
//! colour outside the palette.

use std::path::Path;

mod source_files;
use source_files::rust_files;

use atlas_core::draw::look::Look;
use atlas_core::draw::map_markup::{MapLook, map_svg};
use atlas_core::draw::map_title::MapTitle;
use atlas_core::draw::scene::Scene;
use atlas_core::model::layout::Topic;
use atlas_core::view::export_view::view_svg;
use atlas_core::view::slides::slides;
use atlas_core::view::url_state::ViewState;
use atlas_core::{Bundle, Lang};

mod committed_bundle;
use committed_bundle::bundle;

fn title() -> MapTitle {
    MapTitle {
        headline: "Jiangsu".into(),
        subtitle: "plan".into(),
    }
}

/// The values of `attribute` on every element of `svg` carrying it, in order.
fn values<'a>(svg: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(r#" {attribute}=""#);
    svg.split(needle.as_str())
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The live map of `state` as src/map/map_view.rs draws it: roles shown and industry marked.
fn live(bundle: &Bundle, scene: &Scene, state: &ViewState) -> String {
    let roles = state.roles_shown(bundle);
    let look = MapLook {
        roles: roles.as_ref(),
        industry: state.marked_industry(bundle),
        lang: state.lang,
        city: None,
        zone: None,
        interactive: true,
        colours: Look::Themed,
    };
    map_svg(bundle, scene, &look)
}

#[test]
fn the_export_marks_the_bases_of_the_industry_the_live_map_marks() {
    let bundle = bundle();
    let scene = Scene::new(&bundle, 1000.0, 800.0, Lang::En, 14.0, &[]);
    // Presenting, the map shows the slide's industry, not the one chosen before the tour: the
    // live map marks the slide's industry's bases, and so must its export.
    let hosts_of = |industry: Option<&str>| -> Vec<String> {
        bundle
            .bases
            .iter()
            .filter(|b| b.serves(industry))
            .map(|b| b.city.clone())
            .collect()
    };
    let (slide, shown) = slides(&bundle)
        .iter()
        .enumerate()
        .find_map(|(i, s)| match s.kind.topic() {
            Some(Topic::Industry(id)) if !hosts_of(Some(id)).is_empty() => {
                Some((i + 1, id.to_string()))
            }
            _ => None,
        })
        .expect("a slide of an industry with bases");
    let chosen = bundle
        .industries
        .iter()
        .map(|i| i.id.as_str())
        .find(|id| hosts_of(Some(id)) != hosts_of(Some(&shown)))
        .expect("an industry with other bases");
    let (state, _) = ViewState::from_query(
        &format!("?lang=en&industry={chosen}&slide={slide}"),
        &bundle,
    );
    assert_eq!(state.industry.as_deref(), Some(chosen));
    assert_eq!(state.marked_industry(&bundle), Some(shown.as_str()));
    let live = live(&bundle, &scene, &state);
    let export = view_svg(&bundle, &scene, &state, &title());
    let hosts = values(&live, "data-host");
    assert_eq!(
        hosts,
        hosts_of(Some(&shown)),
        "the live map marks the slide's"
    );
    assert_eq!(
        values(&export, "data-host"),
        hosts,
        "and so does its export"
    );
    assert_eq!(values(&export, "data-role"), values(&live, "data-role"));
}

#[test]
fn the_live_map_and_its_export_draw_the_same_places_and_labels_one_themed_one_fixed() {
    let bundle = bundle();
    let scene = Scene::new(&bundle, 1000.0, 800.0, Lang::Zh, 14.0, &[]);
    for query in ["?lang=zh", "?lang=zh&industry=biotech_medicine"] {
        let (state, _) = ViewState::from_query(query, &bundle);
        let live = live(&bundle, &scene, &state);
        let export = view_svg(&bundle, &scene, &state, &title());
        let map = export
            .split_once(r#"<g class="map""#)
            .and_then(|(_, rest)| rest.split_once(r#"<g class="legend""#))
            .map_or("", |(map, _)| map);
        assert_eq!(values(map, "data-adcode"), values(&live, "data-adcode"));
        assert_eq!(values(map, "class"), {
            let mut classes = values(&live, "class");
            classes.retain(|c| !c.starts_with("marker-hit"));
            classes.remove(0); // the live map's own <svg class="map-svg">
            classes.retain(|c| !c.starts_with("pattern-"));
            classes
        });
        assert_eq!(
            live.matches(" fill=\"").count(),
            live.matches("class=\"water-").count()
                + live.matches("casing-").count()
                + live.matches("scale-bar-").count()
                + live.matches("pattern-mark").count(),
            "{query}: the themed map writes colours only on its water, casing, scale bar and pattern marks"
        );
        for class in ["city zone-", "place-marker", "base-marker", "city-label"] {
            for element in map.split(&format!(r#"class="{class}"#)).skip(1) {
                let tag = &element[..element.find('>').expect("a tag's end")];
                assert!(tag.contains(" fill=\""), "{query}: {class} painted: {tag}");
            }
        }
    }
}

/// Whether `text` names a colour as CSS does: `#` and three or six hex digits, then no more.
fn colours_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, _) in text.match_indices('#') {
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let word_goes_on = bytes
            .get(i + 1 + digits)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if (digits == 3 || digits == 6) && !word_goes_on {
            found.push(text[i..=i + digits].to_string());
        }
    }
    found
}

#[test]
fn no_code_names_a_colour_outside_the_palette() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files: Vec<_> = ["crates/atlas-core/src", "crates/atlas-builder/src", "src"]
        .iter()
        .flat_map(|dir| rust_files(&root.join(dir)))
        .collect();
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let mut strays = Vec::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "palette.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a readable source");
        // A file's unit tests may name reference colours (WCAG's contrast examples).
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for colour in colours_in(code) {
            strays.push(format!("{}: {colour}", file.display()));
        }
    }
    assert!(
        strays.is_empty(),
        "colours outside atlas-core's palette:\n{}",
        strays.join("\n")
    );
}

#[test]
fn colours_are_found_as_css_writes_them() {
    assert_eq!(
        colours_in(r##"fill="#ffffff" stroke="#abc" href="#role-pattern-focus" &#39;"##),
        ["#ffffff", "#abc"]
    );
}
