//! The plan reading view's decisions, kept out of the browser so they are tested natively: the
//! document's table of contents, which paragraph a quote stands in, which paragraph is "in view"
//! while the reader scrolls, what the map beside the text colours, stepping through the
//! paragraphs that mention a place, and the view's parametrised wording.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::model::bundle::Bundle;
use crate::model::facts::{Quote, Role};
use crate::model::i18n::Lang;
use crate::model::layout::Topic;
use crate::model::plan::PlanText;
use crate::model::plan_doc::{MentionTarget, Paragraph, ParagraphFocus, ParagraphKind, PlanDoc};

/// A plan document ready for reading: the document, its paragraphs (computed once, not on every
/// scroll) and its section structure for locating quotes.
#[derive(Debug, Clone)]
pub struct PlanReading {
    /// The document as loaded.
    pub doc: PlanDoc,
    /// Its paragraphs, numbered 1, 2, 3, ….
    pub paragraphs: Vec<Paragraph>,
    sections: PlanText,
}

/// One line of the table of contents: a part (level 2, `一、…`) or a section (level 3, `（一）…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry<'a> {
    /// The heading's paragraph number, the target of the entry's link.
    pub number: usize,
    /// 2 for a part, 3 for a section, as the heading element the text shows it in.
    pub level: u8,
    /// The heading as the plan writes it.
    pub text: &'a str,
}

impl PlanReading {
    /// Prepares a document for reading.
    pub fn new(doc: PlanDoc) -> PlanReading {
        let paragraphs = doc.paragraphs();
        let sections = PlanText::new(doc.text.clone());
        PlanReading {
            doc,
            paragraphs,
            sections,
        }
    }

    /// The text of a paragraph.
    pub fn text_of(&self, paragraph: &Paragraph) -> &str {
        self.doc.text.get(paragraph.span.clone()).unwrap_or("")
    }

    /// The paragraph numbered `number`, if the plan has it.
    pub fn paragraph(&self, number: usize) -> Option<&Paragraph> {
        self.paragraphs.get(number.checked_sub(1)?)
    }

    /// Whether a paragraph is the plan's title (the line of the front matter that is the title
    /// the bundle gives the plan), shown as the document's heading; the lines around it (the
    /// addressees, the covering note) are plain text.
    pub fn is_title(&self, bundle: &Bundle, paragraph: &Paragraph) -> bool {
        paragraph.kind == ParagraphKind::Front && self.text_of(paragraph) == bundle.plan.title_zh
    }

    /// The parts' and sections' headings, in order, for the table of contents.
    pub fn toc(&self) -> Vec<TocEntry<'_>> {
        self.paragraphs
            .iter()
            .filter_map(|p| {
                let level = match p.kind {
                    ParagraphKind::PartHeading => 2,
                    ParagraphKind::SectionHeading => 3,
                    ParagraphKind::Front | ParagraphKind::Body => return None,
                };
                Some(TocEntry {
                    number: p.number,
                    level,
                    text: self.text_of(p),
                })
            })
            .collect()
    }

    /// Where a quote of the bundle stands: the byte range of its words in its section, and the
    /// number of the paragraph they start in; `None` when the text does not hold them there.
    pub fn locate(&self, quote: &Quote) -> Option<(usize, Range<usize>)> {
        let range = self
            .sections
            .find_in_section(&quote.quote, &quote.section)
            .ok()?;
        Some((self.doc.paragraph_at(range.start)?, range))
    }

    /// The numbers of the paragraphs naming a place of the map (a city or a county-level place).
    pub fn paragraphs_naming(&self, bundle: &Bundle, adcode: &str) -> Vec<usize> {
        let target = if bundle.city(adcode).is_some() {
            MentionTarget::City(adcode.to_string())
        } else {
            MentionTarget::Place(adcode.to_string())
        };
        self.doc.paragraphs_mentioning(&target)
    }

    /// What the paragraph numbered `number` speaks of, for the map (nothing for an unknown one).
    pub fn focus(&self, bundle: &Bundle, number: usize) -> ParagraphFocus {
        self.paragraph(number)
            .map(|p| self.doc.focus(bundle, p))
            .unwrap_or_default()
    }
}

/// The topic the map beside the text colours by for a paragraph's focus: its one field where it
/// names one, else its one industry; `None` (coloured by zone) when it speaks of neither.
pub fn focus_topic(focus: &ParagraphFocus) -> Option<Topic<'_>> {
    Topic::chosen(focus.industry.as_deref(), focus.field.as_deref())
}

/// The strongest role of each place under a paragraph's focus, as the main map colours a topic.
pub fn focus_roles(bundle: &Bundle, focus: &ParagraphFocus) -> Option<BTreeMap<String, Role>> {
    Some(bundle.strongest_roles_owned(focus_topic(focus)?))
}

