//! The plan's text: its title, parts (`<h2>`), sections (`<h3>`) and lines (`<p>`), each line's
//! sentences and clauses the paragraphs that links and the map follow, each with a share link
//! (shown on hover and focus) and its mentions as links, with the search's matches and the quote
//! being shown marked. Each paragraph re-renders only when its own marks change.

use std::ops::Range;
use std::sync::Arc;

use atlas_core::model::plan_doc::{
    Mention, MentionTarget, Paragraph, ParagraphFocus, ParagraphKind,
};
use atlas_core::model::sort;
use atlas_core::view::plan_view_state::{PlanReading, paragraph_link_name};
use atlas_core::view::url_state::View;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use super::{Reader, modified_click, paragraph_href, paragraph_id};
use crate::state::context::{AtlasContext, use_atlas};

/// The marks inside one paragraph: the search's matches, the current one, and the quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct OwnMarks {
    matches: Vec<Range<usize>>,
    current: Option<Range<usize>>,
    quote: Option<Range<usize>>,
}

/// The whole text: one block per line of the plan (a heading, or a `<p>` holding its sentences
/// and clauses, each a paragraph of its own with its number).
#[component]
pub(super) fn PlanText(
    reading: Arc<PlanReading>,
    reader: Reader,
    matches: Memo<Vec<Range<usize>>>,
    quote_range: Memo<Option<Range<usize>>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let mut lines: Vec<Vec<Paragraph>> = Vec::new();
    for p in &reading.paragraphs {
        match lines.last_mut() {
            Some(line) if line[0].line == p.line => line.push(p.clone()),
            _ => lines.push(vec![p.clone()]),
        }
    }
    // Only the paragraphs leaving and entering a state re-render its class (not all of them).
    let marked = Marked {
        reading: Selector::new(move || reader.in_view.get()),
        target: Selector::new(move || reader.highlight.get()),
        matches,
        quote_range,
    };
    let blocks = lines
        .into_iter()
        .map(|line| line_view(&atlas, &reading, line, reader, &marked))
        .collect_view();
    view! { <article class="plan-text" lang="zh-CN">{blocks}</article> }
}

/// What the paragraphs are marked by: the one being read (in view), the one a link or jump
/// chose, the search's matches and the quote being shown.
struct Marked {
    reading: Selector<usize>,
    target: Selector<Option<usize>>,
    matches: Memo<Vec<Range<usize>>>,
    quote_range: Memo<Option<Range<usize>>>,
}

/// One line of the plan: its paragraphs in the block its kind calls for, with whatever text lies
/// between them.
fn line_view(
    atlas: &AtlasContext,
    reading: &Arc<PlanReading>,
    line: Vec<Paragraph>,
    reader: Reader,
    marked: &Marked,
) -> AnyView {
    let (matches, quote_range) = (marked.matches, marked.quote_range);
    let kind = line[0].kind;
    let title = reading.is_title(&atlas.bundle, &line[0]);
    let mut parts: Vec<AnyView> = Vec::new();
    let mut end = line[0].span.start;
    for p in line {
        if p.span.start > end {
            parts.push(
                reading
                    .doc
                    .text
                    .get(end..p.span.start)
                    .unwrap_or("")
                    .to_string()
                    .into_any(),
            );
        }
        end = p.span.end;
        let span = p.span.clone();
        let own = Memo::new(move |_| {
            let touches = |r: &Range<usize>| r.start < span.end && r.end > span.start;
            let current = reader
                .current_match
                .get()
                .and_then(|i| matches.with(|m| m.get(i).cloned()))
                .filter(touches);
            OwnMarks {
                matches: matches.with(|m| m.iter().filter(|r| touches(r)).cloned().collect()),
                current,
                quote: quote_range.get().filter(touches),
            }
        });
        parts.push(paragraph_view(atlas, reading.clone(), p, reader, marked, own).into_any());
    }
    match kind {
        ParagraphKind::PartHeading => view! { <h2 class="plan-part">{parts}</h2> }.into_any(),
        ParagraphKind::SectionHeading => view! { <h3 class="plan-section">{parts}</h3> }.into_any(),
        ParagraphKind::Front if title => view! { <h2 class="plan-title">{parts}</h2> }.into_any(),
        ParagraphKind::Front | ParagraphKind::Body => {
            view! { <p class="plan-line">{parts}</p> }.into_any()
        }
    }
}

/// One paragraph (a sentence or clause, or a heading) with its share link.
fn paragraph_view(
    atlas: &AtlasContext,
    reading: Arc<PlanReading>,
    paragraph: Paragraph,
    reader: Reader,
    marked: &Marked,
    own: Memo<OwnMarks>,
) -> impl IntoView + use<> {
    let n = paragraph.number;
    let (reading_now, target) = (marked.reading.clone(), marked.target.clone());
    let content = {
        let atlas = atlas.clone();
        move || own.with(|marks| pieces_view(&atlas, &reading, &paragraph, reader, marks))
    };
    let language = atlas.language;
    let href = move || paragraph_href(reader, n);
    let on_share = {
        let atlas = atlas.clone();
        move |e: leptos::ev::MouseEvent| {
            if !modified_click(&e) {
                e.prevent_default();
                reader.choose(&atlas, n, true);
            }
        }
    };
    view! {
        <span
            class="plan-para"
            id=paragraph_id(n)
            data-p=n
            tabindex="-1"
            class:plan-target=move || target.selected(&Some(n))
            class:plan-reading=move || reading_now.selected(&n)
        >
            <a
                class="plan-share"
                href=href
                aria-label=move || paragraph_link_name(language.get(), n)
                on:click=on_share
            ></a>
            {content}
        </span>
    }
}

