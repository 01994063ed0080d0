//! The plan document on the real plan and bundle: every mention the builder stores, its offsets,
//! the reading view's paragraphs and what each paragraph of §四(二) speaks of.

use std::collections::BTreeSet;

use atlas_core::model::plan_doc::{
    Mention, MentionError, MentionTarget, ParagraphKind, PlanDoc, check_mentions, find_mentions,
};

mod committed_bundle;
use committed_bundle::bundle;

fn plan_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/plan.txt");
    std::fs::read_to_string(path).expect("plan text")
}

fn stored() -> PlanDoc {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/plan.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("plan.json")).expect("parses")
}

#[test]
fn every_citys_short_name_is_counted_wherever_the_plan_uses_it() {
    let (b, text) = (bundle(), plan_text());
    let mentions = find_mentions(&text, &b);
    for city in &b.cities {
        let short = city.name_zh.trim_end_matches('市');
        let used = text.matches(short).count();
        let found = mentions
            .iter()
            .filter(|m| m.target == MentionTarget::City(city.adcode.clone()))
            .count();
        assert!(used > 0, "{short} is in the plan");
        assert_eq!(found, used, "{short}: every use is one mention");
    }
    for place in &b.places {
        let short = place.name_zh.trim_end_matches('市');
        let found = mentions
            .iter()
            .filter(|m| m.target == MentionTarget::Place(place.adcode.clone()))
            .count();
        assert_eq!(found, text.matches(short).count(), "{short}");
    }
}

#[test]
fn a_name_inside_a_longer_name_is_one_mention_of_the_longer() {
    let (b, text) = (bundle(), plan_text());
    let mentions = find_mentions(&text, &b);
    for pair in mentions.windows(2) {
        assert!(pair[0].span().end <= pair[1].at, "{pair:?} overlap");
    }
    // 新能源 stands inside 新能源汽车 and the sub-areas 新能源客车 …; 云计算 inside 物联网和云计算;
    // 软件 inside 新一代信息技术和软件 and 高端软件.
    let cases: [(&str, &[&str]); 3] = [
        (
            "新能源",
            &[
                "新能源汽车",
                "新能源客车",
                "新能源乘用车",
                "新能源专用车",
                "新能源并网及控制设备",
            ],
        ),
        ("云计算", &["物联网和云计算"]),
        ("软件", &["新一代信息技术和软件", "高端软件"]),
    ];
    for (short, longers) in cases {
        let mut inside = 0;
        for longer in longers {
            let count = text.matches(longer).count();
            assert!(count > 0, "{longer} is in the plan");
            let as_longer = mentions.iter().filter(|m| m.name == *longer).count();
            assert_eq!(as_longer, count, "{longer}");
            inside += count;
        }
        let as_short = mentions.iter().filter(|m| m.name == short).count();
        assert_eq!(as_short, text.matches(short).count() - inside, "{short}");
    }
}

#[test]
fn a_sub_area_names_its_own_industry_not_the_one_its_name_begins_with() {
    let (b, text) = (bundle(), plan_text());
    let mentions = find_mentions(&text, &b);
    for (name, industry) in [
        ("新能源客车", "nev"),
        ("新能源乘用车", "nev"),
        ("新能源专用车", "nev"),
        ("新能源并网及控制设备", "smart_grid"),
    ] {
        assert!(b.industry(industry).is_some(), "{industry}");
        let found: Vec<&Mention> = mentions.iter().filter(|m| m.name == name).collect();
        assert_eq!(found.len(), text.matches(name).count(), "{name}");
        assert!(!found.is_empty(), "{name} is in the plan");
        for m in found {
            assert_eq!(
                m.target,
                MentionTarget::Industry(industry.to_string()),
                "{name}"
            );
        }
    }
    // No 新能源 mention starts a longer sub-area's name.
    for m in mentions.iter().filter(|m| m.name == "新能源") {
        let after = &text[m.span().end..];
        assert!(
            !["客车", "乘用车", "专用车", "并网及控制设备"]
                .iter()
                .any(|s| after.starts_with(s)),
            "新能源 at {} is part of a sub-area",
            m.at
        );
    }
}

#[test]
fn stored_offsets_are_exact_and_are_what_the_builder_finds() {
    let (b, text) = (bundle(), plan_text());
    let doc = stored();
    assert_eq!(doc.text, text);
    assert_eq!(doc.mentions, find_mentions(&text, &b));
    for m in &doc.mentions {
        assert_eq!(&text[m.span()], m.name);
    }
    assert_eq!(doc.check(&b), Ok(()));
}