/// Where a paragraph (an inline run of text that may share its lines with its neighbours)
/// stands, in viewport pixels, as the browser lays it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParagraphBox {
    /// The top of its first line.
    pub top: f64,
    /// The bottom of its last line.
    pub bottom: f64,
}

/// The paragraph "in view" (0-based index) with the reading line at `probe`: the first
/// paragraph, in document order, that begins on the line the reading line crosses, so a short
/// run-in sentence (`一是产业规模领先全国。`, sharing its line with the end of the one before and
/// the start of the one after) is the one in view when it is scrolled to the top; when no
/// paragraph begins on that line, the one it runs through. Paragraphs' tops ascend in document
/// order, so the last begun is found by bisection, and those begun on its line before it (each
/// ending there, as the next begins there too: same top, bottom below the reading line) by
/// stepping back; a scroll reads only a handful of boxes.
///
/// `stay` is a paragraph the reader was taken to (a link, a jump): it stays in view as the
/// reader scrolls forward until its last line has gone [`STAY_PX`] above `visible_top` (the
/// top of the visible text), so a freshly opened `p=N` stays `p=N` until it is really scrolled
/// past.
pub fn paragraph_in_view(
    count: usize,
    probe: f64,
    visible_top: f64,
    stay: Option<usize>,
    box_of: impl Fn(usize) -> ParagraphBox,
) -> usize {
    if count == 0 {
        return 0;
    }
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        if box_of(mid).top <= probe {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    let mut picked = low.saturating_sub(1);
    let line_top = box_of(picked).top;
    while picked > 0 && {
        let before = box_of(picked - 1);
        (before.top - line_top).abs() < 1.0 && before.bottom > probe
    } {
        picked -= 1;
    }
    match stay {
        Some(s) if s < picked && box_of(s).bottom > visible_top - STAY_PX => s,
        _ => picked,
    }
}

/// How far above the top of the visible text the last line of a paragraph the reader was taken
/// to must go before the reader has scrolled past it, px: about one line.
pub const STAY_PX: f64 = 30.0;

/// How far below the top of the visible text the reading line lies, px: a paragraph scrolled
/// to the top (as a link or the table of contents puts it, 8 px below the edge) is the one in
/// view, even a one-line heading.
pub const READING_LINE_PX: f64 = 24.0;

/// The reading line within the visible part of the text (`top`..`bottom`, viewport pixels):
/// [`READING_LINE_PX`] down, or a quarter of the way down in a very short window.
pub fn reading_line(top: f64, bottom: f64) -> f64 {
    top + READING_LINE_PX.min((bottom - top).max(0.0) * 0.25)
}

/// The paragraph to jump to from `current` among `list` (the paragraphs naming a place, in
/// order): the next one after it (`forward`) or the one before it, wrapping round; the first (or
/// last) when `current` is outside the list's range.
pub fn step(list: &[usize], current: Option<usize>, forward: bool) -> Option<usize> {
    let (first, last) = (*list.first()?, *list.last()?);
    let Some(current) = current else {
        return Some(if forward { first } else { last });
    };
    let found = if forward {
        list.iter().copied().find(|&n| n > current)
    } else {
        list.iter().rev().copied().find(|&n| n < current)
    };
    Some(found.unwrap_or(if forward { first } else { last }))
}

/// The accessible name of a paragraph's share link.
pub fn paragraph_link_name(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {number} 段的链接"),
        Lang::En => format!("Link to paragraph {number}"),
    }
}

/// The search's count of matches (`3 处`, `3 matches`), with the current one when there is.
pub fn match_count(lang: Lang, current: Option<usize>, total: usize) -> String {
    match (lang, current) {
        (Lang::Zh, Some(i)) => format!("第 {} 处 / 共 {total} 处", i + 1),
        (Lang::Zh, None) => format!("{total} 处"),
        (Lang::En, Some(i)) => format!("{} of {total} matches", i + 1),
        (Lang::En, None) if total == 1 => String::from("1 match"),
        (Lang::En, None) => format!("{total} matches"),
    }
}

/// The heading of the list of paragraphs naming a place: its name and how many there are.
pub fn naming_heading(lang: Lang, name: &str, count: usize) -> String {
    match (lang, count) {
        (Lang::Zh, _) => format!("提及{name}的段落：{count} 段"),
        (Lang::En, 1) => format!("1 paragraph names {name}"),
        (Lang::En, _) => format!("{count} paragraphs name {name}"),
    }
}

/// What the live region says of the paragraphs naming a chosen place: the list's heading, and
/// which of them is shown (`at`, an index into the list) when one is.
pub fn naming_announcement(lang: Lang, name: &str, count: usize, at: Option<usize>) -> String {
    let heading = naming_heading(lang, name, count);
    match (lang, at) {
        (_, None) => heading,
        (Lang::Zh, Some(i)) => format!("{heading}，第 {} / {count} 段", i + 1),
        (Lang::En, Some(i)) => format!("{heading}: {} of {count}", i + 1),
    }
}

