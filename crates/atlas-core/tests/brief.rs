//! Each of the 13 cities' briefs against the committed bundle, read back independently from its
//! raw JSON: names, zone and direction, every role with the plan's words and section, the
//! county-level places with their roles, the bases with their sources, the plan's title and the
//! date line; the locator map with the city highlighted and its counties drawn from the committed
//! county layer; which briefs a link ticks.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use atlas_core::Bundle;
use atlas_core::Lang;
use atlas_core::draw::locator::{locator_scene, locator_svg};
use atlas_core::draw::look::zone_fill;
use atlas_core::draw::map_markup::escape;
use atlas_core::model::county_layer::CountyLayer;
use atlas_core::view::brief::date::{PrintDate, date_line, plan_period};
use atlas_core::view::brief::{BriefError, all_briefs, city_brief, items, ticked_at_open};
use serde_json::Value;

fn asset(file: &str) -> String {
    let path = format!("{}/../../assets/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

static TEXT: LazyLock<String> = LazyLock::new(|| asset("atlas.json"));
static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| Bundle::from_json(&TEXT).expect("bundle loads"));
static RAW: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(&TEXT).expect("json"));
static LAYER: LazyLock<CountyLayer> = LazyLock::new(|| {
    CountyLayer::from_json(&asset("counties.json"), &BUNDLE).expect("county layer loads")
});

fn raw(list: &str) -> &'static Vec<Value> {
    RAW[list].as_array().expect("a list")
}

fn s(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// (place, field, role, quote, section) of every raw role fact of `place`.
fn raw_roles(place: &str) -> BTreeSet<(String, String, String, String, String)> {
    raw("roles")
        .iter()
        .filter(|r| r["place"] == place)
        .map(|r| {
            (
                s(r, "place"),
                s(r, "field"),
                s(r, "role"),
                s(&r["quote"], "quote"),
                s(&r["quote"], "section"),
            )
        })
        .collect()
}

fn brief_roles<'a>(
    roles: impl IntoIterator<Item = &'a atlas_core::view::brief::BriefRole<'a>>,
) -> BTreeSet<(String, String, String, String, String)> {
    roles
        .into_iter()
        .map(|r| {
            assert_eq!(r.field.id, r.fact.field);
            assert_eq!(r.industry.id, r.fact.industry);
            assert_eq!(r.field.industry, r.industry.id);
            (
                r.fact.place.clone(),
                r.fact.field.clone(),
                r.fact.role.as_str().to_string(),
                r.fact.quote.quote.clone(),
                r.fact.quote.section.clone(),
            )
        })
        .collect()
}

#[test]
fn every_city_has_a_brief_with_what_the_bundle_says_of_it() {
    let briefs = all_briefs(&BUNDLE).expect("every city has a brief");
    let cities = raw("cities");
    assert_eq!(briefs.len(), 13);
    assert_eq!(cities.len(), 13);
    for (brief, city) in briefs.iter().zip(cities) {
        let adcode = s(city, "adcode");
        assert_eq!(brief.city.adcode, adcode);
        assert_eq!(brief.city.name_zh, s(city, "name_zh"));
        assert_eq!(brief.city.name_en, s(city, "name_en"));
        let zone = raw("zones")
            .iter()
            .find(|z| z["id"] == city["zone"])
            .expect("the city's zone");
        assert!(
            zone["cities"]
                .as_array()
                .is_some_and(|c| c.contains(&city["adcode"]))
        );
        assert_eq!(brief.zone.name_zh, s(zone, "name_zh"));
        assert_eq!(brief.zone.direction.quote, s(&zone["direction"], "quote"));
        assert_eq!(
            brief.zone.direction.section,
            s(&zone["direction"], "section")
        );
        assert_eq!(brief.zone.direction_gloss_en, s(zone, "direction_gloss_en"));
        assert!(!brief.zone.direction_gloss_en.is_empty());
        // Every role the plan gives the city, each once, with its words and section.
        assert_eq!(brief_roles(&brief.roles), raw_roles(&adcode), "{adcode}");
        assert_eq!(brief.roles.len(), raw_roles(&adcode).len(), "{adcode}");
        // Its county-level places, each with its roles.
        let places: Vec<String> = raw("places")
            .iter()
            .filter(|p| p["city"] == city["adcode"])
            .map(|p| s(p, "adcode"))
            .collect();
        let shown: Vec<String> = brief
            .places
            .iter()
            .map(|p| p.place.adcode.clone())
            .collect();
        assert_eq!(shown, places, "{adcode}");
        for place in &brief.places {
            assert_eq!(brief_roles(&place.roles), raw_roles(&place.place.adcode));
        }
        // Its bases, each with a source.
        let bases: Vec<String> = raw("bases")
            .iter()
            .filter(|b| b["city"] == city["adcode"])
            .map(|b| s(b, "name_zh"))
            .collect();
        let shown: Vec<String> = brief.bases.iter().map(|b| b.name_zh.clone()).collect();
        assert_eq!(shown, bases, "{adcode}");
        assert!(brief.bases.iter().all(|b| b.source.starts_with("http")));
        assert_eq!(brief.plan.title_zh, s(&RAW["plan"], "title_zh"));
    }
}