/// A paragraph's runs: plain text, search matches and mention links, with the quote being shown
/// marked as one run around them (so its words read as one passage, links and all).
fn pieces_view(
    atlas: &AtlasContext,
    reading: &PlanReading,
    paragraph: &Paragraph,
    reader: Reader,
    marks: &OwnMarks,
) -> AnyView {
    let mut ranges = marks.matches.clone();
    ranges.extend(marks.quote.clone());
    sort::sort_by_key(&mut ranges, |r| (r.start, r.end));
    let inside = |r: &Option<Range<usize>>, at: usize| r.as_ref().is_some_and(|r| r.contains(&at));
    let mut runs: Vec<(bool, Vec<AnyView>)> = Vec::new();
    let mut at = paragraph.span.start;
    for piece in reading.doc.pieces(paragraph, &ranges) {
        let start = at;
        at += piece.text.len();
        let text = piece.text.to_string();
        let quoted = piece.marked && inside(&marks.quote, start);
        let inner = if !piece.marked || quoted {
            text.into_any()
        } else if inside(&marks.current, start) {
            view! { <mark class="plan-match current">{text}</mark> }.into_any()
        } else {
            view! { <mark class="plan-match">{text}</mark> }.into_any()
        };
        let shown = match piece.mention {
            Some(mention) => mention_link(atlas, mention, reader, inner).into_any(),
            None => inner,
        };
        match runs.last_mut() {
            Some((q, run)) if *q == quoted => run.push(shown),
            _ => runs.push((quoted, vec![shown])),
        }
    }
    runs.into_iter()
        .map(|(quoted, run)| {
            if quoted {
                view! { <mark class="plan-mark">{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// A mention as a link: its address opens the thing in the explorer (for a new tab); a plain
/// click chooses it for the map beside the text.
fn mention_link(
    atlas: &AtlasContext,
    mention: &Mention,
    reader: Reader,
    inner: AnyView,
) -> impl IntoView + use<> {
    let target = mention.target.clone();
    let kind = kind_word(&target);
    let href = {
        let (atlas, target) = (atlas.clone(), target.clone());
        move || {
            reader.links.with(|base| {
                let query = explorer_for(&atlas, &base.view, &target).to_query();
                format!("{}{query}", base.path)
            })
        }
    };
    let on_click = move |e: leptos::ev::MouseEvent| {
        if modified_click(&e) {
            return;
        }
        e.prevent_default();
        choose_target(reader, &target);
    };
    view! { <a class="plan-mention" data-kind=kind href=href on:click=on_click>{inner}</a> }
}

/// Chooses a mentioned thing for the map: a place lists its paragraphs; a zone, industry or field
/// is shown on the map until the reader scrolls on.
fn choose_target(reader: Reader, target: &MentionTarget) {
    let focus = match target {
        MentionTarget::City(id) | MentionTarget::Place(id) => {
            reader.chosen.set(Some(id.clone()));
            return;
        }
        MentionTarget::Zone(id) => ParagraphFocus {
            zones: vec![id.clone()],
            ..ParagraphFocus::default()
        },
        MentionTarget::Industry(id) => ParagraphFocus {
            industry: Some(id.clone()),
            ..ParagraphFocus::default()
        },
        MentionTarget::Field(id) => ParagraphFocus {
            field: Some(id.clone()),
            ..ParagraphFocus::default()
        },
    };
    reader.pinned.set(Some(focus));
}

/// The explorer's view of a mentioned thing, for the mention's address.
fn explorer_for(
    atlas: &AtlasContext,
    state: &atlas_core::view::url_state::ViewState,
    target: &MentionTarget,
) -> atlas_core::view::url_state::ViewState {
    let base = atlas_core::view::url_state::ViewState {
        view: View::Map,
        paragraph: None,
        ..state.clone()
    };
    match target {
        MentionTarget::City(id) | MentionTarget::Place(id) => base.with_city(Some(id.clone())),
        MentionTarget::Zone(id) => base.with_zone(Some(id.clone())),
        MentionTarget::Industry(id) => base.with_industry(Some(id.clone())),
        MentionTarget::Field(id) => base.with_field(&atlas.bundle, id),
    }
}

/// The `data-kind` word of a mention, which the stylesheet and tests read.
fn kind_word(target: &MentionTarget) -> &'static str {
    match target {
        MentionTarget::City(_) => "city",
        MentionTarget::Place(_) => "place",
        MentionTarget::Zone(_) => "zone",
        MentionTarget::Industry(_) => "industry",
        MentionTarget::Field(_) => "field",
    }
}
