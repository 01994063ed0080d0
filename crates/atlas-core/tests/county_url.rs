//! Counties in the link: `?city=320500&county=320583` opens 苏州 drilled down with 昆山 chosen,
//! `?city=320500&drill=1` 苏州's counties with none chosen; bad county parameters fall back with a
//! notice like every other parameter, and the link reads back as it was written (also after a
//! browser's `URLSearchParams` has percent-encoded it).

use atlas_core::Lang;
use atlas_core::view::url_state::{Notice, NoticeReason, ViewState};

mod committed_bundle;
use committed_bundle::bundle;

fn reasons(notices: &[Notice]) -> Vec<(&str, NoticeReason)> {
    notices.iter().map(|n| (n.key.as_str(), n.reason)).collect()
}

#[test]
fn a_county_drills_into_its_city_and_the_link_reads_back() {
    let b = bundle();
    for query in [
        "?city=320500&county=320583",
        "?county=320583",
        "?county=320583&city=320500",
        "?city=320583&county=320583",
        "?county=%E6%98%86%E5%B1%B1&city=%E8%8B%8F%E5%B7%9E",
        "?county=kunshan",
    ] {
        let (state, notices) = ViewState::from_query(query, &b);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(state.city.as_deref(), Some("320500"), "{query}");
        assert_eq!(state.county.as_deref(), Some("320583"), "{query}");
        assert!(state.drill, "{query}: a county implies drill-down");
        assert_eq!(state.to_query(), "?city=320500&county=320583", "{query}");
    }
    let (state, notices) = ViewState::from_query("city=320500&drill=1", &b);
    assert!(notices.is_empty(), "{notices:?}");
    assert!(state.drill && state.county.is_none());
    assert_eq!(state.to_query(), "?city=320500&drill=1");
    assert_eq!(
        ViewState::from_query(&state.to_query(), &b),
        (state, vec![])
    );
    let (plain, _) = ViewState::from_query("city=320583", &b);
    assert_eq!(
        (plain.city.as_deref(), plain.county, plain.drill),
        (Some("320583"), None, false),
        "昆山 as a place of the province map keeps its meaning"
    );
}

#[test]
fn a_link_written_by_url_search_params_round_trips() {
    let b = bundle();
    // What `new URLSearchParams({lang: 'en', city: '苏州', county: ' 320583 ', view: 'table'})`
    // writes: UTF-8 percent-encoded, spaces as `+`.
    let written = "lang=en&city=%E8%8B%8F%E5%B7%9E&county=+320583+&view=table";
    let (state, notices) = ViewState::from_query(written, &b);
    assert!(notices.is_empty(), "{notices:?}");
    let canonical = state.to_query();
    assert_eq!(canonical, "?lang=en&view=table&city=320500&county=320583");
    assert_eq!(
        ViewState::from_query(&canonical, &b),
        (state.clone(), vec![])
    );
    // Names written by URLSearchParams read as their codes: 昆山 as a county, 苏州 as its city.
    let named: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("lang", "en")
        .append_pair("view", "table")
        .append_pair("county", "昆山")
        .append_pair("city", "苏州市")
        .finish();
    assert!(named.contains("%E6%98%86%E5%B1%B1"), "{named}");
    assert_eq!(ViewState::from_query(&named, &b), (state, vec![]));
}

#[test]
fn bad_county_parameters_fall_back_with_a_notice() {
    let b = bundle();
    let unknown = ("county", NoticeReason::UnknownValue);
    for (query, expected, city, county) in [
        ("county=abc", unknown, None, None),
        ("county=320500", unknown, None, None),
        ("county=3205831", unknown, None, None),
        ("county=329901", unknown, None, None),
        ("county=110101", unknown, None, None),
        (
            "city=320100&county=320583",
            ("county", NoticeReason::CountyOutsideCity),
            Some("320100"),
            None,
        ),
        (
            "city=320282&county=320583",
            ("county", NoticeReason::CountyOutsideCity),
            Some("320282"),
            None,
        ),
        (
            "drill=1",
            ("drill", NoticeReason::DrillWithoutCity),
            None,
            None,
        ),
        (
            "city=320583&drill=1",
            ("drill", NoticeReason::DrillWithoutCity),
            Some("320583"),
            None,
        ),
        (
            "drill=maybe",
            ("drill", NoticeReason::UnknownValue),
            None,
            None,
        ),
        (
            "county=320583&county=320282",
            ("county", NoticeReason::Repeated),
            Some("320500"),
            Some("320583"),
        ),
        (
            "conty=320583",
            ("conty", NoticeReason::NearMiss("county")),
            None,
            None,
        ),
    ] {
        let (state, notices) = ViewState::from_query(query, &b);
        assert_eq!(reasons(&notices), [expected], "{query}");
        assert_eq!(state.city.as_deref(), city, "{query}");
        assert_eq!(state.county.as_deref(), county, "{query}");
        assert_eq!(state.drill, county.is_some(), "{query}");
    }
    let (_, notices) = ViewState::from_query("city=320100&county=320583", &b);
    assert_eq!(
        notices[0].describe(Lang::Zh),
        "链接参数 “county” 不在所选设区市内，已忽略。"
    );
    assert_eq!(
        notices[0].describe(Lang::En),
        "Link parameter “county” names a county outside the chosen city; ignored."
    );
}

#[test]
fn choosing_a_county_drilling_and_returning_keep_the_state_consistent() {
    let b = bundle();
    let (suzhou, _) = ViewState::from_query("city=320500&industry=new_energy", &b);
    let kunshan = suzhou.with_county(Some("320583".into()));
    assert_eq!(
        kunshan.to_query(),
        "?industry=new_energy&city=320500&county=320583"
    );
    let back_to_city = kunshan.with_county(None);
    assert_eq!(
        back_to_city.to_query(),
        "?industry=new_energy&city=320500&drill=1"
    );
    assert_eq!(back_to_city, suzhou.drilled(true));
    assert_eq!(
        kunshan.drilled(false),
        suzhou,
        "leaving drill-down clears the county"
    );
    assert_eq!(
        kunshan.with_city(Some("320200".into())).to_query(),
        "?industry=new_energy&city=320200",
        "another city on the province map leaves drill-down"
    );
    let zone = kunshan.with_zone(Some("south".into()));
    assert_eq!((zone.county, zone.drill), (None, false));
    let from_nothing = ViewState::default().with_county(Some("320282".into()));
    assert_eq!(from_nothing.to_query(), "?city=320200&county=320282");
}
