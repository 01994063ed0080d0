//! The ten industries as small maps side by side (issue 12; being built).

use leptos::prelude::*;

/// The ten industries as small maps side by side.
#[component]
pub fn OverviewView() -> impl IntoView {
    view! { <section class="overview-view"></section> }
}
