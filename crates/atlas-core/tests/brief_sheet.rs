//! The brief as a handout (issue 18 point 6), against the committed bundle: page numbers among
//! the ticked briefs, the roles grid of the ten industries with its one-line summary, the zone's
//! direction as one verbatim line, an English gloss for every role quote, the bases' sources as
//! numbered notes without addresses, and a locator with the water and the neighbours' names.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use atlas_core::draw::locator::{locator_scene, locator_svg, neighbours};
use atlas_core::view::brief::notes::source_notes;
use atlas_core::view::brief::sheet::{
    PageNumber, grid, page_number, role_gloss, role_swatch_svg, summary, zone_line, zone_line_gloss,
};
use atlas_core::view::brief::{all_briefs, city_brief};
use atlas_core::{Bundle, Lang, Role, draw::palette};

static BUNDLE: LazyLock<Bundle> = LazyLock::new(|| {
    let path = format!("{}/../../assets/atlas.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Bundle::from_json(&text).expect("bundle loads")
});

const TAIZHOU: &str = "321200";

#[test]
fn each_ticked_brief_is_numbered_among_the_ticked() {
    let all: BTreeSet<String> = BUNDLE.cities.iter().map(|c| c.adcode.clone()).collect();
    for (i, city) in BUNDLE.cities.iter().enumerate() {
        assert_eq!(
            page_number(&BUNDLE, &all, &city.adcode),
            Some(PageNumber { n: i + 1, of: 13 })
        );
    }
    let three: BTreeSet<String> = ["321300", "320300", "320500"]
        .map(String::from)
        .into_iter()
        .collect();
    let pages: Vec<_> = ["320300", "320500", "321300", "320100"]
        .iter()
        .map(|a| page_number(&BUNDLE, &three, a))
        .collect();
    assert_eq!(
        pages,
        [
            Some(PageNumber { n: 1, of: 3 }),
            Some(PageNumber { n: 2, of: 3 }),
            Some(PageNumber { n: 3, of: 3 }),
            None
        ]
    );
    let second = PageNumber { n: 2, of: 13 };
    assert_eq!(second.line(Lang::Zh), "第 2 页 / 共 13 页");
    assert_eq!(second.line(Lang::En), "Page 2 of 13");
}

#[test]
fn the_grid_has_the_ten_industries_with_the_strongest_role_of_the_city() {
    for brief in all_briefs(&BUNDLE).expect("briefs") {
        let rows = grid(&BUNDLE, &brief);
        let ids: Vec<&str> = rows.iter().map(|r| r.industry.id.as_str()).collect();
        let industries: Vec<&str> = BUNDLE.industries.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, industries);
        assert_eq!(ids.len(), 10);
        for row in &rows {
            let strongest = BUNDLE
                .roles
                .iter()
                .filter(|r| r.place == brief.city.adcode && r.industry == row.industry.id)
                .map(|r| r.role)
                .min();
            assert_eq!(
                row.role, strongest,
                "{} {}",
                brief.city.name_en, row.industry.id
            );
        }
        // Every role of the city is in one row.
        assert_eq!(
            rows.iter().map(|r| r.roles.len()).sum::<usize>(),
            brief.roles.len()
        );
    }
    let taizhou = city_brief(&BUNDLE, TAIZHOU).expect("泰州");
    let rows = grid(&BUNDLE, &taizhou);
    let biotech = rows
        .iter()
        .find(|r| r.industry.id == "biotech_medicine")
        .expect("the biotech row");
    assert_eq!(biotech.role, Some(Role::Focus));
    assert_eq!(
        summary(&taizhou, &rows, Lang::Zh),
        "泰州：生物技术和新医药重点"
    );
    assert_eq!(
        summary(&taizhou, &rows, Lang::En),
        "Taizhou: focus in Biotechnology and new medicine"
    );
}

#[test]
fn a_summary_names_every_role_strongest_first() {
    let wuxi = city_brief(&BUNDLE, "320200").expect("无锡");
    let rows = grid(&BUNDLE, &wuxi);
    let line = summary(&wuxi, &rows, Lang::Zh);
    assert!(
        line.starts_with("无锡：物联网和云计算标志性产业；"),
        "{line}"
    );
    let order: Vec<usize> = Role::ALL
        .iter()
        .filter_map(|r| line.find(Lang::Zh.role(*r)))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{line}");
    for row in rows.iter().filter(|r| r.role.is_some()) {
        assert!(line.contains(&row.industry.name_zh), "{line}");
    }
}

