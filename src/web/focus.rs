//! Where the keyboard focus goes when the element holding it leaves the page.

use atlas_core::view::landing::Landing;
use leptos::prelude::*;

/// After the element holding the keyboard focus has gone (a closed panel, a view left), puts
/// focus where the core's `landing` says instead of leaving it on the page's body.
pub fn keep_focus_on(landing: Option<Landing>) {
    let Some(Landing { selector, heading }) = landing else {
        return;
    };
    request_animation_frame(move || {
        let document = document();
        let lost = document
            .active_element()
            .is_none_or(|e| document.body().is_some_and(|b| *b == e));
        if !lost {
            return;
        }
        if let Some(element) = document.query_selector(&selector).ok().flatten() {
            if heading && !element.has_attribute("tabindex") {
                let _ = element.set_attribute("tabindex", "-1");
            }
            // City shapes are SVG elements, which have `focus()` as HTML elements do; the binding
            // calls the method by name.
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
        }
    });
}
