//! The plan reading view (`?view=plan`): the whole plan text with its parts and sections, a
//! table of contents, a search box, and the map beside the text showing what the paragraph in
//! view speaks of. Every mention in the text is a link choosing that place, zone or industry for
//! the map; every paragraph has a share link (`?view=plan&p=N`).
//!
//! The address follows the reader: explicit choices (a share link, the table of contents, "show
//! in plan", a paragraph of a place's list) add history entries, as anchors do; the paragraph
//! the reader scrolls to replaces the current entry once the scrolling ends, so Back leaves
//! the plan rather than replaying the scroll.

mod place_list;
mod scroll;
mod search;
mod side_map;
mod text;
mod toc;

use std::ops::Range;
use std::sync::Arc;

use atlas_core::model::plan_doc::ParagraphFocus;
use atlas_core::view::plan_text::{PlanLinks, paragraph_id};
use atlas_core::view::plan_view_state::PlanReading;
use atlas_core::{Msg, Quote};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::JsCast;

use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::{AtlasContext, PlanState, use_atlas};
use crate::state::load::LoadError;
use crate::state::updated::UpdatedPanel;
use crate::state::url_sync::replace_next_entry;
use crate::web::keys::{KeyLayer, KeyOutcome, on_key};

/// The plan view: the reader once the plan document is there, its loading state or its error.
#[component]
pub fn PlanView() -> impl IntoView {
    let atlas = use_atlas();
    let (plan, plan_quote, language) = (atlas.plan, atlas.plan_quote, atlas.language);
    let opened_from = atlas.plan_opened_from;
    // The quote's mark belongs to the visit that "show in plan" opened.
    on_cleanup(move || {
        plan_quote.try_set(None);
        opened_from.try_set(None);
    });
    return_on_escape(&atlas);
    // The view is built once its chunk is there, so a plan document whose reader (this chunk)
    // could not be loaded, now or while the view was on its way, is asked for again.
    let asker = atlas.clone();
    Effect::new(move |_| {
        if plan.with(|p| matches!(p, PlanState::Failed(LoadError::Code { .. }))) {
            asker.want_plan();
        }
    });
    move || match plan.get() {
        PlanState::Ready(reading) => view! { <PlanReader reading /> }.into_any(),
        PlanState::Failed(LoadError::Updated { .. }) => view! {
            <section class="plan-view plan-status">
                <UpdatedPanel />
            </section>
        }
        .into_any(),
        PlanState::Failed(error) => view! {
            <section class="plan-view plan-status plan-failed" role="alert">
                <h2>{move || language.get().text(Msg::PlanLoadFailed)}</h2>
                <p class="plan-failed-hint">{move || language.get().text(Msg::PlanLoadHint)}</p>
                <p class="plan-failed-detail">
                    <span>{move || language.get().text(Msg::PlanLoadDetail)}</span>
                    ": "
                    <code lang="en">{error.to_string()}</code>
                </p>
            </section>
        }
        .into_any(),
        PlanState::Unasked | PlanState::Loading => view! {
            <section class="plan-view plan-status">
                <p class="status loading">{move || language.get().text(Msg::Loading)}</p>
            </section>
        }
        .into_any(),
    }
}

/// Esc in a plan view that "show in plan" opened returns to the view it was opened from (as
/// Back does; in a frame, whose history is the host's, by setting that view again).
fn return_on_escape(atlas: &AtlasContext) {
    let atlas = atlas.clone();
    on_key(KeyLayer::PlanReturn, move |e| {
        if e.key() != "Escape" || e.default_prevented() {
            return KeyOutcome::Passed;
        }
        let Some(previous) = atlas.plan_opened_from.get_untracked() else {
            return KeyOutcome::Passed;
        };
        e.prevent_default();
        if crate::web::frame::in_frame() {
            atlas.state.set(previous);
        } else if let Ok(history) = window().history() {
            let _ = history.back();
        }
        KeyOutcome::Taken
    });
}

