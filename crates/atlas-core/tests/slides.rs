//! The presenter's slides from the committed bundle: titles that state their finding, speaker
//! notes in each interface language, and goals that keep the plan's qualifiers.

use atlas_core::draw::charts::{bounded_figure, count_goals};
use atlas_core::model::facts::Bound;
use atlas_core::view::slides::{
    SlideKind, TARGETS_ON_SLIDE, elapsed, next_title, shows_key_hints, slide_sections,
    slide_source, slides, speaker_notes,
};
use atlas_core::{Bundle, Lang};

mod committed_bundle;
use committed_bundle::bundle;

fn title_of(b: &Bundle, industry: &str, lang: Lang) -> String {
    slides(b)
        .into_iter()
        .find(|s| s.kind == SlideKind::Industry(industry.to_string()))
        .map(|s| s.title(lang).to_string())
        .expect("the industry has a slide")
}

#[test]
fn industry_titles_name_the_leading_places_and_their_role() {
    let b = bundle();
    assert_eq!(
        title_of(&b, "biotech_medicine", Lang::Zh),
        "生物技术和新医药：泰州为重点"
    );
    assert_eq!(
        title_of(&b, "biotech_medicine", Lang::En),
        "Biotechnology and new medicine: Taizhou is the focus"
    );
    assert_eq!(
        title_of(&b, "iot_cloud", Lang::Zh),
        "物联网和云计算：无锡为标志性地区"
    );
    assert_eq!(
        title_of(&b, "iot_cloud", Lang::En),
        "Internet of Things and cloud computing: Wuxi is its signature place"
    );
    assert_eq!(
        title_of(&b, "energy_saving", Lang::Zh),
        "节能环保：宜兴、盐城为重点"
    );
    assert_eq!(
        title_of(&b, "nev", Lang::En),
        "New-energy vehicles: Yancheng and Yangzhou are the focus"
    );
}

#[test]
fn every_title_states_more_than_its_topic() {
    let b = bundle();
    let tour = slides(&b);
    for slide in &tour {
        for lang in [Lang::Zh, Lang::En] {
            let title = slide.title(lang);
            assert!(
                title.contains(lang.pick("：", ": ")),
                "{:?} {lang:?}: {title:?} names a topic, then its finding",
                slide.kind
            );
        }
    }
    assert_eq!(
        tour[1].title(Lang::Zh),
        "区域标志性高端产业：南京、无锡、常州、苏州、南通"
    );
    assert_eq!(
        tour[0].title(Lang::Zh),
        "三大区域：苏南、苏中、苏北功能互补"
    );
    assert_eq!(tour[12].title(Lang::Zh), "发展目标：产值年均增长 30%以上");
    assert_eq!(
        tour[12].title(Lang::En),
        "Targets: output to grow ≥ 30% a year"
    );
}

#[test]
fn goals_keep_the_plans_qualifiers() {
    assert_eq!(
        bounded_figure(1000.0, Bound::AtLeast, Lang::Zh),
        "1,000以上"
    );
    assert_eq!(bounded_figure(1000.0, Bound::AtLeast, Lang::En), "≥ 1,000");
    assert_eq!(bounded_figure(80.0, Bound::MoreThan, Lang::Zh), "超过80");
    assert_eq!(bounded_figure(80.0, Bound::MoreThan, Lang::En), "> 80");
    assert_eq!(bounded_figure(500.0, Bound::Exact, Lang::Zh), "500");
    let b = bundle();
    for goal in count_goals(&b) {
        // 以上 right after the figure (and its measure word), not in a name (省级以上创新平台).
        let chars: Vec<char> = goal.quote.quote.chars().collect();
        let after_figure = chars.windows(3).any(|w| {
            w[0].is_ascii_digit() && (w[1..] == ['以', '上'] || (w[1] != '以' && w[2] == '以'))
        }) && goal.quote.quote.contains("以上");
        let says_at_least = after_figure || goal.quote.quote.contains("不少于");
        let zh = bounded_figure(goal.value, goal.bound, Lang::Zh);
        assert_eq!(
            zh.contains("以上"),
            says_at_least,
            "{}: the plan says {:?}, the slide {zh:?}",
            goal.id,
            goal.quote.quote
        );
    }
}

