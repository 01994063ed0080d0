//! The paragraphs naming the place chosen on the map (or in the text): their list, and previous
//! / next buttons that jump between them (scroll and highlight, the focus staying on the button so
//! it can be pressed again). A live region that stays in the page (so screen readers hear its
//! first words too) announces the place, how many paragraphs name it and which one is shown.

use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::view::plan_view_state::{
    PlanReading, naming_announcement, naming_heading, paragraph_label, step,
};
use leptos::prelude::*;

use super::{Reader, modified_click, paragraph_href};
use crate::state::context::use_atlas;

/// The list, shown while a place is chosen.
#[component]
pub(super) fn PlaceList(reading: Arc<PlanReading>, reader: Reader) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let list = {
        let (bundle, reading) = (atlas.bundle.clone(), reading.clone());
        Memo::new(move |_| {
            reader
                .chosen
                .get()
                .map(|code| reading.paragraphs_naming(&bundle, &code))
        })
    };
    let go = {
        let atlas = atlas.clone();
        move |forward: bool| {
            let current = reader.highlight.get_untracked();
            let target =
                list.with_untracked(|l| l.as_deref().and_then(|l| step(l, current, forward)));
            if let Some(n) = target {
                reader.choose(&atlas, n, false);
            }
        }
    };
    let place_name = {
        let atlas = atlas.clone();
        move |code: &str| {
            atlas
                .bundle
                .place_name(code)
                .map_or(code.to_string(), |n| n.in_lang(language.get()).to_string())
        }
    };
    let announcement = {
        let place_name = place_name.clone();
        move || {
            let code = reader.chosen.get()?;
            let numbers = list.get().unwrap_or_default();
            let at = reader
                .highlight
                .get()
                .and_then(|h| numbers.iter().position(|&n| n == h));
            Some(naming_announcement(
                language.get(),
                &place_name(&code),
                numbers.len(),
                at,
            ))
        }
    };
    let section = move || {
        let code = reader.chosen.get()?;
        let numbers = list.get().unwrap_or_default();
        let lang = language.get();
        let name = place_name(&code);
        let count = numbers.len();
        let position = {
            let numbers = numbers.clone();
            move || {
                let at = reader
                    .highlight
                    .get()
                    .and_then(|h| numbers.iter().position(|&n| n == h));
                at.map(|i| format!("{} / {count}", i + 1))
            }
        };
        let items = numbers
            .iter()
            .filter_map(|&n| reading.paragraph(n))
            .map(|p| {
                let n = p.number;
                let atlas = atlas.clone();
                let href = paragraph_href(reader, n);
                let on_click = move |e: leptos::ev::MouseEvent| {
                    if !modified_click(&e) {
                        e.prevent_default();
                        reader.choose(&atlas, n, true);
                    }
                };
                view! {
                    <li>
                        <a
                            href=href
                            on:click=on_click
                            aria-current=move || (reader.highlight.get() == Some(n)).then_some("true")
                        >
                            {paragraph_label(lang, p)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        let (go_back, go_on) = (go.clone(), go.clone());
        Some(view! {
            <section class="plan-places" aria-labelledby="plan-places-title">
                <h2 id="plan-places-title">{naming_heading(lang, &name, count)}</h2>
                <div class="plan-places-steps">
                    <button type="button" class="plan-previous" disabled=count == 0 on:click=move |_| go_back(false)>
                        {lang.text(Msg::PlanPreviousParagraph)}
                    </button>
                    <span class="plan-places-position">{position}</span>
                    <button type="button" class="plan-next" disabled=count == 0 on:click=move |_| go_on(true)>
                        {lang.text(Msg::PlanNextParagraph)}
                    </button>
                    <button type="button" class="plan-places-close" on:click=move |_| reader.chosen.set(None)>
                        {lang.text(Msg::Close)}
                    </button>
                </div>
                <ol>{items}</ol>
            </section>
        })
    };
    view! {
        <p class="plan-announce" aria-live="polite">{announcement}</p>
        {section}
    }
}