#[test]
fn the_zone_direction_is_one_verbatim_line() {
    let mut lines = BTreeSet::new();
    for zone in &BUNDLE.zones {
        let line = zone_line(zone);
        assert!(zone.direction.quote.starts_with(line), "{line}");
        assert!(line.chars().count() <= 30, "one line: {line}");
        assert!(
            line.contains("，突出"),
            "names what the zone stresses: {line}"
        );
        assert!(!line.ends_with('，'));
        let gloss = zone_line_gloss(zone);
        assert!(!gloss.is_empty() && zone.direction_gloss_en.starts_with(gloss));
        assert!(!gloss.contains(':'));
        lines.insert(line);
    }
    assert_eq!(lines.len(), 3, "each zone its own line");
}

#[test]
fn every_role_quote_has_an_english_gloss_of_its_fact() {
    let taizhou = city_brief(&BUNDLE, TAIZHOU).expect("泰州");
    assert_eq!(
        role_gloss(&taizhou.city.name_en, &taizhou.roles[0]),
        "Taizhou: focus of Biotechnology and new medicine (plan §4(2))"
    );
    for brief in all_briefs(&BUNDLE).expect("briefs") {
        for role in &brief.roles {
            let gloss = role_gloss(&brief.city.name_en, role);
            assert!(gloss.starts_with(&format!("{}: ", brief.city.name_en)));
            assert!(gloss.contains(&role.field.name_en), "{gloss}");
            assert!(
                !gloss
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "English only: {gloss}"
            );
            assert!(gloss.ends_with(&format!(
                "(plan §{})",
                Lang::En.section(&role.fact.quote.section)
            )));
        }
    }
}

#[test]
fn sources_are_numbered_notes_by_publisher_without_addresses() {
    for brief in all_briefs(&BUNDLE).expect("briefs") {
        let (noted, notes) = source_notes(&brief.bases);
        assert_eq!(noted.len(), brief.bases.len());
        let numbers: Vec<usize> = notes.iter().map(|n| n.number).collect();
        assert_eq!(numbers, (1..=notes.len()).collect::<Vec<_>>());
        let referenced: Vec<usize> = noted.iter().flat_map(|b| b.notes.clone()).collect();
        assert_eq!(
            referenced, numbers,
            "each note is referenced once, in order"
        );
        let by_number = &notes;
        for (base, note) in noted
            .iter()
            .flat_map(|b| b.notes.iter().map(move |n| (b.base, &by_number[n - 1])))
        {
            assert!(!note.publisher.is_empty() && !note.passage.is_empty());
            assert!(!note.publisher.contains('/') && !note.publisher.contains("http"));
            assert!(!note.passage.contains("http"));
            assert!(base.source.contains(&note.passage));
        }
        assert!(noted.iter().all(|b| !b.notes.is_empty()));
    }
    let wuxi = city_brief(&BUNDLE, "320200").expect("无锡");
    let (_, notes) = source_notes(&wuxi.bases);
    let publishers: Vec<&str> = notes.iter().map(|n| n.publisher.as_str()).collect();
    assert_eq!(publishers, ["cei.cn", "fensifuwu.com", "scholarmate.com"]);
}

#[test]
fn a_swatch_is_the_role_colour_crossed_by_its_mark() {
    for role in Role::ALL {
        let svg = role_swatch_svg(role);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(&format!(r#"fill="{}""#, palette::role(role))));
        assert_eq!(svg.matches("<path ").count(), 4, "the mark tiled");
    }
}

#[test]
fn the_locator_draws_the_water_and_names_the_neighbours() {
    assert_eq!(
        neighbours(&BUNDLE, TAIZHOU),
        [
            "320200", "320400", "320500", "320600", "320900", "321000", "321100"
        ]
    );
    assert_eq!(neighbours(&BUNDLE, "320300"), ["320700", "321300"]);
    let scene = locator_scene(&BUNDLE);
    for lang in [Lang::Zh, Lang::En] {
        let mut named = 0;
        for city in &BUNDLE.cities {
            let svg = locator_svg(&BUNDLE, &scene, &city.adcode, None, lang);
            assert!(
                svg.contains(r#"class="water-lake""#) && svg.contains(r#"class="water-river""#)
            );
            let near = neighbours(&BUNDLE, &city.adcode);
            let labelled: Vec<&str> = svg
                .split(r#"class="locator-neighbour" data-adcode=""#)
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .collect();
            assert!(
                labelled.iter().all(|a| near.contains(a)),
                "{}",
                city.name_en
            );
            named += labelled.len();
            assert!(
                labelled.len() * 2 >= near.len(),
                "{}: {labelled:?} of {near:?}",
                city.name_en
            );
        }
        assert!(named > 30, "{named}");
    }
    let wuxi = locator_svg(&BUNDLE, &scene, "320200", None, Lang::Zh);
    assert!(wuxi.contains(">太湖</text>"), "太湖 is named");
    assert!(wuxi.contains(">长江</text>"), "the Yangtze is named");
}
