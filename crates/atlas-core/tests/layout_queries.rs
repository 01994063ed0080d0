//! Layout queries, search and URL state against the committed bundle.

use atlas_core::model::i18n::Lang;
use atlas_core::model::layout::Topic;
use atlas_core::view::search::{HitKind, search};
use atlas_core::view::url_state::{
    Choice, MessagePart, MessagePolicy, NoticeReason, SelectMessage, Theme, View, ViewState,
};
use atlas_core::{Bundle, Role};

mod committed_bundle;
use committed_bundle::bundle;

fn names(b: &Bundle, places: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = places
        .into_iter()
        .map(|a| b.place_name(&a).expect("place").zh.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn the_ten_industries_come_in_the_plans_order_with_their_sub_areas() {
    let b = bundle();
    let ids: Vec<&str> = b.industries.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(ids[0], "new_energy");
    assert_eq!(ids[9], "offshore_equipment");
    let new_energy = b.industry("new_energy").expect("new energy");
    let subs: Vec<&str> = new_energy
        .subareas
        .iter()
        .map(|s| s.name_zh.as_str())
        .collect();
    assert_eq!(
        subs,
        ["太阳能利用技术", "风力发电", "生物质能", "核电关联产业"]
    );
    assert_eq!(new_energy.summary.section, "三(一)");
}

#[test]
fn roles_by_field_for_biotech_put_taizhou_in_focus_and_four_cities_in_support() {
    let b = bundle();
    let roles = b.strongest_roles(Topic::Field("biotech_medicine"));
    let with = |role: Role| {
        names(
            &b,
            roles
                .iter()
                .filter(|(_, r)| **r == role)
                .map(|(p, _)| p.to_string()),
        )
    };
    assert_eq!(with(Role::Focus), ["泰州市"]);
    assert_eq!(
        with(Role::Support),
        ["南京市", "无锡市", "苏州市", "连云港市"]
    );
}

#[test]
fn roles_by_industry_include_narrower_fields() {
    let b = bundle();
    let it = b.strongest_roles(Topic::Industry("next_gen_it"));
    assert_eq!(it.get("320100"), Some(&Role::Signature), "南京 software");
    assert_eq!(it.get("320583"), Some(&Role::Focus), "昆山 flat panels");
    assert_eq!(it.get("320500"), Some(&Role::Focus), "苏州 flat panels");
    let iot = b.strongest_roles(Topic::Industry("iot_cloud"));
    assert_eq!(
        iot.get("320200"),
        Some(&Role::Signature),
        "无锡: signature beats pilot"
    );
    let cloud = b.strongest_roles(Topic::Field("cloud"));
    assert_eq!(cloud.get("320200"), Some(&Role::Pilot));
    assert!(b.roles_in(Topic::Industry("high_end_equipment")).len() == 1);
}

#[test]
fn roles_by_city_list_every_statement_naming_nanjing() {
    let b = bundle();
    let mut fields: Vec<(String, Role)> = b
        .roles_of_place("320100")
        .into_iter()
        .map(|r| (r.field.clone(), r.role))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("biotech_medicine".to_string(), Role::Support),
            ("flat_panel".to_string(), Role::Focus),
            ("smart_grid".to_string(), Role::Signature),
            ("software".to_string(), Role::Signature),
            ("solar_pv".to_string(), Role::Support),
        ]
    );
    assert!(
        b.roles_of_place("321300")
            .iter()
            .all(|r| r.role == Role::Focus)
    );
}

#[test]
fn statements_group_the_places_one_sentence_names() {
    let b = bundle();
    let statements = b.statements_in(Topic::Industry("new_energy"));
    let summary: Vec<(&str, Role, Vec<&str>)> = statements
        .iter()
        .map(|s| (s.fact.field.as_str(), s.fact.role, s.places.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("solar_pv", Role::Focus, vec!["320200"]),
            (
                "solar_pv",
                Role::Support,
                vec!["320300", "320400", "320100", "320500", "321000"]
            ),
        ]
    );
    assert_eq!(b.statements_in(Topic::Industry("smart_grid")).len(), 1);
}

#[test]
fn a_sentence_naming_a_focus_and_its_supports_is_quoted_once() {
    let b = bundle();
    let statements = b.statements_in(Topic::Industry("biotech_medicine"));
    let repeats: Vec<(Role, bool)> = statements
        .iter()
        .map(|s| (s.fact.role, s.quoted_before))
        .collect();
    assert_eq!(repeats, [(Role::Focus, false), (Role::Support, true)]);
    assert_eq!(statements[0].fact.quote, statements[1].fact.quote);
    for statement in b.statements_in(Topic::Industry("smart_grid")) {
        assert!(!statement.quoted_before, "a lone sentence is quoted");
    }
}

