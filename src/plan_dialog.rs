//! The plan view: the whole plan text in a dialog, scrolled to the quote being shown, which is
//! highlighted. The text is downloaded the first time it is opened.
//!
//! It is modal for the keyboard too: focus moves into it when it opens, Tab and Shift+Tab cycle
//! inside it, no key pressed in it reaches the page's shortcuts behind it, and closing it returns
//! focus to the button that opened it.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::plan::PlanText;
use leptos::ev;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::context::use_atlas;
use crate::load::{LoadError, load_plan};

/// The dialog, shown while a quote is chosen.
#[component]
pub fn PlanDialog() -> impl IntoView {
    let atlas = use_atlas();
    let plan_quote = atlas.plan_quote;
    let plan: RwSignal<Option<Result<Arc<PlanText>, LoadError>>> = RwSignal::new(None);
    let close_button = NodeRef::<Button>::new();
    let dialog = NodeRef::<Div>::new();
    let plan_body = NodeRef::<Div>::new();
    let opener = StoredValue::new_local(None::<HtmlElement>);
    Effect::new(move |_| {
        if plan_quote.with(Option::is_some) && plan.with_untracked(Option::is_none) {
            spawn_local(async move { plan.set(Some(load_plan().await)) });
        }
    });
    // On opening, remember what had focus and move focus into the dialog at once (also while
    // the text loads); on closing, give focus back.
    Effect::new(move |was_open: Option<bool>| {
        let open = plan_quote.with(Option::is_some);
        if open && was_open != Some(true) {
            opener.set_value(focused_element());
            request_animation_frame(move || {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        } else if !open && was_open == Some(true) {
            if let Some(element) = opener.get_value().filter(|el| el.is_connected()) {
                let _ = element.focus();
            }
            opener.set_value(None);
        }
        open
    });
    // Once the text is shown, bring the highlighted quote into view.
    Effect::new(move |_| {
        let ready = plan.with(|p| matches!(p, Some(Ok(_)))) && plan_quote.with(Option::is_some);
        if !ready {
            return;
        }
        request_animation_frame(move || {
            if let Ok(Some(mark)) = document().query_selector("mark.plan-mark") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
    // Keys pressed inside the dialog stay inside it: Tab cycles, Escape closes, and nothing
    // reaches the window's shortcuts (`/` for search, the presenter's keys).
    let on_key = move |e: ev::KeyboardEvent| {
        e.stop_propagation();
        match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                plan_quote.set(None);
            }
            "Tab" => {
                if let (Some(first), Some(last)) =
                    (close_button.get_untracked(), plan_body.get_untracked())
                {
                    trap_tab(&first, &last, &e);
                }
            }
            _ => {}
        }
    };
    // With focus outside it (on the page body after a click on its text), Tab brings focus back
    // in and Escape still closes it.
    let escape = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Tab" && plan_quote.with_untracked(Option::is_some) {
            let outside = document()
                .active_element()
                .is_none_or(|a| dialog.get_untracked().is_none_or(|d| !d.contains(Some(&a))));
            if outside && let Some(button) = close_button.get_untracked() {
                e.prevent_default();
                let _ = button.focus();
            }
        }
        if e.key() == "Escape" && plan_quote.with_untracked(Option::is_some) {
            // The key closes the plan view and nothing else (not the presenter behind it).
            e.stop_immediate_propagation();
            plan_quote.set(None);
        }
    });
    on_cleanup(move || escape.remove());
    move || {
        let quote = plan_quote.get()?;
        let lang = atlas.lang();
        let body = match plan.get() {
            None => view! { <p class="status loading">{lang.text(Msg::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <p class="status error">{error.to_string()}</p> }.into_any()
            }
            Some(Ok(text)) => {
                let mark = text.find_in_section(&quote.quote, &quote.section).ok();
                text.paragraphs_marking(mark)
                    .into_iter()
                    .map(|pieces| {
                        let pieces = pieces
                            .into_iter()
                            .map(|p| {
                                let t = p.text.to_string();
                                if p.marked {
                                    view! { <mark class="plan-mark">{t}</mark> }.into_any()
                                } else {
                                    t.into_any()
                                }
                            })
                            .collect_view();
                        view! { <p>{pieces}</p> }
                    })
                    .collect_view()
                    .into_any()
            }
        };
        Some(view! {
            <div class="plan-overlay" on:click=move |_| plan_quote.set(None)>
                <div
                    class="plan-dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="plan-title"
                    node_ref=dialog
                    on:click=|e| e.stop_propagation()
                    on:keydown=on_key
                >
                    <header>
                        <h2 id="plan-title">{format!("{} · §{}", lang.text(Msg::PlanText), lang.section(&quote.section))}</h2>
                        <button type="button" class="close" node_ref=close_button on:click=move |_| plan_quote.set(None)>
                            {lang.text(Msg::Close)}
                        </button>
                    </header>
                    <div class="plan-body" node_ref=plan_body lang="zh-CN" tabindex="0" role="region" aria-labelledby="plan-title">{body}</div>
                </div>
            </div>
        })
    }
}

/// The element that has focus, if it is an HTML element other than the body.
fn focused_element() -> Option<HtmlElement> {
    document()
        .active_element()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.tag_name() != "BODY")
}

/// Keeps Tab and Shift+Tab among the dialog's controls, `first` to `last`: Tab from the last goes
/// to the first, Shift+Tab from the first to the last.
fn trap_tab(first: &HtmlElement, last: &HtmlElement, e: &ev::KeyboardEvent) {
    let active = document().active_element();
    let is = |el: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<Element>())
    };
    let target = if e.shift_key() {
        is(first).then_some(last)
    } else {
        is(last).then_some(first)
    };
    if let Some(target) = target {
        e.prevent_default();
        let _ = target.focus();
    }
}
