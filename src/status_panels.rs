//! What the page shows instead of the map: while the bundle loads, and when it cannot be used.

use leptos::prelude::*;

use crate::load::LoadError;

/// Shown while the bundle downloads.
#[component]
pub fn LoadingPanel() -> impl IntoView {
    view! {
        <div class="status loading" role="status">
            <p>"正在加载地图数据…"</p>
            <p lang="en">"Loading the atlas data…"</p>
        </div>
    }
}

/// Shown when the bundle is missing, unreachable or broken: what went wrong and what to check.
#[component]
pub fn ErrorPanel(error: LoadError) -> impl IntoView {
    view! {
        <div class="status error" role="alert">
            <h2>"无法加载地图数据"</h2>
            <p lang="en">"The atlas data could not be loaded."</p>
            <p class="detail">{error.to_string()}</p>
            <p class="hint" lang="en">
                "Check that assets/atlas.json is served next to this page and was built by this version's builder (cargo run -p atlas-builder)."
            </p>
        </div>
    }
}
