//! The plan's text as markup, one writer for the reading view: its title, parts (`<h2>`),
//! sections (`<h3>`) and lines (`<p>`), each line's sentences and clauses as paragraphs with a
//! share link, the mentions as links and the search's matches and the quote marked. The view
//! sets the whole text once and then rewrites only the paragraphs whose marks change, so opening
//! the plan builds no component per paragraph (it built ~600 of them, with a memo, listeners and
//! reactive links each).

use std::fmt::Write;
use std::ops::Range;

use crate::draw::map_markup::escape;
use crate::model::bundle::Bundle;
use crate::model::i18n::Lang;
use crate::model::plan_doc::{MentionTarget, Paragraph, ParagraphKind};
use crate::model::sort;
use crate::view::plan_view_state::{PlanReading, paragraph_link_name};
use crate::view::url_state::{View, ViewState};

/// What the text's links are built from: the page's path and the current view without its
/// paragraph (scrolling moves only the paragraph, so it changes no link).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLinks {
    /// The page's path, which every link starts with.
    pub path: String,
    /// The view the links extend.
    pub view: ViewState,
}

impl PlanLinks {
    /// Where a link opens paragraph `n` of the plan.
    pub fn paragraph_href(&self, n: usize) -> String {
        format!(
            "{}{}",
            self.path,
            self.view.at_paragraph(Some(n)).to_query()
        )
    }

    /// Where a mention's link opens the thing it names in the explorer (for a new tab).
    pub fn mention_href(&self, bundle: &Bundle, target: &MentionTarget) -> String {
        let base = ViewState {
            view: View::Map,
            paragraph: None,
            ..self.view.clone()
        };
        let state = match target {
            MentionTarget::City(id) | MentionTarget::Place(id) => base.with_city(Some(id.clone())),
            MentionTarget::Zone(id) => base.with_zone(Some(id.clone())),
            MentionTarget::Industry(id) => base.with_industry(Some(id.clone())),
            MentionTarget::Field(id) => base.with_field(bundle, id),
        };
        format!("{}{}", self.path, state.to_query())
    }
}

/// The marks in the text: the search's matches, the one being shown, and the quote "show in
/// plan" opened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextMarks {
    /// The search's matches (byte ranges, in order).
    pub matches: Vec<Range<usize>>,
    /// The match being shown.
    pub current: Option<Range<usize>>,
    /// The quote being shown.
    pub quote: Option<Range<usize>>,
}

impl TextMarks {
    /// The marks that touch `span` (a paragraph's), which decide how it is drawn.
    pub fn within(&self, span: &Range<usize>) -> TextMarks {
        let touches = |r: &Range<usize>| r.start < span.end && r.end > span.start;
        let first = self.matches.partition_point(|r| r.end <= span.start);
        TextMarks {
            matches: self.matches[first..]
                .iter()
                .take_while(|r| r.start < span.end)
                .filter(|r| touches(r))
                .cloned()
                .collect(),
            current: self.current.clone().filter(touches),
            quote: self.quote.clone().filter(touches),
        }
    }

    /// The numbers of the paragraphs whose marks differ between `self` and `other`: the only
    /// ones to draw again when the marks change.
    pub fn changed_paragraphs(&self, other: &TextMarks, reading: &PlanReading) -> Vec<usize> {
        let mut touched: Vec<usize> = [self, other]
            .into_iter()
            .flat_map(|marks| {
                marks
                    .matches
                    .iter()
                    .chain(marks.current.iter())
                    .chain(marks.quote.iter())
            })
            .flat_map(|range| paragraphs_touching(reading, range))
            .collect();
        sort::sort(&mut touched);
        touched.dedup();
        touched.retain(|&n| {
            reading
                .paragraph(n)
                .is_some_and(|p| self.within(&p.span) != other.within(&p.span))
        });
        touched
    }
}

/// The numbers of the paragraphs a byte range touches.
fn paragraphs_touching(reading: &PlanReading, range: &Range<usize>) -> Vec<usize> {
    let first = reading
        .paragraphs
        .partition_point(|p| p.span.end <= range.start);
    reading.paragraphs[first..]
        .iter()
        .take_while(|p| p.span.start < range.end)
        .map(|p| p.number)
        .collect()
}