#[test]
fn the_fullest_brief_is_wuxis_and_places_and_bases_appear_where_the_bundle_has_them() {
    let briefs = all_briefs(&BUNDLE).expect("briefs");
    let fullest = briefs.iter().max_by_key(|b| items(b)).expect("13 briefs");
    assert_eq!(fullest.city.name_zh, "无锡市");
    assert_eq!(items(fullest), 8);
    let most_roles = briefs.iter().map(|b| b.roles.len()).max();
    assert_eq!(most_roles, Some(5));
    assert_eq!(city_brief(&BUNDLE, "320100").map(|b| b.roles.len()), Ok(5));
    let suzhou = city_brief(&BUNDLE, "320500").expect("苏州");
    assert_eq!(suzhou.places.len(), 1);
    assert_eq!(suzhou.places[0].place.name_zh, "昆山市");
    assert_eq!(items(&suzhou), 4 + 1 + suzhou.places[0].roles.len());
    let wuxi = city_brief(&BUNDLE, "320200").expect("无锡");
    assert_eq!(wuxi.bases.len(), 2);
    // A role in a field narrower than its industry names the industry too.
    assert!(suzhou.roles.iter().any(|r| r.names_industry()));
}

#[test]
fn only_cities_have_briefs() {
    assert_eq!(
        city_brief(&BUNDLE, "320583").map(|b| b.city.adcode.clone()),
        Err(BriefError::NotACity("320583".to_string()))
    );
    let message = BriefError::NotACity("999999".to_string()).to_string();
    assert!(message.contains("999999") && message.contains("13 cities"));
}

#[test]
fn a_link_to_a_city_ticks_its_brief_alone() {
    let all: Vec<String> = BUNDLE.cities.iter().map(|c| c.adcode.clone()).collect();
    assert_eq!(ticked_at_open(&BUNDLE, None), all);
    assert_eq!(ticked_at_open(&BUNDLE, Some("320500")), ["320500"]);
    // 昆山's brief is 苏州's.
    assert_eq!(ticked_at_open(&BUNDLE, Some("320583")), ["320500"]);
    assert_eq!(ticked_at_open(&BUNDLE, Some("nowhere")), all);
}

#[test]
fn the_date_line_gives_the_print_date_and_the_plan_period() {
    let date = PrintDate::new(2026, 12, 1).expect("a date");
    assert_eq!(plan_period(&BUNDLE.plan), Some((2011, 2015)));
    // The period agrees with the plan's own figures: baselines of 2010, goals for 2015.
    assert!(BUNDLE.targets.iter().any(|t| t.year == 2010));
    assert!(BUNDLE.targets.iter().any(|t| t.year == 2015));
    assert_eq!(
        date_line(&BUNDLE.plan, date, Lang::Zh),
        "打印于 2026年12月1日 · 规划期 2011–2015年"
    );
    assert_eq!(
        date_line(&BUNDLE.plan, date, Lang::En),
        "Printed 1 December 2026 · Plan period 2011–2015"
    );
}

/// The value of `attribute` in the markup of an element (the first one it holds).
fn attribute<'a>(element: &'a str, attribute: &str) -> Option<&'a str> {
    let start = element.find(&format!(r#"{attribute}=""#))? + attribute.len() + 2;
    element[start..].split('"').next()
}

#[test]
fn each_locator_highlights_its_city_and_draws_its_counties() {
    for lang in [Lang::Zh, Lang::En] {
        let scene = locator_scene(&BUNDLE);
        for city in &BUNDLE.cities {
            let province = locator_svg(&BUNDLE, &scene, &city.adcode, None, lang);
            let with_counties = locator_svg(&BUNDLE, &scene, &city.adcode, Some(&LAYER), lang);
            let paths: Vec<&str> = province.split("<path ").skip(1).collect();
            let cities: Vec<&str> = paths
                .iter()
                .copied()
                .filter(|p| p.starts_with(r#"class="locator-city"#))
                .collect();
            assert_eq!(cities.len(), 13, "{}", city.name_en);
            let here: Vec<&str> = cities
                .iter()
                .copied()
                .filter(|p| p.contains(" here\""))
                .collect();
            assert_eq!(here.len(), 1);
            assert_eq!(
                attribute(here[0], "data-adcode"),
                Some(city.adcode.as_str())
            );
            assert_eq!(attribute(here[0], "fill"), Some(zone_fill(&city.zone)));
            let shape = scene
                .cities
                .iter()
                .find(|c| c.adcode == city.adcode)
                .expect("the city in the scene");
            assert_eq!(attribute(here[0], "d"), Some(shape.path.as_str()));
            assert!(province.contains(r#"class="locator-outline""#));
            let label = lang.pick(city.short_name_zh(), &city.name_en);
            assert!(
                province.contains(&format!(">{}</text>", escape(label))),
                "{} is labelled",
                city.name_en
            );
            let counties = LAYER.counties_of(&city.adcode).count();
            assert!(counties >= 2, "{} has counties", city.name_en);
            assert_eq!(province.matches(r#"class="locator-county""#).count(), 0);
            assert_eq!(
                with_counties.matches(r#"class="locator-county""#).count(),
                counties
            );
            assert!(with_counties.contains(&format!(r#"data-counties="{counties}""#)));
            let name = attribute(&with_counties, "aria-label").expect("named");
            assert!(name.contains(&counties.to_string()), "{name}");
            assert!(name.contains(&escape(lang.pick(&city.name_zh, &city.name_en))));
        }
    }
}
