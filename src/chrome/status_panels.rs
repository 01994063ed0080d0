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
