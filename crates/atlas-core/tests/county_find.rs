//! Finding and describing counties on the real bundle and the real county layer
//! (`assets/counties.json`): the county panel's facts for 昆山 and 宜兴, search by Chinese,
//! English and pinyin, a linked county checked once the layer arrives, and the live region's
//! lines for drilling in, choosing a county and going back.

use atlas_core::model::county_facts::county_facts;
use atlas_core::model::county_layer::CountyKind;
use atlas_core::view::announce::{announcement, drill_line, layer_arrived_line};
use atlas_core::view::search::{HitKind, county_detail, search};
use atlas_core::view::url_state::{NoticeReason, ViewState};
use atlas_core::{Lang, Role};

mod committed_bundle;
mod committed_layer;
use committed_bundle::bundle;
use committed_layer::layer;

#[test]
fn kunshans_panel_quotes_the_plan_and_lists_suzhous_roles_as_context() {
    let b = bundle();
    let l = layer(&b);
    let facts = county_facts(&b, &l, "320583").expect("昆山 is a county");
    assert_eq!(
        (facts.county.name_zh.as_str(), facts.county.name_en.as_str()),
        ("昆山市", "Kunshan")
    );
    assert_eq!(facts.county.kind, CountyKind::CountyLevelCity);
    assert!(
        (900.0..960.0).contains(&facts.county.area_km2),
        "{}",
        facts.county.area_km2
    );
    assert_eq!(facts.city.adcode, "320500");
    let mention = facts.mention.expect("the plan names 昆山");
    assert!(mention.quote.contains("昆山"), "{}", mention.quote);
    assert_eq!(mention.section, "四(二)");
    assert_eq!(facts.roles.len(), 1, "{:?}", facts.roles);
    assert_eq!(
        (facts.roles[0].field.as_str(), facts.roles[0].role),
        ("flat_panel", Role::Focus)
    );
    assert!(facts.roles[0].quote.quote.contains("昆山"));
    assert!(facts.bases.is_empty(), "no sourced base is hosted by 昆山");
    assert_eq!(facts.city_roles, b.roles_of_place("320500"));
    assert!(!facts.city_roles.is_empty());
}

#[test]
fn yixings_panel_has_its_environmental_park_with_its_source() {
    let b = bundle();
    let l = layer(&b);
    let facts = county_facts(&b, &l, "320282").expect("宜兴 is a county");
    assert_eq!(facts.county.name_zh, "宜兴市");
    assert_eq!(facts.city.adcode, "320200");
    assert_eq!(
        facts
            .roles
            .iter()
            .map(|r| (r.field.as_str(), r.role))
            .collect::<Vec<_>>(),
        [("energy_saving", Role::Focus)]
    );
    let mention = facts.mention.expect("the plan names 宜兴");
    assert!(mention.quote.contains("宜兴"));
    let names: Vec<&str> = facts.bases.iter().map(|b| b.name_zh.as_str()).collect();
    assert_eq!(names, ["中国宜兴环保科技工业园"]);
    assert!(!facts.bases[0].source.is_empty());
    let xinwu = county_facts(&b, &l, "320214").expect("新吴区");
    assert_eq!(xinwu.mention, None, "the plan does not name 新吴区");
    assert!(xinwu.roles.is_empty());
    assert_eq!(xinwu.bases.len(), 1, "无锡's national high-tech zone");
    assert_eq!(county_facts(&b, &l, "320500"), None, "a city is no county");
}

#[test]
fn counties_are_found_by_chinese_english_and_pinyin_names() {
    let b = bundle();
    let l = layer(&b);
    for (query, adcode) in [
        ("昆山", "320583"),
        ("kunshan", "320583"),
        ("KUNSHAN", "320583"),
        ("Yixing", "320282"),
        ("xuanwu", "320102"),
        ("Xuanwu District", "320102"),
        ("玄武", "320102"),
        ("江阴市", "320281"),
    ] {
        let hits = search(&b, Some(&l), query, Lang::En);
        assert_eq!(
            hits.first().map(|h| (h.kind, h.id.as_str())),
            Some((HitKind::County, adcode)),
            "{query}: {hits:?}"
        );
    }
    assert!(
        search(&b, None, "xuanwu", Lang::Zh).is_empty(),
        "without the layer only the plan's places are counties"
    );
    let kunshan = search(&b, None, "kunshan", Lang::Zh);
    assert_eq!(
        kunshan[0].id, "320583",
        "the plan's place is found before the layer loads"
    );
    for county in &l.counties {
        let hits = search(&b, Some(&l), &county.name_en.to_lowercase(), Lang::Zh);
        assert!(
            hits.iter()
                .any(|h| h.kind == HitKind::County && h.id == county.adcode),
            "{} not found by {}: {hits:?}",
            county.adcode,
            county.name_en
        );
        let hits = search(&b, Some(&l), &county.name_zh, Lang::Zh);
        assert!(
            hits.iter().any(|h| h.id == county.adcode),
            "{}",
            county.name_zh
        );
    }
}

#[test]
fn a_linked_county_is_checked_against_the_layer_when_it_arrives() {
    let b = bundle();
    let l = layer(&b);
    let (kunshan, _) = ViewState::from_query("county=320583", &b);
    assert_eq!(
        kunshan.checked_county(&l, Lang::Zh),
        (kunshan.clone(), None)
    );
    let (unknown, notices) = ViewState::from_query("city=320500&county=320599", &b);
    assert!(notices.is_empty(), "a well-formed code waits for the layer");
    let (checked, notice) = unknown.checked_county(&l, Lang::Zh);
    assert_eq!(
        checked.to_query(),
        "?city=320500&drill=1",
        "the city stays drilled"
    );
    let notice = notice.expect("the dropped county is noticed");
    assert_eq!(
        (notice.key.as_str(), notice.reason),
        ("county", NoticeReason::UnknownValue)
    );
    let (no_county, _) = ViewState::from_query("city=320500&drill=1", &b);
    assert_eq!(
        no_county.checked_county(&l, Lang::Zh),
        (no_county.clone(), None)
    );
}

