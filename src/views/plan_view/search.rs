//! Search within the plan text: every match marked, their count (announced as it changes), and
//! previous / next buttons; Enter goes to the next match, Shift+Enter to the previous one.

use std::ops::Range;
use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::view::plan_view_state::{PlanReading, match_count};
use leptos::prelude::*;

use super::Reader;
use crate::state::context::use_atlas;

/// The search box with its count and buttons.
#[component]
pub(super) fn PlanSearch(
    reading: Arc<PlanReading>,
    reader: Reader,
    matches: Memo<Vec<Range<usize>>>,
) -> impl IntoView {
    let language = use_atlas().language;
    let total = Memo::new(move |_| matches.with(Vec::len));
    let go = move |forward: bool| {
        let count = total.get_untracked();
        if count == 0 {
            return;
        }
        let next = match (reader.current_match.get_untracked(), forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        reader.current_match.set(Some(next));
        let start = matches.with_untracked(|m| m.get(next).map(|r| r.start));
        if let Some(n) = start.and_then(|at| reading.doc.paragraph_at(at)) {
            reader.jump(n, false, Some("mark.plan-match.current"));
        }
    };
    let on_input = move |e: leptos::ev::Event| {
        reader.query.set(event_target_value(&e));
        reader.current_match.set(None);
    };
    let on_key = {
        let go = go.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                go(!e.shift_key());
            }
            // Esc first clears the search (then, pressed again, leaves the view).
            if e.key() == "Escape" && reader.query.with_untracked(|q| !q.is_empty()) {
                e.prevent_default();
                reader.query.set(String::new());
                reader.current_match.set(None);
            }
        }
    };
    let go_back = go.clone();
    let count_text = move || {
        let searching = reader.query.with(|q| !q.trim().is_empty());
        searching.then(|| match_count(language.get(), reader.current_match.get(), total.get()))
    };
    let label = move || language.get().text(Msg::PlanSearch);
    view! {
        <div class="plan-search" role="search">
            <input
                type="search"
                class="plan-search-input"
                aria-label=label
                placeholder=label
                prop:value=move || reader.query.get()
                on:input=on_input
                on:keydown=on_key
            />
            <output class="plan-match-count" aria-live="polite">{count_text}</output>
            <button
                type="button"
                class="plan-match-previous"
                disabled=move || total.get() == 0
                on:click=move |_| go_back(false)
            >
                {move || language.get().text(Msg::PlanPreviousMatch)}
            </button>
            <button
                type="button"
                class="plan-match-next"
                disabled=move || total.get() == 0
                on:click=move |_| go(true)
            >
                {move || language.get().text(Msg::PlanNextMatch)}
            </button>
        </div>
    }
}
