//! The overview's decisions against the committed bundle: the grid for each screen, each
//! industry's counts and title, the text alternative, and the small maps' markup.

use atlas_core::draw::overview::{
    GAP, Grid, MIN_FITTED_WIDTH, Tally, aspect, grid, layout, small_map_svg, small_maps,
    title_style,
};
use atlas_core::draw::scene::Scene;
use atlas_core::model::i18n::Lang;
use atlas_core::model::layout::Topic;
use atlas_core::{Bundle, Role};

mod committed_bundle;
use committed_bundle::bundle;

/// The grid for a `width` × `height` view of the explorer's ten maps.
fn ten(b: &Bundle, width: f64, height: f64) -> Grid {
    grid(
        width,
        height,
        title_style(f64::INFINITY, Lang::En, false).height(),
        aspect(b.bounds),
        10,
    )
}

/// Whether the grid's maps, titles and gaps fit `width` × `height` (`title` px per title).
fn fits(g: &Grid, width: f64, height: f64, title: f64) -> (bool, bool) {
    let used_width = g.columns as f64 * g.map_width + GAP * (g.columns - 1) as f64;
    let used_height = g.rows as f64 * (g.map_height + title) + GAP * (g.rows - 1) as f64;
    (used_width <= width, used_height <= height)
}

#[test]
fn a_wide_screen_shows_five_by_two_without_scrolling() {
    let b = bundle();
    // 1920×1080 less the top bar and the view's legend and padding.
    for (w, h) in [(1888.0, 900.0), (1248.0, 640.0)] {
        let g = ten(&b, w, h);
        assert_eq!(
            (g.columns, g.rows, g.scrolls),
            (5, 2, false),
            "{w}×{h}: {g:?}"
        );
        assert_eq!(
            fits(
                &g,
                w,
                h,
                title_style(f64::INFINITY, Lang::En, false).height()
            ),
            (true, true),
            "{g:?}"
        );
        assert!(g.map_width >= 230.0, "{w}×{h}: maps {}", g.map_width);
    }
    let projector = grid(
        1870.0,
        880.0,
        title_style(f64::INFINITY, Lang::En, true).height(),
        aspect(b.bounds),
        10,
    );
    assert_eq!((projector.columns, projector.rows), (5, 2));
    assert!(!projector.scrolls);
}

#[test]
fn a_phone_scrolls_one_column_and_nothing_is_wider_than_the_screen() {
    let b = bundle();
    for (w, h) in [(288.0, 500.0), (358.0, 700.0)] {
        let g = ten(&b, w, h);
        assert_eq!((g.columns, g.rows, g.scrolls), (1, 10, true), "{w}×{h}");
        assert_eq!(g.map_width, w.floor());
        assert!(
            fits(
                &g,
                w,
                h,
                title_style(f64::INFINITY, Lang::En, false).height()
            )
            .0
        );
    }
}

#[test]
fn in_between_the_columns_grow_with_the_width_and_maps_never_shrink_below_the_minimum() {
    let b = bundle();
    let mut last = 0;
    for w in (300..=1900).step_by(40) {
        let g = ten(&b, f64::from(w), 700.0);
        assert!(g.columns >= last, "{w}: {} columns after {last}", g.columns);
        last = g.columns;
        assert!(g.columns * g.rows >= 10);
        assert!(
            fits(
                &g,
                f64::from(w),
                700.0,
                title_style(f64::INFINITY, Lang::En, false).height()
            )
            .0,
            "{w}: {g:?}"
        );
        if !g.scrolls {
            assert!(g.map_width >= MIN_FITTED_WIDTH);
            assert!(
                fits(
                    &g,
                    f64::from(w),
                    700.0,
                    title_style(f64::INFINITY, Lang::En, false).height()
                )
                .1,
                "{w}: {g:?}"
            );
        }
    }
    // 200 % zoom of a 1280×800 window: two columns, scrolling.
    let zoomed = ten(&b, 608.0, 300.0);
    assert_eq!((zoomed.columns, zoomed.scrolls), (2, true));
    // A tablet upright: all ten fit, three or four side by side.
    let tablet = ten(&b, 736.0, 860.0);
    assert!(
        !tablet.scrolls && (3..=4).contains(&tablet.columns),
        "{tablet:?}"
    );
}