/// A paragraph's label in the list of those naming a place: its number and its section.
pub fn paragraph_label(lang: Lang, paragraph: &Paragraph) -> String {
    let section = paragraph
        .section
        .as_deref()
        .map_or(String::new(), |s| format!(" · §{}", lang.section(s)));
    match lang {
        Lang::Zh => format!("第 {} 段{section}", paragraph.number),
        Lang::En => format!("¶{}{section}", paragraph.number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines 30 px apart from 0: paragraph 0 fills lines 0–1 and ends on line 2, where the
    /// run-in sentence 1 stands whole and paragraph 2 begins, running to line 4; paragraph 3
    /// begins on line 5.
    fn boxes(scrolled: f64) -> impl Fn(usize) -> ParagraphBox {
        move |i| {
            let (first, last) = [(0, 2), (2, 2), (2, 4), (5, 9)][i];
            let line = |n: i32| f64::from(n) * 30.0 - scrolled;
            ParagraphBox {
                top: line(first),
                bottom: line(last) + 20.0,
            }
        }
    }

    /// The paragraph in view with the text scrolled by `scrolled` px, the visible text's top
    /// at -8 (a paragraph scrolled to the top stands 8 px below it) and the reading line 24 px
    /// below that.
    fn at(scrolled: f64, stay: Option<usize>) -> usize {
        paragraph_in_view(4, 16.0, -8.0, stay, boxes(scrolled))
    }

    #[test]
    fn the_paragraph_in_view_is_the_first_begun_on_the_reading_lines_line() {
        assert_eq!(at(0.0, None), 0);
        assert_eq!(at(30.0, None), 0, "inside its second line");
        assert_eq!(at(60.0, None), 1, "a run-in sentence at the top is in view");
        assert_eq!(at(90.0, None), 2, "the line of a paragraph begun above");
        assert_eq!(at(150.0, None), 3);
        assert_eq!(at(9000.0, None), 3, "below every paragraph: the last");
        assert_eq!(at(-100.0, None), 0, "above every paragraph: the first");
        assert_eq!(paragraph_in_view(0, 10.0, 0.0, None, |_| unreachable!()), 0);
    }

    #[test]
    fn a_paragraph_the_reader_was_taken_to_stays_until_scrolled_past() {
        assert_eq!(at(90.0, Some(1)), 1, "one line on: it stays");
        assert_eq!(at(150.0, Some(1)), 3, "three lines on: scrolled past");
        assert_eq!(at(0.0, Some(2)), 0, "scrolling back moves at once");
    }

    #[test]
    fn the_reading_line_is_just_below_the_top_of_the_visible_text() {
        assert_eq!(reading_line(100.0, 500.0), 124.0);
        assert_eq!(reading_line(100.0, 140.0), 110.0);
        assert_eq!(reading_line(100.0, 50.0), 100.0);
    }

    #[test]
    fn stepping_wraps_round_the_list() {
        let list = [3, 8, 20];
        assert_eq!(step(&list, None, true), Some(3));
        assert_eq!(step(&list, None, false), Some(20));
        assert_eq!(step(&list, Some(3), true), Some(8));
        assert_eq!(step(&list, Some(5), true), Some(8));
        assert_eq!(step(&list, Some(20), true), Some(3));
        assert_eq!(step(&list, Some(3), false), Some(20));
        assert_eq!(step(&list, Some(9), false), Some(8));
        assert_eq!(step(&[], Some(9), false), None);
    }

    #[test]
    fn wording_follows_the_language() {
        assert_eq!(paragraph_link_name(Lang::En, 12), "Link to paragraph 12");
        assert_eq!(paragraph_link_name(Lang::Zh, 12), "第 12 段的链接");
        assert_eq!(match_count(Lang::Zh, None, 3), "3 处");
        assert_eq!(match_count(Lang::En, None, 3), "3 matches");
        assert_eq!(match_count(Lang::En, Some(0), 3), "1 of 3 matches");
        assert_eq!(
            naming_heading(Lang::En, "Suzhou", 1),
            "1 paragraph names Suzhou"
        );
        assert_eq!(
            naming_announcement(Lang::Zh, "苏州市", 4, Some(0)),
            "提及苏州市的段落：4 段，第 1 / 4 段"
        );
        assert_eq!(
            naming_announcement(Lang::En, "Suzhou", 4, Some(0)),
            "4 paragraphs name Suzhou: 1 of 4"
        );
        assert_eq!(
            naming_announcement(Lang::En, "Suzhou", 4, None),
            "4 paragraphs name Suzhou"
        );
    }
}
