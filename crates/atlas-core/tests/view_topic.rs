//! What a view state colours the map by, and how many places hold each role, against the
//! committed bundle: the one decision the map, legend, export, presenter, panels and the
//! announced line share.

use atlas_core::Role;
use atlas_core::model::layout::{Topic, role_counts};
use atlas_core::view::slides::{SlideKind, slides};
use atlas_core::view::url_state::ViewState;

mod committed_bundle;
use committed_bundle::bundle;

fn presenting(n: usize) -> ViewState {
    ViewState {
        slide: Some(n),
        ..ViewState::default()
    }
}

#[test]
fn each_slide_kind_names_its_topic() {
    let b = bundle();
    let tour = slides(&b);
    let topics: Vec<Option<Topic<'_>>> = tour.iter().map(|s| s.kind.topic()).collect();
    assert_eq!(
        topics.first(),
        Some(&None),
        "the overview is coloured by zone"
    );
    assert_eq!(topics.get(1), Some(&Some(Topic::Role(Role::Signature))));
    assert_eq!(topics.last(), Some(&None), "the targets slide shows no map");
    for (slide, topic) in tour.iter().zip(&topics) {
        if let SlideKind::Industry(id) = &slide.kind {
            assert_eq!(*topic, Some(Topic::Industry(id)));
            assert!(b.industry(id).is_some(), "{id}");
        }
    }
    let industries = topics
        .iter()
        .filter(|t| matches!(t, Some(Topic::Industry(_))))
        .count();
    assert_eq!(industries, b.industries.len());
}

#[test]
fn outside_the_presenter_the_field_wins_over_its_industry() {
    let b = bundle();
    let none = ViewState::default();
    assert_eq!(none.topic(&b), None);
    let industry = none.with_industry(Some("new_energy".into()));
    assert_eq!(industry.topic(&b), Some(Topic::Industry("new_energy")));
    let field = none.with_field(&b, "solar_pv");
    assert_eq!(field.industry.as_deref(), Some("new_energy"));
    assert_eq!(field.topic(&b), Some(Topic::Field("solar_pv")));
    assert_eq!(
        Topic::chosen(Some("new_energy"), Some("solar_pv")),
        Some(Topic::Field("solar_pv"))
    );
    assert_eq!(
        Topic::chosen(Some("new_energy"), None),
        Some(Topic::Industry("new_energy"))
    );
    assert_eq!(Topic::chosen(None, None), None);
}

#[test]
fn while_presenting_the_slide_decides_whatever_else_is_chosen() {
    let b = bundle();
    let tour = slides(&b);
    for (i, slide) in tour.iter().enumerate() {
        let state = ViewState {
            industry: Some("biotech_medicine".into()),
            ..presenting(i + 1)
        };
        assert_eq!(state.topic(&b), slide.kind.topic(), "slide {}", i + 1);
    }
    assert_eq!(
        presenting(3).topic(&b),
        Some(Topic::Industry(b.industries[0].id.as_str()))
    );
    assert_eq!(presenting(0).topic(&b), None, "slides count from 1");
    assert_eq!(presenting(tour.len() + 1).topic(&b), None);
}

#[test]
fn role_counts_count_each_places_strongest_role_strongest_first() {
    let b = bundle();
    for topic in [
        Topic::Industry("biotech_medicine"),
        Topic::Field("iot_cloud"),
        Topic::Role(Role::Signature),
    ] {
        let strongest = b.strongest_roles(topic);
        let counts = role_counts(strongest.values());
        assert!(!counts.is_empty(), "{topic:?}");
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            strongest.len(),
            "every named place counts once"
        );
        assert!(counts.iter().all(|(_, n)| *n > 0), "no empty roles");
        assert!(
            counts.windows(2).all(|w| w[0].0 < w[1].0),
            "strongest role first: {counts:?}"
        );
        for (role, n) in &counts {
            let places: Vec<&&str> = strongest
                .iter()
                .filter(|(_, r)| *r == role)
                .map(|(p, _)| p)
                .collect();
            assert_eq!(places.len(), *n, "{role:?}");
        }
    }
    let signature = role_counts(b.strongest_roles(Topic::Role(Role::Signature)).values());
    assert_eq!(signature.len(), 1, "{signature:?}");
    assert_eq!(signature[0].0, Role::Signature);
    assert!(role_counts([].iter()).is_empty());
}

#[test]
fn the_roles_shown_are_the_strongest_role_of_each_place_in_the_topic() {
    let b = bundle();
    assert_eq!(ViewState::default().roles_shown(&b), None, "by zone");
    let biotech = ViewState {
        industry: Some("biotech_medicine".into()),
        ..ViewState::default()
    };
    let roles = biotech
        .roles_shown(&b)
        .expect("an industry colours by role");
    assert_eq!(roles.get("321200"), Some(&Role::Focus), "泰州");
    let supports: Vec<&str> = roles
        .iter()
        .filter(|(_, r)| **r == Role::Support)
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(supports, ["320100", "320200", "320500", "320700"]);
    // While presenting, the slide's topic wins over the chosen industry.
    let signature_slide = ViewState {
        slide: Some(2),
        ..biotech
    };
    let roles = signature_slide
        .roles_shown(&b)
        .expect("the signature slide");
    assert!(roles.values().all(|r| *r == Role::Signature));
}
