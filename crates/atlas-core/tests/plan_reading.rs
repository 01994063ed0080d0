//! The plan reading view's decisions on the real plan document and bundle: the table of
//! contents, where every quote of the bundle stands, what the map shows for §四(二)'s layout
//! statements, and the paragraphs naming a city.

use atlas_core::model::layout::Topic;
use atlas_core::model::plan_doc::{PlanDoc, PlanDocError};
use atlas_core::view::plan_view_state::{focus_roles, focus_topic, step};

mod committed_bundle;
mod committed_plan;
use committed_bundle::bundle;
use committed_plan::reading;

#[test]
fn a_truncated_plan_document_is_refused_as_json_cut_short() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/plan.json");
    let text = std::fs::read_to_string(path).expect("plan.json");
    let cut = &text[..text.floor_char_boundary(text.len() / 2)];
    let Err(PlanDocError::Json(reason)) = PlanDoc::from_json(cut, &bundle()) else {
        panic!("a truncated plan document is refused as JSON");
    };
    assert!(reason.contains("cut short"), "{reason}");
}

#[test]
fn the_contents_list_every_part_and_section_heading_in_order() {
    let r = reading();
    let toc = r.toc();
    let headings: Vec<&str> = r
        .doc
        .text
        .lines()
        .map(|l| l.trim_start_matches(['　', ' ']))
        .filter(|l| {
            let numbered = |s: &str| {
                s.chars()
                    .next()
                    .is_some_and(|c| "一二三四五六七八九十".contains(c))
            };
            (numbered(l) && l.contains('、') && l.find('、') < Some(7))
                || l.strip_prefix('（').is_some_and(numbered)
        })
        .collect();
    assert_eq!(toc.iter().map(|e| e.text).collect::<Vec<_>>(), headings);
    assert!(
        toc.iter()
            .any(|e| e.level == 2 && e.text == "四、产业发展布局")
    );
    assert!(
        toc.iter()
            .any(|e| e.level == 3 && e.text.starts_with("（二）重点支持区域"))
    );
    assert!(toc.windows(2).all(|w| w[0].number < w[1].number));
}

#[test]
fn the_title_is_the_one_front_line_that_is_the_plans_title() {
    let (b, r) = (bundle(), reading());
    let titles: Vec<usize> = r
        .paragraphs
        .iter()
        .filter(|p| r.is_title(&b, p))
        .map(|p| p.number)
        .collect();
    assert_eq!(titles.len(), 1);
    assert!(titles[0] > 1, "the addressees come first");
}

#[test]
fn every_quote_of_the_bundle_is_found_in_a_paragraph_of_its_section() {
    let (b, r) = (bundle(), reading());
    let quotes = b
        .roles
        .iter()
        .map(|f| &f.quote)
        .chain(b.zones.iter().map(|z| &z.direction))
        .chain(b.industries.iter().map(|i| &i.summary));
    let mut count = 0;
    for quote in quotes {
        let (n, range) = r
            .locate(quote)
            .unwrap_or_else(|| panic!("{quote:?} is located"));
        let paragraph = r.paragraph(n).expect("the paragraph exists");
        assert!(
            paragraph.span.contains(&range.start),
            "{quote:?} starts in ¶{n}"
        );
        assert_eq!(&r.doc.text[range], quote.quote);
        let section = paragraph.section.as_deref().expect("in a section");
        assert!(
            section.starts_with(&quote.section),
            "{quote:?} in §{section}"
        );
        count += 1;
    }
    assert!(count > 20);
}

#[test]
fn the_layout_statements_of_section_four_two_show_their_industry_roles() {
    let (b, r) = (bundle(), reading());
    let statements: Vec<_> = r
        .paragraphs
        .iter()
        .filter(|p| p.section.as_deref() == Some("四(二)"))
        .map(|p| (p, r.focus(&b, p.number)))
        .filter(|(_, f)| f.industry.is_some())
        .collect();
    assert!(statements.len() >= 2, "§四(二) has layout statements");
    for (p, focus) in statements {
        let roles = focus_roles(&b, &focus).expect("an industry: roles");
        let topic = focus_topic(&focus).expect("a topic");
        if let Topic::Industry(id) = topic {
            assert_eq!(Some(id), focus.industry.as_deref());
        }
        assert!(!roles.is_empty(), "¶{} colours its places", p.number);
        for place in &focus.places {
            assert!(
                roles.contains_key(place),
                "¶{}: {place} it names has a role",
                p.number
            );
        }
    }
}

#[test]
fn the_paragraphs_naming_suzhou_all_name_it_and_stepping_walks_them() {
    let (b, r) = (bundle(), reading());
    let list = r.paragraphs_naming(&b, "320500");
    assert!(list.len() >= 3);
    for &n in &list {
        assert!(
            r.text_of(r.paragraph(n).expect("listed paragraphs exist"))
                .contains("苏州"),
            "¶{n}"
        );
    }
    assert_eq!(step(&list, None, true), Some(list[0]));
    assert_eq!(step(&list, Some(list[0]), true), Some(list[1]));
    assert_eq!(step(&list, Some(list[0]), false), list.last().copied());
    let kunshan = r.paragraphs_naming(&b, "320583");
    assert!(kunshan.iter().all(|&n| {
        r.text_of(r.paragraph(n).expect("listed paragraphs exist"))
            .contains("昆山")
    }));
}