/// What the parts of the reader share.
#[derive(Clone, Copy)]
struct Reader {
    /// The paragraph in view (1-based), which the map shows.
    in_view: RwSignal<usize>,
    /// The paragraph a link or a jump chose, highlighted.
    highlight: RwSignal<Option<usize>>,
    /// The place chosen on the map or in the text, whose paragraphs are listed.
    chosen: RwSignal<Option<String>>,
    /// A zone, industry or field chosen in the text, shown on the map until the reader scrolls
    /// to another paragraph.
    pinned: RwSignal<Option<ParagraphFocus>>,
    /// The search's query.
    query: RwSignal<String>,
    /// The search match being shown (index into the matches).
    current_match: RwSignal<Option<usize>>,
    /// A jump's paragraph while its scroll is under way: the scroll it causes is not the reader's.
    jumping: StoredValue<Option<usize>>,
    /// The paragraph last written to the address by scrolling, which needs no jump.
    written: StoredValue<Option<usize>>,
    /// Whether the next jump through the address moves the focus to the paragraph.
    focus_on_jump: StoredValue<bool>,
    /// What the text's links are built from: the page's path and the view without its
    /// paragraph. Scrolling moves only the paragraph, so it rebuilds none of the hundreds of
    /// links (every paragraph's share link, every mention, the contents).
    links: Memo<PlanLinks>,
}

impl Reader {
    fn new(atlas: &AtlasContext) -> Reader {
        let state = atlas.state;
        Reader {
            in_view: RwSignal::new(1),
            highlight: RwSignal::new(None),
            chosen: RwSignal::new(None),
            pinned: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            current_match: RwSignal::new(None),
            jumping: StoredValue::new(None),
            written: StoredValue::new(None),
            focus_on_jump: StoredValue::new(true),
            links: Memo::new(move |_| PlanLinks {
                path: window().location().pathname().unwrap_or_default(),
                view: state.with(|s| s.at_paragraph(None)),
            }),
        }
    }

    /// Chooses paragraph `n` explicitly: a new history entry, then the jump (with the focus
    /// moved to the paragraph when `focus`).
    fn choose(self, atlas: &AtlasContext, n: usize, focus: bool) {
        self.focus_on_jump.set_value(focus);
        if atlas.state.with_untracked(|s| s.paragraph) == Some(n) {
            self.jump(n, focus, None);
        } else {
            atlas.update(|s| s.at_paragraph(Some(n)));
        }
    }

    /// Scrolls paragraph `n` (or the element `within` it matching a selector) into view,
    /// highlights it and shows it on the map, and moves the focus to it when `focus`.
    fn jump(self, n: usize, focus: bool, within: Option<&'static str>) {
        self.highlight.set(Some(n));
        self.pinned.set(None);
        self.in_view.set(n);
        self.jumping.set_value(Some(n));
        request_animation_frame(move || {
            let Some(paragraph) = document().get_element_by_id(&paragraph_id(n)) else {
                return;
            };
            if focus && let Some(element) = paragraph.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
            let target = within
                .and_then(|selector| paragraph.query_selector(selector).ok().flatten())
                .unwrap_or(paragraph);
            let before = target.get_bounding_client_rect().top();
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(if within.is_some() {
                web_sys::ScrollLogicalPosition::Center
            } else {
                web_sys::ScrollLogicalPosition::Start
            });
            target.scroll_into_view_with_scroll_into_view_options(&options);
            // Already in place: no scroll follows, so none is waited for.
            if (target.get_bounding_client_rect().top() - before).abs() < 0.5 {
                self.jumping.set_value(None);
            }
        });
    }
}

/// Where a link opens paragraph `n` of the plan, in the current language.
fn paragraph_href(reader: Reader, n: usize) -> String {
    reader.links.with(|links| links.paragraph_href(n))
}

/// Whether a click should be left to the browser (a new tab or window, a download).
fn modified_click(e: &leptos::ev::MouseEvent) -> bool {
    e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0
}