#[test]
fn titles_shrink_with_narrow_maps_within_their_range_and_the_layout_keeps_them_fitting() {
    let b = bundle();
    let wide = title_style(400.0, Lang::Zh, true);
    let narrow = title_style(180.0, Lang::Zh, true);
    assert_eq!(wide.font, 24.0);
    assert!(narrow.font < wide.font && narrow.font >= 16.0, "{narrow:?}");
    assert_eq!(title_style(100.0, Lang::En, false).font, 12.0);
    assert_eq!(
        (wide.lines, title_style(400.0, Lang::En, true).lines),
        (2, 4)
    );
    // The presenter's slide at 1024×768 and 1920×1080, in English (the longest titles).
    for (w, h) in [(990.0, 600.0), (1870.0, 880.0)] {
        let (g, title) = layout(w, h, Lang::En, true, aspect(b.bounds));
        assert_eq!((g.columns, g.rows, g.scrolls), (5, 2, false), "{w}×{h}");
        assert_eq!(fits(&g, w, h, title.height()), (true, true));
    }
}

#[test]
fn each_industry_counts_its_places_by_strongest_role() {
    let b = bundle();
    let maps = small_maps(&b);
    let ids: Vec<&str> = maps.iter().map(|m| m.industry.as_str()).collect();
    let plan_order: Vec<&str> = b.industries.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, plan_order);
    for map in &maps {
        let expected = b.strongest_roles(Topic::Industry(&map.industry));
        assert_eq!(map.roles.len(), expected.len());
        assert_eq!(map.tally, Tally::of(expected.values()));
        let total = map.tally.signature + map.tally.focus + map.tally.support + map.tally.pilot;
        assert_eq!(total, expected.len());
    }
    let biotech = maps
        .iter()
        .find(|m| m.industry == "biotech_medicine")
        .expect("biotech");
    // 泰州 focus; 南京 无锡 苏州 连云港 support (the plan's §四(二)).
    assert_eq!(biotech.roles.get("321200"), Some(&Role::Focus));
    assert_eq!(biotech.tally.focus, 1);
    assert!(biotech.tally.support >= 4, "{:?}", biotech.tally);
    assert_eq!(
        biotech.title(&b, Lang::Zh),
        format!(
            "生物技术和新医药 · 1 重点 / {} 支撑 / {} 标志性",
            biotech.tally.support, biotech.tally.signature
        )
    );
    assert!(
        biotech.title(&b, Lang::En).ends_with(&format!(
            "· 1 focus / {} support / {} signature",
            biotech.tally.support, biotech.tally.signature
        )),
        "{}",
        biotech.title(&b, Lang::En)
    );
}

#[test]
fn every_small_map_draws_the_13_cities_as_named_buttons_with_their_roles() {
    let b = bundle();
    let scene = Scene::project(&b, 240.0, 230.0).labelled(&b, Lang::Zh, 11.0, &[]);
    for map in small_maps(&b) {
        let svg = small_map_svg(&b, &scene, &map, Lang::Zh);
        assert!(!svg.contains(" id="), "no ids: ten maps share a page");
        assert_eq!(svg.matches(r#"class="city zone-"#).count(), 13);
        for city in &b.cities {
            let word = map.roles.get(&city.adcode).map_or("none", |r| r.as_str());
            let needle = format!(r#"data-adcode="{}" data-role="{word}""#, city.adcode);
            assert!(svg.contains(&needle), "{}: {needle}", map.industry);
        }
        // The grid is one Tab stop, which the app moves: no place is one of its own.
        assert!(svg.contains(r#"tabindex="-1" role="button""#));
        assert!(!svg.contains(r#"tabindex="0""#));
    }
}

#[test]
fn choosing_a_small_map_on_the_presenters_slide_goes_to_that_industrys_slide() {
    use atlas_core::view::slides::{SlideKind, industry_slide, slides};
    let b = bundle();
    let tour = slides(&b);
    assert_eq!(tour.last().map(|s| &s.kind), Some(&SlideKind::SmallMaps));
    for industry in &b.industries {
        let n = industry_slide(&b, &industry.id).expect("each industry has its slide");
        assert_eq!(tour[n - 1].kind, SlideKind::Industry(industry.id.clone()));
    }
    assert_eq!(industry_slide(&b, "no_such_industry"), None);
}

#[test]
fn projector_small_maps_too_narrow_for_labels_carry_none() {
    use atlas_core::draw::overview::{LABEL_FONT, PROJECTOR_LABEL_FONT, label_font};
    assert_eq!(label_font(180.0, true), None, "five maps across 1024 px");
    assert_eq!(
        label_font(340.0, true),
        Some(PROJECTOR_LABEL_FONT),
        "1920 px"
    );
    assert_eq!(label_font(180.0, false), Some(LABEL_FONT));
}
