//! What the page shows instead of the map: while the bundle loads, and when it cannot be used.
//! Both languages are shown, since the reader's choice lives in the bundle-backed view state.

use atlas_core::{Lang, Msg};
use leptos::prelude::*;

use crate::state::load::LoadError;

/// Shown while the bundle downloads.
#[component]
pub fn LoadingPanel() -> impl IntoView {
    view! {
        <div class="status loading" role="status">
            <p>{Lang::Zh.text(Msg::Loading)}</p>
            <p lang="en">{Lang::En.text(Msg::Loading)}</p>
        </div>
    }
}

/// Shown when the bundle is missing, unreachable or broken: what went wrong and what to check.
#[component]
pub fn ErrorPanel(error: LoadError) -> impl IntoView {
    view! {
        <div class="status error" role="alert">
            <h2>{Lang::Zh.text(Msg::LoadFailed)}</h2>
            <p lang="en">{Lang::En.text(Msg::LoadFailed)}.</p>
            <p class="detail" lang="en">{error.to_string()}</p>
            <p class="hint">{Lang::Zh.text(Msg::LoadHint)}</p>
            <p class="hint" lang="en">{Lang::En.text(Msg::LoadHint)}</p>
        </div>
    }
}

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
