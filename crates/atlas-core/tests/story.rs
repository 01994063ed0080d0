//! The first screen's story against the committed bundle: the ten industries with their counts,
//! the five places with signature industries in the plan's words, the three zones.

use std::collections::BTreeSet;

use atlas_core::Lang;
use atlas_core::model::facts::Role;
use atlas_core::view::story::{StoryChoice, story, story_markup};
use atlas_core::view::url_state::ViewState;

mod committed_bundle;
use committed_bundle::bundle;

#[test]
fn ten_industries_each_with_the_places_the_plan_gives_a_role() {
    let bundle = bundle();
    let story = story(&bundle, Lang::Zh);
    assert_eq!(story.industries.len(), 10);
    let names: Vec<&str> = story.industries.iter().map(|i| i.name).collect();
    assert_eq!(names[0], "新能源");
    assert_eq!(names[2], "生物技术和新医药");
    for industry in &story.industries {
        let places: BTreeSet<&str> = bundle
            .roles
            .iter()
            .filter(|r| r.industry == industry.id)
            .map(|r| r.place.as_str())
            .collect();
        assert_eq!(industry.places, places.len(), "{}", industry.name);
        assert!(industry.places > 0, "{} has places", industry.name);
    }
    // 泰州 is the focus of biotech, with four supporting cities (§三(三)).
    let biotech = &story.industries[2];
    assert_eq!((biotech.id, biotech.places), ("biotech_medicine", 5));
}

#[test]
fn five_places_carry_the_six_signature_fields_in_the_plans_words() {
    let bundle = bundle();
    let story = story(&bundle, Lang::Zh);
    let rows: Vec<(&str, Vec<&str>)> = story
        .signature
        .iter()
        .map(|r| (r.name, r.fields.iter().map(|f| f.1).collect()))
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0], ("南京", vec!["软件", "智能电网"]));
    let signature_facts = bundle
        .roles
        .iter()
        .filter(|r| r.role == Role::Signature)
        .count();
    assert_eq!(
        story
            .signature
            .iter()
            .map(|r| r.fields.len())
            .sum::<usize>(),
        signature_facts
    );
    for row in &story.signature {
        assert_eq!(row.quote.section, "四(二)");
        assert!(row.quote.quote.starts_with(row.name), "{}", row.quote.quote);
    }
    let en = atlas_core::view::story::story(&bundle, Lang::En);
    assert_eq!(en.signature[0].name, "Nanjing");
    assert_eq!(en.signature[0].fields[0].1, "Software");
}

#[test]
fn three_zones_with_all_thirteen_cities() {
    let bundle = bundle();
    let story = story(&bundle, Lang::Zh);
    assert_eq!(story.zones.len(), 3);
    assert_eq!(story.zones[0].name, "苏南");
    assert_eq!(
        story.zones.iter().map(|z| z.cities.len()).sum::<usize>(),
        13
    );
    assert!(story.zones[0].cities.contains(&"南京"));
}

#[test]
fn the_markup_offers_every_choice_and_quotes_the_plan() {
    let bundle = bundle();
    let zh = story_markup(&bundle, Lang::Zh);
    assert_eq!(
        zh.matches(r#"class="story-industry" data-industry="#)
            .count(),
        10
    );
    assert_eq!(zh.matches(r#"class="story-field" data-field="#).count(), 6);
    assert_eq!(zh.matches(r#"class="story-zone" data-zone="#).count(), 3);
    assert!(zh.contains(r#"<q class="story-quote" lang="zh-CN">南京软件及智能电网</q>"#));
    assert!(zh.contains("§四(二)"));
    let en = story_markup(&bundle, Lang::En);
    assert!(en.contains("§4(2)"));
    assert!(en.contains(">The ten industries<"));
}

#[test]
fn a_choice_is_made_as_the_picker_and_legend_make_it() {
    let bundle = bundle();
    let start = ViewState::default();
    let nano = StoryChoice::Field("nano".into()).apply(&bundle, &start);
    assert_eq!(nano, start.with_field(&bundle, "nano"));
    assert_eq!(nano.industry.as_deref(), Some("new_materials"));
    let biotech = StoryChoice::Industry("biotech_medicine".into()).apply(&bundle, &start);
    assert_eq!(biotech.to_query(), "?industry=biotech_medicine");
    let south = StoryChoice::Zone("south".into()).apply(&bundle, &start);
    assert_eq!(south.to_query(), "?zone=south");
    assert_eq!(
        StoryChoice::Zone("south".into()).landing().selector,
        r#".legend-zone[data-zone="south"]"#
    );
    assert!(StoryChoice::Industry("nev".into()).landing().heading);
}
