//! One-page printable briefs of the cities (issue 12; being built).

use leptos::prelude::*;

/// One-page printable briefs of the cities.
#[component]
pub fn BriefsView() -> impl IntoView {
    view! { <section class="briefs-view"></section> }
}
