//! The views of issue 12 in the link: `?view=overview`, `?view=briefs`, and the plan view at a
//! paragraph, `?view=plan&p=12`; a paragraph the plan lacks, or one given to another view, falls
//! back with a notice like every other bad parameter.

use atlas_core::view::url_state::{Notice, NoticeReason, View, ViewState};

mod committed_bundle;
use committed_bundle::bundle;

fn reasons(notices: &[Notice]) -> Vec<(&str, NoticeReason)> {
    notices.iter().map(|n| (n.key.as_str(), n.reason)).collect()
}

#[test]
fn each_new_view_reads_back_from_its_link() {
    let b = bundle();
    for (query, view) in [
        ("?view=overview", View::Overview),
        ("?view=plan", View::Plan),
        ("?view=briefs", View::Briefs),
        ("?view=briefs&city=320500", View::Briefs),
    ] {
        let (state, notices) = ViewState::from_query(query, &b);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(state.view, view, "{query}");
        assert_eq!(state.to_query(), query);
    }
}

#[test]
fn a_paragraph_opens_the_plan_view_there() {
    let b = bundle();
    for query in [
        "?view=plan&p=12",
        "?p=12&view=plan",
        "?p=12",
        "?view=PLAN&p=+12+",
    ] {
        let (state, notices) = ViewState::from_query(query, &b);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        assert_eq!(
            (state.view, state.paragraph),
            (View::Plan, Some(12)),
            "{query}"
        );
        assert_eq!(state.to_query(), "?view=plan&p=12");
    }
}

#[test]
fn a_bad_paragraph_falls_back_with_a_notice() {
    let b = bundle();
    for (query, expected) in [
        ("?view=plan&p=0", NoticeReason::UnknownValue),
        ("?view=plan&p=twelve", NoticeReason::UnknownValue),
        ("?view=plan&p=-3", NoticeReason::UnknownValue),
        ("?view=table&p=12", NoticeReason::ParagraphOutsidePlan),
    ] {
        let (state, notices) = ViewState::from_query(query, &b);
        assert_eq!(reasons(&notices), [("p", expected)], "{query}");
        assert_eq!(state.paragraph, None, "{query}");
    }
}

#[test]
fn a_paragraph_the_plan_lacks_is_dropped_once_the_plan_is_there() {
    let b = bundle();
    let (state, _) = ViewState::from_query("?view=plan&p=500", &b);
    let (checked, notice) = state.checked_paragraph(96);
    assert_eq!(checked.paragraph, None);
    assert_eq!(checked.view, View::Plan);
    assert_eq!(
        notice.map(|n| (n.key, n.reason)),
        Some(("p".to_string(), NoticeReason::UnknownValue))
    );
    let (kept, none) = ViewState::from_query("?view=plan&p=96", &b)
        .0
        .checked_paragraph(96);
    assert_eq!((kept.paragraph, none), (Some(96), None));
}
