//! The drilled map's markup on the real bundle and county layer: counties as named buttons
//! coloured by their city's role, the selection, the markers of the chosen industry's bases, and
//! the standalone export with its title, credit line and every fill it refers to.

use std::collections::BTreeMap;

use atlas_core::draw::county_markup::{DrillLook, drill_export_svg, drill_svg};
use atlas_core::draw::county_scene::DrillScene;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::model::layout::Topic;
use atlas_core::{Bundle, Lang, Role};

mod committed_bundle;
mod committed_layer;
use committed_bundle::bundle;
use committed_layer::layer;

fn roles(bundle: &Bundle, industry: &str) -> BTreeMap<String, Role> {
    bundle
        .strongest_roles(Topic::Industry(industry))
        .into_iter()
        .map(|(p, r)| (p.to_string(), r))
        .collect()
}

fn scene(bundle: &Bundle, layer: &CountyLayer, city: &str, lang: Lang) -> DrillScene {
    DrillScene::new(bundle, layer, city, (1280.0, 760.0), lang, 14.0, &[]).expect("a city")
}

#[test]
fn counties_are_named_buttons_coloured_by_their_city_role() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let roles = roles(&bundle, "next_gen_it");
    let look = DrillLook {
        roles: Some(&roles),
        industry: Some("next_gen_it"),
        lang: Lang::Zh,
        county: Some("320583"),
        interactive: true,
    };
    let scene = scene(&bundle, &layer, "320500", Lang::Zh);
    let svg = drill_svg(&bundle, &layer, &scene, &look);
    let counties = layer.counties_of("320500").count();
    assert_eq!(svg.matches(r#"role="button""#).count(), counties);
    assert_eq!(svg.matches(r#"aria-pressed="true""#).count(), 1);
    assert_eq!(
        svg.matches("class=\"county zone-south tint-focus").count(),
        counties - 1,
        "苏州 is a focus of next-generation IT: its counties show it as a tint"
    );
    assert_eq!(
        svg.matches("class=\"county zone-south role-focus").count(),
        1,
        "昆山, which the plan names itself, shows its own role"
    );
    assert_eq!(
        svg.matches(&format!(
            r#"fill="{}""#,
            atlas_core::draw::palette::TINT_FOCUS
        ))
        .count(),
        counties - 1,
        "the tint is a plain fill, without the role's mark"
    );
    assert!(
        svg.contains(r#"aria-label="昆山市 Kunshan，县级市，苏州市；昆山市：重点""#),
        "{svg}"
    );
    assert!(svg.contains(r#"class="county zone-south role-focus selected""#));
    let selection = svg
        .split(r#"<g class="selected-outline" aria-hidden="true">"#)
        .nth(1)
        .and_then(|g| g.split("</g>").next())
        .expect("the selection's group");
    assert_eq!(
        selection.matches("<path").count(),
        2,
        "a casing: halo and line"
    );
    for colour in [
        atlas_core::draw::palette::SELECT_HALO,
        atlas_core::draw::palette::SELECT_LINE,
    ] {
        assert!(
            selection.contains(&format!(r#"stroke="{colour}""#)),
            "{selection}"
        );
    }
    assert!(svg.contains(">昆山</text>"), "the county label of 昆山");
    assert!(
        !svg.contains("class=\"city "),
        "no county is taken for a city"
    );
    for id in svg
        .split("url(#")
        .skip(1)
        .filter_map(|s| s.split(')').next())
    {
        assert!(svg.contains(&format!(r#"id="{id}""#)), "{id} is defined");
    }
}

#[test]
fn the_bases_shown_are_the_chosen_industry_s() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let scene = scene(&bundle, &layer, "320200", Lang::En);
    let look = |industry| DrillLook {
        roles: None,
        industry,
        lang: Lang::En,
        county: None,
        interactive: true,
    };
    let all = drill_svg(&bundle, &layer, &scene, &look(None));
    assert_eq!(all.matches(r#"class="base-marker""#).count(), 2);
    let iot = drill_svg(&bundle, &layer, &scene, &look(Some("iot_cloud")));
    assert_eq!(iot.matches(r#"class="base-marker""#).count(), 1);
    assert!(
        iot.contains(r#"data-county="320214""#),
        "无锡's hi-tech zone in 新吴区"
    );
    assert!(
        all.contains("Yixing (宜兴市), county-level city, Wuxi"),
        "English names"
    );
}

#[test]
fn the_export_is_a_standalone_picture_with_title_and_credit() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let roles = roles(&bundle, "energy_saving");
    let scene = scene(&bundle, &layer, "320200", Lang::Zh);
    let look = DrillLook {
        roles: Some(&roles),
        industry: Some("energy_saving"),
        lang: Lang::Zh,
        county: None,
        interactive: false,
    };
    let svg = drill_export_svg(
        &bundle,
        &layer,
        &scene,
        &look,
        &atlas_core::draw::map_title::MapTitle {
            headline: "无锡市 · 节能环保".into(),
            subtitle: "plan".into(),
        },
    );
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
    assert!(svg.contains(">无锡市 · 节能环保</text>"));
    let warning = format!(">{}</text>", bundle.map_warning(Lang::Zh));
    assert!(svg.contains(&warning), "the warning line");
    assert!(
        svg.contains("GSHHG") && svg.contains("<desc>"),
        "the licences described"
    );
    assert!(svg.contains(r#"class="scale-bar-label""#), "the scale bar");
    assert!(!svg.contains("tabindex"), "nothing to focus in a file");
    assert_eq!(
        svg.matches("<path class=\"county").count(),
        layer.counties_of("320200").count()
    );
    assert!(
        svg.contains("fill=\"url(#drill-pattern-focus)\""),
        "宜兴 focus marker"
    );
    for id in svg
        .split("url(#")
        .skip(1)
        .filter_map(|s| s.split(')').next())
    {
        assert!(svg.contains(&format!(r#"id="{id}""#)), "{id} is defined");
    }
    assert_eq!(svg.matches("<svg").count(), 1);
    assert_eq!(svg.matches("</svg>").count(), 1);
}

#[test]
fn the_water_is_drawn_over_the_counties_hidden_and_named_under_the_labels() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let look = DrillLook {
        roles: None,
        industry: None,
        lang: Lang::Zh,
        county: None,
        interactive: true,
    };
    let scene = scene(&bundle, &layer, "320500", Lang::Zh);
    let svg = drill_svg(&bundle, &layer, &scene, &look);
    let at = |needle: &str| {
        svg.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {svg}"))
    };
    let water = at(r#"<g class="water" aria-hidden="true"><path class="water-lake""#);
    assert!(at(r#"<g class="counties">"#) < water, "over the counties");
    assert!(
        water < at(r#"<g class="city-outline""#),
        "under the outline"
    );
    assert!(at(r#"<g class="labels" aria-hidden="true">"#) < at(">太湖</text>"));
    assert!(svg.contains(">阳澄湖</text>"), "{svg}");
    let export = drill_export_svg(
        &bundle,
        &layer,
        &scene,
        &look,
        &atlas_core::draw::map_title::MapTitle {
            headline: "苏州".into(),
            subtitle: "plan".into(),
        },
    );
    assert!(
        export.contains(r##"class="water-lake" data-water="0""##)
            && export.contains(r##"fill="#d4ecfa""##),
        "the export colours its water without a stylesheet"
    );
}

#[test]
fn a_county_the_plan_names_shows_its_own_role_and_the_export_keeps_the_title_clear() {
    let bundle = bundle();
    let layer = layer(&bundle);
    let roles = roles(&bundle, "energy_saving");
    let scene = scene(&bundle, &layer, "320200", Lang::Zh);
    let look = DrillLook {
        roles: Some(&roles),
        industry: Some("energy_saving"),
        lang: Lang::Zh,
        county: None,
        interactive: true,
    };
    let svg = drill_svg(&bundle, &layer, &scene, &look);
    let yixing = svg
        .split("<path ")
        .find(|p| p.contains(r#"data-adcode="320282""#) && p.contains("class=\"county"))
        .expect("宜兴 is drawn");
    assert!(
        yixing.contains(r#"data-role="focus""#) && yixing.contains("role-focus"),
        "宜兴 is a focus of 节能环保 though 无锡 is not named: {yixing}"
    );
    assert!(yixing.contains("；宜兴市：重点"), "{yixing}");
    let other = svg
        .split("<path ")
        .find(|p| p.contains(r#"data-adcode="320205""#))
        .expect("锡山区 is drawn");
    assert!(other.contains(r#"data-role="none""#), "{other}");
    let export = drill_export_svg(
        &bundle,
        &layer,
        &scene,
        &look,
        &atlas_core::draw::map_title::MapTitle {
            headline: "无锡市 · 节能环保".into(),
            subtitle: "plan".into(),
        },
    );
    assert!(
        export.contains(r#"<g class="map" transform="translate(0 "#)
            && export.contains(r#"clip-path="url(#drill-map-area)""#),
        "the map is clipped to its area, under the title band"
    );
}
