//! The briefs view (`?view=briefs`): all 13 cities' one-page briefs, a chooser of which to print
//! (a brief left unticked is shown collapsed to its heading and is not printed), and a button that
//! prints the ticked ones, one A4 page each. A link naming a city (the city panel's "City brief")
//! opens the view with that city's brief alone ticked (`atlas_core::view::brief::ticked_at_open`). The
//! ticks are part of the view's state, so its address (`briefs=`), reload and Back/Forward keep
//! them; each change of them is a history entry, as any other choice of view. A language switch
//! keeps the brief being read at the top (`reading_place`). With none ticked,
//! the browser's own Print gives one page saying so and how to choose, not a blank sheet.

mod page;
mod reading_place;

use std::collections::BTreeSet;
use std::sync::Arc;

use atlas_core::Msg;
use atlas_core::draw::locator::locator_scene;
use atlas_core::view::brief::all_briefs;
use atlas_core::view::brief::date::PrintDate;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::state::chunk::{ChunkFailed, Split, preload_point, split_point};
use crate::state::context::use_atlas;
use page::BriefPage;
use reading_place::keep_reading_place;

/// The briefs view: chooser, print button and the briefs.
#[component]
pub fn BriefsView() -> impl IntoView {
    let atlas = use_atlas();
    // The locators draw the city's counties once the county layer is here.
    atlas.want_counties();
    let language = atlas.language;
    let bundle = Arc::clone(&atlas.bundle);
    let state = atlas.state;
    let opened = state.with_untracked(|s| s.city.clone());
    let ticked = {
        let bundle = Arc::clone(&bundle);
        Memo::new(move |_| state.with(|s| s.ticked_briefs(&bundle)))
    };
    let tick = {
        let bundle = Arc::clone(&bundle);
        move |change: &dyn Fn(&mut BTreeSet<String>)| {
            let mut next = ticked.get_untracked();
            change(&mut next);
            state.set(state.with_untracked(|s| s.with_briefs(&bundle, next)));
        }
    };
    // A link to one city (the panel's "City brief") brings that city's brief into view.
    if let Some(adcode) = opened
        .as_deref()
        .and_then(|_| ticked.with_untracked(|t| t.first().cloned()))
    {
        Effect::new(move |_| {
            let selector = format!(r#".brief[data-adcode="{adcode}"]"#);
            if let Some(brief) = document().query_selector(&selector).ok().flatten() {
                brief.scroll_into_view();
            }
        });
    }
    let section = NodeRef::<leptos::html::Section>::new();
    let note_place = keep_reading_place(section, language);
    let scene = Arc::new(locator_scene(&bundle));
    let date = today();
    let briefs = match all_briefs(&bundle) {
        Ok(briefs) => briefs
            .into_iter()
            .map(|brief| {
                view! { <BriefPage adcode=brief.city.adcode.clone() ticked scene=Arc::clone(&scene) date /> }
            })
            .collect_view()
            .into_any(),
        Err(error) => view! { <p class="briefs-error" role="alert">{error.to_string()}</p> }.into_any(),
    };
    let text = move |msg: Msg| move || language.get().text(msg);
    let all: Vec<String> = bundle.cities.iter().map(|c| c.adcode.clone()).collect();
    let ticks = bundle
        .cities
        .iter()
        .map(|city| {
            let adcode = city.adcode.clone();
            let (zh, en) = (city.short_name_zh().to_string(), city.name_en.clone());
            let checked = {
                let adcode = adcode.clone();
                move || ticked.with(|t| t.contains(&adcode))
            };
            let tick = tick.clone();
            let toggle = move |e| {
                let on = event_target_checked(&e);
                tick(&|t| {
                    if on {
                        t.insert(adcode.clone());
                    } else {
                        t.remove(&adcode);
                    }
                });
            };
            view! {
                <label class="brief-tick">
                    <input type="checkbox" value=city.adcode.clone() prop:checked=checked on:change=toggle />
                    {move || language.get().pick(&zh, &en).to_string()}
                </label>
            }
        })
        .collect_view();
    view! {
        <section
            class="briefs-view"
            aria-labelledby="briefs-heading"
            node_ref=section
            on:scroll=move |_| note_place()
        >
            <div class="briefs-chooser">
                <h2 id="briefs-heading">{text(Msg::ViewBriefs)}</h2>
                <fieldset>
                    <legend>{text(Msg::BriefsChooser)}</legend>
                    <div class="brief-ticks">{ticks}</div>
                </fieldset>
                <div class="briefs-actions">
                    <button type="button" class="briefs-all" on:click={
                        let tick = tick.clone();
                        move |_| tick(&|t| t.extend(all.iter().cloned()))
                    }>
                        {text(Msg::BriefsAll)}
                    </button>
                    <button type="button" class="briefs-none" on:click=move |_| tick(&BTreeSet::clear)>
                        {text(Msg::BriefsNone)}
                    </button>
                    <button
                        type="button"
                        class="briefs-print"
                        disabled=move || ticked.with(BTreeSet::is_empty)
                        on:click=|_| {
                            let _ = window().print();
                        }
                    >
                        {text(Msg::BriefsPrint)}
                    </button>
                </div>
                // In a sandboxed frame the browser ignores print() unless the host allowed modals.
                {crate::web::frame::opaque_origin().then(|| view! {
                    <p class="briefs-frame-note">{text(Msg::BriefsFrameNote)}</p>
                })}
            </div>
            // Printed with no brief ticked (the browser's own Print), the page says so instead of
            // coming out blank; on screen the chooser says it already.
            <Show when=move || ticked.with(BTreeSet::is_empty)>
                <div class="briefs-none-printed">
                    <p class="briefs-none-title">{text(Msg::Title)} " · " {text(Msg::ViewBriefs)}</p>
                    <p class="briefs-none-what">{text(Msg::BriefsNonePrinted)}</p>
                </div>
            </Show>
            <div class="briefs">{briefs}</div>
        </section>
    }
}

/// Today in the browser's time zone, the date the briefs say they were printed on.
fn today() -> Option<PrintDate> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    PrintDate::new(year, now.get_month() + 1, now.get_date())
}

/// The city briefs, as the wasm chunk `briefs`: shown once the chunk has arrived, or its error panel.
pub fn briefs_split() -> impl IntoView {
    view! { <Split chunk="briefs" split=split_point(briefs_chunk) preload=preload_point(preload_briefs) /> }
}

/// The split point: its body, the view built type-erased, is the `briefs` chunk; `preload_briefs`
/// fetches the chunk without building the view.
#[wasm_split(briefs, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_briefs))]
pub fn briefs_chunk() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <BriefsView /> }.into_any())
}
