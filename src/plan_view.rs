//! The whole plan text with the map beside it (issue 12; being built).

use leptos::prelude::*;

/// The whole plan text with the map beside it.
#[component]
pub fn PlanView() -> impl IntoView {
    view! { <section class="plan-view"></section> }
}
