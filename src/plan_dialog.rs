//! The plan view: the whole plan text in a dialog, scrolled to the quote being shown, which is
//! highlighted. The text is downloaded the first time it is opened.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::plan::PlanText;
use leptos::ev;
use leptos::html::Button;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::context::use_atlas;
use crate::load::{LoadError, load_plan};

/// The dialog, shown while a quote is chosen.
#[component]
pub fn PlanDialog() -> impl IntoView {
    let atlas = use_atlas();
    let plan_quote = atlas.plan_quote;
    let plan: RwSignal<Option<Result<Arc<PlanText>, LoadError>>> = RwSignal::new(None);
    let close_button = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if plan_quote.with(Option::is_some) && plan.with_untracked(Option::is_none) {
            spawn_local(async move { plan.set(Some(load_plan().await)) });
        }
    });
    // Once the text is shown, bring the highlighted quote into view and focus the dialog.
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
            if let Some(button) = close_button.get_untracked() {
                let _ = button.focus();
            }
        });
    });
    let escape = window_event_listener(ev::keydown, move |e| {
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
                    on:click=|e| e.stop_propagation()
                >
                    <header>
                        <h2 id="plan-title">{format!("{} · §{}", lang.text(Msg::PlanText), lang.section(&quote.section))}</h2>
                        <button type="button" class="close" node_ref=close_button on:click=move |_| plan_quote.set(None)>
                            {lang.text(Msg::Close)}
                        </button>
                    </header>
                    <div class="plan-body" lang="zh-CN">{body}</div>
                </div>
            </div>
        })
    }
}
