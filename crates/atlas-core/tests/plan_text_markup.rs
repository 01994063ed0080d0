//! The plan's text as the reading view sets it (`view::plan_text`), on the real plan document and
//! bundle: every paragraph in order with the plan's own words, the mentions as links that read
//! back as what they name, a quote marked as one run around its links, and a change of marks
//! naming exactly the paragraphs to draw again.

use atlas_core::model::i18n::Lang;
use atlas_core::view::plan_text::{
    PlanLinks, TextMarks, mention_target, paragraph_content_markup, plan_text_markup,
};
use atlas_core::view::url_state::ViewState;

mod committed_bundle;
mod committed_plan;
use committed_bundle::bundle;
use committed_plan::reading;

fn links() -> PlanLinks {
    PlanLinks {
        path: String::from("/atlas/"),
        view: ViewState::default(),
    }
}

/// The text of markup without its tags, its entities read back.
fn words(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Each paragraph's markup in the whole text (from its opening tag to its `</span>`), in order.
fn paragraphs_in(markup: &str) -> Vec<&str> {
    markup
        .split(r#"<span class="plan-para""#)
        .skip(1)
        .map(|rest| rest.split("</span>").next().unwrap_or(""))
        .collect()
}

#[test]
fn the_text_holds_every_paragraph_in_order_in_the_plans_own_words() {
    let (b, r) = (bundle(), reading());
    let markup = plan_text_markup(&b, &r, &links(), Lang::Zh, &TextMarks::default());
    let shown = paragraphs_in(&markup);
    assert_eq!(shown.len(), r.paragraphs.len());
    for (p, markup) in r.paragraphs.iter().zip(shown) {
        assert!(
            markup.starts_with(&format!(r#" id="plan-p-{0}" data-p="{0}""#, p.number)),
            "¶{} opens as {}",
            p.number,
            &markup[..markup.len().min(60)]
        );
        assert!(markup.contains(&format!(
            r#"<a class="plan-share" lang="zh-CN" href="/atlas/?view=plan&amp;p={0}" aria-label="第 {0} 段的链接"></a>"#,
            p.number
        )));
        assert_eq!(
            words(&format!("<span{markup}")),
            r.text_of(p),
            "¶{}",
            p.number
        );
    }
    assert_eq!(markup.matches(r#"<h2 class="plan-title">"#).count(), 1);
    assert_eq!(
        markup.matches(r#"<h2 class="plan-part">"#).count(),
        r.toc().iter().filter(|e| e.level == 2).count()
    );
}

#[test]
fn every_mention_is_a_link_that_reads_back_as_what_it_names() {
    let (b, r) = (bundle(), reading());
    let markup = plan_text_markup(&b, &r, &links(), Lang::En, &TextMarks::default());
    let read: Vec<_> = markup
        .split(r#"<a class="plan-mention" data-kind=""#)
        .skip(1)
        .map(|rest| {
            let (kind, rest) = rest.split_once(r#"" data-id=""#).expect("an id follows");
            let (id, rest) = rest.split_once(r#"" href=""#).expect("an address follows");
            let href = rest.split_once('"').expect("the address ends").0;
            (
                mention_target(kind, id).expect("a known kind"),
                href.to_string(),
            )
        })
        .collect();
    assert_eq!(read.len(), r.doc.mentions.len());
    for ((target, href), mention) in read.iter().zip(&r.doc.mentions) {
        assert_eq!(*target, mention.target);
        assert_eq!(
            *href,
            links().mention_href(&b, target).replace('&', "&amp;")
        );
        assert!(href.starts_with("/atlas/?"), "{href}");
    }
    assert_eq!(mention_target("river", "x"), None);
}

#[test]
fn a_quote_is_one_mark_around_its_words_links_and_all() {
    let (b, r) = (bundle(), reading());
    let quote = b
        .roles
        .iter()
        .map(|role| &role.quote)
        .find(|q| {
            r.locate(q).is_some_and(|(n, range)| {
                r.paragraph(n)
                    .is_some_and(|p| r.doc.mentions_in(p).iter().any(|m| range.contains(&m.at)))
            })
        })
        .expect("a quote naming a place or an industry");
    let (n, range) = r.locate(quote).expect("located");
    let p = r.paragraph(n).expect("its paragraph");
    let marks = TextMarks {
        quote: Some(range.clone()),
        ..TextMarks::default()
    };
    let markup = paragraph_content_markup(&b, &r, p, &links(), &marks.within(&p.span));
    assert_eq!(markup.matches(r#"<mark class="plan-mark">"#).count(), 1);
    let marked = markup
        .split_once(r#"<mark class="plan-mark">"#)
        .and_then(|(_, rest)| rest.rsplit_once("</mark>"))
        .map(|(inside, _)| inside)
        .expect("the mark closes");
    assert!(marked.contains(r#"<a class="plan-mention""#));
    assert_eq!(words(marked), &r.doc.text[range]);
    assert_eq!(words(&markup), r.text_of(p));
}

#[test]
fn a_change_of_marks_names_exactly_the_paragraphs_whose_marks_change() {
    let r = reading();
    let searching = |query: &str| TextMarks {
        matches: r.doc.matches(query),
        ..TextMarks::default()
    };
    let naming = |query: &str| -> Vec<usize> {
        r.paragraphs
            .iter()
            .filter(|p| r.text_of(p).contains(query))
            .map(|p| p.number)
            .collect()
    };
    let (suzhou, wuxi) = (searching("苏州"), searching("无锡"));
    assert_eq!(
        TextMarks::default().changed_paragraphs(&suzhou, &r),
        naming("苏州")
    );
    let mut either = naming("苏州");
    either.extend(naming("无锡"));
    either.sort_unstable();
    either.dedup();
    assert_eq!(suzhou.changed_paragraphs(&wuxi, &r), either);
    assert!(suzhou.changed_paragraphs(&suzhou.clone(), &r).is_empty());
    // Moving the current match from the first to the second redraws their paragraphs only.
    let first = TextMarks {
        current: suzhou.matches.first().cloned(),
        ..suzhou.clone()
    };
    let second = TextMarks {
        current: suzhou.matches.get(1).cloned(),
        ..suzhou.clone()
    };
    let mut moved: Vec<usize> = suzhou.matches[..2]
        .iter()
        .filter_map(|m| r.doc.paragraph_at(m.start))
        .collect();
    moved.dedup();
    assert_eq!(first.changed_paragraphs(&second, &r), moved);
}
