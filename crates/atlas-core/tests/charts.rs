//! Chart series and slides from the committed bundle.

use atlas_core::draw::charts::{
    CHARTS_DIR, Chart, count_goals, gdp_shares, projected_path, roles_per_city,
};
use atlas_core::draw::role_marks::pattern_id;
use atlas_core::model::layout::Topic;
use atlas_core::view::slides::{SlideKind, slides};
use atlas_core::{Lang, Role};

mod committed_bundle;
use committed_bundle::bundle;

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
fn the_tour_has_fourteen_slides_in_order() {
    let b = bundle();
    let tour = slides(&b);
    assert_eq!(tour.len(), 14);
    assert_eq!(tour[0].kind, SlideKind::Overview);
    assert_eq!(tour[1].kind, SlideKind::Signature);
    assert_eq!(tour[2].kind, SlideKind::Industry("new_energy".to_string()));
    assert_eq!(tour[2].title(Lang::Zh), "新能源：无锡为重点");
    assert_eq!(tour[12].kind, SlideKind::Targets);
    assert_eq!(tour[13].kind, SlideKind::SmallMaps);
    let signature = b.strongest_roles(Topic::Role(Role::Signature));
    assert_eq!(signature.len(), 5, "南京 苏州 无锡 常州 南通");
}

#[test]
fn the_exported_map_is_a_standalone_svg_with_13_cities_legend_title_and_credit() {
    use atlas_core::draw::export::layout_json;
    use atlas_core::draw::look::role_fill;
    use atlas_core::draw::scene::{LABEL_FONT_PX, Scene};
    use atlas_core::view::export_view::view_svg;
    use atlas_core::view::url_state::ViewState;
    let b = bundle();
    let scene = Scene::new(&b, 1000.0, 800.0, Lang::Zh, LABEL_FONT_PX, &[]);
    let (zones, _) = ViewState::from_query("?lang=zh", &b);
    let by_zone = view_svg(
        &b,
        &scene,
        &zones,
        &atlas_core::draw::map_title::MapTitle {
            headline: "江苏 <三大区域>".into(),
            subtitle: "plan".into(),
        },
    );
    assert!(by_zone.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(by_zone.matches("<path class=\"city zone-").count(), 13);
    assert!(
        by_zone.contains("江苏 &lt;三大区域&gt;"),
        "the title is escaped"
    );
    assert!(by_zone.contains("class=\"legend\"") && by_zone.contains(">苏南<"));
    assert!(
        by_zone.contains(&format!(">{}</text>", b.map_warning(Lang::Zh))),
        "the live map's warning line"
    );
    assert!(
        by_zone.contains(&format!("<desc>{}</desc>", b.licences().join(" · "))),
        "the licences in the file's description"
    );
    assert!(
        by_zone.contains(r#"<g class="scale-bar""#) || by_zone.contains("scale-bar-label"),
        "the scale bar"
    );
    assert_eq!(
        by_zone.matches("class=\"base-marker\"").count(),
        b.bases.len(),
        "with no industry chosen, every base, as on the live map"
    );
    let (map_part, legend_part) = by_zone
        .split_once("<g class=\"legend\"")
        .expect("a legend after the map");
    assert_eq!(
        map_part.matches("<circle ").count(),
        b.places.len(),
        "every county-level place"
    );
    assert_eq!(
        legend_part.matches("<circle ").count(),
        1,
        "the legend shows the county-level place's ○"
    );
    assert!(!by_zone.contains("var(--"), "no stylesheet needed");
    let roles: std::collections::BTreeMap<String, Role> = b
        .strongest_roles(Topic::Industry("iot_cloud"))
        .into_iter()
        .map(|(p, r)| (p.to_string(), r))
        .collect();
    let (iot, _) = ViewState::from_query("?lang=en&industry=iot_cloud", &b);
    assert_eq!(iot.roles_shown(&b).as_ref(), Some(&roles));
    let by_role = view_svg(
        &b,
        &scene,
        &iot,
        &atlas_core::draw::map_title::MapTitle {
            headline: "IoT".into(),
            subtitle: "plan".into(),
        },
    );
    let serving = b.bases_for(Some("iot_cloud"));
    assert!(!serving.is_empty() && serving.len() < b.bases.len());
    assert_eq!(
        by_role.matches("class=\"base-marker\"").count(),
        serving.len(),
        "the bases serving the chosen industry, as on the live map"
    );
    for base in &serving {
        assert!(by_role.contains(&format!("<title>{} · ", base.name_en)));
    }
    assert!(
        by_role.contains(&format!(">Industrial bases ({})<", serving.len())),
        "the legend names and counts the markers"
    );
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
            .contains(role_fill(Some(Role::Signature)))
    );
    let unnamed = b.cities.len() + b.places.len() - 1;
    assert!(
        by_role.contains(">Signature industry (1)<")
            && by_role.contains(&format!(">Not named ({unnamed})<")),
        "the legend counts what it shows: 无锡 alone is named"
    );
    assert!(
        !by_role.contains(">Focus") && !by_role.contains(">Support"),
        "no role that is not drawn"
    );
    let rows: serde_json::Value = serde_json::from_str(&layout_json(&b)).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(b.roles.len()));
    assert_eq!(rows[0]["place"], "南京市");
}

