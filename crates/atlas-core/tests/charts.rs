//! Chart series and slides from the committed bundle.

use atlas_core::charts::{count_goals, gdp_shares, projected_path, roles_per_city};
use atlas_core::layout::Topic;
use atlas_core::role_marks::pattern_id;
use atlas_core::slides::{SlideKind, slides};
use atlas_core::{Bundle, Lang, Role};

fn bundle() -> Bundle {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/atlas.json");
    Bundle::from_json(&std::fs::read_to_string(path).expect("bundle")).expect("loads")
}

#[test]
fn the_projected_path_compounds_the_plans_rate_from_the_2010_figure() {
    let b = bundle();
    let path = projected_path(&b).expect("both statements are in the bundle");
    assert_eq!(path.start.id, "sales_2010");
    assert_eq!(path.rate.id, "output_growth");
    let years: Vec<u16> = path.points.iter().map(|p| p.0).collect();
    assert_eq!(years, [2010, 2011, 2012, 2013, 2014, 2015]);
    assert_eq!(path.points[0].1, 20_647.0);
    let end = path.points[5].1;
    assert!((end - 20_647.0 * 1.3f64.powi(5)).abs() < 1e-6, "{end}");
    assert!((76_660.0..76_662.0).contains(&end));
}

#[test]
fn gdp_share_goals_are_grouped_by_year() {
    let b = bundle();
    let shares = gdp_shares(&b);
    let flat: Vec<(u16, Vec<f64>)> = shares
        .iter()
        .map(|s| (s.year, s.goals.iter().map(|g| g.value).collect()))
        .collect();
    assert_eq!(flat, [(2015, vec![10.0, 18.0]), (2020, vec![18.0, 25.0])]);
}

#[test]
fn count_goals_come_largest_first_and_exclude_the_baseline() {
    let b = bundle();
    let goals = count_goals(&b);
    assert_eq!(goals.len(), 25, "8 counted goals in §二(二), 17 in §五");
    assert_eq!(goals[0].value, 1000.0);
    assert!(goals.windows(2).all(|w| w[0].value >= w[1].value));
    assert!(goals.iter().all(|g| g.id != "parks_2010"));
}

#[test]
fn roles_per_city_count_industries_and_include_county_level_places() {
    let b = bundle();
    let counts = roles_per_city(&b);
    let of = |adcode: &str| {
        counts
            .iter()
            .find(|c| c.adcode == adcode)
            .expect(adcode)
            .counts
    };
    assert_eq!(
        of("320100"),
        [2, 1, 2, 0],
        "南京: software, smart grid; flat panel; solar, biotech"
    );
    assert_eq!(
        of("320200"),
        [1, 2, 1, 1],
        "无锡 with 宜兴's 节能环保 focus"
    );
    assert_eq!(of("320600"), [1, 0, 0, 0], "南通: offshore equipment");
    assert_eq!(counts.len(), 13);
}

#[test]
fn the_tour_has_thirteen_slides_in_order() {
    let b = bundle();
    let tour = slides(&b);
    assert_eq!(tour.len(), 13);
    assert_eq!(tour[0].kind, SlideKind::Overview);
    assert_eq!(tour[1].kind, SlideKind::Signature);
    assert_eq!(tour[2].kind, SlideKind::Industry("new_energy".to_string()));
    assert_eq!(tour[2].title(Lang::Zh), "1. 新能源");
    assert_eq!(tour[12].kind, SlideKind::Targets);
    let signature = b.strongest_roles(Topic::Role(Role::Signature));
    assert_eq!(signature.len(), 5, "南京 苏州 无锡 常州 南通");
}

#[test]
fn the_exported_map_is_a_standalone_svg_with_13_cities_legend_title_and_credit() {
    use atlas_core::export::{layout_json, map_svg, role_color};
    use atlas_core::scene::{LABEL_FONT_PX, Scene};
    let b = bundle();
    let scene = Scene::new(&b, 1000.0, 800.0, Lang::Zh, LABEL_FONT_PX, &[]);
    let by_zone = map_svg(&b, &scene, None, Lang::Zh, "江苏 <三大区域>");
    assert!(by_zone.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(by_zone.matches("class=\"city\"").count(), 13);
    assert!(
        by_zone.contains("江苏 &lt;三大区域&gt;"),
        "the title is escaped"
    );
    assert!(by_zone.contains("class=\"legend\"") && by_zone.contains(">苏南<"));
    assert!(by_zone.contains(&b.attribution));
    assert!(!by_zone.contains("var(--"), "no stylesheet needed");
    let roles: std::collections::BTreeMap<String, Role> = b
        .strongest_roles(Topic::Industry("iot_cloud"))
        .into_iter()
        .map(|(p, r)| (p.to_string(), r))
        .collect();
    let by_role = map_svg(&b, &scene, Some(&roles), Lang::En, "IoT");
    let wuxi = by_role
        .split("data-adcode=\"320200\"")
        .nth(1)
        .expect("Wuxi");
    let wuxi_fill = format!("url(#{})", pattern_id(Role::Signature));
    assert!(wuxi[..wuxi.find('>').expect("tag end")].contains(&wuxi_fill));
    let pattern = by_role
        .split(&format!("id=\"{}\"", pattern_id(Role::Signature)))
        .nth(1)
        .expect("the signature pattern is defined in the file");
    assert!(
        pattern[..pattern.find("</pattern>").expect("end")]
            .contains(role_color(Some(Role::Signature)))
    );
    assert!(by_role.contains(">Signature industry<") && by_role.contains(">Not named<"));
    let rows: serde_json::Value = serde_json::from_str(&layout_json(&b)).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(b.roles.len()));
    assert_eq!(rows[0]["place"], "南京市");
}
