//! The plan text and its numbered sections, so that a quote can be checked against the section
//! it claims and the UI can later show a quote in its context.
//!
//! The plan numbers its parts `一、…` (top level) and `（一）…` (second level); a section is named
//! like `四` or `四(一)`. A section runs from its heading to the next heading of the same or a
//! higher level.

use std::ops::Range;

/// The plan text with the byte ranges of its sections.
#[derive(Debug, Clone)]
pub struct PlanText {
    text: String,
    sections: Vec<Section>,
}

/// One numbered section of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's name, e.g. `四` or `四(二)`.
    pub id: String,
    /// The heading's own text, e.g. `产业发展布局`.
    pub heading: String,
    /// Byte range of the section in the plan text, heading included.
    pub span: Range<usize>,
}

const NUMERALS: &str = "一二三四五六七八九十";

/// How a line of the plan opens: a top-level or second-level heading, or body text.
enum LineKind<'a> {
    Top { number: &'a str, heading: &'a str },
    Sub { number: &'a str, heading: &'a str },
    Body,
}

fn classify(line: &str) -> LineKind<'_> {
    let trimmed = line.trim_start_matches(['　', ' ', '\t']);
    let numeral_end = |s: &str| {
        s.char_indices()
            .find(|(_, c)| !NUMERALS.contains(*c))
            .map_or(s.len(), |(i, _)| i)
    };
    if let Some(rest) = trimmed.strip_prefix('（') {
        let end = numeral_end(rest);
        if end > 0
            && let Some(heading) = rest[end..].strip_prefix('）')
        {
            return LineKind::Sub {
                number: &rest[..end],
                heading: heading.trim_end(),
            };
        }
        return LineKind::Body;
    }
    let end = numeral_end(trimmed);
    match trimmed[end..].strip_prefix('、') {
        Some(heading) if end > 0 => LineKind::Top {
            number: &trimmed[..end],
            heading: heading.trim_end(),
        },
        _ => LineKind::Body,
    }
}

impl PlanText {
    /// Reads the section structure of a plan text.
    pub fn new(text: String) -> Self {
        let mut sections: Vec<Section> = Vec::new();
        let mut open_top: Option<usize> = None;
        let mut open_sub: Option<usize> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            match classify(line) {
                LineKind::Top { number, heading } => {
                    close(&mut sections, open_sub.take(), start);
                    close(&mut sections, open_top.take(), start);
                    open_top = Some(sections.len());
                    sections.push(Section {
                        id: number.to_string(),
                        heading: heading.to_string(),
                        span: start..start,
                    });
                }
                LineKind::Sub { number, heading } => {
                    close(&mut sections, open_sub.take(), start);
                    let parent = open_top.map_or("", |i| sections[i].id.as_str());
                    let id = format!("{parent}({number})");
                    open_sub = Some(sections.len());
                    sections.push(Section {
                        id,
                        heading: heading.to_string(),
                        span: start..start,
                    });
                }
                LineKind::Body => {}
            }
        }
        let end = text.len();
        close(&mut sections, open_sub, end);
        close(&mut sections, open_top, end);
        Self { text, sections }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The sections in the order they appear.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The section with this name.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Where `quote` stands inside section `id`: the byte range of its first occurrence there.
    pub fn find_in_section(&self, quote: &str, id: &str) -> Result<Range<usize>, QuoteProblem> {
        if quote.is_empty() {
            return Err(QuoteProblem::Empty);
        }
        let section = self.section(id).ok_or(QuoteProblem::UnknownSection)?;
        let mut found_elsewhere = false;
        for (at, _) in self.text.match_indices(quote) {
            let range = at..at + quote.len();
            if section.span.start <= range.start && range.end <= section.span.end {
                return Ok(range);
            }
            found_elsewhere = true;
        }
        Err(if found_elsewhere {
            QuoteProblem::OutsideSection
        } else {
            QuoteProblem::NotInPlan
        })
    }
}

/// A non-empty line of a plan text: where the line starts, and the byte range of its words
/// (leading full-width spaces and the line end left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    /// Byte offset of the line's first byte (where a heading's section starts).
    pub start: usize,
    /// Byte range of its words.
    pub words: Range<usize>,
}

/// The non-empty lines of a plan text, in order: the plan's paragraphs as it lays them out.
pub fn text_lines(text: &str) -> Vec<TextLine> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end_matches(['\n', '\r']);
        let lead = trimmed.len() - trimmed.trim_start_matches(['　', ' ']).len();
        let (from, to) = (start + lead, start + trimmed.len());
        if from < to {
            lines.push(TextLine {
                start,
                words: from..to,
            });
        }
    }
    lines
}

fn close(sections: &mut [Section], open: Option<usize>, end: usize) {
    if let Some(i) = open {
        sections[i].span.end = end;
    }
}

/// Why a quote could not be found where it claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuoteProblem {
    /// The quote is an empty string.
    #[error("the quote is empty")]
    Empty,
    /// No section of the plan has this name.
    #[error("the plan has no such section (sections look like 四 or 四(一))")]
    UnknownSection,
    /// The words do not occur anywhere in the plan.
    #[error("these words are not in the plan text; copy them exactly, punctuation included")]
    NotInPlan,
    /// The words occur in the plan, but not inside the named section.
    #[error("these words are in the plan, but not inside this section")]
    OutsideSection,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "前言。\n　　一、总体\n　　（一）甲\n　　甲的话。\n　　（二）乙\n　　乙的话。\n　　二、布局\n　　丙的话。\n";

    #[test]
    fn finds_top_and_second_level_sections() {
        let plan = PlanText::new(SAMPLE.to_string());
        let ids: Vec<&str> = plan.sections().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["一", "一(一)", "一(二)", "二"]);
        assert_eq!(
            plan.section("一(二)").map(|s| s.heading.as_str()),
            Some("乙")
        );
    }

    #[test]
    fn a_quote_must_stand_inside_its_section() {
        let plan = PlanText::new(SAMPLE.to_string());
        assert!(plan.find_in_section("乙的话", "一(二)").is_ok());
        assert!(plan.find_in_section("乙的话", "一").is_ok());
        assert_eq!(
            plan.find_in_section("乙的话", "一(一)"),
            Err(QuoteProblem::OutsideSection)
        );
        assert_eq!(
            plan.find_in_section("丁的话", "二"),
            Err(QuoteProblem::NotInPlan)
        );
        assert_eq!(
            plan.find_in_section("丙的话", "三"),
            Err(QuoteProblem::UnknownSection)
        );
        assert_eq!(plan.find_in_section("", "二"), Err(QuoteProblem::Empty));
    }

    #[test]
    fn lines_leave_out_their_indent_and_empty_lines() {
        let lines = text_lines(SAMPLE);
        assert_eq!(lines.len(), 8);
        assert_eq!(&SAMPLE[lines[1].words.clone()], "一、总体");
        assert_eq!(lines[1].start, "前言。\n".len());
        assert!(text_lines("\n　　\n").is_empty());
    }

    #[test]
    fn numbered_body_lines_are_not_headings() {
        let plan = PlanText::new("　　一是产业规模。\n　　1. 太阳能\n".to_string());
        assert!(plan.sections().is_empty());
    }
}