#[test]
fn count_goal_panels_hold_one_unit_each_and_every_counted_goal_once() {
    use atlas_core::draw::charts::count_goal_panels;
    let b = bundle();
    let panels = count_goal_panels(&b);
    let goals = count_goals(&b);
    assert_eq!(
        panels.iter().map(|p| p.goals.len()).sum::<usize>(),
        goals.len()
    );
    for panel in &panels {
        assert!(
            panel.goals.iter().all(|g| g.unit_en == panel.unit_en),
            "the {} panel mixes units",
            panel.unit_en
        );
        assert!(panel.goals.windows(2).all(|w| w[0].value >= w[1].value));
    }
    let units: Vec<&str> = panels.iter().map(|p| p.unit_en).collect();
    let mut distinct = units.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), units.len(), "one panel per unit");
    assert_eq!(units[0], "projects", "the panel of the largest goal first");
}

#[test]
fn every_count_goal_unit_has_a_chinese_heading() {
    use atlas_core::draw::charts::{count_goal_panels, unit_heading};
    let b = bundle();
    for panel in count_goal_panels(&b) {
        let zh = unit_heading(panel.unit_en, Lang::Zh);
        assert!(
            zh.chars().all(|c| (c as u32) >= 0x2E80),
            "{} has no Chinese heading: {zh}",
            panel.unit_en
        );
        assert_eq!(unit_heading(panel.unit_en, Lang::En), panel.unit_en);
    }
}

#[test]
fn the_app_picks_the_widest_variant_that_fits_and_the_narrowest_before_layout() {
    use atlas_core::draw::charts::{Chart, ChartSetting, chart_file};
    let explorer = ChartSetting::Explorer;
    let widths: Vec<u32> = explorer.variants().iter().map(|v| v.width).collect();
    assert!(widths.windows(2).all(|w| w[0] < w[1]), "narrowest first");
    assert_eq!(explorer.pick(0.0).width, widths[0]);
    assert_eq!(
        explorer.pick(100.0).width,
        widths[0],
        "none fits: the narrowest"
    );
    for w in &widths {
        assert_eq!(explorer.pick(f64::from(*w)).width, *w);
    }
    for pair in widths.windows(2) {
        assert_eq!(explorer.pick(f64::from(pair[1]) - 0.5).width, pair[0]);
    }
    assert_eq!(explorer.pick(5000.0).width, *widths.last().unwrap_or(&0));
    assert!(
        widths[0] <= 270,
        "a 320 px phone leaves about 270 px for a chart"
    );
    assert_eq!(
        ChartSetting::from_name("projector"),
        Some(ChartSetting::Projector)
    );
    assert_eq!(ChartSetting::from_name("poster"), None);
    assert_eq!(
        chart_file(Chart::GdpShare, ChartSetting::Projector, 480, Lang::En),
        "assets/charts/gdp-share.projector.480.en.svg"
    );
}

#[test]
fn axes_end_on_a_round_tick_at_or_above_the_largest_value() {
    use atlas_core::draw::charts::nice_axis;
    assert_eq!(nice_axis(76_661.0, 4), (20_000.0, 80_000.0));
    assert_eq!(nice_axis(25.0, 3), (10.0, 30.0));
    assert_eq!(nice_axis(5.0, 6), (1.0, 5.0));
    assert_eq!(nice_axis(0.0, 4), (1.0, 1.0));
    for max in [0.3, 7.0, 18.0, 99.0, 1234.0] {
        let (step, top) = nice_axis(max, 5);
        assert!(top >= max && top - step < max, "{max}: {step} {top}");
        assert!((top / step).round() <= 5.0);
    }
}

