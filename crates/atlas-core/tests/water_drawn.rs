//! The water as every view draws it, on the real bundle: the live map's markup (and so the
//! prerendered page, the presenter and print, which show it) and the exported SVG draw every
//! lake and the river as pictures that take no focus, carry the river on to the sea where its
//! data stops, widening towards the estuary, and credit GSHHG.

use atlas_core::Lang;
use atlas_core::draw::map_markup;
use atlas_core::draw::scene::Scene;
use atlas_core::model::bundle::WaterKind;

mod committed_bundle;
use committed_bundle::bundle;

#[test]
fn the_river_is_carried_on_from_where_its_data_stops_to_the_estuary_widening() {
    let bundle = bundle();
    for (width, height) in [(320.0, 400.0), (928.0, 700.0), (1568.0, 980.0)] {
        let scene = Scene::project(&bundle, width, height);
        let river_end = scene
            .water
            .iter()
            .filter(|w| w.kind == WaterKind::River)
            .flat_map(|w| w.outline.iter())
            .flat_map(|p| p.exterior().0.iter())
            .map(|c| c.x)
            .fold(f64::MIN, f64::max);
        let channel = &scene.channel;
        assert!(
            channel.len() >= 5,
            "{width} px: {} stretches",
            channel.len()
        );
        let start: Vec<f64> = channel[0]
            .path
            .trim_start_matches('M')
            .split(['l', ' '])
            .take(1)
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(
            (start[0] - river_end).abs() < 0.02 * width,
            "{width} px: the channel starts at x {} , the river's data ends at {river_end}",
            start[0]
        );
        assert!(
            channel.windows(2).all(|w| w[1].width >= w[0].width),
            "{width} px: the channel widens towards the sea"
        );
        let east = scene
            .cities
            .iter()
            .flat_map(|c| c.outline.iter())
            .flat_map(|p| p.exterior().0.iter())
            .map(|c| c.x)
            .fold(f64::MIN, f64::max);
        assert!(
            east > river_end,
            "the province reaches east of the river's data"
        );
    }
}

#[test]
fn the_live_map_draws_water_as_pictures_under_the_labels() {
    let bundle = bundle();
    let scene = Scene::new(&bundle, 928.0, 700.0, Lang::Zh, 14.0, &[]);
    let look = map_markup::MapLook {
        roles: None,
        industry: None,
        lang: Lang::Zh,
        city: None,
        zone: None,
        interactive: true,
        colours: atlas_core::draw::look::Look::Themed,
    };
    let svg = map_markup::map_svg(&bundle, &scene, &look);
    let water = svg
        .split(r#"<g class="water" aria-hidden="true">"#)
        .nth(1)
        .and_then(|rest| rest.split("</g>").next())
        .expect("a water group");
    assert_eq!(
        water.matches("data-water=").count(),
        bundle.water.features.len()
    );
    assert!(!water.contains("tabindex") && !water.contains("role="));
    let order = |needle: &str| svg.find(needle).expect(needle);
    assert!(order(r#"<g class="cities">"#) < order(r#"<g class="water""#));
    assert!(order(r#"<g class="water""#) < order(r#"<g class="labels""#));
    assert!(svg.contains(r#"class="water-label""#));
}

#[test]
fn the_exported_map_draws_the_water_and_credits_gshhg() {
    let bundle = bundle();
    let scene = Scene::new(&bundle, 928.0, 700.0, Lang::En, 14.0, &[]);
    let (state, _) = atlas_core::view::url_state::ViewState::from_query("?lang=en", &bundle);
    let svg = atlas_core::view::export_view::view_svg(
        &bundle,
        &scene,
        &state,
        &atlas_core::draw::map_title::MapTitle {
            headline: "Jiangsu".into(),
            subtitle: "plan".into(),
        },
    );
    let water = svg
        .split(r#"<g class="water" aria-hidden="true">"#)
        .nth(1)
        .and_then(|rest| rest.split("</g>").next())
        .expect("a water group");
    assert_eq!(
        water.matches("<path").count(),
        bundle.water.features.len() + 2 * scene.channel.len()
    );
    assert!(svg.contains(">Taihu"), "Taihu is named in the export");
    assert!(svg.contains("GSHHG"));
}