#[test]
fn the_table_cells_agree_with_the_facts() {
    let b = bundle();
    let places = b.all_places();
    assert_eq!(places.len(), 15);
    let mut cells = 0;
    for place in &places {
        for industry in &b.industries {
            let roles = b.roles_in_cell(place.adcode, &industry.id);
            let strongest = b.strongest_roles(Topic::Industry(&industry.id));
            assert_eq!(
                roles.first(),
                strongest.get(place.adcode),
                "{} {}",
                place.zh,
                industry.id
            );
            cells += roles.len();
        }
    }
    assert!(cells >= 20);
}

#[test]
fn search_finds_places_by_chinese_english_and_pinyin() {
    let b = bundle();
    let first = |q: &str| {
        search(&b, None, q, Lang::Zh)
            .first()
            .map(|h| (h.kind, h.id.clone()))
    };
    assert_eq!(first("南京"), Some((HitKind::City, "320100".to_string())));
    assert_eq!(first("huaian"), Some((HitKind::City, "320800".to_string())));
    assert_eq!(
        first("Huai'an"),
        Some((HitKind::City, "320800".to_string()))
    );
    assert_eq!(
        first("kunshan"),
        Some((HitKind::County, "320583".to_string()))
    );
    assert_eq!(first("昆山"), Some((HitKind::County, "320583".to_string())));
    assert_eq!(first("苏中"), Some((HitKind::Zone, "central".to_string())));
    assert_eq!(
        first("光伏"),
        Some((HitKind::Field, "solar_pv".to_string()))
    );
    assert_eq!(first("smart grid").map(|h| h.0), Some(HitKind::Industry));
    assert!(search(&b, None, "", Lang::Zh).is_empty());
    assert!(search(&b, None, "zzzz", Lang::Zh).is_empty());
    let en = search(&b, None, "wuxi", Lang::En);
    assert_eq!(en[0].label, "Wuxi");
    assert_eq!(en[0].other_label, "无锡市");
}

#[test]
fn a_view_round_trips_through_its_url() {
    let b = bundle();
    let state = ViewState {
        lang: Lang::En,
        view: View::Table,
        city: Some("320583".to_string()),
        county: None,
        drill: false,
        industry: Some("next_gen_it".to_string()),
        field: Some("flat_panel".to_string()),
        zone: None,
        slide: None,
        notes: false,
        paragraph: None,
        briefs: None,
        embed: Default::default(),
    };
    let query = state.to_query();
    assert_eq!(
        query,
        "?lang=en&view=table&industry=next_gen_it&field=flat_panel&city=320583"
    );
    assert_eq!(ViewState::from_query(&query, &b), (state, vec![]));
    assert_eq!(ViewState::default().to_query(), "");
}

#[test]
fn bad_url_parameters_fall_back_to_defaults_with_notices() {
    let b = bundle();
    let long = "x".repeat(500);
    let query = format!(
        "?lang=fr&city=999999&industy=1&utm_source=x&view=table&view=map&industry={long}&zone=central"
    );
    let (state, notices) = ViewState::from_query(&query, &b);
    assert_eq!(state.lang, Lang::Zh);
    assert_eq!(state.city, None);
    assert_eq!(
        state.view,
        View::Table,
        "the first of a repeated key counts"
    );
    assert_eq!(state.industry, None);
    assert_eq!(state.zone.as_deref(), Some("central"));
    let reasons: Vec<(String, NoticeReason)> =
        notices.into_iter().map(|n| (n.key, n.reason)).collect();
    assert_eq!(
        reasons,
        [
            ("lang".to_string(), NoticeReason::UnknownValue),
            ("city".to_string(), NoticeReason::UnknownValue),
            ("industy".to_string(), NoticeReason::NearMiss("industry")),
            ("view".to_string(), NoticeReason::Repeated),
            ("industry".to_string(), NoticeReason::TooLong),
        ]
    );
}

#[test]
fn a_slide_is_a_link_within_the_tour() {
    let b = bundle();
    let (state, notices) = ViewState::from_query("slide=13&lang=en", &b);
    assert_eq!(state.slide, Some(13));
    assert!(notices.is_empty());
    assert_eq!(state.to_query(), "?lang=en&slide=13");
    for bad in ["slide=0", "slide=15", "slide=x", "slide=-1"] {
        let (state, notices) = ViewState::from_query(bad, &b);
        assert_eq!(state.slide, None, "{bad}");
        assert_eq!(notices[0].reason, NoticeReason::UnknownValue);
    }
}

#[test]
fn a_field_sets_its_industry() {
    let b = bundle();
    let (state, notices) = ViewState::from_query("field=solar_pv", &b);
    assert_eq!(state.industry.as_deref(), Some("new_energy"));
    assert!(notices.is_empty());
    let (state, notices) = ViewState::from_query("industry=nev&field=solar_pv", &b);
    assert_eq!(state.industry.as_deref(), Some("new_energy"));
    assert_eq!(notices[0].reason, NoticeReason::FieldOutsideIndustry);
}