#[test]
fn wrapped_lines_fit_and_keep_every_word() {
    use atlas_core::draw::charts::wrap_text;
    use atlas_core::draw::labels::text_width;
    let en = "New provincial-level or higher innovation platforms";
    let lines = wrap_text(en, 13.0, 200.0);
    assert!(lines.len() > 1);
    assert!(
        lines.iter().all(|l| text_width(l, 13.0) <= 200.0),
        "{lines:?}"
    );
    assert_eq!(lines.join(" "), en);
    let zh = "科技银行、小额贷款公司、保险机构";
    let lines = wrap_text(zh, 13.0, 100.0);
    assert!(
        lines.iter().all(|l| text_width(l, 13.0) <= 100.0),
        "{lines:?}"
    );
    assert_eq!(lines.concat(), zh);
    assert!(lines.iter().all(|l| !l.starts_with('、')), "{lines:?}");
    for text in ["南京，苏州、无锡", "苏州、南京，无锡"] {
        // The line holds exactly the two characters before the first mark, so a break that
        // ignored the mark would start the next line with it.
        let before: String = text.chars().take(2).collect();
        let lines = wrap_text(text, 13.0, text_width(&before, 13.0));
        assert_eq!(lines.concat(), text);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with(['，', '、', '。', '）', '”', '：', '；'])),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.ends_with('，')) && lines.iter().any(|l| l.ends_with('、')),
            "each mark stays with the character before it: {lines:?}"
        );
    }
    assert_eq!(wrap_text("short", 13.0, 200.0), ["short"]);
    let long = wrap_text("Supercalifragilistic", 13.0, 60.0);
    assert!(long.iter().all(|l| text_width(l, 13.0) <= 60.0), "{long:?}");
}

#[test]
fn the_stylesheets_colours_are_the_palettes() {
    use atlas_core::draw::palette::{CSS_PROPERTIES, role};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/css/10-base.css");
    let css = std::fs::read_to_string(path).expect("assets/css/10-base.css");
    let root = css
        .split(":root")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .expect("the :root block");
    for (name, colour) in CSS_PROPERTIES {
        let value = root
            .split([';', '{'])
            .find_map(|d| d.trim().strip_prefix(name)?.trim().strip_prefix(':'))
            .unwrap_or_else(|| panic!("{name} is not set in :root"))
            .trim()
            .to_lowercase();
        assert_eq!(value, colour, "{name}");
        assert!(
            atlas_core::draw::palette::rgb(colour).is_some(),
            "{name}: {colour}"
        );
    }
    let dark = css
        .split("html.theme-dark {")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .expect("the html.theme-dark block");
    for (name, colour) in atlas_core::draw::palette::DARK_CSS_PROPERTIES {
        let value = dark
            .split(';')
            .find_map(|d| d.trim().strip_prefix(name)?.trim().strip_prefix(':'))
            .unwrap_or_else(|| panic!("{name} is not set in html.theme-dark"))
            .trim()
            .to_lowercase();
        assert_eq!(value, colour, "dark {name}");
    }
    use atlas_core::draw::palette::{Rgb, rgb};
    assert_eq!(rgb("#c0504d"), Some(Rgb(0xc0, 0x50, 0x4d)));
    for bad in ["c0504d", "#c0504", "#c0504d0", "#gg504d", ""] {
        assert_eq!(rgb(bad), None, "{bad:?}");
    }
    for r in Role::ALL {
        assert_eq!(
            atlas_core::draw::look::role_fill(Some(r)),
            role(r),
            "the exported map's {r:?} colour"
        );
    }
}

#[test]
fn each_chart_has_its_own_name_and_cites_the_statements_it_draws_once_each() {
    use atlas_core::draw::charts::{ChartSetting, chart_file};
    let b = bundle();
    let names: std::collections::BTreeSet<&str> = Chart::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(names.len(), Chart::ALL.len(), "{names:?}");
    let titles: std::collections::BTreeSet<String> = Chart::ALL
        .iter()
        .map(|c| Lang::En.text(c.title()).to_string())
        .collect();
    assert_eq!(titles.len(), Chart::ALL.len(), "{titles:?}");
    for chart in Chart::ALL {
        let file = chart_file(chart, ChartSetting::Explorer, 400, Lang::Zh);
        assert!(
            file.starts_with(&format!("{CHARTS_DIR}/{}.", chart.name())),
            "{file}"
        );
        let sources = chart.sources(&b);
        for (i, quote) in sources.iter().enumerate() {
            assert!(!sources[..i].contains(quote), "{chart:?} repeats {quote:?}");
            assert!(
                b.targets.iter().any(|t| t.quote == *quote),
                "{chart:?} cites a statement that is not a target: {quote:?}"
            );
        }
    }
    let path = projected_path(&b).expect("path");
    assert_eq!(
        Chart::OutputPath.sources(&b),
        [path.start.quote.clone(), path.rate.quote.clone()]
    );
    let counted: Vec<_> = count_goals(&b).iter().map(|g| g.quote.clone()).collect();
    assert!(
        Chart::CountGoals
            .sources(&b)
            .iter()
            .all(|q| counted.contains(q))
    );
    assert!(
        counted
            .iter()
            .all(|q| Chart::CountGoals.sources(&b).contains(q))
    );
    assert!(!Chart::GdpShare.sources(&b).is_empty());
    assert!(
        Chart::RolesPerCity.sources(&b).is_empty() && Chart::RolesPerCity.note().is_some(),
        "the roles cite the layout through their note"
    );
    assert!(
        Chart::OutputPath.note().is_some(),
        "a projection says it is one"
    );
}