#[test]
fn speaker_notes_are_in_the_interface_language_only() {
    let b = bundle();
    let biotech = SlideKind::Industry("biotech_medicine".to_string());
    let zh = speaker_notes(&b, &biotech, Lang::Zh);
    let en = speaker_notes(&b, &biotech, Lang::En);
    let industry = b.industry("biotech_medicine").expect("biotech");
    assert!(
        zh.points
            .iter()
            .any(|p| p.contains(&industry.subareas[0].name_zh))
    );
    assert!(zh.points.iter().all(|p| !p.contains(&industry.gloss_en)));
    let subarea_quotes: Vec<_> = industry.subareas.iter().map(|s| s.quote.clone()).collect();
    assert_eq!(zh.quotes, subarea_quotes, "the plan's words for each field");
    assert!(
        en.points
            .iter()
            .any(|p| p.contains(&industry.subareas[0].name_en)),
        "{:?}",
        en.points
    );
    assert!(
        en.points.iter().all(|p| !p.contains(&industry.gloss_en)),
        "the slide already shows the summary"
    );
    assert!(en.quotes.is_empty(), "no Chinese quotes under English");
    for slide in slides(&b) {
        for lang in [Lang::Zh, Lang::En] {
            let notes = speaker_notes(&b, &slide.kind, lang);
            assert!(!notes.points.is_empty(), "{:?} {lang:?}", slide.kind);
            let han = |p: &String| p.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            match lang {
                Lang::En => assert!(
                    notes.points.iter().all(|p| !han(p)),
                    "{:?}: {:?}",
                    slide.kind,
                    notes.points
                ),
                Lang::Zh => assert!(notes.points.iter().all(han), "{:?}", slide.kind),
            }
        }
    }
    let targets = speaker_notes(&b, &SlideKind::Targets, Lang::Zh);
    assert_eq!(
        targets.points.len(),
        count_goals(&b).len() - TARGETS_ON_SLIDE + 1,
        "the goals the slide has no room for, then the projection's note"
    );
}

#[test]
fn the_presenter_window_shows_the_next_title_and_the_time() {
    let b = bundle();
    let tour = slides(&b);
    assert_eq!(
        next_title(&b, 3, Lang::Zh).as_deref(),
        Some(tour[3].title(Lang::Zh))
    );
    assert_eq!(next_title(&b, tour.len(), Lang::En), None);
    assert_eq!(elapsed(0), "0:00");
    assert_eq!(elapsed(75), "1:15");
    assert_eq!(elapsed(3_725), "1:02:05");
}

#[test]
fn key_hints_show_once_on_the_first_slide_shown() {
    assert!(shows_key_hints(3, 3, false));
    assert!(!shows_key_hints(3, 3, true), "gone after the first key");
    assert!(!shows_key_hints(3, 4, false), "not on the next slide");
    assert!(!shows_key_hints(1, 3, false));
}

#[test]
fn the_presenter_stylesheet_uses_the_projector_palette() {
    use atlas_core::draw::palette::PROJECTOR_CSS_PROPERTIES;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/css/views/80-presenter.css"
    );
    let css = std::fs::read_to_string(path).expect("assets/css/views/80-presenter.css");
    let block = css
        .split(".presenter {")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .expect("the .presenter block");
    for (name, colour) in PROJECTOR_CSS_PROPERTIES {
        let value = block
            .split([';', '{'])
            .find_map(|d| d.trim().strip_prefix(name)?.trim().strip_prefix(':'))
            .unwrap_or_else(|| panic!("{name} is not set on .presenter"))
            .trim()
            .to_lowercase();
        assert_eq!(value, colour, "{name}");
    }
}

#[test]
fn each_slide_beside_a_map_cites_the_sections_of_what_it_states() {
    let b = bundle();
    for slide in slides(&b) {
        let sections = slide_sections(&b, &slide.kind);
        let mut unique = sections.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            sections.len(),
            "{:?}: each section once",
            slide.kind
        );
        assert_eq!(
            sections.is_empty(),
            slide.kind == SlideKind::SmallMaps,
            "{:?} cites {sections:?}",
            slide.kind
        );
    }
    assert_eq!(slide_sections(&b, &SlideKind::Overview), ["四(一)"]);
    assert_eq!(slide_sections(&b, &SlideKind::Signature), ["四(二)"]);
    let biotech = slide_sections(&b, &SlideKind::Industry("biotech_medicine".into()));
    assert_eq!(
        biotech.first().map(String::as_str),
        Some("三(三)"),
        "{biotech:?}"
    );
    assert!(biotech.iter().any(|s| s.starts_with('四')), "{biotech:?}");
}

#[test]
fn the_source_line_cites_the_sections_as_each_language_numbers_them() {
    let b = bundle();
    let biotech = SlideKind::Industry("biotech_medicine".into());
    assert_eq!(
        slide_source(&b, &biotech, Lang::Zh).as_deref(),
        Some("规划 §三(三)、§四(二)")
    );
    assert_eq!(
        slide_source(&b, &biotech, Lang::En).as_deref(),
        Some("Plan §3(3), §4(2)")
    );
    assert_eq!(slide_source(&b, &SlideKind::SmallMaps, Lang::Zh), None);
}