#[test]
fn a_mention_that_does_not_fit_the_text_is_refused_naming_it() {
    let (b, text) = (bundle(), plan_text());
    let mentions = find_mentions(&text, &b);
    let suzhou = mentions
        .iter()
        .position(|m| m.name == "苏州")
        .expect("苏州 is mentioned");
    let at = mentions[suzhou].at;
    let with = |change: &dyn Fn(&mut Mention)| {
        let mut list = mentions.clone();
        change(&mut list[suzhou]);
        check_mentions(&text, &list, &b).expect_err("refused")
    };
    let moved = with(&|m| m.at += 3);
    assert!(
        matches!(moved, MentionError::TextDiffers { .. }),
        "{moved:?}"
    );
    assert!(
        moved
            .to_string()
            .contains(&format!("“苏州” at byte {}", at + 3)),
        "{moved}"
    );
    let beyond = with(&|m| m.at = text.len() - 1);
    assert!(
        matches!(beyond, MentionError::OutOfRange { .. }),
        "{beyond:?}"
    );
    assert!(
        beyond
            .to_string()
            .contains(&format!("at byte {}", text.len() - 1))
    );
    let renamed = with(&|m| m.name = "无锡".to_string());
    assert!(
        renamed
            .to_string()
            .contains(&format!("“无锡” at byte {at}")),
        "{renamed}"
    );
    let split = with(&|m| m.at += 1);
    assert!(
        split.to_string().contains(&format!("at byte {}", at + 1)),
        "{split}"
    );
    let foreign = with(&|m| m.target = MentionTarget::City("110000".to_string()));
    assert!(
        matches!(foreign, MentionError::UnknownTarget { .. }),
        "{foreign:?}"
    );
}

#[test]
fn paragraphs_follow_the_documents_structure() {
    let doc = stored();
    let paragraphs = doc.paragraphs();
    for (i, p) in paragraphs.iter().enumerate() {
        assert_eq!(p.number, i + 1);
        assert!(!doc.text[p.span.clone()].trim().is_empty());
    }
    for pair in paragraphs.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
        assert!(pair[0].line <= pair[1].line);
    }
    let heading = |text: &str| {
        paragraphs
            .iter()
            .find(|p| &doc.text[p.span.clone()] == text)
            .unwrap_or_else(|| panic!("{text} is a paragraph"))
    };
    let part = heading("四、产业发展布局");
    assert_eq!(
        (part.kind, part.section.as_deref()),
        (ParagraphKind::PartHeading, Some("四"))
    );
    let section = heading("（二）重点支持区域标志性高端产业发展");
    assert_eq!(
        (section.kind, section.section.as_deref()),
        (ParagraphKind::SectionHeading, Some("四(二)"))
    );
    assert_eq!(paragraphs[0].kind, ParagraphKind::Front);
    // A quote's paragraph is found by its offset.
    let quote = "在平板显示领域，形成以苏州、南京、昆山等为重点的发展格局";
    let at = doc.text.find(quote).expect("quote");
    let n = doc.paragraph_at(at).expect("paragraph");
    assert!(doc.text[paragraphs[n - 1].span.clone()].starts_with(quote));
}

#[test]
fn each_layout_statement_of_section_four_two_speaks_of_its_field_and_places() {
    let (b, doc) = (bundle(), stored());
    let mut statements = 0;
    for p in doc.paragraphs() {
        let text = &doc.text[p.span.clone()];
        if p.section.as_deref() != Some("四(二)") || !text.starts_with('在') {
            continue;
        }
        statements += 1;
        let focus = doc.focus(&b, &p);
        // One industry: named itself (生物技术和新医药) or through its one field (太阳能光伏).
        let industry = focus
            .industry
            .clone()
            .unwrap_or_else(|| panic!("{text}: one industry"));
        if let Some(field) = &focus.field {
            assert_eq!(
                b.field(field).map(|f| f.industry.as_str()),
                Some(industry.as_str())
            );
        }
        let expected: BTreeSet<&str> = b
            .roles
            .iter()
            .filter(|r| r.industry == industry && text.contains(r.quote.quote.as_str()))
            .filter(|r| focus.field.as_ref().is_none_or(|f| *f == r.field))
            .map(|r| r.place.as_str())
            .collect();
        let shown: BTreeSet<&str> = focus.places.iter().map(String::as_str).collect();
        assert!(!expected.is_empty(), "{text}: the bundle has its roles");
        assert_eq!(shown, expected, "{text}");
    }
    assert_eq!(
        statements, 6,
        "the six layout statements are six paragraphs"
    );
}

#[test]
fn a_place_lists_the_paragraphs_that_name_it_and_search_marks_matches() {
    let (b, doc) = (bundle(), stored());
    let nanjing = MentionTarget::City("320100".to_string());
    let listed = doc.paragraphs_mentioning(&nanjing);
    let paragraphs = doc.paragraphs();
    let expected: Vec<usize> = paragraphs
        .iter()
        .filter(|p| doc.text[p.span.clone()].contains("南京"))
        .map(|p| p.number)
        .collect();
    assert_eq!(listed, expected);
    assert!(listed.len() >= 2);
    let matches = doc.matches("光伏");
    assert_eq!(matches.len(), doc.text.matches("光伏").count());
    assert!(doc.matches("  ").is_empty());
    for p in &paragraphs {
        let pieces = doc.pieces(p, &matches);
        let joined: String = pieces.iter().map(|piece| piece.text).collect();
        assert_eq!(joined, doc.text[p.span.clone()]);
        for piece in pieces.iter().filter(|piece| piece.marked) {
            assert!(piece.text.contains("光") || piece.text.contains("伏"));
        }
        for piece in pieces
            .iter()
            .filter_map(|piece| piece.mention.map(|m| (piece, m)))
        {
            assert!(piece.1.name.contains(piece.0.text));
        }
    }
    let _ = b;
}
