//! The page: header, then the loading state, the error panel, or the atlas itself.

use std::sync::Arc;

use atlas_core::Bundle;
use leptos::ev;
use leptos::prelude::*;

use crate::city_panel::CityPanel;
use crate::load::load_bundle;
use crate::map_view::MapView;
use crate::status_panels::{ErrorPanel, LoadingPanel};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let bundle = LocalResource::new(load_bundle);
    view! {
        <div class="app">
            <header class="topbar">
                <h1>"江苏战略性新兴产业布局图"</h1>
                <p class="subtitle">"Jiangsu Industry Atlas · “十二五” 2011–2015"</p>
            </header>
            {move || match bundle.get() {
                None => view! { <LoadingPanel /> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error /> }.into_any(),
                Some(Ok(bundle)) => view! { <Atlas bundle /> }.into_any(),
            }}
        </div>
    }
}

/// The map and the panel beside it, sharing the selected city.
#[component]
fn Atlas(bundle: Arc<Bundle>) -> impl IntoView {
    let selected = RwSignal::new(None::<String>);
    let escape = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            selected.set(None);
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <main class="atlas">
            <MapView bundle=bundle.clone() selected />
            <CityPanel bundle selected />
        </main>
    }
}
