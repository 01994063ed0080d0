//! The first screen's story in the side panel while nothing is chosen (atlas-core's `story`):
//! the ten industries with their counts, the signature industries and the three zones, as
//! buttons. Its markup is the prerendered page's, written by the same core function, so the
//! panel the page brings is replaced by an identical one.

use atlas_core::view::story::{StoryChoice, story_markup};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::context::use_atlas;
use crate::web::focus::keep_focus_on;

/// The story panel; a click on one of its buttons makes that choice, as the picker or the
/// legend would, and focus lands where the choice is shown.
#[component]
pub fn StoryPanel() -> impl IntoView {
    let atlas = use_atlas();
    let bundle = atlas.bundle.clone();
    let language = atlas.language;
    let markup = move || story_markup(&bundle, language.get());
    let on_click = move |e: leptos::ev::MouseEvent| {
        let Some(choice) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
            .and_then(|b| read_choice(&b))
        else {
            return;
        };
        let bundle = atlas.bundle.clone();
        atlas.update(|s| choice.apply(&bundle, s));
        keep_focus_on(Some(choice.landing()));
    };
    view! { <section class="story" inner_html=markup on:click=on_click></section> }
}

/// The choice a story button carries in its data.
fn read_choice(button: &web_sys::Element) -> Option<StoryChoice> {
    let data = |key: &str| button.get_attribute(key);
    data("data-industry")
        .map(StoryChoice::Industry)
        .or_else(|| data("data-field").map(StoryChoice::Field))
        .or_else(|| data("data-zone").map(StoryChoice::Zone))
}