#[test]
fn embed_flags_round_trip_and_bad_ones_are_noticed() {
    let b = bundle();
    let query = "?embed=1&plain&theme=dark&transparent=1&origins=https://portal.example.gov.cn,http://127.0.0.1:9000&city=320600";
    let (state, notices) = ViewState::from_query(query, &b);
    assert!(notices.is_empty(), "{notices:?}");
    assert!(state.embed.embedded && state.embed.plain && state.embed.transparent);
    assert_eq!(state.embed.theme, Theme::Dark);
    assert_eq!(
        state.embed.messages,
        MessagePolicy::Listed(vec![
            "https://portal.example.gov.cn".to_string(),
            "http://127.0.0.1:9000".to_string()
        ])
    );
    let (again, _) = ViewState::from_query(&state.to_query(), &b);
    assert_eq!(again, state);
    let (bad, notices) =
        ViewState::from_query("theme=pink&embed=maybe&origins=javascript:alert(1)", &b);
    assert_eq!((bad.embed.theme, bad.embed.embedded), (Theme::Light, false));
    assert_eq!(
        bad.embed.messages,
        MessagePolicy::RefuseAll,
        "an unreadable origins list refuses every message"
    );
    assert_eq!(notices.len(), 3);
}

#[test]
fn a_parents_selection_is_applied_only_when_every_part_is_known() {
    let b = bundle();
    let start = ViewState::default();
    let pick = |city: Option<&str>, industry: Option<&str>| SelectMessage {
        city: city.map_or(Choice::Keep, |c| Choice::Set(c.to_string())),
        industry: industry.map_or(Choice::Keep, |i| Choice::Set(i.to_string())),
        ..Default::default()
    };
    let next = start
        .with_selection(&b, &pick(Some("320600"), Some("offshore_equipment")))
        .expect("known");
    assert_eq!(next.city.as_deref(), Some("320600"));
    assert_eq!(next.industry.as_deref(), Some("offshore_equipment"));
    assert_eq!(start.with_selection(&b, &pick(Some("999999"), None)), None);
    assert_eq!(
        start.with_selection(&b, &pick(Some("320600"), Some("<script>"))),
        None
    );
    let field = SelectMessage {
        field: Choice::Set("solar_pv".to_string()),
        ..Default::default()
    };
    assert_eq!(
        start.with_selection(&b, &field).and_then(|s| s.industry),
        Some("new_energy".to_string())
    );
    let listed = MessagePolicy::Listed(vec!["https://portal.example".to_string()]);
    assert!(listed.accepts(true, "https://portal.example"));
    assert!(!listed.accepts(true, "https://evil.example"));
    assert!(start.embed.messages.accepts(true, "https://anyone.example"));
}

#[test]
fn the_selection_posted_to_a_parent_reads_back_as_the_same_selection() {
    let b = bundle();
    let shown = ViewState::default()
        .with_selection(
            &b,
            &SelectMessage {
                city: Choice::Set("321200".to_string()),
                field: Choice::Set("solar_pv".to_string()),
                ..Default::default()
            },
        )
        .expect("known");
    let parts = shown.selection_parts();
    let read_back = SelectMessage::from_parts(
        MessagePart::Text(SelectMessage::TYPE.to_string()),
        parts
            .clone()
            .map(|p| p.map_or(MessagePart::Null, MessagePart::Text)),
    )
    .expect("well formed");
    assert_eq!(
        ViewState::default().with_selection(&b, &read_back),
        Some(shown.clone())
    );
    assert_eq!(parts[0].as_deref(), Some("321200"));
    assert_eq!(parts[1].as_deref(), Some("new_energy"));
    assert_eq!(parts[2].as_deref(), Some("solar_pv"));
    assert_eq!(parts[3], None);
}

#[test]
fn a_drilled_view_asks_for_its_citys_counties_and_a_county_level_place_for_its_own_city() {
    let b = bundle();
    let drilled = |city: &str| ViewState {
        city: Some(city.to_string()),
        drill: true,
        ..Default::default()
    };
    assert_eq!(
        drilled("320500").drilled_city(&b).as_deref(),
        Some("320500")
    );
    assert_eq!(
        drilled("320583").drilled_city(&b).as_deref(),
        Some("320500")
    );
    let not_drilled = ViewState {
        drill: false,
        ..drilled("320500")
    };
    assert_eq!(not_drilled.drilled_city(&b), None);
    let presenting = ViewState {
        slide: Some(3),
        ..drilled("320500")
    };
    assert_eq!(presenting.drilled_city(&b), None);
}
