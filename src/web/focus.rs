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

/// Puts the focus on `selector` (a map's place) once it is drawn and can take it, if the focus is
/// lost meanwhile: the drilled map is drawn a frame or more after the province map it covers
/// turns inert, taking the focus from the city that drilled in.
pub fn focus_when_drawn(selector: String) {
    land(selector, false, FRAMES_TO_WAIT);
}

/// Whether the keyboard focus is on nothing: on the page's body, where it falls when its
/// element goes, or inside a part of the page that is inert or hidden.
fn focus_lost(document: &web_sys::Document) -> bool {
    document.active_element().is_none_or(|e| {
        document.body().is_some_and(|b| *b == e)
            || e.closest("[inert], [hidden]").ok().flatten().is_some()
    })
}

fn land(selector: String, heading: bool, frames_left: u32) {
    request_animation_frame(move || {
        let document = document();
        if !focus_lost(&document) {
            return;
        }
        if let Some(element) = document.query_selector(&selector).ok().flatten() {
            if heading && !element.has_attribute("tabindex") {
                let _ = element.set_attribute("tabindex", "-1");
            }
            // City shapes are SVG elements, which have `focus()` as HTML elements do; the
            // binding calls the method by name.
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
        }
        // Not drawn yet, or drawn where it cannot take the focus yet (a map still hidden).
        if focus_lost(&document) && frames_left > 0 {
            land(selector, heading, frames_left - 1);
        }
    });
}