/// The whole text, the content of the view's `<article>`: one block per line of the plan (a
/// heading, or a `<p>` holding its paragraphs, with whatever text lies between them).
pub fn plan_text_markup(
    bundle: &Bundle,
    reading: &PlanReading,
    links: &PlanLinks,
    lang: Lang,
    marks: &TextMarks,
) -> String {
    let mut out = String::with_capacity(reading.doc.text.len() * 4);
    for line in reading.paragraphs.chunk_by(|a, b| a.line == b.line) {
        let (open, close) = block_of(bundle, reading, &line[0]);
        out.push_str(open);
        let mut end = line[0].span.start;
        for p in line {
            if p.span.start > end {
                out.push_str(&escape(
                    reading.doc.text.get(end..p.span.start).unwrap_or(""),
                ));
            }
            end = p.span.end;
            let _ = write!(
                out,
                r#"<span class="plan-para" id="{id}" data-p="{n}" tabindex="-1"><a class="plan-share" lang="{lang}" href="{href}" aria-label="{name}"></a>"#,
                id = paragraph_id(p.number),
                n = p.number,
                lang = share_link_lang(lang),
                href = escape(&links.paragraph_href(p.number)),
                name = escape(&paragraph_link_name(lang, p.number)),
            );
            out.push_str(&paragraph_content_markup(
                bundle,
                reading,
                p,
                links,
                &marks.within(&p.span),
            ));
            out.push_str("</span>");
        }
        out.push_str(close);
    }
    out
}

/// The element id of paragraph `n`, which the view finds it by and a jump scrolls to.
pub fn paragraph_id(n: usize) -> String {
    format!("plan-p-{n}")
}

/// The `lang` of a share link, whose name is in the interface language inside the plan's
/// Chinese text.
pub fn share_link_lang(lang: Lang) -> &'static str {
    lang.pick("zh-CN", "en")
}

/// The element a line of the plan is set in, by its kind.
fn block_of(
    bundle: &Bundle,
    reading: &PlanReading,
    first: &Paragraph,
) -> (&'static str, &'static str) {
    match first.kind {
        ParagraphKind::PartHeading => (r#"<h2 class="plan-part">"#, "</h2>"),
        ParagraphKind::SectionHeading => (r#"<h3 class="plan-section">"#, "</h3>"),
        ParagraphKind::Front if reading.is_title(bundle, first) => {
            (r#"<h2 class="plan-title">"#, "</h2>")
        }
        ParagraphKind::Front | ParagraphKind::Body => (r#"<p class="plan-line">"#, "</p>"),
    }
}

/// A paragraph's runs after its share link: plain text, search matches and mention links, with
/// the quote being shown marked as one run around them (so its words read as one passage, links
/// and all). `marks` are the paragraph's own ([`TextMarks::within`]).
pub fn paragraph_content_markup(
    bundle: &Bundle,
    reading: &PlanReading,
    paragraph: &Paragraph,
    links: &PlanLinks,
    marks: &TextMarks,
) -> String {
    let mut ranges = marks.matches.clone();
    ranges.extend(marks.quote.clone());
    sort::sort_by_key(&mut ranges, |r| (r.start, r.end));
    let inside = |r: &Option<Range<usize>>, at: usize| r.as_ref().is_some_and(|r| r.contains(&at));
    let mut out = String::new();
    let mut in_quote = false;
    let mut at = paragraph.span.start;
    for piece in reading.doc.pieces(paragraph, &ranges) {
        let start = at;
        at += piece.text.len();
        let quoted = piece.marked && inside(&marks.quote, start);
        if quoted != in_quote {
            out.push_str(if quoted {
                r#"<mark class="plan-mark">"#
            } else {
                "</mark>"
            });
            in_quote = quoted;
        }
        if let Some(mention) = piece.mention {
            let (kind, id) = kind_and_id(&mention.target);
            let _ = write!(
                out,
                r#"<a class="plan-mention" data-kind="{kind}" data-id="{}" href="{}">"#,
                escape(id),
                escape(&links.mention_href(bundle, &mention.target))
            );
        }
        let text = escape(piece.text);
        if !piece.marked || quoted {
            out.push_str(&text);
        } else if inside(&marks.current, start) {
            let _ = write!(out, r#"<mark class="plan-match current">{text}</mark>"#);
        } else {
            let _ = write!(out, r#"<mark class="plan-match">{text}</mark>"#);
        }
        if piece.mention.is_some() {
            out.push_str("</a>");
        }
    }
    if in_quote {
        out.push_str("</mark>");
    }
    out
}

/// A mention's `data-kind` word (which the stylesheet and tests read) and id.
fn kind_and_id(target: &MentionTarget) -> (&'static str, &str) {
    match target {
        MentionTarget::City(id) => ("city", id),
        MentionTarget::Place(id) => ("place", id),
        MentionTarget::Zone(id) => ("zone", id),
        MentionTarget::Industry(id) => ("industry", id),
        MentionTarget::Field(id) => ("field", id),
    }
}

/// The mention a link's `data-kind` and `data-id` name, read back when it is clicked.
pub fn mention_target(kind: &str, id: &str) -> Option<MentionTarget> {
    let id = id.to_string();
    Some(match kind {
        "city" => MentionTarget::City(id),
        "place" => MentionTarget::Place(id),
        "zone" => MentionTarget::Zone(id),
        "industry" => MentionTarget::Industry(id),
        "field" => MentionTarget::Field(id),
        _ => return None,
    })
}
