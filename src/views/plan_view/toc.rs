//! The table of contents: the plan's parts and sections as links to their headings; open beside
//! the text on wide screens, a closed disclosure on phones.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::view::plan_view_state::PlanReading;
use leptos::prelude::*;

use super::{Reader, modified_click, paragraph_href};
use crate::state::context::use_atlas;

/// Below this width (CSS px) the table of contents starts closed.
const NARROW: f64 = 700.0;

/// The table of contents.
#[component]
pub(super) fn Contents(reading: Arc<PlanReading>, reader: Reader) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= NARROW);
    let toc = reading.toc();
    let numbers: Vec<usize> = toc.iter().map(|e| e.number).collect();
    // The heading of the part or section being read.
    let current = Memo::new(move |_| {
        let n = reader.in_view.get();
        numbers.iter().rev().copied().find(|&h| h <= n)
    });
    let entries = toc
        .into_iter()
        .map(|entry| {
            let n = entry.number;
            let href = move || paragraph_href(reader, n);
            let atlas = atlas.clone();
            let on_click = move |e: leptos::ev::MouseEvent| {
                if !modified_click(&e) {
                    e.prevent_default();
                    reader.choose(&atlas, n, true);
                }
            };
            let class = if entry.level == 2 {
                "toc-part"
            } else {
                "toc-section"
            };
            view! {
                <li class=class>
                    <a
                        href=href
                        on:click=on_click
                        aria-current=move || (current.get() == Some(n)).then_some("location")
                    >
                        {entry.text.to_string()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="plan-toc" aria-labelledby="plan-toc-title">
            <details open=wide>
                <summary id="plan-toc-title">{move || language.get().text(Msg::PlanContents)}</summary>
                <ol lang="zh-CN">{entries}</ol>
            </details>
        </nav>
    }
}
