//! Where the keyboard focus goes when the element holding it leaves the page.

use atlas_core::view::landing::Landing;
use leptos::prelude::*;

/// How many frames a landing waits for its element: a view whose code arrives as a wasm chunk
/// draws it a few frames after it opens (about five seconds at 60 Hz).
const FRAMES_TO_WAIT: u32 = 300;

/// After the element holding the keyboard focus has gone (a closed panel, a view left), puts
/// focus where the core's `landing` says instead of leaving it on the page's body; if that
/// element is not drawn yet, looks again each frame for a while, as long as nothing else has
/// taken the focus meanwhile.
pub fn keep_focus_on(landing: Option<Landing>) {
    let Some(Landing { selector, heading }) = landing else {
        return;
    };
    land(selector, heading, FRAMES_TO_WAIT);
}

fn land(selector: String, heading: bool, frames_left: u32) {
    request_animation_frame(move || {
        let document = document();
        let lost = document
            .active_element()
            .is_none_or(|e| document.body().is_some_and(|b| *b == e));
        if !lost {
            return;
        }
        match document.query_selector(&selector).ok().flatten() {
            Some(element) => {
                if heading && !element.has_attribute("tabindex") {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                // City shapes are SVG elements, which have `focus()` as HTML elements do; the
                // binding calls the method by name.
                let _ =
                    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
            }
            None if frames_left > 0 => land(selector, heading, frames_left - 1),
            None => {}
        }
    });
}