/// The reader for a loaded plan.
#[component]
fn PlanReader(reading: Arc<PlanReading>) -> impl IntoView {
    let atlas = use_atlas();
    let reader = Reader::new(&atlas);
    check_linked_paragraph(&atlas, reading.paragraphs.len());
    follow_address(&atlas, &reading, reader);
    let quote_range: Memo<Option<Range<usize>>> = {
        let reading = reading.clone();
        let plan_quote = atlas.plan_quote;
        Memo::new(move |_| {
            plan_quote
                .with(|q| q.as_ref().and_then(|q| reading.locate(q)))
                .map(|(_, r)| r)
        })
    };
    let matches: Memo<Vec<Range<usize>>> = {
        let reading = reading.clone();
        let query = reader.query;
        Memo::new(move |_| query.with(|q| reading.doc.matches(q.trim())))
    };
    let scroller = NodeRef::<leptos::html::Div>::new();
    let side = NodeRef::<leptos::html::Aside>::new();
    scroll::follow_scroll(&atlas, reader, scroller, side);
    view! {
        <section class="plan-view">
            <toc::Contents reading=reading.clone() reader />
            <div class="plan-reader" node_ref=scroller>
                <search::PlanSearch reading=reading.clone() reader matches />
                <text::PlanText reading=reading.clone() reader matches quote_range />
            </div>
            <aside class="plan-side" node_ref=side>
                <side_map::SideMap reading=reading.clone() reader />
                <place_list::PlaceList reading reader />
            </aside>
        </section>
    }
}

/// Once the plan is there, drops a linked paragraph it does not have, with a notice, in place
/// (the plan opens at its start), as a county the county layer lacks is.
fn check_linked_paragraph(atlas: &AtlasContext, count: usize) {
    let (checked, notice) = atlas.state.with_untracked(|s| s.checked_paragraph(count));
    if let Some(notice) = notice {
        atlas.notices.update(|n| n.push(notice));
        replace_next_entry();
        atlas.state.set(checked);
    }
}

/// Jumps to the paragraph the address names whenever it changes other than by scrolling (a link
/// opened, Back or Forward, an explicit choice), and to the quote "show in plan" marks.
fn follow_address(atlas: &AtlasContext, reading: &Arc<PlanReading>, reader: Reader) {
    let paragraph = {
        let state = atlas.state;
        Memo::new(move |_| state.with(|s| s.paragraph))
    };
    let shown_quote: StoredValue<Option<Quote>> = StoredValue::new(None);
    let (atlas, reading) = (atlas.clone(), reading.clone());
    Effect::new(move |_| {
        let p = paragraph.get();
        let quote = atlas.plan_quote.get();
        if quote != shown_quote.get_value() {
            shown_quote.set_value(quote.clone());
            if let Some((n, _)) = quote.as_ref().and_then(|q| reading.locate(q)) {
                if p != Some(n) {
                    reader.written.set_value(Some(n));
                    replace_next_entry();
                    atlas.update(|s| s.at_paragraph(Some(n)));
                }
                reader.jump(n, true, Some("mark.plan-mark"));
                return;
            }
        }
        if p == reader.written.get_value() {
            return;
        }
        reader.written.set_value(p);
        if let Some(n) = p {
            let focus = reader.focus_on_jump.get_value();
            reader.focus_on_jump.set_value(true);
            reader.jump(n, focus, None);
        }
    });
}

/// The plan's text, read beside the map, as the wasm chunk `plan`: shown once the chunk has
/// arrived, or its error panel. The plan document is asked for here, in the first wasm, so that
/// it downloads beside the chunk rather than after it.
pub fn plan_split() -> impl IntoView {
    use_atlas().want_plan();
    view! { <Split chunk="plan" split=split_point(plan_chunk) preload=preload_point(preload_plan) /> }
}

/// The split point: its body, the view built type-erased, is the `plan` chunk; `preload_plan`
/// fetches the chunk without building the view.
#[wasm_split(plan, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_plan))]
pub fn plan_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <PlanView /> }.into_any())
}
