//! What the map shows while the county layer is on its way or when it cannot be used: a status
//! line over the province map, or a panel saying what went wrong and what to do, with the way
//! back; the province map stays usable under both.

use atlas_core::Msg;
use leptos::prelude::*;

use crate::state::context::use_atlas;
use crate::state::load::LoadError;
use crate::state::updated::UpdatedPanel;

/// The status line shown over the province map while the counties download.
#[component]
pub fn CountiesLoading() -> impl IntoView {
    let language = use_atlas().language;
    view! {
        <p class="counties-status" role="status">{move || language.get().text(Msg::CountiesLoading)}</p>
    }
}

/// The panel shown when the county layer is missing or broken: the message from the loader or
/// the layer's checks, the hint, and a button back to the province; when the atlas was updated
/// since the page opened, the panel that asks for a reload instead.
#[component]
pub fn CountiesError(error: LoadError) -> impl IntoView {
    if matches!(error, LoadError::Updated { .. }) {
        return view! { <UpdatedPanel /> }.into_any();
    }
    let atlas = use_atlas();
    let language = atlas.language;
    let message = error.to_string();
    // A stalled server is no upload mistake: its hint says to wait and reload, not to re-upload;
    // the layer's reader (a wasm chunk) missing is the site's code, not the county file.
    let hint = match error {
        LoadError::Stalled { .. } => Msg::DrillStalledHint,
        LoadError::Code { .. } => Msg::ChunkHint,
        _ => Msg::DrillHint,
    };
    view! {
        <div class="counties-error" role="alert">
            <h2>{move || language.get().text(Msg::DrillFailed)}</h2>
            <p class="detail" lang="en">{message}</p>
            <p class="hint">{move || language.get().text(hint)}</p>
            <button type="button" class="back" on:click=move |_| atlas.update(|s| s.drilled(false))>
                {move || language.get().text(Msg::BackToProvince)}
            </button>
        </div>
    }
    .into_any()
}
