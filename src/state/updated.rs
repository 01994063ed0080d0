//! What shows in place of a view whose file of this build is gone because the atlas was updated
//! on the server since this page opened (the county layer, the plan document, a view's wasm
//! chunk): low in the app's layers, so that every loader can show it.

use atlas_core::Msg;
use leptos::prelude::*;

/// Shown in place of a view whose file is gone because the atlas was updated on the server since
/// this page opened: it says so, in the interface language, and offers the reload that brings the
/// new build (never blaming the upload).
#[component]
pub fn UpdatedPanel() -> impl IntoView {
    let language = crate::state::context::use_atlas().language;
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <div class="status updated" role="alert">
            <h2>{move || language.get().text(Msg::AtlasUpdated)}</h2>
            <p class="hint">{move || language.get().text(Msg::AtlasUpdatedHint)}</p>
            <button type="button" class="reload" on:click=reload>
                {move || language.get().text(Msg::Reload)}
            </button>
        </div>
    }
}