#[test]
fn drilling_in_choosing_a_county_and_going_back_are_each_one_short_line() {
    let b = bundle();
    let l = layer(&b);
    let (suzhou, _) = ViewState::from_query("city=320500", &b);
    let drilled = suzhou.drilled(true);
    assert_eq!(
        announcement(&b, Some(&l), &suzhou, &drilled).as_deref(),
        Some("苏州市 — 9 个县级单位")
    );
    let english = ViewState {
        lang: Lang::En,
        ..drilled.clone()
    };
    assert_eq!(
        drill_line(&b, &l, &english).as_deref(),
        Some("Suzhou — 9 county-level units")
    );
    assert_eq!(
        announcement(&b, None, &suzhou, &drilled),
        None,
        "without the layer the count waits for it (drill_line is told then)"
    );
    let kunshan = drilled.with_county(Some("320583".into()));
    assert_eq!(
        announcement(&b, Some(&l), &drilled, &kunshan).as_deref(),
        Some("已选择 昆山市（县级市）：平板显示（重点）")
    );
    assert_eq!(
        layer_arrived_line(&b, &l, &kunshan).as_deref(),
        Some("苏州市 — 9 个县级单位；已选择 昆山市（县级市）：平板显示（重点）"),
        "a layer arriving late tells the whole drill-down, the chosen county included"
    );
    assert_eq!(
        layer_arrived_line(&b, &l, &suzhou),
        None,
        "nothing outside drill-down"
    );
    let coloured = announcement(
        &b,
        Some(&l),
        &kunshan,
        &kunshan.with_industry(Some("next_gen_it".into())),
    )
    .expect("announced");
    assert!(
        coloured.ends_with("；昆山市：新一代信息技术和软件（重点）"),
        "a new topic is told for the chosen county the plan names: {coloured}"
    );
    let gusu = drilled.with_county(Some("320508".into()));
    assert_eq!(
        announcement(&b, Some(&l), &drilled, &gusu).as_deref(),
        Some("已选择 姑苏区（市辖区）")
    );
    assert_eq!(
        announcement(&b, Some(&l), &kunshan, &drilled).as_deref(),
        Some("已返回 苏州市")
    );
    assert_eq!(
        announcement(&b, Some(&l), &kunshan, &suzhou).as_deref(),
        Some("已返回全省地图")
    );
    let from_search = ViewState::default().with_county(Some("320583".into()));
    assert_eq!(
        announcement(&b, Some(&l), &ViewState::default(), &from_search).as_deref(),
        Some("苏州市 — 9 个县级单位；已选择 昆山市（县级市）：平板显示（重点）")
    );
}

#[test]
fn counties_of_the_same_name_are_told_apart_by_their_city() {
    let b = bundle();
    let l = layer(&b);
    let hits = search(&b, Some(&l), "鼓楼", Lang::Zh);
    let details: Vec<String> = hits
        .iter()
        .filter(|h| h.kind == HitKind::County)
        .filter_map(|h| county_detail(&b, Some(&l), h, Lang::Zh))
        .collect();
    assert_eq!(details, ["市辖区 · 南京市", "市辖区 · 徐州市"]);
    let english: Vec<String> = search(&b, Some(&l), "gulou", Lang::En)
        .iter()
        .filter_map(|h| county_detail(&b, Some(&l), h, Lang::En))
        .collect();
    assert_eq!(english, ["district · Nanjing", "district · Xuzhou"]);
    let city = search(&b, Some(&l), "南京", Lang::Zh);
    assert_eq!(
        county_detail(&b, Some(&l), &city[0], Lang::Zh),
        None,
        "a city's kind is the interface's to name"
    );
}

#[test]
fn the_table_does_not_speak_of_a_map_it_does_not_show() {
    let b = bundle();
    let l = layer(&b);
    let (table, _) = ViewState::from_query("lang=en&view=table", &b);
    let kunshan = table.with_county(Some("320583".into()));
    let chosen = announcement(&b, Some(&l), &table, &kunshan).expect("a county chosen is told");
    assert!(
        !chosen.contains("county-level units") && chosen.contains("Kunshan selected"),
        "{chosen}"
    );
    let back = announcement(&b, Some(&l), &kunshan, &kunshan.drilled(false));
    assert!(
        back.as_deref()
            .is_none_or(|line| !line.contains("province map")),
        "{back:?}"
    );
}

#[test]
fn counties_are_found_by_the_forms_people_type() {
    let b = bundle();
    let l = layer(&b);
    for (query, adcode) in [
        ("jiangning qu", "320115"),
        ("Jiangning District", "320115"),
        ("Kunshan City", "320583"),
        ("kunshan shi", "320583"),
        ("Jiāngníng Qū", "320115"),
        ("xuyi xian", "320830"),
    ] {
        let hits = search(&b, Some(&l), query, Lang::En);
        assert_eq!(
            hits.first().map(|h| (h.kind, h.id.as_str())),
            Some((HitKind::County, adcode)),
            "{query}: {hits:?}"
        );
    }
}
