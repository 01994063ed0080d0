//! The toolbar's export menu as the first wasm carries it: its button, closing the open menu
//! (Esc, a press outside, an export done) and, where downloads cannot work, the note saying what
//! the host must add. What the menu offers and the exports' code are the `exports` wasm chunk
//! (src/chrome/export.rs), built the first time the menu opens, or fetched earlier on idle.

use atlas_core::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::context::use_atlas;

/// The toolbar's menus (export, embed code): native `<details>`, of which one is open at a time.
const OPEN_MENU: &str = ".toolbar details[open]";

/// Closes the open toolbar menu (export or embed code), giving the focus back to its button;
/// whether one was open (so Esc closes the menu before it does anything else).
pub fn close_menu() -> bool {
    let Some(menu) = document().query_selector(OPEN_MENU).ok().flatten() else {
        return false;
    };
    let _ = menu.remove_attribute("open");
    if let Some(summary) = menu
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
    true
}

/// The export menu of the toolbar; `items` is what it offers (the `exports` chunk's list, or its
/// error panel), built the first time the menu opens. Where downloads cannot work it says what
/// the host must add instead of offering buttons that would fail silently; each export, Esc and a
/// press outside close the menu.
#[component]
pub fn ExportMenu(
    /// What the menu offers, built when it first opens.
    items: ViewFn,
) -> impl IntoView {
    let atlas = use_atlas();
    let language = atlas.language;
    let offered = atlas
        .state
        .with_untracked(|s| s.embed.offers_downloads(crate::web::frame::opaque_origin()));
    // A press anywhere outside the open menu closes it, as a menu does, leaving the focus
    // where that press puts it; a press on the other menu's button so opens that one alone.
    let outside = window_event_listener(leptos::ev::pointerdown, |e| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if let Some(menu) = document()
            .query_selector(OPEN_MENU)
            .ok()
            .flatten()
            .filter(|menu| !menu.contains(target.as_ref()))
        {
            let _ = menu.remove_attribute("open");
        }
    });
    on_cleanup(move || outside.remove());
    let opened = RwSignal::new(false);
    let on_toggle = move |e: leptos::ev::Event| {
        let open = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|menu| menu.has_attribute("open"));
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    let content = move || {
        if !offered {
            let note = move || language.get().text(Msg::ExportNeedsDownloads);
            return Some(view! { <p class="export-note">{note}</p> }.into_any());
        }
        opened.get().then(|| items.run())
    };
    view! {
        <details class="export-menu" on:toggle=on_toggle>
            <summary>{move || language.get().text(Msg::Export)}</summary>
            {content}
        </details>
    }
}
